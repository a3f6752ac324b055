//! Arbitrary valid v2 meetings (every construct of docs/meeting-file-v2.md, in one or two
//! languages) survive the meeting file and the store unchanged, are found by search wherever a
//! word is typed, compose and render in every release language the same twice with user text
//! escaped, and, where v1 can say them, go through v1 and back as upgrade.rs documents.
//!
//! The strategy builds the shape first with placeholder references (indices), then `resolve`
//! turns them into ids that exist, places each quote at most once per release and only where it
//! may be placed (on the record, of an item in the release, with words in the language), and
//! gives blocks and photos unique ids: every case is valid by construction, and shrinks.

use std::collections::{BTreeMap, HashSet};

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};
use communique_core::v2::{
    self, downgrade, upgrade, Apostrophe, Attribution, Block, DateForm, Dateline, DatelinePosition,
    Form, Forms, FrenchSpacing, HouseStyle, Info, Item, ItemPart, ListKind, MeetingV2,
    Organisation, Person, Photo, PhotoPosition, PlaceForm, Quote, QuoteSpan, Release, Run,
    TimeForm,
};
use communique_core::{fuzzing, render, Format, Language, Published, Store};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

// ---- Strategies ------------------------------------------------------------------------------

/// Any text: mostly what a press officer types (with the characters markup cares about), some
/// arbitrary Unicode, some hostile markup, some line breaks.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z0-9 .,;:!?'\"«»“”‘’é€<>&*_#`\\[\\]()\\-]{0,20}",
        2 => any::<String>(),
        1 => Just("<script>alert(1)</script> & \"q\" *a* _b_ # [x](javascript:y) <!--".to_owned()),
        1 => "[a-z]{1,6}\n[a-z]{0,6}(\r\n[a-z]{1,4})?",
    ]
}

fn non_blank() -> impl Strategy<Value = String> {
    text().prop_map(|s| {
        if s.trim().is_empty() {
            format!("x{s}")
        } else {
            s
        }
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..73_000).prop_map(|d| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Duration::days(d))
}

fn moment() -> impl Strategy<Value = chrono::DateTime<FixedOffset>> {
    (0i64..4_000_000_000, -47i32..=56, 0u32..1000).prop_map(|(secs, quarter_hours, millis)| {
        let offset = FixedOffset::east_opt(quarter_hours * 900).unwrap();
        offset.timestamp_opt(secs, millis * 1_000_000).unwrap()
    })
}

fn form() -> impl Strategy<Value = Form> {
    prop::sample::select(vec![Form::Full, Form::Role, Form::Short, Form::Pronoun])
}

fn attribution() -> impl Strategy<Value = Attribution> {
    prop::sample::select(vec![
        Attribution::After,
        Attribution::AfterSubject,
        Attribution::Before,
        Attribution::BeforeThat,
        Attribution::Added,
        Attribution::None,
    ])
}

/// A link: each scheme in some case, a path of anything but white space and controls, a phrase.
fn link() -> impl Strategy<Value = Run> {
    (
        prop::sample::select(vec![
            "https://", "http://", "mailto:", "HTTPS://", "Http://", "MailTo:",
        ]),
        "[a-zA-Z0-9./?=&%#_~:@!$'()*+,;\"<>é-]{1,24}",
        non_blank(),
        prop::collection::vec(text(), 0..2),
    )
        .prop_map(|(scheme, rest, first, more)| Run::Link {
            href: format!("{scheme}{rest}"),
            text: std::iter::once(first).chain(more).collect(),
        })
}

/// A mention or a quote span refers by index (`resolve` makes it an id).
fn mention() -> impl Strategy<Value = Run> {
    (0usize..8, prop::option::of(form())).prop_map(|(i, form)| Run::Mention {
        person: i.to_string(),
        form,
    })
}

fn plain_run() -> impl Strategy<Value = Run> {
    prop_oneof![5 => text().prop_map(Run::Text), 2 => mention(), 1 => link()]
}

fn run() -> impl Strategy<Value = Run> {
    let quote = (
        0usize..16,
        prop::option::of(attribution()),
        prop::option::of(non_blank()),
        prop::option::of(form()),
        prop::option::of(prop::collection::vec(plain_run(), 0..3)),
    )
        .prop_map(|(i, attribution, verb, form, clause)| {
            Run::Quote(QuoteSpan {
                quote: i.to_string(),
                attribution,
                verb,
                form,
                clause,
            })
        });
    prop_oneof![5 => text().prop_map(Run::Text), 2 => mention(), 3 => quote, 1 => link()]
}

fn runs() -> impl Strategy<Value = Vec<Run>> {
    prop::collection::vec(run(), 0..5)
}

fn plain_runs() -> impl Strategy<Value = Vec<Run>> {
    prop::collection::vec(plain_run(), 0..4)
}

/// A block, its id left to `resolve`; a block quote names a quote by index.
fn block() -> impl Strategy<Value = Block> {
    let id = String::new;
    prop_oneof![
        4 => runs().prop_map(move |runs| Block::Paragraph { id: id(), runs }),
        1 => runs().prop_map(move |runs| Block::Heading { id: id(), runs }),
        1 => (prop::bool::ANY, prop::collection::vec(runs(), 0..4), prop::option::of(1u32..40)).prop_map(move |(n, entries, start)| {
            Block::List {
                id: id(),
                kind: if n { ListKind::Numbered } else { ListKind::Bulleted },
                entries,
                // Only a numbered list goes on from a number.
                start: start.filter(|_| n),
            }
        }),
        1 => (0usize..16, prop::option::of(plain_runs())).prop_map(move |(i, byline)| {
            Block::Blockquote { id: id(), quote: i.to_string(), byline }
        }),
        1 => (runs(), prop::collection::vec(runs(), 0..3)).prop_map(move |(intro, paragraphs)| {
            Block::Statement { id: id(), intro, paragraphs }
        }),
    ]
}

fn blocks() -> impl Strategy<Value = Vec<Block>> {
    prop::collection::vec(block(), 0..4)
}

/// Some value per language (both languages: `resolve` keeps the meeting's).
fn per_language<S: Strategy>(s: fn() -> S) -> impl Strategy<Value = BTreeMap<Language, S::Value>> {
    (prop::option::of(s()), prop::option::of(s())).prop_map(|(en, fr)| {
        let mut m = BTreeMap::new();
        m.extend(en.map(|v| (Language::En, v)));
        m.extend(fr.map(|v| (Language::Fr, v)));
        m
    })
}

/// A house style: mostly none (so that v1 can still say many meetings), else any mix of options.
fn house_style() -> impl Strategy<Value = HouseStyle> {
    let any = (
        prop::sample::select(vec![
            Apostrophe::AsTyped,
            Apostrophe::Straight,
            Apostrophe::Curly,
        ]),
        prop::sample::select(vec![
            FrenchSpacing::Nbsp,
            FrenchSpacing::Narrow,
            FrenchSpacing::None,
        ]),
        prop::sample::select(vec![DateForm::Long, DateForm::Abbreviated]),
        prop::sample::select(vec![TimeForm::H24, TimeForm::H]),
        prop::sample::select(vec![PlaceForm::Upper, PlaceForm::AsTyped]),
    )
        .prop_map(
            |(apostrophe, french_spacing, date, time, dateline_place)| HouseStyle {
                apostrophe,
                french_spacing,
                date,
                time,
                dateline_place,
            },
        );
    prop_oneof![2 => Just(HouseStyle::default()), 1 => any]
}

fn forms() -> impl Strategy<Value = Forms> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(full, role, short, pronoun)| Forms {
            full,
            role,
            short,
            pronoun,
        })
}

