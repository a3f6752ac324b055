//! From a v2 meeting to one language's release: `compose` (docs/meeting-file-v2.md; a pure
//! function, no I/O, no clock).
//!
//! It decides every word a reader sees: names by the reference rule, quote marks, attributions and
//! their punctuation, spacing, dates, what stands where. Language rules come from the language's
//! `Table`, never from a test of the language here. Private things stop here: notes, agenda items
//! out of the release, quotes off the record. A block that would place a quote off the record, or
//! a quote with no words in the release's language, is not composed with a hole in it: it is left
//! out and named in `Composed::problems`, so that the preview shows the rest and exports refuse
//! (`Composed::check`).
//!
//! The meeting's organisation's house style is applied here, once: its date, time and place
//! forms where those are written, its apostrophes and spacing to the whole release composed
//! (`style::restyle`), so that every renderer and the preview show the same words.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::{
    Attribution, Block as Source, Form, Item, ListKind, MeetingV2, Person, Quote, Release, Run,
};
use crate::compose::{
    published_moment, tidy, time_moment, Block, Caption, Composed, Image, Inline, Labels, Problem,
    Segment,
};
use crate::lang::{Language, Order, PlaceForm, Table};
use crate::serde_forms::format_datetime;

/// The images a release's photos name, by hash: the archive's (`Store::images_of`), or none.
pub type Images<'i> = Option<&'i dyn Fn(&str) -> Option<Image>>;

/// The release in `language` of `m` (an empty one when `m` has none in it), as the meeting file
/// alone says it: its captions carry no image (`compose_with_images` gives them theirs).
pub fn compose(m: &MeetingV2, language: Language) -> Composed {
    compose_in(m, language, None)
}

/// `compose`, each caption carrying its photo's image from `images` (by the photo's `image`, the
/// SHA-256), its alt text set. A photo naming an image `images` does not have is a problem
/// (`Composed::problems`, at `releases[i].photos[j].image`): the preview shows the caption
/// without it, exports refuse.
pub fn compose_with_images(
    m: &MeetingV2,
    language: Language,
    images: &dyn Fn(&str) -> Option<Image>,
) -> Composed {
    compose_in(m, language, Some(images))
}

