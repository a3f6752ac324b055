//! Language versions: a release translated from another release of the same meeting
//! (docs/meeting-file-v2.md, "Language versions").
//!
//! A translated release carries `translation`: the language it is translated from and, for each
//! of its texts (a headline, a block, a caption, a quote's words, …), whether it is translated and
//! the source text it was translated from, written as a *segment*: the source's words with its
//! spans as placeholders (`{@ana}`, `{quote:q1}`, `{link:https://…}…{/link}`). A text is
//! *outdated* when the source's segment today differs from the one recorded: editing the source
//! never touches a translation, and marks exactly the texts whose source changed. A segment keeps
//! what a translation must follow (the words, who is named, which quote is placed, where a link
//! goes) and leaves out what each language chooses for itself (a quote's attribution order, its
//! verb, a person's form).
//!
//! Every function here is pure: the store and the app call them and keep the result.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Block, MeetingV2, Release, Run, Runs};
use crate::lang::Language;

/// What a translated release records of its source (`releases[].translation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The language of the release this one is translated from.
    pub of: Language,
    /// Per text (its key: `headline`, `block:p1`, `quote:q1`, …), its state and the source it was
    /// made from.
    #[serde(default)]
    pub texts: BTreeMap<String, TextRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct TextRecord {
    pub status: Recorded,
    /// The source's segment when the text was copied (`to-translate`) or translated.
    pub source: String,
}

/// What was recorded of a text: copied from its source and not translated yet, or translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum Recorded {
    ToTranslate,
    Translated,
}

/// A text's state in a translated release, as the app and the CLI show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Translated,
    ToTranslate,
    /// Translated, then its source changed (or the source no longer has it).
    Outdated,
}

/// One text of a translated release, beside its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct TextState {
    pub key: String,
    /// What the text is, for a person: `Headline`, `Paragraph p1`, `Quote q1 (Ana Ruiz)`.
    pub label: String,
    pub status: Status,
    /// The source's segment today (empty: the source no longer has this text).
    pub source: String,
    /// The translation's segment today (absent: the translation has no such text yet).
    pub target: Option<String>,
    /// For an outdated text, the source it was translated from.
    pub was: Option<String>,
    /// The same three as a reader reads them (`readable`): a person by name, a quote by its
    /// words in marks, a link by its phrase.
    pub source_text: String,
    pub target_text: Option<String>,
    pub was_text: Option<String>,
    /// For an outdated text, the source's change since (`was_text` → `source_text`), word by
    /// word.
    pub change: Vec<crate::diff::Segment>,
    /// What the translation says differently from its source and should not: its numbers, the
    /// people it names, the quotes it places, the addresses it links (`consistency`).
    pub checks: Vec<String>,
}

/// How far a release is translated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct VersionStatus {
    pub language: Language,
    /// Absent: an original (not translated from another release).
    pub of: Option<Language>,
    pub translated: u32,
    pub to_translate: u32,
    pub outdated: u32,
}

impl VersionStatus {
    /// Every text translated from its source as it reads today.
    pub fn is_complete(&self) -> bool {
        self.to_translate == 0 && self.outdated == 0
    }
}

/// A text of a release (or of the meeting, in a release's language): what can be translated.
#[derive(Debug, Clone)]
pub struct Unit<'m> {
    pub key: String,
    pub label: String,
    pub text: UnitText<'m>,
}

