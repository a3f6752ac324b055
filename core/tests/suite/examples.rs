//! The worked examples (`tests/fixtures/examples`; docs/meeting-file.md, "Worked examples"): each
//! meeting must give exactly the paragraphs its `.release.txt` shows, in the HTML and Markdown
//! exports.

use std::path::PathBuf;

use communique_core::{compose, meeting_file, Format};

use crate::prelude::{html_parts, markdown_parts};

struct Expected {
    headline: String,
    dateline: String,
    paragraphs: Vec<String>,
    captions: Vec<String>,
}

fn fixtures() -> Vec<(String, communique_core::Meeting, Expected)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples");
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".meeting.json"))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "fixtures missing in {}", dir.display());
    for name in names {
        let stem = name.trim_end_matches(".meeting.json");
        let meeting = meeting_file::parse(&name, &std::fs::read(dir.join(&name)).unwrap()).unwrap();
        let text = std::fs::read_to_string(dir.join(format!("{stem}.release.txt"))).unwrap();
        let blocks: Vec<String> = text
            .split("\n\n")
            .map(|b| b.trim_end().to_owned())
            .collect();
        let (captions, body): (Vec<String>, Vec<String>) = blocks[2..]
            .iter()
            .cloned()
            .partition(|b| b.starts_with("Photo"));
        out.push((
            stem.to_owned(),
            meeting,
            Expected {
                headline: blocks[0].clone(),
                dateline: blocks[1].clone(),
                paragraphs: body,
                captions: captions
                    .into_iter()
                    .map(|c| c.split_once(": ").unwrap().1.to_owned())
                    .collect(),
            },
        ));
    }
    out
}

#[test]
fn compose_gives_the_example_paragraphs() {
    for (name, meeting, expected) in fixtures() {
        let c = compose(&meeting);
        assert_eq!(c.headline, expected.headline, "{name}");
        assert_eq!(c.paragraphs(), expected.paragraphs, "{name}");
        assert_eq!(c.dateline().unwrap(), expected.dateline, "{name}");
        let captions: Vec<_> = c.captions.iter().map(|c| c.text.clone()).collect();
        assert_eq!(captions, expected.captions, "{name}");
    }
}

#[test]
fn html_export_holds_the_example_paragraphs_and_nothing_else() {
    for (name, meeting, expected) in fixtures() {
        let html = Format::Html.render(&meeting).unwrap();
        let parts = html_parts(&html);
        assert_eq!(parts.title, expected.headline, "{name}");
        assert_eq!(parts.h1, vec![expected.headline.clone()], "{name}");
        assert_eq!(parts.paragraphs, expected.paragraphs, "{name}");
        let lang = meeting.info.language.tag();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{name}");
        let figcaptions: Vec<_> = parts.figcaptions.iter().map(|(_, t)| t.clone()).collect();
        assert_eq!(figcaptions, expected.captions, "{name}");
        // The fixture's English caption carries its own lang in the French release only.
        let caption_lang = parts.figcaptions[0].0.as_deref();
        assert_eq!(caption_lang, (lang == "fr").then_some("en"), "{name}");
        assert_eq!(parts.json_ld["@type"], "NewsArticle");
        assert_eq!(parts.json_ld["headline"], expected.headline.as_str());
        assert_eq!(parts.json_ld["inLanguage"], lang);
        assert_eq!(parts.json_ld["datePublished"], "2025-03-01");
        assert_eq!(parts.json_ld["dateModified"], "2025-03-01T18:05:00+01:00");
        assert_eq!(
            parts.json_ld["publisher"]["name"],
            meeting.info.organisation.clone().unwrap().as_str()
        );
        assert!(
            html.contains("<div class=\"dateline\"><time datetime=\"2025-03-01\">"),
            "{name}"
        );
        assert!(
            html.contains("<time datetime=\"2025-03-01T18:05:00+01:00\">"),
            "{name}"
        );
        for private in [
            "Three delegations",
            "Trois délégations",
            "Closed session",
            "Séance à huis clos",
            "off the record",
            "confidentiel",
            "Staff matters",
            "Questions de personnel",
        ] {
            assert!(!html.contains(private), "{name}: {private}");
        }
    }
}

#[test]
fn markdown_export_reads_back_as_the_example_paragraphs() {
    for (name, meeting, expected) in fixtures() {
        let md = Format::Markdown.render(&meeting).unwrap();
        let parts = markdown_parts(&md);
        assert_eq!(parts.headings, vec![expected.headline.clone()], "{name}");
        let mut want = vec![expected.dateline.clone()];
        want.extend(expected.paragraphs.iter().cloned());
        // The fixtures' captions are English in both releases: the label follows the caption.
        want.extend(expected.captions.iter().map(|c| format!("Photo: {c}")));
        assert_eq!(parts.paragraphs, want, "{name}");
        assert!(
            parts.other_markup.is_empty(),
            "{name}: {:?}",
            parts.other_markup
        );
        assert!(md.starts_with("---\ntitle: "), "{name}");
        assert!(md.contains(&format!("\nlang: {}\n", meeting.info.language.tag())));
        assert!(md.contains("\npublished: 2025-03-01\n"));
        assert!(md.contains("\nupdated: 2025-03-01T18:05:00+01:00\n"));
    }
}

#[test]
fn plain_text_is_the_example_layout() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples");
    for (name, meeting, _) in fixtures() {
        let want = std::fs::read_to_string(dir.join(format!("{name}.release.txt"))).unwrap();
        let got = communique_core::render::plain_text(&compose(&meeting));
        assert_eq!(got.trim_end(), want.trim_end(), "{name}");
    }
}
