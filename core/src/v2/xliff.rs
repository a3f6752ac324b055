//! XLIFF 1.2, the file translators' tools read (Trados, memoQ, OmegaT, Weblate): a translated
//! release's texts out (`export`), the translations back in (`import`).
//!
//! One `trans-unit` per text (`translation::units`), its `id` the text's key (`block:p1`). Spans
//! are inline placeholders a translator moves but cannot edit: a person `<x ctype="x-person"/>`,
//! a quote `<x ctype="x-quote"/>` (with a clause said after its attribution,
//! `<g ctype="x-quote">clause</g>`), a link `<g ctype="link">phrase</g>`, the break between a
//! list's entries `<x ctype="lb"/>`. What a placeholder stands for stays in the meeting: a
//! translation names the placeholder, never the quote or the address.
//!
//! Importing is all or nothing: the file is checked whole (its meeting, its languages, each unit
//! against the text it was exported from, each placeholder) and every problem is reported, one a
//! line, with the file and the unit; only a file with none is applied.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

use super::translation::{self, Status, UnitText};
use super::{Block, MeetingV2, QuoteSpan, Release, Run, Runs};
use crate::lang::Language;

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// How an XLIFF file names the stored meeting it was exported from (`file/@original`): what the
/// CLI and the app write, and what an import of it checks.
pub fn original_of(id: crate::MeetingId) -> String {
    format!("communique meeting {id}")
}

/// `import` of the XLIFF file `file` (its `bytes`) into stored meeting `id`, in one transaction
/// (`Store::update_v2`): every problem refused as `Error::Xliff`, nothing applied unless there
/// are none. What the CLI and the app call.
pub fn import_stored(
    store: &mut crate::Store,
    id: crate::MeetingId,
    file: &str,
    bytes: &[u8],
) -> crate::Result<Imported> {
    let (imported, _) = store.update_v2(id, |m| {
        let (translated, imported) =
            import(m, &original_of(id), file, bytes).map_err(crate::Error::Xliff)?;
        *m = translated;
        Ok(imported)
    })?;
    Ok(imported)
}

/// Which texts an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// Those to translate and those outdated (the usual hand-off).
    Pending,
    /// Every text of the translation.
    All,
}