#[derive(Debug, Clone)]
pub enum UnitText<'m> {
    /// Text with spans.
    Runs(&'m Runs),
    /// Several texts of one block, in order (a list's entries; a statement's intro and
    /// paragraphs), one a line.
    Lines(Vec<&'m Runs>),
    /// A plain string (a label, a place, a quote's words, a role).
    Plain(&'m str),
}

impl UnitText<'_> {
    pub fn segment(&self) -> String {
        match self {
            UnitText::Runs(runs) => segment(runs),
            UnitText::Lines(lines) => lines
                .iter()
                .map(|r| segment(r))
                .collect::<Vec<_>>()
                .join("\n"),
            UnitText::Plain(s) => escaped(s),
        }
    }
}

/// A text with spans as one string: its words as typed (`\`, `{`, `}` and line breaks escaped)
/// and its spans as placeholders: `{@person}`, `{quote:id}` (with a clause:
/// `{quote:id}clause{/quote}`), `{link:href}phrase{/link}`.
pub fn segment(runs: &Runs) -> String {
    let mut out = String::new();
    write_segment(&mut out, runs);
    out
}

fn write_segment(out: &mut String, runs: &Runs) {
    for run in runs {
        match run {
            Run::Text(t) => out.push_str(&escaped(t)),
            Run::Mention { person, .. } => {
                let _ = write!(out, "{{@{}}}", escaped(person));
            }
            Run::Quote(q) => {
                let _ = write!(out, "{{quote:{}}}", escaped(&q.quote));
                if let Some(clause) = &q.clause {
                    write_segment(out, clause);
                    out.push_str("{/quote}");
                }
            }
            Run::Link { href, text } => {
                let _ = write!(out, "{{link:{}}}", escaped(href));
                for t in text {
                    out.push_str(&escaped(t));
                }
                out.push_str("{/link}");
            }
        }
    }
}

fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// The texts of the release in `language`, in reading order, with the meeting's texts it prints
/// in that language (the words of the quotes it places, the roles of the people it names, its
/// organisation's name and boilerplate). (A quote said in a translation's language is no text of
/// that translation: `quote_original_in`.)
pub fn units(m: &MeetingV2, language: Language) -> Vec<Unit<'_>> {
    let Some(r) = m.release(language) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    release_units(m, r, &mut out);
    let placed = placed_quotes(m, r);
    for item in &m.agenda {
        for q in &item.quotes {
            // Off the record, a quote is in no release: never a text to hand to a translator.
            if !placed.contains(q.id.as_str()) || !q.in_release {
                continue;
            }
            if let Some(words) = q.words.get(&language) {
                let who = m.person(&q.speaker).map_or(q.speaker.as_str(), |p| &p.name);
                out.push(Unit {
                    key: format!("quote:{}", q.id),
                    label: format!("Quote {} ({who})", q.id),
                    text: UnitText::Plain(words),
                });
            }
        }
    }
    let named = named_people(m, r);
    for p in &m.people {
        if !named.contains(p.id.as_str()) {
            continue;
        }
        let Some(forms) = p.forms.get(&language) else {
            continue;
        };
        for (kind, what, form) in [
            ("full", "Full name", &forms.full),
            ("short", "Short name", &forms.short),
            ("role", "Role", &forms.role),
            ("pronoun", "Pronoun", &forms.pronoun),
        ] {
            if let Some(text) = form.as_deref() {
                out.push(Unit {
                    key: format!("{kind}:{}", p.id),
                    label: format!("{what} of {}", p.name),
                    text: UnitText::Plain(text),
                });
            }
        }
    }
    if let Some(org) = m
        .info
        .organisation
        .as_deref()
        .and_then(|id| m.organisations.iter().find(|o| o.id == id))
    {
        if let Some(name) = org.name.get(&language) {
            out.push(Unit {
                key: "organisation".into(),
                label: "Organisation's name".into(),
                text: UnitText::Plain(name),
            });
        }
        if let Some(blocks) = org.boilerplate.get(&language) {
            for b in blocks {
                if let Some(text) = block_text(b) {
                    out.push(Unit {
                        key: format!("boilerplate:{}", b.id()),
                        label: format!("Boilerplate {}", b.id()),
                        text,
                    });
                }
            }
        }
    }
    out
}

/// A key `units` may give: what `translation.texts` may name.
pub fn is_text_key(key: &str) -> bool {
    matches!(
        key,
        "label" | "headline" | "deck" | "place" | "organisation"
    ) || [
        "block:",
        "heading:",
        "caption:",
        "alt:",
        "quote:",
        "full:",
        "short:",
        "role:",
        "pronoun:",
        "boilerplate:",
        "correction:",
    ]
    .iter()
    .any(|p| key.strip_prefix(p).is_some_and(|id| !id.is_empty()))
}

