use std::path::Path;

use super::*;
use crate::render::Format;
use crate::sample::{sample_en, sample_fr};

const HTML: VersionReason = VersionReason::Export {
    format: Format::Html,
};

/// An export that writes nowhere: what the store does around it is under test.
fn export(store: &mut Store, id: MeetingId) -> Option<i64> {
    store.export(id, Format::Html, |_| Ok(())).unwrap()
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn a_meeting_comes_back_exactly_as_stored() {
    let mut store = Store::open_in_memory().unwrap();
    for m in [sample_en(), sample_fr()] {
        let id = store.insert(&m).unwrap();
        let stored = store.load(id).unwrap();
        assert_eq!(stored.meeting, m);
        assert_eq!(stored.revision, 1);
    }
    assert_eq!(store.count().unwrap(), 2);
}

#[test]
fn save_replaces_the_meeting_and_bumps_the_revision() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.insert(&sample_en()).unwrap();
    let mut m = sample_en();
    m.agenda.swap(0, 1);
    m.agenda[0].quotes.clear();
    m.people.pop();
    m.agenda
        .retain(|i| i.quotes.iter().all(|q| q.speaker != "youth"));
    let rev = store.save(id, 1, &m).unwrap();
    assert_eq!(rev, 2);
    let stored = store.load(id).unwrap();
    assert_eq!(stored.meeting, m);
    assert_eq!(stored.revision, 2);
}

#[test]
fn a_save_based_on_an_old_revision_is_refused_and_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.insert(&sample_en()).unwrap();
    let mut first = sample_en();
    first.info.title = "First writer".into();
    store.save(id, 1, &first).unwrap();
    let mut second = sample_en();
    second.info.title = "Second writer".into();
    let err = store.save(id, 1, &second).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Conflict {
                expected: 1,
                found: 2,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(err.code(), crate::Code::Conflict);
    assert_eq!(store.load(id).unwrap().meeting.info.title, "First writer");
}

#[test]
fn an_invalid_meeting_is_refused_before_any_write() {
    let mut store = Store::open_in_memory().unwrap();
    let mut m = sample_en();
    m.agenda[0].quotes[0].speaker = "ghost".into();
    let err = store.insert(&m).unwrap_err();
    assert!(
        err.to_string().contains("agenda[0].quotes[0].speaker"),
        "{err}"
    );
    assert_eq!(store.count().unwrap(), 0);
}

#[test]
fn delete_removes_the_meeting_its_children_and_its_search_row() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.insert(&sample_en()).unwrap();
    let keep = store.insert(&sample_fr()).unwrap();
    store.delete(id).unwrap();
    assert!(matches!(store.load(id), Err(Error::NotFound(_))));
    assert!(store.search("forty", 10).unwrap().is_empty());
    assert_eq!(store.load(keep).unwrap().meeting, sample_fr());
    let orphans: i64 = store
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM documents)
             - (SELECT count(*) FROM people p JOIN meetings m ON m.id = p.meeting_id)
             - (SELECT count(*) FROM documents d JOIN meetings m ON m.id = d.meeting_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    assert!(matches!(store.delete(id), Err(Error::NotFound(_))));
}

#[test]
fn list_is_newest_first_and_paged() {
    let mut store = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for day in 1..=5 {
        let mut m = sample_en();
        m.info.starts = chrono::NaiveDate::from_ymd_opt(2026, 1, day).unwrap();
        m.info.ends = None;
        m.info.title = format!("Day {day}");
        ids.push(store.insert(&m).unwrap());
    }
    let titles = |rows: Vec<MeetingSummary>| rows.into_iter().map(|r| r.title).collect::<Vec<_>>();
    assert_eq!(titles(store.list(2, 0).unwrap()), ["Day 5", "Day 4"]);
    assert_eq!(titles(store.list(2, 4).unwrap()), ["Day 1"]);
}

#[test]
fn search_finds_every_kind_of_text_and_ranks_titles_first() {
    let mut store = Store::open_in_memory().unwrap();
    let en = store.insert(&sample_en()).unwrap();
    let fr = store.insert(&sample_fr()).unwrap();
    let ids = |q: &str| {
        store
            .search(q, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("forty stations"), [en]); // summary
    assert_eq!(ids("vacancy"), [en]); // private notes are searchable locally
    assert_eq!(ids("insurance"), [en]); // quote
    let mut both = ids("Ferrante"); // a speaker of both
    both.sort();
    assert_eq!(both, [en, fr]);
    assert_eq!(ids("secheresse"), [fr]); // accents folded
    assert_eq!(ids("sécher"), [fr]); // last word as a prefix
    assert!(ids("nothing-like-this").is_empty());
    let hit = &store.search("glacier", 10).unwrap()[0];
    assert!(
        hit.snippet.to_lowercase().contains("[glacier"),
        "{}",
        hit.snippet
    );
}

#[test]
fn search_marks_passages_from_private_notes_and_can_leave_them_out() {
    let mut store = Store::open_in_memory().unwrap();
    let en = store.insert(&sample_en()).unwrap();
    let hits = store.search("vacancy", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].private,
        "found in private notes: {}",
        hits[0].snippet
    );
    assert!(
        hits[0].snippet.to_lowercase().contains("[vacancy"),
        "{}",
        hits[0].snippet
    );
    // Left out, a meeting found only by its private notes is not found.
    assert!(store
        .search_with("vacancy", 10, PrivateNotes::Left)
        .unwrap()
        .is_empty());
    // A public passage is never marked, whether private notes are searched or not.
    for private in [PrivateNotes::Included, PrivateNotes::Left] {
        let hits = store.search_with("forty stations", 10, private).unwrap();
        assert_eq!(
            hits.iter().map(|h| (h.id, h.private)).collect::<Vec<_>>(),
            [(en, false)]
        );
    }
    // A word in both: left out, the public passage is shown, unmarked.
    let mut m = store.load(en).unwrap();
    m.meeting.agenda[0].notes = "Ask about the glacier figures before noon.".into();
    store.save(en, m.revision, &m.meeting).unwrap();
    let public = store
        .search_with("glacier", 10, PrivateNotes::Left)
        .unwrap();
    assert_eq!(public.len(), 1);
    assert!(!public[0].private);
    assert!(!public[0].snippet.contains("noon"), "{}", public[0].snippet);
}

