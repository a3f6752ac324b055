#![allow(clippy::unwrap_used)]

use serde_json::{json, Value};

use super::*;
use crate::compose::Block;
use crate::render::{Format, Html, Markdown, Renderer};

const NB: char = '\u{a0}';

/// A meeting in English and French: Ana Ruiz (with a pronoun) and Tomas Berg, quotes in both
/// languages, one item in the release and one out. Each release's lead is `lead` and its first
/// item's blocks are `blocks` (JSON; the same for both languages).
fn meeting(lead: Value, blocks_en: Value, blocks_fr: Value) -> MeetingV2 {
    let release = |lang: &str, blocks: Value| {
        json!({ "language": lang, "headline": ["H"], "lead": lead, "published": "2031-04-25",
                "items": [ { "item": "ports", "blocks": blocks },
                           { "item": "secret", "blocks": [ { "id": "s1", "p": ["Never shown."] } ] } ] })
    };
    let doc = json!({
        "format": "communique.meeting.v2",
        "meeting": { "title": "T", "starts": "2031-04-24", "timezone": "Europe/Lisbon",
                     "languages": ["en", "fr"] },
        "people": [
            { "id": "sg", "name": "Ana Ruiz", "forms": {
                "en": { "full": "Secretary General Ana Ruiz", "role": "the Secretary General",
                        "short": "Ms Ruiz", "pronoun": "she" },
                "fr": { "full": "la secrétaire générale, Ana Ruiz", "role": "la secrétaire générale",
                        "short": "Mme Ruiz", "pronoun": "elle" } } },
            { "id": "chair", "name": "Tomas Berg" }
        ],
        "agenda": [
            { "id": "ports", "title": "Ports", "quotes": [
                { "id": "q1", "speaker": "sg", "words": { "en": "We act together", "fr": "Nous agissons ensemble" } },
                { "id": "q2", "speaker": "sg", "words": { "en": "ready to go", "fr": "prêt à partir" } },
                { "id": "q3", "speaker": "sg", "words": { "en": "Can we wait?", "fr": "Pouvons-nous attendre ?" } },
                { "id": "q4", "speaker": "sg", "words": { "en": "They said “no” twice.", "fr": "Ils ont dit « non » deux fois." } },
                { "id": "q5", "speaker": "sg", "words": { "en": "we act together." , "fr": "nous agissons ensemble." } },
                { "id": "q-off", "speaker": "chair", "words": { "en": "Off the record.", "fr": "Officieux." }, "in_release": false },
                { "id": "q-en", "speaker": "chair", "words": { "en": "Only in English." } }
            ] },
            { "id": "secret", "title": "Secret", "in_release": false }
        ],
        "releases": [ release("en", blocks_en), release("fr", blocks_fr) ]
    });
    crate::v2::from_value("t.json", &doc).unwrap()
}

/// The lead and the first item's paragraphs, as text.
fn paragraphs(m: &MeetingV2, lang: Language) -> Vec<String> {
    let c = compose(m, lang);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    c.paragraphs()
}

/// One paragraph of runs in both languages (the same runs), composed after the lead.
fn both(lead: Value, en: Value, fr: Value) -> (Vec<String>, Vec<String>) {
    let m = meeting(
        lead,
        json!([{ "id": "p", "p": en }]),
        json!([{ "id": "p", "p": fr }]),
    );
    (paragraphs(&m, Language::En), paragraphs(&m, Language::Fr))
}

fn fr(s: &str) -> String {
    s.replace('_', &NB.to_string())
}

#[test]
fn after_verb_first_is_the_default_and_names_in_full_first() {
    let span = json!([{ "quote": "q1" }]);
    let (en, f) = both(json!([]), span.clone(), span);
    assert_eq!(en, ["“We act together,” said Secretary General Ana Ruiz."]);
    assert_eq!(
        f,
        [fr(
            "«_Nous agissons ensemble_», a déclaré la secrétaire générale, Ana Ruiz."
        )]
    );
}

