//! The v1 composer and renderers as they were before release model v2 (frozen here, never
//! changed): the oracle the v1-through-v2 composer is held to, byte for byte.

#![allow(dead_code)]

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use communique_core::compose::tidy;
use communique_core::lang::{Language, Table};
use communique_core::model::{Form, Meeting, Published};
use communique_core::render::{html_attr, html_text, json_in_script, markdown_inline, yaml_string};
use serde_json::json;

fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn format_datetime(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

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

pub struct Html;

/// Scripts, frames, forms, fonts, images and connections: none. Inline styles only.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The light colours and the body's type: the page's, and the preview's host's.
macro_rules! light {
    () => {
        "--ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --paper: #ffffff;"
    };
}
macro_rules! body_font_family {
    () => {
        r#"Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif"#
    };
}
macro_rules! body_font {
    () => {
        concat!("17px/1.6 ", body_font_family!())
    };
}

/// The page: colours (light and dark), the body's type. Export only.
const PAGE_STYLE: &str = concat!(
    "\n:root { color-scheme: light dark; ",
    light!(),
    " }\n@media (prefers-color-scheme: dark) { :root { --ink: #e8e6e3; --muted: #a3a3a8; --rule: #3a3a3e; --paper: #1b1b1d; } }\n",
    "* { box-sizing: border-box; }\nhtml { background: var(--paper); color: var(--ink); }\nbody { margin: 0; font: ",
    body_font!(),
    "; }\n"
);

/// The release itself: the same in the export and in the app's preview.
const ARTICLE_STYLE: &str = r#"article { max-width: 40rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; }
.organisation { font: 600 0.8rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); margin: 0 0 0.75rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.75rem; font-weight: 700; hyphens: manual; }
.dateline { font: 0.85rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--muted); padding-bottom: 1.25rem; margin-bottom: 1.5rem; border-bottom: 1px solid var(--rule); }
p { margin: 0 0 1rem; hyphens: auto; }
figure { margin: 2rem 0 0; padding-top: 1rem; border-top: 1px solid var(--rule); }
figcaption { font-size: 0.9rem; font-style: italic; color: var(--muted); }
.credit { display: block; font: 0.75rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--muted); margin-bottom: 0.25rem; }
"#;

/// Paper. Export only.
const PRINT_STYLE: &str = r#"@media print {
  @page { margin: 20mm 18mm; }
  :root { --ink: #000; --muted: #444; --rule: #999; --paper: #fff; }
  body { font-size: 11pt; }
  article { max-width: none; padding: 0; }
  h1 { font-size: 20pt; break-after: avoid; }
  p { orphans: 3; widows: 3; }
  figure { break-inside: avoid; }
}
"#;

/// The preview's host (a shadow root in the app): the page's light colours and type, on paper.
/// The type is the app's own serif when the page names one in `--font-text` (custom properties
/// reach into a shadow root), so the preview looks the same on every machine.
const PREVIEW_HOST_STYLE: &str = concat!(
    "\n:host { display: block; ",
    light!(),
    " background: var(--paper); color: var(--ink); font: 17px/1.6 var(--font-text, ",
    body_font_family!(),
    "); }\n* { box-sizing: border-box; }\n"
);

/// After the article's styles in the preview: its sans-serif lines in the app's own sans
/// (`--font-ui`), when the page names one.
const PREVIEW_SANS_STYLE: &str = ".organisation, .dateline, .credit { font-family: var(--font-ui, system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif); }\n";