#[test]
fn a_sample_is_listed_as_one_never_searched_its_people_not_in_the_directory_and_removed_in_one_step(
) {
    let mut store = Store::open_in_memory().unwrap();
    let sample = store.insert_sample(&sample_en()).unwrap();
    for p in &sample_en().people {
        assert!(
            store.people_directory(&p.name, 10).unwrap().is_empty(),
            "{}: a sample's people are not offered as speakers",
            p.name
        );
    }
    let mine = store.insert(&sample_fr()).unwrap();
    let listed: Vec<_> = store
        .list(10, 0)
        .unwrap()
        .into_iter()
        .map(|m| (m.id, m.sample))
        .collect();
    assert!(
        listed.contains(&(sample, true)) && listed.contains(&(mine, false)),
        "{listed:?}"
    );
    assert!(
        store.search("forty stations", 10).unwrap().is_empty(),
        "the sample is not searched"
    );
    assert_eq!(
        store.search("secheresse", 10).unwrap().len(),
        1,
        "the others are"
    );
    // Edited, it is still a sample.
    let mut m = store.load(sample).unwrap();
    m.meeting.info.title = "My test".into();
    store.save(sample, m.revision, &m.meeting).unwrap();
    assert_eq!(store.remove_samples().unwrap(), 1);
    assert!(matches!(store.load(sample), Err(Error::NotFound(_))));
    assert_eq!(
        store.load(mine).unwrap().meeting,
        sample_fr(),
        "nothing else changes"
    );
    assert_eq!(store.count().unwrap(), 1);
    assert_eq!(store.remove_samples().unwrap(), 0);
}

#[test]
fn search_text_is_never_run_as_fts_syntax() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&sample_en()).unwrap();
    for q in [
        "\"drought",
        "drought OR",
        "NEAR(",
        "title:drought",
        "-drought",
        "a*b",
        "^drought",
        "(x",
    ] {
        store.search(q, 10).unwrap_or_else(|e| panic!("{q}: {e}"));
    }
    assert!(matches!(store.search("  ", 10), Err(Error::EmptySearch)));
}

#[test]
fn a_missing_file_is_created_with_our_header_and_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/archive.sqlite3");
    let store = Store::open(&path).unwrap();
    let app_id: i32 = store
        .conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: i32 = store
        .conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let sync: i32 = store
        .conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let fk: i32 = store
        .conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(
        (app_id, version, mode.as_str(), sync, fk),
        (APPLICATION_ID, schema_version(), "wal", 2, 1)
    );
    drop(store);
    // Opening again is fine and changes nothing.
    let mut store = Store::open(&path).unwrap();
    store.insert(&sample_en()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn an_empty_file_is_initialised() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    Store::open(&path).unwrap();
    assert!(bytes(&path).starts_with(SQLITE_MAGIC));
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, b"Dear diary, today the minister said...\n").unwrap();
    let before = bytes(&path);
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, Error::NotADatabase { .. }), "{err}");
    assert!(err.to_string().contains("notes.txt"));
    assert_eq!(bytes(&path), before);
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // Tables but no application id.
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);").unwrap();
    drop(conn);
    let before = bytes(&path);
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, Error::ForeignDatabase { .. }), "{err}");
    assert_eq!(bytes(&path), before);
    assert!(!dir.path().join("other.db-wal").exists());

    // Someone else's application id, even without tables.
    let path = dir.path().join("other-id.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", 0x0f05_5112)
        .unwrap();
    drop(conn);
    let before = bytes(&path);
    let err = Store::open(&path).err().unwrap();
    assert!(err.to_string().contains("0x0f055112"), "{err}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_database_from_a_newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    Store::open(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", schema_version() + 1)
        .unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let before = bytes(&path);
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, Error::NewerSchema { .. }), "{err}");
    assert_eq!(err.code(), crate::Code::NewerSchema);
    assert_eq!(bytes(&path), before);
}

#[test]
fn schema_after_all_migrations() {
    let store = Store::open_in_memory().unwrap();
    insta::assert_snapshot!(store.schema_sql().unwrap());
}

#[test]
fn the_people_directory_lists_each_name_once_most_quoted_first() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&sample_en()).unwrap();
    store.insert(&sample_fr()).unwrap();
    let mut later = sample_en();
    later.people.retain(|p| p.id == "president");
    later.people[0].short = Some("President Ferrante".into());
    later.agenda.clear();
    store.insert(&later).unwrap();
    let all = store.people_directory("", 10).unwrap();
    let names: Vec<_> = all.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Lucia Ferrante", "Anton Weiss", "Mira Kovač"]);
    assert_eq!(all[0].short.as_deref(), Some("President Ferrante"));
    assert_eq!(
        store.people_directory("an", 10).unwrap()[0].name,
        "Anton Weiss"
    );
    assert!(store.people_directory("%", 10).unwrap().is_empty());
}