#[test]
fn a_mention_in_the_lead_is_the_first_reference_and_a_later_quote_is_short() {
    let lead_en = json!([{ "id": "lead", "p": [{ "person": "sg" }, " opened the meeting."] }]);
    let m = meeting(
        lead_en,
        json!([{ "id": "p", "p": [{ "quote": "q1", "attribution": "after-subject" }] }]),
        json!([{ "id": "p", "p": [{ "quote": "q1", "attribution": "after-subject", "form": "pronoun" }] }]),
    );
    assert_eq!(
        paragraphs(&m, Language::En),
        [
            "Secretary General Ana Ruiz opened the meeting.",
            "“We act together,” Ms Ruiz said."
        ]
    );
    // French: a mention opening a sentence is capitalised; a pronoun after the quote inverts.
    assert_eq!(
        paragraphs(&m, Language::Fr),
        [
            "La secrétaire générale, Ana Ruiz, opened the meeting.".to_owned(),
            fr("«_Nous agissons ensemble_», a-t-elle déclaré."),
        ]
    );
}

#[test]
fn french_after_subject_with_a_name_keeps_the_incise_verb_first() {
    let span = json!([{ "quote": "q1", "attribution": "after-subject", "form": "short" }]);
    let (en, f) = both(json!([]), span.clone(), span);
    assert_eq!(en, ["“We act together,” Ms Ruiz said."]);
    assert_eq!(f, [fr("«_Nous agissons ensemble_», a déclaré Mme Ruiz.")]);
}

#[test]
fn a_pronoun_after_the_quote_reads_she_said() {
    let span = json!([{ "quote": "q1", "form": "pronoun" }]);
    let (en, _) = both(json!([]), span.clone(), span);
    assert_eq!(en, ["“We act together,” she said."]);
}

#[test]
fn a_clause_follows_the_attribution() {
    let en = json!([{ "person": "sg" }, " spoke. ",
                    { "quote": "q1", "clause": ["opening the session"] }]);
    let f = json!([{ "quote": "q1", "form": "short", "clause": ["en ouvrant la séance"] }]);
    let (en, f) = both(json!([]), en, f);
    assert_eq!(
        en,
        ["Secretary General Ana Ruiz spoke. “We act together,” said Ms Ruiz, opening the session."]
    );
    assert_eq!(
        f,
        [fr(
            "«_Nous agissons ensemble_», a déclaré Mme Ruiz, en ouvrant la séance."
        )]
    );
}

#[test]
fn before_opens_with_the_speaker_and_a_colon() {
    let span = json!([{ "quote": "q1", "attribution": "before", "form": "short" }]);
    let (en, f) = both(json!([]), span.clone(), span);
    assert_eq!(en, ["Ms Ruiz said: “We act together.”"]);
    assert_eq!(f, [fr("Mme Ruiz a déclaré_: «_Nous agissons ensemble._»")]);
}

#[test]
fn before_with_a_pronoun_opening_a_sentence_is_capitalised() {
    let span =
        json!(["It was late. ", { "quote": "q1", "attribution": "before", "form": "pronoun" }]);
    let (en, f) = both(json!([]), span.clone(), span);
    assert_eq!(en, ["It was late. She said: “We act together.”"]);
    assert_eq!(
        f,
        [fr(
            "It was late. Elle a déclaré_: «_Nous agissons ensemble._»"
        )]
    );
}

#[test]
fn before_that_makes_the_quote_the_object() {
    let span = json!([{ "quote": "q5", "attribution": "before-that", "form": "short" }]);
    let (en, f) = both(json!([]), span.clone(), span);
    assert_eq!(en, ["Ms Ruiz said that “we act together”."]);
    assert_eq!(
        f,
        [fr("Mme Ruiz a déclaré que «_nous agissons ensemble_».")]
    );
}

#[test]
fn added_is_the_languages_formula() {
    let span = json!([{ "quote": "q1" }, " ", { "quote": "q5", "attribution": "added" }]);
    let (en, f) = both(json!([]), span.clone(), span);
    assert_eq!(
        en,
        ["“We act together,” said Secretary General Ana Ruiz. She added: “we act together.”"]
    );
    assert_eq!(
        f,
        [fr("«_Nous agissons ensemble_», a déclaré la secrétaire générale, Ana Ruiz. Et d'ajouter_: «_nous agissons ensemble._»")]
    );
}

