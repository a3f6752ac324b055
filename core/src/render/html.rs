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
use crate::compose::{Composed, Moment};

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

impl Renderer for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, r: &Composed) -> String {
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
