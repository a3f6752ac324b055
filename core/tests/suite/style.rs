//! House style (docs/meeting-file-v2.md, "House style"): each option of the meeting's
//! organisation's `style`, in English and French, as exact paragraphs of the release; every
//! output (HTML, its JSON-LD, Markdown, plain text, the preview) showing the same words; the
//! corpus under each option against its hand-written texts; the style read strictly, kept by v2
//! and refused by v1.

use communique_core::compose::{Block, Segment};
use communique_core::v2::{self, HouseStyle, MeetingV2};
use communique_core::{render, Format, Language};
use serde_json::{json, Value};

use crate::corpus;
use crate::prelude::{front_matter, html_parts, markdown_parts, Meta};

const NB: &str = "\u{a0}";
const NARROW: &str = "\u{202f}";

/// `core/tests/fixtures/v2/house-style.meeting.json`: a meeting of `alliance` in English and
/// French whose releases hold apostrophes typed both ways, a link whose address has one, an
/// e-mail address with one, French `; : ! ?` and « », a quote (with a quotation inside it) and a
/// further one (`She added:` / `Et d'ajouter :`), the dateline opening the lead, an update time
/// and an embargo; its organisation has every option of a house style.
const FIXTURE: &str = include_str!("../fixtures/v2/house-style.meeting.json");

/// The fixture with `style` as its organisation's (`None`: it has none).
fn meeting(style: Option<Value>) -> MeetingV2 {
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    match style {
        Some(style) => doc["organisations"][0]["style"] = style,
        None => {
            doc["organisations"][0]
                .as_object_mut()
                .unwrap()
                .remove("style");
        }
    }
    v2::from_value("house-style.meeting.json", &doc).unwrap_or_else(|e| panic!("{e}"))
}

/// The release's plain text, paragraph by paragraph.
fn plain(m: &MeetingV2, language: Language) -> Vec<String> {
    let c = v2::compose(m, language);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    render::plain_text(&c)
        .trim_end()
        .split("\n\n")
        .map(str::to_owned)
        .collect()
}

fn styled(style: Value) -> (Vec<String>, Vec<String>) {
    let m = meeting(Some(style));
    (plain(&m, Language::En), plain(&m, Language::Fr))
}

/// `_` is a no-break space, `^` a narrow one.
fn fr(s: &str) -> String {
    s.replace('_', NB).replace('^', NARROW)
}

fn frs(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| fr(l)).collect()
}

/// What a release without a style prints (the defaults), against which each option is read.
const EN: [&str; 7] = [
    "Embargoed until 27 April 2018 18:00 CEST",
    "Ministers' plan for Iraq",
    "Updated: 27 April 2018 21:11",
    "BRUSSELS, 27 April 2018 – The Alliance's ministers met; the Alliance's page has more. It’s agreed.",
    "“We won't wait: they said ‘no’,” said Secretary General Ana Ruiz. She added: “Why wait?”",
    "Media enquiries",
    "Write to o'brien@example.org.",
];

const FR: [&str; 7] = [
    "Sous embargo jusqu'au 27 avril 2018 18:00 CEST",
    "Le plan des ministres pour l'Irak",
    "Mis à jour le_: 27 avril 2018 21:11",
    "BRUXELLES, 27 avril 2018 – Les ministres de l'Alliance se sont réunis_; la page de l'Alliance en dit plus_! C’est convenu.",
    "«_Nous n'attendrons pas_: ils ont dit “non”_», a déclaré la secrétaire générale, Ana Ruiz. Et d'ajouter_: «_Pourquoi attendre_?_»",
    "Contact presse",
    "Écrire à o'brien@example.org.",
];