fn quote() -> impl Strategy<Value = Quote> {
    (
        0usize..8,
        prop::option::of(moment()),
        prop::option::of(prop::sample::select(Language::ALL.to_vec())),
        // Mostly with words in both languages, so that releases can place them.
        (
            prop::option::weighted(0.85, text()),
            prop::option::weighted(0.85, text()),
        )
            .prop_map(|(en, fr)| {
                let mut m = BTreeMap::new();
                m.extend(en.map(|v| (Language::En, v)));
                m.extend(fr.map(|v| (Language::Fr, v)));
                m
            }),
        per_language(non_blank),
        prop::option::of(form()),
        prop::bool::ANY,
        prop::bool::weighted(0.8),
    )
        .prop_map(
            |(speaker, said, original, words, verb, form, typed_marks, in_release)| Quote {
                id: String::new(),
                speaker: speaker.to_string(),
                said,
                original,
                words,
                verb,
                form,
                typed_marks,
                in_release,
            },
        )
}

fn item() -> impl Strategy<Value = Item> {
    (
        text(),
        text(),
        prop::bool::weighted(0.85),
        prop::collection::vec(quote(), 0..4),
    )
        .prop_map(|(title, notes, in_release, quotes)| Item {
            id: String::new(),
            title,
            notes,
            in_release,
            quotes,
        })
}

fn photo() -> impl Strategy<Value = Photo> {
    (
        plain_runs(),
        prop::option::of(prop::sample::select(vec!["en", "fr", "de-CH", "pt"])),
        prop::option::of(text()),
        prop::sample::select(vec![
            PhotoPosition::End,
            PhotoPosition::BeforeLead,
            PhotoPosition::AfterLead,
        ]),
        prop::option::of("[0-9a-f]{64}"),
        prop::option::of(text()),
    )
        .prop_map(|(caption, language, credit, position, image, alt)| Photo {
            id: String::new(),
            image,
            caption,
            alt,
            language: language.map(str::to_owned),
            credit,
            position,
        })
}

fn published() -> impl Strategy<Value = Published> {
    prop_oneof![
        date().prop_map(Published::Date),
        moment().prop_map(Published::At)
    ]
}

