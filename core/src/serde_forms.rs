//! How dates, moments and zones are written in the meeting file.
//!
//! Strict on the way in (an impossible date such as `2018-02-30` is refused with the value in the
//! message, so the error names it), canonical on the way out (so export is byte-stable).

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use schemars::{json_schema, Schema, SchemaGenerator};
use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

use crate::model::Published;

// The shapes the parsers below accept, for the JSON Schema (docs/meeting-file.schema.json). A
// pattern checks the shape only; a date's `format` lets a validator that knows it also check the
// calendar (moments have none: validators' RFC 3339 checks differ from chrono's on leap seconds).
// They are never stricter than the parsers: a test runs every form the parsers accept through them.
/// `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
/// RFC 3339 as chrono reads it: `T`, `t` or a space between date and time, optional fraction of a
/// second, `Z`, `z` or a `±HH:MM` offset (chrono also takes U+2212 MINUS SIGN for the minus).
pub const DATE_TIME_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+\\-\u{2212}][0-9]{2}:[0-9]{2})$";
/// A date, or a date-time as above.
pub const PUBLISHED_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+\\-\u{2212}][0-9]{2}:[0-9]{2}))?$";
/// The shape of an IANA zone name (`UTC`, `Europe/Brussels`, `America/Argentina/Buenos_Aires`,
/// `Etc/GMT+2`); whether the zone exists is for the reader's zone database to say.
pub const ZONE_PATTERN: &str = "^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*$";

pub fn date_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
        "description": "A calendar date, YYYY-MM-DD.",
    })
}

pub fn datetime_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": DATE_TIME_PATTERN,
        "description": "A moment with its offset (RFC 3339), such as 2018-04-27T21:11:00+02:00.",
    })
}

pub fn published_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": PUBLISHED_PATTERN,
        "description": "A calendar date (YYYY-MM-DD) or a moment with its offset (RFC 3339).",
    })
}

pub fn zone_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": ZONE_PATTERN,
        "description": "An IANA time zone name, such as Europe/Brussels.",
    })
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let shape_ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(format!("invalid date {s:?}: expected YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("invalid date {s:?}: no such day in the calendar"))
}

pub fn parse_datetime(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s).map_err(|e| {
        format!("invalid date-time {s:?}: expected YYYY-MM-DDTHH:MM:SS with an offset (Z or +02:00): {e}")
    })
}

pub fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn format_datetime(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

pub fn parse_published(s: &str) -> Result<Published, String> {
    if s.len() <= 10 {
        parse_date(s).map(Published::Date)
    } else {
        parse_datetime(s).map(Published::At)
    }
}

pub fn format_published(p: &Published) -> String {
    match p {
        Published::Date(d) => format_date(*d),
        Published::At(t) => format_datetime(t),
    }
}

pub fn parse_tz(s: &str) -> Result<chrono_tz::Tz, String> {
    s.parse::<chrono_tz::Tz>().map_err(|_| {
        format!("unknown time zone {s:?}: expected an IANA name such as Europe/Brussels")
    })
}

pub mod date {
    use super::*;
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*d))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).map_err(D::Error::custom)
    }
}

pub mod opt_date {
    use super::*;
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&format_date(*d)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).map(Some).map_err(D::Error::custom)
    }
}

pub mod datetime {
    use super::*;
    pub fn serialize<S: Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_datetime(t))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let s = String::deserialize(d)?;
        parse_datetime(&s).map_err(D::Error::custom)
    }
}

pub mod opt_datetime {
    use super::*;
    pub fn serialize<S: Serializer>(
        t: &Option<DateTime<FixedOffset>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&format_datetime(t)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        let s = String::deserialize(d)?;
        parse_datetime(&s).map(Some).map_err(D::Error::custom)
    }
}

pub mod opt_published {
    use super::*;
    pub fn serialize<S: Serializer>(p: &Option<Published>, s: S) -> Result<S::Ok, S::Error> {
        match p {
            Some(p) => s.serialize_str(&format_published(p)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Published>, D::Error> {
        let s = String::deserialize(d)?;
        parse_published(&s).map(Some).map_err(D::Error::custom)
    }
}

pub mod opt_tz {
    use super::*;
    pub fn serialize<S: Serializer>(tz: &Option<chrono_tz::Tz>, s: S) -> Result<S::Ok, S::Error> {
        match tz {
            Some(tz) => s.serialize_str(tz.name()),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<chrono_tz::Tz>, D::Error> {
        let s = String::deserialize(d)?;
        parse_tz(&s).map(Some).map_err(D::Error::custom)
    }
}
