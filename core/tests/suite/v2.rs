//! The meeting file v2 against v1: every v1 meeting upgrades to v2 and comes back the same, and
//! its v2 file reads back as written.

use communique_core::v2::{self, downgrade, upgrade};
use communique_core::{compose, meeting_file, render, sample, Format, Meeting, Release};
use proptest::prelude::*;

use crate::roundtrip::meeting;
use crate::v1_oracle;

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
pub(crate) fn expected_back(m: &Meeting) -> Meeting {
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

/// Every output of `m` is the bytes the v1 composer and renderers gave before v2.
fn renders_as_v1(m: &Meeting) -> Result<(), TestCaseError> {
    let old = v1_oracle::compose(m);
    let new = compose(m);
    prop_assert_eq!(
        Format::Html.render(m).unwrap(),
        v1_oracle::Html.render(&old)
    );
    prop_assert_eq!(
        Format::Markdown.render(m).unwrap(),
        v1_oracle::Markdown.render(&old)
    );
    prop_assert_eq!(render::plain_text(&new), v1_oracle::plain_text(&old));
    prop_assert_eq!(render::article(&new), v1_oracle::article(&old));
    let (parts, old_parts) = (render::preview_parts(&new), v1_oracle::preview_parts(&old));
    prop_assert_eq!(&parts.head, &old_parts.head);
    prop_assert_eq!(&parts.blocks, &old_parts.blocks);
    prop_assert_eq!(&parts.tail, &old_parts.tail);
    prop_assert!(new.problems.is_empty(), "{:?}", new.problems);
    Ok(())
}

#[test]
fn every_v1_example_renders_as_before() {
    for (name, file) in V1_FILES {
        let m = meeting_file::parse(name, file.as_bytes()).unwrap();
        renders_as_v1(&m).unwrap();
    }
    for m in [sample::sample_en(), sample::sample_fr()] {
        renders_as_v1(&m).unwrap();
    }
}

#[test]
fn v1_quote_marks_typed_in_a_quote_print_as_typed() {
    let mut m = meeting_file::parse("f", V1_FILES[0].1.as_bytes()).unwrap();
    m.agenda[0].quotes[0].text = "They said “no” twice".into();
    m.agenda[0].quotes[0].in_release = true;
    let up = upgrade(&m);
    assert!(up.agenda[0].quotes[0].typed_marks);
    assert!(render::plain_text(&compose(&m)).contains("“They said “no” twice,”"));
    renders_as_v1(&m).unwrap();
    assert_eq!(downgrade(&up).unwrap(), m);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_v1_meeting_renders_through_v2_as_before(m in meeting()) {
        renders_as_v1(&m)?;
    }

    #[test]
    fn any_v1_meeting_upgrades_and_comes_back(m in meeting()) {
        let up = upgrade(&m);
        prop_assert!(v2::validate(&up).is_ok(), "{:?}", v2::validate(&up));
        let back = downgrade(&up).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, expected_back(&m));
        v2_file_round_trip(&up)?;
    }
}
