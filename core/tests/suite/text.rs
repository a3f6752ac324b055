//! User text is text: whatever is typed reads back exactly from every export.

use communique_core::compose::{compose, tidy};
use communique_core::render::{html_attr, html_text, json_in_script, markdown_inline, yaml_string};
use communique_core::{fuzzing, Format};
use proptest::prelude::*;
use saphyr::LoadableYamlNode;

use crate::prelude::{expected_front_matter, front_matter, markdown_parts, unescape_html};

fn one_line(s: &str) -> Option<String> {
    let t = tidy(s);
    (!t.is_empty()).then_some(t)
}

const NASTY: &[&str] = &[
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](http://evil/x.png)",
    "<http://evil.example>",
    "{{ 7*7 }} ${7*7} <%= 7*7 %> #{7*7}",
    "# not a heading",
    "1. not a list",
    "iv) not a list",
    "- not a list",
    "> not a quote",
    "*not emphasis* _nor this_ **nor** `code`",
    "a -- b --- c ... d",
    "'single' \"double\"",
    "&amp; &lt; &#x41;",
    "~~strike~~ ^sup^ ~sub~ $x$ \\(y\\)",
    "back\\slash\\",
    "| a | b |",
    "Headline ##",
    "[^1] ^[inline note] [span]{.class}",
    "@citation [@key]",
    "::: fenced div",
    ": definition",
    "% title block",
    "<!-- comment -->",
    "=== ---",
    "    indented",
    "trailing two spaces  ",
];

#[test]
fn nasty_text_reads_back_from_markdown_exactly() {
    for s in NASTY {
        let want = one_line(s).unwrap();
        let md = markdown_inline(&want);
        let parts = markdown_parts(&md);
        assert_eq!(parts.paragraphs, vec![want.clone()], "{s:?} → {md:?}");
        assert!(
            parts.other_markup.is_empty(),
            "{s:?} → {md:?}: {:?}",
            parts.other_markup
        );
    }
}

/// What YAML could read as something else than the text: its indicators, plain scalars that
/// resolve to other types in YAML 1.1 or 1.2, escapes, line breaks of either version, and what
/// YAML may not hold raw.
const YAML_NASTY: &[&str] = &[
    "' \" : # @ -- ... * [x](y) <b>",
    "l'OTAN",
    "key: value",
    "# not a comment",
    "- leading dash",
    "---",
    "...",
    "? question",
    "{a: b}, [c]",
    "&anchor *alias !tag !!str",
    "%YAML 1.2",
    "| literal > folded",
    "yes",
    "no",
    "on",
    "null",
    "~",
    "1e3",
    "0x1F",
    "012",
    "2026-10-02",
    "",
    "  spaces at both ends  ",
    "\ttab\tinside",
    "line\nbreak\r\nand\rreturn",
    "\u{85}next line \u{2028}line \u{2029}paragraph",
    "\u{0}\u{7}\u{1b}\u{7f}\u{80}\u{9f}",
    "\u{feff}byte order mark",
    "\u{fffe}\u{ffff}\u{fdd0}",
    "back\\slash\\",
    "\\n is not a break, \\\" nor this",
    "\\x41 \\u0041",
    "é à « » “ ” ’ \u{a0}\u{202f} 中文 🎉",
];

fn read_yaml_string(yaml: &str) -> String {
    let doc = format!("k: {yaml}\n");
    let docs = saphyr::Yaml::load_from_str(&doc).unwrap_or_else(|e| panic!("{e}: {doc:?}"));
    docs[0]
        .as_mapping_get("k")
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("no string in {doc:?}"))
        .to_owned()
}