fn release() -> impl Strategy<Value = Release> {
    let top = (
        prop::option::of(non_blank()),
        runs(),
        runs(),
        (
            prop::option::of(text()),
            prop::sample::select(vec![
                DatelinePosition::Line,
                DatelinePosition::Lead,
                DatelinePosition::End,
                DatelinePosition::Headline,
            ]),
        ),
        prop::option::of(published()),
        prop::option::of(moment()),
        prop::option::of(moment()),
        prop::collection::vec((moment(), non_blank()), 0..3),
    );
    let body = (
        blocks(),
        prop::collection::vec(
            (0usize..6, prop::option::of(runs()), blocks()).prop_map(|(i, heading, blocks)| {
                ItemPart {
                    item: i.to_string(),
                    heading,
                    blocks,
                }
            }),
            0..4,
        ),
        blocks(),
        prop::collection::vec(photo(), 0..3),
        blocks(),
        blocks(),
    );
    (top, body).prop_map(
        |(
            (label, headline, deck, (place, position), published, updated, embargo, corrections),
            (lead, items, closing, photos, contact, notes_to_editors),
        )| Release {
            language: Language::En,
            label,
            headline,
            deck,
            dateline: Dateline { place, position },
            published,
            updated,
            embargo,
            lead,
            items,
            closing,
            photos,
            contact,
            notes_to_editors,
            corrections: {
                let mut c: Vec<v2::Correction> = corrections
                    .into_iter()
                    .map(|(at, text)| v2::Correction {
                        at,
                        text: vec![Run::Text(text)],
                    })
                    .collect();
                c.sort_by_key(|c| c.at);
                c
            },
            translation: None,
        },
    )
}

/// Arbitrary valid v2 meetings.
pub(crate) fn meeting_v2() -> impl Strategy<Value = MeetingV2> {
    let info = (
        non_blank(),
        prop::option::of(0usize..3),
        prop::option::of(text()),
        date(),
        prop::option::of(0i64..10),
        prop::option::of(prop::sample::select(vec![
            chrono_tz::UTC,
            chrono_tz::Europe::Brussels,
            chrono_tz::America::St_Johns,
            chrono_tz::Asia::Kathmandu,
        ])),
        prop::sample::select(vec![
            vec![Language::En],
            vec![Language::Fr],
            vec![Language::En, Language::Fr],
            vec![Language::Fr, Language::En],
        ]),
    )
        .prop_map(
            |(title, organisation, location, starts, len, timezone, languages)| Info {
                title,
                organisation: organisation.map(|i| i.to_string()),
                location,
                starts,
                ends: len.map(|l| starts + Duration::days(l)),
                timezone,
                languages,
            },
        );
    let organisations = prop::collection::vec(
        (per_language(text), per_language(blocks), house_style()).prop_map(
            |(name, boilerplate, style)| Organisation {
                id: String::new(),
                name,
                boilerplate,
                style,
            },
        ),
        0..3,
    );
    let people = prop::collection::vec(
        (non_blank(), per_language(forms)).prop_map(|(name, forms)| Person {
            id: String::new(),
            name,
            forms,
        }),
        0..5,
    );
    (
        info,
        organisations,
        people,
        prop::collection::vec(item(), 0..5),
        (prop::option::of(release()), prop::option::of(release())),
        "[a-zA-Z][a-zA-Z0-9_.:-]{0,5}",
    )
        .prop_map(
            |(info, organisations, people, agenda, (first, second), prefix)| {
                let releases = info
                    .languages
                    .iter()
                    .zip([first, second])
                    .filter_map(|(l, r)| r.map(|r| Release { language: *l, ..r }))
                    .collect();
                resolve(
                    MeetingV2 {
                        info,
                        organisations,
                        people,
                        agenda,
                        releases,
                    },
                    &prefix,
                )
            },
        )
}

// ---- From placeholders to a valid meeting -------------------------------------------------------

/// What a release's runs may refer to while `resolve` goes through it.
struct Scope {
    people: Vec<String>,
    /// The quotes this release may place (on the record, of an item in the release, with words
    /// in its language); none in boilerplate and captions.
    placeable: Vec<String>,
    placed: HashSet<String>,
    /// Block ids given so far in this release, and a counter for the next.
    next: usize,
    prefix: String,
}

impl Scope {
    fn id(&mut self) -> String {
        self.next += 1;
        format!("{}b{}", self.prefix, self.next)
    }

    /// The quote a placeholder index names, if it may still be placed.
    fn take_quote(&mut self, index: &str) -> Option<String> {
        if self.placeable.is_empty() {
            return None;
        }
        let i: usize = index.parse().unwrap();
        let id = self.placeable[i % self.placeable.len()].clone();
        self.placed.insert(id.clone()).then_some(id)
    }

    fn runs(&mut self, runs: &mut Vec<Run>) {
        let old = std::mem::take(runs);
        for run in old {
            match run {
                Run::Text(t) => runs.push(Run::Text(t)),
                Run::Mention { person, form } => {
                    if self.people.is_empty() {
                        runs.push(Run::Text(person));
                    } else {
                        let i: usize = person.parse().unwrap();
                        runs.push(Run::Mention {
                            person: self.people[i % self.people.len()].clone(),
                            form,
                        });
                    }
                }
                Run::Quote(mut q) => match self.take_quote(&q.quote) {
                    None => runs.push(Run::Text(q.verb.unwrap_or_default())),
                    Some(id) => {
                        q.quote = id;
                        if q.attribution == Some(Attribution::None) {
                            (q.verb, q.form, q.clause) = (None, None, None);
                        }
                        if let Some(c) = &mut q.clause {
                            self.runs(c);
                        }
                        runs.push(Run::Quote(q));
                    }
                },
                link @ Run::Link { .. } => runs.push(link),
            }
        }
    }

