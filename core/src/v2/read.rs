//! Reading a v2 meeting file: strict and all-or-nothing, like v1. The first problem found is
//! reported with the file, the field's path (`releases[0].items[1].blocks[0].p[2].quote`) and the
//! value; no meeting comes out. `parse_any` reads v1 too, upgraded.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::{Block, MeetingFileV2, MeetingV2, Release, Run, Runs, FORMAT_V2};
use crate::meeting_file::{self, FileError, FORMAT_V1};

/// Reads a v2 meeting file. `file` names it in errors (a path, or `-` for standard input).
pub fn parse(file: &str, bytes: &[u8]) -> Result<MeetingV2, FileError> {
    if let Some(parsed) = meeting_file::direct(bytes) {
        return checked(file, parsed);
    }
    from_value(file, &meeting_file::parse_json(file, bytes)?)
}

/// Reads a meeting file of either version: v1 comes out upgraded (`super::upgrade`).
pub fn parse_any(file: &str, bytes: &[u8]) -> Result<MeetingV2, FileError> {
    if let Some(parsed) = meeting_file::direct(bytes) {
        return checked(file, parsed);
    }
    if let Some(parsed) = meeting_file::direct(bytes) {
        return Ok(super::upgrade(&meeting_file::checked(file, parsed)?));
    }
    parse_any_through_value(file, bytes)
}

/// `parse_any` the long way, through a `serde_json::Value`, which names the field of a
/// refusal: what `parse_any` falls back to. Public for the test that both ways agree.
#[doc(hidden)]
pub fn parse_any_through_value(file: &str, bytes: &[u8]) -> Result<MeetingV2, FileError> {
    let value = meeting_file::parse_json(file, bytes)?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT_V1) => Ok(super::upgrade(&meeting_file::from_value(file, &value)?)),
        _ => from_value(file, &value),
    }
}

/// A meeting file of either version for what still keeps v1 meetings: v1 as it is, v2 when it
/// uses nothing v1 cannot say. Otherwise the first v2 construct is refused by its field path.
pub fn parse_for_v1(file: &str, bytes: &[u8]) -> Result<crate::Meeting, FileError> {
    let value = meeting_file::parse_json(file, bytes)?;
    if value.get("format").and_then(|f| f.as_str()) == Some(FORMAT_V1) {
        return meeting_file::from_value(file, &value);
    }
    let m = from_value(file, &value)?;
    super::downgrade(&m).map_err(|e| FileError {
        file: file.to_owned(),
        path: e.path,
        message: format!(
            "{}: the archive keeps only what a v1 meeting file can say for now, and this cannot be stored",
            e.what
        ),
    })
}

/// A v2 meeting from an already parsed document. `source` names it in errors.
pub fn from_value(source: &str, value: &serde_json::Value) -> Result<MeetingV2, FileError> {
    let parsed: MeetingFileV2 = meeting_file::document(
        source,
        value,
        FORMAT_V2,
        &format!("this reads {FORMAT_V2:?} (and {FORMAT_V1:?}, upgraded)"),
    )?;
    checked(source, parsed)
}

/// The meeting of a file serde has read, once the rules serde cannot see hold.
fn checked(source: &str, parsed: MeetingFileV2) -> Result<MeetingV2, FileError> {
    let meeting = MeetingV2::from(parsed);
    validate(&meeting).map_err(|(path, message)| FileError {
        file: source.to_owned(),
        path,
        message,
    })?;
    Ok(meeting)
}

type Problem = (String, String);

fn problem(path: impl Into<String>, message: impl Into<String>) -> Result<(), Problem> {
    Err((path.into(), message.into()))
}

