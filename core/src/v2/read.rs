//! Reading a v2 meeting file: strict and all-or-nothing, like v1. The first problem found is
//! reported with the file, the field's path (`releases[0].items[1].blocks[0].p[2].quote`) and the
//! value; no meeting comes out. `parse_any` reads v1 too, upgraded.

use std::collections::HashSet;

use super::{Block, MeetingFileV2, MeetingV2, Release, Run, Runs, FORMAT_V2};
use crate::meeting_file::{self, FileError, FORMAT_V1};

/// Reads a v2 meeting file. `file` names it in errors (a path, or `-` for standard input).
pub fn parse(file: &str, bytes: &[u8]) -> Result<MeetingV2, FileError> {
    from_value(file, &meeting_file::parse_json(file, bytes)?)
}

/// Reads a meeting file of either version: v1 comes out upgraded (`super::upgrade`).
pub fn parse_any(file: &str, bytes: &[u8]) -> Result<MeetingV2, FileError> {
    let value = meeting_file::parse_json(file, bytes)?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT_V1) => Ok(super::upgrade(&meeting_file::from_value(file, &value)?)),
        _ => from_value(file, &value),
    }
}

/// A meeting file of either version for what still keeps v1 meetings (the archive, the app's
/// editor): v1 as it is, v2 when it uses nothing v1 cannot say. Otherwise the first v2 construct
/// is refused by its field path.
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