/// The XLIFF 1.2 of the release in `language`'s texts. `original` names the meeting in the file
/// (`meeting 3`): an import checks it.
pub fn export(
    m: &MeetingV2,
    language: Language,
    original: &str,
    which: Which,
) -> crate::Result<String> {
    let invalid = |message: String| crate::Error::Invalid {
        path: format!("{original}, release {}", language.tag()),
        message,
    };
    let Some(states) = translation::states(m, language) else {
        return Err(invalid(
            "not a translation: add the version from its source first (version add)".into(),
        ));
    };
    let of = m
        .release(language)
        .and_then(|r| r.translation.as_ref())
        .map(|t| t.of)
        .expect("states is Some");
    let sources: HashMap<String, UnitText<'_>> = translation::units(m, of)
        .into_iter()
        .map(|u| (u.key, u.text))
        .collect();
    let targets: HashMap<String, UnitText<'_>> = translation::units(m, language)
        .into_iter()
        .map(|u| (u.key, u.text))
        .collect();
    let mut w = Writer::new(Cursor::new(Vec::new()));
    let io = |e: std::io::Error| invalid(format!("cannot be written: {e}"));
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(io)?;
    nl(&mut w, 0).map_err(io)?;
    let mut root = BytesStart::new("xliff");
    root.push_attribute(("version", "1.2"));
    root.push_attribute(("xmlns", NAMESPACE));
    w.write_event(Event::Start(root)).map_err(io)?;
    nl(&mut w, 1).map_err(io)?;
    let mut file = BytesStart::new("file");
    file.push_attribute(("original", original));
    file.push_attribute(("source-language", of.tag()));
    file.push_attribute(("target-language", language.tag()));
    file.push_attribute(("datatype", "plaintext"));
    w.write_event(Event::Start(file)).map_err(io)?;
    nl(&mut w, 2).map_err(io)?;
    w.create_element("header")
        .write_inner_content(|w| {
            w.create_element("tool")
                .with_attribute(("tool-id", "communique"))
                .with_attribute(("tool-name", "Communiqué"))
                .with_attribute(("tool-version", env!("CARGO_PKG_VERSION")))
                .write_empty()?;
            Ok(())
        })
        .map_err(io)?;
    nl(&mut w, 2).map_err(io)?;
    w.write_event(Event::Start(BytesStart::new("body")))
        .map_err(io)?;
    for s in &states {
        if which == Which::Pending && s.status == Status::Translated {
            continue;
        }
        let Some(source) = sources.get(&s.key) else {
            // The source no longer has it: nothing to translate from.
            continue;
        };
        let (tokens, placed) = encoded(source);
        if let Some(bad) = tokens_text(&tokens).find(|c| !is_xml_char(*c)) {
            return Err(invalid(format!(
                "text {:?} holds the character U+{:04X}, which XML cannot carry",
                s.key, bad as u32
            )));
        }
        nl(&mut w, 3).map_err(io)?;
        let mut unit = BytesStart::new("trans-unit");
        unit.push_attribute(("id", s.key.as_str()));
        unit.push_attribute(("resname", s.label.as_str()));
        unit.push_attribute(("xml:space", "preserve"));
        w.write_event(Event::Start(unit)).map_err(io)?;
        nl(&mut w, 4).map_err(io)?;
        write_inline(&mut w, "source", &tokens).map_err(io)?;
        // A translated text (in an export of every text) with its translation, its placeholders
        // named as the source's; one that cannot be (its spans are not the source's) has none.
        let target = targets
            .get(&s.key)
            .filter(|_| s.status == Status::Translated);
        if let Some(target) = target.and_then(|t| encoded_as(t, &placed)) {
            nl(&mut w, 4).map_err(io)?;
            let mut element = BytesStart::new("target");
            element.push_attribute(("state", "translated"));
            w.write_event(Event::Start(element)).map_err(io)?;
            write_tokens(&mut w, &target).map_err(io)?;
            w.write_event(Event::End(BytesEnd::new("target")))
                .map_err(io)?;
        }
        if s.status == Status::Outdated {
            // The earlier translation as it reads, for the translator to start from; never
            // applied back.
            if let Some(target) = &s.target_text {
                nl(&mut w, 4).map_err(io)?;
                w.create_element("alt-trans")
                    .with_attribute(("alttranstype", "previous-version"))
                    .write_inner_content(|w| {
                        w.create_element("target")
                            .write_text_content(BytesText::new(target))?;
                        Ok(())
                    })
                    .map_err(io)?;
            }
            nl(&mut w, 4).map_err(io)?;
            let was = s.was_text.as_deref().unwrap_or_default();
            w.create_element("note")
                .with_attribute(("from", "communique"))
                .write_text_content(BytesText::new(&format!(
                    "Outdated: the source changed since it was translated. It read: {was}"
                )))
                .map_err(io)?;
        }
        nl(&mut w, 3).map_err(io)?;
        w.write_event(Event::End(BytesEnd::new("trans-unit")))
            .map_err(io)?;
    }
    nl(&mut w, 2).map_err(io)?;
    w.write_event(Event::End(BytesEnd::new("body")))
        .map_err(io)?;
    nl(&mut w, 1).map_err(io)?;
    w.write_event(Event::End(BytesEnd::new("file")))
        .map_err(io)?;
    nl(&mut w, 0).map_err(io)?;
    w.write_event(Event::End(BytesEnd::new("xliff")))
        .map_err(io)?;
    nl(&mut w, 0).map_err(io)?;
    String::from_utf8(w.into_inner().into_inner()).map_err(|e| invalid(e.to_string()))
}

fn nl<W: std::io::Write>(w: &mut Writer<W>, depth: usize) -> std::io::Result<()> {
    let s = format!("\n{}", "  ".repeat(depth));
    w.write_event(Event::Text(BytesText::from_escaped(s)))
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

// ---- Inline content ---------------------------------------------------------------------------

/// Text and placeholders, the content of a `source` or a `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Text(String),
    /// `<x id ctype/>`.
    X {
        id: String,
        ctype: String,
    },
    /// `<g id ctype>…</g>`.
    G {
        id: String,
        ctype: String,
        inner: Vec<Token>,
    },
}

fn tokens_text(tokens: &[Token]) -> impl Iterator<Item = char> + '_ {
    tokens
        .iter()
        .flat_map(|t| -> Box<dyn Iterator<Item = char> + '_> {
            match t {
                Token::Text(s) => Box::new(s.chars()),
                Token::X { .. } => Box::new(std::iter::empty()),
                Token::G { inner, .. } => Box::new(tokens_text(inner)),
            }
        })
}

/// What a placeholder stands for in the source unit it was made from.
#[derive(Debug, Clone)]
enum Placed {
    Person(String, Option<super::Form>),
    Quote(QuoteSpan),
    Link(String),
    Break,
}

struct Encoder {
    next: u32,
    placed: BTreeMap<String, Placed>,
}

impl Encoder {
    fn id(&mut self) -> String {
        self.next += 1;
        self.next.to_string()
    }