#[test]
fn the_fixture_reads_and_writes_back_byte_for_byte() {
    let m = v2::parse("house-style.meeting.json", FIXTURE.as_bytes()).unwrap();
    assert_eq!(v2::to_json(&m).unwrap(), FIXTURE);
    assert_eq!(
        m.organisations[0].style,
        HouseStyle {
            apostrophe: v2::Apostrophe::Curly,
            french_spacing: v2::FrenchSpacing::Narrow,
            date: v2::DateForm::Abbreviated,
            time: v2::TimeForm::H,
            dateline_place: v2::PlaceForm::AsTyped,
        }
    );
}

#[test]
fn no_style_an_empty_one_and_the_defaults_named_print_the_same() {
    let none = meeting(None);
    assert_eq!(plain(&none, Language::En), EN);
    assert_eq!(plain(&none, Language::Fr), frs(&FR));
    let defaults = json!({ "apostrophe": "as-typed", "french_spacing": "nbsp", "date": "long",
                           "time": "24h", "dateline_place": "upper" });
    for style in [json!({}), defaults] {
        let m = meeting(Some(style));
        // The defaults are the absence of a style: the same meeting, written without one.
        assert_eq!(m, none);
        assert_eq!(v2::to_json(&m).unwrap(), v2::to_json(&none).unwrap());
        for language in [Language::En, Language::Fr] {
            for format in [Format::Html, Format::Markdown] {
                assert_eq!(
                    format.render_v2(&m, language).unwrap(),
                    format.render_v2(&none, language).unwrap()
                );
            }
        }
    }
    assert!(!v2::to_json(&none).unwrap().contains("\"style\""));
}

#[test]
fn curly_apostrophes_everywhere_but_in_addresses() {
    let (en, f) = styled(json!({ "apostrophe": "curly" }));
    assert_eq!(
        en,
        [
            "Embargoed until 27 April 2018 18:00 CEST",
            "Ministers’ plan for Iraq",
            "Updated: 27 April 2018 21:11",
            "BRUSSELS, 27 April 2018 – The Alliance’s ministers met; the Alliance’s page has more. It’s agreed.",
            // A quote's words are text like any other: the style is typography.
            "“We won’t wait: they said ‘no’,” said Secretary General Ana Ruiz. She added: “Why wait?”",
            "Media enquiries",
            "Write to o'brien@example.org.",
        ]
    );
    assert_eq!(
        f,
        frs(&[
            // The language's own formulae and labels too (`jusqu'au`, `Et d'ajouter`).
            "Sous embargo jusqu’au 27 avril 2018 18:00 CEST",
            "Le plan des ministres pour l’Irak",
            "Mis à jour le_: 27 avril 2018 21:11",
            "BRUXELLES, 27 avril 2018 – Les ministres de l’Alliance se sont réunis_; la page de l’Alliance en dit plus_! C’est convenu.",
            "«_Nous n’attendrons pas_: ils ont dit “non”_», a déclaré la secrétaire générale, Ana Ruiz. Et d’ajouter_: «_Pourquoi attendre_?_»",
            "Contact presse",
            "Écrire à o'brien@example.org.",
        ])
    );
}

/// Under `style`, the release reads as without one but for paragraph `at`, where `en` and `fr`
/// (each what it was, what it becomes) are replaced.
fn only_changes(style: serde_json::Value, at: usize, en: (&str, &str), fr: (&str, &str)) {
    let (got_en, got_fr) = styled(style);
    let mut want = EN.map(str::to_owned);
    want[at] = want[at].replace(en.0, en.1);
    assert_eq!(got_en, want);
    let mut want = frs(&FR);
    want[at] = want[at].replace(fr.0, fr.1);
    assert_eq!(got_fr, want);
}

#[test]
fn straight_apostrophes_and_the_marks_of_a_quotation_kept() {
    // The one typed curly; the quotation's ‘no’ keeps its marks.
    only_changes(
        json!({ "apostrophe": "straight" }),
        3,
        ("It’s", "It's"),
        ("C’est", "C'est"),
    );
}

