//! Language versions (core/src/v2/translation.rs) and their XLIFF (core/src/v2/xliff.rs): a
//! French release made from the English one, kept in step text by text.

use std::collections::BTreeSet;

use communique_core::v2::translation::{self, Recorded, Status};
use communique_core::v2::xliff::{self, Which};
use communique_core::v2::{self, Block, MeetingV2, Run};
use communique_core::Language::{En, Fr};
use communique_core::{Error, Format};
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../fixtures/v2/ministers-en-fr.meeting.json");
const ORIGINAL: &str = "communique meeting 7";

/// The example's English release alone: no French release, no French words anywhere.
fn english_only() -> MeetingV2 {
    let mut m = v2::parse("example", EXAMPLE.as_bytes()).unwrap();
    m.releases.retain(|r| r.language == En);
    m.info.languages = vec![En];
    for q in m.agenda.iter_mut().flat_map(|i| i.quotes.iter_mut()) {
        q.words.remove(&Fr);
        q.verb.remove(&Fr);
    }
    for p in &mut m.people {
        p.forms.remove(&Fr);
    }
    for o in &mut m.organisations {
        o.name.remove(&Fr);
        o.boilerplate.remove(&Fr);
    }
    v2::validate(&m).unwrap();
    m
}

fn with_french() -> MeetingV2 {
    let mut m = english_only();
    translation::add_version(&mut m, En, Fr).unwrap();
    v2::validate(&m).unwrap();
    m
}

fn keys(m: &MeetingV2, status: Status) -> BTreeSet<String> {
    translation::states(m, Fr)
        .unwrap()
        .into_iter()
        .filter(|s| s.status == status)
        .map(|s| s.key)
        .collect()
}

/// The French release's blocks as the file writes them (what no English edit may change).
fn french_texts(m: &MeetingV2) -> String {
    let fr = m.release(Fr).unwrap();
    let mut fr = fr.clone();
    fr.translation = None;
    let words: Vec<_> = m
        .agenda
        .iter()
        .flat_map(|i| &i.quotes)
        .map(|q| q.words.get(&Fr).cloned())
        .collect();
    format!("{}{words:?}", serde_json::to_string(&fr).unwrap())
}

fn paragraph_mut<'m>(
    m: &'m mut MeetingV2,
    language: communique_core::Language,
    id: &str,
) -> &'m mut Vec<Run> {
    let r = m
        .releases
        .iter_mut()
        .find(|r| r.language == language)
        .unwrap();
    let blocks = r
        .lead
        .iter_mut()
        .chain(r.items.iter_mut().flat_map(|p| p.blocks.iter_mut()))
        .chain(r.closing.iter_mut())
        .chain(r.contact.iter_mut())
        .chain(r.notes_to_editors.iter_mut());
    for b in blocks {
        if let Block::Paragraph { id: i, runs } = b {
            if i == id {
                return runs;
            }
        }
    }
    panic!("no paragraph {id}")
}

