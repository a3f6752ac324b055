//! Hostile text in every field, exported, then opened in Debian's headless Chromium: the HTML
//! export as written, and the Markdown export turned into a page by pandoc (no CSP there, so only
//! escaping protects it). The DOM Chromium ends with must hold no element or attribute a payload
//! could have added, and no payload may have run.
//!
//! Also: pandoc reads every paragraph of the Markdown export back exactly, and the tools that
//! publish Markdown read it as typed: Hugo builds a site from it whose page shows the exact title
//! and paragraphs, and PyYAML reads its front matter as the exact text.
//!
//! Needs `chromium`, `pandoc`, `hugo` and `python3-yaml` (installed by `scripts/install-deps
//! --test`); fails, rather than skips, without them.

#![allow(clippy::unwrap_used)] // Tests and benches: a panic is the failure report.

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;
use communique_core::{fuzzing, meeting_file, sample};

/// Classic XSS vectors (OWASP and PortSwigger cheat sheets), each trying to mark the page. The
/// same list is typed into the real app by the end-to-end tests.
fn payloads() -> Vec<String> {
    serde_json::from_str(include_str!("../../tests/xss-payloads.json")).unwrap()
}

/// Elements pandoc's page adds to the export's own (`fuzzing::TAGS`).
const PANDOC_TAGS: &[&str] = &[
    "em", "code",
    // GFM turns a typed http(s) address into a link; checked below to be nothing else.
    "a",
];
const ALLOWED_ATTRS: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "class",
    "datetime",
    "type",
    "id",
    "xml:lang",
    "xmlns",
    "dir",
    "href",
];

/// Every payload in every field (the fuzz target's own mapping), and one agenda item per payload
/// so each also stands alone as a paragraph.
fn hostile_meeting() -> communique_core::Meeting {
    let payloads = payloads();
    let mut m = communique_core::fuzzing::meeting_with_text(&payloads.join(" "));
    let template = m.agenda[0].clone();
    m.agenda = payloads
        .iter()
        .map(|p| {
            let mut item = template.clone();
            item.title.clone_from(p);
            item.summary.clone_from(p);
            for q in &mut item.quotes {
                q.text.clone_from(p);
                q.verb = Some(p.clone());
            }
            item
        })
        .collect();
    m
}

fn chromium_dom(page: &Path, profile: &Path) -> String {
    let out = Std::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium must be installed (apt-get install chromium)");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every tag in a serialised DOM, with its attributes (name, value). Chromium escapes `<` in
/// text and attribute values, so each `<` starts a real tag.
fn tags(dom: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = dom;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let end = tag_end(rest);
        let tag = &rest[..end];
        let name: String = tag
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        let mut attrs = Vec::new();
        let mut chars = tag[name.len()..].chars().peekable();
        loop {
            while chars.next_if(|c| c.is_whitespace() || *c == '/').is_some() {}
            let attr: String =
                std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
            if attr.is_empty() {
                break;
            }
            let mut value = String::new();
            if chars.next_if_eq(&'=').is_some() {
                match chars.next_if(|c| *c == '"' || *c == '\'') {
                    Some(q) => value = std::iter::from_fn(|| chars.next_if(|c| *c != q)).collect(),
                    None => {
                        value =
                            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect()
                    }
                }
                chars.next();
            }
            attrs.push((attr.to_lowercase(), value));
        }
        out.push((name.to_lowercase(), attrs));
        rest = &rest[end..];
    }
    out
}

/// The `>` closing a tag, skipping quoted attribute values.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return i,
            None => {}
        }
    }
    s.len()
}

fn assert_inert(dom: &str, what: &str, max_scripts: usize) {
    assert_inert_with(dom, what, max_scripts, &[], &["http://", "https://"]);
}

/// What the v2 export adds: its blocks' elements (`fuzzing::V2_TAGS`), the `rel` of its links
/// (`noopener noreferrer`), the `start` of a numbered list that goes on from an earlier one, and
/// `mailto:` links.
const V2_ATTRS: &[&str] = &["rel", "start"];
const V2_SCHEMES: &[&str] = &["http://", "https://", "mailto:"];