#[test]
fn a_fragment_sits_inside_the_sentence_and_names_no_one() {
    let en = json!(["Ministers agreed that the plan was ", { "quote": "q2", "attribution": "none" }, " next year."]);
    let f = json!(["Les ministres ont jugé le plan ", { "quote": "q2", "attribution": "none" }, " l'an prochain."]);
    let (en, f) = both(json!([]), en, f);
    assert_eq!(
        en,
        ["Ministers agreed that the plan was “ready to go” next year."]
    );
    assert_eq!(
        f,
        [fr(
            "Les ministres ont jugé le plan «_prêt à partir_» l'an prochain."
        )]
    );
}

#[test]
fn a_question_keeps_its_mark_and_takes_no_comma() {
    let span = json!([{ "quote": "q3", "form": "short" }]);
    let (en, _) = both(json!([]), span.clone(), span);
    assert_eq!(en, ["“Can we wait?” said Ms Ruiz."]);
    let en = json!([{ "quote": "q3", "verb": "asked", "form": "short" }]);
    let f = json!([{ "quote": "q3", "verb": "a demandé", "form": "short" }]);
    let (en, f) = both(json!([]), en, f);
    assert_eq!(en, ["“Can we wait?” asked Ms Ruiz."]);
    assert_eq!(f, [fr("«_Pouvons-nous attendre_?_» a demandé Mme Ruiz.")]);
}

#[test]
fn a_quote_inside_a_quote_takes_the_secondary_marks() {
    let span = json!([{ "quote": "q4", "form": "short" }]);
    let (en, f) = both(json!([]), span.clone(), span);
    assert_eq!(en, ["“They said ‘no’ twice,” said Ms Ruiz."]);
    assert_eq!(
        f,
        [fr("«_Ils ont dit “non” deux fois_», a déclaré Mme Ruiz.")]
    );
}

#[test]
fn french_inversion_puts_t_between_vowels() {
    let t = Language::Fr.table();
    assert_eq!(t.invert("a déclaré", "elle"), "a-t-elle déclaré");
    assert_eq!(t.invert("a ajouté", "il"), "a-t-il ajouté");
    assert_eq!(t.invert("ont déclaré", "ils"), "ont-ils déclaré");
    assert_eq!(t.invert("dit", "elle"), "dit-elle");
    assert_eq!(t.invert("ajoute", "il"), "ajoute-t-il");
}

#[test]
fn the_headline_names_in_full_and_does_not_count() {
    let mut m = meeting(
        json!([{ "id": "lead", "p": [{ "person": "sg" }, " spoke."] }]),
        json!([{ "id": "p", "p": [{ "person": "sg" }, " left."] }]),
        json!([]),
    );
    m.releases[0].headline = vec![Run::Mention {
        person: "sg".into(),
        form: None,
    }];
    let c = compose(&m, Language::En);
    assert_eq!(c.headline, "Secretary General Ana Ruiz");
    assert_eq!(
        c.paragraphs(),
        ["Secretary General Ana Ruiz spoke.", "Ms Ruiz left."]
    );
}

#[test]
fn an_off_the_record_quote_leaves_its_block_out_and_is_named() {
    let blocks = json!([
        { "id": "ok", "p": ["Before."] },
        { "id": "bad", "p": ["Said: ", { "quote": "q-off", "attribution": "none" }] },
        { "id": "ok2", "p": ["After."] }
    ]);
    let m = meeting(json!([]), blocks.clone(), blocks);
    let c = compose(&m, Language::En);
    assert_eq!(
        c.paragraphs(),
        ["Before.", "After."],
        "no hole, the rest shown"
    );
    assert_eq!(c.problems.len(), 1);
    assert_eq!(c.problems[0].path, "releases[0].items[0].blocks[1]");
    assert!(
        c.problems[0].message.contains("off the record"),
        "{:?}",
        c.problems
    );
    let html = Html.render(&c);
    assert!(!html.contains("Off the record"));
    for format in [Format::Html, Format::Markdown] {
        let e = format.render_v2(&m, Language::Fr).unwrap_err();
        assert_eq!(
            e.to_string().split(':').next().unwrap(),
            "releases[1].items[0].blocks[1]"
        );
        assert!(matches!(e, crate::Error::Invalid { .. }));
    }
    assert!(
        Format::Json.render_v2(&m, Language::En).is_ok(),
        "the file itself exports"
    );
}