#[test]
fn an_apostrophe_in_a_links_address_stays_straight() {
    let m = meeting(Some(json!({ "apostrophe": "curly" })));
    for language in [Language::En, Language::Fr] {
        let c = v2::compose(&m, language);
        let Block::Paragraph(lead) = &c.lead[0] else {
            panic!("{:?}", c.lead)
        };
        let links: Vec<(&str, &str)> = lead
            .iter()
            .filter_map(|s| match s {
                Segment::Link { href, text } => Some((href.as_str(), text.as_str())),
                Segment::Text(_) => None,
            })
            .collect();
        let phrase = match language {
            Language::En => "the Alliance’s page",
            Language::Fr => "la page de l’Alliance",
            other => unreachable!("the meeting has no release in {other:?}"),
        };
        assert_eq!(links, [("https://example.org/l'otan", phrase)]);
        let html = Format::Html.render_v2(&m, language).unwrap();
        assert!(
            html.contains("href=\"https://example.org/l&#39;otan\""),
            "{html}"
        );
        let md = Format::Markdown.render_v2(&m, language).unwrap();
        assert!(md.contains("](https://example.org/l'otan)"), "{md}");
    }
}

#[test]
fn french_spacing_narrow_puts_a_narrow_space_before_semicolons_and_marks() {
    let (en, f) = styled(json!({ "french_spacing": "narrow" }));
    assert_eq!(en, EN, "English has no such spacing");
    assert_eq!(
        f,
        frs(&[
            "Sous embargo jusqu'au 27 avril 2018 18:00 CEST",
            "Le plan des ministres pour l'Irak",
            "Mis à jour le_: 27 avril 2018 21:11",
            "BRUXELLES, 27 avril 2018 – Les ministres de l'Alliance se sont réunis^; la page de l'Alliance en dit plus^! C’est convenu.",
            "«_Nous n'attendrons pas_: ils ont dit “non”_», a déclaré la secrétaire générale, Ana Ruiz. Et d'ajouter_: «_Pourquoi attendre^?_»",
            "Contact presse",
            "Écrire à o'brien@example.org.",
        ])
    );
}

#[test]
fn french_spacing_none_is_the_eus_no_space_before_marks_nor_inside_guillemets() {
    let (en, f) = styled(json!({ "french_spacing": "none" }));
    assert_eq!(en, EN, "English has no such spacing");
    assert_eq!(
        f,
        [
            "Sous embargo jusqu'au 27 avril 2018 18:00 CEST",
            "Le plan des ministres pour l'Irak",
            "Mis à jour le: 27 avril 2018 21:11",
            "BRUXELLES, 27 avril 2018 – Les ministres de l'Alliance se sont réunis; la page de l'Alliance en dit plus! C’est convenu.",
            "«Nous n'attendrons pas: ils ont dit “non”», a déclaré la secrétaire générale, Ana Ruiz. Et d'ajouter: «Pourquoi attendre?»",
            "Contact presse",
            "Écrire à o'brien@example.org.",
        ]
    );
}

#[test]
fn abbreviated_dates_in_the_dateline_the_update_and_the_embargo() {
    let (en, f) = styled(json!({ "date": "abbreviated" }));
    let mut want = EN.map(str::to_owned);
    want[0] = "Embargoed until 27 Apr. 2018 18:00 CEST".into();
    want[2] = "Updated: 27 Apr. 2018 21:11".into();
    want[3] = want[3].replace("BRUSSELS, 27 April 2018", "BRUSSELS, 27 Apr. 2018");
    assert_eq!(en, want);
    let mut want = frs(&FR);
    want[0] = "Sous embargo jusqu'au 27 avr. 2018 18:00 CEST".into();
    want[2] = fr("Mis à jour le_: 27 avr. 2018 21:11");
    want[3] = want[3].replace("BRUXELLES, 27 avril 2018", "BRUXELLES, 27 avr. 2018");
    assert_eq!(f, want);
}