    fn runs(&mut self, runs: &Runs) -> Vec<Token> {
        let mut out = Vec::new();
        for run in runs {
            match run {
                Run::Text(t) => out.push(Token::Text(t.clone())),
                Run::Mention { person, form } => {
                    let id = self.id();
                    self.placed
                        .insert(id.clone(), Placed::Person(person.clone(), *form));
                    out.push(Token::X {
                        id,
                        ctype: "x-person".into(),
                    });
                }
                Run::Quote(q) => {
                    let id = self.id();
                    self.placed.insert(id.clone(), Placed::Quote(q.clone()));
                    match &q.clause {
                        None => out.push(Token::X {
                            id,
                            ctype: "x-quote".into(),
                        }),
                        Some(clause) => {
                            let inner = self.runs(clause);
                            out.push(Token::G {
                                id,
                                ctype: "x-quote".into(),
                                inner,
                            });
                        }
                    }
                }
                Run::Link { href, text } => {
                    let id = self.id();
                    self.placed.insert(id.clone(), Placed::Link(href.clone()));
                    out.push(Token::G {
                        id,
                        ctype: "link".into(),
                        inner: vec![Token::Text(text.concat())],
                    });
                }
            }
        }
        out
    }
}

fn encoded(text: &UnitText<'_>) -> (Vec<Token>, BTreeMap<String, Placed>) {
    let mut e = Encoder {
        next: 0,
        placed: BTreeMap::new(),
    };
    let tokens = match text {
        UnitText::Runs(runs) => e.runs(runs),
        UnitText::Plain(s) => vec![Token::Text((*s).to_owned())],
        UnitText::Lines(lines) => {
            let mut out = Vec::new();
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    let id = e.id();
                    e.placed.insert(id.clone(), Placed::Break);
                    out.push(Token::X {
                        id,
                        ctype: "lb".into(),
                    });
                }
                out.extend(e.runs(line));
            }
            out
        }
    };
    (merge_text(tokens), e.placed)
}

/// A translation's text as tokens whose placeholders carry the ids of the same spans in its
/// source (`placed`): the same person, quote or address, in the order met. `None` when a span of
/// the translation is not one of the source's.
fn encoded_as(text: &UnitText<'_>, placed: &BTreeMap<String, Placed>) -> Option<Vec<Token>> {
    let (tokens, own) = encoded(text);
    let mut used = std::collections::HashSet::new();
    let mut ids = HashMap::new();
    for (id, p) in &own {
        let same = |q: &Placed| match (p, q) {
            (Placed::Person(a, _), Placed::Person(b, _)) => a == b,
            (Placed::Quote(a), Placed::Quote(b)) => a.quote == b.quote,
            (Placed::Link(a), Placed::Link(b)) => a == b,
            (Placed::Break, Placed::Break) => true,
            _ => false,
        };
        let (source_id, _) = placed
            .iter()
            .find(|(sid, q)| !used.contains(*sid) && same(q))?;
        used.insert(source_id.clone());
        ids.insert(id.clone(), source_id.clone());
    }
    if used.len() != placed.len() {
        return None;
    }
    fn renamed(tokens: Vec<Token>, ids: &HashMap<String, String>) -> Vec<Token> {
        tokens
            .into_iter()
            .map(|t| match t {
                Token::X { id, ctype } => Token::X {
                    id: ids[&id].clone(),
                    ctype,
                },
                Token::G { id, ctype, inner } => Token::G {
                    id: ids[&id].clone(),
                    ctype,
                    inner: renamed(inner, ids),
                },
                text => text,
            })
            .collect()
    }
    Some(renamed(tokens, &ids))
}

fn encode(text: &UnitText<'_>) -> Vec<Token> {
    encoded(text).0
}

/// Adjacent texts as one, empty texts dropped: how a reader sees them.
fn merge_text(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for t in tokens {
        match t {
            Token::Text(s) if s.is_empty() => {}
            Token::Text(s) => match out.last_mut() {
                Some(Token::Text(prev)) => prev.push_str(&s),
                _ => out.push(Token::Text(s)),
            },
            Token::G { id, ctype, inner } => out.push(Token::G {
                id,
                ctype,
                inner: merge_text(inner),
            }),
            other => out.push(other),
        }
    }
    out
}

fn write_inline<W: std::io::Write>(
    w: &mut Writer<W>,
    element: &str,
    tokens: &[Token],
) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(element)))?;
    write_tokens(w, tokens)?;
    w.write_event(Event::End(BytesEnd::new(element)))
}

fn write_tokens<W: std::io::Write>(w: &mut Writer<W>, tokens: &[Token]) -> std::io::Result<()> {
    for t in tokens {
        match t {
            Token::Text(s) => w.write_event(Event::Text(BytesText::new(s)))?,
            Token::X { id, ctype } => {
                w.create_element("x")
                    .with_attribute(("id", id.as_str()))
                    .with_attribute(("ctype", ctype.as_str()))
                    .write_empty()?;
            }
            Token::G { id, ctype, inner } => {
                let mut g = BytesStart::new("g");
                g.push_attribute(("id", id.as_str()));
                g.push_attribute(("ctype", ctype.as_str()));
                w.write_event(Event::Start(g))?;
                write_tokens(w, inner)?;
                w.write_event(Event::End(BytesEnd::new("g")))?;
            }
        }
    }
    Ok(())
}

// ---- Reading ----------------------------------------------------------------------------------