#[test]
fn a_version_is_recorded_only_when_the_release_changed() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.insert(&sample_en()).unwrap();
    assert_eq!(export(&mut store, id), Some(1));
    assert_eq!(
        store.export(id, Format::Markdown, |_| Ok(())).unwrap(),
        None
    );
    // A private note changes nothing a reader sees: no new version.
    let mut m = sample_en();
    m.agenda[0].notes = "changed".into();
    store.save(id, 1, &m).unwrap();
    assert_eq!(export(&mut store, id), None);
    m.release.as_mut().unwrap().headline = "A corrected headline".into();
    store.save(id, 2, &m).unwrap();
    assert_eq!(
        store.record_version(id, VersionReason::ByHand).unwrap(),
        Some(2)
    );
    let history = store.versions(id).unwrap();
    let lines: Vec<_> = history
        .iter()
        .map(|v| (v.number, v.reason, v.headline.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (2, VersionReason::ByHand, "A corrected headline"),
            (
                1,
                HTML,
                "Water ministers agree on a shared drought alert for the Alpine rivers"
            )
        ]
    );
    assert_eq!(
        store.version(id, 1).unwrap().meeting,
        crate::v2::upgrade(&sample_en())
    );
}

#[test]
fn restoring_the_first_version_gives_back_its_exports_and_is_a_new_version() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.insert(&sample_fr()).unwrap();
    export(&mut store, id);
    let first = crate::Format::Html
        .render(&store.load(id).unwrap().meeting)
        .unwrap();
    let mut m = sample_fr();
    m.agenda.remove(0);
    m.release.as_mut().unwrap().lead = "Chapeau corrigé.".into();
    store.save(id, 1, &m).unwrap();
    export(&mut store, id);
    assert_eq!(store.restore(id, 1).unwrap(), 3);
    for format in [
        crate::Format::Html,
        crate::Format::Markdown,
        crate::Format::Json,
    ] {
        assert_eq!(
            format.render(&store.load(id).unwrap().meeting).unwrap(),
            format.render(&sample_fr()).unwrap()
        );
    }
    assert_eq!(
        crate::Format::Html
            .render(&store.load(id).unwrap().meeting)
            .unwrap(),
        first
    );
    assert_eq!(
        store.versions(id).unwrap()[0].reason,
        VersionReason::Restore { from: 1 }
    );
    assert!(matches!(
        store.restore(id, 9),
        Err(Error::NoSuchVersion { .. })
    ));
    assert!(matches!(store.versions(77), Err(Error::NotFound(77))));
}

/// Every released schema has a fixture database; each migrates forward cleanly, keeps every
/// meeting, and leaves a backup of itself next to it first.
#[test]
fn released_schema_fixtures_migrate_forward() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema");
    assert!(
        schema_version() >= 2,
        "a schema with a predecessor to migrate from"
    );
    for version in 1..schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.sqlite3");
        std::fs::copy(fixtures.join(format!("v{version}.sqlite3")), &path).unwrap();
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let fk: i64 = store
            .conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0);
        let v: i32 = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema_version());
        assert_eq!(store.load(1).unwrap().meeting, sample_en());
        assert_eq!(store.load(2).unwrap().meeting, sample_fr());
        assert_eq!(store.count().unwrap(), 3);
        // Schema 7 keeps photos' images (none yet in an archive migrated to it).
        let none: i64 = store
            .conn
            .query_row("SELECT count(*) FROM images", [], |r| r.get(0))
            .unwrap();
        assert_eq!(none, 0, "from v{version}");
        let image = store
            .add_image(crate::images::made::png(4, 3), "photo.png")
            .unwrap();
        assert_eq!(store.image(&image.sha256).unwrap(), Some(image));
        // Schema 6 records exports in the formats of distribution too.
        store
            .conn
            .execute(
                "INSERT INTO versions (meeting_id, number, created_at, reason, format, release, meeting)
                 VALUES (2, 99, '2026-12-04T00:00:00Z', 'export', 'eml', '', '')",
                [],
            )
            .unwrap();
        assert_eq!(
            store.versions(2).unwrap()[0].reason,
            VersionReason::Export {
                format: Format::Eml
            }
        );
        // The search index is rebuilt from the meeting files v2 (summaries now live in them).
        let found: Vec<_> = store
            .search("forty stations", 10)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        assert_eq!(found, [1], "from v{version}");
        // Schema 5 made the search rows again, private notes in their own column.
        assert_eq!(
            store
                .search_with("forty stations", 10, PrivateNotes::Left)
                .unwrap()
                .iter()
                .map(|h| (h.id, h.private))
                .collect::<Vec<_>>(),
            [(1, false)],
            "from v{version}"
        );
        assert_eq!(
            store
                .search("vacancy", 10)
                .unwrap()
                .iter()
                .map(|h| (h.id, h.private))
                .collect::<Vec<_>>(),
            [(1, true)],
            "from v{version}: found in private notes, and marked"
        );
        assert!(store.list(10, 0).unwrap().iter().all(|m| !m.sample));
        // Schema 7: no release had a status before.
        assert_eq!(store.status(1).unwrap(), None);
        assert!(store.clearance(2).unwrap().log.is_empty());
        if version >= 2 {
            // Reasons written as text by schema 2 read as what they said.
            let reasons: Vec<_> = store
                .versions(3)
                .unwrap()
                .into_iter()
                .map(|v| (v.number, v.reason))
                .collect();
            assert_eq!(
                reasons,
                [
                    (
                        5,
                        VersionReason::Export {
                            format: Format::Json
                        }
                    ),
                    (4, VersionReason::Restore { from: 1 }),
                    (3, VersionReason::ByHand),
                    (
                        2,
                        VersionReason::Export {
                            format: Format::Markdown
                        }
                    ),
                    (1, HTML),
                ]
            );
            assert_eq!(
                store.version(3, 4).unwrap().meeting,
                store.version(3, 1).unwrap().meeting,
                "a restore of version 1 holds version 1's meeting"
            );
        }
        assert_eq!(
            store.record_version(1, VersionReason::ByHand).unwrap(),
            Some(1)
        );
        let backups: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.to_string_lossy()
                    .contains(&format!(".before-schema-{}-", schema_version()))
            })
            .collect();
        assert_eq!(
            backups.len(),
            1,
            "one backup before migrating from v{version}"
        );
        let backup = rusqlite::Connection::open(&backups[0]).unwrap();
        let old: i32 = backup
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(old, version);
        let n: i64 = backup
            .query_row("SELECT count(*) FROM meetings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 3);
        drop(backup);
    }
}

