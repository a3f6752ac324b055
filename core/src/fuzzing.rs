//! Shared by the fuzz targets (`fuzz/`) and the test that replays their corpus on every CI run:
//! how a fuzzer's bytes become a meeting, and what must hold of the HTML made from it.
//! Not part of the product's API.

use crate::model::Meeting;
use crate::sample;

/// Text the notes carry so a leak is detectable; a fuzz input that contains it is not checked
/// for it.
pub const PRIVATE_MARKER: &str = "pr1vate-n0te-7c4e9a";

/// The sample meeting with `text` in every user field (ids and language tags aside).
pub fn meeting_with_text(text: &str) -> Meeting {
    let mut m = sample::sample_en();
    let t = || text.to_owned();
    m.info.title = format!("x{text}");
    m.info.organisation = Some(t());
    m.info.location = Some(t());
    for p in &mut m.people {
        p.name = format!("x{text}");
        p.full = Some(t());
        p.role = Some(t());
        p.short = Some(t());
    }
    for item in &mut m.agenda {
        item.title = t();
        item.summary = t();
        item.notes = format!("{PRIVATE_MARKER}{text}");
        for q in &mut item.quotes {
            q.text = t();
            q.verb = Some(t());
        }
    }
    if let Some(r) = m.release.as_mut() {
        r.headline = t();
        r.lead = t();
        r.closing = t();
        for p in &mut r.photos {
            p.caption = t();
            p.credit = Some(t());
        }
    }
    m
}

/// The elements the HTML export is made of (the renderer's own tags, nothing from user text).
pub const TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "script",
    "body",
    "article",
    "header",
    "div",
    "h1",
    "p",
    "time",
    "span",
    "figure",
    "figcaption",
    "small",
];

/// Panics unless `html` is made only of the renderer's own tags, has exactly one script (the
/// JSON-LD, which parses), and does not show the private notes.
pub fn check_html(html: &str, text: &str) {
    let mut scripts = 0;
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        if rest.starts_with("!DOCTYPE html>") {
            continue;
        }
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            TAGS.contains(&name.as_str()),
            "unexpected tag <{name} at {i}"
        );
        if name == "script" && !html[i + 1..].starts_with('/') {
            scripts += 1;
        }
    }
    assert_eq!(scripts, 1, "exactly one script");
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + 35;
    let end = start + html[start..].find("</script>").expect("script end");
    let ld: serde_json::Value = serde_json::from_str(&html[start..end]).expect("JSON-LD parses");
    assert_eq!(ld["@type"], "NewsArticle");
    if !text.contains(PRIVATE_MARKER) {
        assert!(!html.contains(PRIVATE_MARKER), "private notes leaked");
    }
}