/// `assert_inert`, with `extra` elements (and `V2_ATTRS` with them) allowed too, and links to
/// addresses of `schemes` only.
fn assert_inert_with(dom: &str, what: &str, max_scripts: usize, extra: &[&str], schemes: &[&str]) {
    let tags = tags(dom);
    assert!(
        tags.iter().any(|(t, _)| t == "p"),
        "{what}: no paragraphs rendered"
    );
    for (tag, attrs) in &tags {
        assert!(
            (fuzzing::TAGS.contains(&tag.as_str())
                || PANDOC_TAGS.contains(&tag.as_str())
                || extra.contains(&tag.as_str())),
            "{what}: unexpected <{tag}> in the page"
        );
        for (a, value) in attrs {
            assert!(
                ALLOWED_ATTRS.contains(&a.as_str())
                    || (!extra.is_empty() && V2_ATTRS.contains(&a.as_str())),
                "{what}: unexpected attribute {a} on <{tag}>"
            );
            if a == "href" {
                let v = value.trim().to_lowercase();
                assert!(
                    schemes.iter().any(|s| v.starts_with(s)),
                    "{what}: link to {value}"
                );
            }
        }
    }
    let scripts = tags.iter().filter(|(t, _)| t == "script").count();
    assert!(scripts <= max_scripts, "{what}: {scripts} scripts");
    let html_tag = tags.iter().find(|(t, _)| t == "html").unwrap();
    assert!(
        !html_tag.1.iter().any(|(a, _)| a == "data-xss"),
        "{what}: a payload ran"
    );
}

fn communique(dir: &Path, args: &[&str]) {
    Command::cargo_bin("communique")
        .unwrap()
        .env("COMMUNIQUE_DB", dir.join("archive.sqlite3"))
        .args(args)
        .assert()
        .success();
}