/// Whether agenda item `id`'s part reaches the release (an item kept out of it is private).
fn published(m: &MeetingV2, id: &str) -> bool {
    m.item(id).is_some_and(|i| i.in_release)
}

fn release_units<'m>(m: &MeetingV2, r: &'m Release, out: &mut Vec<Unit<'m>>) {
    let mut push = |key: String, label: String, text: UnitText<'m>| {
        out.push(Unit { key, label, text });
    };
    if let Some(label) = &r.label {
        push("label".into(), "Label".into(), UnitText::Plain(label));
    }
    if !r.headline.is_empty() {
        push(
            "headline".into(),
            "Headline".into(),
            UnitText::Runs(&r.headline),
        );
    }
    if !r.deck.is_empty() {
        push("deck".into(), "Deck".into(), UnitText::Runs(&r.deck));
    }
    if let Some(place) = &r.dateline.place {
        push(
            "place".into(),
            "Dateline place".into(),
            UnitText::Plain(place),
        );
    }
    let blocks = |blocks: &'m [Block], push: &mut dyn FnMut(String, String, UnitText<'m>)| {
        for b in blocks {
            if let Some(text) = block_text(b) {
                push(format!("block:{}", b.id()), block_label(b), text);
            }
        }
    };
    photo_units(r, PhotoAt::BeforeLead, &mut push);
    blocks(&r.lead, &mut push);
    photo_units(r, PhotoAt::AfterLead, &mut push);
    for part in r.items.iter().filter(|p| published(m, &p.item)) {
        if let Some(h) = &part.heading {
            push(
                format!("heading:{}", part.item),
                format!("Sub-heading of item {}", part.item),
                UnitText::Runs(h),
            );
        }
        blocks(&part.blocks, &mut push);
    }
    blocks(&r.closing, &mut push);
    photo_units(r, PhotoAt::End, &mut push);
    blocks(&r.contact, &mut push);
    blocks(&r.notes_to_editors, &mut push);
    for (i, c) in r.corrections.iter().enumerate() {
        push(
            format!("correction:{}", i + 1),
            format!("Correction {}", i + 1),
            UnitText::Runs(&c.text),
        );
    }
}

#[derive(Clone, Copy)]
enum PhotoAt {
    BeforeLead,
    AfterLead,
    End,
}

fn photo_units<'m>(
    r: &'m Release,
    at: PhotoAt,
    push: &mut dyn FnMut(String, String, UnitText<'m>),
) {
    use super::PhotoPosition as P;
    for p in &r.photos {
        let here = matches!(
            (at, p.position),
            (PhotoAt::BeforeLead, P::BeforeLead)
                | (PhotoAt::AfterLead, P::AfterLead)
                | (PhotoAt::End, P::End)
        );
        if here && !p.caption.is_empty() {
            push(
                format!("caption:{}", p.id),
                format!("Caption of photo {}", p.id),
                UnitText::Runs(&p.caption),
            );
        }
        if let Some(alt) = p.alt.as_deref().filter(|a| here && !a.trim().is_empty()) {
            push(
                format!("alt:{}", p.id),
                format!("Alt text of photo {}", p.id),
                UnitText::Plain(alt),
            );
        }
    }
}

fn block_text(b: &Block) -> Option<UnitText<'_>> {
    match b {
        Block::Paragraph { runs, .. } | Block::Heading { runs, .. } => Some(UnitText::Runs(runs)),
        Block::List { entries, .. } => Some(UnitText::Lines(entries.iter().collect())),
        Block::Blockquote { byline, .. } => byline.as_ref().map(UnitText::Runs),
        Block::Statement {
            intro, paragraphs, ..
        } => Some(UnitText::Lines(
            std::iter::once(intro).chain(paragraphs).collect(),
        )),
    }
}

