//! From a meeting to the release's words (docs/meeting-file.md, "Composing the release"): a pure
//! function, no I/O, no clock.
//!
//! `compose` decides everything a reader sees — which paragraphs, in which order, how each quote
//! is attributed, the language's spacing, how dates read — and the renderers only dress the result
//! in HTML or Markdown. Private things (notes, items and quotes kept out) stop here: nothing in
//! `Composed` comes from them, so no renderer can leak them.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::lang::{Language, Table};
use crate::model::{Form, Meeting, Published};
use crate::serde_forms::{format_date, format_datetime};

/// The release, ready to render: every string is final text (spaced, not yet escaped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub language: Language,
    pub headline: String,
    pub organisation: Option<String>,
    pub meeting_title: String,
    pub location: Option<String>,
    pub published: Option<Moment>,
    pub updated: Option<Moment>,
    /// Lead, one per agenda item in the release, closing; never empty strings.
    pub paragraphs: Vec<String>,
    pub captions: Vec<Caption>,
}

/// A point in time as the release shows it: machine form for `<time datetime>` and JSON-LD,
/// reader form for the dateline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub iso: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    pub text: String,
    /// Set only when the caption's language differs from the release's.
    pub language: Option<String>,
    pub credit: Option<String>,
    /// `Photo:` in the caption's language where known, else the release's.
    pub label: &'static str,
}

impl Composed {
    pub fn table(&self) -> &'static Table {
        self.language.table()
    }

    /// `1 March 2025 · Updated: 1 March 2025 18:05`, or `None` when the release has neither date.
    pub fn dateline(&self) -> Option<String> {
        let updated = self
            .updated
            .as_ref()
            .map(|u| format!("{} {}", self.table().updated_label, u.text));
        match (&self.published, updated) {
            (Some(p), Some(u)) => Some(format!("{} · {u}", p.text)),
            (Some(p), None) => Some(p.text.clone()),
            (None, Some(u)) => Some(u),
            (None, None) => None,
        }
    }
}

pub fn compose(m: &Meeting) -> Composed {
    let table = m.info.language.table();
    let zone = m.info.zone();
    let release = m.release.clone().unwrap_or_default();
    let text = |s: &str| table.space(&tidy(s));

    let mut paragraphs = Vec::with_capacity(m.agenda.len() + 2);
    let lead = text(&release.lead);
    if !lead.is_empty() {
        paragraphs.push(lead);
    }
    let mut named = HashSet::new();
    for item in m.agenda.iter().filter(|i| i.in_release) {
        let mut parts = Vec::with_capacity(1 + item.quotes.len());
        let summary = text(&item.summary);
        if !summary.is_empty() {
            parts.push(summary);
        }
        for q in item.quotes.iter().filter(|q| q.in_release) {
            let quoted = text(&q.text);
            // A quote captured before its words were typed has nothing to say yet.
            if quoted.is_empty() {
                continue;
            }
            // Validation guarantees the speaker exists; a model built by hand that breaks this
            // loses the attribution rather than the paragraph.
            let Some(person) = m.people.iter().find(|p| p.id == q.speaker) else {
                continue;
            };
            let first_reference = named.insert(person.id.as_str());
            let form = q.form.unwrap_or(if first_reference {
                Form::Full
            } else {
                Form::Short
            });
            let verb = q
                .verb
                .as_deref()
                .map(tidy)
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| table.default_verb.to_owned());
            let name = text(person.form(form));
            parts.push(table.attribute(&quoted, &table.space(&verb), &name));
        }
        if !parts.is_empty() {
            paragraphs.push(parts.join(" "));
        }
    }
    let closing = text(&release.closing);
    if !closing.is_empty() {
        paragraphs.push(closing);
    }

    let headline = match text(&release.headline) {
        h if h.is_empty() => text(&m.info.title),
        h => h,
    };
    let captions = release
        .photos
        .iter()
        .filter(|p| !p.caption.trim().is_empty())
        .map(|p| {
            let own = p.language.as_deref().and_then(Language::from_tag);
            let caption_table = own.map_or(table, Language::table);
            Caption {
                text: caption_table.space(&tidy(&p.caption)),
                language: p.language.clone().filter(|l| l != table.tag),
                credit: p.credit.as_deref().map(tidy).filter(|c| !c.is_empty()),
                label: caption_table.photo_label,
            }
        })
        .collect();

    Composed {
        language: m.info.language,
        headline,
        organisation: m
            .info
            .organisation
            .as_deref()
            .map(tidy)
            .filter(|s| !s.is_empty()),
        meeting_title: tidy(&m.info.title),
        location: m
            .info
            .location
            .as_deref()
            .map(tidy)
            .filter(|s| !s.is_empty()),
        published: release.published.map(|p| match p {
            Published::Date(d) => date_moment(table, d),
            Published::At(t) => Moment {
                iso: format_datetime(&in_zone(t, zone)),
                text: table.date(t.with_timezone(&zone).date_naive()),
            },
        }),
        updated: release.updated.map(|t| Moment {
            iso: format_datetime(&in_zone(t, zone)),
            text: table.date_time(t.with_timezone(&zone).naive_local()),
        }),
        paragraphs,
        captions,
    }
}

fn date_moment(table: &Table, d: NaiveDate) -> Moment {
    Moment {
        iso: format_date(d),
        text: table.date(d),
    }
}

/// The same instant, written with the meeting zone's offset (`17:05Z` → `18:05+01:00`).
fn in_zone(t: DateTime<FixedOffset>, zone: chrono_tz::Tz) -> DateTime<FixedOffset> {
    t.with_timezone(&zone).fixed_offset()
}

/// A release paragraph is one line: leading and trailing white space goes, and each run of
/// ASCII white space (line breaks, tabs, double spaces) becomes one space. Other spaces the user
/// chose (no-break, thin) are kept.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.trim_matches(|c: char| c.is_ascii_whitespace()).chars() {
        if c.is_ascii_whitespace() {
            pending_space = true;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