    fn blocks(&mut self, blocks: &mut [Block]) {
        for b in blocks.iter_mut() {
            let id = self.id();
            match b {
                Block::Paragraph { id: i, runs } | Block::Heading { id: i, runs } => {
                    *i = id;
                    self.runs(runs);
                }
                Block::List { id: i, entries, .. } => {
                    *i = id;
                    entries.iter_mut().for_each(|e| self.runs(e));
                }
                Block::Blockquote { quote, byline, .. } => {
                    let mut byline = byline.take();
                    if let Some(b) = &mut byline {
                        self.runs(b);
                    }
                    *b = match self.take_quote(quote) {
                        Some(quote) => Block::Blockquote { id, quote, byline },
                        None => Block::Paragraph {
                            id,
                            runs: byline.unwrap_or_default(),
                        },
                    };
                }
                Block::Statement {
                    id: i,
                    intro,
                    paragraphs,
                } => {
                    *i = id;
                    self.runs(intro);
                    paragraphs.iter_mut().for_each(|p| self.runs(p));
                }
            }
        }
    }
}

/// Gives every placeholder a real id (`prefix` before each: ids are the writer's to choose) and
/// drops what the meeting's languages do not have.
fn resolve(mut m: MeetingV2, prefix: &str) -> MeetingV2 {
    let languages: HashSet<Language> = m.info.languages.iter().copied().collect();
    let keep = |l: &Language| languages.contains(l);
    for (i, o) in m.organisations.iter_mut().enumerate() {
        o.id = format!("{prefix}org{i}");
        o.name.retain(|l, _| keep(l));
        o.boilerplate.retain(|l, _| keep(l));
    }
    m.info.organisation = match (&m.info.organisation, m.organisations.len()) {
        (Some(i), n) if n > 0 => Some(m.organisations[i.parse::<usize>().unwrap() % n].id.clone()),
        _ => None,
    };
    let people: Vec<String> = (0..m.people.len())
        .map(|i| format!("{prefix}person{i}"))
        .collect();
    for (p, id) in m.people.iter_mut().zip(&people) {
        p.id.clone_from(id);
        p.forms.retain(|l, _| keep(l));
    }
    for (n, item) in m.agenda.iter_mut().enumerate() {
        item.id = format!("{prefix}item{n}");
        if people.is_empty() {
            item.quotes.clear();
        }
        for (j, q) in item.quotes.iter_mut().enumerate() {
            q.id = format!("{prefix}q{n}.{j}");
            q.speaker = people[q.speaker.parse::<usize>().unwrap() % people.len()].clone();
            q.words.retain(|l, _| keep(l));
            q.verb.retain(|l, _| keep(l));
            q.original = q.original.filter(|l| q.words.contains_key(l));
        }
    }
    let blank_scope = |people: &[String]| Scope {
        people: people.to_vec(),
        placeable: Vec::new(),
        placed: HashSet::new(),
        next: 0,
        prefix: prefix.to_owned(),
    };
    for o in &mut m.organisations {
        for b in o.boilerplate.values_mut() {
            blank_scope(&people).blocks(b);
        }
    }
    let items: Vec<String> = m.agenda.iter().map(|i| i.id.clone()).collect();
    for r in &mut m.releases {
        let mut scope = blank_scope(&people);
        scope.placeable = m
            .agenda
            .iter()
            .filter(|i| i.in_release)
            .flat_map(|i| &i.quotes)
            .filter(|q| q.in_release && q.words.contains_key(&r.language))
            .map(|q| q.id.clone())
            .collect();
        scope.runs(&mut r.headline);
        scope.runs(&mut r.deck);
        scope.blocks(&mut r.lead);
        let mut seen = HashSet::new();
        r.items.retain_mut(|part| {
            if items.is_empty() {
                return false;
            }
            part.item = items[part.item.parse::<usize>().unwrap() % items.len()].clone();
            seen.insert(part.item.clone())
        });
        for part in &mut r.items {
            if let Some(h) = &mut part.heading {
                scope.runs(h);
            }
            scope.blocks(&mut part.blocks);
        }
        scope.blocks(&mut r.closing);
        scope.blocks(&mut r.contact);
        scope.blocks(&mut r.notes_to_editors);
        let mut captions = blank_scope(&people);
        for (i, p) in r.photos.iter_mut().enumerate() {
            p.id = format!("{prefix}photo{i}");
            captions.runs(&mut p.caption);
        }
    }
    m
}

// ---- Properties --------------------------------------------------------------------------------