impl Html {
    pub fn render(&self, r: &Composed) -> String {
        let table = r.table();
        let mut out = String::with_capacity(
            4096 + r.paragraphs.iter().map(String::len).sum::<usize>() * 11 / 10,
        );
        out.push_str("<!DOCTYPE html>\n");
        out.push_str(&format!(
            "<html lang=\"{}\">\n<head>\n",
            html_attr(table.tag)
        ));
        out.push_str("<meta charset=\"utf-8\">\n");
        out.push_str(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        ));
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str("<meta name=\"generator\" content=\"Communiqué\">\n");
        out.push_str(&format!("<title>{}</title>\n", html_text(&r.headline)));
        if let Some(lead) = r.paragraphs.first() {
            out.push_str(&format!(
                "<meta name=\"description\" content=\"{}\">\n",
                html_attr(lead)
            ));
        }
        out.push_str("<style>");
        out.push_str(PAGE_STYLE);
        out.push_str(ARTICLE_STYLE);
        out.push_str(PRINT_STYLE);
        out.push_str("</style>\n");
        out.push_str("<script type=\"application/ld+json\">");
        out.push_str(&json_in_script(&json_ld(r)));
        out.push_str("</script>\n</head>\n<body>\n");
        out.push_str(&article(r));
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// The desktop app's preview: the export's `<article>`, byte for byte, in a block that carries
/// the language (hyphenation, quotes) and with the styles for a shadow root (`:host` instead of
/// the page, light paper, no print rules). No `<head>`, no JSON-LD, no script of any kind.
pub fn preview(r: &Composed) -> String {
    preview_parts(r).html()
}

/// The preview in three parts, for an editor that updates it block by block: `head` (the styles
/// and the opening of the language block and of the `<article>`), the article's `blocks` (its
/// children, one string each: the header, each paragraph, each figure) and `tail`. Joined, they
/// are `preview` byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewParts {
    pub head: String,
    pub blocks: Vec<String>,
    pub tail: String,
}

impl PreviewParts {
    pub fn html(&self) -> String {
        let mut out = String::with_capacity(
            self.head.len() + self.blocks.iter().map(String::len).sum::<usize>() + self.tail.len(),
        );
        out.push_str(&self.head);
        self.blocks.iter().for_each(|b| out.push_str(b));
        out.push_str(&self.tail);
        out
    }
}

pub fn preview_parts(r: &Composed) -> PreviewParts {
    let mut head = String::with_capacity(4096);
    head.push_str("<style>");
    head.push_str(PREVIEW_HOST_STYLE);
    head.push_str(ARTICLE_STYLE);
    head.push_str(PREVIEW_SANS_STYLE);
    head.push_str("</style>\n");
    head.push_str(&format!(
        "<div class=\"release\" lang=\"{}\">\n",
        html_attr(r.table().tag)
    ));
    head.push_str(ARTICLE_OPEN);
    PreviewParts {
        head,
        blocks: article_blocks(r),
        tail: format!("{ARTICLE_CLOSE}</div>\n"),
    }
}

const ARTICLE_OPEN: &str = "<article>\n";
const ARTICLE_CLOSE: &str = "</article>\n";

/// The release itself, `<article>` to `</article>`: the body of the export, and what goes on the
/// clipboard as rich text for a CMS or an e-mail.
pub fn article(r: &Composed) -> String {
    let blocks = article_blocks(r);
    let mut out = String::with_capacity(32 + blocks.iter().map(String::len).sum::<usize>());
    out.push_str(ARTICLE_OPEN);
    blocks.iter().for_each(|b| out.push_str(b));
    out.push_str(ARTICLE_CLOSE);
    out
}

/// The `<article>`'s children, each with its line break: the header, the paragraphs, the figures.
fn article_blocks(r: &Composed) -> Vec<String> {
    let table = r.table();
    let mut blocks = Vec::with_capacity(1 + r.paragraphs.len() + r.captions.len());
    let mut out = String::with_capacity(512);
    out.push_str("<header>\n");
    if let Some(org) = &r.organisation {
        out.push_str(&format!(
            "<div class=\"organisation\">{}</div>\n",
            html_text(org)
        ));
    }
    out.push_str(&format!("<h1>{}</h1>\n", html_text(&r.headline)));
    if r.published.is_some() || r.updated.is_some() {
        out.push_str("<div class=\"dateline\">");
        if let Some(p) = &r.published {
            out.push_str(&time(p));
        }
        if let Some(u) = &r.updated {
            if r.published.is_some() {
                out.push_str(" · ");
            }
            out.push_str(&format!(
                "<span class=\"updated\">{} {}</span>",
                html_text(table.updated_label),
                time(u)
            ));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</header>\n");
    blocks.push(out);
    for p in &r.paragraphs {
        blocks.push(format!("<p>{}</p>\n", html_text(p)));
    }
    for c in &r.captions {
        let mut out = String::with_capacity(64 + c.text.len());
        out.push_str("<figure>");
        if let Some(credit) = &c.credit {
            out.push_str(&format!(
                "<small class=\"credit\">© {}</small>",
                html_text(credit)
            ));
        }
        match &c.language {
            Some(lang) => out.push_str(&format!(
                "<figcaption lang=\"{}\">{}</figcaption>",
                html_attr(lang),
                html_text(&c.text)
            )),
            None => out.push_str(&format!("<figcaption>{}</figcaption>", html_text(&c.text))),
        }
        out.push_str("</figure>\n");
        blocks.push(out);
    }
    blocks
}

fn time(m: &Moment) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>",
        html_attr(&m.iso),
        html_text(&m.text)
    )
}

