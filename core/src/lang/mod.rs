//! Everything that differs between release languages, one table per language.
//!
//! Quote marks, how an attribution is punctuated, which spaces must not break, month names and
//! the dateline's labels live here and nowhere else: composition and the renderers ask the table.
//! Adding a language is adding a file with one `Table` and one `Language` variant.

mod en;
mod fr;
mod style;

pub use style::{
    Apostrophe, DateForm, FrenchSpacing, HouseStyle, PlaceForm, TimeForm, NARROW_NBSP,
};

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
    /// The months as an abbreviated date writes them (`Apr.`, `avr.`; a month too short to
    /// abbreviate as it is: `May`, `mai`), January first.
    pub months_abbreviated: [&'static str; 12],
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
    /// The marks of `nbsp_before` a narrow no-break space goes before instead, in a house style
    /// that asks for one (French `; ! ?`, the Imprimerie nationale's rule).
    pub narrow_before: &'static [char],
    /// The hour's symbol of a time written `21 h 11` (French `h`); `None`: the language writes
    /// times `21:11` only.
    pub hour_mark: Option<&'static str>,
    /// The marks of a quotation inside a quote (`‘…’` in `“…‘…’…”`, `“…”` in `« … “…” … »`),
    /// with no padding.
    pub secondary_open: &'static str,
    pub secondary_close: &'static str,
    /// Which way round an attribution after the quote reads.
    pub incise: Incise,
    /// How a verb and a pronoun swap places (French `a-t-elle déclaré`); `None`: the language
    /// never inverts (its `incise` never asks for it).
    pub inversion: Option<Inversion>,
    /// Between an attribution and the quote it introduces (`said:`, `a déclaré :`).
    pub colon: &'static str,
    /// Between an attribution and a quote that is its object (`said that “…”`).
    pub that: &'static str,
    /// The formula of a further quote by the same speaker, `{}` standing for the speaker
    /// (`{} added`: `She added: “…”`), or a fixed formula (`Et d'ajouter`).
    pub added: &'static str,
    /// After the place and date when the dateline opens the lead (`BRUSSELS, 27 April 2018 –`).
    pub dateline_dash: &'static str,
    /// Before a block quote's byline (`— Ms Ruiz`).
    pub byline_dash: &'static str,
    /// How a person's form that is an apposition (`the Secretary General, Ana Ruiz`) is closed
    /// when the sentence goes on after it.
    pub apposition: Apposition,
    /// `Embargoed until` before the embargo's time.
    pub embargo_label: &'static str,
    /// The heading of the contact block and of the notes to editors.
    pub contact_label: &'static str,
    pub notes_label: &'static str,
}

/// Where the speaker stands in an attribution after the quote, by what the span asks for and
/// what names the speaker.
#[derive(Debug, Clone, Copy)]
pub struct Incise {
    /// `after` (the default) with a name: `said Ms Ruiz`.
    pub verb_first: Order,
    /// `after-subject` with a name: `Ms Ruiz said` (English), `a déclaré Mme Ruiz` (French
    /// puts a name after the verb in an incise).
    pub subject_first: Order,
    /// Either, with a pronoun: `she said`, `a-t-elle déclaré`.
    pub pronoun: Order,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    VerbSubject,
    SubjectVerb,
    /// The verb's first word, the pronoun joined to it, then the rest (`a-t-elle déclaré`).
    Inverted,
}

/// An apposition inside a person's form: `la secrétaire générale, Ana Ruiz` opens one with
/// `mark`; when the form is followed by words of the same sentence (a verb, `and`, an opening
/// quote mark), `close` is written after it (`La secrétaire générale, Ana Ruiz, a ouvert…`).
/// Punctuation, a closing mark or bracket, or the end of the text close it already.
#[derive(Debug, Clone, Copy)]
pub struct Apposition {
    pub mark: &'static str,
    /// `None`: the language writes nothing after an apposition.
    pub close: Option<&'static str>,
}

/// Verb–pronoun inversion: `{first word}{joiner}{pronoun} {rest}`, the joiner `-t-` after a
/// first word ending in a vowel (`a-t-il`, `ajoute-t-elle`), `-` otherwise (`ont-ils`, `dit-elle`).
#[derive(Debug, Clone, Copy)]
pub struct Inversion {
    pub vowels: &'static str,
    pub euphonic: &'static str,
    pub hyphen: &'static str,
}

/// The no-break space the French rules use (U+00A0).
pub const NBSP: char = '\u{a0}';

impl Table {
    /// `1 March 2025`, `1er mars 2025`.
    pub fn date(&self, d: NaiveDate) -> String {
        self.date_with(d, &self.months)
    }

