//! House style: the choices an organisation makes where a language allows more than one way
//! (docs/meeting-file-v2.md, "House style"). Every option's default is what a release without a
//! style prints, so an organisation without one reads exactly as before.
//!
//! The options are language-neutral; what each means in a language is that language's `Table`
//! (its abbreviated months, which marks take a narrow space, whether it writes `21 h 11`). The
//! composer applies the style once, to the release it has composed (`v2::compose`).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Table, NBSP};

/// The narrow no-break space (U+202F) the Imprimerie nationale puts before `; ! ?`.
pub const NARROW_NBSP: char = '\u{202f}';

/// An organisation's house style. Every field is optional; absent, it is the default: what a
/// release without a style prints.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(deny_unknown_fields)]
pub struct HouseStyle {
    /// Apostrophes typed in the release's text and in the language's formulae.
    #[serde(default, skip_serializing_if = "is_default")]
    pub apostrophe: Apostrophe,
    /// The space before `; : ! ?` and inside `« »`, in a French release.
    #[serde(default, skip_serializing_if = "is_default")]
    pub french_spacing: FrenchSpacing,
    /// How dates read: `27 April 2018` or `27 Apr. 2018`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub date: DateForm,
    /// How times read: `21:11` or, in French, `21 h 11`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub time: TimeForm,
    /// How the dateline names its place: `BRUSSELS` or `Brussels`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub dateline_place: PlaceForm,
}

impl HouseStyle {
    pub fn is_default(&self) -> bool {
        *self == HouseStyle::default()
    }
}

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

/// Apostrophes: `l'OTAN` or `l’OTAN`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(rename_all = "kebab-case")]
pub enum Apostrophe {
    /// As typed, and the language's formulae as its table writes them (`Et d'ajouter`).
    #[default]
    AsTyped,
    /// `'` (U+0027): `l'OTAN`.
    Straight,
    /// `’` (U+2019): `l’OTAN`.
    Curly,
}

/// The space before `; : ! ?` and inside `« »` in French.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(rename_all = "kebab-case")]
pub enum FrenchSpacing {
    /// A no-break space (U+00A0) before `; : ! ?` and inside `« »`: an ordinary space typed there
    /// becomes one.
    #[default]
    Nbsp,
    /// The Imprimerie nationale's: a narrow no-break space (U+202F) before `; ! ?`, a no-break
    /// space before `:` and inside `« »`.
    Narrow,
    /// The EU's (Interinstitutional Style Guide, 6.4): no space before `; : ! ?` nor inside `« »`.
    None,
}

/// How a date reads.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(rename_all = "kebab-case")]
pub enum DateForm {
    /// `27 April 2018`, `27 avril 2018`.
    #[default]
    Long,
    /// `27 Apr. 2018`, `27 avr. 2018`: the language's standard abbreviations of the months.
    Abbreviated,
}

/// How a time reads.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
pub enum TimeForm {
    /// `21:11`.
    #[default]
    #[serde(rename = "24h")]
    H24,
    /// `21 h 11`, `18 h` in French; a language without that form (English) keeps `21:11`.
    #[serde(rename = "h")]
    H,
}

/// How the dateline names its place.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type,
)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceForm {
    /// In capitals: `BRUSSELS`.
    #[default]
    Upper,
    /// As typed: `Brussels`.
    AsTyped,
}

impl Table {
    /// `27 April 2018` or `27 Apr. 2018`; `1er avril 2018` or `1er avr. 2018`.
    pub fn date_in(&self, d: NaiveDate, form: DateForm) -> String {
        match form {
            DateForm::Long => self.date(d),
            DateForm::Abbreviated => self.date_with(d, &self.months_abbreviated),
        }
    }

    /// `21:11`, or the language's `h` form (`21 h 11`, on the hour `18 h`) when it has one.
    pub fn time_in(&self, t: NaiveTime, form: TimeForm) -> String {
        match (form, self.hour_mark) {
            (TimeForm::H, Some(h)) if t.minute() == 0 => format!("{}{NBSP}{h}", t.hour()),
            (TimeForm::H, Some(h)) => {
                format!("{}{NBSP}{h}{NBSP}{:02}", t.hour(), t.minute())
            }
            _ => t.format("%H:%M").to_string(),
        }
    }

    /// The date and the time in the style's forms (`date_time` in the default ones).
    pub fn date_time_in(&self, t: NaiveDateTime, style: &HouseStyle) -> String {
        format!(
            "{} {}",
            self.date_in(t.date(), style.date),
            self.time_in(t.time(), style.time)
        )
    }