#[test]
fn a_quote_without_words_in_the_language_is_a_problem_and_a_block_quote_too() {
    let m = meeting(
        json!([]),
        json!([{ "id": "p", "p": [{ "quote": "q-en" }] }]),
        json!([{ "id": "p", "p": ["Ok."] }, { "id": "bq", "blockquote": "q-en" }]),
    );
    assert!(compose(&m, Language::En).problems.is_empty());
    let c = compose(&m, Language::Fr);
    assert_eq!(c.paragraphs(), ["Ok."]);
    assert_eq!(c.problems[0].path, "releases[1].items[0].blocks[1]");
    assert!(
        c.problems[0].message.contains("no words in \"fr\""),
        "{:?}",
        c.problems
    );
}

#[test]
fn items_out_of_the_release_never_reach_it() {
    let m = meeting(json!([]), json!([]), json!([]));
    for lang in Language::ALL {
        let c = compose(&m, lang);
        assert!(c.body.is_empty());
        assert!(!Markdown.render(&c).contains("Never shown"));
    }
}

#[test]
fn blocks_heading_list_block_quote_and_statement() {
    let blocks = json!([
        { "id": "h", "h": ["Safe ports"] },
        { "id": "l", "list": "numbered", "entries": [["Border checks"], [" Harbour  pilots "]] },
        { "id": "bq", "blockquote": "q1" },
        { "id": "bq2", "blockquote": "q2", "byline": [{ "person": "sg", "form": "role" }] },
        { "id": "st", "statement": ["A spokesperson said:"], "paragraphs": [["The budget stays."], ["No change."]] }
    ]);
    let m = meeting(json!([]), blocks.clone(), blocks);
    let c = compose(&m, Language::En);
    let text = |s: &str| vec![Segment::Text(s.to_owned())];
    assert_eq!(
        c.body,
        [
            Block::Heading(text("Safe ports")),
            Block::List {
                numbered: true,
                start: 1,
                entries: vec![text("Border checks"), text("Harbour pilots")]
            },
            Block::Quote {
                words: "We act together".into(),
                byline: text("— Secretary General Ana Ruiz")
            },
            Block::Quote {
                words: "ready to go".into(),
                byline: text("— The Secretary General")
            },
            Block::Statement {
                intro: text("A spokesperson said:"),
                paragraphs: vec![text("The budget stays."), text("No change.")]
            },
        ]
    );
    let c = compose(&m, Language::Fr);
    assert_eq!(
        c.body[2],
        Block::Quote {
            words: "Nous agissons ensemble".into(),
            byline: text("— La secrétaire générale, Ana Ruiz")
        }
    );
    assert_eq!(
        c.body[4].text(),
        "A spokesperson said:\nThe budget stays.\nNo change."
    );
}

#[test]
fn links_keep_their_phrase_and_spaces_around_them() {
    let runs = json!(["Read the ", { "link": "https://example.org/plan?a=1&b=2", "text": ["plan"] }, " now."]);
    let (en, _) = both(json!([]), runs.clone(), runs);
    assert_eq!(en, ["Read the plan now."]);
    let m = meeting(
        json!([]),
        json!([{ "id": "p", "p": ["Read the ", { "link": "https://example.org/", "text": ["plan"] }, "."] }]),
        json!([]),
    );
    assert_eq!(
        compose(&m, Language::En).body[0],
        Block::Paragraph(vec![
            Segment::Text("Read the ".into()),
            Segment::Link {
                href: "https://example.org/".into(),
                text: "plan".into()
            },
            Segment::Text(".".into()),
        ])
    );
}

