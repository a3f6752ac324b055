//! v1 ↔ v2 (docs/meeting-file-v2.md, "v1 → v2").
//!
//! `upgrade` gives every v1 meeting its v2 form, unchanged in meaning: composed, it reads byte
//! for byte as v1 composes it. `downgrade` gives back the v1 meeting of a v2 meeting that uses
//! nothing v1 cannot say, and names the first thing it cannot say otherwise. For every v1
//! meeting `m`, `downgrade(&upgrade(&m)) == m`, with one exception: a v1 meeting without a release
//! whose agenda items have summaries comes back with an empty release (v2 keeps summaries in the
//! release, which v1 calls absent; both compose the same).

use std::collections::{BTreeMap, HashMap};

use super::{
    Block, Dateline, Form, Forms, HouseStyle, Info, Item, ItemPart, MeetingV2, Organisation,
    Person, Photo, PhotoPosition, Quote, QuoteSpan, Release, Run,
};
use crate::lang::Language;
use crate::model::{self, Meeting};

/// The ids `upgrade` gives: `item-<n>`, `q-<n>-<m>`, `p-<n>` (n, m from 1), `lead`, `closing`,
/// `photo-<n>`, `org`.
pub fn item_id(n: usize) -> String {
    format!("item-{}", n + 1)
}

fn quote_id(n: usize, m: usize) -> String {
    format!("q-{}-{}", n + 1, m + 1)
}

fn form_v2(f: model::Form) -> Form {
    match f {
        model::Form::Full => Form::Full,
        model::Form::Role => Form::Role,
        model::Form::Short => Form::Short,
    }
}

fn text_runs(s: &str) -> Vec<Run> {
    if s.is_empty() {
        Vec::new()
    } else {
        vec![Run::Text(s.to_owned())]
    }
}

fn text_blocks(id: &str, s: &str) -> Vec<Block> {
    if s.is_empty() {
        Vec::new()
    } else {
        vec![Block::p(id, text_runs(s))]
    }
}

/// The v2 form of a v1 meeting.
pub fn upgrade(m: &Meeting) -> MeetingV2 {
    let lang = m.info.language;
    let organisations: Vec<Organisation> = m
        .info
        .organisation
        .iter()
        .map(|name| Organisation {
            id: "org".into(),
            name: BTreeMap::from([(lang, name.clone())]),
            boilerplate: BTreeMap::new(),
            style: HouseStyle::default(),
        })
        .collect();
    let people = m
        .people
        .iter()
        .map(|p| {
            let forms = Forms {
                full: p.full.clone(),
                role: p.role.clone(),
                short: p.short.clone(),
                pronoun: None,
            };
            Person {
                id: p.id.clone(),
                name: p.name.clone(),
                forms: if forms == Forms::default() {
                    BTreeMap::new()
                } else {
                    BTreeMap::from([(lang, forms)])
                },
            }
        })
        .collect();
    let agenda = m
        .agenda
        .iter()
        .enumerate()
        .map(|(n, item)| Item {
            id: item_id(n),
            title: item.title.clone(),
            notes: item.notes.clone(),
            in_release: item.in_release,
            quotes: item
                .quotes
                .iter()
                .enumerate()
                .map(|(j, q)| Quote {
                    id: quote_id(n, j),
                    speaker: q.speaker.clone(),
                    said: None,
                    original: None,
                    words: BTreeMap::from([(lang, q.text.clone())]),
                    verb: q.verb.iter().map(|v| (lang, v.clone())).collect(),
                    form: q.form.map(form_v2),
                    typed_marks: lang.table().has_quote_marks(&q.text),
                    in_release: q.in_release,
                })
                .collect(),
        })
        .collect();
    // An item's summary, then its quotes on the record, one paragraph (v1's shape). Quotes off
    // the record are not placed: v2 refuses to publish a paragraph that places one.
    let items: Vec<ItemPart> = m
        .agenda
        .iter()
        .enumerate()
        .filter_map(|(n, item)| {
            let mut runs = text_runs(&item.summary);
            for (j, _) in item.quotes.iter().enumerate().filter(|(_, q)| q.in_release) {
                if !runs.is_empty() {
                    runs.push(Run::Text(" ".into()));
                }
                runs.push(Run::Quote(QuoteSpan {
                    quote: quote_id(n, j),
                    ..QuoteSpan::default()
                }));
            }
            (!runs.is_empty()).then(|| ItemPart {
                item: item_id(n),
                heading: None,
                blocks: vec![Block::p(format!("p-{}", n + 1), runs)],
            })
        })
        .collect();
    let releases = match &m.release {
        None if items.is_empty() => Vec::new(),
        release => {
            let r = release.clone().unwrap_or_default();
            vec![Release {
                language: lang,
                label: None,
                headline: text_runs(&r.headline),
                deck: Vec::new(),
                dateline: Dateline::default(),
                corrections: Vec::new(),
                published: r.published,
                updated: r.updated,
                embargo: None,
                lead: text_blocks("lead", &r.lead),
                items,
                closing: text_blocks("closing", &r.closing),
                photos: r
                    .photos
                    .iter()
                    .enumerate()
                    .map(|(n, p)| Photo {
                        id: format!("photo-{}", n + 1),
                        image: None,
                        caption: text_runs(&p.caption),
                        alt: None,
                        language: p.language.clone(),
                        credit: p.credit.clone(),
                        position: PhotoPosition::End,
                    })
                    .collect(),
                contact: Vec::new(),
                notes_to_editors: Vec::new(),
                translation: None,
            }]
        }
    };
    MeetingV2 {
        info: Info {
            title: m.info.title.clone(),
            organisation: m.info.organisation.as_ref().map(|_| "org".into()),
            location: m.info.location.clone(),
            starts: m.info.starts,
            ends: m.info.ends,
            timezone: m.info.timezone,
            languages: vec![lang],
        },
        organisations,
        people,
        agenda,
        releases,
    }
}

