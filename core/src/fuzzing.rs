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
    json_ld_and_no_private_text(html, text);
}

// ---- The meeting file v2 ---------------------------------------------------------------------

use crate::lang::Language;
use crate::v2::{self, Block, DatelinePosition, MeetingV2, PhotoPosition, Run};

/// The worked example of the meeting file v2 (every construct, in English and French).
pub const V2_EXAMPLE: &str = include_str!("../tests/fixtures/v2/ministers-en-fr.meeting.json");

/// A link's address made of `text`: `text` itself when it is an address the reader takes,
/// else `https://example.org/` (or `mailto:`, by the text's length) followed by `text` without
/// its white space and control characters. Always an address `v2::validate` accepts.
pub fn link_of(text: &str) -> String {
    if v2::read::check_link(text).is_ok() {
        return text.to_owned();
    }
    let kept: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match text.len() % 3 {
        0 => format!("https://example.org/{kept}"),
        1 => format!("http://example.org/?q={kept}"),
        _ => format!("mailto:{kept}press@example.org"),
    }
}

/// `text`, or `x` before it when it is blank (for the fields that must not be).
fn not_blank(text: &str) -> String {
    if text.trim().is_empty() {
        format!("x{text}")
    } else {
        text.to_owned()
    }
}

fn runs_with_text(runs: &mut [Run], text: &str) {
    for run in runs {
        match run {
            Run::Text(t) => *t = text.to_owned(),
            Run::Mention { .. } => {}
            Run::Quote(q) => {
                if let Some(v) = &mut q.verb {
                    *v = text.to_owned();
                }
                if let Some(c) = &mut q.clause {
                    runs_with_text(c, text);
                }
            }
            Run::Link { href, text: phrase } => {
                *href = link_of(text);
                *phrase = vec![not_blank(text)];
            }
        }
    }
}

fn blocks_with_text(blocks: &mut [Block], text: &str) {
    for b in blocks {
        match b {
            Block::Paragraph { runs, .. } | Block::Heading { runs, .. } => {
                runs_with_text(runs, text)
            }
            Block::List { entries, .. } => entries.iter_mut().for_each(|e| runs_with_text(e, text)),
            Block::Blockquote { byline, .. } => {
                if let Some(b) = byline {
                    runs_with_text(b, text);
                }
            }
            Block::Statement {
                intro, paragraphs, ..
            } => {
                runs_with_text(intro, text);
                paragraphs.iter_mut().for_each(|p| runs_with_text(p, text));
            }
        }
    }
}

/// The v2 worked example with `text` in every field a release prints (ids, language tags and
/// times aside): title, organisation names and boilerplate, people's names and forms, agenda
/// titles, quotes' words and verbs, and in each release the label, headline, deck, dateline
/// place, every block (paragraphs, sub-headings, lists, bylines, statements; link phrases and,
/// made into an address by `link_of`, link targets), captions, credits, contact and notes to
/// editors. The private notes and the quote off the record carry `PRIVATE_MARKER`. The dateline
/// and photo positions turn with the text's length, so that each is reached.
pub fn meeting_v2_with_text(text: &str) -> MeetingV2 {
    static EXAMPLE: std::sync::OnceLock<MeetingV2> = std::sync::OnceLock::new();
    let mut m = EXAMPLE
        .get_or_init(|| {
            v2::parse("example", V2_EXAMPLE.as_bytes()).expect("the worked example reads")
        })
        .clone();
    let t = || text.to_owned();
    m.info.title = format!("x{text}");
    m.info.location = Some(t());
    for o in &mut m.organisations {
        o.name.values_mut().for_each(|n| *n = t());
        o.boilerplate
            .values_mut()
            .for_each(|b| blocks_with_text(b, text));
    }
    for p in &mut m.people {
        p.name = format!("x{text}");
        for f in p.forms.values_mut() {
            for form in [&mut f.full, &mut f.role, &mut f.short, &mut f.pronoun] {
                *form = Some(t());
            }
        }
    }
    for item in &mut m.agenda {
        item.title = t();
        item.notes = format!("{PRIVATE_MARKER}{text}");
        for q in &mut item.quotes {
            let words = if q.in_release {
                t()
            } else {
                format!("{PRIVATE_MARKER}{text}")
            };
            q.words.values_mut().for_each(|w| *w = words.clone());
            q.verb.values_mut().for_each(|v| *v = t());
        }
    }
    let positions = [
        DatelinePosition::Line,
        DatelinePosition::Lead,
        DatelinePosition::End,
        DatelinePosition::Headline,
    ];
    let photo_positions = [
        PhotoPosition::End,
        PhotoPosition::BeforeLead,
        PhotoPosition::AfterLead,
    ];
    for r in &mut m.releases {
        r.label = Some(not_blank(text));
        runs_with_text(&mut r.headline, text);
        runs_with_text(&mut r.deck, text);
        r.dateline.place = Some(t());
        r.dateline.position = positions[text.len() % positions.len()];
        blocks_with_text(&mut r.lead, text);
        for part in &mut r.items {
            if let Some(h) = &mut part.heading {
                runs_with_text(h, text);
            }
            blocks_with_text(&mut part.blocks, text);
        }
        blocks_with_text(&mut r.closing, text);
        blocks_with_text(&mut r.contact, text);
        blocks_with_text(&mut r.notes_to_editors, text);
        for (i, p) in r.photos.iter_mut().enumerate() {
            runs_with_text(&mut p.caption, text);
            p.credit = Some(t());
            p.position = photo_positions[(text.len() + i) % photo_positions.len()];
        }
    }
    m
}