fn case_error(e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

/// A word no generated text holds, made of letters only so that search reads it as one word.
fn token() -> impl Strategy<Value = String> {
    "[a-z]{10}".prop_map(|s| format!("zqx{s}"))
}

/// Puts `token` in one text of `m`, the `kind`-th of the kinds of text search must find
/// (falling back to the title where the meeting has no such field), and names it.
fn place_token(m: &mut MeetingV2, kind: usize, token: &str) -> &'static str {
    let word = format!(" {token} ");
    let run = || Run::Text(format!(" {token} "));
    let para = |id: &str| Block::Paragraph {
        id: id.to_owned(),
        runs: vec![run()],
    };
    let first_lang = m.info.languages[0];
    let r = m.releases.first_mut();
    macro_rules! or_title {
        ($what:expr, $opt:expr, $f:expr) => {
            match $opt {
                Some(x) => {
                    #[allow(clippy::redundant_closure_call)]
                    ($f)(x);
                    return $what;
                }
                None => {
                    m.info.title.push_str(&word);
                    return "title";
                }
            }
        };
    }
    match kind % 25 {
        0 => {
            m.info.title.push_str(&word);
            "title"
        }
        1 => {
            m.info.location = Some(word.clone());
            "location"
        }
        2 => or_title!(
            "organisation name",
            m.organisations.first_mut(),
            |o: &mut Organisation| {
                o.name.insert(first_lang, word.clone());
            }
        ),
        3 => or_title!("person name", m.people.first_mut(), |p: &mut Person| p
            .name
            .push_str(&word)),
        4 => or_title!("full form", m.people.first_mut(), |p: &mut Person| {
            p.forms.entry(first_lang).or_default().full = Some(word.clone());
        }),
        5 => or_title!("role form", m.people.first_mut(), |p: &mut Person| {
            p.forms.entry(first_lang).or_default().role = Some(word.clone());
        }),
        6 => or_title!("short form", m.people.first_mut(), |p: &mut Person| {
            p.forms.entry(first_lang).or_default().short = Some(word.clone());
        }),
        7 => or_title!("agenda title", m.agenda.first_mut(), |i: &mut Item| i
            .title
            .push_str(&word)),
        8 => or_title!("private notes", m.agenda.first_mut(), |i: &mut Item| i
            .notes
            .push_str(&word)),
        9 => or_title!(
            "quote words",
            m.agenda.iter_mut().flat_map(|i| &mut i.quotes).next(),
            |q: &mut Quote| {
                q.words.insert(first_lang, word.clone());
            }
        ),
        10 => or_title!("headline", r, |r: &mut Release| r.headline.push(run())),
        11 => or_title!("label", r, |r: &mut Release| r.label = Some(word.clone())),
        12 => or_title!("dateline place", r, |r: &mut Release| r.dateline.place =
            Some(word.clone())),
        13 => or_title!("deck", r, |r: &mut Release| r.deck.push(run())),
        14 => or_title!("lead paragraph", r, |r: &mut Release| r
            .lead
            .push(para("tok"))),
        15 => or_title!("sub-heading", r, |r: &mut Release| r.closing.push(
            Block::Heading {
                id: "tok".into(),
                runs: vec![run()]
            }
        )),
        16 => or_title!("list entry", r, |r: &mut Release| r.closing.push(
            Block::List {
                id: "tok".into(),
                kind: ListKind::Numbered,
                entries: vec![vec![Run::Text("a".into())], vec![run()]],
                start: None,
            }
        )),
        17 => or_title!("statement", r, |r: &mut Release| r.lead.push(
            Block::Statement {
                id: "tok".into(),
                intro: vec![Run::Text("intro".into())],
                paragraphs: vec![vec![run()]],
            }
        )),
        18 => or_title!("link phrase", r, |r: &mut Release| r.closing.push(
            Block::Paragraph {
                id: "tok".into(),
                runs: vec![Run::Link {
                    href: "https://example.org/".into(),
                    text: vec![word.clone()],
                }],
            }
        )),
        19 => or_title!("contact", r, |r: &mut Release| r.contact.push(para("tok"))),
        20 => or_title!("notes to editors", r, |r: &mut Release| r
            .notes_to_editors
            .push(para("tok"))),
        21 => or_title!("caption", r, |r: &mut Release| r.photos.push(Photo {
            id: "tok".into(),
            image: None,
            alt: None,
            caption: vec![run()],
            language: None,
            credit: None,
            position: PhotoPosition::End,
        })),
        23 => or_title!("photo credit", r, |r: &mut Release| r.photos.push(Photo {
            id: "tok".into(),
            image: None,
            alt: None,
            caption: vec![Run::Text("a photo".into())],
            language: None,
            credit: Some(word.clone()),
            position: PhotoPosition::End,
        })),
        22 => or_title!(
            "item heading",
            r.and_then(|r| r.items.first_mut()),
            |p: &mut ItemPart| { p.heading.get_or_insert_with(Vec::new).push(run()) }
        ),
        _ => or_title!(
            "boilerplate",
            m.organisations.first_mut(),
            |o: &mut Organisation| {
                o.boilerplate
                    .entry(first_lang)
                    .or_default()
                    .push(para("tok"));
            }
        ),
    }
}

/// Every link destination a CommonMark reader finds in `md`, and whether it found raw HTML.
fn markdown_links_and_html(md: &str) -> (Vec<String>, bool) {
    let mut links = Vec::new();
    let mut html = false;
    for event in Parser::new_ext(md, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Start(Tag::Image { .. }) => html = true,
            Event::Html(_) | Event::InlineHtml(_) => html = true,
            _ => {}
        }
    }
    (links, html)
}

/// `m` with the private marker in every private text: the notes, and the words of every quote
/// no release may place.
fn with_private_marker(mut m: MeetingV2) -> MeetingV2 {
    for item in &mut m.agenda {
        item.notes = format!("{}{}", fuzzing::PRIVATE_MARKER, item.notes);
        let out = !item.in_release;
        for q in &mut item.quotes {
            if out || !q.in_release {
                for w in q.words.values_mut() {
                    *w = format!("{}{w}", fuzzing::PRIVATE_MARKER);
                }
            }
        }
    }
    m
}

