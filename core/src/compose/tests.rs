use super::*;
use crate::meeting_file::parse;

/// A meeting from the JSON of its people, agenda and release (language and zone as given).
fn meeting(lang: &str, tz: &str, people: &str, agenda: &str, release: &str) -> Meeting {
    let json = format!(
        r#"{{"format":"communique.meeting.v1",
            "meeting":{{"title":"T","language":"{lang}","starts":"2018-04-27","timezone":"{tz}"}},
            "people":{people},"agenda":{agenda},"release":{release}}}"#
    );
    parse("test.json", json.as_bytes()).unwrap()
}

const PEOPLE: &str = r#"[
  {"id":"sg","name":"Jane Doe","full":"Secretary General Jane Doe","role":"the Secretary General","short":"Ms Doe"},
  {"id":"min","name":"Ali Ben"}
]"#;

fn paragraphs(m: &Meeting) -> Vec<String> {
    compose(m).paragraphs()
}

#[test]
fn lead_items_in_agenda_order_then_closing() {
    let m = meeting(
        "en",
        "UTC",
        PEOPLE,
        r#"[{"title":"A","summary":"First."},{"title":"B","summary":"Second."}]"#,
        r#"{"lead":"Lead.","closing":"Closing."}"#,
    );
    assert_eq!(paragraphs(&m), ["Lead.", "First.", "Second.", "Closing."]);
}

#[test]
fn quotes_follow_their_summary_joined_by_single_spaces() {
    let m = meeting(
        "en",
        "UTC",
        PEOPLE,
        r#"[{"title":"A","summary":"Ministers met.","quotes":[
            {"speaker":"sg","text":"We stand together."},
            {"speaker":"min","text":"Indeed."}]}]"#,
        "{}",
    );
    assert_eq!(
        paragraphs(&m),
        ["Ministers met. “We stand together,” said Secretary General Jane Doe. “Indeed,” said Ali Ben."]
    );
}

#[test]
fn first_reference_is_full_and_later_ones_short_across_items() {
    let m = meeting(
        "en",
        "UTC",
        PEOPLE,
        r#"[{"title":"A","quotes":[{"speaker":"sg","text":"One."}]},
            {"title":"B","quotes":[{"speaker":"sg","text":"Two."},{"speaker":"sg","text":"Three."}]}]"#,
        "{}",
    );
    assert_eq!(
        paragraphs(&m),
        [
            "“One,” said Secretary General Jane Doe.",
            "“Two,” said Ms Doe. “Three,” said Ms Doe."
        ]
    );
}

#[test]
fn an_explicit_form_wins_and_still_counts_as_the_first_reference() {
    let m = meeting(
        "en",
        "UTC",
        PEOPLE,
        r#"[{"title":"A","quotes":[
            {"speaker":"sg","text":"One.","form":"role"},
            {"speaker":"sg","text":"Two."},
            {"speaker":"sg","text":"Three.","form":"full"}]}]"#,
        "{}",
    );
    assert_eq!(
        paragraphs(&m),
        ["“One,” said the Secretary General. “Two,” said Ms Doe. “Three,” said Secretary General Jane Doe."]
    );
}

#[test]
fn missing_forms_fall_back_role_to_short_and_short_and_full_to_name() {
    let people = r#"[{"id":"a","name":"Ann Lee","short":"Ms Lee"},{"id":"b","name":"Bo Ek"}]"#;
    let m = meeting(
        "en",
        "UTC",
        people,
        r#"[{"title":"A","quotes":[
            {"speaker":"a","text":"x","form":"role"},
            {"speaker":"b","text":"y","form":"role"},
            {"speaker":"b","text":"z","form":"full"}]}]"#,
        "{}",
    );
    assert_eq!(
        paragraphs(&m),
        ["“x,” said Ms Lee. “y,” said Bo Ek. “z,” said Bo Ek."]
    );
}

#[test]
fn a_quote_kept_out_of_the_release_is_not_a_first_reference() {
    let m = meeting(
        "en",
        "UTC",
        PEOPLE,
        r#"[{"title":"Closed","in_release":false,"quotes":[{"speaker":"sg","text":"Secret."}]},
            {"title":"A","quotes":[{"speaker":"sg","text":"Off.","in_release":false},{"speaker":"sg","text":"On."}]}]"#,
        "{}",
    );
    assert_eq!(paragraphs(&m), ["“On,” said Secretary General Jane Doe."]);
}

#[test]
fn private_things_never_reach_the_release() {
    let m = meeting(
        "en",
        "UTC",
        PEOPLE,
        r#"[{"title":"Open","notes":"NOTE-SECRET","summary":"Public."},
            {"title":"Closed","in_release":false,"summary":"ITEM-SECRET","quotes":[{"speaker":"sg","text":"QUOTE-SECRET-1"}]},
            {"title":"Mixed","summary":"Also public.","quotes":[{"speaker":"min","text":"QUOTE-SECRET-2","in_release":false}]}]"#,
        r#"{"lead":"Lead."}"#,
    );
    let composed = compose(&m);
    let all = format!("{composed:?}");
    for secret in [
        "NOTE-SECRET",
        "ITEM-SECRET",
        "QUOTE-SECRET-1",
        "QUOTE-SECRET-2",
        "Closed",
    ] {
        assert!(!all.contains(secret), "{secret} leaked: {all}");
    }
    assert_eq!(composed.paragraphs(), ["Lead.", "Public.", "Also public."]);
}