    /// The space before `mark`, or inside a guillemet, under `spacing`; `None` when the language
    /// has no rule for it, or under the default, whose rule is `Table::space` (applied as the
    /// release is composed).
    fn spacing_for(&self, spacing: FrenchSpacing, mark: char) -> Option<&'static str> {
        let wide = match spacing {
            FrenchSpacing::Nbsp => return None,
            FrenchSpacing::Narrow => "\u{a0}",
            FrenchSpacing::None => "",
        };
        Some(if self.narrow_before.contains(&mark) {
            match spacing {
                FrenchSpacing::Narrow => "\u{202f}",
                _ => "",
            }
        } else {
            wide
        })
    }

    /// Whether `style` changes anything in a text of this language (dates and places aside).
    fn restyles(&self, style: &HouseStyle) -> bool {
        style.apostrophe != Apostrophe::AsTyped
            || (style.french_spacing != FrenchSpacing::Nbsp
                && !(self.nbsp_before.is_empty() && self.nbsp_after.is_empty()))
    }

    /// `texts`, which read as one text in a row (the segments of a paragraph: what is before and
    /// after each counts), in `style`'s apostrophes and this language's spacing under it.
    ///
    /// Spacing (a language with the rule, and a style other than the default): the spaces
    /// (ordinary, no-break, narrow) right before a mark of `nbsp_before`, or right after one of
    /// `nbsp_after`, become the style's space — one, or none. A space is never added.
    ///
    /// Apostrophes: a `'` or `’` between two letters or digits (`l'OTAN`, `aujourd'hui`,
    /// `don't`), or ending a word (`ministers'`), is an apostrophe and takes the style's mark;
    /// a `’` opening a word too (`’90s`). Left as typed: a mark that closes a single quotation
    /// opened earlier in the text (by `‘`, or by a `'` opening a word, which cannot be told from
    /// an elision and is left as typed too), and anything in an address (a word holding `://`
    /// or `@`, or starting with `www.` or `mailto:`).
    pub fn restyle(&self, style: &HouseStyle, texts: &mut [&mut String]) {
        if !self.restyles(style) {
            return;
        }
        let chars: Vec<(usize, char)> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.chars().map(move |c| (i, c)))
            .collect();
        let address = addresses(&chars);
        let mut out: Vec<String> = texts
            .iter()
            .map(|t| String::with_capacity(t.len()))
            .collect();
        let is_space = |c: char| c == ' ' || c == NBSP || c == NARROW_NBSP;
        let alnum = |i: Option<usize>| {
            i.and_then(|i| chars.get(i))
                .is_some_and(|c| c.1.is_alphanumeric())
        };
        let mut quoting = false;
        let mut i = 0;
        while i < chars.len() {
            let (piece, c) = chars[i];
            if is_space(c) {
                let end = (i..chars.len())
                    .find(|&j| !is_space(chars[j].1))
                    .unwrap_or(chars.len());
                let before = chars
                    .get(end)
                    .map(|c| c.1)
                    .filter(|m| self.nbsp_before.contains(m));
                let after = i
                    .checked_sub(1)
                    .map(|p| chars[p].1)
                    .filter(|m| self.nbsp_after.contains(m));
                let space = before
                    .or(after)
                    .and_then(|m| self.spacing_for(style.french_spacing, m));
                match space {
                    Some(space) => {
                        out[piece].push_str(space);
                        i = end;
                    }
                    None => {
                        out[piece].push(c);
                        i += 1;
                    }
                }
                continue;
            }
            let mark = match style.apostrophe {
                Apostrophe::AsTyped => None,
                Apostrophe::Straight => Some('\''),
                Apostrophe::Curly => Some('\u{2019}'),
            };
            let c = match mark {
                Some(_) if address[i] => c,
                Some(_) if c == '\u{2018}' => {
                    quoting = true;
                    c
                }
                Some(mark) if c == '\'' || c == '\u{2019}' => {
                    let (after_word, before_word) = (alnum(i.checked_sub(1)), alnum(Some(i + 1)));
                    match (after_word, before_word) {
                        (true, true) => mark,
                        (_, false) if quoting => {
                            quoting = false;
                            c
                        }
                        (true, false) => mark,
                        (false, true) if c == '\u{2019}' => mark,
                        (false, true) => {
                            quoting = true;
                            c
                        }
                        (false, false) => c,
                    }
                }
                _ => c,
            };
            out[piece].push(c);
            i += 1;
        }
        for (t, o) in texts.iter_mut().zip(out) {
            **t = o;
        }
    }
}

/// For each character, whether it is in an address: a word (between white space) holding `://`
/// or `@`, or starting with `www.` or `mailto:` (in any case).
fn addresses(chars: &[(usize, char)]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    let mut start = 0;
    while start < chars.len() {
        if chars[start].1.is_whitespace() {
            start += 1;
            continue;
        }
        let end = (start..chars.len())
            .find(|&j| chars[j].1.is_whitespace())
            .unwrap_or(chars.len());
        let word: String = chars[start..end].iter().map(|c| c.1).collect();
        let lower = word.to_lowercase();
        if word.contains("://")
            || word.contains('@')
            || lower.starts_with("www.")
            || lower.starts_with("mailto:")
        {
            out[start..end].iter_mut().for_each(|a| *a = true);
        }
        start = end;
    }
    out
}
