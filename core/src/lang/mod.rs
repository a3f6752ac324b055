//! Everything that differs between release languages, one table per language.
//!
//! Quote marks, how an attribution is punctuated, which spaces must not break, month names and
//! the dateline's labels live here and nowhere else: composition and the renderers ask the table.
//! Adding a language is adding a file with one `Table` and one `Language` variant.
//!
//! What CLDR holds (month names, the long date's pattern) comes from `cldr.rs`, generated from
//! CLDR through ICU4X by a test (core/tests/suite/cldr.rs) and committed, so that the shipped
//! binaries carry a few hundred strings rather than ICU4X and its data. A table keeps by hand
//! only what CLDR does not hold (quote marks' use, attribution formulae, verbs, labels, spacing)
//! and, with the style guide named, where the guide it follows departs from CLDR.

// Generated (core/tests/suite/cldr.rs writes it as it stands): not formatted.
#[rustfmt::skip]
mod cldr;
mod de;
mod en;
mod es;
mod fr;
mod it;
mod nl;
mod pl;
mod pt;
mod style;
mod uk;

pub use style::{
    Apostrophe, DateForm, FrenchSpacing, HouseStyle, PlaceForm, TimeForm, NARROW_NBSP,
};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// A release language, written as its BCP 47 tag (`pt` is European Portuguese, pt-PT).
// Serialised as the variant's name in lower case, which a test checks is the table's tag; read by
// hand, so that an unknown tag names the supported ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Fr,
    De,
    Es,
    It,
    Pt,
    Nl,
    Pl,
    Uk,
}

impl Language {
    pub const ALL: [Language; 9] = [
        Language::En,
        Language::Fr,
        Language::De,
        Language::Es,
        Language::It,
        Language::Pt,
        Language::Nl,
        Language::Pl,
        Language::Uk,
    ];

    /// The languages a v1 meeting file may name (docs/meeting-file.md): v1 stays as it was.
    pub const V1: [Language; 2] = [Language::En, Language::Fr];

    pub fn table(self) -> &'static Table {
        match self {
            Language::En => &en::TABLE,
            Language::Fr => &fr::TABLE,
            Language::De => &de::TABLE,
            Language::Es => &es::TABLE,
            Language::It => &it::TABLE,
            Language::Pt => &pt::TABLE,
            Language::Nl => &nl::TABLE,
            Language::Pl => &pl::TABLE,
            Language::Uk => &uk::TABLE,
        }
    }

    /// Whether a v1 meeting file may name this language.
    pub fn in_v1(self) -> bool {
        Language::V1.contains(&self)
    }

    /// `en, fr`: the languages v1 renders.
    pub fn v1_tags() -> String {
        Language::V1.map(|l| l.tag()).join(", ")
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

    /// The language's name in itself, as a menu of languages shows it.
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "Français",
            Language::De => "Deutsch",
            Language::Es => "Español",
            Language::It => "Italiano",
            Language::Pt => "Português",
            Language::Nl => "Nederlands",
            Language::Pl => "Polski",
            Language::Uk => "Українська",
        }
    }
}

/// What the editor shows of a release language beside the composer's own output: generated into
/// the UI's bindings (`LANGUAGES`, in `Language::ALL`'s order), so the UI never retypes a table.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct LanguageFacts {
    pub tag: Language,
    pub name: &'static str,
    pub open_quote: &'static str,
    pub close_quote: &'static str,
    pub quote_padding: &'static str,
    pub default_verb: &'static str,
}

/// `LanguageFacts` of every release language.
pub fn facts() -> Vec<LanguageFacts> {
    Language::ALL
        .into_iter()
        .map(|l| {
            let t = l.table();
            LanguageFacts {
                tag: l,
                name: l.name(),
                open_quote: t.open_quote,
                close_quote: t.close_quote,
                quote_padding: t.quote_padding,
                default_verb: t.default_verb,
            }
        })
        .collect()
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
                "unsupported language {tag:?}: releases are written in {}",
                Language::supported_tags()
            ))
        })
    }
}

/// A v1 file's `meeting.language`: one of `Language::V1`, refused naming them otherwise.
pub fn deserialize_v1<'de, D: Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
    let tag = String::deserialize(d)?;
    Language::from_tag(&tag)
        .filter(|l| l.in_v1())
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unsupported language {tag:?}: v1 renders {}",
                Language::v1_tags()
            ))
        })
}

// The schema of a v1 file's `meeting.language`: the v1 schema stays as it was (`Language` is en,
// fr), its description included.
/// A release language v1 renders, written as its BCP 47 tag.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Language")]
#[allow(dead_code)] // Only its schema is used.
pub enum V1Language {
    En,
    Fr,
}

/// A piece of a date's pattern (CLDR's long date pattern: `d MMMM y`, `d 'de' MMMM 'de' y`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// The day of the month, then `first_day_suffix` on the first.
    Day,
    /// The month's name (`months` or `months_abbreviated`).
    Month,
    Year,
    Text(&'static str),
}