#[test]
fn times_in_the_h_form_in_french_and_on_the_24_hour_clock_in_english() {
    let (en, f) = styled(json!({ "time": "h" }));
    assert_eq!(en, EN, "English has no h form");
    let mut want = frs(&FR);
    want[0] = fr("Sous embargo jusqu'au 27 avril 2018 18_h CEST");
    want[2] = fr("Mis à jour le_: 27 avril 2018 21_h_11");
    assert_eq!(f, want);
}

#[test]
fn the_datelines_place_as_typed() {
    only_changes(
        json!({ "dateline_place": "as-typed" }),
        3,
        ("BRUSSELS,", "Brussels,"),
        ("BRUXELLES,", "Bruxelles,"),
    );
}

/// Every option at once: the HTML (its article, its title, its JSON-LD), the Markdown (its text
/// and front matter), the plain text and the preview show the same words.
#[test]
fn every_output_shows_the_styled_words() {
    let m = meeting(Some(
        json!({ "apostrophe": "curly", "french_spacing": "none",
                                 "date": "abbreviated", "time": "h",
                                 "dateline_place": "as-typed" }),
    ));
    let (en, f) = (plain(&m, Language::En), plain(&m, Language::Fr));
    assert_eq!(
        en,
        [
            "Embargoed until 27 Apr. 2018 18:00 CEST",
            "Ministers’ plan for Iraq",
            "Updated: 27 Apr. 2018 21:11",
            "Brussels, 27 Apr. 2018 – The Alliance’s ministers met; the Alliance’s page has more. It’s agreed.",
            "“We won’t wait: they said ‘no’,” said Secretary General Ana Ruiz. She added: “Why wait?”",
            "Media enquiries",
            "Write to o'brien@example.org.",
        ]
    );
    assert_eq!(
        f,
        frs(&[
            "Sous embargo jusqu’au 27 avr. 2018 18_h CEST",
            "Le plan des ministres pour l’Irak",
            "Mis à jour le: 27 avr. 2018 21_h_11",
            "Bruxelles, 27 avr. 2018 – Les ministres de l’Alliance se sont réunis; la page de l’Alliance en dit plus! C’est convenu.",
            "«Nous n’attendrons pas: ils ont dit “non”», a déclaré la secrétaire générale, Ana Ruiz. Et d’ajouter: «Pourquoi attendre?»",
            "Contact presse",
            "Écrire à o'brien@example.org.",
        ])
    );
    for (language, paragraphs) in [(Language::En, en), (Language::Fr, f)] {
        let c = v2::compose(&m, language);
        let html = Format::Html.render_v2(&m, language).unwrap();
        let text = corpus::html_text(&html);
        for p in &paragraphs {
            assert!(text.contains(p.as_str()), "{p:?} not in the HTML:\n{text}");
        }
        let parts = html_parts(&html);
        assert_eq!(parts.title, paragraphs[1]);
        let ld = &parts.json_ld;
        assert_eq!(ld["headline"], json!(paragraphs[1]));
        let (place, date, org, location) = match language {
            Language::En => ("Brussels", "27 Apr. 2018", "The Alliance", "Quai d’Orsay"),
            Language::Fr => ("Bruxelles", "27 avr. 2018", "L’Alliance", "Quai d’Orsay"),
            other => unreachable!("the meeting has no release in {other:?}"),
        };
        assert_eq!(ld["dateline"], json!(format!("{place}, {date}")));
        assert_eq!(ld["publisher"]["name"], json!(org));
        assert_eq!(ld["locationCreated"]["name"], json!(location));
        assert_eq!(ld["datePublished"], json!("2018-04-27"));
        assert!(html.contains(&format!("<div class=\"organisation\">{org}</div>")));

        let md = Format::Markdown.render_v2(&m, language).unwrap();
        let md_parts = markdown_parts(&md);
        assert_eq!(md_parts.headings[0], paragraphs[1]);
        for p in paragraphs.iter().filter(|p| **p != paragraphs[1]) {
            let found = md_parts.paragraphs.contains(p) || md_parts.headings.contains(p);
            assert!(found, "{p:?} not in the Markdown:\n{md}");
        }
        let meta = front_matter(&md);
        assert!(meta.contains(&("organisation".into(), Meta::Text(org.into()))));
        assert!(meta.contains(&("location".into(), Meta::Text(location.into()))));
        assert!(meta.contains(&("meeting".into(), Meta::Text("Ministers’ meeting".into()))));

        let preview = render::preview(&c);
        assert!(preview.contains(&render::article(&c)));
    }
}