fn compose_in(m: &MeetingV2, language: Language, images: Images<'_>) -> Composed {
    let table = language.table();
    let zone = m.info.zone();
    let (index, release) = match m.releases.iter().position(|r| r.language == language) {
        Some(i) => (i, Cow::Borrowed(&m.releases[i])),
        None => (m.releases.len(), Cow::Owned(Release::new(language))),
    };
    let at = format!("releases[{index}]");
    let org = m
        .info
        .organisation
        .as_deref()
        .and_then(|id| m.organisations.iter().enumerate().find(|(_, o)| o.id == id));
    let style = org.map(|(_, o)| o.style).unwrap_or_default();
    let mut cx = Cx {
        people: m.people.iter().map(|p| (p.id.as_str(), p)).collect(),
        quotes: m
            .agenda
            .iter()
            .flat_map(|i| i.quotes.iter().map(move |q| (q.id.as_str(), (i, q))))
            .collect(),
        items: m.agenda.iter().map(|i| (i.id.as_str(), i)).collect(),
        language,
        table,
        named: HashSet::new(),
        counting: false,
        problems: Vec::new(),
        attributions: Vec::new(),
        images,
    };

    // The headline names people in full unless it says otherwise, and does not count.
    let headline = cx
        .inline(&release.headline, &format!("{at}.headline"))
        .map(|h| crate::compose::inline_text(&h))
        .unwrap_or_default();
    let headline = if headline.is_empty() {
        table.space(&tidy(&m.info.title))
    } else {
        headline
    };
    cx.counting = true;
    // In reading order from here: the reference rule counts as a reader meets names.
    let deck = cx.inline(&release.deck, &format!("{at}.deck"));
    let mut captions = Vec::new();
    cx.captions(
        &release,
        &at,
        super::PhotoPosition::BeforeLead,
        &mut captions,
    );
    let lead = cx.blocks(&release.lead, &format!("{at}.lead"));
    cx.captions(
        &release,
        &at,
        super::PhotoPosition::AfterLead,
        &mut captions,
    );
    let mut body = Vec::new();
    for (k, part) in release.items.iter().enumerate() {
        if !cx
            .items
            .get(part.item.as_str())
            .is_some_and(|i| i.in_release)
        {
            continue;
        }
        let path = format!("{at}.items[{k}]");
        if let Some(h) = &part.heading {
            if let Some(h) = cx.inline(h, &format!("{path}.heading")) {
                body.push(Block::Heading(h));
            }
        }
        body.extend(cx.blocks(&part.blocks, &format!("{path}.blocks")));
    }
    body.extend(cx.blocks(&release.closing, &format!("{at}.closing")));
    cx.captions(&release, &at, super::PhotoPosition::End, &mut captions);
    captions.sort_by_key(|(i, _)| *i);
    let corrections = release
        .corrections
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let text = cx.inline(&c.text, &format!("{at}.corrections[{i}].text"))?;
            let when = time_moment(table, &style, c.at, zone);
            Some(crate::compose::CorrectionNote {
                heading: format!("{} ({}){}", table.correction_label, when.text, table.colon),
                iso: when.iso,
                text,
            })
        })
        .collect();
    let contact = cx.blocks(&release.contact, &format!("{at}.contact"));
    let notes_to_editors = cx.blocks(&release.notes_to_editors, &format!("{at}.notes_to_editors"));
    let boilerplate = match org.and_then(|(i, o)| o.boilerplate.get(&language).map(|b| (i, b))) {
        Some((i, blocks)) => cx.blocks(
            blocks,
            &format!("organisations[{i}].boilerplate.{}", language.tag()),
        ),
        None => Vec::new(),
    };
    let organisation = org
        .and_then(|(_, o)| o.name.get(&language).or_else(|| o.name.values().next()))
        .map(|n| tidy(n))
        .filter(|n| !n.is_empty());

    let mut composed = Composed {
        language,
        label: release
            .label
            .as_deref()
            .map(|l| table.space(&tidy(l)))
            .filter(|l| !l.is_empty()),
        headline,
        deck,
        organisation,
        meeting_title: tidy(&m.info.title),
        starts: m.info.starts,
        location: m
            .info
            .location
            .as_deref()
            .map(tidy)
            .filter(|s| !s.is_empty()),
        place: release
            .dateline
            .place
            .as_deref()
            .map(|p| match style.dateline_place {
                PlaceForm::Upper => table.space(&tidy(p).to_uppercase()),
                PlaceForm::AsTyped => table.space(&tidy(p)),
            })
            .filter(|p| !p.is_empty()),
        dateline_position: release.dateline.position,
        published: release
            .published
            .map(|p| published_moment(table, &style, p, zone)),
        updated: release.updated.map(|t| time_moment(table, &style, t, zone)),
        embargo: release.embargo.map(|t| {
            let local = t.with_timezone(&zone);
            crate::compose::Moment {
                iso: format_datetime(&local.fixed_offset()),
                text: format!(
                    "{} {} {}",
                    table.embargo_label,
                    table.date_time_in(local.naive_local(), &style),
                    local.format("%Z")
                ),
            }
        }),
        lead,
        body,
        corrections,
        status: None,
        captions: captions.into_iter().map(|(_, c)| c).collect(),
        contact,
        notes_to_editors,
        boilerplate,
        labels: Labels::of(table),
        problems: cx.problems,
        attributions: cx.attributions,
        versions: super::translation::versions(m, language),
    };
    style::restyle(&mut composed, &style);
    composed
}

/// A quote's words ready to print, its speaker's id and the quote's own form.
type Placed<'a> = (String, &'a str, Option<Form>);

/// What composing one release carries along.
struct Cx<'a> {
    /// The meeting's people, quotes (with their item) and items by id: looked up once per span,
    /// so composing stays linear in the meeting's size.
    people: HashMap<&'a str, &'a Person>,
    quotes: HashMap<&'a str, (&'a Item, &'a Quote)>,
    items: HashMap<&'a str, &'a Item>,
    /// The language names and words are taken in (a caption's own, while composing it).
    language: Language,
    table: &'static Table,
    /// People named so far, in reading order (the reference rule).
    named: HashSet<&'a str>,
    /// False in the headline: names there are full unless asked otherwise, and do not count.
    counting: bool,
    problems: Vec<Problem>,
    attributions: Vec<crate::compose::Attributed>,
    /// Where photos' images come from (`None`: the meeting file alone, no images).
    images: Images<'a>,
}

