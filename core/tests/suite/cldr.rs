//! core/src/lang/cldr.rs is generated from CLDR through ICU4X and committed: the month names
//! (format context, wide and abbreviated) and the long date's pattern of each release language.
//! ICU4X is a dev-dependency only, so the shipped binaries carry the generated strings, not
//! ICU4X and its data. This test writes the file afresh in memory and fails when the committed
//! one differs; `UPDATE_GENERATED=1 cargo test -p communique-core --test suite cldr` rewrites it.
//!
//! CLDR's quotation marks (`delimiters`) are not here: ICU4X 2 has no data marker nor API for
//! them, so each table keeps its marks by hand, with the style guide it follows named.

use std::fmt::Write as _;
use std::path::Path;

use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::enums::DateFieldSet;
use icu_datetime::fieldsets::YMD;
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames, MonthNameLength};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_locale_core::Locale;
use writeable::{TryWriteable, Writeable};

/// Each table's constant, the CLDR locale it is taken from and why that one.
const LOCALES: [(&str, &str, &str); 9] = [
    (
        "EN",
        "en-GB",
        "British English: the day before the month, as the English table writes dates",
    ),
    ("FR", "fr", "French"),
    ("DE", "de", "German"),
    ("ES", "es", "Spanish (Spain)"),
    ("IT", "it", "Italian"),
    (
        "PT",
        "pt-PT",
        "European Portuguese, as the EU institutions publish",
    ),
    ("NL", "nl", "Dutch"),
    ("PL", "pl", "Polish"),
    ("UK", "uk", "Ukrainian"),
];

fn month_names(locale: &Locale, length: MonthNameLength, pattern: &str) -> Vec<String> {
    let mut names: FixedCalendarDateTimeNames<Gregorian, DateFieldSet> =
        FixedCalendarDateTimeNames::try_new(locale.into()).unwrap();
    names.include_month_names(length).unwrap();
    let pattern: DateTimePattern = pattern.parse().unwrap();
    (1..=12)
        .map(|m| {
            let d = Date::try_new_gregorian(2018, m, 27).unwrap();
            names
                .with_pattern_unchecked(&pattern)
                .format(&d)
                .try_write_to_string()
                .unwrap()
                .into_owned()
        })
        .collect()
}

/// CLDR's long date pattern (`d 'de' MMMM 'de' y`) as `DatePart`s.
fn pattern_parts(pattern: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut chars = pattern.chars().peekable();
    let flush = |text: &mut String, parts: &mut Vec<String>| {
        if !text.is_empty() {
            parts.push(format!("Text({text:?})"));
            text.clear();
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    text.push('\'');
                    continue;
                }
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    text.push(q);
                }
            }
            'a'..='z' | 'A'..='Z' => {
                while chars.peek() == Some(&c) {
                    chars.next();
                }
                let part = match c {
                    'd' => "Day",
                    'M' | 'L' => "Month",
                    'y' => "Year",
                    other => panic!("unexpected field {other:?} in the long date {pattern:?}"),
                };
                flush(&mut text, &mut parts);
                parts.push(part.to_owned());
            }
            c => text.push(c),
        }
    }
    flush(&mut text, &mut parts);
    parts
}

fn generate() -> String {
    let mut out = String::from(
        "//! GENERATED from CLDR through ICU4X: do not edit. Written by core/tests/suite/cldr.rs\n\
         //! (`UPDATE_GENERATED=1 cargo test -p communique-core --test suite cldr`), which fails when\n\
         //! this file is not what it writes. ICU4X is a dev-dependency: the binaries carry these\n\
         //! strings only. A table that departs from CLDR says so, and why, where it does.\n\
         //!\n\
         //! Month names are CLDR's format context (the form inside a date: Polish `kwietnia`,\n\
         //! Ukrainian `квітня`), wide and abbreviated; the pattern is CLDR's long date\n\
         //! (`DateFormat::Long`, Gregorian).\n\n\
         use super::DatePart::{self, Day, Month, Text, Year};\n\n\
         /// One locale's CLDR data.\n\
         pub(super) struct Cldr {\n\
         \x20   pub(super) months: [&'static str; 12],\n\
         \x20   pub(super) months_abbreviated: [&'static str; 12],\n\
         \x20   pub(super) long_date: &'static [DatePart],\n\
         }\n",
    );
    for (name, tag, why) in LOCALES {
        let locale: Locale = tag.parse().unwrap();
        let formatter = FixedCalendarDateTimeFormatter::<Gregorian, YMD>::try_new(
            (&locale).into(),
            YMD::long(),
        )
        .unwrap();
        let date = Date::try_new_gregorian(2018, 4, 27).unwrap();
        let pattern = formatter
            .format(&date)
            .pattern()
            .write_to_string()
            .into_owned();
        let wide = month_names(&locale, MonthNameLength::Wide, "MMMM");
        let abbreviated = month_names(&locale, MonthNameLength::Abbreviated, "MMM");
        let example = formatter.format(&date).write_to_string().into_owned();
        let _ = write!(
            out,
            "\n/// `{tag}`, {why}: `{pattern}` (`{example}`).\n\
             pub(super) const {name}: Cldr = Cldr {{\n\
             \x20   months: {wide:?},\n\
             \x20   months_abbreviated: {abbreviated:?},\n\
             \x20   long_date: &[{}],\n\
             }};\n",
            pattern_parts(&pattern).join(", ")
        );
    }
    out
}

#[test]
fn the_committed_cldr_data_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lang/cldr.rs");
    let fresh = generate();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == fresh,
        "core/src/lang/cldr.rs is stale. Regenerate it with \
         `UPDATE_GENERATED=1 cargo test -p communique-core --test suite cldr`, review the diff \
         and commit it."
    );
}
