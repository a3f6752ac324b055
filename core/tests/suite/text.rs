//! User text is text: whatever is typed reads back exactly from every export.

use communique_core::compose::tidy;
use communique_core::render::{html_attr, html_text, json_in_script, markdown_inline};
use proptest::prelude::*;

use crate::prelude::{markdown_parts, unescape_html};

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
    fn html_escaping_round_trips(s in any::<String>()) {
        prop_assert_eq!(unescape_html(&html_text(&s)), s.clone());
        prop_assert_eq!(unescape_html(&html_attr(&s)), s.clone());
        let attr = html_attr(&s);
        prop_assert!(!attr.contains(['<', '>', '"', '\'']));
    }
}