/// The releases of `a` and `b` read the same in every format.
fn same_outputs(a: &MeetingV2, b: &MeetingV2, language: Language) -> Result<(), TestCaseError> {
    for format in [Format::Html, Format::Markdown] {
        prop_assert_eq!(
            format.render_v2(a, language).map_err(case_error)?,
            format.render_v2(b, language).map_err(case_error)?
        );
    }
    prop_assert_eq!(
        render::plain_text(&v2::compose(a, language)),
        render::plain_text(&v2::compose(b, language))
    );
    Ok(())
}

/// A v2 meeting that v1 can say: v1 → v2 → v1 gives its v1 meeting again (as upgrade.rs
/// documents), and the v2 meeting v1 gives back composes as it does.
fn through_v1(m: &MeetingV2) -> Result<(), TestCaseError> {
    let v1 = downgrade(m).map_err(case_error)?;
    let up = upgrade(&v1);
    prop_assert!(v2::validate(&up).is_ok(), "{:?}", v2::validate(&up));
    // upgrade.rs's one exception: summaries or quotes on the record without a release come
    // back in an empty release.
    prop_assert_eq!(
        downgrade(&up).map_err(case_error)?,
        crate::v2::expected_back(&v1)
    );
    if !m.releases.is_empty() {
        same_outputs(m, &up, m.info.languages[0])?;
    }
    Ok(())
}

/// A v1 meeting upgraded, its ids renamed as a writer may (`prefix` before each): a v2 meeting
/// that v1 can say, whose ids are not the ones `upgrade` gives.
fn renamed(mut m: MeetingV2, prefix: &str) -> MeetingV2 {
    let re = |id: &mut String| *id = format!("{prefix}{id}");
    if let Some(o) = &mut m.info.organisation {
        re(o);
    }
    for o in &mut m.organisations {
        re(&mut o.id);
    }
    for item in &mut m.agenda {
        re(&mut item.id);
        item.quotes.iter_mut().for_each(|q| re(&mut q.id));
    }
    for r in &mut m.releases {
        let blocks = r
            .lead
            .iter_mut()
            .chain(&mut r.closing)
            .chain(r.items.iter_mut().flat_map(|p| {
                re(&mut p.item);
                &mut p.blocks
            }));
        for b in blocks {
            if let Block::Paragraph { id, runs } = b {
                re(id);
                for run in runs {
                    if let Run::Quote(q) = run {
                        re(&mut q.quote);
                    }
                }
            }
        }
        r.photos.iter_mut().for_each(|p| re(&mut p.id));
    }
    m
}

/// `m` with `style` on the meeting's organisation (one with no name added when it has none).
fn with_house_style(mut m: MeetingV2, style: HouseStyle) -> MeetingV2 {
    let id = match &m.info.organisation {
        Some(id) => id.clone(),
        None => {
            let id = "~house".to_owned();
            m.organisations.push(Organisation {
                id: id.clone(),
                name: BTreeMap::new(),
                boilerplate: BTreeMap::new(),
                style: HouseStyle::default(),
            });
            m.info.organisation = Some(id.clone());
            id
        }
    };
    if let Some(o) = m.organisations.iter_mut().find(|o| o.id == id) {
        o.style = style;
    }
    m
}

/// Every link's address in a composed release, in order.
fn hrefs(c: &communique_core::Composed) -> Vec<String> {
    use communique_core::compose::{Block as B, Segment};
    let mut inlines: Vec<&Vec<Segment>> = c.deck.iter().collect();
    for b in c
        .lead
        .iter()
        .chain(&c.body)
        .chain(&c.contact)
        .chain(&c.notes_to_editors)
        .chain(&c.boilerplate)
    {
        match b {
            B::Paragraph(p) | B::Heading(p) => inlines.push(p),
            B::List { entries, .. } => inlines.extend(entries),
            B::Quote { byline, .. } => inlines.push(byline),
            B::Statement { intro, paragraphs } => {
                inlines.push(intro);
                inlines.extend(paragraphs);
            }
        }
    }
    inlines
        .into_iter()
        .flatten()
        .filter_map(|s| match s {
            Segment::Link { href, .. } => Some(href.clone()),
            Segment::Text(_) => None,
        })
        .collect()
}

