//! The Markdown export (docs/meeting-file.md, "Markdown"): YAML front matter, then `# Headline`, the dateline, one
//! Markdown block per release block (`##` sub-headings, `-`/`1.` lists, `>` block quotes with
//! their byline, `[text](url)` links), and the captions.
//!
//! The front matter is plain YAML holding the text as typed, for the static site generators that
//! publish Markdown (Hugo, Jekyll, Eleventy, Astro read its values as text and escape them in
//! their templates). pandoc alone reads metadata values as Markdown, so for pandoc the title comes
//! from the body's own heading, escaped like every line of the body: `pandoc -s
//! --shift-heading-level-by=-1` puts that heading in place of the front matter's title, which it
//! does only when the body begins with it: the heading comes first, then the embargo line and the
//! label (above the headline in HTML and plain text).

use super::escape::{markdown_destination, markdown_inline, yaml_string};
use super::Renderer;
use crate::compose::{Block, Caption, Composed, PhotoPosition, Segment};

pub struct Markdown;

impl Renderer for Markdown {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, r: &Composed) -> String {
        let mut out = String::with_capacity(4096);
        out.push_str("---\n");
        out.push_str(&format!("title: {}\n", yaml_string(&r.headline)));
        out.push_str(&format!("lang: {}\n", r.language.tag()));
        if let Some(p) = &r.published {
            out.push_str(&format!("published: {}\n", p.iso));
        }
        if let Some(u) = &r.updated {
            out.push_str(&format!("updated: {}\n", u.iso));
        }
        if let Some(e) = &r.embargo {
            out.push_str(&format!("embargo: {}\n", e.iso));
        }
        if let Some(s) = r.status {
            out.push_str(&format!("status: {}\n", s.tag()));
            // Hugo, Jekyll and Eleventy leave a draft out of the site they build.
            if s.is_before_publication() {
                out.push_str("draft: true\n");
            }
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
        let para = |out: &mut String, text: String| {
            out.push_str(&text);
            out.push_str("\n\n");
        };
        // The heading first, before the embargo line and the label that stand above it in the
        // other formats: `pandoc --shift-heading-level-by=-1` makes a level-1 heading its title
        // only where the body begins with it, and otherwise takes the front matter's `title`,
        // which it reads as Markdown (raw HTML included).
        para(&mut out, format!("# {}", markdown_inline(&r.headline)));
        if let Some(s) = r.status_line() {
            para(&mut out, format!("**{}**", markdown_inline(s)));
        }
        if let Some(e) = &r.embargo {
            para(&mut out, markdown_inline(&e.text));
        }
        if let Some(label) = &r.label {
            para(&mut out, markdown_inline(label));
        }
        if let Some(deck) = &r.deck {
            para(&mut out, inline(deck));
        }
        if let Some(dateline) = r.dateline() {
            para(&mut out, markdown_inline(&dateline));
        }
        let caption = |c: &Caption| markdown_inline(&format!("{} {}", c.label, c.text));
        for c in r.captions_at(PhotoPosition::BeforeLead) {
            para(&mut out, caption(c));
        }
        let mut opening = r.dateline_opening();
        for (i, b) in r.lead.iter().enumerate() {
            match (i, b, opening.take()) {
                (0, Block::Paragraph(p), Some(o)) => {
                    let mut with = vec![Segment::Text(format!("{o} "))];
                    with.extend(p.iter().cloned());
                    para(&mut out, inline(&with));
                }
                (_, b, o) => {
                    if let Some(o) = o {
                        para(&mut out, markdown_inline(&o));
                    }
                    para(&mut out, block(b));
                }
            }
        }
        if let Some(o) = opening {
            para(&mut out, markdown_inline(&o));
        }
        for c in r.captions_at(PhotoPosition::AfterLead) {
            para(&mut out, caption(c));
        }
        for b in &r.body {
            para(&mut out, block(b));
        }
        if let Some(end) = r.dateline_end() {
            para(&mut out, markdown_inline(&end));
        }
        for n in &r.corrections {
            para(
                &mut out,
                format!("**{}** {}", markdown_inline(&n.heading), inline(&n.text)),
            );
        }
        for c in r.captions_at(PhotoPosition::End) {
            para(&mut out, caption(c));
        }
        for (label, content) in [
            (Some(r.labels.contact.as_str()), &r.contact),
            (Some(r.labels.notes.as_str()), &r.notes_to_editors),
            (None, &r.boilerplate),
        ] {
            if content.is_empty() {
                continue;
            }
            if let Some(label) = label {
                para(&mut out, format!("## {}", markdown_inline(label)));
            }
            for b in content {
                para(&mut out, block(b));
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }
}

/// One block of CommonMark (without its blank line after).
fn block(b: &Block) -> String {
    match b {
        Block::Paragraph(p) => inline(p),
        Block::Heading(h) => format!("## {}", inline(h)),
        Block::List {
            numbered,
            start,
            entries,
        } => entries
            .iter()
            .enumerate()
            .map(|(i, e)| match numbered {
                // CommonMark takes the first item's number as the list's start.
                true => format!("{}. {}", i as u64 + u64::from(*start), inline(e)),
                false => format!("- {}", inline(e)),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Quote { words, byline } => {
            let mut out = format!("> {}", markdown_inline(words));
            if !byline.is_empty() {
                out.push_str(&format!("\n>\n> {}", inline(byline)));
            }
            out
        }
        Block::Statement { intro, paragraphs } => std::iter::once(intro)
            .chain(paragraphs)
            .filter(|p| !p.is_empty())
            .map(|p| inline(p))
            .collect::<Vec<_>>()
            .join("\n\n"),
    }
}

/// Text and links on one line: each text escaped as inline content, a link as `[text](url)`
/// with its text escaped the same way and its address escaped for a link destination.
fn inline(segments: &[Segment]) -> String {
    let mut out = String::new();
    for (i, s) in segments.iter().enumerate() {
        match s {
            Segment::Text(t) => {
                let before_link = matches!(segments.get(i + 1), Some(Segment::Link { .. }));
                // `!` right before `[` would make the link an image.
                match t.strip_suffix('!').filter(|_| before_link) {
                    Some(rest) => {
                        out.push_str(&markdown_inline(rest));
                        out.push_str("\\!");
                    }
                    None => out.push_str(&markdown_inline(t)),
                }
            }
            Segment::Link { href, text } => {
                out.push('[');
                out.push_str(&markdown_inline(text));
                out.push_str("](");
                out.push_str(&markdown_destination(href));
                out.push(')');
            }
        }
    }
    out
}