#[test]
fn the_diff_between_versions_is_paragraph_by_paragraph() {
    use crate::diff::Change;
    let mut store = Store::open_in_memory().unwrap();
    let id = store.insert(&sample_en()).unwrap();
    export(&mut store, id);
    let mut m = sample_en();
    m.release.as_mut().unwrap().closing = "The Council meets again in May.".into();
    m.agenda.remove(1);
    store.save(id, 1, &m).unwrap();
    let d = store.version_diff(id, 1, 0).unwrap();
    let changed: Vec<_> = d.iter().filter(|p| p.kind != Change::Same).collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_eq!(changed[0].kind, Change::Removed);
    assert!(changed[0]
        .before
        .as_deref()
        .unwrap()
        .starts_with("The Commission will fund forty"));
    assert_eq!(changed[1].kind, Change::Changed);
    assert_eq!(
        changed[1].after.as_deref(),
        Some("The Council meets again in May.")
    );
    assert!(matches!(
        store.version_diff(id, 5, 0),
        Err(Error::NoSuchVersion { .. })
    ));
}

#[test]
fn a_backup_a_day_seven_kept_and_a_restore_replaces_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store.insert(&sample_en()).unwrap();
    let made = store
        .daily_backup()
        .unwrap()
        .expect("first backup of the day");
    assert!(store.daily_backup().unwrap().is_none(), "one a day");
    // Older days, as if the app had run every day for ten days.
    for day in 1..=10 {
        std::fs::copy(
            &made,
            dir.path()
                .join(format!("backups/archive-daily-2020-01-{day:02}.sqlite3")),
        )
        .unwrap();
    }
    std::fs::remove_file(&made).unwrap();
    store.daily_backup().unwrap().expect("today's again");
    let names: Vec<String> = store
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names.len(), DAILY_KEPT, "{names:?}");
    assert!(
        !names.contains(&"archive-daily-2020-01-01.sqlite3".to_owned()),
        "the oldest went"
    );

    // The archive moves on, then the backup is restored.
    store.insert(&sample_fr()).unwrap();
    store.insert(&sample_fr()).unwrap();
    assert_eq!(store.count().unwrap(), 3);
    let backup = store
        .backups()
        .unwrap()
        .into_iter()
        .find(|b| {
            b.name
                .contains(&chrono::Local::now().format("%Y-%m-%d").to_string())
        })
        .unwrap();
    assert_eq!(backup.meetings, 1);
    assert_eq!(
        store
            .restore_backup(std::path::Path::new(&backup.path))
            .unwrap(),
        1
    );
    assert_eq!(store.load(1).unwrap().meeting, sample_en());
    assert_eq!(
        store.search("secheresse", 10).unwrap().len(),
        0,
        "the search index came back with it"
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");
    // What was replaced is kept aside.
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".before-restore-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(store
        .backups()
        .unwrap()
        .iter()
        .any(|b| b.name.contains(".before-restore-") && b.meetings == 3));
}

#[test]
fn a_file_that_is_not_our_backup_is_not_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("archive.sqlite3")).unwrap();
    store.insert(&sample_en()).unwrap();
    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE meetings (x); INSERT INTO meetings VALUES (1);")
        .unwrap();
    let err = store.restore_backup(&other).unwrap_err();
    assert!(matches!(err, Error::ForeignDatabase { .. }), "{err}");
    assert_eq!(store.count().unwrap(), 1);
}

#[test]
fn the_updated_time_follows_corrected_exports_unless_set_by_hand() {
    let mut store = Store::open_in_memory().unwrap();
    let mut m = sample_en();
    m.release.as_mut().unwrap().updated = None;
    let id = store.insert(&m).unwrap();
    // What an export writes, read back as the meeting it was rendered from.
    let export = |store: &mut Store| {
        let mut written = String::new();
        store
            .export(id, Format::Json, |bytes| {
                written = String::from_utf8(bytes.to_vec()).unwrap();
                Ok(())
            })
            .unwrap();
        crate::meeting_file::parse("export", written.as_bytes()).unwrap()
    };
    // The first export is the release as published: no "updated" line.
    let first = export(&mut store);
    assert_eq!(first.release.as_ref().unwrap().updated, None);
    assert_eq!(export(&mut store), first, "nothing changed, nothing moves");
    // A correction: the next export carries the time it was made.
    let mut corrected = store.load(id).unwrap();
    corrected.meeting.release.as_mut().unwrap().closing = "Corrected closing.".into();
    store
        .save(id, corrected.revision, &corrected.meeting)
        .unwrap();
    let second = export(&mut store);
    let moved = second
        .release
        .as_ref()
        .unwrap()
        .updated
        .expect("updated set");
    assert!(
        (chrono::Utc::now().fixed_offset() - moved)
            .num_seconds()
            .abs()
            < 60
    );
    assert_eq!(
        store.load(id).unwrap().meeting,
        second,
        "stored, so the app shows it too"
    );
    // Restoring the first version gives back the first export, byte for byte.
    store.restore(id, 1).unwrap();
    assert_eq!(
        crate::Format::Html.render(&export(&mut store)).unwrap(),
        crate::Format::Html.render(&first).unwrap()
    );
    // Set by hand, it stays.
    let mut by_hand = store.load(id).unwrap();
    let hand = chrono::DateTime::parse_from_rfc3339("2026-10-02T09:00:00+02:00").unwrap();
    by_hand.meeting.release.as_mut().unwrap().updated = Some(hand);
    by_hand.meeting.release.as_mut().unwrap().lead = "A new lead.".into();
    store.save(id, by_hand.revision, &by_hand.meeting).unwrap();
    assert_eq!(export(&mut store).release.unwrap().updated, Some(hand));
}