fn block_label(b: &Block) -> String {
    let kind = match b {
        Block::Paragraph { .. } => "Paragraph",
        Block::Heading { .. } => "Sub-heading",
        Block::List { .. } => "List",
        Block::Blockquote { .. } => "Byline of block quote",
        Block::Statement { .. } => "Statement",
    };
    format!("{kind} {}", b.id())
}

/// Every run of a release, spans' clauses included, and every block quote's quote.
/// (`parts`: which agenda items' parts to walk.)
pub(super) fn each_run_of(r: &Release, parts: &dyn Fn(&str) -> bool, f: &mut dyn FnMut(&Run)) {
    fn runs(rs: &Runs, f: &mut dyn FnMut(&Run)) {
        for run in rs {
            f(run);
            if let Run::Quote(q) = run {
                if let Some(c) = &q.clause {
                    runs(c, f);
                }
            }
        }
    }
    fn blocks(bs: &[Block], f: &mut dyn FnMut(&Run)) {
        for b in bs {
            match b {
                Block::Paragraph { runs: r, .. } | Block::Heading { runs: r, .. } => runs(r, f),
                Block::List { entries, .. } => entries.iter().for_each(|e| runs(e, f)),
                Block::Blockquote { quote, byline, .. } => {
                    f(&Run::Quote(super::QuoteSpan {
                        quote: quote.clone(),
                        ..Default::default()
                    }));
                    if let Some(b) = byline {
                        runs(b, f);
                    }
                }
                Block::Statement {
                    intro, paragraphs, ..
                } => {
                    runs(intro, f);
                    paragraphs.iter().for_each(|p| runs(p, f));
                }
            }
        }
    }
    runs(&r.headline, f);
    runs(&r.deck, f);
    blocks(&r.lead, f);
    for part in r.items.iter().filter(|p| parts(&p.item)) {
        if let Some(h) = &part.heading {
            runs(h, f);
        }
        blocks(&part.blocks, f);
    }
    blocks(&r.closing, f);
    for p in &r.photos {
        runs(&p.caption, f);
    }
    blocks(&r.contact, f);
    blocks(&r.notes_to_editors, f);
}

/// The quotes a release places in what it publishes.
fn placed_quotes(m: &MeetingV2, r: &Release) -> HashSet<String> {
    let mut out = HashSet::new();
    each_run_of(r, &|id| published(m, id), &mut |run| {
        if let Run::Quote(q) = run {
            out.insert(q.quote.clone());
        }
    });
    out
}

/// The people a release names: in a mention, or as the speaker of a quote it places.
fn named_people(m: &MeetingV2, r: &Release) -> HashSet<String> {
    let mut out = HashSet::new();
    each_run_of(r, &|id| published(m, id), &mut |run| match run {
        Run::Mention { person, .. } => {
            out.insert(person.clone());
        }
        Run::Quote(q) => {
            if let Some((_, quote)) = m.quote(&q.quote) {
                out.insert(quote.speaker.clone());
            }
        }
        _ => {}
    });
    out
}

/// The state of each text of the release in `language`, in reading order, with the texts its
/// source has and it lacks, and the recorded texts whose source is gone. `None` when that release
/// is not a translation.
pub fn states(m: &MeetingV2, language: Language) -> Option<Vec<TextState>> {
    let translation = m.release(language)?.translation.as_ref()?;
    let langs = Reading {
        m,
        of: translation.of,
        to: language,
    };
    let source: Vec<(String, String, String)> = units(m, translation.of)
        .into_iter()
        .filter(|u| !quote_original_in(m, &u.key, language))
        .map(|u| (u.key, u.label, u.text.segment()))
        .collect();
    let target: BTreeMap<String, String> = units(m, language)
        .into_iter()
        .map(|u| {
            let s = u.text.segment();
            (u.key, s)
        })
        .collect();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (key, label, src) in source {
        seen.insert(key.clone());
        let record = translation.texts.get(&key);
        let (status, was) = match record {
            Some(TextRecord {
                status: Recorded::Translated,
                source,
            }) if *source == src => (Status::Translated, None),
            Some(TextRecord {
                status: Recorded::Translated,
                source,
            }) => (Status::Outdated, Some(source.clone())),
            _ => (Status::ToTranslate, None),
        };
        out.push(state(
            &langs,
            key.clone(),
            label,
            status,
            src,
            target.get(&key),
            was,
        ));
    }
    for (key, record) in &translation.texts {
        if seen.contains(key) || record.status != Recorded::Translated {
            continue;
        }
        if let Some(t) = target.get(key) {
            out.push(state(
                &langs,
                key.clone(),
                key.clone(),
                Status::Outdated,
                String::new(),
                Some(t),
                Some(record.source.clone()),
            ));
        }
    }
    Some(out)
}