#[test]
fn no_payload_runs_in_the_html_export_or_in_pandocs_page_of_the_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let file: PathBuf = d.join("hostile.meeting.json");
    std::fs::write(&file, meeting_file::to_json(&hostile_meeting()).unwrap()).unwrap();
    communique(d, &["import", file.to_str().unwrap()]);
    let html = d.join("release.html");
    let md = d.join("release.md");
    communique(
        d,
        &[
            "export",
            "1",
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    communique(
        d,
        &["export", "1", "--format", "md", "-o", md.to_str().unwrap()],
    );

    let dom = chromium_dom(&html, &d.join("profile-html"));
    assert_inert(&dom, "HTML export", 1);
    // Each payload shows as the text typed.
    let text = dom
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("&quot;", "\"");
    for p in payloads()
        .iter()
        .filter(|p| !p.contains(['\n', '\u{2028}']))
    {
        assert!(text.contains(p), "HTML export lost {p:?}");
    }

    for reader in [
        "markdown",
        "commonmark+yaml_metadata_block",
        "gfm+yaml_metadata_block",
    ] {
        let page = d.join(format!("pandoc-{}.html", reader.split('+').next().unwrap()));
        let out = Std::new("pandoc")
            .args([
                "-s",
                "-f",
                reader,
                "-t",
                "html5",
                "--metadata",
                "pagetitle=release",
                // pandoc reads front matter values as Markdown: its page takes the title from the
                // export's own (escaped) heading, as the Markdown export says to run it.
                "--shift-heading-level-by=-1",
            ])
            .arg(&md)
            .arg("-o")
            .arg(&page)
            .output()
            .expect("pandoc must be installed (apt-get install pandoc)");
        assert!(
            out.status.success(),
            "pandoc -f {reader}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let dom = chromium_dom(&page, &d.join(format!("profile-{}", reader.len())));
        assert_inert(&dom, &format!("pandoc -f {reader}"), 0);
    }
}

#[test]
fn the_tag_scanner_sees_what_it_must() {
    let t = tags("<html lang=\"en\" data-xss=\"x\"><p class='a>b' hidden onclick=go>x &lt;img&gt;</p><img src=x></html>");
    let pairs = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        t[0],
        ("html".into(), pairs(&[("lang", "en"), ("data-xss", "x")]))
    );
    assert_eq!(
        t[1],
        (
            "p".into(),
            pairs(&[("class", "a>b"), ("hidden", ""), ("onclick", "go")])
        )
    );
    assert_eq!(t[2].0, "img");
    assert_eq!(t.len(), 3);
}

/// The text of pandoc inlines as any pandoc writer shows it; markup (emphasis, links, code, raw
/// HTML, citations…) is a failure. Curly quotes the text already had are read as `Quoted`, and
/// written back as the same marks.
fn pandoc_text(inlines: &serde_json::Value, what: &str) -> String {
    let mut out = String::new();
    for i in inlines.as_array().unwrap() {
        match i["t"].as_str().unwrap() {
            "Str" => out.push_str(i["c"].as_str().unwrap()),
            "Space" | "SoftBreak" => out.push(' '),
            "Quoted" => {
                let (open, close) = match i["c"][0]["t"].as_str().unwrap() {
                    "DoubleQuote" => ('\u{201c}', '\u{201d}'),
                    _ => ('\u{2018}', '\u{2019}'),
                };
                out.push(open);
                out.push_str(&pandoc_text(&i["c"][1], what));
                out.push(close);
            }
            // A typed web address that a reader made a link of reads the same.
            "Link"
                if {
                    let url = i["c"][2][0].as_str().unwrap();
                    url.starts_with("http") && pandoc_text(&i["c"][1], what) == url
                } =>
            {
                out.push_str(i["c"][2][0].as_str().unwrap())
            }
            other => panic!("{what}: pandoc read markup {other}: {i}"),
        }
    }
    out
}

/// What pandoc reads from a file (`-f reader`, then `args`): its metadata, headings and
/// paragraphs.
struct PandocRead {
    meta: serde_json::Value,
    headings: Vec<String>,
    paragraphs: Vec<String>,
}

impl PandocRead {
    /// The title as text, where it is one line of text.
    fn title(&self) -> String {
        let t = &self.meta["title"];
        assert_eq!(t["t"], "MetaInlines", "title {t}");
        pandoc_text(&t["c"], "title")
    }
}

fn pandoc_read(file: &Path, reader: &str, args: &[&str]) -> PandocRead {
    let out = Std::new("pandoc")
        .args(["-f", reader, "-t", "json"])
        .args(args)
        .arg(file)
        .output()
        .expect("pandoc must be installed (apt-get install pandoc)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (mut headings, mut paragraphs) = (Vec::new(), Vec::new());
    for b in doc["blocks"].as_array().unwrap() {
        match b["t"].as_str().unwrap() {
            "Header" => headings.push(pandoc_text(&b["c"][2], reader)),
            "Para" | "Plain" => paragraphs.push(pandoc_text(&b["c"], reader)),
            other => panic!("{reader}: unexpected block {other}"),
        }
    }
    PandocRead {
        meta: doc["meta"].clone(),
        headings,
        paragraphs,
    }
}

/// The dateline, paragraphs and captions of a release: every line a reader must see after the
/// headline.
fn release_lines(composed: &communique_core::Composed) -> Vec<String> {
    let mut want = Vec::new();
    want.extend(composed.dateline());
    want.extend(composed.paragraphs());
    want.extend(
        composed
            .captions
            .iter()
            .map(|c| format!("{} {}", c.label, c.text)),
    );
    want
}

#[test]
fn pandoc_reads_back_the_headline_and_every_paragraph_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = [
        include_str!("../../core/tests/fixtures/examples/fisheries-en.meeting.json").to_owned(),
        include_str!("../../core/tests/fixtures/examples/fisheries-fr.meeting.json").to_owned(),
        sample::SAMPLE_FR.to_owned(),
        meeting_file::to_json(&hostile_meeting()).unwrap(),
    ];
    for (n, json) in fixtures.iter().enumerate() {
        let meeting = meeting_file::parse("m.json", json.as_bytes()).unwrap();
        let composed = communique_core::compose(&meeting);
        let md = dir.path().join(format!("{n}.md"));
        std::fs::write(
            &md,
            communique_core::Format::Markdown.render(&meeting).unwrap(),
        )
        .unwrap();
        let want = release_lines(&composed);
        for reader in ["markdown", "commonmark+yaml_metadata_block"] {
            let read = pandoc_read(&md, reader, &[]);
            assert_eq!(
                read.headings,
                vec![composed.headline.clone()],
                "{n} {reader}"
            );
            assert_eq!(read.paragraphs, want, "{n} {reader}");
            // As the export says to run pandoc: the heading becomes the title, exactly.
            let read = pandoc_read(&md, reader, &["--shift-heading-level-by=-1"]);
            assert_eq!(read.title(), composed.headline, "{n} {reader}");
            assert_eq!(read.headings, Vec::<String>::new(), "{n} {reader}");
            assert_eq!(read.paragraphs, want, "{n} {reader}");
        }
    }
}

/// What Markdown, YAML or a site generator could read as something other than text: quotes,
/// YAML and Markdown indicators, smart punctuation, links, raw HTML, Hugo shortcodes and summary
/// divider, a backslash, a line separator, and every payload.
fn publishing_meeting() -> communique_core::Meeting {
    const TEXT: &str = "' \" : # @ -- ... * [x](y) <b>bold</b> ---\n- a: b \\ {{< x >}} {{% y %}} <!--more--> <<a>> \u{2028}«\u{a0}oui\u{a0}» l'OTAN";
    let mut m = fuzzing::meeting_with_text(TEXT);
    m.agenda.extend(hostile_meeting().agenda);
    m.release.as_mut().unwrap().headline = format!("{TEXT} {}", payloads().join(" "));
    m
}

/// The release's front matter as the tools that publish Markdown must read it.
fn front_matter_as_typed(c: &communique_core::Composed) -> serde_json::Value {
    let mut want = serde_json::json!({
        "title": c.headline,
        "lang": c.language.tag(),
        "meeting": c.meeting_title,
    });
    for (key, value) in [
        ("published", c.published.as_ref().map(|p| p.iso.clone())),
        ("updated", c.updated.as_ref().map(|u| u.iso.clone())),
        ("organisation", c.organisation.clone()),
        ("location", c.location.clone()),
    ] {
        if let Some(v) = value {
            want[key] = v.into();
        }
    }
    let credits: Vec<&str> = c
        .captions
        .iter()
        .filter_map(|c| c.credit.as_deref())
        .collect();
    if !credits.is_empty() {
        want["photo_credits"] = credits.into();
    }
    want
}

#[test]
fn hugo_builds_a_page_of_the_exact_title_and_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    let meeting = publishing_meeting();
    let composed = communique_core::compose(&meeting);
    std::fs::create_dir_all(site.join("content")).unwrap();
    std::fs::create_dir_all(site.join("layouts/_default")).unwrap();
    // Only the page; raw HTML allowed, as many sites do, so nothing relies on Hugo dropping it.
    std::fs::write(
        site.join("hugo.toml"),
        "baseURL = 'https://example.org/'\n\
         disableKinds = ['home', 'section', 'taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n\
         [markup.goldmark.renderer]\nunsafe = true\n",
    )
    .unwrap();
    std::fs::write(
        site.join("layouts/_default/single.html"),
        "<!DOCTYPE html>\n<html><head><title>{{ .Title }}</title></head>\n\
         <body><h1>{{ .Title }}</h1>\n{{ .Content }}</body></html>\n",
    )
    .unwrap();
    std::fs::write(
        site.join("content/release.md"),
        communique_core::Format::Markdown.render(&meeting).unwrap(),
    )
    .unwrap();
    let out = Std::new("hugo")
        .arg("--source")
        .arg(site)
        .arg("--cacheDir")
        .arg(site.join("cache"))
        .args(["--buildFuture", "--buildExpired", "--noBuildLock"])
        .output()
        .expect("hugo must be installed (apt-get install hugo)");
    assert!(
        out.status.success(),
        "hugo: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let page = site.join("public/release/index.html");
    let read = pandoc_read(&page, "html", &[]);
    assert_eq!(read.title(), composed.headline, "the page's <title>");
    assert_eq!(
        read.headings,
        vec![composed.headline.clone(), composed.headline.clone()],
        "the front matter's title, then the export's heading"
    );
    assert_eq!(read.paragraphs, release_lines(&composed));
    // What a payload would have added to the page, were it read as markup.
    let html = std::fs::read_to_string(&page).unwrap();
    for tag in [
        "<script", "<img", "<svg", "<iframe", "<style", "<b>", "<em>", "<strong>",
    ] {
        assert!(!html.contains(tag), "{tag} in Hugo's page");
    }
}

#[test]
fn pyyaml_reads_the_front_matter_as_typed() {
    for meeting in [publishing_meeting(), hostile_meeting(), sample::sample_fr()] {
        let md = communique_core::Format::Markdown.render(&meeting).unwrap();
        let block = md
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
            .unwrap()
            .0;
        let mut child = Std::new("python3")
            .args([
                "-c",
                "import json, sys, yaml\n\
                 value = yaml.safe_load(sys.stdin.read())\n\
                 print(json.dumps(value, default=lambda d: d.isoformat()))",
            ])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("python3 must be installed");
        use std::io::Write as _;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(block.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "PyYAML (apt-get install python3-yaml): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            read,
            front_matter_as_typed(&communique_core::compose(&meeting))
        );
    }
}

// ---- The meeting file v2 ---------------------------------------------------------------------

use communique_core::v2::{self, Block, ListKind, MeetingV2, Run};

/// Addresses a reader takes (`https:`, `http:`, `mailto:`, no white space) that carry markup: kept
/// as typed, and escaped where they land.
const HOSTILE_LINKS: &[&str] = &[
    "https://example.org/\"><script>document.documentElement.setAttribute('data-xss','url')</script>",
    "http://example.org/'onmouseover='document.documentElement.setAttribute(`data-xss`,`url2`)'",
    "mailto:press@example.org?subject=\"><img/src=x/onerror=document.documentElement.setAttribute('data-xss','mailto')>",
    "HTTPS://example.org/?q=<svg/onload=document.documentElement.setAttribute('data-xss','svgurl')>",
    "https://example.org/)](javascript:document.documentElement.setAttribute('data-xss','mdurl'))",
    "https://example.org/><iframe/src=javascript:alert(1)>",
];

/// Addresses the reader refuses, besides every payload: other schemes, white space, controls.
const REFUSED_LINKS: &[&str] = &[
    "javascript:document.documentElement.setAttribute('data-xss','js')",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    " https://example.org/",
    "https://example.org/ onmouseover=alert(1)",
    "https://example.org/\u{0}x",
    "java\tscript:alert(1)",
    "https:",
    "mailto:",
];

fn text(s: &str) -> Run {
    Run::Text(s.to_owned())
}

/// The v2 worked example with every payload in every field a release prints (the fuzz target's
/// own mapping: label, deck, dateline place, links' phrases and addresses, sub-headings, list
/// entries, statements, bylines, captions, credits, contact, notes to editors, boilerplate), and
/// each payload alone in a sub-heading, a paragraph with a link on it, a list entry, a statement,
/// a contact line and a note to editors, and the `HOSTILE_LINKS` as links.
fn hostile_meeting_v2() -> MeetingV2 {
    let payloads = payloads();
    let mut m = fuzzing::meeting_v2_with_text(&payloads.join(" "));
    for r in &mut m.releases {
        for (i, p) in payloads.iter().enumerate() {
            let link = Run::Link {
                href: fuzzing::link_of(p),
                text: vec![p.clone()],
            };
            r.closing.extend([
                Block::Heading {
                    id: format!("xss-h{i}"),
                    runs: vec![text(p)],
                },
                Block::p(format!("xss-p{i}"), vec![text(p), text(" "), link]),
                Block::List {
                    id: format!("xss-l{i}"),
                    kind: if i % 2 == 0 {
                        ListKind::Bulleted
                    } else {
                        ListKind::Numbered
                    },
                    entries: vec![vec![text(p)], vec![text("and")]],
                    // A numbered list that goes on from 7: `<ol start="7">`, pandoc's too.
                    start: (i % 2 == 1).then_some(7),
                },
                Block::Statement {
                    id: format!("xss-s{i}"),
                    intro: vec![text(p)],
                    paragraphs: vec![vec![text(p)]],
                },
            ]);
            r.contact.push(Block::p(format!("xss-c{i}"), vec![text(p)]));
            r.notes_to_editors
                .push(Block::p(format!("xss-n{i}"), vec![text(p)]));
            r.corrections.push(v2::Correction {
                at: chrono::DateTime::parse_from_rfc3339("2031-04-26T09:00:00+01:00").unwrap()
                    + chrono::Duration::minutes(i as i64),
                text: vec![text(p)],
            });
        }
        for (i, href) in HOSTILE_LINKS.iter().enumerate() {
            r.closing.push(Block::p(
                format!("xss-a{i}"),
                vec![Run::Link {
                    href: (*href).to_owned(),
                    text: vec![format!("link {i}")],
                }],
            ));
        }
    }
    v2::validate(&m).unwrap();
    m
}

fn communique_out(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("communique")
        .unwrap()
        .env("COMMUNIQUE_DB", dir.join("archive.sqlite3"))
        .args(args)
        .output()
        .unwrap()
}

/// DOM text unescaped as `tags` reads it.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// `%XX` escapes decoded (what pandoc writes into an address's `href`).
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn no_payload_runs_in_any_v2_field_of_the_html_or_markdown_exports() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let meeting = hostile_meeting_v2();
    let file = d.join("hostile.meeting.json");
    std::fs::write(&file, v2::to_json(&meeting).unwrap()).unwrap();
    let file = file.to_str().unwrap();
    communique(d, &["import", file]);

    let mut pages = Vec::new();
    for lang in ["en", "fr"] {
        for (format, ext) in [("html", "html"), ("md", "md")] {
            let out = d.join(format!("export-{lang}.{ext}"));
            let o = out.to_str().unwrap();
            communique(
                d,
                &[
                    "export",
                    "1",
                    "--format",
                    format,
                    "--language",
                    lang,
                    "-o",
                    o,
                ],
            );
            pages.push((format!("export --format {format} --language {lang}"), out));
            let out = d.join(format!("render-{lang}.{ext}"));
            let o = out.to_str().unwrap();
            communique(
                d,
                &[
                    "render",
                    file,
                    "--format",
                    format,
                    "--language",
                    lang,
                    "-o",
                    o,
                ],
            );
            pages.push((format!("render --format {format} --language {lang}"), out));
        }
    }
    // The store's release and the file's are the same bytes.
    for pair in pages.chunks(2) {
        assert_eq!(
            std::fs::read(&pair[0].1).unwrap(),
            std::fs::read(&pair[1].1).unwrap(),
            "{} and {}",
            pair[0].0,
            pair[1].0
        );
    }

    for (n, (what, page)) in pages.iter().enumerate() {
        if what.contains("html") {
            let dom = chromium_dom(page, &d.join(format!("profile-{n}")));
            assert_inert_with(&dom, what, 1, fuzzing::V2_TAGS, V2_SCHEMES);
            let tags = tags(&dom);
            // The English release has every block (the French one of the example, fewer).
            let musts: &[&str] = if what.contains("--language en") {
                fuzzing::V2_TAGS
            } else {
                &["h2", "ul", "ol", "li", "section", "a"]
            };
            for must in musts {
                assert!(
                    tags.iter().any(|(t, _)| t == must),
                    "{what}: no <{must}>: the v2 blocks did not render"
                );
            }
            let hrefs: Vec<String> = tags
                .iter()
                .flat_map(|(_, attrs)| attrs)
                .filter(|(a, _)| a == "href")
                .map(|(_, v)| unescape(v))
                .collect();
            for link in HOSTILE_LINKS {
                assert!(
                    hrefs.iter().any(|h| h == link),
                    "{what}: lost the link {link}"
                );
            }
            if what.contains("--language en") {
                // Each payload shows as the text typed (French spaces its punctuation).
                let text = unescape(&dom);
                for p in payloads()
                    .iter()
                    .filter(|p| !p.contains(['\n', '\u{2028}']))
                {
                    assert!(text.contains(p), "{what} lost {p:?}");
                }
            }
            continue;
        }
        for reader in [
            "markdown",
            "commonmark+yaml_metadata_block",
            "gfm+yaml_metadata_block",
        ] {
            let html = d.join(format!("pandoc-{n}-{}.html", reader.len()));
            let out = Std::new("pandoc")
                .args(["-s", "-f", reader, "-t", "html5"])
                .args(["--metadata", "pagetitle=release"])
                .arg("--shift-heading-level-by=-1")
                .arg(page)
                .arg("-o")
                .arg(&html)
                .output()
                .expect("pandoc must be installed (apt-get install pandoc)");
            assert!(
                out.status.success(),
                "pandoc -f {reader}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let dom = chromium_dom(&html, &d.join(format!("profile-{n}-{}", reader.len())));
            let what = format!("{what}, pandoc -f {reader}");
            assert_inert_with(&dom, &what, 0, PANDOC_V2_TAGS, V2_SCHEMES);
            let hrefs: Vec<String> = tags(&dom)
                .iter()
                .flat_map(|(_, attrs)| attrs.clone())
                .filter(|(a, _)| a == "href")
                .map(|(_, v)| percent_decoded(&unescape(&v)))
                .collect();
            // pandoc writes addresses percent-encoded: the same address.
            for link in HOSTILE_LINKS {
                assert!(
                    hrefs.iter().any(|h| h == link),
                    "{what}: lost the link {link}"
                );
            }
        }
    }
}

/// The elements pandoc's page of a v2 Markdown export may hold besides `fuzzing::TAGS` and
/// `PANDOC_TAGS`: the v2 blocks' own, and the emphasis a label or a byline is written in.
const PANDOC_V2_TAGS: &[&str] = &[
    "h1",
    "h2",
    "ul",
    "ol",
    "li",
    "blockquote",
    "footer",
    "section",
    "a",
    "strong",
    "em",
    "hr",
];

#[test]
fn a_hostile_link_address_is_refused_by_its_path_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = hostile_meeting_v2();
    let refused: Vec<String> = payloads()
        .into_iter()
        .chain(REFUSED_LINKS.iter().map(|s| (*s).to_owned()))
        .collect();
    for (n, href) in refused.iter().enumerate() {
        assert!(
            v2::read::check_link(href).is_err(),
            "{href:?} is an address"
        );
        let mut m = good.clone();
        // Each place a link stands in turn: the closing, the contact, the boilerplate.
        let (path, runs) = match n % 3 {
            0 => (
                "releases[0].closing[0].p[1].link",
                &mut m.releases[0].closing[0],
            ),
            1 => (
                "releases[0].contact[0].p[1].link",
                &mut m.releases[0].contact[0],
            ),
            _ => {
                let about = m.organisations[0]
                    .boilerplate
                    .get_mut(&communique_core::Language::En)
                    .unwrap();
                about[0] = Block::p(
                    "about",
                    vec![
                        text("See "),
                        Run::Link {
                            href: "https://example.org/".into(),
                            text: vec!["us".into()],
                        },
                    ],
                );
                (
                    "organisations[0].boilerplate.en[0].p[1].link",
                    &mut about[0],
                )
            }
        };
        let Block::Paragraph { runs, .. } = runs else {
            panic!("{path}: not a paragraph")
        };
        let Run::Link { href: h, .. } = &mut runs[1] else {
            panic!("{path}: not a link")
        };
        h.clone_from(href);
        let file = d.join(format!("bad-{n}.meeting.json"));
        let json = serde_json::to_string_pretty(&v2::to_value(&m).unwrap()).unwrap();
        std::fs::write(&file, json).unwrap();
        let f = file.to_str().unwrap();
        let want = format!("communique: {f}: {path}: {href:?}: ");
        for args in [
            vec!["import", f],
            vec!["render", f, "--format", "html"],
            vec!["render", f, "--format", "md"],
        ] {
            let out = communique_out(d, &args);
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert!(!out.status.success(), "{args:?} took {href:?}");
            assert!(out.stdout.is_empty(), "{args:?}: wrote something");
            assert!(
                stderr.starts_with(&want) && stderr.ends_with('\n') && stderr.lines().count() == 1,
                "{args:?}: one error naming {path} and {href:?}, not:\n{stderr}"
            );
        }
    }
    let list = communique_out(d, &["list"]);
    assert!(list.status.success());
    assert_eq!(
        String::from_utf8(list.stdout).unwrap(),
        "",
        "nothing stored"
    );
}

