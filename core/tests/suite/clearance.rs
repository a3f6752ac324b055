//! A release's way to publication (core/src/clearance.rs, core/src/store/status.rs): status in
//! every export, the sign-off log with the text cleared, publishing only what was cleared, and a
//! correction on every language version.

use communique_core::clearance::Status;
use communique_core::v2::translation::{self, Status as TextStatus};
use communique_core::v2::{self, MeetingV2, Run};
use communique_core::Language::{En, Fr};
use communique_core::{Error, Format, Store};

const EXAMPLE: &str = include_str!("../fixtures/v2/ministers-en-fr.meeting.json");

fn store_with(m: &MeetingV2) -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("archive.sqlite3")).unwrap();
    let id = store.insert_v2(m).unwrap();
    (dir, store, id)
}

fn example() -> MeetingV2 {
    v2::parse("example", EXAMPLE.as_bytes()).unwrap()
}

fn export(
    store: &mut Store,
    id: i64,
    format: Format,
    lang: Option<communique_core::Language>,
) -> String {
    let mut out = Vec::new();
    store
        .export_in(id, format, lang, true, |b| {
            out = b.to_vec();
            Ok(())
        })
        .unwrap();
    String::from_utf8(out).unwrap()
}

/// The text of a DOCX export's body (`word/document.xml`).
fn docx_xml(store: &mut Store, id: i64) -> String {
    let mut out = Vec::new();
    store
        .export_in(id, Format::Docx, None, true, |b| {
            out = b.to_vec();
            Ok(())
        })
        .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    xml
}