#[test]
fn top_and_end_matter() {
    let mut m = meeting(
        json!([{ "id": "lead", "p": ["Ministers met."] }]),
        json!([]),
        json!([]),
    );
    let r = &mut m.releases[0];
    r.label = Some("Press release".into());
    r.deck = vec![Run::Text("Two days of talks".into())];
    r.dateline.place = Some("Lisbon".into());
    r.dateline.position = super::super::DatelinePosition::Lead;
    r.embargo = Some(chrono::DateTime::parse_from_rfc3339("2031-04-25T17:00:00Z").unwrap());
    let c = compose(&m, Language::En);
    assert_eq!(c.label.as_deref(), Some("Press release"));
    assert_eq!(
        c.embargo.as_ref().unwrap().text,
        "Embargoed until 25 April 2031 18:00 WEST"
    );
    assert_eq!(c.embargo.as_ref().unwrap().iso, "2031-04-25T18:00:00+01:00");
    assert_eq!(
        c.dateline_opening().as_deref(),
        Some("LISBON, 25 April 2031 –")
    );
    assert_eq!(
        c.dateline(),
        None,
        "the date stands in the lead, not under the headline"
    );
    let plain = crate::render::plain_text(&c);
    assert!(
        plain.contains("\n\nLISBON, 25 April 2031 – Ministers met.\n"),
        "{plain}"
    );
    m.releases[0].dateline.position = super::super::DatelinePosition::End;
    let c = compose(&m, Language::En);
    assert_eq!(c.dateline_end().as_deref(), Some("LISBON, 25 April 2031"));
    assert!(crate::render::plain_text(&c).ends_with("Ministers met.\n\nLISBON, 25 April 2031\n"));
    m.releases[0].dateline.position = super::super::DatelinePosition::Line;
    assert_eq!(
        compose(&m, Language::En).dateline().as_deref(),
        Some("LISBON, 25 April 2031")
    );
}

/// A meeting whose Secretary General's full form is an apposition in both languages
/// (`the Secretary General, Ana Ruiz`), and a chair whose forms have no comma. Each release's
/// lead is `lead` and its one item's blocks `blocks`; the headline is `headline`.
fn appositions(headline: Value, lead: Value, blocks: Value) -> MeetingV2 {
    let release = |lang: &str| {
        json!({ "language": lang, "headline": headline, "lead": lead,
                "items": [ { "item": "ports", "blocks": blocks } ] })
    };
    let doc = json!({
        "format": "communique.meeting.v2",
        "meeting": { "title": "T", "starts": "2031-04-24", "timezone": "Europe/Lisbon",
                     "languages": ["en", "fr"] },
        "people": [
            { "id": "sg", "name": "Ana Ruiz", "forms": {
                "en": { "full": "the Secretary General, Ana Ruiz", "short": "Ms Ruiz", "pronoun": "she" },
                "fr": { "full": "la secrétaire générale, Ana Ruiz", "short": "Mme Ruiz", "pronoun": "elle" } } },
            { "id": "chair", "name": "Tomas Berg", "forms": {
                "en": { "full": "Foreign Minister Tomas Berg", "short": "Mr Berg" },
                "fr": { "full": "le ministre Tomas Berg", "short": "M. Berg" } } }
        ],
        "agenda": [
            { "id": "ports", "title": "Ports", "quotes": [
                { "id": "q1", "speaker": "sg", "words": { "en": "We act together", "fr": "Nous agissons ensemble" } },
                { "id": "q2", "speaker": "sg", "words": { "en": "we act together.", "fr": "nous agissons ensemble." } },
                { "id": "q3", "speaker": "sg", "words": { "en": "A promise kept", "fr": "Une promesse tenue" } }
            ] }
        ],
        "releases": [ release("en"), release("fr") ]
    });
    crate::v2::from_value("t.json", &doc).unwrap()
}

/// The paragraphs of one item paragraph of runs in each language (`en`, `fr`), nothing before.
fn apposed(en: Value, f: Value) -> (Vec<String>, Vec<String>) {
    let one = |runs: Value, lang| {
        let m = appositions(json!(["H"]), json!([]), json!([{ "id": "p", "p": runs }]));
        paragraphs(&m, lang)
    };
    (one(en, Language::En), one(f, Language::Fr))
}

