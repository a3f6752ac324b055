//! The meeting file v2 (`communique.meeting.v2`): release text as runs and blocks, stable ids
//! the writer chooses, one release per language (docs/meeting-file-v2.md).
//!
//! - this module: the types, one for one with the file (serde, JSON Schema);
//! - `read`: the strict reader (first problem: file, field path, value; nothing comes out) and
//!   the rules between fields;
//! - `upgrade`: v1 → v2 (every v1 meeting, unchanged in meaning) and v2 → v1 (a v2 meeting that
//!   uses no v2 construct).
//!
//! Text with inline spans is a list of runs (`Run`): plain strings, and spans that refer to a
//! person or a quote by id, or link a phrase. Never markup, never character offsets: what is typed
//! stays text, and a diff of two files reads as a diff of what changed.

pub mod compose;
pub mod photos;
pub mod read;
pub mod translation;
pub mod upgrade;
pub mod xliff;

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Language;
pub use crate::lang::{Apostrophe, DateForm, FrenchSpacing, HouseStyle, PlaceForm, TimeForm};
use crate::model::Published;
use crate::{meeting_file, serde_forms};

pub use compose::{compose, compose_with_images};
pub use read::{from_value, parse, parse_any, parse_any_through_value, parse_for_v1, validate};
pub use upgrade::{downgrade, upgrade};

pub const FORMAT_V2: &str = "communique.meeting.v2";

/// A Communiqué meeting file, version 2 (docs/meeting-file-v2.md): `MeetingV2` and its format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Communiqué meeting file, v2")]
pub struct MeetingFileV2 {
    pub format: FormatV2,
    pub meeting: Info,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub people: Vec<Person>,
    /// In agenda order; may be empty.
    pub agenda: Vec<Item>,
    /// One per language, the original first. A meeting in progress may have none yet.
    #[serde(default)]
    pub releases: Vec<Release>,
}

/// The `format` of a v2 meeting file: always `communique.meeting.v2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
pub enum FormatV2 {
    #[serde(rename = "communique.meeting.v2")]
    V2,
}

/// One meeting: the language-neutral facts once (header, organisations, people, agenda, quotes),
/// the words of each release in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingV2 {
    pub info: Info,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub agenda: Vec<Item>,
    pub releases: Vec<Release>,
}

impl MeetingV2 {
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// A quote by its id, with the agenda item it was said under.
    pub fn quote(&self, id: &str) -> Option<(&Item, &Quote)> {
        self.agenda
            .iter()
            .find_map(|i| i.quotes.iter().find(|q| q.id == id).map(|q| (i, q)))
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.agenda.iter().find(|i| i.id == id)
    }

    pub fn release(&self, language: Language) -> Option<&Release> {
        self.releases.iter().find(|r| r.language == language)
    }