#[test]
fn a_new_version_copies_the_structure_and_marks_every_text_to_translate() {
    let m = with_french();
    let en = m.release(En).unwrap();
    let fr = m.release(Fr).unwrap();
    assert_eq!(m.info.languages, vec![En, Fr]);
    let ids = |r: &v2::Release| {
        r.items
            .iter()
            .flat_map(|p| p.blocks.iter().map(|b| b.id().to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(en), ids(fr));
    assert_eq!(fr.translation.as_ref().unwrap().of, En);
    // A copied caption says it is still English.
    assert_eq!(fr.photos[0].language.as_deref(), Some("en"));
    // The verb chosen in English is not carried into French.
    assert!(!serde_json::to_string(fr).unwrap().contains("asked"));

    let states = translation::states(&m, Fr).unwrap();
    assert!(
        states.iter().all(|s| s.status == Status::ToTranslate),
        "{states:#?}"
    );
    let keys: Vec<&str> = states.iter().map(|s| s.key.as_str()).collect();
    for k in [
        "label",
        "headline",
        "deck",
        "place",
        "block:lead",
        "caption:ph1",
        "heading:ports",
        "block:p1",
        "block:l1",
        "block:b1",
        "block:b2",
        "block:end",
        "block:c1",
        "quote:q-ready",
        "quote:q-promise",
        "role:sg",
        "organisation",
        "boilerplate:about",
    ] {
        assert!(keys.contains(&k), "{k} not in {keys:?}");
    }
    // A quote off the record is in no release: not a text to translate.
    assert!(!keys.contains(&"quote:q-private"));
    let status = translation::status(&m);
    assert_eq!(status[0].of, None);
    assert_eq!(status[1].of, Some(En));
    assert_eq!(status[1].to_translate as usize, states.len());
    assert_eq!((status[1].translated, status[1].outdated), (0, 0));

    // Asked twice, or from a language with no release: refused, nothing changes.
    let mut again = m.clone();
    assert!(translation::add_version(&mut again, En, Fr).is_err());
    assert!(translation::add_version(&mut again, Fr, Fr).is_err());
    assert_eq!(again, m);
}

#[test]
fn what_stays_out_of_the_release_is_no_text_to_translate() {
    let mut m = english_only();
    // The budget item kept out of the release: its paragraphs and its quote are private.
    m.agenda[1].in_release = false;
    translation::add_version(&mut m, En, Fr).unwrap();
    let keys: BTreeSet<String> = translation::states(&m, Fr)
        .unwrap()
        .into_iter()
        .map(|s| s.key)
        .collect();
    for private in ["heading:budget", "block:b1", "block:b2", "quote:q-promise"] {
        assert!(!keys.contains(private), "{private} in {keys:?}");
    }
    assert!(keys.contains("block:p1"));
    let x = xliff::export(&m, Fr, ORIGINAL, Which::All).unwrap();
    assert!(!x.contains("A budget is a promise kept"), "{x}");
    assert!(!x.contains("The budget stays as agreed"), "{x}");
}

#[test]
fn editing_the_source_marks_exactly_the_texts_whose_source_changed() {
    let mut m = with_french();
    *paragraph_mut(&mut m, Fr, "p1") = vec![
        Run::Text("Les ministres ont jugé le plan ".into()),
        Run::Quote(v2::QuoteSpan {
            quote: "q-ready".into(),
            attribution: Some(v2::Attribution::None),
            ..Default::default()
        }),
        Run::Text(" l'an prochain.".into()),
    ];
    let n = translation::mark_translated(&mut m, Fr, None).unwrap();
    assert!(n > 10);
    assert!(keys(&m, Status::ToTranslate).is_empty());
    assert!(keys(&m, Status::Outdated).is_empty());
    let before = french_texts(&m);

    // The English paragraph p1 is corrected: only p1 is outdated in French.
    let en = paragraph_mut(&mut m, En, "p1");
    en[2] = Run::Text(" in 2032.".into());
    assert_eq!(
        french_texts(&m),
        before,
        "an English edit changed a French text"
    );
    assert_eq!(
        keys(&m, Status::Outdated),
        BTreeSet::from(["block:p1".to_owned()])
    );
    let p1 = translation::states(&m, Fr)
        .unwrap()
        .into_iter()
        .find(|s| s.key == "block:p1")
        .unwrap();
    assert_eq!(
        p1.was.as_deref(),
        Some("Ministers agreed that the plan was {quote:q-ready} next year.")
    );
    assert_eq!(
        p1.source,
        "Ministers agreed that the plan was {quote:q-ready} in 2032."
    );
    let removed: String = p1
        .change
        .iter()
        .filter(|c| c.kind == communique_core::diff::Edit::Removed)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(removed, "next year.");

    // What only English decides (a quote's attribution, its verb) outdates nothing.
    if let Run::Quote(q) = &mut paragraph_mut(&mut m, En, "p1")[1] {
        q.attribution = Some(v2::Attribution::After);
        q.verb = Some("noted".into());
    }
    assert_eq!(
        keys(&m, Status::Outdated),
        BTreeSet::from(["block:p1".to_owned()])
    );

    // Translated again: nothing outdated.
    translation::mark_translated(&mut m, Fr, Some(&["block:p1".to_owned()])).unwrap();
    assert!(keys(&m, Status::Outdated).is_empty());

    // A quote's English words change: its French words are outdated.
    m.agenda[1].quotes[0]
        .words
        .insert(En, "A budget is a promise we keep".into());
    assert_eq!(
        keys(&m, Status::Outdated),
        BTreeSet::from(["quote:q-promise".to_owned()])
    );
}

#[test]
fn an_export_refuses_a_release_not_translated_unless_asked() {
    let m = with_french();
    let e = translation::check_complete(&m, Fr, "meeting 7").unwrap_err();
    let Error::Invalid { path, message } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(path, "meeting 7, release fr");
    assert!(message.contains("to translate, 0 outdated"), "{message}");
    assert!(message.contains("--allow-outdated"), "{message}");
    translation::check_complete(&m, En, "meeting 7").unwrap();
    // The release reads, English words in French marks, for whoever insists.
    Format::Html.render_v2(&m, Fr).unwrap();
}

#[test]
fn the_meeting_file_keeps_the_translation_record_and_checks_it() {
    let m = with_french();
    let json = v2::to_json(&m).unwrap();
    assert!(
        json.contains("\"translation\": {\n        \"of\": \"en\""),
        "{json}"
    );
    let back = v2::parse("m.json", json.as_bytes()).unwrap();
    assert_eq!(back, m);

    let bad = json.replacen("\"of\": \"en\"", "\"of\": \"fr\"", 1);
    let e = v2::parse("m.json", bad.as_bytes()).unwrap_err();
    assert_eq!(e.path, "releases[1].translation.of");
    assert!(e.message.contains("not translated from itself"), "{e}");
    let bad = json.replacen("\"block:p1\"", "\"paragraph p1\"", 1);
    let e = v2::parse("m.json", bad.as_bytes()).unwrap_err();
    assert_eq!(e.path, "releases[1].translation.texts.paragraph p1");
    let bad = json.replacen("\"status\": \"to-translate\"", "\"status\": \"done\"", 1);
    let e = v2::parse("m.json", bad.as_bytes()).unwrap_err();
    assert!(e.path.starts_with("releases[1].translation.texts"), "{e}");
}

// ---- XLIFF ------------------------------------------------------------------------------------

/// `xliff` with each unit's target set as `fill` says (by unit id), as a translator's tool
/// writes it: `<target>` after `<source>`.
fn filled(xliff: &str, fill: impl Fn(&str, &str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = xliff;
    while let Some(at) = rest.find("<trans-unit id=\"") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let id_end =
            rest["<trans-unit id=\"".len()..].find('"').unwrap() + "<trans-unit id=\"".len();
        let id = rest["<trans-unit id=\"".len()..id_end].to_owned();
        let src_end = rest.find("</source>").unwrap() + "</source>".len();
        let source =
            &rest[rest.find("<source>").unwrap() + "<source>".len()..src_end - "</source>".len()];
        out.push_str(&rest[..src_end]);
        if let Some(t) = fill(&id, source) {
            out.push_str(&format!("<target state=\"translated\">{t}</target>"));
        }
        rest = &rest[src_end..];
    }
    out.push_str(rest);
    out
}

fn import_error(m: &MeetingV2, file: &str) -> Vec<(Option<String>, String)> {
    let e = xliff::import(m, ORIGINAL, "fr.xlf", file.as_bytes()).unwrap_err();
    assert_eq!(e.file, "fr.xlf");
    e.problems
}

#[test]
fn xliff_holds_the_texts_to_translate_with_placeholders() {
    let m = with_french();
    let x = xliff::export(&m, Fr, ORIGINAL, Which::Pending).unwrap();
    assert!(x.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"), "{x}");
    assert!(x.contains("<file original=\"communique meeting 7\" source-language=\"en\" target-language=\"fr\" datatype=\"plaintext\">"), "{x}");
    // p2: two quotes, the second with its clause inside its placeholder.
    assert!(
        x.contains("<source><x id=\"1\" ctype=\"x-quote\"/> <g id=\"2\" ctype=\"x-quote\">closing the session</g></source>"),
        "{x}"
    );
    assert!(
        x.contains("<source>Read the <g id=\"1\" ctype=\"link\">plan</g>.</source>"),
        "{x}"
    );
    assert!(
        x.contains("<source>Border checks<x id=\"1\" ctype=\"lb\"/>Harbour pilots</source>"),
        "{x}"
    );
    assert!(x.contains("<trans-unit id=\"quote:q-ready\" resname=\"Quote q-ready (Ana Ruiz)\" xml:space=\"preserve\">"), "{x}");
    // Nothing translated: no targets.
    assert!(!x.contains("<target"), "{x}");
    // Nothing pending once translated; --all still gives every text.
    let mut done = m.clone();
    translation::mark_translated(&mut done, Fr, None).unwrap();
    let none = xliff::export(&done, Fr, ORIGINAL, Which::Pending).unwrap();
    assert!(!none.contains("<trans-unit"), "{none}");
    let all = xliff::export(&done, Fr, ORIGINAL, Which::All).unwrap();
    assert_eq!(
        all.matches("<trans-unit ").count(),
        x.matches("<trans-unit ").count()
    );
    // The English release is no translation.
    assert!(xliff::export(&m, En, ORIGINAL, Which::Pending).is_err());
}

#[test]
fn xliff_translations_come_back_into_the_french_release() {
    let m = with_french();
    let x = xliff::export(&m, Fr, ORIGINAL, Which::Pending).unwrap();
    let translated = filled(&x, |id, source| {
        Some(match id {
            "block:p1" => "Les ministres ont jugé le plan <x id=\"1\" ctype=\"x-quote\"/> l'an prochain.".into(),
            "block:p2" => "<g id=\"2\" ctype=\"x-quote\">en clôturant la séance</g> <x id=\"1\" ctype=\"x-quote\"/>".into(),
            "block:end" => "Lire le <g id=\"1\" ctype=\"link\">plan</g>.".into(),
            "block:l1" => "Contrôles aux frontières<x id=\"1\" ctype=\"lb\"/>Pilotes de port".into(),
            "quote:q-ready" => "prêt à partir".into(),
            "headline" => "Les ministres s'accordent sur un plan pour des ports sûrs &amp; ouverts".into(),
            "caption:ph1" => "Les ministres à la table".into(),
            "role:sg" => "la secrétaire générale".into(),
            // Left for later.
            "deck" => return None,
            _ => source.to_owned(),
        })
    });
    let (out, done) = xliff::import(&m, ORIGINAL, "fr.xlf", translated.as_bytes()).unwrap();
    assert_eq!(done.language, Fr);
    assert_eq!(done.untranslated, vec!["deck".to_owned()]);
    assert!(done.applied.contains(&"block:p1".to_owned()));
    assert_eq!(
        keys(&out, Status::ToTranslate),
        BTreeSet::from(["deck".to_owned()])
    );
    let fr = out.release(Fr).unwrap();
    assert_eq!(
        v2::translation::segment(&fr.headline),
        "Les ministres s'accordent sur un plan pour des ports sûrs & ouverts"
    );
    assert_eq!(
        fr.photos[0].language, None,
        "a translated caption is French"
    );
    let composed = communique_core::render::plain_text(&v2::compose(&out, Fr));
    assert!(composed.contains("Contrôles aux frontières"), "{composed}");
    assert!(
        composed.contains("«\u{a0}prêt à partir\u{a0}»"),
        "{composed}"
    );
    assert!(composed.contains("en clôturant la séance"), "{composed}");
    // The English release did not move.
    assert_eq!(out.release(En), m.release(En));
    // The record says each applied text was translated from the English as it reads.
    let record = &fr.translation.as_ref().unwrap().texts["block:p1"];
    assert_eq!(record.status, Recorded::Translated);

    // The same file again changes nothing more; a file exported before an English edit is
    // refused for the unit whose source moved.
    let (again, _) = xliff::import(&out, ORIGINAL, "fr.xlf", translated.as_bytes()).unwrap();
    assert_eq!(again, out);
    let mut edited = m.clone();
    paragraph_mut(&mut edited, En, "p1")[2] = Run::Text(" in 2032.".into());
    let problems = import_error(&edited, &translated);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0.as_deref(), Some("block:p1"));
    assert!(problems[0].1.contains("export again"), "{problems:?}");
}

#[test]
fn xliff_that_is_broken_or_foreign_is_refused_whole() {
    let m = with_french();
    let x = xliff::export(&m, Fr, ORIGINAL, Which::Pending).unwrap();
    let good = |id: &str, source: &str| -> Option<String> {
        (id != "block:p2").then(|| source.to_owned())
    };
    let fill_p2 = |t: &'static str| {
        filled(&x, move |id, source| {
            if id == "block:p2" {
                Some(t.to_owned())
            } else {
                good(id, source)
            }
        })
    };
    let cases: Vec<(String, Option<&str>, &str)> = vec![
        (fill_p2("<x id=\"1\" ctype=\"x-quote\"/> et puis"), Some("block:p2"), "placeholder \"2\" (x-quote) is missing"),
        (fill_p2("<x id=\"1\" ctype=\"x-quote\"/><x id=\"1\" ctype=\"x-quote\"/><g id=\"2\" ctype=\"x-quote\">a</g>"), Some("block:p2"), "appears twice"),
        (fill_p2("<x id=\"9\" ctype=\"x-quote\"/><x id=\"1\" ctype=\"x-quote\"/><g id=\"2\" ctype=\"x-quote\">a</g>"), Some("block:p2"), "not one of the source's"),
        (fill_p2("<x id=\"1\" ctype=\"x-quote\"/><x id=\"2\" ctype=\"x-quote\"/>"), Some("block:p2"), "changed kind"),
        (fill_p2("<x id=\"1\" ctype=\"x-quote\"/><g id=\"2\" ctype=\"x-quote\">a</g><ph id=\"3\">&lt;script&gt;</ph>"), Some("block:p2"), "<ph> is not one of this unit's placeholders"),
        (x.replace("target-language=\"fr\"", "target-language=\"de\""), None, "target-language \"de\""),
        (x.replace("source-language=\"en\"", "source-language=\"fr\""), None, "source-language \"fr\""),
        (x.replace("communique meeting 7", "communique meeting 8"), None, "exported from \"communique meeting 8\""),
        (x.replace("id=\"block:p1\"", "id=\"block:zz\""), Some("block:zz"), "not a text of the en release"),
        (x.replace("id=\"block:lead\"", "id=\"block:p1\""), Some("block:p1"), "appears twice"),
        (x.replace("version=\"1.2\"", "version=\"2.0\""), None, "XLIFF 2.0"),
        (x.replacen("<body>", "<body><trans-unit", 1), None, "not well-formed XML"),
        (x.replacen("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]>", 1), None, "DOCTYPE"),
        ("{\"format\": \"communique.meeting.v2\"}".to_owned(), None, "not XML"),
    ];
    for (file, unit, reason) in cases {
        let problems = import_error(&m, &file);
        assert!(
            problems
                .iter()
                .any(|(u, r)| u.as_deref() == unit && r.contains(reason)),
            "expected {unit:?}: {reason:?}, got {problems:?}"
        );
    }
    // Every problem of a file is named, not only the first.
    let two = filled(&x, |id, _| match id {
        "block:p1" => Some("sans le placeholder".into()),
        "block:end" => Some("Lire le plan.".into()),
        _ => None,
    });
    let problems = import_error(&m, &two);
    let units: Vec<_> = problems.iter().map(|(u, _)| u.clone().unwrap()).collect();
    assert_eq!(units, ["block:p1", "block:end"], "{problems:?}");
}

#[test]
fn hostile_text_stays_text_in_xliff() {
    let mut m = with_french();
    paragraph_mut(&mut m, En, "p1").push(Run::Text(
        " <script>alert(1)</script> & \"quoted\" ]]> {@sg}".into(),
    ));
    let x = xliff::export(&m, Fr, ORIGINAL, Which::Pending).unwrap();
    assert!(
        x.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; ]]&gt; {@sg}"),
        "{x}"
    );
    // Read back, the text is the same characters.
    let back = filled(&x, |id, source| {
        (id == "block:p1").then(|| source.to_owned())
    });
    let (out, _) = xliff::import(&m, ORIGINAL, "fr.xlf", back.as_bytes()).unwrap();
    let fr = translation::states(&out, Fr).unwrap();
    let p1 = fr.iter().find(|s| s.key == "block:p1").unwrap();
    assert_eq!(p1.status, Status::Translated);
    assert!(
        p1.target
            .as_deref()
            .unwrap()
            .ends_with(" <script>alert(1)</script> & \"quoted\" ]]> \\{@sg\\}"),
        "{p1:?}"
    );
    // A control character XML cannot carry is refused by name, not written.
    paragraph_mut(&mut m, En, "p1").push(Run::Text("\u{1}".into()));
    let e = xliff::export(&m, Fr, ORIGINAL, Which::Pending).unwrap_err();
    assert!(e.to_string().contains("U+0001"), "{e}");
}