/// An element read: its name (without a prefix), attributes and content.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter_map(move |c| match c {
            Node::Element(e) if e.name == name => Some(e),
            _ => None,
        })
    }
}

/// The document's root element; a DOCTYPE (entities) is refused, as translators' tools never
/// write one.
fn read_tree(text: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    let start = |e: &BytesStart<'_>| -> Result<Element, String> {
        let name = e.local_name().as_ref().to_owned();
        let mut attrs = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|e| format!("not well-formed XML: {e}"))?;
            let key = a.key.as_ref().to_owned();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| format!("not well-formed XML: {e}"))?
                .into_owned();
            attrs.push((key, value));
        }
        Ok(Element {
            name,
            attrs,
            children: Vec::new(),
        })
    };
    let push_text = |stack: &mut Vec<Element>, s: String| {
        if let Some(top) = stack.last_mut() {
            match top.children.last_mut() {
                Some(Node::Text(prev)) => prev.push_str(&s),
                _ => top.children.push(Node::Text(s)),
            }
        }
    };
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "not well-formed XML (at byte {}): {e}",
                reader.error_position()
            )
        })?;
        match event {
            Event::Start(e) => stack.push(start(&e)?),
            Event::Empty(e) => {
                let el = start(&e)?;
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Element(el)),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let el = stack
                    .pop()
                    .ok_or("not well-formed XML: an end tag too many")?;
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Element(el)),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => push_text(&mut stack, t.xml10_content().into_owned()),
            Event::CData(t) => push_text(&mut stack, t.into_inner().into_owned()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => resolve_predefined_entity(&r)
                        .map(str::to_owned)
                        .ok_or_else(|| format!("unknown entity &{};", &*r))?,
                    Err(e) => return Err(format!("not well-formed XML: {e}")),
                };
                push_text(&mut stack, c);
            }
            Event::DocType(_) => {
                return Err("a DOCTYPE is not read (XLIFF has none)".into());
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err("not well-formed XML: the file ends inside an element".into());
    }
    root.ok_or_else(|| "not XML: no element".into())
}

/// Inline content read back: text, `x` and `g`; anything else is named.
fn read_tokens(children: &[Node]) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    for c in children {
        match c {
            Node::Text(s) => out.push(Token::Text(s.clone())),
            Node::Element(e) => {
                let id = e.attr("id").unwrap_or_default().to_owned();
                let ctype = e.attr("ctype").unwrap_or_default().to_owned();
                match e.name.as_str() {
                    "x" => out.push(Token::X { id, ctype }),
                    "g" => out.push(Token::G {
                        id,
                        ctype,
                        inner: read_tokens(&e.children)?,
                    }),
                    // A segmentation mark some tools add: its content is the text.
                    "mrk" => out.extend(read_tokens(&e.children)?),
                    other => {
                        return Err(format!(
                            "<{other}> is not one of this unit's placeholders (x, g)"
                        ))
                    }
                }
            }
        }
    }
    Ok(merge_text(out))
}

/// Checks the target's placeholders against the source's: each once, the same kind, inside the
/// same placeholder (a list's breaks are interchangeable).
fn check_placeholders(source: &[Token], target: &[Token]) -> Result<(), String> {
    fn shape(tokens: &[Token], parent: &str, out: &mut Vec<(String, String, String, bool)>) {
        for t in tokens {
            match t {
                Token::Text(_) => {}
                Token::X { id, ctype } => {
                    out.push((id.clone(), ctype.clone(), parent.to_owned(), false))
                }
                Token::G { id, ctype, inner } => {
                    out.push((id.clone(), ctype.clone(), parent.to_owned(), true));
                    shape(inner, id, out);
                }
            }
        }
    }
    let (mut s, mut t) = (Vec::new(), Vec::new());
    shape(source, "", &mut s);
    shape(target, "", &mut t);
    let by_id: HashMap<&str, &(String, String, String, bool)> =
        s.iter().map(|p| (p.0.as_str(), p)).collect();
    let mut seen = HashMap::new();
    for p in &t {
        let Some(src) = by_id.get(p.0.as_str()) else {
            return Err(format!(
                "placeholder id {:?} is not one of the source's",
                p.0
            ));
        };
        if seen.insert(p.0.as_str(), ()).is_some() {
            return Err(format!("placeholder {:?} appears twice", p.0));
        }
        // The id is what names a placeholder: tools may leave out its ctype (translate-toolkit
        // does), never give it another.
        if (!p.1.is_empty() && src.1 != p.1) || src.3 != p.3 {
            return Err(format!(
                "placeholder {:?} changed kind ({} {:?} in the source)",
                p.0,
                if src.3 { "g" } else { "x" },
                src.1
            ));
        }
        if src.2 != p.2 && src.1 != "lb" {
            return Err(format!("placeholder {:?} moved in or out of another", p.0));
        }
    }
    if let Some(missing) = s.iter().find(|p| !seen.contains_key(p.0.as_str())) {
        return Err(format!(
            "placeholder {:?} ({}) is missing",
            missing.0, missing.1
        ));
    }
    Ok(())
}