/// Where a field is: its path, written out only when a problem is reported (validating a large
/// meeting walks every run, and formatting each one's path cost more than checking it).
#[derive(Clone, Copy)]
enum At<'p> {
    Root(&'static str),
    Key(&'p At<'p>, &'static str),
    Index(&'p At<'p>, usize),
}

impl<'p> At<'p> {
    fn key(&'p self, key: &'static str) -> At<'p> {
        At::Key(self, key)
    }

    fn index(&'p self, i: usize) -> At<'p> {
        At::Index(self, i)
    }
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            At::Root(s) => f.write_str(s),
            At::Key(parent, key) => write!(f, "{parent}.{key}"),
            At::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

fn problem_at(at: At<'_>, message: impl Into<String>) -> Result<(), Problem> {
    Err((at.to_string(), message.into()))
}

/// Ids are short names the writer chooses: not blank, no white space at either end, unique in
/// their collection (`what` names it in the error).
fn check_id<'a>(
    seen: &mut HashSet<&'a str>,
    id: &'a str,
    at: At<'_>,
    what: &str,
) -> Result<(), Problem> {
    if id.trim().is_empty() {
        return problem_at(at, "must not be empty");
    }
    if id.trim() != id {
        return problem_at(
            at,
            format!("{id:?}: an id has no white space at either end"),
        );
    }
    if !seen.insert(id) {
        return problem_at(at, format!("duplicate id {id:?}: ids are unique {what}"));
    }
    Ok(())
}

/// The rules serde cannot see: references between fields, ranges, uniqueness, link schemes.
/// Returns the field path and the message.
pub fn validate(m: &MeetingV2) -> Result<(), Problem> {
    let info = &m.info;
    if info.title.trim().is_empty() {
        return problem("meeting.title", "must not be empty");
    }
    if let Some(ends) = info.ends {
        if ends < info.starts {
            return problem(
                "meeting.ends",
                format!(
                    "{:?} is before meeting.starts {:?}",
                    ends.to_string(),
                    info.starts.to_string()
                ),
            );
        }
    }
    if info.languages.is_empty() {
        return problem(
            "meeting.languages",
            "must name at least one language (the original first)",
        );
    }
    let mut languages = HashSet::new();
    for (i, l) in info.languages.iter().enumerate() {
        if !languages.insert(*l) {
            return problem(
                format!("meeting.languages[{i}]"),
                format!("{:?} is named twice", l.tag()),
            );
        }
    }
    let in_languages = |l: &crate::Language, at: At<'_>| {
        if languages.contains(l) {
            Ok(())
        } else {
            problem_at(at, format!("{:?} is not one of meeting.languages", l.tag()))
        }
    };

    let organisations = At::Root("organisations");
    let mut orgs = HashSet::new();
    for (i, o) in m.organisations.iter().enumerate() {
        let at = organisations.index(i);
        check_id(&mut orgs, &o.id, at.key("id"), "among organisations")?;
        let name = at.key("name");
        for l in o.name.keys() {
            in_languages(l, name.key(l.tag()))?;
        }
    }
    if let Some(org) = &info.organisation {
        if !orgs.contains(org.as_str()) {
            return problem(
                "meeting.organisation",
                format!("unknown organisation {org:?}: not an id in organisations"),
            );
        }
    }

    let people_at = At::Root("people");
    let mut people = HashSet::new();
    for (i, p) in m.people.iter().enumerate() {
        let at = people_at.index(i);
        check_id(&mut people, &p.id, at.key("id"), "among people")?;
        if p.name.trim().is_empty() {
            return problem_at(at.key("name"), "must not be empty");
        }
        let forms = at.key("forms");
        for l in p.forms.keys() {
            in_languages(l, forms.key(l.tag()))?;
        }
    }

    let agenda = At::Root("agenda");
    let mut items = HashSet::new();
    let mut quotes = HashSet::new();
    for (i, item) in m.agenda.iter().enumerate() {
        let item_at = agenda.index(i);
        check_id(&mut items, &item.id, item_at.key("id"), "in the agenda")?;
        let quotes_at = item_at.key("quotes");
        for (j, q) in item.quotes.iter().enumerate() {
            let at = quotes_at.index(j);
            check_id(&mut quotes, &q.id, at.key("id"), "among a meeting's quotes")?;
            if !people.contains(q.speaker.as_str()) {
                return problem_at(
                    at.key("speaker"),
                    format!("unknown speaker {:?}: not an id in people", q.speaker),
                );
            }
            let words = at.key("words");
            for l in q.words.keys() {
                in_languages(l, words.key(l.tag()))?;
            }
            if let Some(original) = q.original {
                if !q.words.contains_key(&original) {
                    return problem_at(
                        at.key("original"),
                        format!("{:?}: the quote has no words in it", original.tag()),
                    );
                }
            }
        }
    }

    let refs = Refs::new(&people, &quotes);
    for (i, o) in m.organisations.iter().enumerate() {
        let org = organisations.index(i);
        let boilerplate = org.key("boilerplate");
        for (l, blocks) in &o.boilerplate {
            let at = boilerplate.key(l.tag());
            in_languages(l, at)?;
            refs.checked(|refs| refs.blocks(blocks, at, &mut HashSet::new()))?;
        }
    }
    let releases = At::Root("releases");
    let mut released = HashSet::new();
    for (r, release) in m.releases.iter().enumerate() {
        let at = releases.index(r);
        in_languages(&release.language, at.key("language"))?;
        if !released.insert(release.language) {
            return problem_at(
                at.key("language"),
                format!(
                    "a second release in {:?}: a meeting has one release per language",
                    release.language.tag()
                ),
            );
        }
        // The release ends with its organisation's boilerplate in its language: a quote placed
        // there and in the release would print twice too, so both are one walk.
        let boilerplate = info
            .organisation
            .as_deref()
            .and_then(|id| m.organisations.iter().position(|o| o.id == id))
            .and_then(|i| Some((i, m.organisations[i].boilerplate.get(&release.language)?)));
        refs.checked(|refs| {
            refs.release(release, at, &items)?;
            if let Some((i, blocks)) = boilerplate {
                let org = organisations.index(i);
                let all = org.key("boilerplate");
                refs.blocks(blocks, all.key(release.language.tag()), &mut HashSet::new())?;
            }
            Ok(())
        })?;
    }
    for (r, release) in m.releases.iter().enumerate() {
        let Some(t) = &release.translation else {
            continue;
        };
        let at = releases.index(r);
        let of = at.key("translation");
        let of = of.key("of");
        if t.of == release.language {
            return problem_at(
                of,
                format!("{:?}: a release is not translated from itself", t.of.tag()),
            );
        }
        match m.release(t.of) {
            None => {
                return problem_at(
                    of,
                    format!(
                        "{:?}: the meeting has no release in it to translate from",
                        t.of.tag()
                    ),
                )
            }
            Some(source) if source.translation.is_some() => {
                return problem_at(
                    of,
                    format!(
                        "{:?} is itself a translation: a release is translated from an original",
                        t.of.tag()
                    ),
                )
            }
            Some(_) => {}
        }
        let texts = at.key("translation");
        let texts = texts.key("texts");
        for key in t.texts.keys() {
            if !super::translation::is_text_key(key) {
                return problem(
                    format!("{texts}.{key}"),
                    format!("{key:?} names no text (headline, deck, label, place, block:ID, heading:ITEM, caption:PHOTO, alt:PHOTO, quote:ID, full:PERSON, short:PERSON, role:PERSON, pronoun:PERSON, organisation, boilerplate:ID)"),
                );
            }
        }
    }
    Ok(())
}

