//! Replays the fuzzers' committed corpus (`fuzz/corpus/`) with the fuzz targets' own checks, so
//! every input a fuzzer ever found interesting is re-tested on every CI run, on stable Rust.

use std::path::PathBuf;

use communique_core::{fuzzing, meeting_file, v2, Format, Language};

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 10,
        "{}: corpus too small ({})",
        dir.display(),
        out.len()
    );
    out
}

#[test]
fn meeting_file_corpus() {
    let mut parsed = 0;
    for (name, bytes) in corpus("meeting_file") {
        if let Ok(m) = meeting_file::parse(&name, &bytes) {
            parsed += 1;
            let once = meeting_file::to_json(&m).unwrap();
            let back = meeting_file::parse("export.json", once.as_bytes()).unwrap();
            assert_eq!(back, m, "{name}");
            assert_eq!(meeting_file::to_json(&back).unwrap(), once, "{name}");
        }
    }
    assert!(parsed > 0, "the corpus holds valid meetings too");
}

#[test]
fn meeting_file_v2_corpus() {
    let mut parsed = 0;
    for (name, bytes) in corpus("meeting_file_v2") {
        if let Ok(m) = v2::parse_any(&name, &bytes) {
            parsed += 1;
            let once = v2::to_json(&m).unwrap();
            let back = v2::parse("export.json", once.as_bytes()).unwrap();
            assert_eq!(back, m, "{name}");
            assert_eq!(v2::to_json(&back).unwrap(), once, "{name}");
            if let Ok(v1) = v2::downgrade(&m) {
                assert_eq!(v2::downgrade(&v2::upgrade(&v1)).as_ref(), Ok(&v1), "{name}");
            }
        }
    }
    assert!(parsed > 2, "the corpus holds valid meetings too");
}

#[test]
fn compose_render_corpus() {
    for (_, bytes) in corpus("compose_render") {
        let text = String::from_utf8_lossy(&bytes);
        let m = fuzzing::meeting_with_text(&text);
        fuzzing::check_html(&Format::Html.render(&m).unwrap(), &text);
        let _ = Format::Markdown.render(&m).unwrap();
    }
}

#[test]
fn compose_render_v2_corpus() {
    for (_, bytes) in corpus("compose_render_v2") {
        fuzzing::check_v2_text(&String::from_utf8_lossy(&bytes));
    }
}

/// Every field the v2 mapping claims to fill carries the text: a field it missed would never be
/// fuzzed.
#[test]
fn the_v2_mapping_reaches_every_printed_field() {
    let text = "w0rd-everywhere";
    let m = fuzzing::meeting_v2_with_text(text);
    let json = v2::to_json(&m).unwrap();
    let untouched = [
        "Press release",
        "Two days of talks",
        "\"Lisbon\"",
        "Lisbonne",
        "Border checks",
        "A spokesperson said",
        "The budget stays",
        "Read the ",
        "\"plan\"",
        "example.org/plan\"",
        "Ministers at the table",
        "Harbour League",
        "Press office",
        "press@example.org\"]",
        "Photos are free",
        "14 port states",
        "closing the session",
        "asked",
        "Ms Ruiz",
        "the Secretary General",
    ];
    for old in untouched {
        assert!(
            !json.contains(old),
            "{old:?} is still in the mapped meeting"
        );
    }
    for language in [Language::En, Language::Fr] {
        let c = v2::compose(&m, language);
        let plain = communique_core::render::plain_text(&c);
        assert!(plain.matches(text).count() > 10, "{language:?}: {plain}");
    }
    // Each dateline and photo position is reached by some length of text.
    let mut seen = std::collections::HashSet::new();
    for n in 0..12 {
        let m = fuzzing::meeting_v2_with_text(&"x".repeat(n));
        let r = &m.releases[0];
        seen.insert(format!(
            "{:?} {:?}",
            r.dateline.position, r.photos[0].position
        ));
    }
    assert_eq!(seen.len(), 12);
}

#[test]
fn the_v2_html_check_catches_an_attribute_a_tag_and_a_link() {
    let m = fuzzing::meeting_v2_with_text("plain");
    let html = Format::Html.render_v2(&m, Language::En).unwrap();
    fuzzing::check_html_v2(&html, "plain");
    for bad in [
        html.replacen("<p>", "<p onclick=\"x\">", 1),
        html.replacen("<p>", "<img src=\"x\">", 1),
        html.replacen("href=\"", "href=\"javascript:", 1),
        html.replacen("<p>", "<p class=x>", 1),
        html.replacen("</article>", "<script>1</script></article>", 1),
        html.replacen(
            "</article>",
            &format!("{}</article>", fuzzing::PRIVATE_MARKER),
            1,
        ),
    ] {
        assert_ne!(bad, html);
        assert!(std::panic::catch_unwind(|| fuzzing::check_html_v2(&bad, "plain")).is_err());
    }
}

#[test]
fn the_html_check_catches_a_leak_and_a_script() {
    let m = fuzzing::meeting_with_text("plain");
    let html = Format::Html.render(&m).unwrap();
    fuzzing::check_html(&html, "plain");
    let leaked = html.replace(
        "</article>",
        &format!("{}</article>", fuzzing::PRIVATE_MARKER),
    );
    assert!(std::panic::catch_unwind(|| fuzzing::check_html(&leaked, "plain")).is_err());
    let injected = html.replace("</article>", "<script>alert(1)</script></article>");
    assert!(std::panic::catch_unwind(|| fuzzing::check_html(&injected, "plain")).is_err());
}