#[test]
fn an_item_with_neither_summary_nor_quotes_is_skipped() {
    let m = meeting(
        "en",
        "UTC",
        PEOPLE,
        r#"[{"title":"Empty","summary":"   "},
            {"title":"Only a private quote","quotes":[{"speaker":"sg","text":"x","in_release":false}]},
            {"title":"Quote only","quotes":[{"speaker":"min","text":"Yes."}]}]"#,
        "{}",
    );
    assert_eq!(paragraphs(&m), ["“Yes,” said Ali Ben."]);
}

#[test]
fn a_quote_with_no_words_yet_is_left_out() {
    let m = meeting(
        "en",
        "UTC",
        PEOPLE,
        r#"[{"title":"A","summary":"S.","quotes":[{"speaker":"sg","text":"  "},{"speaker":"sg","text":"Now."}]}]"#,
        "{}",
    );
    assert_eq!(
        paragraphs(&m),
        ["S. “Now,” said Secretary General Jane Doe."]
    );
}

#[test]
fn french_release_uses_guillemets_default_verb_and_no_break_spaces() {
    let people = r#"[{"id":"sg","name":"Jane Doe","full":"la secrétaire générale, Jane Doe","short":"Mme Doe"}]"#;
    let m = meeting(
        "fr",
        "Europe/Paris",
        people,
        r#"[{"title":"A","summary":"Deux points : le budget ; la suite !","quotes":[
            {"speaker":"sg","text":"Texte."},
            {"speaker":"sg","text":"Et maintenant ?","verb":"a demandé"}]}]"#,
        "{}",
    );
    assert_eq!(
        paragraphs(&m),
        ["Deux points\u{a0}: le budget\u{a0}; la suite\u{a0}! «\u{a0}Texte\u{a0}», a déclaré la secrétaire générale, Jane Doe. «\u{a0}Et maintenant\u{a0}?\u{a0}» a demandé Mme Doe."]
    );
}

#[test]
fn typed_line_breaks_and_double_spaces_become_one_space() {
    let m = meeting(
        "en",
        "UTC",
        PEOPLE,
        r#"[{"title":"A","summary":"  One line\nand  another\r\n\tend.  "}]"#,
        "{}",
    );
    assert_eq!(paragraphs(&m), ["One line and another end."]);
}

#[test]
fn the_updated_time_is_shown_in_the_meeting_zone() {
    let m = meeting(
        "en",
        "Europe/Oslo",
        PEOPLE,
        "[]",
        r#"{"published":"2025-03-01","updated":"2025-03-01T17:05:00Z"}"#,
    );
    let c = compose(&m);
    let updated = c.updated.clone().unwrap();
    assert_eq!(updated.text, "1 March 2025 18:05");
    assert_eq!(updated.iso, "2025-03-01T18:05:00+01:00");
    assert_eq!(c.published.clone().unwrap().iso, "2025-03-01");
    assert_eq!(
        c.dateline().unwrap(),
        "1 March 2025 · Updated: 1 March 2025 18:05"
    );
}

#[test]
fn an_update_across_midnight_takes_the_zone_date() {
    let m = meeting(
        "fr",
        "Europe/Brussels",
        "[]",
        "[]",
        r#"{"updated":"2018-04-30T22:30:00Z"}"#,
    );
    let c = compose(&m);
    assert_eq!(c.updated.unwrap().text, "1er mai 2018 00:30");
    assert_eq!(c.published, None);
}

#[test]
fn the_french_dateline_label_has_its_no_break_space() {
    let m = meeting(
        "fr",
        "Europe/Brussels",
        "[]",
        "[]",
        r#"{"published":"2018-04-27","updated":"2018-04-27T21:11:00+02:00"}"#,
    );
    assert_eq!(
        compose(&m).dateline().unwrap(),
        "27 avril 2018 · Mis à jour le\u{a0}: 27 avril 2018 21:11"
    );
}

#[test]
fn without_a_release_the_headline_is_the_meeting_title() {
    let m = meeting("en", "UTC", "[]", "[]", r#"{"headline":"  "}"#);
    let c = compose(&m);
    assert_eq!(c.headline, "T");
    assert!(c.paragraphs().is_empty());
    assert_eq!(c.dateline(), None);
}

#[test]
fn captions_carry_their_language_only_when_it_differs() {
    let m = meeting(
        "fr",
        "UTC",
        "[]",
        "[]",
        r#"{"photos":[{"caption":"Les ministres : à Bergen","language":"fr"},
                      {"caption":"Ministers: in Bergen","language":"en","credit":"NSC"},
                      {"caption":"Ohne Sprache ?"},
                      {"caption":"  "}]}"#,
    );
    let captions = compose(&m).captions;
    assert_eq!(captions.len(), 3);
    assert_eq!(captions[0].text, "Les ministres\u{a0}: à Bergen");
    assert_eq!(captions[0].language, None);
    assert_eq!(captions[1].text, "Ministers: in Bergen");
    assert_eq!(captions[1].language.as_deref(), Some("en"));
    assert_eq!(captions[1].label, "Photo:");
    assert_eq!(captions[1].credit.as_deref(), Some("NSC"));
    assert_eq!(captions[2].text, "Ohne Sprache\u{a0}?");
}