#[test]
fn a_migration_that_fails_leaves_the_file_untouched_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.sqlite3");
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema/v1.sqlite3");
    std::fs::copy(fixture, &path).unwrap();
    // Something in the way of migration 2 (a table of the same name).
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE versions (x); PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(conn);
    let before = bytes(&path);
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, Error::Migration { .. }), "{err}");
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    assert_eq!(bytes(&path), before, "the archive is untouched");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
}

#[test]
fn a_restore_first_keeps_the_release_as_it_read_and_can_be_undone() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.insert(&sample_en()).unwrap();
    assert_eq!(export(&mut store, id), Some(1));
    let mut typed = store.load(id).unwrap();
    typed.meeting.release.as_mut().unwrap().headline = "Typed, never exported".into();
    store.save(id, typed.revision, &typed.meeting).unwrap();
    assert_eq!(store.restore(id, 1).unwrap(), 3);
    let headline = sample_en().release.unwrap().headline;
    let history: Vec<_> = store
        .versions(id)
        .unwrap()
        .into_iter()
        .map(|v| (v.number, v.reason, v.headline))
        .collect();
    assert_eq!(
        history,
        [
            (3, VersionReason::Restore { from: 1 }, headline.clone()),
            (
                2,
                VersionReason::BeforeRestore { restoring: 1 },
                "Typed, never exported".to_owned()
            ),
            (1, HTML, headline),
        ]
    );
    assert_eq!(store.load(id).unwrap().meeting, sample_en());
    // What was typed comes back from the version kept before the restore.
    assert_eq!(store.restore(id, 2).unwrap(), 4);
    assert_eq!(store.load(id).unwrap().meeting, typed.meeting);
    // Restoring what the release already reads records nothing new.
    assert_eq!(store.restore(id, 2).unwrap(), 4);
    assert_eq!(store.versions(id).unwrap().len(), 4);
}

#[test]
fn an_export_that_cannot_be_written_stores_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut m = sample_en();
    m.release.as_mut().unwrap().updated = None;
    let id = store.insert(&m).unwrap();
    export(&mut store, id);
    // A correction: this export would move `updated` and record version 2.
    m.release.as_mut().unwrap().closing = "Corrected closing.".into();
    store.save(id, 1, &m).unwrap();
    let before = store.load(id).unwrap();
    let err = store
        .export(id, Format::Markdown, |_| {
            Err(Error::Io {
                path: "release.md".into(),
                source: std::io::Error::other("no space left on device"),
            })
        })
        .unwrap_err();
    assert!(err.to_string().starts_with("release.md: "), "{err}");
    assert_eq!(store.load(id).unwrap(), before, "no `updated`, no revision");
    assert_eq!(store.versions(id).unwrap().len(), 1);
    // Written, it is all stored.
    assert_eq!(export(&mut store, id), Some(2));
    assert!(store
        .load(id)
        .unwrap()
        .meeting
        .release
        .unwrap()
        .updated
        .is_some());
}

#[test]
fn version_reasons_are_tagged_json_and_words() {
    let cases = [
        (
            HTML,
            r#"{"kind":"export","format":"html"}"#,
            "Exported as HTML",
        ),
        (
            VersionReason::Export {
                format: Format::Markdown,
            },
            r#"{"kind":"export","format":"md"}"#,
            "Exported as Markdown",
        ),
        (
            VersionReason::Export {
                format: Format::Json,
            },
            r#"{"kind":"export","format":"json"}"#,
            "Exported as meeting file",
        ),
        (
            VersionReason::ByHand,
            r#"{"kind":"by_hand"}"#,
            "Saved by hand",
        ),
        (
            VersionReason::BeforeRestore { restoring: 2 },
            r#"{"kind":"before_restore","restoring":2}"#,
            "Before restoring version 2",
        ),
        (
            VersionReason::Restore { from: 2 },
            r#"{"kind":"restore","from":2}"#,
            "Restored version 2",
        ),
    ];
    for (reason, json, words) in cases {
        assert_eq!(serde_json::to_string(&reason).unwrap(), json);
        assert_eq!(serde_json::from_str::<VersionReason>(json).unwrap(), reason);
        assert_eq!(reason.to_string(), words);
    }
}

mod damaged {
    use super::*;
    use crate::store::recovery::{recover, Damage, Recovery};

    const PAGE: u64 = 4096;

    /// A closed archive of 40 meetings, spread over many pages.
    fn archive(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("archive.sqlite3");
        let mut store = Store::open(&path).unwrap();
        for _ in 0..20 {
            store.insert(&sample_en()).unwrap();
            store.insert(&sample_fr()).unwrap();
        }
        path
    }

    /// Garbage over pages 2 to 5, as a failing disk would leave them.
    fn garble(path: &Path) {
        garble_at(path, 1);
    }

    /// Garbage over four pages from page `first + 1`.
    fn garble_at(path: &Path, first: u64) {
        use std::io::{Seek, Write};
        let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        f.seek(std::io::SeekFrom::Start(first * PAGE)).unwrap();
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let junk: Vec<u8> = (0..4 * PAGE)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        f.write_all(&junk).unwrap();
    }

    /// Cut short in the middle of a page, as an interrupted copy would leave it.
    fn truncate(path: &Path) {
        let len = std::fs::metadata(path).unwrap().len();
        assert!(len > 8 * PAGE, "{len}");
        let f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        f.set_len(len / 2 / PAGE * PAGE + PAGE / 2).unwrap();
    }

    fn set_mtime(path: &Path, secs_ago: u64) {
        let t = std::time::SystemTime::now() - std::time::Duration::from_secs(secs_ago);
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(t)
            .unwrap();
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    }