#[test]
fn the_style_is_read_strictly() {
    let refused = |style: Value| {
        let mut doc = v2::to_value(&meeting(None)).unwrap();
        doc["organisations"][0]["style"] = style;
        let e = v2::from_value("m.json", &doc).expect_err("refused");
        format!("{}: {}", e.path, e.message)
    };
    let e = refused(json!({ "apostrophes": "curly" }));
    assert!(
        e.starts_with("organisations[0].style.apostrophes: unknown field `apostrophes`"),
        "{e}"
    );
    let e = refused(json!({ "date": "short" }));
    assert!(
        e.starts_with("organisations[0].style.date: unknown variant `short`, expected `long` or `abbreviated`"),
        "{e}"
    );
    let e = refused(json!({ "french_spacing": "thin" }));
    assert!(
        e.starts_with("organisations[0].style.french_spacing: unknown variant `thin`"),
        "{e}"
    );
    let e = refused(json!({ "time": 24 }));
    assert!(
        e.starts_with("organisations[0].style.time: invalid type: integer `24`"),
        "{e}"
    );
    let e = refused(json!("curly"));
    assert!(
        e.starts_with("organisations[0].style: invalid type: string \"curly\""),
        "{e}"
    );
}

#[test]
fn the_style_is_kept_by_v2_and_named_by_what_v1_cannot_say() {
    let style = json!({ "apostrophe": "curly", "french_spacing": "narrow", "date": "abbreviated",
                        "time": "h", "dateline_place": "as-typed" });
    let m = meeting(Some(style.clone()));
    let json = v2::to_json(&m).unwrap();
    assert_eq!(v2::parse("m.json", json.as_bytes()).unwrap(), m);
    assert_eq!(
        serde_json::from_str::<Value>(&json).unwrap()["organisations"][0]["style"],
        style
    );
    // v1 has no house style: upgrade gives none, downgrade names it.
    let mut one = v2::to_value(&m).unwrap();
    one["meeting"]["languages"] = json!(["en"]);
    one["organisations"][0]["name"] = json!({ "en": "The Alliance" });
    one["releases"] = json!([]);
    one["agenda"][0]["quotes"] = json!([]);
    one["people"][0]["forms"] = json!({});
    let one = v2::from_value("one.json", &one).unwrap();
    let e = v2::downgrade(&one).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.what.as_str()),
        ("organisations[0].style", "a house style")
    );
    let mut plain_org = one.clone();
    plain_org.organisations[0].style = HouseStyle::default();
    let v1 = v2::downgrade(&plain_org).unwrap();
    assert!(v2::upgrade(&v1)
        .organisations
        .iter()
        .all(|o| o.style.is_default()));
}

// ---- The corpus under each option ------------------------------------------------------------

/// `m` with `style` on the meeting's organisation (one with no name added when it has none).
fn with_style(mut m: MeetingV2, style: HouseStyle) -> MeetingV2 {
    let id = m.info.organisation.clone().unwrap_or_else(|| {
        m.organisations.push(v2::Organisation {
            id: "house".into(),
            name: Default::default(),
            boilerplate: Default::default(),
            style: HouseStyle::default(),
        });
        m.info.organisation = Some("house".into());
        "house".into()
    });
    let org = m.organisations.iter_mut().find(|o| o.id == id).unwrap();
    org.style = style;
    assert_eq!(v2::validate(&m), Ok(()));
    m
}