/// An XLIFF file's problems: the file, and per problem the unit (when one) and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    pub file: String,
    pub problems: Vec<(Option<String>, String)>,
}

impl std::fmt::Display for Problems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (unit, reason)) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            match unit {
                Some(u) => write!(f, "{}: unit {u:?}: {reason}", self.file)?,
                None => write!(f, "{}: {reason}", self.file)?,
            }
        }
        Ok(())
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub language: Language,
    /// Texts translated from the file.
    pub applied: Vec<String>,
    /// Units the file left without a translation.
    pub untranslated: Vec<String>,
}

/// Reads translations from `bytes` (the XLIFF of `file`) into the release they translate, whose
/// language the file's `target-language` names. `original` is what `export` wrote for this
/// meeting. Returns the meeting translated, and what was; or every problem, and nothing.
pub fn import(
    m: &MeetingV2,
    original: &str,
    file: &str,
    bytes: &[u8],
) -> Result<(MeetingV2, Imported), Problems> {
    let fail = |unit: Option<String>, reason: String| Problems {
        file: file.to_owned(),
        problems: vec![(unit, reason)],
    };
    let text =
        std::str::from_utf8(bytes).map_err(|e| fail(None, format!("not UTF-8 text: {e}")))?;
    let root = read_tree(text).map_err(|r| fail(None, r))?;
    if root.name != "xliff" {
        return Err(fail(
            None,
            format!("not XLIFF: the root element is <{}>", root.name),
        ));
    }
    match root.attr("version") {
        Some("1.2") => {}
        Some(v) => {
            return Err(fail(
                None,
                format!("XLIFF {v}: this reads XLIFF 1.2 (what `xliff export` writes)"),
            ))
        }
        None => return Err(fail(None, "the <xliff> element has no version".into())),
    }
    if root.attr("xmlns") != Some(NAMESPACE) {
        return Err(fail(
            None,
            format!("not in the XLIFF 1.2 namespace ({NAMESPACE})"),
        ));
    }
    let files: Vec<&Element> = root.elements("file").collect();
    let [f] = files.as_slice() else {
        return Err(fail(
            None,
            format!("{} <file> elements: an export holds one", files.len()),
        ));
    };
    if f.attr("original") != Some(original) {
        return Err(fail(
            None,
            format!(
                "exported from {:?}, not {original:?}",
                f.attr("original").unwrap_or("another meeting")
            ),
        ));
    }
    let target_tag = f.attr("target-language").unwrap_or_default();
    let Some(language) = Language::ALL
        .into_iter()
        .find(|l| same_language(l.tag(), target_tag))
    else {
        return Err(fail(
            None,
            format!("target-language {target_tag:?} is not a language releases are written in"),
        ));
    };
    let Some(of) = m
        .release(language)
        .and_then(|r| r.translation.as_ref())
        .map(|t| t.of)
    else {
        return Err(fail(
            None,
            format!(
                "target-language {target_tag:?}: the meeting has no translated release in {:?}",
                language.tag()
            ),
        ));
    };
    let source_tag = f.attr("source-language").unwrap_or_default();
    if !same_language(of.tag(), source_tag) {
        return Err(fail(
            None,
            format!(
                "source-language {source_tag:?}: the {} release is translated from {:?}",
                language.tag(),
                of.tag()
            ),
        ));
    }
    let sources: HashMap<String, UnitText<'_>> = translation::units(m, of)
        .into_iter()
        .map(|u| (u.key, u.text))
        .collect();
    let mut problems = Vec::new();
    let mut translations: Vec<(String, Vec<Token>)> = Vec::new();
    let mut untranslated = Vec::new();
    let mut seen = HashMap::new();
    let units: Vec<&Element> = f
        .elements("body")
        .flat_map(|b| b.children.iter())
        .filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .flat_map(|e| {
            // Units may sit in groups.
            if e.name == "group" {
                e.elements("trans-unit").collect::<Vec<_>>()
            } else {
                vec![e]
            }
        })
        .collect();
    for u in units {
        if u.name != "trans-unit" {
            problems.push((None, format!("<{}> in <body>: not a trans-unit", u.name)));
            continue;
        }
        let Some(id) = u.attr("id") else {
            problems.push((None, "a trans-unit without an id".into()));
            continue;
        };
        let unit = Some(id.to_owned());
        if seen.insert(id.to_owned(), ()).is_some() {
            problems.push((unit, "appears twice".into()));
            continue;
        }
        let Some(source) = sources.get(id) else {
            problems.push((unit, format!("not a text of the {} release", of.tag())));
            continue;
        };
        let expected = encode(source);
        let read_source = match u.elements("source").next() {
            Some(s) => read_tokens(&s.children),
            None => Err("has no <source>".into()),
        };
        match read_source {
            Ok(s) if s == expected => {}
            Ok(_) => {
                problems.push((
                    unit,
                    format!(
                        "its source is not the {} text as it reads now (changed since the export?): export again",
                        of.tag()
                    ),
                ));
                continue;
            }
            Err(reason) => {
                problems.push((unit, format!("source: {reason}")));
                continue;
            }
        }
        let Some(target) = u.elements("target").next() else {
            untranslated.push(id.to_owned());
            continue;
        };
        if matches!(target.attr("state"), Some("new" | "needs-translation")) {
            untranslated.push(id.to_owned());
            continue;
        }
        if let Some(lang) = target.attr("xml:lang") {
            if !same_language(language.tag(), lang) {
                problems.push((
                    unit,
                    format!("its target is in {lang:?}, not {:?}", language.tag()),
                ));
                continue;
            }
        }
        let tokens = match read_tokens(&target.children) {
            Ok(t) => t,
            Err(reason) => {
                problems.push((unit, format!("target: {reason}")));
                continue;
            }
        };
        if tokens_text(&tokens).all(char::is_whitespace)
            && !tokens.iter().any(|t| !matches!(t, Token::Text(_)))
        {
            untranslated.push(id.to_owned());
            continue;
        }
        if let Err(reason) = check_placeholders(&expected, &tokens) {
            problems.push((unit, format!("target: {reason}")));
            continue;
        }
        translations.push((id.to_owned(), tokens));
    }
    if !problems.is_empty() {
        return Err(Problems {
            file: file.to_owned(),
            problems,
        });
    }
    let mut out = m.clone();
    let mut applied = Vec::new();
    for (key, tokens) in &translations {
        let (_, placed) = encoded(&sources[key]);
        if let Err(reason) = apply(&mut out, m, of, language, key, tokens, &placed) {
            return Err(fail(Some(key.clone()), reason));
        }
        applied.push(key.clone());
    }
    translation::mark_translated(&mut out, language, Some(&applied))
        .map_err(|e| fail(None, e.to_string()))?;
    if let Err((path, message)) = super::validate(&out) {
        return Err(fail(
            None,
            format!("the meeting translated would not be valid: {path}: {message}"),
        ));
    }
    Ok((
        out,
        Imported {
            language,
            applied,
            untranslated,
        },
    ))
}

