//! The Markdown export (docs/meeting-file.md, "Markdown"): YAML front matter, then `# Headline`, the dateline, one
//! Markdown paragraph per release paragraph, and the captions.
//!
//! The front matter is plain YAML holding the text as typed, for the static site generators that
//! publish Markdown (Hugo, Jekyll, Eleventy, Astro read its values as text and escape them in
//! their templates). pandoc alone reads metadata values as Markdown, so for pandoc the title comes
//! from the body's own heading, escaped like every line of the body: `pandoc -s
//! --shift-heading-level-by=-1` puts that heading in place of the front matter's title.

use super::escape::{markdown_inline, yaml_string};
use super::Renderer;
use crate::compose::Composed;

pub struct Markdown;

impl Renderer for Markdown {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, r: &Composed) -> String {
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