/// Each release of the corpus, composed in `style`, against its hand-written text made over by
/// `expect` (the text and its language): paragraph by paragraph.
fn corpus_under(style: HouseStyle, expect: impl Fn(&str, Language) -> String) {
    let mut failures = Vec::new();
    for (stem, m) in corpus::meetings() {
        let m = with_style(m, style);
        for r in &m.releases {
            let (name, want) = corpus::expected(&stem, r.language);
            let want = expect(&want, r.language);
            let c = v2::compose(&m, r.language);
            assert!(c.problems.is_empty(), "{name}: {:?}", c.problems);
            failures.extend(corpus::paragraph_failures(
                &name,
                &want,
                &render::plain_text(&c),
            ));
            let want = corpus::paragraphs(&want);
            // And the HTML says it too (a list's entry and a caption without what is the
            // HTML's markup there: the bullet or number, the label).
            let html = corpus::html_text(&Format::Html.render_v2(&m, r.language).unwrap());
            for line in want.iter().flat_map(|p| p.lines()) {
                let mut candidates = vec![line];
                candidates.extend(line.strip_prefix("- "));
                candidates.extend(line.split_once(". ").map(|(_, rest)| rest));
                candidates.extend(line.split_once(": ").map(|(_, rest)| rest));
                candidates.extend(line.split_once(":").map(|(_, rest)| rest.trim_start()));
                if !candidates.iter().any(|c| html.contains(c)) {
                    failures.push(format!("{name}: {line:?} not in the HTML's text"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_corpus_with_curly_apostrophes_is_its_text_with_every_straight_one_curled() {
    // Every `'` the corpus's texts hold is an apostrophe (its quotations are spans, and the
    // English quotation inside a quote prints ‘…’, which stays).
    corpus_under(
        HouseStyle {
            apostrophe: v2::Apostrophe::Curly,
            ..HouseStyle::default()
        },
        |text, _| text.replace('\'', "’"),
    );
    corpus_under(
        HouseStyle {
            apostrophe: v2::Apostrophe::Straight,
            ..HouseStyle::default()
        },
        |text, _| text.to_owned(),
    );
}

#[test]
fn the_corpus_with_french_spacing_is_its_text_respaced() {
    corpus_under(
        HouseStyle {
            french_spacing: v2::FrenchSpacing::Narrow,
            ..HouseStyle::default()
        },
        |text, language| match language {
            Language::Fr => text
                .replace("\u{a0};", "\u{202f};")
                .replace("\u{a0}!", "\u{202f}!")
                .replace("\u{a0}?", "\u{202f}?"),
            _ => text.to_owned(),
        },
    );
    corpus_under(
        HouseStyle {
            french_spacing: v2::FrenchSpacing::None,
            ..HouseStyle::default()
        },
        |text, language| match language {
            Language::Fr => {
                let mut t = text.to_owned();
                for mark in [";", ":", "!", "?", "»"] {
                    t = t.replace(&format!("\u{a0}{mark}"), mark);
                }
                t.replace("«\u{a0}", "«")
            }
            _ => text.to_owned(),
        },
    );
}

#[test]
fn a_corpus_dateline_in_every_form() {
    let (_, m) = corpus::meetings()
        .into_iter()
        .find(|(stem, _)| stem == "dateline-lead-ports")
        .unwrap();
    let m = with_style(
        m,
        HouseStyle {
            date: v2::DateForm::Abbreviated,
            time: v2::TimeForm::H,
            dateline_place: v2::PlaceForm::AsTyped,
            ..HouseStyle::default()
        },
    );
    let en = plain(&m, Language::En);
    assert_eq!(en[1], "Updated: 1 May 2032 17:30");
    assert!(
        en[2].starts_with("Westhaven, 1 May 2032 – The Minister"),
        "{}",
        en[2]
    );
    let f = plain(&m, Language::Fr);
    assert!(
        f[1].starts_with("Havre-Ouest, 1er mai 2032 – La ministre"),
        "{}",
        f[1]
    );
}