/// What runs may refer to, and where each quote is placed in the release being checked (a quote
/// is said once: placed twice, it would print twice).
struct Refs<'a> {
    people: &'a HashSet<&'a str>,
    quotes: &'a HashSet<&'a str>,
    /// Each quote placed so far, and where in reading order (0, 1, …). Its path is not kept
    /// (writing out every span's path cost as much as the rest of the check): it is found again
    /// for the error that names it.
    placed: RefCell<HashMap<String, usize>>,
    /// A quote placed twice: its id and the number of its first placement.
    twice: RefCell<Option<(String, usize)>>,
    /// Looking for where placement `n` is, and its path once met.
    looking_for: Option<usize>,
    found: RefCell<Option<String>>,
}

impl<'a> Refs<'a> {
    fn new(people: &'a HashSet<&'a str>, quotes: &'a HashSet<&'a str>) -> Refs<'a> {
        Refs {
            people,
            quotes,
            placed: Default::default(),
            twice: Default::default(),
            looking_for: None,
            found: Default::default(),
        }
    }

    /// `walk` (a release, an organisation's boilerplate) with a fresh count of placements; a
    /// quote placed twice is named with the path of its first placement, found by walking again.
    fn checked(&self, walk: impl Fn(&Refs<'a>) -> Result<(), Problem>) -> Result<(), Problem> {
        self.placed.borrow_mut().clear();
        walk(self).map_err(|(path, message)| match self.twice.take() {
            Some((id, n)) => {
                let finder = Refs {
                    looking_for: Some(n),
                    ..Refs::new(self.people, self.quotes)
                };
                let _ = walk(&finder);
                let first = finder.found.into_inner().unwrap_or_default();
                (
                    path,
                    format!("quote {id:?} is placed twice in this release (first at {first}): a quote is said once"),
                )
            }
            None => (path, message),
        })
    }
}