/// `fr` is `fr`, `FR` and `fr-FR` (what tools write for a language).
fn same_language(tag: &str, written: &str) -> bool {
    let primary = written.split(['-', '_']).next().unwrap_or_default();
    primary.eq_ignore_ascii_case(tag)
}

/// The runs of a target (one line), its placeholders put back as the spans they stand for.
/// A quote keeps the attribution the translation gave it, if it had one.
fn runs_of(
    tokens: &[Token],
    placed: &BTreeMap<String, Placed>,
    target_spans: &HashMap<String, QuoteSpan>,
) -> Result<Runs, String> {
    let mut out = Vec::new();
    for t in tokens {
        match t {
            Token::Text(s) => out.push(Run::Text(s.clone())),
            Token::X { id, .. } | Token::G { id, .. } => {
                let inner = match t {
                    Token::G { inner, .. } => Some(inner),
                    _ => None,
                };
                match placed.get(id) {
                    Some(Placed::Person(person, form)) => out.push(Run::Mention {
                        person: person.clone(),
                        form: *form,
                    }),
                    Some(Placed::Quote(q)) => {
                        let mut span = target_spans.get(&q.quote).cloned().unwrap_or(QuoteSpan {
                            verb: None,
                            ..q.clone()
                        });
                        span.clause = match inner {
                            Some(inner) => Some(runs_of(inner, placed, target_spans)?),
                            None => None,
                        };
                        out.push(Run::Quote(span));
                    }
                    Some(Placed::Link(href)) => {
                        let text = inner
                            .map(|i| plain_text(i))
                            .transpose()?
                            .unwrap_or_default();
                        if text.trim().is_empty() {
                            return Err(format!("link {id:?} lost its phrase"));
                        }
                        out.push(Run::Link {
                            href: href.clone(),
                            text: vec![text],
                        });
                    }
                    Some(Placed::Break) => return Err("a line break out of place".into()),
                    None => return Err(format!("placeholder {id:?} is not the source's")),
                }
            }
        }
    }
    Ok(out)
}

fn plain_text(tokens: &[Token]) -> Result<String, String> {
    let mut s = String::new();
    for t in tokens {
        match t {
            Token::Text(t) => s.push_str(t),
            _ => return Err("a link's phrase holds a placeholder".into()),
        }
    }
    Ok(s)
}

/// The lines of a target split at its breaks.
fn lines_of(tokens: &[Token], placed: &BTreeMap<String, Placed>) -> Vec<Vec<Token>> {
    let mut lines = vec![Vec::new()];
    for t in tokens {
        match t {
            Token::X { id, .. } if matches!(placed.get(id), Some(Placed::Break)) => {
                lines.push(Vec::new())
            }
            other => lines.last_mut().expect("one line").push(other.clone()),
        }
    }
    lines
}