/// The elements of a v2 release's HTML: `TAGS` and those of the v2 blocks.
pub const V2_TAGS: &[&str] = &[
    "h2",
    "ul",
    "ol",
    "li",
    "blockquote",
    "footer",
    "section",
    "a",
    // Correction notes.
    "aside",
    "strong",
];

/// The attributes the HTML export writes.
pub const ATTRS: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "class",
    "datetime",
    "type",
    "href",
    "rel",
    "start",
];

/// Every tag of `html` (not its closing tags) with its attributes, read as a browser would
/// read the renderer's own markup: a name, then `name="value"` pairs up to `>`. Panics on
/// anything else (an attribute without a double-quoted value, a `<` inside a value).
pub fn html_tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        if rest.starts_with("!DOCTYPE html>") || rest.starts_with('/') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let mut attrs = Vec::new();
        let mut s = &rest[name.len()..];
        loop {
            s = s.trim_start_matches(' ');
            if let Some(after) = s.strip_prefix('>') {
                let _ = after;
                break;
            }
            let attr: String = s
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            assert!(
                !attr.is_empty(),
                "<{name} at {i}: not an attribute: {s:.40?}"
            );
            s = s[attr.len()..]
                .strip_prefix("=\"")
                .unwrap_or_else(|| panic!("<{name} {attr} at {i}: no double-quoted value"));
            let end = s
                .find('"')
                .unwrap_or_else(|| panic!("<{name} {attr} at {i}: unterminated value"));
            let value = &s[..end];
            assert!(
                !value.contains(['<', '>']),
                "<{name} {attr} at {i}: {value:?}"
            );
            attrs.push((attr, value.to_owned()));
            s = &s[end + 1..];
        }
        out.push((name, attrs));
    }
    out
}

/// `check_html` for a v2 release: besides its checks, only the renderer's own attributes, and
/// every link to an address the reader takes (`https:`, `http:`, `mailto:`).
pub fn check_html_v2(html: &str, text: &str) {
    for (name, attrs) in html_tags(html) {
        assert!(
            TAGS.contains(&name.as_str()) || V2_TAGS.contains(&name.as_str()),
            "unexpected tag <{name}>"
        );
        for (attr, value) in &attrs {
            assert!(
                ATTRS.contains(&attr.as_str()),
                "unexpected attribute {attr} on <{name}>"
            );
            if attr == "href" {
                let href = value
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&");
                assert_eq!(name, "a", "href on <{name}>");
                assert!(v2::read::check_link(&href).is_ok(), "a link to {href:?}");
            }
        }
    }
    let script_in_text = html.match_indices("<script").count();
    assert_eq!(script_in_text, 1, "exactly one script");
    json_ld_and_no_private_text(html, text);
}

/// What the fuzz target `compose_render_v2` checks of one text: every release of
/// `meeting_v2_with_text` composes without a problem, and renders in HTML (`check_html_v2`),
/// Markdown and plain text, the same twice; no output shows the private notes.
pub fn check_v2_text(text: &str) {
    let m = meeting_v2_with_text(text);
    v2::validate(&m).expect("the mapped meeting is valid");
    let private = !text.contains(PRIVATE_MARKER);
    for language in m
        .releases
        .iter()
        .map(|r| r.language)
        .collect::<Vec<Language>>()
    {
        use crate::render::Renderer as _;
        let c = v2::compose(&m, language);
        assert!(c.problems.is_empty(), "{language:?}: {:?}", c.problems);
        assert_eq!(v2::compose(&m, language), c, "composed the same twice");
        let html = crate::render::Html.render(&c);
        check_html_v2(&html, text);
        assert_eq!(crate::render::Html.render(&c), html);
        let md = crate::render::Markdown.render(&c);
        assert_eq!(crate::render::Markdown.render(&c), md);
        let plain = crate::render::plain_text(&c);
        assert_eq!(crate::render::plain_text(&c), plain);
        if private {
            assert!(
                !md.contains(PRIVATE_MARKER),
                "private notes in the Markdown"
            );
            assert!(!plain.contains(PRIVATE_MARKER), "private notes in the text");
        }
    }
}

/// The HTML's one script is JSON-LD describing a `NewsArticle`, and the private marker shows only
/// if the fuzzed text itself holds it.
fn json_ld_and_no_private_text(html: &str, text: &str) {
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
