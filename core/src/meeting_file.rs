//! The meeting file (`communique.meeting.v1`): the product's outside contract, described in
//! docs/meeting-file.md ("The meeting file") and, generated from `MeetingFile`, in
//! docs/meeting-file.schema.json.
//!
//! Reading is strict and all-or-nothing: the first problem found is reported with the file, the
//! path of the field (`agenda[1].quotes[0].speaker`) and the value, and no `Meeting` comes out.
//! Writing is canonical: fields in a fixed order, two-space indent, a final newline, no ids or
//! clocks, so that the same meeting always gives the same bytes.

use std::collections::HashSet;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{AgendaItem, Meeting, MeetingInfo, Person, Release};

pub const FORMAT_V1: &str = "communique.meeting.v1";

/// A Communiqué meeting file, version 1: one meeting, its agenda, private notes, quotes, the
/// people quoted, and the release drafted from it (docs/meeting-file.md).
// The document `parse` reads, the JSON Schema describes and the desktop app's UI edits (its
// TypeScript type is generated from this one). `validate` checks what a schema cannot express.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Communiqué meeting file, v1")]
pub struct MeetingFile {
    pub format: FormatV1,
    pub meeting: MeetingInfo,
    #[serde(default)]
    pub people: Vec<Person>,
    /// In agenda order; may be empty.
    pub agenda: Vec<AgendaItem>,
    /// A meeting in progress has no release yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<Release>,
}

/// The `format` of a v1 meeting file: always `communique.meeting.v1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
pub enum FormatV1 {
    #[serde(rename = "communique.meeting.v1")]
    V1,
}

/// Why a meeting file was refused. `path` is empty for problems with the document as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub path: String,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.message)
        }
    }
}

impl std::error::Error for FileError {}

/// `MeetingFile` borrowed from a `Meeting`, for writing without a copy.
#[derive(Serialize)]
struct FileOut<'a> {
    format: FormatV1,
    meeting: &'a MeetingInfo,
    people: &'a [Person],
    agenda: &'a [AgendaItem],
    #[serde(skip_serializing_if = "Option::is_none")]
    release: Option<&'a Release>,
}

/// Reads a meeting file. `file` names it in errors (a path, or `-` for standard input).
pub fn parse(file: &str, bytes: &[u8]) -> Result<Meeting, FileError> {
    if let Some(parsed) = direct(bytes) {
        return checked(file, parsed);
    }
    let value = parse_json(file, bytes)?;
    from_value(file, &value)
}

/// The bytes as JSON, with the errors a file gets (not UTF-8, truncated, not JSON).
pub(crate) fn parse_json(file: &str, bytes: &[u8]) -> Result<serde_json::Value, FileError> {
    let err = |path: &str, message: String| FileError {
        file: file.to_owned(),
        path: path.to_owned(),
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let bad: String = bytes[at..]
            .iter()
            .take(4)
            .map(|b| format!("\\x{b:02x}"))
            .collect();
        err(
            "",
            format!("not a meeting file: not UTF-8 text (byte {at} is \"{bad}\")"),
        )
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Eof => "the JSON ends too early (truncated?)",
            _ => "not valid JSON",
        };
        let full = e.to_string();
        let detail = full.split(" at line ").next().unwrap_or(&full);
        err(
            "",
            format!(
                "not a meeting file: {what} at line {} column {} ({detail})",
                e.line(),
                e.column()
            ),
        )
    })?;
    Ok(value)
}

/// `bytes` read straight into `T` when they are a JSON object serde reads as it stands (nearly
/// every file): no `Value` in between, about half the time. `None` when anything is off; the
/// caller then reads through a `Value`, which accepts and refuses exactly the same documents and
/// names the field of a refusal (a property test reads arbitrary meetings and broken copies of
/// their files both ways).
pub(crate) fn direct<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let text = std::str::from_utf8(bytes).ok()?;
    // serde reads a struct from an array too; a meeting file is an object.
    if !text
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .starts_with('{')
    {
        return None;
    }
    serde_json::from_str(text).ok()
}

/// A meeting from an already parsed meeting-file document (the desktop app's IPC sends one).
/// `source` names it in errors.
pub fn from_value(source: &str, value: &serde_json::Value) -> Result<Meeting, FileError> {
    let parsed: MeetingFile = document(
        source,
        value,
        FORMAT_V1,
        &format!("this version reads {FORMAT_V1:?}"),
    )?;
    checked(source, parsed)
}

/// The meeting of a file serde has read, once the rules serde cannot see hold.
pub(crate) fn checked(source: &str, parsed: MeetingFile) -> Result<Meeting, FileError> {
    let meeting = Meeting {
        info: parsed.meeting,
        people: parsed.people,
        agenda: parsed.agenda,
        release: parsed.release,
    };
    validate(&meeting).map_err(|(path, message)| FileError {
        file: source.to_owned(),
        path,
        message,
    })?;
    Ok(meeting)
}

