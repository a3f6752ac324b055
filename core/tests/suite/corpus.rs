//! The corpus (`tests/fixtures/corpus`): made-up releases in the styles real offices publish
//! (council, meetings coverage, statement, declaration, datelines, an English/French pair, top
//! and end matter, a French ministerial release). Each `<name>.meeting.json` is read strictly and
//! each of its releases must compose to exactly the plain text of `<name>.<language>.txt`, written
//! by hand from what the style requires; the HTML and Markdown exports must render, and the HTML
//! must hold every expected paragraph's text.

use std::path::PathBuf;

use communique_core::v2::{self, MeetingV2};
use communique_core::{render, Format, Language};

use crate::prelude::unescape_html;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// Every file of the folder, sorted.
fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// Each meeting of the corpus, by its file's stem, read strictly.
pub(crate) fn meetings() -> Vec<(String, MeetingV2)> {
    let out: Vec<(String, MeetingV2)> = names()
        .into_iter()
        .filter_map(|n| n.strip_suffix(".meeting.json").map(str::to_owned))
        .map(|stem| {
            let name = format!("{stem}.meeting.json");
            let bytes = std::fs::read(dir().join(&name)).unwrap();
            let m = v2::parse(&name, &bytes).unwrap_or_else(|e| panic!("{e}"));
            (stem, m)
        })
        .collect();
    assert!(out.len() >= 8, "the corpus has {} meetings", out.len());
    out
}

/// The expected plain text of `stem`'s release in `language`.
pub(crate) fn expected(stem: &str, language: Language) -> (String, String) {
    let name = format!("{stem}.{}.txt", language.tag());
    let text = std::fs::read_to_string(dir().join(&name))
        .unwrap_or_else(|e| panic!("{name}: the expected text of a release: {e}"));
    (name, text)
}

/// The paragraphs of a plain text (blocks between blank lines).
pub(crate) fn paragraphs(text: &str) -> Vec<&str> {
    text.trim_end_matches('\n').split("\n\n").collect()
}

#[test]
fn every_file_is_a_meeting_or_the_text_of_one_of_its_releases() {
    let meetings = meetings();
    for name in names() {
        let known = name.ends_with(".meeting.json")
            || meetings.iter().any(|(stem, m)| {
                m.releases
                    .iter()
                    .any(|r| name == format!("{stem}.{}.txt", r.language.tag()))
            });
        assert!(
            known,
            "{name}: neither a meeting file nor the text of a release"
        );
    }
    for (stem, m) in &meetings {
        assert!(!m.releases.is_empty(), "{stem}: no release");
    }
}

#[test]
fn each_release_composes_to_its_expected_paragraphs() {
    let mut failures = Vec::new();
    for (stem, m) in meetings() {
        for r in &m.releases {
            let (name, want) = expected(&stem, r.language);
            let c = v2::compose(&m, r.language);
            if !c.problems.is_empty() {
                failures.push(format!("{name}: problems {:?}", c.problems));
                continue;
            }
            failures.extend(paragraph_failures(&name, &want, &render::plain_text(&c)));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Where `got` (a release's plain text) differs from `want`, paragraph by paragraph, each named.
pub(crate) fn paragraph_failures(name: &str, want: &str, got: &str) -> Vec<String> {
    let (want, got) = (paragraphs(want), paragraphs(got));
    (0..want.len().max(got.len()))
        .filter_map(|i| {
            let (w, g) = (want.get(i), got.get(i));
            (w != g).then(|| format!("{name}: paragraph {}:\n  want {w:?}\n  got  {g:?}", i + 1))
        })
        .collect()
}

/// The text a reader of the HTML export sees in its `<article>`: tags gone (a block's end a line
/// break, inline elements nothing), entities read.
pub(crate) fn html_text(html: &str) -> String {
    let start = html.find("<article>").unwrap();
    let end = html.find("</article>").unwrap();
    let mut out = String::new();
    let mut rest = &html[start..end];
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let gt = lt + rest[lt..].find('>').unwrap();
        let tag = rest[lt + 1..gt].trim_start_matches('/');
        let name = tag.split([' ', '>']).next().unwrap_or("");
        if !matches!(name, "a" | "span" | "time") {
            out.push('\n');
        }
        rest = &rest[gt + 1..];
    }
    out.push_str(rest);
    unescape_html(&out)
}

#[test]
fn html_holds_every_expected_paragraph_and_markdown_renders() {
    let mut failures = Vec::new();
    for (stem, m) in meetings() {
        for r in &m.releases {
            let (name, want) = expected(&stem, r.language);
            let html = Format::Html.render_v2(&m, r.language).unwrap();
            let text = html_text(&html);
            let md = Format::Markdown.render_v2(&m, r.language).unwrap();
            assert!(md.starts_with("---\n"), "{name}: {md}");
            for (i, p) in paragraphs(&want).into_iter().enumerate() {
                for line in p.lines() {
                    // A line of a list, or a caption's label, is the HTML's markup.
                    let numbered = line
                        .split_once(". ")
                        .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
                        .map(|(_, rest)| rest);
                    let mut candidates = vec![line];
                    candidates.extend(line.strip_prefix("- "));
                    candidates.extend(numbered);
                    candidates.extend(Language::ALL.iter().filter_map(|l| {
                        line.strip_prefix(l.table().photo_label)
                            .and_then(|c| c.strip_prefix(' '))
                    }));
                    if !candidates.iter().any(|c| text.contains(c)) {
                        failures.push(format!(
                            "{name}: paragraph {}: {line:?} not in the HTML's text",
                            i + 1
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