    /// Nothing when the office publishes this meeting in `language` (one of `info.languages`);
    /// else `Error::Invalid` at `path`, naming the language and the ones it is published in.
    pub fn check_published_in(&self, path: &str, language: Language) -> crate::Result<()> {
        if self.info.languages.contains(&language) {
            return Ok(());
        }
        Err(crate::Error::Invalid {
            path: path.to_owned(),
            message: format!(
                "it is not published in {:?} (its languages: {})",
                language.tag(),
                self.info
                    .languages
                    .iter()
                    .map(|l| l.tag())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Info {
    #[schemars(pattern(meeting_file::NOT_BLANK))]
    pub title: String,
    /// The `id` of the organisation, in `organisations`, that holds the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
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
    /// The languages the office publishes this meeting in, the original first. Each release's
    /// language is one of them.
    pub languages: Vec<Language>,
}

impl Info {
    pub fn zone(&self) -> chrono_tz::Tz {
        self.timezone.unwrap_or(chrono_tz::UTC)
    }
}

/// An organisation: its name and the boilerplate ("About …") its releases end with, kept once
/// and reused, per language, and its house style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: String,
    pub name: BTreeMap<Language, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub boilerplate: BTreeMap<Language, Vec<Block>>,
    /// How the releases of meetings it holds (`meeting.organisation`) write apostrophes, French
    /// spacing, dates, times and the dateline's place; absent: the defaults.
    #[serde(default, skip_serializing_if = "HouseStyle::is_default")]
    pub style: HouseStyle,
}

/// A person mentioned or quoted. `name` is language-neutral; how a release names them is per
/// language (`forms`; absent: the name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
#[serde(rename = "PersonV2")]
#[schemars(rename = "Person")]
pub struct Person {
    pub id: String,
    #[schemars(pattern(meeting_file::NOT_BLANK))]
    pub name: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub forms: BTreeMap<Language, Forms>,
}

/// How one language's release names a person. Absent: `full` and `short` are the name, `role` is
/// `short`, and there is no pronoun (an attribution that asks for one takes `short`).
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// `she`, `elle`: for attributions that follow the subject (`a-t-elle déclaré`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pronoun: Option<String>,
}

impl Person {
    /// The person's form in `language`, by the defaults `Forms` describes.
    pub fn form(&self, language: Language, form: Form) -> &str {
        let forms = self.forms.get(&language);
        let pick = |f: fn(&Forms) -> &Option<String>| forms.and_then(|x| f(x).as_deref());
        let short = pick(|f| &f.short).unwrap_or(&self.name);
        match form {
            Form::Full => pick(|f| &f.full).unwrap_or(&self.name),
            Form::Short => short,
            Form::Role => pick(|f| &f.role).unwrap_or(short),
            Form::Pronoun => pick(|f| &f.pronoun).unwrap_or(short),
        }
    }
}

/// How a mention or an attribution names its person.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    specta::Type,
)]
#[serde(rename_all = "lowercase")]
#[serde(rename = "FormV2")]
#[schemars(rename = "Form")]
pub enum Form {
    Full,
    Role,
    Short,
    Pronoun,
}

/// An agenda item: language-neutral (its title is the office's working title; what a release says
/// about it is in that release's `items`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub title: String,
    /// Private: never reaches any release output.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub in_release: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
}

/// Something a person said, captured during the item. Its words exist per language; `original`
/// is the one it was said in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
#[serde(rename = "QuoteV2")]
#[schemars(rename = "Quote")]
pub struct Quote {
    pub id: String,
    /// The `id` of a person in `people`.
    pub speaker: String,
    /// When it was said (captured with the quote).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_forms::opt_datetime"
    )]
    #[schemars(schema_with = "serde_forms::datetime_schema")]
    #[specta(type = String)]
    pub said: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Language>,
    pub words: BTreeMap<Language, String>,
    /// The verb of its attributions whose span names none, per language (absent: the
    /// language's default, `said`, `a déclaré`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub verb: BTreeMap<Language, String>,
    /// How its attributions name the speaker when their span names no form (absent: the
    /// reference rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    /// True: quote marks typed in the words are printed as typed (v1's rule; `upgrade` sets it
    /// on v1 quotes whose words hold the language's marks). False: the language's own marks typed
    /// in the words are a quotation inside the quote and print as its secondary marks
    /// (`“…‘…’…”`, `« … “…” … »`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub typed_marks: bool,
    /// Off the record when false: no release may place it.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub in_release: bool,
}

/// One language's release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
#[serde(rename = "ReleaseV2")]
#[schemars(rename = "Release")]
pub struct Release {
    pub language: Language,
    /// The kicker line above the headline ("Press release").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default)]
    pub headline: Runs,
    /// The subtitle under the headline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deck: Runs,
    #[serde(default, skip_serializing_if = "Dateline::is_default")]
    pub dateline: Dateline,
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
    /// Not to be published before this instant (`Embargoed until 27 April 2018 18:00 CEST`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_forms::opt_datetime"
    )]
    #[schemars(schema_with = "serde_forms::datetime_schema")]
    #[specta(type = String)]
    pub embargo: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead: Vec<Block>,
    /// What the release says about agenda items, in the release's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemPart>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<Photo>,
    /// "Media enquiries": who to call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes_to_editors: Vec<Block>,
    /// Corrections made after publication, oldest first (`Store::correct` adds one to every
    /// language version and moves `updated` to its time).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Present in a release translated from another (`translation.rs`): what it was translated
    /// from, text by text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<translation::Translation>,
}

impl Release {
    /// An empty release in `language`.
    pub fn new(language: Language) -> Release {
        Release {
            language,
            label: None,
            headline: Vec::new(),
            deck: Vec::new(),
            dateline: Dateline::default(),
            published: None,
            updated: None,
            embargo: None,
            lead: Vec::new(),
            items: Vec::new(),
            closing: Vec::new(),
            photos: Vec::new(),
            contact: Vec::new(),
            notes_to_editors: Vec::new(),
            corrections: Vec::new(),
            translation: None,
        }
    }
}

