//! Everything that differs between release languages, one table per language.
//!
//! Quote marks, how an attribution is punctuated, which spaces must not break, month names and
//! the dateline's labels live here and nowhere else: composition and the renderers ask the table.
//! Adding a language is adding a file with one `Table` and one `Language` variant.

mod en;
mod fr;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// A release language v1 renders, written as its BCP 47 tag.
// Serialised as the variant's name in lower case, which a test checks is the table's tag; read by
// hand, so that an unknown tag names the supported ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Fr,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Fr];

    pub fn table(self) -> &'static Table {
        match self {
            Language::En => &en::TABLE,
            Language::Fr => &fr::TABLE,
        }
    }

    /// The BCP 47 tag, as written in the meeting file and in `<html lang>`.
    pub fn tag(self) -> &'static str {
        self.table().tag
    }

    pub fn from_tag(tag: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.tag() == tag)
    }

    pub fn supported_tags() -> String {
        Language::ALL.map(|l| l.tag()).join(", ")
    }
}

/// By tag, so that maps keyed by language (a person's forms, a quote's words) are written in the
/// same order whatever languages are added.
impl Ord for Language {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.tag().cmp(other.tag())
    }
}

impl PartialOrd for Language {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Language::from_tag(&tag).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unsupported language {tag:?}: v1 renders {}",
                Language::supported_tags()
            ))
        })
    }
}

/// One language's typography and words.
#[derive(Debug)]
pub struct Table {
    pub tag: &'static str,
    pub open_quote: &'static str,
    pub close_quote: &'static str,
    /// Between a quote mark and the quoted text (French: a no-break space).
    pub quote_padding: &'static str,
    /// English puts the attribution comma inside the marks (`“Text,” said`), French after
    /// (`« Texte », a déclaré`).
    pub comma_inside_quotes: bool,
    pub default_verb: &'static str,
    /// Lower-case month names, January first.
    pub months: [&'static str; 12],
    /// Written after the day number on the first of a month (`1er`).
    pub first_day_suffix: &'static str,
    /// `Updated:` before the update time in the dateline.
    pub updated_label: &'static str,
    /// `Photo:` before a caption where the output has no figure element (plain text).
    pub photo_label: &'static str,
    /// Characters preceded by a no-break space instead of an ordinary one (French `: ; ! ? »`).
    pub nbsp_before: &'static [char],
    /// Characters followed by a no-break space instead of an ordinary one (French `«`).
    pub nbsp_after: &'static [char],
}

/// The no-break space the French rules use (U+00A0).
pub const NBSP: char = '\u{a0}';

impl Table {
    /// `1 March 2025`, `1er mars 2025`.
    pub fn date(&self, d: NaiveDate) -> String {
        let suffix = if d.day() == 1 {
            self.first_day_suffix
        } else {
            ""
        };
        format!(
            "{}{} {} {}",
            d.day(),
            suffix,
            self.months[d.month0() as usize],
            d.year()
        )
    }

    /// `1 March 2025 18:05` (24-hour clock; the caller has already moved it into the meeting's zone).
    pub fn date_time(&self, t: NaiveDateTime) -> String {
        format!("{} {}", self.date(t.date()), t.format("%H:%M"))
    }

    /// Applies the language's spacing rules to text the user typed: an ordinary space next to a
    /// mark that wants a no-break one becomes no-break. A space is never added where there was none.
    pub fn space(&self, text: &str) -> String {
        if self.nbsp_before.is_empty() && self.nbsp_after.is_empty() {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len() + 8);
        for (i, &c) in chars.iter().enumerate() {
            let breaks = c == ' '
                && (chars
                    .get(i + 1)
                    .is_some_and(|n| self.nbsp_before.contains(n))
                    || i.checked_sub(1)
                        .and_then(|p| chars.get(p))
                        .is_some_and(|p| self.nbsp_after.contains(p)));
            out.push(if breaks { NBSP } else { c });
        }
        out
    }

    /// `“Text,” said Jane Doe.` / `« Texte », a déclaré Jane Doe.` (docs/meeting-file.md,
    /// "Attribution"). `text` and `name` are already spaced; the text's own final `.` is dropped, a `?` or `!` is kept and
    /// takes the place of the comma.
    pub fn attribute(&self, text: &str, verb: &str, name: &str) -> String {
        let text = match text.strip_suffix('.') {
            Some(rest) if !rest.ends_with('.') => rest,
            _ => text,
        };
        let ends_in_mark = text.ends_with(['?', '!', '…', '.']);
        let pad = self.quote_padding;
        let (open, close) = (self.open_quote, self.close_quote);
        let comma = if ends_in_mark { "" } else { "," };
        let end = if name.ends_with('.') { "" } else { "." };
        if self.comma_inside_quotes {
            format!("{open}{pad}{text}{comma}{pad}{close} {verb} {name}{end}")
        } else {
            format!("{open}{pad}{text}{pad}{close}{comma} {verb} {name}{end}")
        }
    }
}

#[cfg(test)]
mod tests;