/// Ids are short names the writer chooses: not blank, no white space at either end, unique in
/// their collection (`what` names it in the error).
fn check_id<'a>(
    seen: &mut HashSet<&'a str>,
    id: &'a str,
    path: String,
    what: &str,
) -> Result<(), Problem> {
    if id.trim().is_empty() {
        return problem(path, "must not be empty");
    }
    if id.trim() != id {
        return problem(
            path,
            format!("{id:?}: an id has no white space at either end"),
        );
    }
    if !seen.insert(id) {
        return problem(path, format!("duplicate id {id:?}: ids are unique {what}"));
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
    let in_languages = |l: &crate::Language, path: String| {
        if languages.contains(l) {
            Ok(())
        } else {
            problem(
                path,
                format!("{:?} is not one of meeting.languages", l.tag()),
            )
        }
    };

    let mut orgs = HashSet::new();
    for (i, o) in m.organisations.iter().enumerate() {
        check_id(
            &mut orgs,
            &o.id,
            format!("organisations[{i}].id"),
            "among organisations",
        )?;
        for l in o.name.keys() {
            in_languages(l, format!("organisations[{i}].name.{}", l.tag()))?;
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

    let mut people = HashSet::new();
    for (i, p) in m.people.iter().enumerate() {
        check_id(
            &mut people,
            &p.id,
            format!("people[{i}].id"),
            "among people",
        )?;
        if p.name.trim().is_empty() {
            return problem(format!("people[{i}].name"), "must not be empty");
        }
        for l in p.forms.keys() {
            in_languages(l, format!("people[{i}].forms.{}", l.tag()))?;
        }
    }

    let mut items = HashSet::new();
    let mut quotes = HashSet::new();
    for (i, item) in m.agenda.iter().enumerate() {
        check_id(
            &mut items,
            &item.id,
            format!("agenda[{i}].id"),
            "in the agenda",
        )?;
        for (j, q) in item.quotes.iter().enumerate() {
            let at = format!("agenda[{i}].quotes[{j}]");
            check_id(
                &mut quotes,
                &q.id,
                format!("{at}.id"),
                "among a meeting's quotes",
            )?;
            if !people.contains(q.speaker.as_str()) {
                return problem(
                    format!("{at}.speaker"),
                    format!("unknown speaker {:?}: not an id in people", q.speaker),
                );
            }
            for l in q.words.keys() {
                in_languages(l, format!("{at}.words.{}", l.tag()))?;
            }
            if let Some(original) = q.original {
                if !q.words.contains_key(&original) {
                    return problem(
                        format!("{at}.original"),
                        format!("{:?}: the quote has no words in it", original.tag()),
                    );
                }
            }
        }
    }

    let refs = Refs {
        people: &people,
        quotes: &quotes,
        placed: Default::default(),
    };
    for (i, o) in m.organisations.iter().enumerate() {
        for (l, blocks) in &o.boilerplate {
            in_languages(l, format!("organisations[{i}].boilerplate.{}", l.tag()))?;
            let mut ids = HashSet::new();
            refs.placed.borrow_mut().clear();
            refs.blocks(
                blocks,
                &format!("organisations[{i}].boilerplate.{}", l.tag()),
                &mut ids,
            )?;
        }
    }
    let mut released = HashSet::new();
    for (r, release) in m.releases.iter().enumerate() {
        let at = format!("releases[{r}]");
        in_languages(&release.language, format!("{at}.language"))?;
        if !released.insert(release.language) {
            return problem(
                format!("{at}.language"),
                format!(
                    "a second release in {:?}: a meeting has one release per language",
                    release.language.tag()
                ),
            );
        }
        refs.placed.borrow_mut().clear();
        refs.release(release, &at, &items)?;
        // The release ends with its organisation's boilerplate in its language: a quote placed
        // there and in the release would print twice too.
        let org = info
            .organisation
            .as_deref()
            .and_then(|id| m.organisations.iter().position(|o| o.id == id));
        if let Some((i, blocks)) =
            org.and_then(|i| Some((i, m.organisations[i].boilerplate.get(&release.language)?)))
        {
            refs.blocks(
                blocks,
                &format!("organisations[{i}].boilerplate.{}", release.language.tag()),
                &mut HashSet::new(),
            )?;
        }
    }
    Ok(())
}

/// What runs may refer to, and where each quote is placed in the release being checked (a quote
/// is said once: placed twice, it would print twice).
struct Refs<'a> {
    people: &'a HashSet<&'a str>,
    quotes: &'a HashSet<&'a str>,
    placed: std::cell::RefCell<std::collections::HashMap<String, String>>,
}

impl Refs<'_> {
    fn release(&self, r: &Release, at: &str, items: &HashSet<&str>) -> Result<(), Problem> {
        if let Some(label) = &r.label {
            if label.trim().is_empty() {
                return problem(format!("{at}.label"), "must not be empty when present");
            }
        }
        self.runs(&r.headline, &format!("{at}.headline"))?;
        self.runs(&r.deck, &format!("{at}.deck"))?;
        let mut ids = HashSet::new();
        self.blocks(&r.lead, &format!("{at}.lead"), &mut ids)?;
        let mut parts = HashSet::new();
        for (i, part) in r.items.iter().enumerate() {
            let path = format!("{at}.items[{i}]");
            if !items.contains(part.item.as_str()) {
                return problem(
                    format!("{path}.item"),
                    format!("unknown agenda item {:?}: not an id in agenda", part.item),
                );
            }
            if !parts.insert(part.item.as_str()) {
                return problem(
                    format!("{path}.item"),
                    format!(
                        "{:?} appears twice: a release has one part per agenda item",
                        part.item
                    ),
                );
            }
            if let Some(h) = &part.heading {
                self.runs(h, &format!("{path}.heading"))?;
            }
            self.blocks(&part.blocks, &format!("{path}.blocks"), &mut ids)?;
        }
        self.blocks(&r.closing, &format!("{at}.closing"), &mut ids)?;
        self.blocks(&r.contact, &format!("{at}.contact"), &mut ids)?;
        self.blocks(
            &r.notes_to_editors,
            &format!("{at}.notes_to_editors"),
            &mut ids,
        )?;
        let mut photos = HashSet::new();
        for (i, p) in r.photos.iter().enumerate() {
            let path = format!("{at}.photos[{i}]");
            check_id(
                &mut photos,
                &p.id,
                format!("{path}.id"),
                "among a release's photos",
            )?;
            self.runs(&p.caption, &format!("{path}.caption"))?;
            if let Some(tag) = &p.language {
                if !meeting_file::is_language_tag(tag) {
                    return problem(
                        format!("{path}.language"),
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
        at: &str,
        ids: &mut HashSet<&'b str>,
    ) -> Result<(), Problem> {
        for (i, b) in blocks.iter().enumerate() {
            let path = format!("{at}[{i}]");
            check_id(
                ids,
                b.id(),
                format!("{path}.id"),
                "among a release's blocks",
            )?;
            match b {
                Block::Paragraph { runs, .. } => self.runs(runs, &format!("{path}.p"))?,
                Block::Heading { runs, .. } => self.runs(runs, &format!("{path}.h"))?,
                Block::List { entries, .. } => {
                    for (j, e) in entries.iter().enumerate() {
                        self.runs(e, &format!("{path}.entries[{j}]"))?;
                    }
                }
                Block::Blockquote { quote, byline, .. } => {
                    self.quote(quote, &format!("{path}.blockquote"))?;
                    if let Some(b) = byline {
                        self.runs(b, &format!("{path}.byline"))?;
                    }
                }
                Block::Statement {
                    intro, paragraphs, ..
                } => {
                    self.runs(intro, &format!("{path}.statement"))?;
                    for (j, p) in paragraphs.iter().enumerate() {
                        self.runs(p, &format!("{path}.paragraphs[{j}]"))?;
                    }
                }
            }
        }
        Ok(())
    }

    fn quote(&self, id: &str, path: &str) -> Result<(), Problem> {
        if !self.quotes.contains(id) {
            return problem(
                path,
                format!("unknown quote {id:?}: not the id of a quote in the agenda"),
            );
        }
        let mut placed = self.placed.borrow_mut();
        if let Some(first) = placed.get(id) {
            return problem(
                path,
                format!("quote {id:?} is placed twice in this release (first at {first}): a quote is said once"),
            );
        }
        placed.insert(id.to_owned(), path.to_owned());
        Ok(())
    }

    fn runs(&self, runs: &Runs, at: &str) -> Result<(), Problem> {
        for (i, run) in runs.iter().enumerate() {
            let path = format!("{at}[{i}]");
            match run {
                Run::Text(_) => {}
                Run::Mention { person, .. } => {
                    if !self.people.contains(person.as_str()) {
                        return problem(
                            format!("{path}.person"),
                            format!("unknown person {person:?}: not an id in people"),
                        );
                    }
                }
                Run::Quote(q) => {
                    self.quote(&q.quote, &format!("{path}.quote"))?;
                    if let Some(clause) = &q.clause {
                        self.runs(clause, &format!("{path}.clause"))?;
                    }
                    if q.attribution == Some(super::Attribution::None)
                        && (q.verb.is_some() || q.form.is_some() || q.clause.is_some())
                    {
                        return problem(
                            format!("{path}.attribution"),
                            "\"none\" quotes a fragment without attribution: it takes no verb, form or clause",
                        );
                    }
                }
                Run::Link { href, text } => {
                    check_link(href).map_err(|m| (format!("{path}.link"), m))?;
                    if text.iter().all(|t| t.trim().is_empty()) {
                        return problem(format!("{path}.text"), "a link needs the phrase it is on");
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