/// Where the release's place and date stand.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(deny_unknown_fields)]
pub struct Dateline {
    /// The place the dateline names (`BRUSSELS`); absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "DatelinePosition::is_line")]
    pub position: DatelinePosition,
}

impl Dateline {
    fn is_default(&self) -> bool {
        *self == Dateline::default()
    }
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(rename_all = "kebab-case")]
pub enum DatelinePosition {
    /// Its own line under the headline (v1's).
    #[default]
    Line,
    /// `BRUSSELS, 27 April 2018 –` opening the lead.
    Lead,
    /// At the end of the release.
    End,
    /// The date is in the headline: no dateline.
    Headline,
}

impl DatelinePosition {
    fn is_line(&self) -> bool {
        *self == DatelinePosition::Line
    }
}

/// What one release says about one agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct ItemPart {
    /// The `id` of an item in `agenda`.
    pub item: String,
    /// A sub-heading shown in the release above the item's blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Runs>,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
#[serde(rename = "PhotoV2")]
#[schemars(rename = "Photo")]
pub struct Photo {
    pub id: String,
    /// The image, by the SHA-256 of its bytes (64 lower-case hex digits) as the archive holds
    /// it: imported with `communique photo add` or in the app. Absent: a caption only (v1's
    /// photos).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(SHA256_PATTERN))]
    pub image: Option<String>,
    #[serde(default)]
    pub caption: Runs,
    /// What a reader who cannot see the image is told instead, in the caption's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// BCP 47 tag of the caption (and the alt text) when it is not the release's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(meeting_file::LANGUAGE_TAG))]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(default, skip_serializing_if = "PhotoPosition::is_end")]
    pub position: PhotoPosition,
}

/// A correction made to a release after it was published: when, and what it says (`An earlier
/// version of this release gave the wrong date for the summit.`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    #[serde(with = "serde_forms::datetime")]
    #[schemars(schema_with = "serde_forms::datetime_schema")]
    #[specta(type = String)]
    pub at: DateTime<FixedOffset>,
    pub text: Runs,
}
/// An image's name: its SHA-256, lower-case hex.
pub const SHA256_PATTERN: &str = "^[0-9a-f]{64}$";

/// Where a photo's caption stands in the release.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(rename_all = "kebab-case")]
pub enum PhotoPosition {
    /// After the release's text (v1's place).
    #[default]
    End,
    BeforeLead,
    AfterLead,
}

impl PhotoPosition {
    fn is_end(&self) -> bool {
        *self == PhotoPosition::End
    }
}

/// Text with inline spans.
pub type Runs = Vec<Run>;

/// A piece of text: a plain string (shown as typed), or a span.
#[derive(Debug, Clone, PartialEq, Eq, specta::Type)]
#[specta(type = schema::RunShape)]
pub enum Run {
    Text(String),
    /// A person, named by the reference rule or in the form asked for.
    Mention {
        person: String,
        form: Option<Form>,
    },
    Quote(QuoteSpan),
    /// A link on a phrase: `https:`, `http:` or `mailto:` only.
    Link {
        href: String,
        text: Vec<String>,
    },
}

/// A quote placed in a text, with its attribution.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuoteSpan {
    /// The `id` of a quote in some agenda item.
    pub quote: String,
    /// Absent: after, verb first (v1's).
    pub attribution: Option<Attribution>,
    /// Absent: the language's default (`said`, `a déclaré`).
    pub verb: Option<String>,
    /// Absent: the reference rule.
    pub form: Option<Form>,
    /// Said after the attribution (`…,” said Ms Ruiz, opening the session.`).
    pub clause: Option<Runs>,
}

/// Where a quote's attribution stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// `“…,” said Ms Ruiz.` (the default).
    After,
    /// `“…,” Ms Ruiz said.` · `« … », a-t-elle déclaré.`
    AfterSubject,
    /// `Ms Ruiz said: “….”`
    Before,
    /// `Ms Ruiz said that “…”.`
    BeforeThat,
    /// The language's formula for a further quote: `She added: “…”` · `Et d'ajouter : « … »`.
    Added,
    /// A fragment inside the sentence, no attribution of its own.
    None,
}