/// Why a v2 meeting has no v1 form: the first construct v1 cannot say, by its field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotV1 {
    pub path: String,
    pub what: String,
}

impl std::fmt::Display for NotV1 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} (v1 cannot say it)", self.path, self.what)
    }
}

fn not_v1<T>(path: impl Into<String>, what: impl Into<String>) -> Result<T, NotV1> {
    Err(NotV1 {
        path: path.into(),
        what: what.into(),
    })
}

/// One plain text (or nothing), as v1 keeps a headline or a caption.
fn plain(runs: &[Run], path: &str) -> Result<String, NotV1> {
    match runs {
        [] => Ok(String::new()),
        [Run::Text(t)] => Ok(t.clone()),
        _ => not_v1(path, "text in several runs or with spans"),
    }
}

/// One paragraph of one plain text (or nothing), as v1 keeps the lead and the closing.
fn plain_blocks(blocks: &[Block], path: &str) -> Result<String, NotV1> {
    match blocks {
        [] => Ok(String::new()),
        [Block::Paragraph { runs, .. }] => plain(runs, &format!("{path}[0].p")),
        [_] => not_v1(format!("{path}[0]"), "a block other than a paragraph"),
        _ => not_v1(path, "more than one block"),
    }
}

/// The v1 meeting of a v2 meeting that uses nothing v1 cannot say.
pub fn downgrade(m: &MeetingV2) -> Result<Meeting, NotV1> {
    let [lang] = m.info.languages[..] else {
        return not_v1("meeting.languages", "more than one language");
    };
    if !lang.in_v1() {
        return not_v1("meeting.languages", "a language v1 does not render");
    }
    let organisation = match (&m.info.organisation, &m.organisations[..]) {
        (None, []) => None,
        (Some(id), [o]) if &o.id == id && o.boilerplate.is_empty() && o.name.len() == 1 => {
            if !o.style.is_default() {
                return not_v1("organisations[0].style", "a house style");
            }
            match o.name.get(&lang) {
                Some(name) => Some(name.clone()),
                None => {
                    return not_v1("organisations[0].name", "no name in the meeting's language")
                }
            }
        }
        _ => return not_v1("organisations", "organisations beyond one name"),
    };
    let mut people = Vec::with_capacity(m.people.len());
    for (i, p) in m.people.iter().enumerate() {
        let forms = match (p.forms.len(), p.forms.get(&lang)) {
            (0, _) => Forms::default(),
            (1, Some(f)) => f.clone(),
            _ => return not_v1(format!("people[{i}].forms"), "forms in another language"),
        };
        if forms.pronoun.is_some() {
            return not_v1(
                format!("people[{i}].forms.{}.pronoun", lang.tag()),
                "a pronoun",
            );
        }
        people.push(model::Person {
            id: p.id.clone(),
            name: p.name.clone(),
            full: forms.full,
            role: forms.role,
            short: forms.short,
        });
    }
    let release = m.releases.first();
    if m.releases.len() > 1 {
        return not_v1("releases[1]", "a second release");
    }
    // Each item's part of the release, by item id; v1's order is the agenda's.
    let mut parts: HashMap<&str, (usize, &ItemPart)> = HashMap::new();
    if let Some(r) = release {
        let position: HashMap<&str, usize> = m
            .agenda
            .iter()
            .enumerate()
            .map(|(n, i)| (i.id.as_str(), n))
            .collect();
        let mut last = None;
        for (k, part) in r.items.iter().enumerate() {
            let at = format!("releases[0].items[{k}].item");
            let Some(&here) = position.get(part.item.as_str()) else {
                return not_v1(at, "an unknown agenda item");
            };
            if last.is_some_and(|l| here < l) {
                return not_v1(at, "agenda items in another order than the agenda's");
            }
            last = Some(here);
            parts.entry(part.item.as_str()).or_insert((k, part));
        }
    }
    let mut agenda = Vec::with_capacity(m.agenda.len());
    for (n, item) in m.agenda.iter().enumerate() {
        let at = format!("agenda[{n}]");
        let mut quotes = Vec::with_capacity(item.quotes.len());
        for (j, q) in item.quotes.iter().enumerate() {
            let qat = format!("{at}.quotes[{j}]");
            if q.said.is_some() {
                return not_v1(format!("{qat}.said"), "the time it was said");
            }
            if q.original.is_some_and(|o| o != lang) || q.words.keys().any(|l| *l != lang) {
                return not_v1(format!("{qat}.words"), "words in another language");
            }
            if q.verb.keys().any(|l| *l != lang) {
                return not_v1(format!("{qat}.verb"), "a verb in another language");
            }
            let form = match q.form {
                None => None,
                Some(Form::Full) => Some(model::Form::Full),
                Some(Form::Role) => Some(model::Form::Role),
                Some(Form::Short) => Some(model::Form::Short),
                Some(Form::Pronoun) => return not_v1(format!("{qat}.form"), "a pronoun"),
            };
            if !q.typed_marks && q.words.values().any(|w| lang.table().has_quote_marks(w)) {
                return not_v1(
                    format!("{qat}.words"),
                    "a quotation inside the quote (v1 prints quote marks as typed)",
                );
            }
            quotes.push(model::Quote {
                speaker: q.speaker.clone(),
                text: q.words.get(&lang).cloned().unwrap_or_default(),
                verb: q.verb.get(&lang).cloned(),
                form,
                in_release: q.in_release,
            });
        }
        let summary = match parts.get(item.id.as_str()) {
            Some(&(k, part)) => summary_of(k, part, item)?,
            None => String::new(),
        };
        agenda.push(model::AgendaItem {
            title: item.title.clone(),
            notes: item.notes.clone(),
            in_release: item.in_release,
            summary,
            quotes,
        });
    }
    let release = match release {
        None => None,
        Some(r) => Some(release_v1(r, lang)?),
    };
    Ok(Meeting {
        info: model::MeetingInfo {
            title: m.info.title.clone(),
            organisation,
            language: lang,
            location: m.info.location.clone(),
            starts: m.info.starts,
            ends: m.info.ends,
            timezone: m.info.timezone,
        },
        people,
        agenda,
        release,
    })
}

