//! The meeting as the product sees it: what was said, by whom, and the release drafted from it.
//!
//! These types are the meeting file's v1 content one for one (docs/meeting-file.md, "The meeting
//! file"), so that the file is lossless: an optional field the user left out stays `None` here, and its default is applied
//! where it is used (`Person::full()`, `Quote::verb_or`), never written back. Database ids are not
//! part of the model: the store keeps them beside it.

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::Language;
use crate::{meeting_file, serde_forms};

/// One meeting: header, people quoted, agenda (in order) and the release drafted from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub info: MeetingInfo,
    pub people: Vec<Person>,
    pub agenda: Vec<AgendaItem>,
    /// A meeting in progress has no release yet.
    pub release: Option<Release>,
}

impl Meeting {
    /// A meeting just begun: a title, a language, a date, an empty agenda and an empty release.
    pub fn new(title: &str, language: Language, starts: NaiveDate) -> Meeting {
        Meeting {
            info: MeetingInfo {
                title: title.to_owned(),
                organisation: None,
                language,
                location: None,
                starts,
                ends: None,
                timezone: None,
            },
            people: Vec::new(),
            agenda: Vec::new(),
            release: Some(Release::default()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct MeetingInfo {
    #[schemars(pattern(meeting_file::NOT_BLANK))]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    // One of `Language::V1`: v1 files stay in the languages v1 renders (its schema too).
    #[serde(deserialize_with = "crate::lang::deserialize_v1")]
    #[schemars(with = "crate::lang::V1Language")]
    #[specta(type = Language)]
    pub language: Language,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(with = "serde_forms::date")]
    #[schemars(schema_with = "serde_forms::date_schema")]
    #[specta(type = String)]
    pub starts: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_forms::opt_date"
    )]
    #[schemars(schema_with = "serde_forms::date_schema")]
    #[specta(type = String)]
    pub ends: Option<NaiveDate>,
    /// IANA zone the release's times are shown in; absent: UTC.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_forms::opt_tz"
    )]
    #[schemars(schema_with = "serde_forms::zone_schema")]
    #[specta(type = String)]
    pub timezone: Option<chrono_tz::Tz>,
}

impl MeetingInfo {
    pub fn zone(&self) -> chrono_tz::Tz {
        self.timezone.unwrap_or(chrono_tz::UTC)
    }
}

/// A person quoted in the meeting. `id` is the file's own key, unique within one meeting; the
/// other forms are how the release names them (absent: `full` and `short` are the name, `role` is
/// `short`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[schemars(pattern(meeting_file::NOT_BLANK))]
    pub id: String,
    #[schemars(pattern(meeting_file::NOT_BLANK))]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
}

impl Person {
    /// First reference: `full`, else the name.
    pub fn full(&self) -> &str {
        self.full.as_deref().unwrap_or(&self.name)
    }
    /// Later references: `short`, else the name.
    pub fn short(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
    /// By function: `role`, else the short form.
    pub fn role(&self) -> &str {
        self.role.as_deref().unwrap_or_else(|| self.short())
    }
    pub fn form(&self, form: Form) -> &str {
        match form {
            Form::Full => self.full(),
            Form::Role => self.role(),
            Form::Short => self.short(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub title: String,
    /// Private: never reaches any release output.
    #[serde(default)]
    pub notes: String,
    #[serde(default = "yes")]
    pub in_release: bool,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The `id` of a person in `people`.
    pub speaker: String,
    pub text: String,
    /// Absent: the language's default (`said`, `a déclaré`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verb: Option<String>,
    /// Absent: full on the speaker's first quote in the release, short after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    #[serde(default = "yes")]
    pub in_release: bool,
}

/// How a quote names its speaker.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Full,
    Role,
    Short,
}

impl Form {
    pub const ALL: [Form; 3] = [Form::Full, Form::Role, Form::Short];
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Full => "full",
            Form::Role => "role",
            Form::Short => "short",
        }
    }
    pub fn parse(s: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(deny_unknown_fields)]
pub struct Release {
    #[serde(default)]
    pub headline: String,
    #[serde(default)]
    pub lead: String,
    #[serde(default)]
    pub closing: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_forms::opt_published"
    )]
    #[schemars(schema_with = "serde_forms::published_schema")]
    #[specta(type = String)]
    pub published: Option<Published>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_forms::opt_datetime"
    )]
    #[schemars(schema_with = "serde_forms::datetime_schema")]
    #[specta(type = String)]
    pub updated: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub photos: Vec<Photo>,
}

/// `published` is a calendar date or a moment with its offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    Date(NaiveDate),
    At(DateTime<FixedOffset>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    pub caption: String,
    /// BCP 47 tag of the caption when it is not the release's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(meeting_file::LANGUAGE_TAG))]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

fn yes() -> bool {
    true
}