#[test]
fn an_apposition_subject_in_the_lead_is_closed_by_a_comma() {
    let (en, f) = apposed(
        json!([{ "person": "sg" }, " opened the meeting."]),
        json!([{ "person": "sg" }, " a ouvert la réunion."]),
    );
    assert_eq!(en, ["The Secretary General, Ana Ruiz, opened the meeting."]);
    assert_eq!(
        f,
        ["La secrétaire générale, Ana Ruiz, a ouvert la réunion."]
    );
    // The same in the lead itself, and words after the mention in another run.
    let m = appositions(
        json!(["H"]),
        json!([{ "id": "lead", "p": ["Today ", { "person": "sg" }, " ", "and ", { "person": "chair" }, " met."] }]),
        json!([]),
    );
    assert_eq!(
        paragraphs(&m, Language::En),
        ["Today the Secretary General, Ana Ruiz, and Foreign Minister Tomas Berg met."]
    );
}

#[test]
fn an_apposition_followed_by_punctuation_or_the_end_takes_no_comma() {
    for (en_tail, fr_tail) in [
        (".", "."),
        (", who chairs it, spoke.", ", qui la préside, a parlé."),
        ("; Mr Berg spoke.", " ; M. Berg a parlé."),
        (" – and no one else.", " – et personne d'autre."),
        (") spoke.", ") a parlé."),
        ("” was the title.", " » était le titre."),
    ] {
        let (en, f) = apposed(
            json!(["(Opened by ", { "person": "sg" }, en_tail]),
            json!(["(Ouverte par ", { "person": "sg" }, fr_tail]),
        );
        assert_eq!(
            en,
            [format!(
                "(Opened by the Secretary General, Ana Ruiz{en_tail}"
            )]
        );
        assert_eq!(
            f,
            [fr(&format!(
                "(Ouverte par la secrétaire générale, Ana Ruiz{fr_tail}"
            )
            .replace(" ;", "_;")
            .replace(" »", "_»"))]
        );
    }
    // Ending the paragraph: nothing to close.
    let (en, f) = apposed(
        json!(["The meeting was opened by ", { "person": "sg" }]),
        json!(["La réunion a été ouverte par ", { "person": "sg" }]),
    );
    assert_eq!(
        en,
        ["The meeting was opened by the Secretary General, Ana Ruiz"]
    );
    assert_eq!(
        f,
        ["La réunion a été ouverte par la secrétaire générale, Ana Ruiz"]
    );
}

#[test]
fn an_apposition_before_an_opening_quote_mark_is_closed() {
    let (en, f) = apposed(
        json!([{ "person": "sg" }, " “welcomed” the plan."]),
        json!([{ "person": "sg" }, " « salue » le plan."]),
    );
    assert_eq!(
        en,
        ["The Secretary General, Ana Ruiz, “welcomed” the plan."]
    );
    assert_eq!(
        f,
        [fr("La secrétaire générale, Ana Ruiz, «_salue_» le plan.")]
    );
}

#[test]
fn a_form_without_an_inner_comma_never_gets_one() {
    let (en, f) = apposed(
        json!([{ "person": "chair" }, " spoke. ", { "person": "sg", "form": "short" }, " replied. ",
               { "person": "sg", "form": "pronoun" }, " left."]),
        json!([{ "person": "chair" }, " a parlé. ", { "person": "sg", "form": "short" }, " a répondu. ",
               { "person": "sg", "form": "pronoun" }, " est partie."]),
    );
    assert_eq!(
        en,
        ["Foreign Minister Tomas Berg spoke. Ms Ruiz replied. She left."]
    );
    assert_eq!(
        f,
        ["Le ministre Tomas Berg a parlé. Mme Ruiz a répondu. Elle est partie."]
    );
}