// ---- Random edits -----------------------------------------------------------------------------

/// An edit of one English text: which paragraph-like text, and what is appended.
fn edits() -> impl Strategy<Value = Vec<(usize, String)>> {
    prop::collection::vec((0usize..64, "[a-z ]{0,6}"), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever is edited in English, no French text changes, and the outdated texts are
    /// exactly those whose English reads differently from when they were translated.
    #[test]
    fn english_edits_outdate_exactly_their_french_texts(edits in edits()) {
        let mut m = with_french();
        translation::mark_translated(&mut m, Fr, None).unwrap();
        let before = french_texts(&m);
        let sources = |m: &MeetingV2| -> Vec<(String, String)> {
            translation::units(m, En).into_iter().map(|u| (u.key, u.text.segment())).collect()
        };
        let original = sources(&m);
        let ids: Vec<String> = {
            let en = m.release(En).unwrap();
            en.lead.iter().chain(en.items.iter().flat_map(|p| &p.blocks)).chain(&en.closing)
                .chain(&en.contact).chain(&en.notes_to_editors)
                .filter(|b| matches!(b, Block::Paragraph { .. }))
                .map(|b| b.id().to_owned()).collect()
        };
        for (i, text) in &edits {
            match i % 4 {
                0 => m.releases[0].headline.push(Run::Text(text.clone())),
                1 => m.agenda[0].quotes[1].words.entry(En).or_default().push_str(text),
                _ => paragraph_mut(&mut m, En, &ids[i % ids.len()]).push(Run::Text(text.clone())),
            }
        }
        prop_assert_eq!(french_texts(&m), before);
        let now = sources(&m);
        let changed: BTreeSet<String> = original.iter().zip(&now)
            .filter(|(a, b)| a != b).map(|(a, _)| a.0.clone()).collect();
        prop_assert_eq!(original.len(), now.len());
        prop_assert_eq!(keys(&m, Status::Outdated), changed);
        prop_assert!(keys(&m, Status::ToTranslate).is_empty());
    }
}

#[test]
fn the_html_links_the_versions_in_its_json_ld() {
    let mut m = with_french();
    m.releases[1].headline = vec![Run::Text("Les ministres adoptent un plan".into())];
    let ld = |l| {
        let html = Format::Html.render_v2(&m, l).unwrap();
        crate::prelude::html_parts(&html).json_ld
    };
    let en = ld(En);
    assert_eq!(en["inLanguage"], "en");
    assert_eq!(
        en["workTranslation"],
        serde_json::json!([{ "@type": "NewsArticle", "inLanguage": "fr", "headline": "Les ministres adoptent un plan" }])
    );
    assert!(en.get("translationOfWork").is_none());
    let fr = ld(Fr);
    assert_eq!(fr["inLanguage"], "fr");
    assert_eq!(
        fr["translationOfWork"],
        serde_json::json!({ "@type": "NewsArticle", "inLanguage": "en", "headline": "Ministers agree a plan for safe ports" })
    );
    // A pair written by hand (no translation record) links nothing, as before.
    let pair = v2::parse("example", EXAMPLE.as_bytes()).unwrap();
    let html = Format::Html.render_v2(&pair, En).unwrap();
    assert!(!html.contains("workTranslation"), "{html}");
}

#[test]
fn the_consistency_check_names_numbers_people_quotes_and_links_that_differ() {
    let m = with_french();
    let check = |source: &str, target: &str| translation::consistency(&m, source, target);
    // The same numbers, written each language's way: nothing to say.
    assert!(check(
        "Quotas fall by 8.5% from 1,000 tonnes in 2027.",
        "Les quotas baissent de 8,5\u{a0}% à partir de 1\u{202f}000 tonnes en 2027."
    )
    .is_empty());
    assert_eq!(
        check(
            "Quotas fall by 8% in 2027.",
            "Les quotas baissent de 7\u{a0}% en 2027."
        ),
        ["numbers differ: 2027, 8 in the source, 2027, 7 here"]
    );
    assert_eq!(
        check("{@sg} opened {quote:q-ready}", "{@chair} a ouvert"),
        [
            "names differ: Ana Ruiz in the source, Tomas Berg here",
            "quotes differ: q-ready in the source, none here"
        ]
    );
    assert_eq!(
        check("Read {link:https://example.org/plan}the plan{/link}.", "Lire {link:https://example.org/plan-fr}le plan{/link}."),
        ["links differ: https://example.org/plan in the source, https://example.org/plan-fr here"]
    );
    // In the states of a translation: a French paragraph that lost a number.
    let mut m = m.clone();
    *paragraph_mut(&mut m, Fr, "p1") =
        vec![Run::Text("Les ministres ont jugé le plan prêt.".into())];
    let p1 = translation::states(&m, Fr)
        .unwrap()
        .into_iter()
        .find(|s| s.key == "block:p1")
        .unwrap();
    assert_eq!(
        p1.checks,
        ["quotes differ: q-ready in the source, none here"]
    );
}