    fn detail_of(path: &Path) -> String {
        match Store::open(path) {
            Err(Error::Damaged { path: p, detail }) => {
                assert_eq!(p, path.display().to_string());
                detail
            }
            Err(e) => panic!("not reported as damaged: {e}"),
            Ok(_) => panic!("a damaged archive opened"),
        }
    }

    #[test]
    fn a_damaged_archive_is_refused_untouched_and_restored_from_its_newest_backup() {
        for (how, damage) in [("garbled", garble as fn(&Path)), ("truncated", truncate)] {
            let dir = tempfile::tempdir().unwrap();
            let path = archive(dir.path());
            let backup = Store::open(&path).unwrap().daily_backup().unwrap().unwrap();
            damage(&path);
            // A -wal left by a crash goes aside with the file it belongs to.
            std::fs::write(dir.path().join("archive.sqlite3-wal"), b"not a wal").unwrap();
            let before = bytes(&path);
            let detail = detail_of(&path);
            assert!(bytes(&path) == before, "{how}: opening wrote nothing");
            assert!(
                Store::open(&path)
                    .err()
                    .unwrap()
                    .to_string()
                    .contains("damaged"),
                "{how}"
            );

            let found = Damage::assess(&path, &detail).unwrap();
            let newest = found.backup.expect("a backup");
            assert_eq!(newest.path, backup.display().to_string(), "{how}");
            assert_eq!(newest.meetings, 40, "{how}");
            assert!(bytes(&path) == before, "{how}: assessing wrote nothing");

            let recovered = recover(&path, Recovery::FromBackup(&backup)).unwrap();
            assert_eq!(recovered.store.count().unwrap(), 40, "{how}");
            assert_eq!(recovered.store.load(1).unwrap().meeting, sample_en());
            assert_eq!(recovered.store.integrity_check().unwrap(), "ok");
            let aside = recovered.set_aside.clone();
            assert!(bytes(&aside) == before, "{how}: set aside byte for byte");
            let mut wal = aside.clone().into_os_string();
            wal.push("-wal");
            assert_eq!(std::fs::read(&wal).unwrap(), b"not a wal", "{how}");
            assert!(
                aside
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("archive.sqlite3.damaged-"),
                "{aside:?}"
            );
            drop(recovered);
            assert!(
                !names(dir.path()).iter().any(|n| n.contains("restoring")),
                "no staging copy left: {:?}",
                names(dir.path())
            );
            assert_eq!(Store::open(&path).unwrap().count().unwrap(), 40);
        }
    }

    #[test]
    fn a_damaged_backup_is_passed_over_for_an_older_clean_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = archive(dir.path());
        let store = Store::open(&path).unwrap();
        let older = store.daily_backup().unwrap().unwrap();
        set_mtime(&older, 86_400);
        let newer = dir.path().join("backups/archive-daily-2999-01-01.sqlite3");
        std::fs::copy(&older, &newer).unwrap();
        garble(&newer);
        drop(store);
        garble(&path);
        let found = Damage::assess(&path, &detail_of(&path)).unwrap();
        assert_eq!(
            found.backup.map(|b| b.path),
            Some(older.display().to_string())
        );
        // Asked for the damaged backup: refused before anything moved.
        let listing = names(dir.path());
        let err = recover(&path, Recovery::FromBackup(&newer)).err().unwrap();
        assert!(matches!(err, Error::Damaged { .. }), "{err}");
        assert_eq!(names(dir.path()), listing);
    }

    #[test]
    fn a_new_archive_starts_empty_with_the_damaged_one_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = archive(dir.path());
        truncate(&path);
        let before = bytes(&path);
        let found = Damage::assess(&path, &detail_of(&path)).unwrap();
        assert_eq!(found.backup, None);
        let recovered = recover(&path, Recovery::StartNew).unwrap();
        assert_eq!(recovered.store.count().unwrap(), 0);
        assert!(bytes(&recovered.set_aside) == before);
        // Damaged again the same second: a second name, the first kept.
        drop(recovered);
        let first = names(dir.path());
        std::fs::write(&path, &before).unwrap();
        let again = recover(&path, Recovery::StartNew).unwrap();
        assert!(again.set_aside.to_string_lossy().contains(".damaged-"));
        let kept: Vec<_> = first
            .iter()
            .filter(|n| n.contains(".damaged-") && !n.ends_with("-wal") && !n.ends_with("-shm"))
            .collect();
        assert_eq!(kept.len(), 1, "{first:?}");
        assert!(
            bytes(&dir.path().join(kept[0])) == before,
            "{} kept",
            kept[0]
        );
        assert_ne!(&again.set_aside, &dir.path().join(kept[0]));
        assert!(bytes(&again.set_aside) == before);
    }

    #[test]
    fn a_file_cut_short_at_a_page_boundary_is_refused_at_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = archive(dir.path());
        let len = std::fs::metadata(&path).unwrap().len();
        let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        f.set_len(len / 2 / PAGE * PAGE).unwrap();
        drop(f);
        let detail = detail_of(&path);
        assert!(detail.contains("cut short"), "{detail}");
    }

    /// Opening reads a few pages, whatever the archive's size; damage deeper in the file is
    /// found by the read that reaches it, and by the check before the day's backup, which then
    /// makes no backup: a damaged archive never takes a good copy's place among the seven.
    #[test]
    fn damage_deep_in_the_file_is_found_by_the_read_and_before_the_daily_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = archive(dir.path());
        let pages = std::fs::metadata(&path).unwrap().len() / PAGE;
        garble_at(&path, pages - 4); // leaves of the search index
        let store = Store::open(&path).expect("opens: the damage is deep in the file");
        let reads: Vec<Error> = (1..=40)
            .filter_map(|id| store.load(id).err())
            .chain(store.search("ministers", 100).err())
            .chain(store.list(100, 0).err())
            .collect();
        assert!(
            reads.iter().any(Error::is_damage),
            "some read meets the damage: {reads:?}"
        );
        let err = store
            .daily_backup()
            .expect_err("no backup of a damaged archive");
        match &err {
            Error::Damaged { path: p, .. } => assert_eq!(p, &path.display().to_string()),
            e => panic!("not reported as damaged: {e}"),
        }
        let made: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
            .map(|d| d.map(|e| e.unwrap().file_name()).collect())
            .unwrap_or_default();
        assert!(made.is_empty(), "{made:?}");
    }
}