/// `value` as a meeting file of `format`, whatever the version: an object, its `format` (else
/// the error says `reads`, what is read instead), then serde, a mistake reported with the whole
/// field path.
pub(crate) fn document<T: serde::de::DeserializeOwned>(
    source: &str,
    value: &serde_json::Value,
    format: &str,
    reads: &str,
) -> Result<T, FileError> {
    let err = |path: &str, message: String| FileError {
        file: source.to_owned(),
        path: path.to_owned(),
        message,
    };
    let Some(object) = value.as_object() else {
        return Err(err(
            "",
            format!(
                "not a meeting file: expected a JSON object, found {}",
                short(value)
            ),
        ));
    };
    match object.get("format") {
        Some(serde_json::Value::String(f)) if f == format => {}
        Some(other) => {
            return Err(err(
                "format",
                format!("unsupported format {}: {reads}", short(other)),
            ))
        }
        None => {
            return Err(err(
                "format",
                format!("missing: a meeting file starts with \"format\": {format:?}"),
            ))
        }
    }
    // Most documents read: read without tracking the path (a third of the time went into it),
    // and again with it only to name the field of a refusal.
    if let Ok(read) = T::deserialize(value) {
        return Ok(read);
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        err(&path, e.into_inner().to_string())
    })
}

/// The rules serde cannot see: references between fields, ranges, uniqueness.
/// Returns the field path and the message.
pub fn validate(m: &Meeting) -> Result<(), (String, String)> {
    if m.info.title.trim().is_empty() {
        return Err(("meeting.title".into(), "must not be empty".into()));
    }
    if let Some(ends) = m.info.ends {
        if ends < m.info.starts {
            return Err((
                "meeting.ends".into(),
                format!(
                    "{:?} is before meeting.starts {:?}",
                    ends.to_string(),
                    m.info.starts.to_string()
                ),
            ));
        }
    }
    let mut ids = HashSet::new();
    for (i, p) in m.people.iter().enumerate() {
        if p.id.trim().is_empty() {
            return Err((format!("people[{i}].id"), "must not be empty".into()));
        }
        if !ids.insert(p.id.as_str()) {
            return Err((
                format!("people[{i}].id"),
                format!("duplicate id {:?}: ids are unique in a meeting", p.id),
            ));
        }
        if p.name.trim().is_empty() {
            return Err((format!("people[{i}].name"), "must not be empty".into()));
        }
    }
    for (i, item) in m.agenda.iter().enumerate() {
        for (j, q) in item.quotes.iter().enumerate() {
            if !ids.contains(q.speaker.as_str()) {
                return Err((
                    format!("agenda[{i}].quotes[{j}].speaker"),
                    format!("unknown speaker {:?}: not an id in people", q.speaker),
                ));
            }
        }
    }
    if let Some(release) = &m.release {
        for (i, photo) in release.photos.iter().enumerate() {
            if let Some(tag) = &photo.language {
                if !is_language_tag(tag) {
                    return Err((
                        format!("release.photos[{i}].language"),
                        format!("{tag:?} is not a BCP 47 language tag (such as en, fr, de-CH)"),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// `validate`'s "must not be empty" (after trimming white space), for the schema.
pub const NOT_BLANK: &str = "\\S";
/// `is_language_tag`, for the schema.
pub const LANGUAGE_TAG: &str = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$";

/// A BCP 47 tag's shape: a 2–8 letter primary subtag, then alphanumeric subtags of 1–8.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn file_out(m: &Meeting) -> FileOut<'_> {
    FileOut {
        format: FormatV1::V1,
        meeting: &m.info,
        people: &m.people,
        agenda: &m.agenda,
        release: m.release.as_ref(),
    }
}

/// Writes the canonical meeting file: the same meeting gives the same bytes, every time. An error
/// (never an empty or partial file) if it cannot be serialised.
pub fn to_json(m: &Meeting) -> crate::Result<String> {
    let mut s = serde_json::to_string_pretty(&file_out(m)).map_err(|e| unwritable(m, &e))?;
    s.push('\n');
    Ok(s)
}

/// The meeting file's JSON Schema (draft 2020-12), derived from `MeetingFile`: what
/// docs/meeting-file.schema.json holds. It checks the shape, types and forms of the fields; the
/// rules between fields (`validate`) are in docs/meeting-file.md only.
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(MeetingFile);
    schema.insert(
        "$comment".into(),
        "Generated from communique-core's MeetingFile; do not edit (see docs/meeting-file.md)."
            .into(),
    );
    schema.to_value()
}

/// The meeting file as a JSON value (what the desktop app's UI edits).
pub fn to_value(m: &Meeting) -> crate::Result<serde_json::Value> {
    serde_json::to_value(file_out(m)).map_err(|e| unwritable(m, &e))
}

fn unwritable(m: &Meeting, e: &serde_json::Error) -> crate::Error {
    crate::Error::Unwritable {
        what: format!("meeting {:?}", m.info.title),
        detail: e.to_string(),
    }
}

/// A value as it may appear in a one-line error: JSON, cut at 60 characters.
pub(crate) fn short(v: &serde_json::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests;