fn edit_headline(store: &mut Store, id: i64, text: &str) {
    store
        .update_v2(id, |m| {
            m.releases[0].headline = vec![Run::Text(text.into())];
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_release_says_its_status_until_published() {
    let (_dir, mut store, id) = store_with(&example());
    let before = export(&mut store, id, Format::Html, None);
    assert!(
        !before.contains("class=\"status\""),
        "no status: written as ever"
    );

    store
        .set_status(id, Status::ReadyForClearance, None, None)
        .unwrap();
    let html = export(&mut store, id, Format::Html, None);
    assert!(html.contains("<div class=\"status\">For clearance – not for publication</div>"));
    let md = export(&mut store, id, Format::Markdown, None);
    assert!(md.contains("\nstatus: ready\ndraft: true\n"), "{md}");
    assert!(md.contains("\n**For clearance – not for publication**\n"));
    let fr = export(&mut store, id, Format::Html, Some(Fr));
    assert!(fr.contains("<div class=\"status\">Pour validation – ne pas diffuser</div>"));

    store
        .set_status(id, Status::Cleared, Some("  Ana   Ruiz "), None)
        .unwrap();
    let text = communique_core::render::plain_text(
        &v2::compose(&store.load_v2(id).unwrap().meeting, En).with_status(Some(Status::Cleared)),
    );
    assert!(
        text.starts_with("Cleared – not yet published\n\n"),
        "{text}"
    );

    let ninjs: serde_json::Value =
        serde_json::from_str(&export(&mut store, id, Format::Ninjs, None)).unwrap();
    assert_eq!(ninjs["pubStatus"], "withheld", "not to be used yet");
    assert!(docx_xml(&mut store, id).contains("Cleared – not yet published"));

    store.set_status(id, Status::Published, None, None).unwrap();
    let ninjs: serde_json::Value =
        serde_json::from_str(&export(&mut store, id, Format::Ninjs, None)).unwrap();
    assert_eq!(ninjs["pubStatus"], "usable");
    let html = export(&mut store, id, Format::Html, None);
    assert!(!html.contains("class=\"status\""));
    let md = export(&mut store, id, Format::Markdown, None);
    assert!(md.contains("\nstatus: published\n") && !md.contains("draft: true"));

    let c = store.clearance(id).unwrap();
    assert_eq!(c.status, Some(Status::Published));
    let log: Vec<_> = c.log.iter().map(|e| (e.status, e.by.as_deref())).collect();
    assert_eq!(
        log,
        [
            (Status::Published, None),
            (Status::Cleared, Some("Ana Ruiz")),
            (Status::ReadyForClearance, None),
        ]
    );
    assert!(c.reads_as_cleared);
}

#[test]
fn clearing_names_who_and_publishing_takes_only_the_cleared_text() {
    let (_dir, mut store, id) = store_with(&example());
    let e = store
        .set_status(id, Status::Cleared, Some("  "), None)
        .unwrap_err();
    assert!(e.to_string().contains("who cleared"), "{e}");
    assert_eq!(store.status(id).unwrap(), None, "nothing logged");
    let e = store
        .set_status(id, Status::Published, None, None)
        .unwrap_err();
    assert!(e.to_string().contains("once cleared"), "{e}");

    store
        .set_status(id, Status::Cleared, Some("Ana Ruiz"), Some("OK by phone"))
        .unwrap();
    edit_headline(&mut store, id, "Ministers agree on a new rail plan");
    let c = store.clearance(id).unwrap();
    assert!(!c.reads_as_cleared);
    let diff = c.since_cleared.unwrap();
    let changed: Vec<_> = diff
        .iter()
        .filter(|p| p.kind != communique_core::diff::Change::Same)
        .collect();
    assert!(!changed.is_empty());
    assert!(changed
        .iter()
        .any(|p| format!("{p:?}").contains("new rail plan")));

    let revision = store.revision(id).unwrap();
    let e = store
        .set_status(id, Status::Published, None, None)
        .unwrap_err();
    assert!(e.to_string().contains("edited after it was cleared"), "{e}");
    assert!(matches!(e, Error::Invalid { .. }));
    assert_eq!(store.status(id).unwrap(), Some(Status::Cleared));
    assert_eq!(store.revision(id).unwrap(), revision, "nothing written");

    store
        .set_status(id, Status::Cleared, Some("Ana Ruiz"), None)
        .unwrap();
    store.set_status(id, Status::Published, None, None).unwrap();
    let e = store.set_status(id, Status::Draft, None, None).unwrap_err();
    assert!(e.to_string().contains("only be corrected"), "{e}");
}

#[test]
fn publishing_gives_a_release_without_a_time_its_time() {
    let mut m = example();
    for r in &mut m.releases {
        r.published = None;
    }
    let (_dir, mut store, id) = store_with(&m);
    store
        .set_status(id, Status::Cleared, Some("Ana Ruiz"), None)
        .unwrap();
    store.set_status(id, Status::Published, None, None).unwrap();
    let m = store.load_v2(id).unwrap().meeting;
    assert!(m.releases.iter().all(|r| r.published.is_some()));
}

#[test]
fn a_correction_reaches_every_language_version() {
    let (_dir, mut store, id) = store_with(&example());
    let e = store
        .correct(id, "The date was wrong.", &[], None)
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("only a published release is corrected"),
        "{e}"
    );
    store
        .set_status(id, Status::Cleared, Some("Ana Ruiz"), None)
        .unwrap();
    store.set_status(id, Status::Published, None, None).unwrap();
    let e = store.correct(id, "   ", &[], None).unwrap_err();
    assert!(e.to_string().contains("give its note"), "{e}");

    store
        .correct(
            id,
            "An earlier version gave the wrong date for the summit.",
            &[(
                Fr,
                "Une version précédente donnait une date erronée.".into(),
            )],
            Some("Press office"),
        )
        .unwrap();
    assert_eq!(store.status(id).unwrap(), Some(Status::Corrected));
    let m = store.load_v2(id).unwrap().meeting;
    for r in &m.releases {
        assert_eq!(r.corrections.len(), 1, "{:?}", r.language);
        assert_eq!(r.updated, Some(r.corrections[0].at));
    }
    let text = communique_core::render::plain_text(&v2::compose(&m, En));
    let line = text
        .split("\n\n")
        .find(|p| p.starts_with("Correction ("))
        .expect("a correction paragraph");
    assert!(
        line.ends_with("): An earlier version gave the wrong date for the summit."),
        "{line}"
    );
    let fr = communique_core::render::plain_text(&v2::compose(&m, Fr));
    let line = fr
        .split("\n\n")
        .find(|p| p.starts_with("Rectificatif ("))
        .expect("a French correction paragraph");
    assert!(
        line.ends_with(")\u{a0}: Une version précédente donnait une date erronée."),
        "{line:?}"
    );

    let html = export(&mut store, id, Format::Html, None);
    assert!(html.contains("<aside class=\"corrections\">"));
    let docx = docx_xml(&mut store, id);
    assert!(docx.contains("An earlier version gave the wrong date for the summit."));
    assert!(!docx.contains("not yet published"));
    assert!(
        html.contains("\"@type\":\"CorrectionComment\""),
        "JSON-LD says it"
    );

    // The meeting file carries the correction, and reads back.
    let json = Format::Json.render_v2(&m, En).unwrap();
    assert_eq!(v2::parse("again", json.as_bytes()).unwrap(), m);

    // A second correction follows the first; the log keeps both.
    store.correct(id, "And the place.", &[], None).unwrap();
    let m = store.load_v2(id).unwrap().meeting;
    assert_eq!(m.releases[1].corrections.len(), 2);
    let log = store.clearance(id).unwrap().log;
    assert_eq!(log[0].note.as_deref(), Some("And the place."));
    assert_eq!(log[1].by.as_deref(), Some("Press office"));
}

#[test]
fn a_correction_copied_into_a_translation_is_to_translate() {
    let mut m = example();
    m.releases.retain(|r| r.language == En);
    m.info.languages = vec![En];
    for q in m.agenda.iter_mut().flat_map(|i| i.quotes.iter_mut()) {
        q.words.remove(&Fr);
        q.verb.remove(&Fr);
    }
    for p in &mut m.people {
        p.forms.remove(&Fr);
    }
    for o in &mut m.organisations {
        o.name.remove(&Fr);
        o.boilerplate.remove(&Fr);
    }
    translation::add_version(&mut m, En, Fr).unwrap();
    translation::mark_translated(&mut m, Fr, None).unwrap();
    let (_dir, mut store, id) = store_with(&m);
    store
        .set_status(id, Status::Cleared, Some("Ana Ruiz"), None)
        .unwrap();
    store.set_status(id, Status::Published, None, None).unwrap();
    store.correct(id, "The date was wrong.", &[], None).unwrap();
    let m = store.load_v2(id).unwrap().meeting;
    let states = translation::states(&m, Fr).unwrap();
    let correction = states.iter().find(|s| s.key == "correction:1").unwrap();
    assert_eq!(correction.status, TextStatus::ToTranslate);
    assert!(states
        .iter()
        .filter(|s| s.key != "correction:1")
        .all(|s| s.status == TextStatus::Translated));
}

#[test]
fn the_reader_checks_corrections() {
    let m = example();
    let mut bad = m.clone();
    let at = chrono::DateTime::parse_from_rfc3339("2018-04-28T10:00:00+02:00").unwrap();
    bad.releases[0].corrections = vec![
        v2::Correction {
            at,
            text: vec![Run::Text("Later.".into())],
        },
        v2::Correction {
            at: at - chrono::Duration::hours(1),
            text: vec![Run::Text("Earlier.".into())],
        },
    ];
    let json = v2::to_json(&bad).unwrap();
    let e = v2::parse("m.json", json.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("m.json: releases[0].corrections[1].at") && e.contains("oldest first"),
        "{e}"
    );
    bad.releases[0].corrections.truncate(1);
    bad.releases[0].corrections[0].text.clear();
    let json = v2::to_json(&bad).unwrap();
    let e = v2::parse("m.json", json.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(e.contains("releases[0].corrections[0].text"), "{e}");
    // v1 cannot say a correction.
    bad.releases[0].corrections[0].text = vec![Run::Text("<script>alert(1)</script>".into())];
    let html = Format::Html.render_v2(&bad, En).unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert")
    );
}