mod v2_documents {
    use super::*;
    use crate::v2;

    const EXAMPLE: &str = include_str!("../../tests/fixtures/v2/ministers-en-fr.meeting.json");

    fn example() -> v2::MeetingV2 {
        v2::parse("example", EXAMPLE.as_bytes()).unwrap()
    }

    #[test]
    fn a_v2_meeting_is_kept_whole_and_v1_readers_are_told_what_they_cannot_show() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.insert_v2(&example()).unwrap();
        let stored = store.load_v2(id).unwrap();
        assert_eq!((stored.revision, &stored.meeting), (1, &example()));
        let err = store.load(id).unwrap_err();
        assert_eq!(err.code(), crate::Code::InvalidInput);
        assert!(
            err.to_string().starts_with(&format!(
                "meeting {id}: meeting.languages: more than one language"
            )),
            "{err}"
        );
        let row = &store.list(10, 0).unwrap()[0];
        assert_eq!(
            (
                row.title.as_str(),
                row.organisation.as_deref(),
                row.language.as_str()
            ),
            (
                "Foreign ministers, spring session",
                Some("The Harbour League"),
                "en"
            )
        );

        let mut changed = example();
        changed.releases[1].deck = vec![v2::Run::Text("Deux jours à Lisbonne".into())];
        assert_eq!(store.save_v2(id, 1, &changed).unwrap(), 2);
        assert_eq!(store.load_v2(id).unwrap().meeting, changed);
        assert!(matches!(
            store.save_v2(id, 1, &example()),
            Err(Error::Conflict { found: 2, .. })
        ));
        // An invalid meeting is refused with its path, and nothing changes.
        let mut bad = changed.clone();
        bad.releases[0].lead[0] = v2::Block::p(
            "lead",
            vec![v2::Run::Mention {
                person: "nobody".into(),
                form: None,
            }],
        );
        let err = store.save_v2(id, 2, &bad).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("releases[0].lead[0].p[0].person: unknown person"),
            "{err}"
        );
        assert_eq!(store.load_v2(id).unwrap().revision, 2);
    }

    #[test]
    fn search_covers_every_text_of_every_release() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.insert_v2(&example()).unwrap();
        let other = store.insert(&sample_en()).unwrap();
        for (words, what) in [
            ("Two days of talks", "a deck"),
            ("Harbour pilots", "a list entry"),
            ("stays as agreed", "a statement's paragraph"),
            ("spokesperson", "a statement's intro line"),
            ("Nous agissons", "a quote's words in French"),
            ("prêt à partir", "a fragment's words in French"),
            ("press@example.org", "a link's phrase in the contact block"),
            ("free to use", "notes to editors"),
            ("14 port states", "the boilerplate"),
            ("Communiqué de presse", "the French label"),
            ("Lisbonne", "the French dateline's place"),
            ("closing the session", "a clause after an attribution"),
            ("chair wants", "private notes"),
            ("Off the record", "a quote off the record"),
            ("le ministre des affaires", "a person's French form"),
        ] {
            let ids: Vec<_> = store
                .search(words, 10)
                .unwrap()
                .into_iter()
                .map(|h| h.id)
                .collect();
            assert_eq!(ids, [id], "{what}: {words}");
        }
        let hits = store.search("ports sûrs", 10).unwrap();
        assert_eq!(hits[0].id, id, "the French headline is in the title column");
        assert_eq!(store.search("forty stations", 10).unwrap()[0].id, other);
    }

    /// Found by the v2 store property (core/tests/suite/v2_props.rs): a photographer's credit
    /// was not searchable.
    #[test]
    fn search_finds_a_photo_credit() {
        let mut store = Store::open_in_memory().unwrap();
        let mut m = example();
        m.releases[1].photos[0].credit = Some("Photo Quintela".into());
        let id = store.insert_v2(&m).unwrap();
        store.insert_v2(&example()).unwrap();
        let ids: Vec<_> = store
            .search("Quintela", 10)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        assert_eq!(ids, [id]);
    }

    #[test]
    fn a_v1_save_keeps_the_meeting_the_editor_sent() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.insert(&sample_en()).unwrap();
        let mut m = sample_en();
        m.agenda.swap(0, 1);
        m.agenda[0].summary.push_str(" More.");
        store.save(id, 1, &m).unwrap();
        assert_eq!(store.load(id).unwrap().meeting, m);
        assert_eq!(store.load_v2(id).unwrap().meeting, v2::upgrade(&m));
    }

    #[test]
    fn each_language_exports_and_the_history_keeps_every_release() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.insert_v2(&example()).unwrap();
        let mut html = String::new();
        let n = store
            .export_in(id, Format::Html, Some(crate::Language::Fr), false, |b| {
                html = String::from_utf8(b.to_vec()).unwrap();
                Ok(())
            })
            .unwrap();
        assert_eq!(n, Some(1));
        assert!(html.contains("<html lang=\"fr\">"), "{html}");
        assert!(html.contains("Communiqué de presse"));
        let v = store.version(id, 1).unwrap();
        assert_eq!(v.meeting, example());
        assert!(v.release.contains("\n\n— fr —\n\n"), "{}", v.release);
        assert!(v.release.starts_with("Embargoed until 25 April 2031 18:00 WEST\n\nPress release\n\nMinisters agree a plan for safe ports"), "{}", v.release);

        // The meeting file of a meeting v1 cannot say is v2; exporting it again records nothing.
        let mut json = String::new();
        let n = store
            .export_in(id, Format::Json, None, false, |b| {
                json = String::from_utf8(b.to_vec()).unwrap();
                Ok(())
            })
            .unwrap();
        assert_eq!(n, None);
        assert_eq!(json, v2::to_json(&example()).unwrap());

        // A correction of the French release moves its "updated" time only.
        let mut m = store.load_v2(id).unwrap().meeting;
        m.releases[1].headline = vec![v2::Run::Text("Un plan pour des ports sûrs".into())];
        store.save_v2(id, 1, &m).unwrap();
        store
            .export_in(
                id,
                Format::Markdown,
                Some(crate::Language::Fr),
                false,
                |_| Ok(()),
            )
            .unwrap();
        let after = store.load_v2(id).unwrap().meeting;
        assert!(after.releases[1].updated.is_some());
        assert_eq!(after.releases[0].updated, example().releases[0].updated);

        // Restoring version 1 gives the first French headline back.
        store.restore(id, 1).unwrap();
        assert_eq!(
            store.load_v2(id).unwrap().meeting.releases[1].headline,
            example().releases[1].headline
        );
    }

    #[test]
    fn a_language_the_meeting_is_not_published_in_is_refused() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.insert(&sample_en()).unwrap();
        let err = store
            .export_in(id, Format::Html, Some(crate::Language::Fr), false, |_| {
                panic!("nothing written")
            })
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("not published in \"fr\" (its languages: en)"),
            "{err}"
        );
        assert!(store.versions(id).unwrap().is_empty());
    }
}