/// A piece of a block as it is put together. `flow` pieces are what the writer typed between
/// spans: white space is made one line across them, then the language's spacing applies to each.
/// Other pieces (names, quotes, attributions) are final already.
struct Piece {
    text: String,
    flow: bool,
    href: Option<String>,
    /// A person's name standing alone (a mention): its apposition, if it has one, is closed
    /// when the sentence goes on after it (`Table::apposition_close`).
    name: bool,
}

impl Piece {
    fn fixed(text: impl Into<String>) -> Piece {
        Piece {
            text: text.into(),
            flow: false,
            href: None,
            name: false,
        }
    }
}

impl<'a> Cx<'a> {
    fn blocks(&mut self, blocks: &'a [Source], at: &str) -> Vec<Block> {
        blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match self.block(b) {
                Ok(block) => block,
                Err(message) => {
                    let path = format!("{at}[{i}]");
                    self.problems.push(Problem { path, message });
                    None
                }
            })
            .collect()
    }

    /// One block; `None` when it has nothing to say (yet).
    fn block(&mut self, b: &'a Source) -> Result<Option<Block>, String> {
        Ok(match b {
            Source::Paragraph { runs, .. } => self.line(runs)?.map(Block::Paragraph),
            Source::Heading { runs, .. } => self.line(runs)?.map(Block::Heading),
            Source::List {
                kind,
                entries,
                start,
                ..
            } => {
                let mut out = Vec::with_capacity(entries.len());
                for e in entries {
                    out.extend(self.line(e)?);
                }
                (!out.is_empty()).then_some(Block::List {
                    numbered: *kind == ListKind::Numbered,
                    start: start.unwrap_or(1),
                    entries: out,
                })
            }
            Source::Blockquote { quote, byline, .. } => {
                let Some((words, speaker, form)) = self.words(quote)? else {
                    return Ok(None);
                };
                let byline = match byline {
                    Some(runs) => self.line(runs)?.unwrap_or_default(),
                    None => {
                        let form = self.form_for(speaker, form);
                        let name = self.name(speaker, form, true);
                        finalise(self.table, vec![Piece::fixed(name)])
                    }
                };
                let byline = if byline.is_empty() {
                    byline
                } else {
                    join(Segment::Text(self.table.byline_dash.to_owned()), byline)
                };
                Some(Block::Quote { words, byline })
            }
            Source::Statement {
                intro, paragraphs, ..
            } => {
                let intro = self.line(intro)?.unwrap_or_default();
                let mut out = Vec::with_capacity(paragraphs.len());
                for p in paragraphs {
                    out.extend(self.line(p)?);
                }
                (!intro.is_empty() || !out.is_empty()).then_some(Block::Statement {
                    intro,
                    paragraphs: out,
                })
            }
        })
    }

    /// Runs that are not a block (headline, deck, a sub-heading): a problem names `path`.
    fn inline(&mut self, runs: &'a [Run], path: &str) -> Option<Inline> {
        match self.line(runs) {
            Ok(line) => line,
            Err(message) => {
                self.problems.push(Problem {
                    path: path.to_owned(),
                    message,
                });
                None
            }
        }
    }

    /// The captions of the photos at `position`, with their index among the release's photos.
    fn captions(
        &mut self,
        release: &'a Release,
        at: &str,
        position: super::PhotoPosition,
        out: &mut Vec<(usize, Caption)>,
    ) {
        let release_table = self.table;
        for (i, p) in release.photos.iter().enumerate() {
            if p.position != position {
                continue;
            }
            let own = p.language.as_deref().and_then(Language::from_tag);
            let (language, table) = (self.language, self.table);
            if let Some(own) = own {
                self.language = own;
                self.table = own.table();
            }
            let text = self.inline(&p.caption, &format!("{at}.photos[{i}].caption"));
            let label = self.table.photo_label;
            let alt = p
                .alt
                .as_deref()
                .map(|a| self.table.space(&tidy(a)))
                .unwrap_or_default();
            (self.language, self.table) = (language, table);
            let text = text
                .map(|t| crate::compose::inline_text(&t))
                .unwrap_or_default();
            if text.is_empty() {
                continue;
            }
            let image = match (&p.image, self.images) {
                (Some(sha), Some(images)) => match images(sha) {
                    Some(image) => Some(Image { alt, ..image }),
                    None => {
                        self.problems.push(Problem {
                            path: format!("{at}.photos[{i}].image"),
                            message: format!(
                                "photo {:?} names an image the archive does not hold ({sha}); import it again",
                                p.id
                            ),
                        });
                        None
                    }
                },
                _ => None,
            };
            out.push((
                i,
                Caption {
                    text,
                    language: p.language.clone().filter(|l| l != release_table.tag),
                    credit: p.credit.as_deref().map(tidy).filter(|c| !c.is_empty()),
                    label: label.to_owned(),
                    position,
                    image,
                },
            ));
        }
    }

    /// Runs made one line of final text; `None` when nothing is left.
    fn line(&mut self, runs: &'a [Run]) -> Result<Option<Inline>, String> {
        let mut pieces = Vec::with_capacity(runs.len());
        self.runs(runs, &mut pieces)?;
        let inline = finalise(self.table, pieces);
        Ok((!inline.is_empty()).then_some(inline))
    }

    fn runs(&mut self, runs: &'a [Run], out: &mut Vec<Piece>) -> Result<(), String> {
        for run in runs {
            match run {
                Run::Text(t) => out.push(Piece {
                    text: t.clone(),
                    flow: true,
                    href: None,
                    name: false,
                }),
                Run::Link { href, text } => out.push(Piece {
                    text: text.concat(),
                    flow: true,
                    href: Some(href.clone()),
                    name: false,
                }),
                Run::Mention { person, form } => {
                    let Some(p) = self.people.get(person.as_str()).copied() else {
                        return Err(format!("names {person:?}, who is not in people"));
                    };
                    let form = self.form_for(&p.id, *form);
                    out.push(Piece {
                        name: true,
                        ..Piece::fixed(self.name(&p.id, form, sentence_start(out)))
                    });
                }
                Run::Quote(span) => self.quote(span, out)?,
            }
        }
        Ok(())
    }

    /// The words of quote `id` in the release's language, tidied, with its speaker and form; an
    /// error when the release may not place it; `None` when it has no words yet (captured
    /// before they were typed) or no speaker.
    fn words(&self, id: &str) -> Result<Option<Placed<'a>>, String> {
        let Some((item, q)) = self.quotes.get(id).copied() else {
            return Err(format!("places quote {id:?}, which is not in the agenda"));
        };
        if !q.in_release || !item.in_release {
            return Err(format!(
                "places quote {id:?}, which is off the record: remove it, or put the quote back on the record"
            ));
        }
        let Some(words) = q.words.get(&self.language) else {
            return Err(format!(
                "places quote {id:?}, which has no words in {:?}: write them, or remove it",
                self.language.tag()
            ));
        };
        let words = tidy(words);
        let Some(speaker) = self.people.get(q.speaker.as_str()).copied() else {
            return Ok(None);
        };
        if words.is_empty() {
            return Ok(None);
        }
        let words = if q.typed_marks {
            words
        } else {
            self.table.nest(&words)
        };
        Ok(Some((self.table.space(&words), &speaker.id, q.form)))
    }

    fn quote(&mut self, span: &'a super::QuoteSpan, out: &mut Vec<Piece>) -> Result<(), String> {
        let Some((words, speaker, quote_form)) = self.words(&span.quote)? else {
            return Ok(());
        };
        let table = self.table;
        let attribution = span.attribution.unwrap_or(Attribution::After);
        if attribution == Attribution::None {
            self.attributions.push(crate::compose::Attributed {
                quote: span.quote.clone(),
                speaker: speaker.to_owned(),
                name: String::new(),
                first: false,
                attribution,
            });
            out.push(Piece::fixed(table.quoted(&words)));
            return Ok(());
        }
        let verb = span
            .verb
            .as_deref()
            .or_else(|| {
                self.quotes
                    .get(span.quote.as_str())
                    .and_then(|(_, q)| q.verb.get(&self.language).map(String::as_str))
            })
            .map(tidy)
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| table.default_verb_for(self.pronoun_of(speaker)).to_owned());
        let verb = table.space(&verb);
        let start = sentence_start(out);
        // The subject: its name (capitalised when it opens a sentence), and whether it is a
        // pronoun the person has.
        let quote_id = span.quote.as_str();
        let subject = |cx: &mut Self, default: Option<Form>, opens: bool| {
            let first = cx.counting && !cx.named.contains(speaker);
            let form = cx.form_for(speaker, span.form.or(quote_form).or(default));
            let pronoun = form == Form::Pronoun && cx.has_pronoun(speaker);
            let name = cx.name(speaker, form, opens);
            cx.attributions.push(crate::compose::Attributed {
                quote: quote_id.to_owned(),
                speaker: speaker.to_owned(),
                name: name.clone(),
                first,
                attribution,
            });
            (name, pronoun)
        };
        let clause = match &span.clause {
            Some(runs) if !runs.is_empty() => {
                let mut pieces = Vec::new();
                self.runs(runs, &mut pieces)?;
                Some(pieces)
            }
            _ => None,
        };
        match attribution {
            Attribution::After | Attribution::AfterSubject => {
                let (name, pronoun) = subject(self, None, false);
                let order = match (pronoun, attribution) {
                    (true, _) => table.incise.pronoun,
                    (false, Attribution::After) => table.incise.verb_first,
                    (false, _) => table.incise.subject_first,
                };
                let tail = match order {
                    Order::VerbSubject => format!("{verb} {name}"),
                    Order::SubjectVerb => format!("{} {verb}", table.subject(&name)),
                    Order::Inverted => table.invert(&verb, &name),
                    Order::VerbAlone => verb.clone(),
                };
                let quoted = table.quoted_before_attribution(&words);
                match clause {
                    None => {
                        let end = if tail.ends_with('.') { "" } else { "." };
                        out.push(Piece::fixed(format!("{quoted} {tail}{end}")));
                    }
                    Some(clause) => {
                        let end = if ends_with_stop(&clause) { "" } else { "." };
                        out.push(Piece::fixed(format!("{quoted} {tail}, ")));
                        out.extend(clause);
                        out.push(Piece::fixed(end));
                    }
                }
            }
            Attribution::Before | Attribution::BeforeThat | Attribution::Added => {
                let head = if attribution == Attribution::Added {
                    let added = table.added_for(self.pronoun_of(speaker));
                    match added.split_once("{}") {
                        Some((before, after)) => {
                            let name = subject(self, Some(Form::Pronoun), start).0;
                            let close = table.apposition_close(&name, after);
                            format!("{before}{name}{close}{after}")
                        }
                        // The formula names nobody (`Et d'ajouter :`): listed with no name.
                        None => {
                            self.attributions.push(crate::compose::Attributed {
                                quote: quote_id.to_owned(),
                                speaker: speaker.to_owned(),
                                name: String::new(),
                                first: false,
                                attribution,
                            });
                            added.to_owned()
                        }
                    }
                } else {
                    format!("{} {verb}", table.subject(&subject(self, None, start).0))
                };
                out.push(Piece::fixed(head));
                let that = attribution == Attribution::BeforeThat;
                // `, dass`: the formula brings its own comma.
                let that_comma = table.that.starts_with(',');
                if let Some(clause) = clause {
                    out.push(Piece::fixed(", "));
                    out.extend(clause);
                    if that && !that_comma {
                        out.push(Piece::fixed(","));
                    }
                }
                if that {
                    let words = table.without_full_stop(&words);
                    let end = if words.ends_with(['?', '!', '…']) {
                        ""
                    } else {
                        "."
                    };
                    let space = if that_comma { "" } else { " " };
                    out.push(Piece::fixed(format!(
                        "{space}{} {}{end}",
                        table.that,
                        table.quoted(words)
                    )));
                } else {
                    out.push(Piece::fixed(format!(
                        "{} {}",
                        table.colon,
                        table.quoted_ending(&words)
                    )));
                }
            }
            Attribution::None => unreachable!("handled above"),
        }
        Ok(())
    }

    /// The form a mention or an attribution of `id` takes: the one asked for, else `full` the
    /// first time a reader meets the person and `short` after. Every one counts.
    fn form_for(&mut self, id: &'a str, asked: Option<Form>) -> Form {
        let first = if self.counting {
            self.named.insert(id)
        } else {
            true
        };
        asked.unwrap_or(if first { Form::Full } else { Form::Short })
    }

    /// The person's pronoun in the release's language, if they have one.
    fn pronoun_of(&self, id: &str) -> Option<&'a str> {
        self.people
            .get(id)
            .and_then(|p| p.forms.get(&self.language))
            .and_then(|f| f.pronoun.as_deref())
    }

    fn has_pronoun(&self, id: &str) -> bool {
        self.people
            .get(id)
            .and_then(|p| p.forms.get(&self.language))
            .is_some_and(|f| f.pronoun.is_some())
    }

    /// The person's form as final text, capitalised where it opens a sentence.
    fn name(&self, id: &str, form: Form, sentence_start: bool) -> String {
        let name = self
            .people
            .get(id)
            .map(|p| self.table.space(&tidy(p.form(self.language, form))))
            .unwrap_or_default();
        if sentence_start {
            capitalise(&name)
        } else {
            name
        }
    }
}