/// A text with its white space gone and every apostrophe straight: what a house style's
/// apostrophes and spacing leave of it.
fn typography_aside(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A house style changes typography only: its apostrophes and spacing change nothing but
    /// apostrophes and spaces, and no style changes a link's address.
    #[test]
    fn a_house_style_changes_only_typography(m in meeting_v2(), style in house_style()) {
        let plain = with_house_style(m.clone(), HouseStyle::default());
        let styled = with_house_style(m.clone(), style);
        let typography = with_house_style(m, HouseStyle {
            apostrophe: style.apostrophe,
            french_spacing: style.french_spacing,
            ..HouseStyle::default()
        });
        prop_assert!(v2::validate(&styled).is_ok(), "{:?}", v2::validate(&styled));
        for language in plain.releases.iter().map(|r| r.language) {
            let a = v2::compose(&plain, language);
            prop_assert_eq!(hrefs(&a), hrefs(&v2::compose(&styled, language)));
            let b = v2::compose(&typography, language);
            prop_assert_eq!(
                typography_aside(&render::plain_text(&a)),
                typography_aside(&render::plain_text(&b))
            );
        }
    }

    #[test]
    fn generated_meetings_are_valid(m in meeting_v2()) {
        prop_assert!(v2::validate(&m).is_ok(), "{:?}", v2::validate(&m));
    }

    #[test]
    fn v2_file_round_trip(m in meeting_v2()) {
        let json = v2::to_json(&m).map_err(case_error)?;
        prop_assert_eq!(v2::to_json(&m).map_err(case_error)?, json.clone());
        let back = v2::parse("m.json", json.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(&back, &m);
        prop_assert_eq!(v2::to_json(&back).map_err(case_error)?, json);
        let compact = v2::to_compact_json(&m).map_err(case_error)?;
        prop_assert_eq!(v2::to_compact_json(&m).map_err(case_error)?, compact.clone());
        prop_assert_eq!(&v2::parse("m.json", compact.as_bytes()).map_err(case_error)?, &m);
        prop_assert_eq!(&v2::from_stored(&compact).map_err(case_error)?, &m);
        if downgrade(&m).is_ok() {
            through_v1(&m)?;
        }
    }

    /// A file is read straight into the model when it can be (`parse_any`), else through a JSON
    /// value that names the field of a refusal: both ways accept the same files with the same
    /// meeting and refuse the same files with the same error, whatever is wrong with them.
    #[test]
    fn reading_straight_and_through_a_value_agree(
        m in meeting_v2(),
        change in 0usize..9,
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let json = v2::to_json(&m).map_err(case_error)?;
        let changed = match change {
            0 => json.clone(),
            // Keys in another order: "format" after "agenda".
            1 => v2::to_value(&m).map_err(case_error)?.to_string(),
            2 => format!("[{json}]"),
            // A key twice: a JSON value keeps the last one.
            3 => json.replacen('{', "{\"people\": [], \"agenda\": 5,", 1),
            4 => json.replacen('{', "{\"unknown\": 1,", 1),
            5 => {
                let mut end = at.index(json.len());
                while !json.is_char_boundary(end) {
                    end -= 1;
                }
                json[..end].to_owned()
            }
            6 => {
                let mut bytes = json.clone().into_bytes();
                bytes[at.index(json.len())] = byte;
                String::from_utf8_lossy(&bytes).into_owned()
            }
            7 => json.replace("communique.meeting.v2", "communique.meeting.v1"),
            // The fields as an array in the model's order: serde would read a struct from it.
            _ => {
                let v = v2::to_value(&m).map_err(case_error)?;
                let fields = ["format", "meeting", "organisations", "people", "agenda", "releases"];
                let none = serde_json::json!([]); // a list left out when empty
                serde_json::Value::Array(fields.iter().map(|f| v.get(f).unwrap_or(&none).clone()).collect()).to_string()
            }
        };
        let straight = v2::parse_any("m.json", changed.as_bytes()).map_err(|e| e.to_string());
        let through = v2::parse_any_through_value("m.json", changed.as_bytes()).map_err(|e| e.to_string());
        prop_assert_eq!(&straight, &through, "{}", changed);
        if change == 0 || change == 1 {
            prop_assert_eq!(straight, Ok(m));
        }
    }

    #[test]
    fn every_release_composes_and_renders_escaped_the_same_twice(m in meeting_v2()) {
        let m = with_private_marker(m);
        prop_assert!(v2::validate(&m).is_ok(), "{:?}", v2::validate(&m));
        for language in m.releases.iter().map(|r| r.language) {
            let c = v2::compose(&m, language);
            prop_assert!(c.problems.is_empty(), "{:?}", c.problems);
            prop_assert_eq!(&v2::compose(&m, language), &c);
            let html = Format::Html.render_v2(&m, language).map_err(case_error)?;
            prop_assert_eq!(Format::Html.render_v2(&m, language).map_err(case_error)?, html.clone());
            // The renderer's own tags and attributes only, links the reader takes, one JSON-LD
            // script, no private text.
            fuzzing::check_html_v2(&html, "");
            let md = Format::Markdown.render_v2(&m, language).map_err(case_error)?;
            prop_assert_eq!(Format::Markdown.render_v2(&m, language).map_err(case_error)?, md.clone());
            let (links, raw_html) = markdown_links_and_html(&md);
            prop_assert!(!raw_html, "raw HTML read from the Markdown:\n{}", md);
            for l in &links {
                prop_assert!(v2::read::check_link(l).is_ok(), "a Markdown link to {:?}", l);
            }
            let plain = render::plain_text(&c);
            prop_assert_eq!(render::plain_text(&v2::compose(&m, language)), plain.clone());
            for out in [&html, &md, &plain] {
                prop_assert!(!out.contains(fuzzing::PRIVATE_MARKER), "private text shown:\n{}", out);
            }
        }
    }

    #[test]
    fn what_v1_can_say_goes_through_v1_and_back(
        m in crate::roundtrip::meeting(),
        prefix in "[a-zA-Z][a-zA-Z0-9_.:-]{0,5}",
    ) {
        let m = renamed(upgrade(&m), &prefix);
        prop_assert!(v2::validate(&m).is_ok(), "{:?}", v2::validate(&m));
        through_v1(&m)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The store keeps a meeting as it is given, replaces it whole, and search finds a word
    /// wherever it is typed, and no longer once it is gone.
    #[test]
    fn store_round_trip_and_search(
        (first, second) in (meeting_v2(), meeting_v2()),
        (kind, other_kind) in (0usize..25, 0usize..25),
        (old, new) in (token(), token()),
    ) {
        prop_assume!(old != new);
        let (mut first, mut second) = (first, second);
        let where_old = place_token(&mut first, kind, &old);
        let where_new = place_token(&mut second, other_kind, &new);
        prop_assert!(v2::validate(&first).is_ok(), "{:?}", v2::validate(&first));
        prop_assert!(v2::validate(&second).is_ok(), "{:?}", v2::validate(&second));
        let mut store = Store::open_in_memory().unwrap();
        let other = store.insert_v2(&second).map_err(case_error)?;
        let id = store.insert_v2(&first).map_err(case_error)?;
        let stored = store.load_v2(id).map_err(case_error)?;
        prop_assert_eq!(&stored.meeting, &first);
        let hits: Vec<_> = store.search(&old, 10).map_err(case_error)?.into_iter().map(|h| h.id).collect();
        prop_assert_eq!(hits, vec![id], "{} in the {}", old, where_old);

        let revision = store.save_v2(id, stored.revision, &second).map_err(case_error)?;
        prop_assert_eq!(revision, stored.revision + 1);
        let saved = store.load_v2(id).map_err(case_error)?;
        prop_assert_eq!(&saved.meeting, &second);
        prop_assert_eq!(saved.revision, revision);
        let mut hits: Vec<_> = store.search(&new, 10).map_err(case_error)?.into_iter().map(|h| h.id).collect();
        hits.sort();
        prop_assert_eq!(hits, vec![other, id], "{} in the {}", new, where_new);
        prop_assert!(store.search(&old, 10).map_err(case_error)?.is_empty(), "{} still found", old);
    }
}

/// The strategy reaches every construct: a generator that stopped placing quotes, say, would
/// let every property above pass on less.
#[test]
fn the_strategy_reaches_every_construct() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let strategy = meeting_v2();
    for _ in 0..200 {
        let m = strategy.new_tree(&mut runner).unwrap().current();
        let json = v2::to_value(&m).unwrap().to_string();
        let mut see = |what: &str, yes: bool| {
            if yes {
                *seen.entry(what.to_owned()).or_default() += 1;
            }
        };
        see("two releases", m.releases.len() == 2);
        see(
            "a release in French",
            m.releases.iter().any(|r| r.language == Language::Fr),
        );
        see("v1 can say it", downgrade(&m).is_ok());
        see(
            "boilerplate",
            m.organisations.iter().any(|o| !o.boilerplate.is_empty()),
        );
        see("an organisation named", m.info.organisation.is_some());
        see(
            "the meeting's organisation with a house style",
            m.info.organisation.as_deref().is_some_and(|id| {
                m.organisations
                    .iter()
                    .any(|o| o.id == id && !o.style.is_default())
            }),
        );
        see(
            "a pronoun",
            m.people
                .iter()
                .any(|p| p.forms.values().any(|f| f.pronoun.is_some())),
        );
        see(
            "a quote off the record",
            m.agenda
                .iter()
                .flat_map(|i| &i.quotes)
                .any(|q| !q.in_release),
        );
        see("a time said", json.contains("\"said\""));
        for key in [
            "\"label\"",
            "\"deck\"",
            "\"dateline\"",
            "\"published\"",
            "\"updated\"",
            "\"embargo\"",
            "\"lead\"",
            "\"items\"",
            "\"heading\"",
            "\"closing\"",
            "\"photos\"",
            "\"credit\"",
            "\"contact\"",
            "\"notes_to_editors\"",
            "\"p\"",
            "\"h\"",
            "\"numbered\"",
            "\"bulleted\"",
            "\"blockquote\"",
            "\"byline\"",
            "\"statement\"",
            "\"paragraphs\"",
            "\"person\"",
            "\"quote\"",
            "\"attribution\"",
            "\"clause\"",
            "\"verb\"",
            "\"link\"",
            "\"mailto:",
            "\"after-lead\"",
            "\"before-lead\"",
            "\"typed_marks\"",
            "<",
            "&",
            "\\n",
        ] {
            see(key, json.contains(key));
        }
        for a in [
            "after",
            "after-subject",
            "before",
            "before-that",
            "added",
            "none",
        ] {
            see(a, json.contains(&format!("\"attribution\":\"{a}\"")));
        }
        // A quote composed: its words in a release's output.
        let placed = m.releases.iter().any(|r| {
            let c = v2::compose(&m, r.language);
            let text = render::plain_text(&c);
            m.agenda
                .iter()
                .flat_map(|i| &i.quotes)
                .filter_map(|q| q.words.get(&r.language))
                .any(|w| w.trim().len() > 3 && text.contains(w.trim()))
        });
        see("a quote's words in a release", placed);
    }
    let wanted = 9 + 35 + 6 + 1;
    assert_eq!(seen.len(), wanted, "{seen:#?}");
    for (what, n) in &seen {
        assert!(*n >= 3, "{what}: {n} of 200\n{seen:#?}");
    }
}