#[test]
fn appositions_in_headings_lists_statements_bylines_and_the_headline() {
    let blocks = json!([
        { "id": "h", "h": [{ "person": "sg", "form": "full" }, " on ports"] },
        { "id": "l", "list": "bulleted", "entries": [
            [{ "person": "sg", "form": "full" }, " opened the session"],
            ["Closing: ", { "person": "sg", "form": "full" }]
        ] },
        { "id": "st", "statement": [{ "person": "sg", "form": "full" }, " said:"], "paragraphs": [["We stay."]] },
        { "id": "bq", "blockquote": "q1", "byline": [{ "person": "sg", "form": "full" }, " at the opening"] },
        { "id": "bq2", "blockquote": "q3" }
    ]);
    let m = appositions(
        json!([{ "person": "sg" }, " opens the session"]),
        json!([]),
        blocks,
    );
    let c = compose(&m, Language::En);
    assert_eq!(
        c.headline,
        "The Secretary General, Ana Ruiz, opens the session"
    );
    let texts: Vec<String> = c.body.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "The Secretary General, Ana Ruiz, on ports",
            "- The Secretary General, Ana Ruiz, opened the session\n- Closing: the Secretary General, Ana Ruiz",
            "The Secretary General, Ana Ruiz, said:\nWe stay.",
            "We act together\n— The Secretary General, Ana Ruiz, at the opening",
            // The default byline is the form alone, after the first mention: short.
            "A promise kept\n— Ms Ruiz",
        ]
    );
    let c = compose(&m, Language::Fr);
    assert_eq!(
        c.headline,
        "La secrétaire générale, Ana Ruiz, opens the session"
    );
    assert_eq!(
        c.body[1].text(),
        "- La secrétaire générale, Ana Ruiz, opened the session\n- Closing: la secrétaire générale, Ana Ruiz"
    );
    // A default byline that names in full ends with the form: nothing to close.
    let m = appositions(
        json!(["H"]),
        json!([]),
        json!([{ "id": "bq", "blockquote": "q3" }]),
    );
    assert_eq!(
        compose(&m, Language::Fr).body[0].text(),
        "Une promesse tenue\n— La secrétaire générale, Ana Ruiz"
    );
}

#[test]
fn attributions_after_the_quote_close_an_apposition_only_when_words_follow() {
    // Verb first, ending the sentence: nothing to close.
    let span = json!([{ "quote": "q1" }]);
    let (en, f) = apposed(span.clone(), span);
    assert_eq!(
        en,
        ["“We act together,” said the Secretary General, Ana Ruiz."]
    );
    assert_eq!(
        f,
        [fr(
            "«_Nous agissons ensemble_», a déclaré la secrétaire générale, Ana Ruiz."
        )]
    );
    // With a clause: the comma before the clause closes it.
    let (en, f) = apposed(
        json!([{ "quote": "q1", "clause": ["after the vote"] }]),
        json!([{ "quote": "q1", "clause": ["après le vote"] }]),
    );
    assert_eq!(
        en,
        ["“We act together,” said the Secretary General, Ana Ruiz, after the vote."]
    );
    assert_eq!(
        f,
        [fr("«_Nous agissons ensemble_», a déclaré la secrétaire générale, Ana Ruiz, après le vote.")]
    );
    // Subject first: English puts the verb after the name, so the apposition is closed; French
    // keeps the name after the verb in the incise.
    let span = json!([{ "quote": "q1", "attribution": "after-subject" }]);
    let (en, f) = apposed(span.clone(), span);
    assert_eq!(
        en,
        ["“We act together,” the Secretary General, Ana Ruiz, said."]
    );
    assert_eq!(
        f,
        [fr(
            "«_Nous agissons ensemble_», a déclaré la secrétaire générale, Ana Ruiz."
        )]
    );
}