/// schema.org `NewsArticle`: what search engines and news aggregators read.
fn json_ld(r: &Composed) -> serde_json::Value {
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": r.headline,
        "inLanguage": r.language.tag(),
    });
    if let Some(p) = &r.published {
        ld["datePublished"] = json!(p.iso);
    }
    if let Some(u) = r.updated.as_ref().or(r.published.as_ref()) {
        ld["dateModified"] = json!(u.iso);
    }
    if let Some(org) = &r.organisation {
        ld["publisher"] = json!({ "@type": "Organization", "name": org });
        ld["author"] = json!({ "@type": "Organization", "name": org });
    }
    if let Some(place) = &r.location {
        ld["locationCreated"] = json!({ "@type": "Place", "name": place });
    }
    if let Some(lead) = r.paragraphs.first() {
        ld["description"] = json!(lead);
    }
    ld
}

pub struct Markdown;

impl Markdown {
    pub fn render(&self, r: &Composed) -> String {
        let mut out = String::with_capacity(
            1024 + r.paragraphs.iter().map(String::len).sum::<usize>() * 11 / 10,
        );
        out.push_str("---\n");
        out.push_str(&format!("title: {}\n", yaml_string(&r.headline)));
        out.push_str(&format!("lang: {}\n", r.language.tag()));
        if let Some(p) = &r.published {
            out.push_str(&format!("published: {}\n", p.iso));
        }
        if let Some(u) = &r.updated {
            out.push_str(&format!("updated: {}\n", u.iso));
        }
        if let Some(org) = &r.organisation {
            out.push_str(&format!("organisation: {}\n", yaml_string(org)));
        }
        out.push_str(&format!("meeting: {}\n", yaml_string(&r.meeting_title)));
        if let Some(place) = &r.location {
            out.push_str(&format!("location: {}\n", yaml_string(place)));
        }
        let credits: Vec<String> = r
            .captions
            .iter()
            .filter_map(|c| c.credit.as_deref())
            .map(yaml_string)
            .collect();
        if !credits.is_empty() {
            out.push_str(&format!("photo_credits: [{}]\n", credits.join(", ")));
        }
        out.push_str("---\n\n");
        out.push_str(&format!("# {}\n\n", markdown_inline(&r.headline)));
        if let Some(dateline) = r.dateline() {
            out.push_str(&format!("{}\n\n", markdown_inline(&dateline)));
        }
        for p in &r.paragraphs {
            out.push_str(&markdown_inline(p));
            out.push_str("\n\n");
        }
        for c in &r.captions {
            out.push_str(&markdown_inline(&format!("{} {}", c.label, c.text)));
            out.push_str("\n\n");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }
}
/// The release as plain text: headline, dateline, paragraphs and captions separated by blank
/// lines (the layout of the worked examples' `.release.txt`). For the clipboard's plain-text flavour.
pub fn plain_text(r: &Composed) -> String {
    let mut blocks = vec![r.headline.clone()];
    blocks.extend(r.dateline());
    blocks.extend(r.paragraphs.iter().cloned());
    blocks.extend(r.captions.iter().map(|c| format!("{} {}", c.label, c.text)));
    blocks.join("\n\n") + "\n"
}