impl Refs<'_> {
    fn release(&self, r: &Release, at: At<'_>, items: &HashSet<&str>) -> Result<(), Problem> {
        if let Some(label) = &r.label {
            if label.trim().is_empty() {
                return problem_at(at.key("label"), "must not be empty when present");
            }
        }
        self.runs(&r.headline, at.key("headline"))?;
        self.runs(&r.deck, at.key("deck"))?;
        let mut ids = HashSet::new();
        self.blocks(&r.lead, at.key("lead"), &mut ids)?;
        let mut parts = HashSet::new();
        let items_at = at.key("items");
        for (i, part) in r.items.iter().enumerate() {
            let path = items_at.index(i);
            if !items.contains(part.item.as_str()) {
                return problem_at(
                    path.key("item"),
                    format!("unknown agenda item {:?}: not an id in agenda", part.item),
                );
            }
            if !parts.insert(part.item.as_str()) {
                return problem_at(
                    path.key("item"),
                    format!(
                        "{:?} appears twice: a release has one part per agenda item",
                        part.item
                    ),
                );
            }
            if let Some(h) = &part.heading {
                self.runs(h, path.key("heading"))?;
            }
            self.blocks(&part.blocks, path.key("blocks"), &mut ids)?;
        }
        self.blocks(&r.closing, at.key("closing"), &mut ids)?;
        self.blocks(&r.contact, at.key("contact"), &mut ids)?;
        self.blocks(&r.notes_to_editors, at.key("notes_to_editors"), &mut ids)?;
        let corrections_at = at.key("corrections");
        for (i, c) in r.corrections.iter().enumerate() {
            let path = corrections_at.index(i);
            if c.text.is_empty() {
                return problem_at(path.key("text"), "a correction says what was corrected");
            }
            self.runs(&c.text, path.key("text"))?;
            if i > 0 && c.at < r.corrections[i - 1].at {
                return problem_at(
                    path.key("at"),
                    format!(
                        "{:?} is before the correction above it: corrections are oldest first",
                        crate::serde_forms::format_datetime(&c.at)
                    ),
                );
            }
        }
        let mut photos = HashSet::new();
        let photos_at = at.key("photos");
        for (i, p) in r.photos.iter().enumerate() {
            let path = photos_at.index(i);
            check_id(
                &mut photos,
                &p.id,
                path.key("id"),
                "among a release's photos",
            )?;
            if let Some(sha) = &p.image {
                if !crate::images::is_sha256(sha) {
                    return problem_at(
                        path.key("image"),
                        format!("{sha:?} is not an image's name (its SHA-256: 64 lower-case hex digits)"),
                    );
                }
            }
            self.runs(&p.caption, path.key("caption"))?;
            if let Some(tag) = &p.language {
                if !meeting_file::is_language_tag(tag) {
                    return problem_at(
                        path.key("language"),
                        format!("{tag:?} is not a BCP 47 language tag (such as en, fr, de-CH)"),
                    );
                }
            }
        }
        Ok(())
    }

    fn blocks<'b>(
        &self,
        blocks: &'b [Block],
        at: At<'_>,
        ids: &mut HashSet<&'b str>,
    ) -> Result<(), Problem> {
        for (i, b) in blocks.iter().enumerate() {
            let path = at.index(i);
            check_id(ids, b.id(), path.key("id"), "among a release's blocks")?;
            match b {
                Block::Paragraph { runs, .. } => self.runs(runs, path.key("p"))?,
                Block::Heading { runs, .. } => self.runs(runs, path.key("h"))?,
                Block::List { entries, .. } => {
                    let entries_at = path.key("entries");
                    for (j, e) in entries.iter().enumerate() {
                        self.runs(e, entries_at.index(j))?;
                    }
                }
                Block::Blockquote { quote, byline, .. } => {
                    self.quote(quote, path.key("blockquote"))?;
                    if let Some(b) = byline {
                        self.runs(b, path.key("byline"))?;
                    }
                }
                Block::Statement {
                    intro, paragraphs, ..
                } => {
                    self.runs(intro, path.key("statement"))?;
                    let paragraphs_at = path.key("paragraphs");
                    for (j, p) in paragraphs.iter().enumerate() {
                        self.runs(p, paragraphs_at.index(j))?;
                    }
                }
            }
        }
        Ok(())
    }

    fn quote(&self, id: &str, at: At<'_>) -> Result<(), Problem> {
        if !self.quotes.contains(id) {
            return problem_at(
                at,
                format!("unknown quote {id:?}: not the id of a quote in the agenda"),
            );
        }
        let mut placed = self.placed.borrow_mut();
        let n = placed.len();
        if self.looking_for == Some(n) {
            // Found: stop walking.
            *self.found.borrow_mut() = Some(at.to_string());
            return problem_at(at, "");
        }
        if let Some(&first) = placed.get(id) {
            // `checked` writes the message, with the first placement's path.
            *self.twice.borrow_mut() = Some((id.to_owned(), first));
            return problem_at(at, "");
        }
        placed.insert(id.to_owned(), n);
        Ok(())
    }

    fn runs(&self, runs: &Runs, at: At<'_>) -> Result<(), Problem> {
        for (i, run) in runs.iter().enumerate() {
            let path = at.index(i);
            match run {
                Run::Text(_) => {}
                Run::Mention { person, .. } => {
                    if !self.people.contains(person.as_str()) {
                        return problem_at(
                            path.key("person"),
                            format!("unknown person {person:?}: not an id in people"),
                        );
                    }
                }
                Run::Quote(q) => {
                    self.quote(&q.quote, path.key("quote"))?;
                    if let Some(clause) = &q.clause {
                        self.runs(clause, path.key("clause"))?;
                    }
                    if q.attribution == Some(super::Attribution::None)
                        && (q.verb.is_some() || q.form.is_some() || q.clause.is_some())
                    {
                        return problem_at(
                            path.key("attribution"),
                            "\"none\" quotes a fragment without attribution: it takes no verb, form or clause",
                        );
                    }
                }
                Run::Link { href, text } => {
                    check_link(href).map_err(|m| (path.key("link").to_string(), m))?;
                    if text.iter().all(|t| t.trim().is_empty()) {
                        return problem_at(path.key("text"), "a link needs the phrase it is on");
                    }
                }
            }
        }
        Ok(())
    }
}

/// `check_link` for the schema (ECMA-262 regular expression).
pub const LINK_PATTERN: &str =
    r"^(?:[hH][tT][tT][pP][sS]?://|[mM][aA][iI][lL][tT][oO]:)[^\s\u0000-\u001f\u007f-\u009f]+$";

/// `https://…`, `http://…` and `mailto:…` only (the scheme in any case), with something after
/// it, and no white space or control character anywhere.
pub fn check_link(href: &str) -> Result<(), String> {
    let (scheme, rest) = href.split_once(':').unwrap_or((href, ""));
    let rest = match scheme.to_ascii_lowercase().as_str() {
        "https" | "http" => match rest.strip_prefix("//") {
            Some(after) => after,
            None => return Err(format!("{href:?}: not a whole address (https://…)")),
        },
        "mailto" => rest,
        _ => return Err(format!("{href:?}: links are https:, http: or mailto: only")),
    };
    if rest.is_empty() {
        return Err(format!("{href:?}: not a whole address"));
    }
    if href.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "{href:?}: an address has no spaces or control characters"
        ));
    }
    Ok(())
}
