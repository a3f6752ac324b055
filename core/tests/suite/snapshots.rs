//! The sample meetings' exports, snapshotted: any change to what a release looks like shows up
//! in review as a diff of these files.

use communique_core::{sample, Format};

#[test]
fn sample_en_html() {
    insta::assert_snapshot!(Format::Html.render(&sample::sample_en()).unwrap());
}

#[test]
fn sample_fr_html() {
    insta::assert_snapshot!(Format::Html.render(&sample::sample_fr()).unwrap());
}

#[test]
fn sample_en_markdown() {
    insta::assert_snapshot!(Format::Markdown.render(&sample::sample_en()).unwrap());
}

#[test]
fn sample_fr_markdown() {
    insta::assert_snapshot!(Format::Markdown.render(&sample::sample_fr()).unwrap());
}

#[test]
fn sample_meeting_files_are_canonical() {
    // The embedded samples are written the way export writes them, so export of a freshly
    // imported sample gives back the very file.
    assert_eq!(
        Format::Json.render(&sample::sample_en()).unwrap(),
        sample::SAMPLE_EN
    );
    assert_eq!(
        Format::Json.render(&sample::sample_fr()).unwrap(),
        sample::SAMPLE_FR
    );
}