/// The v1 summary of an agenda item from its part (`k`-th of the release): its one paragraph, a text then the item's quotes on
/// the record in order, each a plain span after one space.
fn summary_of(k: usize, part: &ItemPart, item: &Item) -> Result<String, NotV1> {
    let at = format!("releases[0].items[{k}]");
    if part.heading.is_some() {
        return not_v1(format!("{at}.heading"), "a sub-heading");
    }
    let runs = match &part.blocks[..] {
        [] => return Ok(String::new()),
        [Block::Paragraph { runs, .. }] => runs,
        _ => {
            return not_v1(
                format!("{at}.blocks"),
                "more than one paragraph, or another block",
            )
        }
    };
    let path = format!("{at}.blocks[0].p");
    // A text first is the summary; then each quote after one space (the first right away when
    // there is no summary).
    let (summary, mut rest) = match runs.split_first() {
        Some((Run::Text(t), tail)) => (t.clone(), tail),
        Some((Run::Quote(_), _)) => (String::new(), &runs[..]),
        Some(_) => return not_v1(&path, "a mention or a link"),
        None => (String::new(), &runs[..]),
    };
    let on_record: Vec<&str> = item
        .quotes
        .iter()
        .filter(|q| q.in_release)
        .map(|q| q.id.as_str())
        .collect();
    let mut placed = Vec::new();
    while !rest.is_empty() {
        let first = placed.is_empty() && summary.is_empty();
        let span = match rest {
            [Run::Quote(q), tail @ ..] if first => {
                rest = tail;
                q
            }
            [Run::Text(sep), Run::Quote(q), tail @ ..] if sep == " " && !first => {
                rest = tail;
                q
            }
            _ => {
                return not_v1(
                    &path,
                    "text after or between quotes, or a mention or a link",
                )
            }
        };
        let plain = QuoteSpan {
            quote: span.quote.clone(),
            ..QuoteSpan::default()
        };
        if *span != plain {
            return not_v1(&path, "a quote with an attribution of its own");
        }
        placed.push(span.quote.as_str());
    }
    if placed != on_record {
        return not_v1(
            &path,
            "quotes other than the item's own on the record, in order",
        );
    }
    Ok(summary)
}