#[test]
fn yaml_strings_read_back_exactly_on_one_line() {
    for s in NASTY.iter().chain(YAML_NASTY) {
        let yaml = yaml_string(s);
        assert_eq!(read_yaml_string(&yaml), *s, "{s:?} → {yaml}");
        assert!(!yaml.contains(['\n', '\r']), "{yaml}");
    }
    // Plain where the text is plain: only YAML's own escapes, no Markdown escaping.
    assert_eq!(
        yaml_string("l'OTAN *a* [x](y) <b>"),
        "\"l'OTAN *a* [x](y) <b>\""
    );
    assert_eq!(yaml_string("\"\\\n\u{1}\u{2028}"), r#""\"\\\n\x01\u2028""#);
}

#[test]
fn the_front_matter_holds_the_text_as_typed() {
    for s in NASTY.iter().chain(YAML_NASTY) {
        let m = fuzzing::meeting_with_text(s);
        let md = Format::Markdown.render(&m).unwrap();
        assert_eq!(
            front_matter(&md),
            expected_front_matter(&compose(&m)),
            "{s:?}"
        );
    }
}

#[test]
fn json_in_script_never_closes_the_script_and_means_the_same() {
    let v = serde_json::json!({ "headline": "</script><script>alert(1)</script><!-- \u{2028} &" });
    let out = json_in_script(&v);
    assert!(
        !out.contains('<') && !out.contains('>') && !out.contains('&'),
        "{out}"
    );
    assert!(!out.contains('\u{2028}'));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&out).unwrap(), v);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_line_reads_back_from_markdown_exactly(s in "[ -~\u{a0}«»“”’éà\t]{1,40}") {
        if let Some(want) = one_line(&s) {
            let md = markdown_inline(&want);
            let parts = markdown_parts(&md);
            prop_assert_eq!(&parts.paragraphs, &vec![want.clone()], "{:?}", md);
            prop_assert!(parts.other_markup.is_empty(), "{:?}: {:?}", md, parts.other_markup);
        }
    }

    #[test]
    fn any_text_reads_back_from_yaml_exactly(s in any::<String>()) {
        let yaml = yaml_string(&s);
        prop_assert_eq!(read_yaml_string(&yaml), s);
        let breaks = ['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'];
        prop_assert!(!yaml.contains(breaks), "{}", yaml);
    }

    #[test]
    fn html_escaping_round_trips(s in any::<String>()) {
        prop_assert_eq!(unescape_html(&html_text(&s)), s.clone());
        prop_assert_eq!(unescape_html(&html_attr(&s)), s.clone());
        let attr = html_attr(&s);
        prop_assert!(!attr.contains(['<', '>', '"', '\'']));
    }
}

#[test]
fn the_email_subject_says_embargoed_while_the_embargo_holds_and_is_one_line() {
    use chrono::TimeZone;
    use communique_core::render::{Email, Renderer};
    let m = communique_core::v2::parse(
        "example",
        include_bytes!("../fixtures/v2/ministers-en-fr.meeting.json"),
    )
    .unwrap();
    let mut r = communique_core::v2::compose(&m, communique_core::Language::En);
    let at = |h| Email {
        now: chrono::Utc.with_ymd_and_hms(2031, 4, 25, h, 0, 0).unwrap(),
    };
    // 18:00 WEST is 17:00 UTC.
    assert_eq!(
        at(16).subject(&r),
        "EMBARGOED: Ministers agree a plan for safe ports (Embargoed until 25 April 2031 18:00 WEST)"
    );
    assert_eq!(at(17).subject(&r), "Ministers agree a plan for safe ports");
    let draft = r
        .clone()
        .with_status(Some(communique_core::clearance::Status::ReadyForClearance));
    assert_eq!(
        at(16).subject(&draft),
        "For clearance – not for publication: EMBARGOED: Ministers agree a plan for safe ports (Embargoed until 25 April 2031 18:00 WEST)"
    );
    let published = r
        .clone()
        .with_status(Some(communique_core::clearance::Status::Published));
    assert_eq!(
        at(17).subject(&published),
        "Ministers agree a plan for safe ports"
    );
    r.headline = "Line one\r\nBcc: x@example.org\u{85}end".into();
    assert_eq!(at(18).subject(&r), "Line one Bcc: x@example.org end");
    let eml = at(18).render(&r);
    let headers = &eml[..eml.find("\r\n\r\n").unwrap()];
    assert!(!headers.contains("\r\nBcc:"), "{headers}");
    assert!(headers.contains("\r\nX-Unsent: 1\r\n"), "{headers}");
    assert!(eml.contains("multipart/alternative"), "{eml}");
}