fn text_of(tokens: &[Token]) -> Result<String, String> {
    plain_text(tokens).map_err(|_| "this text takes no placeholder".into())
}

/// Puts one translated text in place in `out` (whose source is `m`'s release in `of`).
fn apply(
    out: &mut MeetingV2,
    m: &MeetingV2,
    of: Language,
    language: Language,
    key: &str,
    tokens: &[Token],
    placed: &BTreeMap<String, Placed>,
) -> Result<(), String> {
    let release = out
        .releases
        .iter_mut()
        .find(|r| r.language == language)
        .ok_or("no release")?;
    let spans = quote_spans(release);
    let runs = |t: &[Token]| runs_of(t, placed, &spans);
    let (kind, id) = key.split_once(':').unwrap_or((key, ""));
    match kind {
        "label" => release.label = Some(text_of(tokens)?),
        "place" => release.dateline.place = Some(text_of(tokens)?),
        "headline" => release.headline = runs(tokens)?,
        "deck" => release.deck = runs(tokens)?,
        "heading" => {
            let r = runs(tokens)?;
            let part = part_for(release, m, of, id)?;
            part.heading = Some(r);
        }
        "correction" => {
            let r = runs(tokens)?;
            let n: usize = id.parse().map_err(|_| "no such correction")?;
            let source = m
                .release(of)
                .and_then(|s| s.corrections.get(n.wrapping_sub(1)))
                .ok_or("no such correction")?
                .clone();
            while release.corrections.len() < n {
                let k = release.corrections.len();
                let earlier = m
                    .release(of)
                    .and_then(|s| s.corrections.get(k))
                    .cloned()
                    .unwrap_or_else(|| source.clone());
                release.corrections.push(earlier);
            }
            release.corrections[n - 1].text = r;
        }
        "caption" => {
            let r = runs(tokens)?;
            match release.photos.iter_mut().find(|p| p.id == id) {
                Some(p) => p.caption = r,
                None => {
                    let source = m
                        .release(of)
                        .and_then(|s| s.photos.iter().find(|p| p.id == id));
                    let mut p = source.cloned().ok_or("no such photo")?;
                    p.caption = r;
                    p.language = None;
                    release.photos.push(p);
                }
            }
        }
        "alt" => {
            let alt = text_of(tokens)?;
            match release.photos.iter_mut().find(|p| p.id == id) {
                Some(p) => p.alt = Some(alt),
                None => {
                    let source = m
                        .release(of)
                        .and_then(|s| s.photos.iter().find(|p| p.id == id));
                    let mut p = source.cloned().ok_or("no such photo")?;
                    p.alt = Some(alt);
                    p.language = None;
                    release.photos.push(p);
                }
            }
        }
        "block" => {
            let lines: Vec<Runs> = lines_of(tokens, placed)
                .iter()
                .map(|l| runs(l))
                .collect::<Result<_, _>>()?;
            let block = block_for(release, m, of, id)?;
            set_block(block, lines);
        }
        "quote" => {
            let words = text_of(tokens)?;
            let (_, q) = m.quote(id).ok_or("no such quote")?;
            let q_id = q.id.clone();
            let quote = out
                .agenda
                .iter_mut()
                .flat_map(|i| i.quotes.iter_mut())
                .find(|q| q.id == q_id)
                .ok_or("no such quote")?;
            quote.words.insert(language, words);
        }
        "full" | "short" | "role" | "pronoun" => {
            let text = text_of(tokens)?;
            let p = out
                .people
                .iter_mut()
                .find(|p| p.id == id)
                .ok_or("no such person")?;
            let forms = p.forms.entry(language).or_default();
            let form = match kind {
                "full" => &mut forms.full,
                "short" => &mut forms.short,
                "role" => &mut forms.role,
                _ => &mut forms.pronoun,
            };
            *form = Some(text);
        }
        "organisation" | "boilerplate" => {
            let org_id = out.info.organisation.clone().ok_or("no organisation")?;
            let org = out
                .organisations
                .iter_mut()
                .find(|o| o.id == org_id)
                .ok_or("no organisation")?;
            if kind == "organisation" {
                org.name.insert(language, text_of(tokens)?);
            } else {
                let source = org
                    .boilerplate
                    .get(&of)
                    .and_then(|bs| bs.iter().find(|b| b.id() == id))
                    .cloned()
                    .ok_or("no such boilerplate block")?;
                let lines: Vec<Runs> = lines_of(tokens, placed)
                    .iter()
                    .map(|l| runs_of(l, placed, &HashMap::new()))
                    .collect::<Result<_, _>>()?;
                let blocks = org.boilerplate.entry(language).or_default();
                let block = match blocks.iter().position(|b| b.id() == id) {
                    Some(i) => &mut blocks[i],
                    None => {
                        blocks.push(source);
                        blocks.last_mut().expect("pushed")
                    }
                };
                set_block(block, lines);
            }
        }
        _ => return Err("not a text key".into()),
    }
    Ok(())
}