/// A block of release text. Each has an `id` the writer chooses, unique in its release.
#[derive(Debug, Clone, PartialEq, Eq, specta::Type)]
#[specta(type = schema::BlockShape)]
pub enum Block {
    Paragraph {
        id: String,
        runs: Runs,
    },
    Heading {
        id: String,
        runs: Runs,
    },
    List {
        id: String,
        kind: ListKind,
        entries: Vec<Runs>,
        /// A numbered list's first number, when it goes on from an earlier one (numbered
        /// paragraphs across sub-headings: `7.` after a heading); `None`: 1.
        start: Option<u32>,
    },
    /// A quote set apart, with a byline under it.
    Blockquote {
        id: String,
        quote: String,
        byline: Option<Runs>,
    },
    /// An intro line (`A spokesperson said:`) and plain paragraphs, no quote marks.
    Statement {
        id: String,
        intro: Runs,
        paragraphs: Vec<Runs>,
    },
}

impl Block {
    pub fn id(&self) -> &str {
        match self {
            Block::Paragraph { id, .. }
            | Block::Heading { id, .. }
            | Block::List { id, .. }
            | Block::Blockquote { id, .. }
            | Block::Statement { id, .. } => id,
        }
    }

    /// A paragraph block.
    pub fn p(id: impl Into<String>, runs: Runs) -> Block {
        Block::Paragraph {
            id: id.into(),
            runs,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum ListKind {
    Bulleted,
    Numbered,
}

/// `MeetingFileV2` borrowed from a `MeetingV2`, for writing without a copy.
#[derive(Serialize)]
struct FileOut<'a> {
    format: FormatV2,
    meeting: &'a Info,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    organisations: &'a [Organisation],
    people: &'a [Person],
    agenda: &'a [Item],
    releases: &'a [Release],
}

fn file_out(m: &MeetingV2) -> FileOut<'_> {
    FileOut {
        format: FormatV2::V2,
        meeting: &m.info,
        organisations: &m.organisations,
        people: &m.people,
        agenda: &m.agenda,
        releases: &m.releases,
    }
}

/// The canonical v2 meeting file: the same meeting gives the same bytes, every time (fields in a
/// fixed order, two-space indent, a final newline). An error, never a partial file, if it cannot
/// be serialised.
pub fn to_json(m: &MeetingV2) -> crate::Result<String> {
    let mut s = serde_json::to_string_pretty(&file_out(m)).map_err(|e| unwritable(m, &e))?;
    s.push('\n');
    Ok(s)
}

/// The canonical v2 meeting file on one line: how the archive keeps a meeting.
pub fn to_compact_json(m: &MeetingV2) -> crate::Result<String> {
    serde_json::to_string(&file_out(m)).map_err(|e| unwritable(m, &e))
}

/// A meeting the archive kept (`to_compact_json`): read without the checks of `read`, which it
/// passed when it was stored.
pub fn from_stored(json: &str) -> Result<MeetingV2, serde_json::Error> {
    serde_json::from_str::<MeetingFileV2>(json).map(MeetingV2::from)
}

impl From<MeetingFileV2> for MeetingV2 {
    fn from(f: MeetingFileV2) -> MeetingV2 {
        MeetingV2 {
            info: f.meeting,
            organisations: f.organisations,
            people: f.people,
            agenda: f.agenda,
            releases: f.releases,
        }
    }
}

/// The v2 meeting file as a JSON value.
pub fn to_value(m: &MeetingV2) -> crate::Result<serde_json::Value> {
    serde_json::to_value(file_out(m)).map_err(|e| unwritable(m, &e))
}

fn unwritable(m: &MeetingV2, e: &serde_json::Error) -> crate::Error {
    crate::Error::Unwritable {
        what: format!("meeting {:?}", m.info.title),
        detail: e.to_string(),
    }
}

/// The v2 meeting file's JSON Schema (draft 2020-12), derived from `MeetingFileV2`: what
/// docs/meeting-file-v2.schema.json holds. The rules between fields (`read::validate`) are in
/// docs/meeting-file-v2.md only.
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(MeetingFileV2);
    schema.insert(
        "$comment".into(),
        "Generated from communique-core's MeetingFileV2; do not edit (see docs/meeting-file-v2.md)."
            .into(),
    );
    schema.to_value()
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

// ---- Runs and blocks in the file ------------------------------------------------------------
//
// A span and a block are JSON objects told apart by their key (`person`, `quote`, `link`; `p`,
// `h`, `list`, `blockquote`, `statement`). They are read through a flat form with every field
// optional and no unknown field, so that a mistake deep inside is reported with its whole path
// (`releases[0].items[1].blocks[0].p[2].quote`), then checked for exactly one kind.

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SpanForm {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    attribution: Option<Attribution>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    verb: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    form: Option<Form>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    clause: Option<Runs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<Vec<String>>,
}

impl SpanForm {
    fn into_run<E: de::Error>(self) -> Result<Run, E> {
        let kinds = [
            self.person.is_some(),
            self.quote.is_some(),
            self.link.is_some(),
        ];
        match kinds {
            [true, false, false] => {
                only::<E>(
                    "a mention",
                    &[
                        ("attribution", self.attribution.is_some()),
                        ("verb", self.verb.is_some()),
                        ("clause", self.clause.is_some()),
                        ("text", self.text.is_some()),
                    ],
                )?;
                Ok(Run::Mention {
                    person: self.person.unwrap_or_default(),
                    form: self.form,
                })
            }
            [false, true, false] => {
                only::<E>("a quote", &[("text", self.text.is_some())])?;
                Ok(Run::Quote(QuoteSpan {
                    quote: self.quote.unwrap_or_default(),
                    attribution: self.attribution,
                    verb: self.verb,
                    form: self.form,
                    clause: self.clause,
                }))
            }
            [false, false, true] => {
                only::<E>(
                    "a link",
                    &[
                        ("attribution", self.attribution.is_some()),
                        ("verb", self.verb.is_some()),
                        ("form", self.form.is_some()),
                        ("clause", self.clause.is_some()),
                    ],
                )?;
                Ok(Run::Link {
                    href: self.link.unwrap_or_default(),
                    text: self.text.ok_or_else(|| {
                        E::custom("a link needs its \"text\" (the phrase it is on)")
                    })?,
                })
            }
            [false, false, false] => Err(E::custom(
                "a span is an object with \"person\", \"quote\" or \"link\" (or a run is a string)",
            )),
            _ => Err(E::custom(
                "a span has exactly one of \"person\", \"quote\", \"link\"",
            )),
        }
    }