/// A quote said in `language` is no text of that language's translation.
fn quote_original_in(m: &MeetingV2, key: &str, language: Language) -> bool {
    key.strip_prefix("quote:")
        .and_then(|id| m.quote(id))
        .is_some_and(|(_, q)| q.original == Some(language))
}

/// A translation being read: its meeting, its source's language and its own.
struct Reading<'m> {
    m: &'m MeetingV2,
    of: Language,
    to: Language,
}

fn state(
    l: &Reading<'_>,
    key: String,
    label: String,
    status: Status,
    source: String,
    target: Option<&String>,
    was: Option<String>,
) -> TextState {
    let m = l.m;
    let source_text = readable(m, l.of, &source);
    let was_text = was.as_deref().map(|w| readable(m, l.of, w));
    let change = match &was_text {
        Some(was) => diff(was, &source_text),
        None => Vec::new(),
    };
    let checks = match target {
        Some(t) if !source.is_empty() => consistency(m, &source, t),
        _ => Vec::new(),
    };
    TextState {
        checks,
        key,
        label,
        status,
        target_text: target.map(|t| readable(m, l.to, t)),
        source,
        target: target.cloned(),
        was,
        source_text,
        was_text,
        change,
    }
}

/// What a translation (`target`, a segment) says differently from its source and should not: the
/// numbers in its words (compared by their digits, so `8.5` and `8,5`, `1,000` and `1 000`
/// agree), the people it names, the quotes it places, the addresses it links. One message each.
pub fn consistency(m: &MeetingV2, source: &str, target: &str) -> Vec<String> {
    let (s, t) = (Parts::of(source), Parts::of(target));
    let mut out = Vec::new();
    let list = |v: &[String]| v.join(", ");
    if s.numbers != t.numbers {
        out.push(format!(
            "numbers differ: {} in the source, {} here",
            or_none(&list(&s.numbers)),
            or_none(&list(&t.numbers))
        ));
    }
    let name = |id: &String| m.person(id).map_or(id.clone(), |p| p.name.clone());
    for (what, a, b) in [
        ("names", &s.people, &t.people),
        ("quotes", &s.quotes, &t.quotes),
        ("links", &s.links, &t.links),
    ] {
        if a == b {
            continue;
        }
        let shown = |v: &Vec<String>| {
            let v: Vec<String> = if what == "names" {
                v.iter().map(name).collect()
            } else {
                v.clone()
            };
            or_none(&list(&v))
        };
        out.push(format!(
            "{what} differ: {} in the source, {} here",
            shown(a),
            shown(b)
        ));
    }
    out
}

fn or_none(s: &str) -> String {
    if s.is_empty() {
        "none".into()
    } else {
        s.to_owned()
    }
}

/// What `consistency` compares in a segment, each list sorted.
#[derive(Default)]
struct Parts {
    numbers: Vec<String>,
    people: Vec<String>,
    quotes: Vec<String>,
    links: Vec<String>,
}

