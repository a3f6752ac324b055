//! One sample meeting per language beyond v1's (`tests/fixtures/v2/languages/<tag>.meeting.json`,
//! made-up releases in the style of a ministry's) and the paragraphs it must give, written by
//! hand from the language's style rules (`<tag>.expected.txt`, the plain text export, paragraphs
//! apart by a blank line). Each sample holds a quote after its attribution (verb first, a name),
//! a question, a quote after a colon holding a quotation of its own, one after `that`, a pronoun's
//! attribution, an `added` one, a dateline opening the lead, a date and the labels.

use std::path::PathBuf;

use communique_core::{meeting_file, render, v2, Format, Language};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2/languages")
}

fn paragraphs(text: &str) -> Vec<String> {
    text.trim_end().split("\n\n").map(str::to_owned).collect()
}

/// The languages v2 adds to v1's: each has its sample.
fn added() -> Vec<Language> {
    Language::ALL.into_iter().filter(|l| !l.in_v1()).collect()
}

#[test]
fn each_sample_gives_its_expected_paragraphs() {
    let languages = added();
    assert_eq!(languages.len(), 7);
    for language in languages {
        let tag = language.tag();
        let name = format!("{tag}.meeting.json");
        let bytes = std::fs::read(dir().join(&name)).unwrap();
        let m = v2::parse(&name, &bytes).unwrap();
        let c = v2::compose(&m, language);
        assert!(c.problems.is_empty(), "{tag}: {:?}", c.problems);
        let got = paragraphs(&render::plain_text(&c));
        let expected = std::fs::read_to_string(dir().join(format!("{tag}.expected.txt"))).unwrap();
        let expected = paragraphs(&expected);
        for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
            assert_eq!(g, e, "{tag}: paragraph {}", i + 1);
        }
        assert_eq!(got.len(), expected.len(), "{tag}: {got:#?}");
        // The exports say the same words, in the language's `lang`.
        let html = Format::Html.render_v2(&m, language).unwrap();
        assert!(html.contains(&format!("lang=\"{tag}\"")), "{tag}");
        let text = crate::corpus::html_text(&html);
        for p in &expected {
            assert!(
                text.contains(p.as_str()),
                "{tag}: {p:?} not in the HTML:\n{text}"
            );
        }
    }
}

#[test]
fn a_v1_file_still_names_only_v1_languages() {
    let file = r#"{ "format": "communique.meeting.v1",
        "meeting": { "title": "Treffen", "language": "de", "starts": "2031-05-14" },
        "agenda": [], "people": [] }"#;
    let err = meeting_file::parse("m.json", file.as_bytes())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "m.json: meeting.language: unsupported language \"de\": v1 renders en, fr"
    );
    // A v2 meeting in one of the new languages is not written as v1.
    let name = "de.meeting.json";
    let m = v2::parse(name, &std::fs::read(dir().join(name)).unwrap()).unwrap();
    let e = v2::downgrade(&m).unwrap_err();
    assert_eq!(e.path, "meeting.languages");
}

/// The first paragraph after the lead of `tag`'s sample, its first quote said by the man
/// instead (his pronoun is the masculine one), or by the woman without her pronoun.
fn first_quote_by(tag: &str, speaker: &str, pronoun: bool) -> String {
    let name = format!("{tag}.meeting.json");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir().join(&name)).unwrap()).unwrap();
    doc["agenda"][0]["quotes"][0]["speaker"] = speaker.into();
    if !pronoun {
        doc["people"][0]["forms"][tag]
            .as_object_mut()
            .unwrap()
            .remove("pronoun");
    }
    let m = v2::from_value(&name, &doc).unwrap();
    let language = Language::from_tag(tag).unwrap();
    v2::compose(&m, language).paragraphs()[1].clone()
}

#[test]
fn the_default_verb_agrees_with_the_speakers_pronoun() {
    assert_eq!(
        first_quote_by("pl", "dep", true),
        "„Działamy razem” – powiedział wiceminister Piotr Kowalski."
    );
    assert_eq!(
        first_quote_by("uk", "dep", true),
        "«Ми діємо разом», — сказав заступник міністра Андрій Шевченко."
    );
    // Without a pronoun the table cannot tell: the masculine, the default.
    assert_eq!(
        first_quote_by("pl", "min", false),
        "„Działamy razem” – powiedział minister Nowak."
    );
    // A language whose verb does not agree says the same for both.
    assert_eq!(
        first_quote_by("de", "dep", true),
        "„Wir handeln gemeinsam“, sagte Staatssekretär Jan Weber."
    );
}