/// Whether what comes next opens a sentence: nothing before it in the block, or a full stop,
/// question or exclamation mark.
fn sentence_start(pieces: &[Piece]) -> bool {
    for p in pieces.iter().rev() {
        let t = p.text.trim_end_matches(|c: char| c.is_whitespace());
        if let Some(c) = t.chars().last() {
            return matches!(c, '.' | '?' | '!');
        }
    }
    true
}

fn ends_with_stop(pieces: &[Piece]) -> bool {
    pieces
        .iter()
        .rev()
        .map(|p| p.text.trim_end_matches(|c: char| c.is_ascii_whitespace()))
        .find(|t| !t.is_empty())
        .is_some_and(|t| t.ends_with('.'))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `first` then `rest`, two texts in a row made one.
fn join(first: Segment, rest: Inline) -> Inline {
    let mut out = vec![first];
    for s in rest {
        push(&mut out, s);
    }
    out
}

fn push(out: &mut Inline, s: Segment) {
    match (out.last_mut(), s) {
        (_, Segment::Text(t)) if t.is_empty() => {}
        (Some(Segment::Text(last)), Segment::Text(t)) => last.push_str(&t),
        (_, s) => out.push(s),
    }
}

/// The pieces of a block made one line: each run of ASCII white space across them becomes one
/// space (kept in the piece its last character was in), none at either end; then each piece the
/// writer typed takes the language's spacing on its own (as v1 spaced each text it joined).
fn finalise(table: &Table, pieces: Vec<Piece>) -> Inline {
    let mut texts: Vec<String> = pieces
        .iter()
        .map(|p| String::with_capacity(p.text.len()))
        .collect();
    // A run of ASCII white space becomes one space, in the piece where the run ends; none at the
    // start or the end. ASCII white space is one byte and never inside a longer UTF-8 sequence,
    // so the words between runs are copied as slices.
    let mut started = false;
    let mut pending: Option<usize> = None;
    for (i, p) in pieces.iter().enumerate() {
        let bytes = p.text.as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            if bytes[k].is_ascii_whitespace() {
                if started {
                    pending = Some(i);
                }
                k += 1;
                continue;
            }
            let start = k;
            while k < bytes.len() && !bytes[k].is_ascii_whitespace() {
                k += 1;
            }
            if let Some(j) = pending.take() {
                texts[j].push(' ');
            }
            started = true;
            texts[i].push_str(&p.text[start..k]);
        }
    }
    // A name's apposition is closed when words of the sentence follow it.
    for i in 0..pieces.len() {
        if pieces[i].name {
            let next = texts[i + 1..].iter().find(|t| !t.trim().is_empty());
            let close = table.apposition_close(&texts[i], next.map_or("", String::as_str));
            texts[i].push_str(close);
        }
    }
    let mut out = Inline::new();
    for (p, text) in pieces.into_iter().zip(texts) {
        let text = if p.flow { table.space(&text) } else { text };
        match p.href {
            Some(href) if !text.is_empty() => out.push(Segment::Link { href, text }),
            Some(_) => {}
            None => push(&mut out, Segment::Text(text)),
        }
    }
    out
}

mod style;

#[cfg(test)]
mod tests;