fn quote_spans(r: &Release) -> HashMap<String, QuoteSpan> {
    let mut out = HashMap::new();
    translation::each_run_of(r, &|_| true, &mut |run| {
        if let Run::Quote(q) = run {
            out.insert(q.quote.clone(), q.clone());
        }
    });
    out
}

fn set_block(block: &mut Block, mut lines: Vec<Runs>) {
    match block {
        Block::Paragraph { runs, .. } | Block::Heading { runs, .. } => {
            *runs = lines.pop().unwrap_or_default();
        }
        Block::List { entries, .. } => *entries = lines,
        Block::Blockquote { byline, .. } => *byline = lines.pop(),
        Block::Statement {
            intro, paragraphs, ..
        } => {
            let mut it = lines.into_iter();
            *intro = it.next().unwrap_or_default();
            *paragraphs = it.collect();
        }
    }
}

/// The translation's part for agenda item `item`, added (in the source's place) if it has none.
fn part_for<'r>(
    release: &'r mut Release,
    m: &MeetingV2,
    of: Language,
    item: &str,
) -> Result<&'r mut super::ItemPart, String> {
    if let Some(i) = release.items.iter().position(|p| p.item == item) {
        return Ok(&mut release.items[i]);
    }
    let source = m.release(of).ok_or("no source release")?;
    let at = source
        .items
        .iter()
        .position(|p| p.item == item)
        .ok_or("no such item part")?;
    let before: Vec<&str> = source.items[..at].iter().map(|p| p.item.as_str()).collect();
    let index = release
        .items
        .iter()
        .rposition(|p| before.contains(&p.item.as_str()))
        .map_or(0, |i| i + 1);
    release.items.insert(
        index,
        super::ItemPart {
            item: item.to_owned(),
            heading: None,
            blocks: Vec::new(),
        },
    );
    Ok(&mut release.items[index])
}

/// The translation's block `id`, added (a copy of the source's, after the block it follows
/// there) if it has none.
fn block_for<'r>(
    release: &'r mut Release,
    m: &MeetingV2,
    of: Language,
    id: &str,
) -> Result<&'r mut Block, String> {
    let found = locate(release, id);
    if let Some((container, i)) = found {
        return Ok(&mut container_mut(release, &container)?[i]);
    }
    let source = m.release(of).ok_or("no source release")?;
    let (container, at) = locate(source, id).ok_or("no such block")?;
    let list = container_of(source, &container).ok_or("no such block")?;
    let mut copy = list[at].clone();
    translation::strip_block_verbs(std::slice::from_mut(&mut copy));
    let before: Vec<String> = list[..at].iter().map(|b| b.id().to_owned()).collect();
    if let Container::Item(item) = &container {
        part_for(release, m, of, item)?;
    }
    let target = container_mut(release, &container)?;
    let index = target
        .iter()
        .rposition(|b| before.iter().any(|id| id == b.id()))
        .map_or(0, |i| i + 1);
    target.insert(index, copy);
    Ok(&mut target[index])
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Container {
    Lead,
    Item(String),
    Closing,
    Contact,
    Notes,
}

fn locate(r: &Release, id: &str) -> Option<(Container, usize)> {
    let find = |bs: &[Block]| bs.iter().position(|b| b.id() == id);
    if let Some(i) = find(&r.lead) {
        return Some((Container::Lead, i));
    }
    for p in &r.items {
        if let Some(i) = find(&p.blocks) {
            return Some((Container::Item(p.item.clone()), i));
        }
    }
    for (c, bs) in [
        (Container::Closing, &r.closing),
        (Container::Contact, &r.contact),
        (Container::Notes, &r.notes_to_editors),
    ] {
        if let Some(i) = find(bs) {
            return Some((c, i));
        }
    }
    None
}

fn container_of<'r>(r: &'r Release, c: &Container) -> Option<&'r Vec<Block>> {
    match c {
        Container::Lead => Some(&r.lead),
        Container::Item(item) => r.items.iter().find(|p| &p.item == item).map(|p| &p.blocks),
        Container::Closing => Some(&r.closing),
        Container::Contact => Some(&r.contact),
        Container::Notes => Some(&r.notes_to_editors),
    }
}

fn container_mut<'r>(r: &'r mut Release, c: &Container) -> Result<&'r mut Vec<Block>, String> {
    match c {
        Container::Lead => Ok(&mut r.lead),
        Container::Item(item) => r
            .items
            .iter_mut()
            .find(|p| &p.item == item)
            .map(|p| &mut p.blocks)
            .ok_or_else(|| "no such item part".into()),
        Container::Closing => Ok(&mut r.closing),
        Container::Contact => Ok(&mut r.contact),
        Container::Notes => Ok(&mut r.notes_to_editors),
    }
}