#[test]
fn attributions_before_the_quote_close_an_apposition() {
    let span = json!([{ "quote": "q1", "attribution": "before" }]);
    let (en, f) = apposed(span.clone(), span);
    assert_eq!(
        en,
        ["The Secretary General, Ana Ruiz, said: “We act together.”"]
    );
    assert_eq!(
        f,
        [fr(
            "La secrétaire générale, Ana Ruiz, a déclaré_: «_Nous agissons ensemble._»"
        )]
    );
    let span = json!([{ "quote": "q2", "attribution": "before-that" }]);
    let (en, f) = apposed(span.clone(), span);
    assert_eq!(
        en,
        ["The Secretary General, Ana Ruiz, said that “we act together”."]
    );
    assert_eq!(
        f,
        [fr(
            "La secrétaire générale, Ana Ruiz, a déclaré que «_nous agissons ensemble_»."
        )]
    );
    let (en, f) = apposed(
        json!([{ "quote": "q1", "attribution": "before", "clause": ["after the vote"] }]),
        json!([{ "quote": "q1", "attribution": "before", "clause": ["après le vote"] }]),
    );
    assert_eq!(
        en,
        ["The Secretary General, Ana Ruiz, said, after the vote: “We act together.”"]
    );
    assert_eq!(
        f,
        [fr("La secrétaire générale, Ana Ruiz, a déclaré, après le vote_: «_Nous agissons ensemble._»")]
    );
    // `added` with the full form asked for: English names the speaker before the verb; French's
    // formula names no one.
    let span = json!([{ "quote": "q1", "attribution": "added", "form": "full" }]);
    let (en, f) = apposed(span.clone(), span);
    assert_eq!(
        en,
        ["The Secretary General, Ana Ruiz, added: “We act together.”"]
    );
    assert_eq!(f, [fr("Et d'ajouter_: «_Nous agissons ensemble._»")]);
}

#[test]
fn the_apposition_rule_is_the_tables() {
    for lang in Language::ALL {
        let t = lang.table();
        assert_eq!(t.apposition.mark, ",");
        assert_eq!(t.apposition_close("the chair, Ana Ruiz", " opened"), ",");
        assert_eq!(
            t.apposition_close("the chair, Ana Ruiz", " 12 motions"),
            ","
        );
        assert_eq!(t.apposition_close("the chair, Ana Ruiz", ", who"), "");
        assert_eq!(t.apposition_close("the chair, Ana Ruiz", ""), "");
        assert_eq!(t.apposition_close("Ana Ruiz", " opened"), "");
        assert_eq!(t.subject("the chair, Ana Ruiz"), "the chair, Ana Ruiz,");
        assert_eq!(t.subject("Ana Ruiz"), "Ana Ruiz");
    }
}

#[test]
fn the_composer_says_how_each_attributed_quote_names_its_speaker_in_reading_order() {
    let p = |runs: Value| json!([{ "id": "p", "p": runs }]);
    // The lead names her first (a mention); then the quotes: short, the `added` formula (her
    // pronoun), a fragment (no attribution, not listed), one attributed before.
    let runs = json!([{ "quote": "q1" }, " ", { "quote": "q2", "attribution": "added" }, " ",
                      { "quote": "q3", "attribution": "none" }, " ", { "quote": "q5", "attribution": "before" }]);
    let lead_mention = json!([{ "id": "lead", "p": [{ "person": "sg" }, " opened the meeting."] }]);
    let m = meeting(lead_mention, p(runs.clone()), p(runs.clone()));
    let names = |lang| {
        compose(&m, lang)
            .attributions
            .into_iter()
            .filter(|a| a.attribution != Attribution::None)
            .map(|a| (a.quote, a.speaker, a.name, a.first))
            .collect::<Vec<_>>()
    };
    let own =
        |q: &str, name: &str, first: bool| (q.to_owned(), "sg".to_owned(), name.to_owned(), first);
    assert_eq!(
        names(Language::En),
        [
            own("q1", "Ms Ruiz", false),
            own("q2", "She", false),
            own("q5", "Ms Ruiz", false)
        ]
    );
    assert_eq!(
        names(Language::Fr),
        [
            own("q1", "Mme Ruiz", false),
            own("q2", "", false),
            own("q5", "Mme Ruiz", false)
        ]
    );
    // Without the mention, the first quote is her first naming: in full.
    let m = meeting(json!([]), p(runs.clone()), p(runs));
    let first = compose(&m, Language::Fr).attributions;
    assert_eq!(
        (first[0].name.as_str(), first[0].first, first[1].first),
        ("la secrétaire générale, Ana Ruiz", true, false)
    );
    // The fragment is listed too, naming nobody: every quote the release places is there.
    assert_eq!(
        first
            .iter()
            .map(|a| (a.quote.as_str(), a.attribution))
            .collect::<Vec<_>>(),
        [
            ("q1", Attribution::After),
            ("q2", Attribution::Added),
            ("q3", Attribution::None),
            ("q5", Attribution::Before)
        ]
    );
}