    /// The date with the month named from `months`.
    fn date_with(&self, d: NaiveDate, months: &[&str; 12]) -> String {
        let suffix = if d.day() == 1 {
            self.first_day_suffix
        } else {
            ""
        };
        format!(
            "{}{} {} {}",
            d.day(),
            suffix,
            months[d.month0() as usize],
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
        let end = if name.ends_with('.') { "" } else { "." };
        format!(
            "{} {verb} {name}{end}",
            self.quoted_before_attribution(text)
        )
    }

    /// The quote as it stands before an attribution after it: `“Text,”`, `“Text?”`,
    /// `« Texte »,` (the text's own final `.` dropped, a `?`, `!` or `…` kept in place of the comma).
    pub fn quoted_before_attribution(&self, text: &str) -> String {
        let text = drop_full_stop(text);
        let ends_in_mark = text.ends_with(['?', '!', '…', '.']);
        let pad = self.quote_padding;
        let (open, close) = (self.open_quote, self.close_quote);
        let comma = if ends_in_mark { "" } else { "," };
        if self.comma_inside_quotes {
            format!("{open}{pad}{text}{comma}{pad}{close}")
        } else {
            format!("{open}{pad}{text}{pad}{close}{comma}")
        }
    }

    /// The quote ending the sentence an attribution before it opened: `“Text.”`, `« Texte. »`
    /// (a full stop added unless the text ends in one, or in `?`, `!`, `…`).
    pub fn quoted_ending(&self, text: &str) -> String {
        let stop = if text.ends_with(['?', '!', '…', '.']) {
            ""
        } else {
            "."
        };
        let (pad, open, close) = (self.quote_padding, self.open_quote, self.close_quote);
        format!("{open}{pad}{text}{stop}{pad}{close}")
    }

    /// The quote inside a sentence, as typed: `“ready to go”`, `« prêt à partir »`.
    pub fn quoted(&self, text: &str) -> String {
        let (pad, open, close) = (self.quote_padding, self.open_quote, self.close_quote);
        format!("{open}{pad}{text}{pad}{close}")
    }

    /// Words that go inside this language's marks, with the marks typed in them (a quotation
    /// inside the quote) made the secondary ones: `“no”` → `‘no’`, `« non »` → `“non”` (the
    /// padding inside the typed marks goes).
    pub fn nest(&self, text: &str) -> String {
        // Most quotes hold no quotation of their own: nothing to change.
        if !text.contains(self.open_quote) && !text.contains(self.close_quote) {
            return text.to_owned();
        }
        let is_pad = |c: char| c == ' ' || c == NBSP || c == '\u{202f}';
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if rest.starts_with(self.open_quote) {
                out.push_str(self.secondary_open);
                rest = &rest[self.open_quote.len()..];
                if !self.quote_padding.is_empty() {
                    rest = rest.trim_start_matches(is_pad);
                }
                continue;
            }
            if !self.quote_padding.is_empty() && is_pad(c) {
                let after = rest.trim_start_matches(is_pad);
                if after.starts_with(self.close_quote) {
                    rest = after;
                    continue;
                }
            }
            if rest.starts_with(self.close_quote) {
                out.push_str(self.secondary_close);
                rest = &rest[self.close_quote.len()..];
                continue;
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        out
    }

    /// What closes `name`'s apposition when `next` (the text that follows it, white space
    /// included) goes on with the sentence: the close when `name` holds an apposition and `next`
    /// opens with a letter, a digit or this language's opening quote mark; nothing otherwise.
    pub fn apposition_close(&self, name: &str, next: &str) -> &'static str {
        let next = next.trim_start_matches(|c: char| c.is_whitespace());
        let goes_on = next.starts_with(char::is_alphanumeric)
            || next.starts_with(self.open_quote)
            || next.starts_with(self.secondary_open);
        match self.apposition.close {
            Some(close) if goes_on && self.is_apposition(name) => close,
            _ => "",
        }
    }

    /// `name` as the subject of a verb that follows it: its apposition closed
    /// (`The Secretary General, Ana Ruiz,` before `said`).
    pub fn subject(&self, name: &str) -> String {
        match self.apposition.close {
            Some(close) if self.is_apposition(name) => format!("{name}{close}"),
            _ => name.to_owned(),
        }
    }

    /// Whether a person's form holds an apposition not closed already.
    fn is_apposition(&self, name: &str) -> bool {
        name.contains(self.apposition.mark)
            && !self.apposition.close.is_some_and(|c| name.ends_with(c))
    }

    /// Whether `text` holds one of this language's own quote marks.
    pub fn has_quote_marks(&self, text: &str) -> bool {
        text.contains(self.open_quote) || text.contains(self.close_quote)
    }

    /// `a déclaré` and `elle` → `a-t-elle déclaré`; `ont déclaré`, `ils` → `ont-ils déclaré`.
    /// Without an inversion rule: `pronoun verb`.
    pub fn invert(&self, verb: &str, pronoun: &str) -> String {
        let Some(inv) = self.inversion else {
            return format!("{pronoun} {verb}");
        };
        let (first, rest) = match verb.split_once(' ') {
            Some((f, r)) => (f, Some(r)),
            None => (verb, None),
        };
        let joiner = match first.chars().last() {
            Some(c) if inv.vowels.contains(c) => inv.euphonic,
            _ => inv.hyphen,
        };
        match rest {
            Some(rest) => format!("{first}{joiner}{pronoun} {rest}"),
            None => format!("{first}{joiner}{pronoun}"),
        }
    }
}

/// The text's own final full stop, dropped (not an ellipsis typed as dots).
fn drop_full_stop(text: &str) -> &str {
    match text.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') => rest,
        _ => text,
    }
}

impl Table {
    /// The text without its own final full stop, for a quote an attribution follows in the same
    /// sentence (`said that “…”.`).
    pub fn without_full_stop<'t>(&self, text: &'t str) -> &'t str {
        drop_full_stop(text)
    }
}

#[cfg(test)]
mod tests;
