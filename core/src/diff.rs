//! A readable difference between two versions of a release, paragraph by paragraph, and word by
//! word inside a paragraph rewritten in place: what a press officer checks before sending a
//! correction. Both levels are `similar`'s diff; this module pairs its results and lays them out
//! for reading, so the UI only displays them.

use std::ops::Range;

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Same,
    Added,
    Removed,
    /// A paragraph rewritten in place (a removal paired with the addition that replaced it).
    Changed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DiffPara {
    pub kind: Change,
    pub before: Option<String>,
    pub after: Option<String>,
    /// A changed paragraph as one reading, like tracked changes: the words kept, removed and
    /// added, in order. `None` for the other kinds, and for a paragraph that kept less than a
    /// third of its words (rewritten altogether: before and after are shown apart).
    pub words: Option<Vec<Segment>>,
}

/// One run of a changed paragraph. Removed and added runs hold whole words and the spaces
/// between them, never a space at either end; the spaces around them are in the kept runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Segment {
    pub kind: Edit,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Edit {
    Same,
    Added,
    Removed,
}

/// The blocks of a plain-text release (headline, dateline, paragraphs, captions).
pub fn blocks(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|b| b.trim().to_owned())
        .filter(|b| !b.is_empty())
        .collect()
}

/// Paragraph by paragraph; the paragraphs removed and added between two kept ones are paired, in
/// order, as changes (each with its word diff), the rest left as removed or added.
pub fn diff(before: &[String], after: &[String]) -> Vec<DiffPara> {
    let mut out = Vec::with_capacity(after.len().max(before.len()));
    let para = |kind, before: Option<&String>, after: Option<&String>| DiffPara {
        kind,
        before: before.cloned(),
        after: after.cloned(),
        words: match (kind, before, after) {
            (Change::Changed, Some(b), Some(a)) => words(b, a),
            _ => None,
        },
    };
    for op in capture_diff_slices(Algorithm::Myers, before, after) {
        let (old, new) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } = op {
            out.extend(
                old.zip(new)
                    .map(|(i, j)| para(Change::Same, Some(&before[i]), Some(&after[j]))),
            );
            continue;
        }
        let pairs = old.len().min(new.len());
        let (old, new) = (&before[old], &after[new]);
        for (b, a) in old.iter().zip(new) {
            out.push(para(Change::Changed, Some(b), Some(a)));
        }
        out.extend(
            old[pairs..]
                .iter()
                .map(|b| para(Change::Removed, Some(b), None)),
        );
        out.extend(
            new[pairs..]
                .iter()
                .map(|a| para(Change::Added, None, Some(a))),
        );
    }
    out
}

/// The word diff of a paragraph rewritten in place, read in order: kept words, removed words,
/// added words. A removed run and the added run replacing it are kept one space apart
/// ("85% 87%"). `None` when the two keep less than a third of the shorter one's words.
pub fn words(before: &str, after: &str) -> Option<Vec<Segment>> {
    let (old, new) = (word_spans(before), word_spans(after));
    let old_words: Vec<&str> = old.iter().map(|w| &before[w.clone()]).collect();
    let new_words: Vec<&str> = new.iter().map(|w| &after[w.clone()]).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old_words, &new_words);
    let kept: usize = ops
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    let shorter = old.len().min(new.len());
    if shorter == 0 || kept * 3 < shorter {
        return None;
    }

    // Each op as a run of words (a replacement: its removed run, then its added run), with the
    // words it spans before and after (empty on the side it is not read on).
    let mut runs: Vec<(Edit, Range<usize>, Range<usize>)> = Vec::with_capacity(ops.len() + 4);
    for op in &ops {
        let (o, n) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => runs.push((Edit::Same, o, n)),
            DiffOp::Delete { .. } => runs.push((Edit::Removed, o, n)),
            DiffOp::Insert { .. } => runs.push((Edit::Added, o, n)),
            DiffOp::Replace { .. } => {
                runs.push((Edit::Removed, o.clone(), n.start..n.start));
                runs.push((Edit::Added, o.end..o.end, n));
            }
        }
    }

    let mut out = Segments(Vec::with_capacity(runs.len() * 2));
    for (k, (kind, o, n)) in runs.iter().enumerate() {
        if let Some((prev, po, pn)) = k.checked_sub(1).map(|p| &runs[p]) {
            // The spaces between two runs, from the side both are read on.
            let gap = match (prev, kind) {
                (Edit::Removed, Edit::Added) | (Edit::Added, Edit::Removed) => " ",
                (Edit::Removed, _) | (_, Edit::Removed) => {
                    &before[old[po.end - 1].end..old[o.start].start]
                }
                _ => &after[new[pn.end - 1].end..new[n.start].start],
            };
            out.push(Edit::Same, gap);
        }
        let text = match kind {
            Edit::Removed => &before[old[o.start].start..old[o.end - 1].end],
            Edit::Same | Edit::Added => &after[new[n.start].start..new[n.end - 1].end],
        };
        out.push(*kind, text);
    }
    Some(out.0)
}

/// Segments, each run joined to the one before it when they are of one kind.
struct Segments(Vec<Segment>);

impl Segments {
    fn push(&mut self, kind: Edit, text: &str) {
        match self.0.last_mut() {
            _ if text.is_empty() => {}
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => self.0.push(Segment {
                kind,
                text: text.to_owned(),
            }),
        }
    }
}

/// The byte ranges of the words of `s` (runs of anything but white space).
fn word_spans(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(st)) => {
                out.push(st..i);
                start = None;
            }
            _ => {}
        }
    }
    out.extend(start.map(|st| st..s.len()));
    out
}

#[cfg(test)]
mod tests;
