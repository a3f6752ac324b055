use proptest::prelude::*;

use super::*;

fn v(s: &[&str]) -> Vec<String> {
    s.iter().map(|x| (*x).to_owned()).collect()
}

fn kinds(d: &[DiffPara]) -> Vec<Change> {
    d.iter().map(|p| p.kind).collect()
}

fn seg(kind: Edit, text: &str) -> Segment {
    Segment {
        kind,
        text: text.to_owned(),
    }
}

/// The paragraph as it read before (kept and removed words) or after (kept and added words),
/// spaces collapsed: a removed run and the added run replacing it are one space apart.
fn reading(segments: &[Segment], without: Edit) -> String {
    let text: String = segments
        .iter()
        .filter(|s| s.kind != without)
        .map(|s| s.text.as_str())
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collapsed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What holds of every word diff: it reads as before and as after; runs alternate in kind;
/// removed and added runs are words without spaces at their ends.
fn check_words(before: &str, after: &str, segments: &[Segment]) -> Result<(), TestCaseError> {
    prop_assert_eq!(reading(segments, Edit::Added), collapsed(before));
    prop_assert_eq!(reading(segments, Edit::Removed), collapsed(after));
    for pair in segments.windows(2) {
        prop_assert_ne!(pair[0].kind, pair[1].kind, "runs joined: {:?}", segments);
    }
    for s in segments.iter().filter(|s| s.kind != Edit::Same) {
        prop_assert!(!s.text.is_empty() && s.text.trim() == s.text, "{:?}", s);
    }
    Ok(())
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
    assert_eq!(
        d[2].words,
        Some(vec![seg(Edit::Same, "One "), seg(Edit::Added, "bis")])
    );
    assert!(d
        .iter()
        .filter(|p| p.kind != Change::Changed)
        .all(|p| p.words.is_none()));
    let d = diff(&v(&["A", "B", "C"]), &v(&["A", "C"]));
    assert_eq!(kinds(&d), [Change::Same, Change::Removed, Change::Same]);
}

#[test]
fn removals_and_additions_between_kept_paragraphs_pair_in_order() {
    let d = diff(
        &v(&["H", "a b c", "d e f", "End"]),
        &v(&["H", "a b x", "End"]),
    );
    assert_eq!(
        kinds(&d),
        [Change::Same, Change::Changed, Change::Removed, Change::Same]
    );
    assert_eq!(d[1].before.as_deref(), Some("a b c"));
    assert_eq!(d[2].before.as_deref(), Some("d e f"));
    let d = diff(&v(&["H"]), &v(&["H2", "x", "y"]));
    assert_eq!(kinds(&d), [Change::Changed, Change::Added, Change::Added]);
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

#[test]
fn a_small_edit_reads_inline_like_tracked_changes() {
    assert_eq!(
        words(
            "Storage is at 85% today, the highest in five years.",
            "Storage is at 87% today, the highest in five years."
        ),
        Some(vec![
            seg(Edit::Same, "Storage is at "),
            seg(Edit::Removed, "85%"),
            seg(Edit::Same, " "),
            seg(Edit::Added, "87%"),
            seg(Edit::Same, " today, the highest in five years."),
        ])
    );
    assert_eq!(
        words(
            "Energy ministers agree joint winter plan",
            "Energy ministers agree joint winter plan and offshore wind grid"
        ),
        Some(vec![
            seg(Edit::Same, "Energy ministers agree joint winter plan "),
            seg(Edit::Added, "and offshore wind grid"),
        ])
    );
    assert_eq!(
        words(
            "They met in Riga on Monday.",
            "They met in Vilnius on Tuesday, as planned."
        ),
        Some(vec![
            seg(Edit::Same, "They met in "),
            seg(Edit::Removed, "Riga"),
            seg(Edit::Same, " "),
            seg(Edit::Added, "Vilnius"),
            seg(Edit::Same, " on "),
            seg(Edit::Removed, "Monday."),
            seg(Edit::Same, " "),
            seg(Edit::Added, "Tuesday, as planned."),
        ])
    );
    assert_eq!(
        words(
            "Ministers met in Tallinn on Tuesday.",
            "Ministers met on Tuesday."
        ),
        Some(vec![
            seg(Edit::Same, "Ministers met "),
            seg(Edit::Removed, "in Tallinn"),
            seg(Edit::Same, " on Tuesday."),
        ])
    );
}

#[test]
fn reads_as_before_without_the_added_words_and_as_after_without_the_removed_ones() {
    let pairs = [
        ("Ministers met in Tallinn.", "Ministers met in Tallinn on Tuesday and agreed."),
        ("A b c d e f g.", "A x c d y f g z."),
        ("One two three four", "Zero one two four five"),
        (
            "“No household should be left in the cold,” said Ms Tamm.",
            "“No household in the region should be left in the cold,” said Council President Kadri Tamm.",
        ),
        // French typography: no-break spaces are spaces between words, kept as typed.
        (
            "« Nous agirons\u{a0}», a déclaré la présidente\u{202f}: demain.",
            "« Nous agirons ensemble\u{a0}», a déclaré la présidente\u{202f}: demain.",
        ),
    ];
    for (a, b) in pairs {
        let d = words(a, b).unwrap_or_else(|| panic!("{a} → {b}"));
        check_words(a, b, &d).unwrap();
    }
    let d = words(
        "« Nous agirons\u{a0}», a dit",
        "« Nous agirons ensemble\u{a0}», a dit",
    )
    .unwrap();
    assert_eq!(d[0], seg(Edit::Same, "« Nous agirons "));
    assert_eq!(d[2], seg(Edit::Same, "\u{a0}», a dit"));
}

#[test]
fn gives_up_on_a_paragraph_rewritten_altogether() {
    assert_eq!(
        words(
            "The Council endorsed a joint plan.",
            "Talks will resume in March after a pause."
        ),
        None
    );
    assert_eq!(words("", "x"), None);
    assert_eq!(words("x", ""), None);
    // A long paragraph is compared all the same.
    let long = "word ".repeat(600);
    let d = words(&long, &format!("{long}more")).unwrap();
    assert_eq!(d.last(), Some(&seg(Edit::Added, "more")));
}

/// Paragraphs of a few words from a small vocabulary, so that versions share some.
fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!["a", "b", "c", "d", "«", "85%", "x.", "été"]),
        0..12,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_word_diff_reads_as_both_versions(a in paragraph(), b in paragraph()) {
        if let Some(d) = words(&a, &b) {
            check_words(&a, &b, &d)?;
        }
    }

    #[test]
    fn every_paragraph_is_in_the_diff_once_in_order(
        a in prop::collection::vec(paragraph(), 0..8),
        b in prop::collection::vec(paragraph(), 0..8),
    ) {
        let d = diff(&a, &b);
        let before: Vec<String> = d.iter().filter_map(|p| p.before.clone()).collect();
        let after: Vec<String> = d.iter().filter_map(|p| p.after.clone()).collect();
        prop_assert_eq!(before, a);
        prop_assert_eq!(after, b);
        for p in &d {
            match p.kind {
                Change::Same => prop_assert_eq!(&p.before, &p.after),
                Change::Changed => {
                    let (x, y) = (p.before.as_deref().unwrap(), p.after.as_deref().unwrap());
                    prop_assert_ne!(x, y);
                    if let Some(w) = &p.words {
                        check_words(x, y, w)?;
                    }
                }
                Change::Added => prop_assert!(p.before.is_none()),
                Change::Removed => prop_assert!(p.after.is_none()),
            }
        }
    }
}