/// The forms a language's attribution takes when the speaker is a woman, told by the person's
/// pronoun in that language (`Forms.pronoun`) being one of `pronouns` (Polish `ona`, Ukrainian
/// `вона`): the past tense agrees (`powiedziała`, `сказала`). A person without a pronoun takes
/// the table's `default_verb` and `added`.
#[derive(Debug, Clone, Copy)]
pub struct Feminine {
    pub pronouns: &'static [&'static str],
    pub default_verb: &'static str,
    pub added: &'static str,
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
    /// The mark that ends a quote an attribution follows, where the quote ends in no mark of its
    /// own (`,`; Polish writes none and a dash: `„Tekst” – powiedział`).
    pub incise_comma: &'static str,
    /// Whether that comma is written after a quote that ends in `?`, `!` or `…` too (German
    /// `„Kommst du?“, fragte sie`, Spanish `«¿Vienes?», preguntó`); English and French drop it.
    pub comma_after_marks: bool,
    /// After the closing quote mark and its comma, before the attribution (Ukrainian ` —`:
    /// `«Текст», — сказав`; Polish ` –`); empty in most languages.
    pub incise_dash: &'static str,
    /// Whether the full stop of a quote that ends the sentence goes inside the marks (English
    /// `said: “Text.”`, French, German, Dutch) or after them (Spanish `dijo: «Texto».`, Italian,
    /// Portuguese, Polish, Ukrainian).
    pub stop_inside_quotes: bool,
    /// The verb of an attribution that names none (`said`, `a déclaré`).
    pub default_verb: &'static str,
    /// The verb and `added` formula for a woman, in a language whose past tense agrees.
    pub feminine: Option<Feminine>,
    /// Month names as a date writes them (CLDR's format context: Polish `kwietnia`), January
    /// first.
    pub months: [&'static str; 12],
    /// The months as an abbreviated date writes them (`Apr.`, `avr.`; a month too short to
    /// abbreviate as it is: `May`, `mai`), January first.
    pub months_abbreviated: [&'static str; 12],
    /// Written after the day number on the first of a month (`1er`).
    pub first_day_suffix: &'static str,
    /// The order and words of a date (CLDR's long date pattern: `27 de abril de 2018`).
    pub date_pattern: &'static [DatePart],
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
    /// Between an attribution and a quote that is its object (`said that “…”`); a formula that
    /// opens with a comma is written right after the verb (German `sagte, dass „…“`).
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
    /// The line at the top of a release not yet published (`clearance::Status`): draft, ready
    /// for clearance, cleared (`Draft – not for publication`).
    pub status_lines: [&'static str; 3],
    /// Before a correction note's time (`Correction (5 December 2026 10:30): …`).
    pub correction_label: &'static str,
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
    /// Either, with a pronoun: `she said`, `a-t-elle déclaré`, `powiedziała`.
    pub pronoun: Order,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    VerbSubject,
    SubjectVerb,
    /// The verb's first word, the pronoun joined to it, then the rest (`a-t-elle déclaré`).
    Inverted,
    /// The verb alone, the pronoun left out as a language that drops its subjects does
    /// (`«…», ha dichiarato`, `„…” – powiedziała`); the pronoun still makes the verb agree.
    VerbAlone,
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

    /// The date in the table's pattern, the month named from `months`.
    fn date_with(&self, d: NaiveDate, months: &[&str; 12]) -> String {
        use std::fmt::Write;
        let mut out = String::with_capacity(24);
        for part in self.date_pattern {
            match part {
                DatePart::Day => {
                    let _ = write!(out, "{}", d.day());
                    if d.day() == 1 {
                        out.push_str(self.first_day_suffix);
                    }
                }
                DatePart::Month => out.push_str(months[d.month0() as usize]),
                DatePart::Year => {
                    let _ = write!(out, "{}", d.year());
                }
                DatePart::Text(t) => out.push_str(t),
            }
        }
        out
    }

    /// The feminine forms, when `pronoun` (the speaker's, in this language) is one of the
    /// table's feminine pronouns.
    fn feminine_for(&self, pronoun: Option<&str>) -> Option<&Feminine> {
        let pronoun = pronoun?.trim();
        self.feminine.as_ref().filter(|f| {
            f.pronouns
                .iter()
                .any(|p| p.to_lowercase() == pronoun.to_lowercase())
        })
    }

    /// The verb of an attribution that names none, agreeing with a speaker whose pronoun in this
    /// language is `pronoun`.
    pub fn default_verb_for(&self, pronoun: Option<&str>) -> &'static str {
        self.feminine_for(pronoun)
            .map_or(self.default_verb, |f| f.default_verb)
    }

    /// The `added` formula, agreeing with a speaker whose pronoun in this language is `pronoun`.
    pub fn added_for(&self, pronoun: Option<&str>) -> &'static str {
        self.feminine_for(pronoun).map_or(self.added, |f| f.added)
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
        let comma = if ends_in_mark && !self.comma_after_marks {
            ""
        } else {
            self.incise_comma
        };
        let dash = self.incise_dash;
        if self.comma_inside_quotes {
            format!("{open}{pad}{text}{comma}{pad}{close}{dash}")
        } else {
            format!("{open}{pad}{text}{pad}{close}{comma}{dash}")
        }
    }

    /// The quote ending the sentence an attribution before it opened: `“Text.”`, `« Texte. »`,
    /// `«Texto».` (a full stop added unless the text ends in `?`, `!`, `…`; inside the marks or
    /// after them, by `stop_inside_quotes`).
    pub fn quoted_ending(&self, text: &str) -> String {
        let (pad, open, close) = (self.quote_padding, self.open_quote, self.close_quote);
        if !self.stop_inside_quotes {
            let text = drop_full_stop(text);
            let stop = if text.ends_with(['?', '!', '…', '.']) {
                ""
            } else {
                "."
            };
            return format!("{open}{pad}{text}{pad}{close}{stop}");
        }
        let stop = if text.ends_with(['?', '!', '…', '.']) {
            ""
        } else {
            "."
        };
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