impl Parts {
    fn of(segment: &str) -> Parts {
        let mut p = Parts::default();
        let mut number = String::new();
        let mut pending_sep = false;
        let mut chars = segment.chars().peekable();
        let end_number = |number: &mut String, p: &mut Parts| {
            if !number.is_empty() {
                p.numbers.push(std::mem::take(number));
            }
        };
        while let Some(c) = chars.next() {
            match c {
                '0'..='9' => {
                    number.push(c);
                    pending_sep = false;
                }
                // A separator inside a number (`1,000`, `1 000`, `8.5`, `8,5`).
                '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\''
                    if !number.is_empty()
                        && !pending_sep
                        && chars.peek().is_some_and(char::is_ascii_digit) =>
                {
                    pending_sep = true;
                }
                '\\' => {
                    end_number(&mut number, &mut p);
                    chars.next();
                }
                '{' => {
                    end_number(&mut number, &mut p);
                    let mut tag = String::new();
                    for c in chars.by_ref() {
                        if c == '}' {
                            break;
                        }
                        tag.push(c);
                    }
                    if let Some(id) = tag.strip_prefix('@') {
                        p.people.push(id.to_owned());
                    } else if let Some(id) = tag.strip_prefix("quote:") {
                        p.quotes.push(id.to_owned());
                    } else if let Some(href) = tag.strip_prefix("link:") {
                        p.links.push(href.to_owned());
                    }
                }
                _ => {
                    end_number(&mut number, &mut p);
                    pending_sep = false;
                }
            }
        }
        end_number(&mut number, &mut p);
        for v in [&mut p.numbers, &mut p.people, &mut p.quotes, &mut p.links] {
            v.sort();
        }
        p
    }
}

