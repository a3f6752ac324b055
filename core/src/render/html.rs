//! The HTML export (docs/meeting-file.md, "HTML"): one standalone, offline, print-ready document.
//!
//! No script runs in it (a CSP meta tag forbids scripts; the only `<script>` is JSON-LD data),
//! nothing is fetched (styles are inline, no fonts or images from elsewhere), and every user
//! string goes through `escape`. The desktop app's preview (`preview`) is this same `<article>`,
//! with the styles for a shadow root instead of a page.

use serde::Serialize;
use serde_json::json;

use super::escape::{html_attr, html_text, json_in_script};
use super::Renderer;
use crate::compose::{
    inline_text, Block, Caption, Composed, DatelinePosition, Moment, PhotoPosition, Segment,
};

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

/// The blocks v1 had none of: added only to a release that has them.
const V2_STYLE: &str = r#".embargo, .label { font: 600 0.8rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; letter-spacing: 0.06em; text-transform: uppercase; margin: 0 0 0.75rem; }
.embargo, .status { color: #b3261e; }
.status { font: 600 0.8rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; letter-spacing: 0.06em; text-transform: uppercase; margin: 0 0 0.75rem; border: 1px solid currentColor; padding: 0.25rem 0.5rem; display: inline-block; }
.corrections { margin: 2rem 0; padding: 0.75rem 1rem; border-left: 3px solid #b3261e; font-size: 0.95rem; }
.corrections p:last-child { margin-bottom: 0; }
.deck { font-size: 1.15rem; color: var(--muted); margin: -0.25rem 0 1rem; }
.opening, .dateline-end { font-weight: 600; }
h2 { font-size: 1.2rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
ul, ol { margin: 0 0 1rem; padding-left: 1.5rem; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
blockquote footer { font-size: 0.9rem; color: var(--muted); margin-top: -0.5rem; }
section { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--rule); font-size: 0.9rem; }
a { color: inherit; }
"#;

/// Photos' images, added only to a release that has one.
const IMAGE_STYLE: &str =
    "figure img { display: block; max-width: 100%; height: auto; margin: 0 0 0.5rem; }\n";

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

impl Renderer for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, r: &Composed) -> String {
        page(r, Src::Embedded)
    }
}

/// The page of the export, its photos' pictures taken from `src`.
pub(super) fn page(r: &Composed, src: Src) -> String {
    let table = r.table();
    let mut out = String::with_capacity(8192);
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
    if let Some(lead) = r.first_paragraph() {
        out.push_str(&format!(
            "<meta name=\"description\" content=\"{}\">\n",
            html_attr(&lead)
        ));
    }
    out.push_str("<style>");
    out.push_str(PAGE_STYLE);
    out.push_str(ARTICLE_STYLE);
    if uses_v2(r) {
        out.push_str(V2_STYLE);
    }
    if has_images(r) {
        out.push_str(IMAGE_STYLE);
    }
    out.push_str(PRINT_STYLE);
    out.push_str("</style>\n");
    out.push_str("<script type=\"application/ld+json\">");
    out.push_str(&json_in_script(&json_ld(r)));
    out.push_str("</script>\n</head>\n<body>\n");
    out.push_str(&article_with(r, src));
    out.push_str("</body>\n</html>\n");
    out
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
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
    if uses_v2(r) {
        head.push_str(V2_STYLE);
    }
    if has_images(r) {
        head.push_str(IMAGE_STYLE);
    }
    head.push_str(PREVIEW_SANS_STYLE);
    head.push_str("</style>\n");
    head.push_str(&format!(
        "<div class=\"release\" lang=\"{}\">\n",
        html_attr(r.table().tag)
    ));
    head.push_str(ARTICLE_OPEN);
    PreviewParts {
        head,
        blocks: article_blocks(r, Src::Named),
        tail: format!("{ARTICLE_CLOSE}</div>\n"),
    }
}

const ARTICLE_OPEN: &str = "<article>\n";
const ARTICLE_CLOSE: &str = "</article>\n";

/// The release itself, `<article>` to `</article>`: the body of the export, and what goes on the
/// clipboard as rich text for a CMS or an e-mail.
pub fn article(r: &Composed) -> String {
    article_with(r, Src::Embedded)
}

fn article_with(r: &Composed, src: Src) -> String {
    let blocks = article_blocks(r, src);
    let mut out = String::with_capacity(32 + blocks.iter().map(String::len).sum::<usize>());
    out.push_str(ARTICLE_OPEN);
    blocks.iter().for_each(|b| out.push_str(b));
    out.push_str(ARTICLE_CLOSE);
    out
}

/// Where a photo's `<img>` takes its picture from.
#[derive(Clone, Copy)]
pub(super) enum Src {
    /// Its bytes, in a `data:` URL: the export is one file that fetches nothing.
    Embedded,
    /// The e-mail's part holding it: `cid:` and its `Content-ID` (`content_id`).
    Cid,
    /// Its name alone, `data-image="<sha256>"`, no `src`: the app's preview, which sets the
    /// address itself (the archive's images, served by the shell), so that a keystroke never
    /// sends the picture again.
    Named,
}

/// The `<article>`'s children, each with its line break: the header, captions before the lead,
/// the lead, captions after it, the items' blocks and the closing, the dateline at the end,
/// the other captions, the contact, the notes to editors and the boilerplate.
fn article_blocks(r: &Composed, src: Src) -> Vec<String> {
    let figure = |c: &Caption| figure(c, src);
    let mut blocks = Vec::with_capacity(4 + r.lead.len() + r.body.len() + r.captions.len());
    let mut out = String::with_capacity(512);
    out.push_str("<header>\n");
    if let Some(s) = r.status_line() {
        out.push_str(&format!("<div class=\"status\">{}</div>\n", html_text(s)));
    }
    if let Some(e) = &r.embargo {
        out.push_str(&format!(
            "<div class=\"embargo\"><time datetime=\"{}\">{}</time></div>\n",
            html_attr(&e.iso),
            html_text(&e.text)
        ));
    }
    if let Some(org) = &r.organisation {
        out.push_str(&format!(
            "<div class=\"organisation\">{}</div>\n",
            html_text(org)
        ));
    }
    if let Some(label) = &r.label {
        out.push_str(&format!(
            "<div class=\"label\">{}</div>\n",
            html_text(label)
        ));
    }
    out.push_str(&format!("<h1>{}</h1>\n", html_text(&r.headline)));
    if let Some(deck) = &r.deck {
        out.push_str(&format!("<p class=\"deck\">{}</p>\n", inline(deck)));
    }
    let on_line = r.dateline_position == DatelinePosition::Line;
    let place = r.place.as_ref().filter(|_| on_line);
    let published = r.published.as_ref().filter(|_| on_line);
    if place.is_some() || published.is_some() || r.updated.is_some() {
        out.push_str("<div class=\"dateline\">");
        if let Some(place) = place {
            out.push_str(&format!(
                "<span class=\"place\">{}</span>",
                html_text(place)
            ));
            if published.is_some() {
                out.push_str(", ");
            }
        }
        if let Some(p) = published {
            out.push_str(&time(p));
        }
        if let Some(u) = &r.updated {
            if place.is_some() || published.is_some() {
                out.push_str(" · ");
            }
            out.push_str(&format!(
                "<span class=\"updated\">{} {}</span>",
                html_text(&r.labels.updated),
                time(u)
            ));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</header>\n");
    blocks.push(out);
    blocks.extend(r.captions_at(PhotoPosition::BeforeLead).map(figure));
    let mut opening = r.dateline_opening();
    for (i, b) in r.lead.iter().enumerate() {
        match (i, b, opening.take()) {
            (0, Block::Paragraph(p), Some(o)) => blocks.push(format!(
                "<p><span class=\"opening\">{}</span> {}</p>\n",
                html_text(&o),
                inline(p)
            )),
            (_, b, o) => {
                if let Some(o) = o {
                    blocks.push(format!("<p class=\"opening\">{}</p>\n", html_text(&o)));
                }
                blocks.push(block(b));
            }
        }
    }
    if let Some(o) = opening {
        blocks.push(format!("<p class=\"opening\">{}</p>\n", html_text(&o)));
    }
    blocks.extend(r.captions_at(PhotoPosition::AfterLead).map(figure));
    blocks.extend(r.body.iter().map(block));
    if let Some(end) = r.dateline_end() {
        blocks.push(format!(
            "<p class=\"dateline-end\">{}</p>\n",
            html_text(&end)
        ));
    }
    if !r.corrections.is_empty() {
        let mut out = String::from("<aside class=\"corrections\">\n");
        for n in &r.corrections {
            out.push_str(&format!(
                "<p class=\"correction\"><strong><time datetime=\"{}\">{}</time></strong> {}</p>\n",
                html_attr(&n.iso),
                html_text(&n.heading),
                inline(&n.text)
            ));
        }
        out.push_str("</aside>\n");
        blocks.push(out);
    }
    blocks.extend(r.captions_at(PhotoPosition::End).map(figure));
    for (class, label, content) in [
        ("contact", Some(r.labels.contact.as_str()), &r.contact),
        ("notes", Some(r.labels.notes.as_str()), &r.notes_to_editors),
        ("boilerplate", None, &r.boilerplate),
    ] {
        if content.is_empty() {
            continue;
        }
        let mut out = format!("<section class=\"{class}\">\n");
        if let Some(label) = label {
            out.push_str(&format!("<h2>{}</h2>\n", html_text(label)));
        }
        content.iter().for_each(|b| out.push_str(&block(b)));
        out.push_str("</section>\n");
        blocks.push(out);
    }
    blocks
}

/// Whether the release uses anything v1 could not say (its styles are only added then, so that
/// a v1 release reads byte for byte as before).
fn uses_v2(r: &Composed) -> bool {
    r.label.is_some()
        || r.deck.is_some()
        || r.embargo.is_some()
        || r.status_line().is_some()
        || !r.corrections.is_empty()
        || r.place.is_some()
        || r.dateline_position != DatelinePosition::Line
        || !r.contact.is_empty()
        || !r.notes_to_editors.is_empty()
        || !r.boilerplate.is_empty()
        || r.lead.iter().chain(&r.body).any(|b| match b {
            Block::Paragraph(p) => p.iter().any(|s| matches!(s, Segment::Link { .. })),
            _ => true,
        })
}

/// The `Content-ID` of an image's part in the e-mail (without its angle brackets).
pub(super) fn content_id(image: &crate::compose::Image) -> String {
    format!("{}@communique.invalid", image.sha256)
}

fn has_images(r: &Composed) -> bool {
    r.captions.iter().any(|c| c.image.is_some())
}

fn figure(c: &Caption, src: Src) -> String {
    let mut out = String::with_capacity(64 + c.text.len());
    out.push_str("<figure>");
    if let Some(image) = &c.image {
        match src {
            Src::Embedded => {
                use base64::Engine;
                let data = base64::engine::general_purpose::STANDARD.encode(&image.bytes);
                out.reserve(data.len() + 64 + image.alt.len());
                out.push_str(&format!(
                    "<img src=\"data:{};base64,{data}\"",
                    image.kind.media_type()
                ));
            }
            Src::Cid => {
                out.push_str(&format!(
                    "<img src=\"cid:{}\"",
                    html_attr(&content_id(image))
                ));
            }
            Src::Named => {
                out.push_str(&format!("<img data-image=\"{}\"", html_attr(&image.sha256)));
            }
        }
        out.push_str(&format!(
            " alt=\"{}\" width=\"{}\" height=\"{}\"",
            html_attr(&image.alt),
            image.width,
            image.height
        ));
        if let Some(lang) = &c.language {
            out.push_str(&format!(" lang=\"{}\"", html_attr(lang)));
        }
        out.push('>');
    }
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
    out
}

fn block(b: &Block) -> String {
    match b {
        Block::Paragraph(p) => format!("<p>{}</p>\n", inline(p)),
        Block::Heading(h) => format!("<h2>{}</h2>\n", inline(h)),
        Block::List {
            numbered,
            start,
            entries,
        } => {
            let tag = if *numbered { "ol" } else { "ul" };
            let mut out = match (*numbered, *start) {
                (true, n) if n != 1 => format!("<ol start=\"{n}\">\n"),
                _ => format!("<{tag}>\n"),
            };
            for e in entries {
                out.push_str(&format!("<li>{}</li>\n", inline(e)));
            }
            out.push_str(&format!("</{tag}>\n"));
            out
        }
        Block::Quote { words, byline } => {
            let mut out = format!("<blockquote>\n<p>{}</p>\n", html_text(words));
            if !byline.is_empty() {
                out.push_str(&format!("<footer>{}</footer>\n", inline(byline)));
            }
            out.push_str("</blockquote>\n");
            out
        }
        Block::Statement { intro, paragraphs } => {
            let mut out = String::from("<div class=\"statement\">\n");
            if !intro.is_empty() {
                out.push_str(&format!("<p class=\"intro\">{}</p>\n", inline(intro)));
            }
            for p in paragraphs {
                out.push_str(&format!("<p>{}</p>\n", inline(p)));
            }
            out.push_str("</div>\n");
            out
        }
    }
}

/// Text and links, escaped; a link never opens its page with a handle on this one.
fn inline(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            Segment::Text(t) => out.push_str(&html_text(t)),
            Segment::Link { href, text } => out.push_str(&format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                html_attr(href),
                html_text(text)
            )),
        }
    }
    out
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
    if let Some(lead) = r.first_paragraph() {
        ld["description"] = json!(lead);
    }
    if let Some(deck) = &r.deck {
        ld["alternativeHeadline"] = json!(inline_text(deck));
    }
    if !r.corrections.is_empty() {
        ld["correction"] = r
            .corrections
            .iter()
            .map(|n| json!({ "@type": "CorrectionComment", "datePublished": n.iso, "text": inline_text(&n.text) }))
            .collect();
    }
    let version = |v: &crate::compose::VersionRef| json!({ "@type": "NewsArticle", "inLanguage": v.language.tag(), "headline": v.headline });
    if let Some(of) = &r.versions.translation_of {
        ld["translationOfWork"] = version(of);
    }
    if !r.versions.translations.is_empty() {
        ld["workTranslation"] = json!(r
            .versions
            .translations
            .iter()
            .map(version)
            .collect::<Vec<_>>());
    }
    if r.place.is_some() {
        if let Some(dateline) = r.place_and_date() {
            ld["dateline"] = json!(dateline);
        }
    }
    ld
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::{compose, fuzzing, sample};

    #[test]
    fn preview_is_the_exports_article_with_its_language_and_no_script() {
        for meeting in [sample::sample_en(), sample::sample_fr()] {
            let r = compose(&meeting);
            let export = Html.render(&r);
            let preview = preview(&r);
            let art = article(&r);
            assert!(
                export.contains(&art) && preview.contains(&art),
                "the same article"
            );
            assert!(preview.contains(&format!(
                "<div class=\"release\" lang=\"{}\">",
                r.table().tag
            )));
            assert!(
                !preview.contains("<script")
                    && !preview.contains("<head>")
                    && !preview.contains("@media")
            );
            assert!(preview.starts_with("<style>") && preview.contains(":host {"));
        }
    }

    #[test]
    fn preview_takes_the_apps_fonts_and_the_export_keeps_its_own() {
        let r = compose(&sample::sample_fr());
        let preview = preview(&r);
        let export = Html.render(&r);
        assert!(preview.contains("font: 17px/1.6 var(--font-text, Charter,"));
        assert!(preview.contains(".organisation, .dateline, .credit { font-family: var(--font-ui,"));
        assert!(
            !export.contains("var(--font-"),
            "a standalone file names no app font"
        );
    }

    #[test]
    fn preview_escapes_what_the_user_typed() {
        let hostile = "</style><script>alert(1)</script><img src=x onerror=alert(2)>";
        let r = compose(&fuzzing::meeting_with_text(hostile));
        let preview = preview(&r);
        assert_eq!(preview.matches("<style>").count(), 1);
        assert_eq!(preview.matches("</style>").count(), 1);
        assert!(!preview.contains("<script") && !preview.contains("<img"));
        assert!(preview.contains("&lt;/style&gt;&lt;script&gt;"));
    }
}
