//! The house style's apostrophes and spacing, applied once to a composed release: every text it
//! holds (headline, label, deck, blocks, quotes' words, captions, credits, the dateline, the
//! labels, the organisation's name, the meeting's title and place), never a link's address, a
//! machine form (ISO dates) or a language tag. What each option means in the release's language
//! is its `Table`'s (`Table::restyle`).

use crate::compose::{Block, Composed, Inline, Segment};
use crate::lang::{HouseStyle, Language, Table};

/// `c` in `style`'s apostrophes and its language's spacing under `style`. The default style
/// changes nothing, and nothing is walked for it.
pub(super) fn restyle(c: &mut Composed, style: &HouseStyle) {
    if style.apostrophe == Default::default() && style.french_spacing == Default::default() {
        return;
    }
    let table = c.language.table();
    let one = |s: &mut String| table.restyle(style, &mut [s]);
    one(&mut c.headline);
    one(&mut c.meeting_title);
    one(&mut c.labels.updated);
    one(&mut c.labels.contact);
    one(&mut c.labels.notes);
    for s in [
        &mut c.label,
        &mut c.organisation,
        &mut c.location,
        &mut c.place,
    ]
    .into_iter()
    .flatten()
    {
        one(s);
    }
    for m in [&mut c.published, &mut c.updated, &mut c.embargo]
        .into_iter()
        .flatten()
    {
        one(&mut m.text);
    }
    if let Some(deck) = &mut c.deck {
        inline(table, style, deck);
    }
    for n in &mut c.corrections {
        one(&mut n.heading);
        inline(table, style, &mut n.text);
    }
    for b in c
        .lead
        .iter_mut()
        .chain(&mut c.body)
        .chain(&mut c.contact)
        .chain(&mut c.notes_to_editors)
        .chain(&mut c.boilerplate)
    {
        block(table, style, b);
    }
    for caption in &mut c.captions {
        // A caption in a language of its own is spaced as that language spaces (its label is
        // that language's too); one in a language Communiqué has no table for, as the release.
        let own = caption
            .language
            .as_deref()
            .and_then(Language::from_tag)
            .map_or(table, Language::table);
        own.restyle(style, &mut [&mut caption.text]);
        own.restyle(style, &mut [&mut caption.label]);
        if let Some(image) = &mut caption.image {
            own.restyle(style, &mut [&mut image.alt]);
        }
        if let Some(credit) = &mut caption.credit {
            table.restyle(style, &mut [credit]);
        }
    }
}

fn block(table: &Table, style: &HouseStyle, b: &mut Block) {
    match b {
        Block::Paragraph(p) | Block::Heading(p) => inline(table, style, p),
        Block::List { entries, .. } => entries.iter_mut().for_each(|e| inline(table, style, e)),
        Block::Quote { words, byline } => {
            table.restyle(style, &mut [words]);
            inline(table, style, byline);
        }
        Block::Statement { intro, paragraphs } => {
            inline(table, style, intro);
            paragraphs.iter_mut().for_each(|p| inline(table, style, p));
        }
    }
}

/// A text with links, restyled as one text (what stands either side of a link counts); a text
/// left empty (spaces removed) goes, so that no two texts stand in a row.
fn inline(table: &Table, style: &HouseStyle, segments: &mut Inline) {
    let mut texts: Vec<&mut String> = segments
        .iter_mut()
        .map(|s| match s {
            Segment::Text(t) => t,
            Segment::Link { text, .. } => text,
        })
        .collect();
    table.restyle(style, &mut texts);
    let mut out = Inline::with_capacity(segments.len());
    for s in std::mem::take(segments) {
        match (out.last_mut(), s) {
            (_, Segment::Text(t)) if t.is_empty() => {}
            (Some(Segment::Text(last)), Segment::Text(t)) => last.push_str(&t),
            (_, s) => out.push(s),
        }
    }
    *segments = out;
}