/// A segment as a reader reads it, in `language`: a mention by the person's name, a quote by
/// its words in that language in its marks (`“…”`, `« … »`), a link by its phrase; escapes
/// undone.
pub fn readable(m: &MeetingV2, language: Language, segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            '{' => {
                let mut tag = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    tag.push(c);
                }
                if let Some(person) = tag.strip_prefix('@') {
                    out.push_str(m.person(person).map_or(person, |p| p.name.as_str()));
                } else if let Some(id) = tag.strip_prefix("quote:") {
                    let words = m.quote(id).and_then(|(_, q)| {
                        q.words
                            .get(&language)
                            .or_else(|| q.original.and_then(|o| q.words.get(&o)))
                    });
                    let t = language.table();
                    out.push_str(t.open_quote);
                    out.push_str(t.quote_padding);
                    out.push_str(words.map_or(id, String::as_str));
                    out.push_str(t.quote_padding);
                    out.push_str(t.close_quote);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Word by word, what changed from `old` to `new` (rewritten altogether: all of `old` removed,
/// all of `new` added).
pub fn diff(old: &str, new: &str) -> Vec<crate::diff::Segment> {
    use crate::diff::{Edit, Segment};
    crate::diff::words(old, new).unwrap_or_else(|| {
        [(Edit::Removed, old), (Edit::Added, new)]
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(kind, text)| Segment {
                kind,
                text: text.to_owned(),
            })
            .collect()
    })
}

/// The release in `language`'s other versions: the one it is translated from, and those
/// translated from it (none, for a release that is no part of a translation).
pub fn versions(m: &MeetingV2, language: Language) -> crate::compose::Versions {
    use crate::compose::{VersionRef, Versions};
    let refer = |r: &Release| VersionRef {
        language: r.language,
        headline: {
            let h = readable(m, r.language, &segment(&r.headline));
            let h = crate::compose::tidy(&h);
            if h.is_empty() {
                crate::compose::tidy(&m.info.title)
            } else {
                h
            }
        },
    };
    let Some(release) = m.release(language) else {
        return Versions::default();
    };
    Versions {
        translation_of: release
            .translation
            .as_ref()
            .and_then(|t| m.release(t.of))
            .map(refer),
        translations: m
            .releases
            .iter()
            .filter(|r| r.translation.as_ref().is_some_and(|t| t.of == language))
            .map(refer)
            .collect(),
    }
}

/// How far each release of `m` is translated, in the meeting's order of languages.
pub fn status(m: &MeetingV2) -> Vec<VersionStatus> {
    let mut out = Vec::new();
    for l in &m.info.languages {
        let Some(r) = m.release(*l) else { continue };
        let mut s = VersionStatus {
            language: *l,
            of: r.translation.as_ref().map(|t| t.of),
            translated: 0,
            to_translate: 0,
            outdated: 0,
        };
        for t in states(m, *l).unwrap_or_default() {
            match t.status {
                Status::Translated => s.translated += 1,
                Status::ToTranslate => s.to_translate += 1,
                Status::Outdated => s.outdated += 1,
            }
        }
        out.push(s);
    }
    out
}

/// Refuses a release that is not fully translated: what an export asks before it writes one.
pub fn check_complete(m: &MeetingV2, language: Language, what: &str) -> crate::Result<()> {
    let Some(s) = status(m).into_iter().find(|s| s.language == language) else {
        return Ok(());
    };
    if s.is_complete() {
        return Ok(());
    }
    let states = states(m, language).unwrap_or_default();
    let first = states
        .iter()
        .find(|t| t.status != Status::Translated)
        .map(|t| t.label.clone())
        .unwrap_or_default();
    Err(crate::Error::Invalid {
        path: format!("{what}, release {}", language.tag()),
        message: format!(
            "not ready: {} to translate, {} outdated (first: {first}); translate them, or export anyway with --allow-outdated",
            s.to_translate, s.outdated
        ),
    })
}

/// A new release in `to`, translated from the release in `from`: its structure, blocks and
/// texts copied and every text marked to translate; the words of the quotes it places, the
/// people's names and roles, the organisation's name and boilerplate copied into `to` where they
/// have none in it. Captions copied keep the source's language (`photos[].language`) until
/// translated. A quote span's verb is the source language's word: the copy leaves it out (the
/// translation's own default applies until the translator picks one). `to` is added to the
/// meeting's languages when it is not one of them.
pub fn add_version(m: &mut MeetingV2, from: Language, to: Language) -> crate::Result<()> {
    let invalid = |message: String| crate::Error::Invalid {
        path: format!("releases ({})", to.tag()),
        message,
    };
    if from == to {
        return Err(invalid(format!(
            "a release cannot be translated from its own language ({})",
            to.tag()
        )));
    }
    if m.release(to).is_some() {
        return Err(invalid(format!(
            "the meeting already has a release in {:?}",
            to.tag()
        )));
    }
    let Some(source) = m.release(from) else {
        return Err(invalid(format!(
            "no release in {:?} to translate from",
            from.tag()
        )));
    };
    let mut copy = source.clone();
    copy.language = to;
    copy.translation = None;
    strip_verbs(&mut copy);
    for p in &mut copy.photos {
        if p.language.is_none() && (!p.caption.is_empty() || p.alt.is_some()) {
            p.language = Some(from.tag().to_owned());
        }
    }
    let placed = placed_quotes(m, source);
    let named = named_people(m, source);
    for item in &mut m.agenda {
        for q in &mut item.quotes {
            if !placed.contains(&q.id) || q.words.contains_key(&to) {
                continue;
            }
            let words = q
                .words
                .get(&from)
                .or_else(|| q.original.and_then(|o| q.words.get(&o)))
                .cloned();
            if let Some(words) = words {
                if q.original.is_none() {
                    q.original = Some(from);
                }
                q.words.insert(to, words);
            }
        }
    }
    for p in &mut m.people {
        if named.contains(&p.id) && !p.forms.contains_key(&to) {
            if let Some(f) = p.forms.get(&from).cloned() {
                p.forms.insert(to, f);
            }
        }
    }
    if let Some(org) = m
        .info
        .organisation
        .clone()
        .and_then(|id| m.organisations.iter_mut().find(|o| o.id == id))
    {
        if let Some(name) = org.name.get(&from).cloned() {
            org.name.entry(to).or_insert(name);
        }
        if let Some(blocks) = org.boilerplate.get(&from).cloned() {
            org.boilerplate.entry(to).or_insert(blocks);
        }
    }
    if !m.info.languages.contains(&to) {
        m.info.languages.push(to);
    }
    m.releases.push(copy);
    let texts = units(m, from)
        .into_iter()
        .map(|u| {
            let source = u.text.segment();
            (
                u.key,
                TextRecord {
                    status: Recorded::ToTranslate,
                    source,
                },
            )
        })
        .filter(|(key, _)| !quote_original_in(m, key, to))
        .collect();
    let release = m
        .releases
        .iter_mut()
        .find(|r| r.language == to)
        .expect("just added");
    release.translation = Some(Translation { of: from, texts });
    Ok(())
}

/// A quote span's verb is the source language's word: a copy into another language leaves it out.
fn strip_run_verbs(rs: &mut Runs) {
    for run in rs {
        if let Run::Quote(q) = run {
            q.verb = None;
            if let Some(c) = &mut q.clause {
                strip_run_verbs(c);
            }
        }
    }
}

/// `strip_run_verbs` over blocks.
pub(super) fn strip_block_verbs(bs: &mut [Block]) {
    for b in bs {
        match b {
            Block::Paragraph { runs: r, .. } | Block::Heading { runs: r, .. } => strip_run_verbs(r),
            Block::List { entries, .. } => entries.iter_mut().for_each(strip_run_verbs),
            Block::Blockquote { byline, .. } => {
                if let Some(b) = byline {
                    strip_run_verbs(b);
                }
            }
            Block::Statement {
                intro, paragraphs, ..
            } => {
                strip_run_verbs(intro);
                paragraphs.iter_mut().for_each(strip_run_verbs);
            }
        }
    }
}

/// `strip_run_verbs` over a whole release.
fn strip_verbs(r: &mut Release) {
    let (runs, blocks) = (strip_run_verbs, strip_block_verbs);
    runs(&mut r.headline);
    runs(&mut r.deck);
    blocks(&mut r.lead);
    for part in &mut r.items {
        if let Some(h) = &mut part.heading {
            runs(h);
        }
        blocks(&mut part.blocks);
    }
    blocks(&mut r.closing);
    for p in &mut r.photos {
        runs(&mut p.caption);
    }
    blocks(&mut r.contact);
    blocks(&mut r.notes_to_editors);
}

/// Marks texts of the release in `language` translated from their source as it reads today
/// (`keys`: absent, every text that is not). A caption marked translated no longer carries the
/// source's language. Refuses a key that is not a text of the translation, changing nothing.
pub fn mark_translated(
    m: &mut MeetingV2,
    language: Language,
    keys: Option<&[String]>,
) -> crate::Result<usize> {
    let invalid = |message: String| crate::Error::Invalid {
        path: format!("releases ({}).translation", language.tag()),
        message,
    };
    let Some(of) = m
        .release(language)
        .and_then(|r| r.translation.as_ref())
        .map(|t| t.of)
    else {
        return Err(invalid(format!(
            "the release in {:?} is not a translation",
            language.tag()
        )));
    };
    let sources: BTreeMap<String, String> = units(m, of)
        .into_iter()
        .map(|u| {
            let s = u.text.segment();
            (u.key, s)
        })
        .collect();
    let wanted: Vec<String> = match keys {
        Some(keys) => {
            for k in keys {
                if !sources.contains_key(k) {
                    return Err(invalid(format!(
                        "{k:?} is not a text of the {} release",
                        of.tag()
                    )));
                }
            }
            keys.to_vec()
        }
        None => states(m, language)
            .unwrap_or_default()
            .into_iter()
            .filter(|s| s.status != Status::Translated && sources.contains_key(&s.key))
            .map(|s| s.key)
            .collect(),
    };
    let release = m
        .releases
        .iter_mut()
        .find(|r| r.language == language)
        .expect("checked above");
    for key in &wanted {
        if let Some(photo) = key.strip_prefix("caption:") {
            if let Some(p) = release.photos.iter_mut().find(|p| p.id == photo) {
                if p.language.as_deref() == Some(of.tag()) {
                    p.language = None;
                }
            }
        }
        let translation = release.translation.as_mut().expect("checked above");
        translation.texts.insert(
            key.clone(),
            TextRecord {
                status: Recorded::Translated,
                source: sources[key].clone(),
            },
        );
    }
    Ok(wanted.len())
}