    fn from_run(run: &Run) -> SpanForm {
        match run {
            Run::Text(_) => SpanForm::default(),
            Run::Mention { person, form } => SpanForm {
                person: Some(person.clone()),
                form: *form,
                ..SpanForm::default()
            },
            Run::Quote(q) => SpanForm {
                quote: Some(q.quote.clone()),
                attribution: q.attribution,
                verb: q.verb.clone(),
                form: q.form,
                clause: q.clause.clone(),
                ..SpanForm::default()
            },
            Run::Link { href, text } => SpanForm {
                link: Some(href.clone()),
                text: Some(text.clone()),
                ..SpanForm::default()
            },
        }
    }
}

/// Refuses a field that does not belong to this kind of span or block.
fn only<E: de::Error>(kind: &str, fields: &[(&str, bool)]) -> Result<(), E> {
    match fields.iter().find(|(_, present)| *present) {
        Some((name, _)) => Err(E::custom(format!("{kind} has no \"{name}\""))),
        None => Ok(()),
    }
}

impl Serialize for Run {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Run::Text(t) => s.serialize_str(t),
            other => SpanForm::from_run(other).serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Run {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RunVisitor;
        impl<'de> Visitor<'de> for RunVisitor {
            type Value = Run;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, or a span object (\"person\", \"quote\" or \"link\")")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Run, E> {
                Ok(Run::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Run, E> {
                Ok(Run::Text(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Run, A::Error> {
                let form = SpanForm::deserialize(de::value::MapAccessDeserializer::new(map))?;
                form.into_run()
            }
        }
        d.deserialize_any(RunVisitor)
    }
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BlockForm {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    p: Option<Runs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    h: Option<Runs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    list: Option<ListKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entries: Option<Vec<Runs>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    blockquote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    byline: Option<Runs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    statement: Option<Runs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    paragraphs: Option<Vec<Runs>>,
}

impl BlockForm {
    fn into_block<E: de::Error>(self) -> Result<Block, E> {
        let kinds = [
            self.p.is_some(),
            self.h.is_some(),
            self.list.is_some(),
            self.blockquote.is_some(),
            self.statement.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            return Err(E::custom(
                "a block has exactly one of \"p\", \"h\", \"list\", \"blockquote\", \"statement\"",
            ));
        }
        let (entries, byline, paragraphs, start) = (
            self.entries.is_some(),
            self.byline.is_some(),
            self.paragraphs.is_some(),
            self.start.is_some(),
        );
        let id = self.id;
        if let Some(runs) = self.p {
            only::<E>(
                "a paragraph",
                &[
                    ("entries", entries),
                    ("byline", byline),
                    ("paragraphs", paragraphs),
                    ("start", start),
                ],
            )?;
            return Ok(Block::Paragraph { id, runs });
        }
        if let Some(runs) = self.h {
            only::<E>(
                "a sub-heading",
                &[
                    ("entries", entries),
                    ("byline", byline),
                    ("paragraphs", paragraphs),
                    ("start", start),
                ],
            )?;
            return Ok(Block::Heading { id, runs });
        }
        if let Some(kind) = self.list {
            only::<E>("a list", &[("byline", byline), ("paragraphs", paragraphs)])?;
            if kind == ListKind::Bulleted && start {
                return Err(E::custom(
                    "a bulleted list has no \"start\": only a numbered list starts at a number",
                ));
            }
            if self.start == Some(0) {
                return Err(E::custom("\"start\" is the list's first number: 1 or more"));
            }
            return Ok(Block::List {
                id,
                kind,
                entries: self
                    .entries
                    .ok_or_else(|| E::custom("a list needs its \"entries\""))?,
                start: self.start,
            });
        }
        if let Some(quote) = self.blockquote {
            only::<E>(
                "a block quote",
                &[
                    ("entries", entries),
                    ("paragraphs", paragraphs),
                    ("start", start),
                ],
            )?;
            return Ok(Block::Blockquote {
                id,
                quote,
                byline: self.byline,
            });
        }
        only::<E>(
            "a statement",
            &[("entries", entries), ("byline", byline), ("start", start)],
        )?;
        Ok(Block::Statement {
            id,
            intro: self.statement.unwrap_or_default(),
            paragraphs: self.paragraphs.unwrap_or_default(),
        })
    }

    fn from_block(b: &Block) -> BlockForm {
        let id = b.id().to_owned();
        match b {
            Block::Paragraph { runs, .. } => BlockForm {
                id,
                p: Some(runs.clone()),
                ..BlockForm::default()
            },
            Block::Heading { runs, .. } => BlockForm {
                id,
                h: Some(runs.clone()),
                ..BlockForm::default()
            },
            Block::List {
                kind,
                entries,
                start,
                ..
            } => BlockForm {
                id,
                list: Some(*kind),
                entries: Some(entries.clone()),
                start: *start,
                ..BlockForm::default()
            },
            Block::Blockquote { quote, byline, .. } => BlockForm {
                id,
                blockquote: Some(quote.clone()),
                byline: byline.clone(),
                ..BlockForm::default()
            },
            Block::Statement {
                intro, paragraphs, ..
            } => BlockForm {
                id,
                statement: Some(intro.clone()),
                paragraphs: Some(paragraphs.clone()),
                ..BlockForm::default()
            },
        }
    }
}

impl Serialize for Block {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        BlockForm::from_block(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct BlockVisitor;
        impl<'de> Visitor<'de> for BlockVisitor {
            type Value = Block;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a block object (\"p\", \"h\", \"list\", \"blockquote\" or \"statement\")",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
                BlockForm::deserialize(de::value::MapAccessDeserializer::new(map))?.into_block()
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Block, A::Error> {
                Err(de::Error::custom(
                    "a block is an object with an \"id\" and one of \"p\", \"h\", \"list\", \"blockquote\", \"statement\", not a list of runs",
                ))
            }
        }
        d.deserialize_any(BlockVisitor)
    }
}

// ---- JSON Schema of runs and blocks: one alternative per kind -------------------------------

mod schema {
    //! One struct per kind of span and block, for the JSON Schema (schemars) and for the UI's
    //! TypeScript (specta): `Run` and `Block` are read and written by hand above, and these say
    //! their shapes once, for both. `#[specta(optional)]`: a field serde leaves out when absent.
    use super::*;

    #[allow(dead_code)]
    #[derive(JsonSchema, specta::Type)]
    #[serde(deny_unknown_fields)]
    #[specta(inline)]
    /// A person, named by the reference rule or in the form asked for.
    pub struct Mention {
        person: String,
        #[specta(optional)]
        form: Option<Form>,
    }

    #[allow(dead_code)]
    #[derive(JsonSchema, specta::Type)]
    #[serde(deny_unknown_fields)]
    #[specta(inline)]
    /// A quote placed in the text, with its attribution.
    pub struct QuoteRef {
        quote: String,
        #[specta(optional)]
        attribution: Option<Attribution>,
        #[specta(optional)]
        verb: Option<String>,
        #[specta(optional)]
        form: Option<Form>,
        #[specta(optional)]
        clause: Option<Vec<super::Run>>,
    }

    #[allow(dead_code)]
    #[derive(JsonSchema, specta::Type)]
    #[serde(deny_unknown_fields)]
    #[specta(inline)]
    /// A link on a phrase: `https:`, `http:` or `mailto:` only.
    pub struct Link {
        #[schemars(pattern(read::LINK_PATTERN))]
        link: String,
        text: Vec<String>,
    }

    #[allow(dead_code)]
    #[derive(JsonSchema, specta::Type)]
    #[serde(deny_unknown_fields)]
    #[specta(inline)]
    pub struct Paragraph {
        id: String,
        p: Vec<super::Run>,
    }

    #[allow(dead_code)]
    #[derive(JsonSchema, specta::Type)]
    #[serde(deny_unknown_fields)]
    #[specta(inline)]
    pub struct Heading {
        id: String,
        h: Vec<super::Run>,
    }

    #[allow(dead_code)]
    #[derive(JsonSchema, specta::Type)]
    #[serde(deny_unknown_fields)]
    #[specta(inline)]
    pub struct List {
        id: String,
        list: ListKind,
        entries: Vec<Vec<super::Run>>,
        /// A numbered list's first number (1 or more), when it goes on from an earlier list.
        #[schemars(range(min = 1))]
        #[specta(optional)]
        start: Option<u32>,
    }

    #[allow(dead_code)]
    #[derive(JsonSchema, specta::Type)]
    #[serde(deny_unknown_fields)]
    #[specta(inline)]
    pub struct Blockquote {
        id: String,
        blockquote: String,
        #[specta(optional)]
        byline: Option<Vec<super::Run>>,
    }

    #[allow(dead_code)]
    #[derive(JsonSchema, specta::Type)]
    #[serde(deny_unknown_fields)]
    #[specta(inline)]
    pub struct Statement {
        id: String,
        statement: Vec<super::Run>,
        #[serde(default)]
        paragraphs: Vec<Vec<super::Run>>,
    }

    /// `super::Run` for specta: a string or one of the spans.
    #[allow(dead_code)]
    // JsonSchema only for its `serde` attribute (never used for the schema: see below).
    #[derive(JsonSchema, specta::Type)]
    #[serde(untagged)]
    #[specta(inline)]
    pub enum RunShape {
        Text(String),
        Mention(Mention),
        Quote(QuoteRef),
        Link(Link),
    }

    /// `super::Block` for specta: one of the five blocks.
    #[allow(dead_code)]
    // JsonSchema only for its `serde` attribute (never used for the schema: see below).
    #[derive(JsonSchema, specta::Type)]
    #[serde(untagged)]
    #[specta(inline)]
    pub enum BlockShape {
        Paragraph(Paragraph),
        Heading(Heading),
        List(List),
        Blockquote(Blockquote),
        Statement(Statement),
    }
}

impl JsonSchema for Run {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Run".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A piece of text: a plain string, or a span (a mention, a quote, a link).",
            "anyOf": [
                { "type": "string" },
                g.subschema_for::<schema::Mention>(),
                g.subschema_for::<schema::QuoteRef>(),
                g.subschema_for::<schema::Link>(),
            ]
        })
    }
}

impl JsonSchema for Block {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Block".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A block of release text: paragraph, sub-heading, list, block quote or statement.",
            "oneOf": [
                g.subschema_for::<schema::Paragraph>(),
                g.subschema_for::<schema::Heading>(),
                g.subschema_for::<schema::List>(),
                g.subschema_for::<schema::Blockquote>(),
                g.subschema_for::<schema::Statement>(),
            ]
        })
    }
}

#[cfg(test)]
mod tests;
