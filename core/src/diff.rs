//! A readable difference between two versions of a release, paragraph by paragraph: what a press
//! officer checks before sending a correction.

use serde::Serialize;

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
}

/// The blocks of a plain-text release (headline, dateline, paragraphs, captions).
pub fn blocks(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|b| b.trim().to_owned())
        .filter(|b| !b.is_empty())
        .collect()
}

/// Longest common subsequence of paragraphs; runs of removals and additions between two common
/// paragraphs are paired, in order, as changes.
pub fn diff(before: &[String], after: &[String]) -> Vec<DiffPara> {
    let (n, m) = (before.len(), after.len());
    // lcs[i][j]: length of the LCS of before[i..] and after[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if before[i] == after[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut removed, mut added): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<DiffPara>, removed: &mut Vec<String>, added: &mut Vec<String>| {
        let pairs = removed.len().min(added.len());
        let mut r = removed.drain(..);
        let mut a = added.drain(..);
        for _ in 0..pairs {
            out.push(DiffPara {
                kind: Change::Changed,
                before: r.next(),
                after: a.next(),
            });
        }
        out.extend(r.map(|b| DiffPara {
            kind: Change::Removed,
            before: Some(b),
            after: None,
        }));
        out.extend(a.map(|b| DiffPara {
            kind: Change::Added,
            before: None,
            after: Some(b),
        }));
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && before[i] == after[j] {
            flush(&mut out, &mut removed, &mut added);
            out.push(DiffPara {
                kind: Change::Same,
                before: Some(before[i].clone()),
                after: Some(after[j].clone()),
            });
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(after[j].clone());
            j += 1;
        } else {
            removed.push(before[i].clone());
            i += 1;
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| (*x).to_owned()).collect()
    }

    fn kinds(d: &[DiffPara]) -> Vec<Change> {
        d.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn same_added_removed_and_changed() {
        let d = diff(
            &v(&["H", "Lead", "One", "Two", "End"]),
            &v(&["H", "Lead", "One bis", "Two", "New", "End"]),
        );
        assert_eq!(
            kinds(&d),
            [
                Change::Same,
                Change::Same,
                Change::Changed,
                Change::Same,
                Change::Added,
                Change::Same
            ]
        );
        assert_eq!(d[2].before.as_deref(), Some("One"));
        assert_eq!(d[2].after.as_deref(), Some("One bis"));
        let d = diff(&v(&["A", "B", "C"]), &v(&["A", "C"]));
        assert_eq!(kinds(&d), [Change::Same, Change::Removed, Change::Same]);
    }

    #[test]
    fn identical_and_empty() {
        assert!(diff(&v(&["A", "B"]), &v(&["A", "B"]))
            .iter()
            .all(|p| p.kind == Change::Same));
        assert_eq!(kinds(&diff(&[], &v(&["A"]))), [Change::Added]);
        assert_eq!(kinds(&diff(&v(&["A"]), &[])), [Change::Removed]);
        assert!(diff(&[], &[]).is_empty());
    }

    #[test]
    fn blocks_split_on_blank_lines() {
        assert_eq!(
            blocks("H\n\nD\n\nP one\n\n\nP two\n"),
            v(&["H", "D", "P one", "P two"])
        );
    }
}
