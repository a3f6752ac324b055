//! Arbitrary meetings survive the meeting file and the store unchanged, and render the same bytes
//! before and after.

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};
use communique_core::{
    compose, meeting_file, AgendaItem, Form, Format, Language, Meeting, MeetingInfo, Person, Photo,
    Published, Quote, Release, Store,
};
use proptest::prelude::*;

use crate::prelude::{expected_front_matter, front_matter};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 .,;:!?'\"«»“”é€\\-]{0,24}",
        1 => any::<String>(),
        1 => Just("<script>alert(1)</script> & \"quotes\"\n\t*[x](javascript:y)*".to_owned()),
    ]
}

fn non_blank() -> impl Strategy<Value = String> {
    text().prop_map(|s| {
        if s.trim().is_empty() {
            format!("x{s}")
        } else {
            s
        }
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..73_000).prop_map(|d| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Duration::days(d))
}

fn moment() -> impl Strategy<Value = chrono::DateTime<FixedOffset>> {
    (0i64..4_000_000_000, -47i32..=56, 0u32..1000).prop_map(|(secs, quarter_hours, millis)| {
        let offset = FixedOffset::east_opt(quarter_hours * 900).unwrap();
        offset.timestamp_opt(secs, millis * 1_000_000).unwrap()
    })
}

fn zone() -> impl Strategy<Value = Option<chrono_tz::Tz>> {
    prop::option::of(prop::sample::select(vec![
        chrono_tz::UTC,
        chrono_tz::Europe::Brussels,
        chrono_tz::America::St_Johns,
        chrono_tz::Asia::Kathmandu,
        chrono_tz::Pacific::Chatham,
    ]))
}

pub(crate) fn meeting() -> impl Strategy<Value = Meeting> {
    let info = (
        non_blank(),
        prop::option::of(text()),
        prop::bool::ANY,
        prop::option::of(text()),
        date(),
        prop::option::of(0i64..10),
        zone(),
    )
        .prop_map(
            |(title, organisation, fr, location, starts, len, timezone)| MeetingInfo {
                title,
                organisation,
                language: if fr { Language::Fr } else { Language::En },
                location,
                starts,
                ends: len.map(|l| starts + Duration::days(l)),
                timezone,
            },
        );
    let people = prop::collection::vec(
        (
            non_blank(),
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(text()),
        ),
        0..4,
    )
    .prop_map(|ps| {
        ps.into_iter()
            .enumerate()
            .map(|(i, (name, full, role, short))| Person {
                id: format!("p{i}"),
                name,
                full,
                role,
                short,
            })
            .collect::<Vec<_>>()
    });
    let release = prop::option::of((
        text(),
        text(),
        text(),
        prop::option::of(prop_oneof![
            date().prop_map(Published::Date),
            moment().prop_map(Published::At)
        ]),
        prop::option::of(moment()),
        prop::collection::vec(
            (
                text(),
                prop::option::of(prop::sample::select(vec!["en", "fr", "de-CH"])),
                prop::option::of(text()),
            ),
            0..3,
        ),
    ));
    (info, people, release).prop_flat_map(|(info, people, release)| {
        let n = people.len();
        let quote = (
            0..n.max(1),
            text(),
            prop::option::of(text()),
            prop::option::of(prop::sample::select(Form::ALL.to_vec())),
            prop::bool::ANY,
        );
        let item = (
            text(),
            text(),
            prop::bool::ANY,
            text(),
            prop::collection::vec(quote, if n == 0 { 0..1 } else { 0..4 }),
        );
        prop::collection::vec(item, 0..5).prop_map(move |items| Meeting {
            info: info.clone(),
            people: people.clone(),
            agenda: items
                .into_iter()
                .map(|(title, notes, in_release, summary, quotes)| AgendaItem {
                    title,
                    notes,
                    in_release,
                    summary,
                    quotes: quotes
                        .into_iter()
                        .filter(|_| n > 0)
                        .map(|(who, text, verb, form, in_release)| Quote {
                            speaker: format!("p{who}"),
                            text,
                            verb,
                            form,
                            in_release,
                        })
                        .collect(),
                })
                .collect(),
            release: release.clone().map(
                |(headline, lead, closing, published, updated, photos)| Release {
                    headline,
                    lead,
                    closing,
                    published,
                    updated,
                    photos: photos
                        .into_iter()
                        .map(|(caption, language, credit)| Photo {
                            caption,
                            language: language.map(str::to_owned),
                            credit,
                        })
                        .collect(),
                },
            ),
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn meeting_file_round_trip(m in meeting()) {
        let json = meeting_file::to_json(&m).unwrap();
        let back = meeting_file::parse("export.json", json.as_bytes()).unwrap();
        prop_assert_eq!(&back, &m);
        prop_assert_eq!(meeting_file::to_json(&back).unwrap(), json);
    }

    /// The archive keeps meetings as meeting files v2: what comes back is the meeting, but for
    /// v2's one rewording of v1 (`expected_back`: summaries without a release come back in an
    /// empty release), and it renders the same release.
    #[test]
    fn store_round_trip(m in meeting()) {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.insert(&m).unwrap();
        let stored = store.load(id).unwrap();
        prop_assert_eq!(&stored.meeting, &crate::v2::expected_back(&m));
        for format in [Format::Html, Format::Markdown] {
            prop_assert_eq!(format.render(&stored.meeting).unwrap(), format.render(&m).unwrap());
        }
    }

    #[test]
    fn front_matter_reads_back_as_the_release(m in meeting()) {
        let md = Format::Markdown.render(&m).unwrap();
        prop_assert_eq!(front_matter(&md), expected_front_matter(&compose(&m)));
    }
}