/// A photo's alt text holding every payload, its image imported: in Chromium's DOM of the HTML
/// export, one `<img>` whose only address is its own `data:` URL and whose `alt` is the text
/// exactly; no payload ran, no element or attribute was added.
#[test]
fn a_photos_hostile_alt_text_stays_one_attribute_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let payloads = payloads();
    let file = d.join("ministers.meeting.json");
    std::fs::write(
        &file,
        include_str!("../../core/tests/fixtures/v2/ministers-en-fr.meeting.json"),
    )
    .unwrap();
    communique(d, &["import", file.to_str().unwrap()]);
    let image = d.join("table.jpg");
    std::fs::write(&image, communique_core::images::made::jpeg(40, 30)).unwrap();
    let alt = payloads.join(" ");
    let out = communique_out(
        d,
        &[
            "photo",
            "add",
            "1",
            image.to_str().unwrap(),
            "--photo",
            "ph1",
            "--alt",
            &alt,
            "--credit",
            &alt,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = d.join("export.html");
    communique(
        d,
        &[
            "export",
            "1",
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
        ],
    );
    let dom = chromium_dom(&page, &d.join("profile"));
    let tags = tags(&dom);
    let html_tag = tags.iter().find(|(t, _)| t == "html").unwrap();
    assert!(
        !html_tag.1.iter().any(|(a, _)| a == "data-xss"),
        "a payload ran"
    );
    assert_eq!(
        tags.iter().filter(|(t, _)| t == "script").count(),
        1,
        "the JSON-LD only"
    );
    let imgs: Vec<_> = tags.iter().filter(|(t, _)| t == "img").collect();
    assert_eq!(imgs.len(), 1, "one image: no payload made one");
    let attrs = &imgs[0].1;
    let names: Vec<&str> = attrs.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(names, ["src", "alt", "width", "height"]);
    assert!(attrs[0].1.starts_with("data:image/jpeg;base64,"));
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        tidy(&unescape(&attrs[1].1)),
        tidy(&alt),
        "the alt text, exactly"
    );
    for (tag, attrs) in &tags {
        assert!(
            fuzzing::TAGS.contains(&tag.as_str())
                || fuzzing::V2_TAGS.contains(&tag.as_str())
                || ["img", "small"].contains(&tag.as_str()),
            "unexpected <{tag}>"
        );
        for (a, v) in attrs {
            if tag != "img" {
                assert!(
                    ALLOWED_ATTRS.contains(&a.as_str()) || V2_ATTRS.contains(&a.as_str()),
                    "unexpected attribute {a} on <{tag}>"
                );
            }
            assert!(!(a == "src" && tag != "img"), "a src on <{tag}>: {v:.40}");
        }
    }
    // The page's policy lets it show its own data: images and fetch nothing.
    let csp = tags
        .iter()
        .find(|(t, a)| {
            t == "meta"
                && a.iter()
                    .any(|(n, v)| n == "http-equiv" && v == "Content-Security-Policy")
        })
        .map(|(_, a)| a.iter().find(|(n, _)| n == "content").unwrap().1.clone())
        .unwrap();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("img-src data:;"),
        "{csp}"
    );
}
