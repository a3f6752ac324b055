use super::*;

const GOOD: &str = r#"{
  "format": "communique.meeting.v1",
  "meeting": {"title": "M", "language": "en", "starts": "2018-04-27", "timezone": "Europe/Brussels"},
  "people": [{"id": "sg", "name": "Jane Doe"}],
  "agenda": [{"title": "A", "quotes": [{"speaker": "sg", "text": "Hi.", "form": "short"}]}],
  "release": {"headline": "H", "updated": "2018-04-27T21:11:00+02:00"}
}"#;

/// The error for `GOOD` with `from` replaced by `to`.
fn error_for(from: &str, to: &str) -> FileError {
    assert!(GOOD.contains(from), "{from}");
    parse("m.json", GOOD.replacen(from, to, 1).as_bytes()).unwrap_err()
}

fn assert_error(e: &FileError, path: &str, needles: &[&str]) {
    assert_eq!(e.file, "m.json");
    assert_eq!(e.path, path, "{e}");
    for n in needles {
        assert!(e.to_string().contains(n), "{n:?} not in {e}");
    }
    assert!(!e.to_string().contains('\n'), "one line: {e}");
}

#[test]
fn a_good_file_parses_with_defaults_left_unset() {
    let m = parse("m.json", GOOD.as_bytes()).unwrap();
    assert_eq!(m.people[0].full, None);
    assert_eq!(m.people[0].full(), "Jane Doe");
    assert!(m.agenda[0].in_release);
    assert_eq!(m.agenda[0].quotes[0].verb, None);
    assert_eq!(m.agenda[0].quotes[0].form, Some(crate::model::Form::Short));
}

#[test]
fn another_format_version_is_refused_by_name() {
    let e = error_for("communique.meeting.v1", "communique.meeting.v2");
    assert_error(
        &e,
        "format",
        &["\"communique.meeting.v2\"", "communique.meeting.v1"],
    );
}

#[test]
fn a_missing_format_is_refused() {
    let e = error_for(r#""format": "communique.meeting.v1","#, "");
    assert_error(&e, "format", &["missing"]);
}

#[test]
fn truncated_json_is_refused_with_its_position() {
    let e = parse("m.json", &GOOD.as_bytes()[..120]).unwrap_err();
    assert_error(&e, "", &["truncated", "line 3"]);
}

#[test]
fn binary_garbage_is_refused() {
    let bytes: Vec<u8> = (0..=255u8).rev().collect();
    let e = parse("m.json", &bytes).unwrap_err();
    assert_error(&e, "", &["not a meeting file", "UTF-8"]);
    let e = parse("m.json", b"\x00\x01PK\x03\x04").unwrap_err();
    assert_error(&e, "", &["not valid JSON"]);
}

#[test]
fn an_unknown_speaker_is_refused_with_its_path() {
    let e = error_for(r#""speaker": "sg""#, r#""speaker": "ghost""#);
    assert_error(&e, "agenda[0].quotes[0].speaker", &["\"ghost\""]);
}

#[test]
fn an_impossible_date_is_refused() {
    let e = error_for("2018-04-27\"", "2018-02-30\"");
    assert_error(&e, "meeting.starts", &["\"2018-02-30\""]);
    let e = error_for("2018-04-27\"", "27/04/2018\"");
    assert_error(&e, "meeting.starts", &["\"27/04/2018\"", "YYYY-MM-DD"]);
}

#[test]
fn an_unknown_form_is_refused() {
    let e = error_for(r#""form": "short""#, r#""form": "long""#);
    assert_error(
        &e,
        "agenda[0].quotes[0].form",
        &["long", "full", "role", "short"],
    );
}

#[test]
fn a_string_where_a_boolean_belongs_is_refused() {
    let e = error_for(r#""title": "A","#, r#""title": "A", "in_release": "yes","#);
    assert_error(&e, "agenda[0].in_release", &["\"yes\"", "boolean"]);
}

#[test]
fn an_unknown_field_is_refused() {
    let e = error_for(
        r#""name": "Jane Doe""#,
        r#""name": "Jane Doe", "nickname": "JD""#,
    );
    assert_error(&e, "people[0].nickname", &["nickname"]);
}

#[test]
fn an_unsupported_language_names_the_supported_ones() {
    let e = error_for(r#""language": "en""#, r#""language": "de""#);
    assert_error(&e, "meeting.language", &["\"de\"", "en, fr"]);
}

#[test]
fn an_unknown_zone_and_a_time_without_offset_are_refused() {
    let e = error_for("Europe/Brussels", "Europe/Bruxelles");
    assert_error(&e, "meeting.timezone", &["\"Europe/Bruxelles\""]);
    let e = error_for("2018-04-27T21:11:00+02:00", "2018-04-27T21:11:00");
    assert_error(
        &e,
        "release.updated",
        &["\"2018-04-27T21:11:00\"", "offset"],
    );
}

#[test]
fn ends_before_starts_is_refused() {
    let e = error_for(
        r#""starts": "2018-04-27""#,
        r#""starts": "2018-04-27", "ends": "2018-04-26""#,
    );
    assert_error(&e, "meeting.ends", &["2018-04-26", "2018-04-27"]);
}

#[test]
fn duplicate_people_ids_are_refused() {
    let e = error_for(
        r#"[{"id": "sg", "name": "Jane Doe"}]"#,
        r#"[{"id": "sg", "name": "Jane Doe"}, {"id": "sg", "name": "Jo"}]"#,
    );
    assert_error(&e, "people[1].id", &["\"sg\""]);
}

#[test]
fn a_missing_required_field_is_refused() {
    let e = error_for(r#""title": "A", "#, "");
    assert_error(&e, "agenda[0]", &["title"]);
    let e = error_for(r#""agenda""#, r#""agendas""#);
    assert!(e.to_string().contains("agendas"), "{e}");
}

#[test]
fn export_is_canonical_and_stable() {
    let m = parse("m.json", GOOD.as_bytes()).unwrap();
    let once = to_json(&m).unwrap();
    let again = to_json(&parse("export.json", once.as_bytes()).unwrap()).unwrap();
    assert_eq!(once, again);
    assert!(once.ends_with("}\n"));
    // The offset given is kept; defaults left unset stay unset.
    assert!(once.contains("\"updated\": \"2018-04-27T21:11:00+02:00\""));
    assert!(!once.contains("\"full\""));
}

#[test]
fn utc_moments_are_written_with_z() {
    let m = parse(
        "m.json",
        GOOD.replace("2018-04-27T21:11:00+02:00", "2018-04-27T19:11:00.250+00:00")
            .as_bytes(),
    )
    .unwrap();
    assert!(to_json(&m)
        .unwrap()
        .contains("\"updated\": \"2018-04-27T19:11:00.250Z\""));
}

#[test]
fn language_tags_have_the_bcp47_shape() {
    for ok in ["en", "fr", "de-CH", "zh-Hant-TW", "sgn-BE-FR"] {
        assert!(is_language_tag(ok), "{ok}");
    }
    for bad in ["", "e", "en_GB", "en-", "\" onload=\"x", "toolongprimary"] {
        assert!(!is_language_tag(bad), "{bad}");
    }
}