fn release_v1(r: &Release, lang: Language) -> Result<model::Release, NotV1> {
    let at = "releases[0]";
    if r.language != lang {
        return not_v1(format!("{at}.language"), "a release in another language");
    }
    let checks = [
        (r.label.is_some(), "label", "a label"),
        (!r.deck.is_empty(), "deck", "a deck"),
        (
            r.dateline != Dateline::default(),
            "dateline",
            "a dateline's place or position",
        ),
        (r.embargo.is_some(), "embargo", "an embargo"),
        (!r.contact.is_empty(), "contact", "a contact block"),
        (
            !r.notes_to_editors.is_empty(),
            "notes_to_editors",
            "notes to editors",
        ),
        (
            !r.corrections.is_empty(),
            "corrections",
            "a correction note",
        ),
    ];
    if let Some((_, field, what)) = checks.iter().find(|(used, _, _)| *used) {
        return not_v1(format!("{at}.{field}"), *what);
    }
    let mut photos = Vec::with_capacity(r.photos.len());
    for (i, p) in r.photos.iter().enumerate() {
        if p.position != PhotoPosition::End {
            return not_v1(
                format!("{at}.photos[{i}].position"),
                "a caption before or after the lead",
            );
        }
        if p.image.is_some() {
            return not_v1(format!("{at}.photos[{i}].image"), "a photo's image");
        }
        if p.alt.is_some() {
            return not_v1(format!("{at}.photos[{i}].alt"), "a photo's alt text");
        }
        photos.push(model::Photo {
            caption: plain(&p.caption, &format!("{at}.photos[{i}].caption"))?,
            language: p.language.clone(),
            credit: p.credit.clone(),
        });
    }
    Ok(model::Release {
        headline: plain(&r.headline, &format!("{at}.headline"))?,
        lead: plain_blocks(&r.lead, &format!("{at}.lead"))?,
        closing: plain_blocks(&r.closing, &format!("{at}.closing"))?,
        published: r.published,
        updated: r.updated,
        photos,
    })
}