fn image_rows(store: &Store) -> i64 {
    store
        .conn
        .query_row("SELECT count(*) FROM images", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_image_is_kept_once_by_its_hash_exactly_as_imported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.sqlite3");
    let jpeg = crate::images::made::jpeg(30, 20);
    let sha = {
        let mut store = Store::open(&path).unwrap();
        let image = store.add_image(jpeg.clone(), "a.jpg").unwrap();
        let again = store
            .add_image(jpeg.clone(), "the same, renamed.jpg")
            .unwrap();
        assert_eq!(again, image, "the same bytes are the same image");
        assert_eq!(image_rows(&store), 1);
        assert_eq!(image.sha256, crate::images::sha256_hex(&jpeg));
        image.sha256
    };
    // Read back by a connection of its own, from the file.
    let store = Store::open(&path).unwrap();
    let back = store.image(&sha).unwrap().unwrap();
    assert_eq!(&back.bytes[..], &jpeg[..]);
    assert_eq!(
        (back.kind, back.width, back.height),
        (crate::compose::ImageKind::Jpeg, 30, 20)
    );
    let info = store.image_info(&sha).unwrap().unwrap();
    assert_eq!(
        (info.kind.as_str(), info.bytes as usize),
        ("jpeg", jpeg.len())
    );
    assert_eq!(store.image(&"0".repeat(64)).unwrap(), None);
    assert_eq!(store.image_info(&"0".repeat(64)).unwrap(), None);
}

#[test]
fn a_refused_image_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.insert(&sample_en()).unwrap();
    let revision = store.revision(id).unwrap();
    let mut cut = crate::images::made::jpeg(64, 64);
    cut.truncate(cut.len() / 2);
    let e = store.add_image(cut.clone(), "cut.jpg").unwrap_err();
    assert!(
        e.to_string().starts_with("cut.jpg: damaged JPEG data"),
        "{e}"
    );
    let e = store
        .add_image_to(id, cut, "cut.jpg", |_, _| Ok(()))
        .unwrap_err();
    assert!(matches!(e, Error::Image { .. }));
    assert_eq!(image_rows(&store), 0);
    assert_eq!(store.revision(id).unwrap(), revision);
}

#[test]
fn an_image_and_the_meeting_naming_it_are_one_transaction() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.insert(&sample_en()).unwrap();
    let png = crate::images::made::png(5, 5);
    // The change fails: neither the image nor the meeting is stored.
    let e = store
        .add_image_to(id, png.clone(), "p.png", |_, _| -> Result<()> {
            Err(Error::Invalid {
                path: "photo".into(),
                message: "no".into(),
            })
        })
        .unwrap_err();
    assert!(matches!(e, Error::Invalid { .. }));
    assert_eq!(image_rows(&store), 0);
    // The change leaves the meeting invalid (an image name that is no hash): the same.
    let e = store
        .add_image_to(id, png.clone(), "p.png", |m, _| {
            m.releases[0].photos.push(crate::v2::Photo {
                id: "p".into(),
                image: Some("not a hash".into()),
                caption: Vec::new(),
                alt: None,
                language: None,
                credit: None,
                position: crate::v2::PhotoPosition::End,
            });
            Ok(())
        })
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("].image: \"not a hash\" is not an image's name"),
        "{e}"
    );
    assert_eq!(image_rows(&store), 0);
    let (_, image, revision) = store
        .add_image_to(id, png, "p.png", |m, image| {
            m.releases[0].photos[0].image = Some(image.sha256.clone());
            Ok(())
        })
        .unwrap();
    assert_eq!(image_rows(&store), 1);
    assert_eq!(store.revision(id).unwrap(), revision);
    let m = store.load_v2(id).unwrap().meeting;
    assert_eq!(
        m.releases[0].photos[0].image.as_deref(),
        Some(&*image.sha256)
    );
    let found = store.images_of(&m, m.info.languages[0]).unwrap();
    assert_eq!(found.keys().collect::<Vec<_>>(), [&image.sha256]);
}
