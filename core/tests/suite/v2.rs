//! The meeting file v2 against v1: every v1 meeting upgrades to v2 and comes back the same, and
//! its v2 file reads back as written.

use communique_core::v2::{self, downgrade, upgrade};
use communique_core::{meeting_file, Meeting, Release};
use proptest::prelude::*;

use crate::roundtrip::meeting;

const V1_FILES: [(&str, &str); 4] = [
    (
        "fisheries-en",
        include_str!("../fixtures/examples/fisheries-en.meeting.json"),
    ),
    (
        "fisheries-fr",
        include_str!("../fixtures/examples/fisheries-fr.meeting.json"),
    ),
    (
        "water-council-en",
        include_str!("../../samples/water-council-en.meeting.json"),
    ),
    (
        "water-council-fr",
        include_str!("../../samples/water-council-fr.meeting.json"),
    ),
];

/// What `downgrade(upgrade(m))` gives: `m`, but a meeting without a release whose items have
/// summaries keeps them in an empty release (v2 holds summaries in the release).
fn expected_back(m: &Meeting) -> Meeting {
    let mut m = m.clone();
    if m.release.is_none()
        && m.agenda
            .iter()
            .any(|i| !i.summary.is_empty() || i.quotes.iter().any(|q| q.in_release))
    {
        m.release = Some(Release::default());
    }
    m
}

/// The v2 file of `m` reads back as `m`, and writes the same bytes again.
fn v2_file_round_trip(m: &v2::MeetingV2) -> Result<(), TestCaseError> {
    let json = v2::to_json(m).unwrap();
    let back = v2::parse("m.json", json.as_bytes())
        .map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
    prop_assert_eq!(&back, m);
    prop_assert_eq!(v2::to_json(&back).unwrap(), json);
    Ok(())
}

#[test]
fn every_v1_example_upgrades_and_comes_back_the_same() {
    for (name, file) in V1_FILES {
        let m = meeting_file::parse(name, file.as_bytes()).unwrap();
        let up = upgrade(&m);
        assert_eq!(up.info.languages, vec![m.info.language], "{name}");
        assert_eq!(downgrade(&up).unwrap(), m, "{name}");
        assert_eq!(
            meeting_file::to_json(&downgrade(&up).unwrap()).unwrap(),
            meeting_file::to_json(&m).unwrap(),
            "{name}: the same v1 bytes"
        );
        v2_file_round_trip(&up).unwrap();
    }
}

#[test]
fn an_upgraded_item_is_its_summary_then_its_quotes_on_the_record() {
    let m = meeting_file::parse("f", V1_FILES[0].1.as_bytes()).unwrap();
    let up = upgrade(&m);
    let json = v2::to_value(&up).unwrap();
    let item = &json["releases"][0]["items"][0];
    assert_eq!(item["item"], "item-1");
    let p = &item["blocks"][0];
    assert_eq!(p["id"], "p-1");
    let runs = p["p"].as_array().unwrap();
    assert_eq!(runs[0], serde_json::json!(m.agenda[0].summary));
    let placed: Vec<_> = runs[1..]
        .chunks(2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .collect();
    let on_record = m.agenda[0].quotes.iter().filter(|q| q.in_release).count();
    assert_eq!(placed.len(), on_record);
    for (sep, span) in placed {
        assert_eq!(sep, " ");
        assert!(
            span["quote"].as_str().unwrap().starts_with("q-1-"),
            "{span}"
        );
        assert_eq!(
            span.as_object().unwrap().len(),
            1,
            "v1's attribution: {span}"
        );
    }
}

#[test]
fn what_v1_cannot_say_is_named_by_its_path() {
    let example = include_str!("../fixtures/v2/ministers-en-fr.meeting.json");
    let mut m = v2::parse("m", example.as_bytes()).unwrap();
    let e = downgrade(&m).unwrap_err();
    assert_eq!(e.path, "meeting.languages", "{e}");
    m.info.languages.truncate(1);
    m.releases.truncate(1);
    let e = downgrade(&m).unwrap_err();
    assert_eq!(e.path, "organisations", "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_v1_meeting_upgrades_and_comes_back(m in meeting()) {
        let up = upgrade(&m);
        prop_assert!(v2::validate(&up).is_ok(), "{:?}", v2::validate(&up));
        let back = downgrade(&up).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, expected_back(&m));
        v2_file_round_trip(&up)?;
    }
}
