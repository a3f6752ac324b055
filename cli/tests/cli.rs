//! `communique` end to end: the real binary on temporary databases, then the results checked
//! directly (files, bytes, the database itself).

#![allow(clippy::unwrap_used)] // Tests and benches: a panic is the failure report.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};

use assert_cmd::Command;
use communique_core::{failpoint, meeting_file, sample, Format, Store};
use tempfile::TempDir;

const EN: &str = include_str!("../../core/tests/fixtures/examples/fisheries-en.meeting.json");
const FR: &str = include_str!("../../core/tests/fixtures/examples/fisheries-fr.meeting.json");

struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("archive.sqlite3")
    }
    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, contents).unwrap();
        p
    }
    /// `communique --db <db> args...`, with no default database to fall back on.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("communique").unwrap();
        c.env_remove("COMMUNIQUE_DB")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .arg("--db")
            .arg(self.db())
            .args(args);
        c
    }
    fn ok(&self, args: &[&str]) -> String {
        let out = self
            .cmd(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }
    fn import(&self, name: &str, contents: &str) -> String {
        let p = self.file(name, contents);
        self.ok(&["import", p.to_str().unwrap()]).trim().to_owned()
    }
    /// Runs a command that must fail: one line on stderr, no panic, non-zero exit.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd(args).assert().failure().get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
            "{err}"
        );
        assert!(out.stdout.is_empty(), "nothing on stdout");
        err
    }
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn import_prints_one_id_a_line_and_list_shows_them_newest_first() {
    let env = Env::new();
    let en = env.file("en.json", EN);
    let fr = env.file("fr.json", FR);
    let mut older = sample::sample_en();
    older.info.starts = chrono::NaiveDate::from_ymd_opt(2020, 5, 4).unwrap();
    older.info.ends = None;
    let old = env.file("old.json", meeting_file::to_json(&older).unwrap());
    let out = env.ok(&[
        "import",
        old.to_str().unwrap(),
        en.to_str().unwrap(),
        fr.to_str().unwrap(),
    ]);
    assert_eq!(out, "1\n2\n3\n");
    let list = env.ok(&["list"]);
    assert_eq!(
        list,
        "3\t2025-03-01\tConseil de printemps des ministres de la pêche\n\
         2\t2025-03-01\tSpring Council of Fisheries Ministers\n\
         1\t2020-05-04\tAutumn Council of Water Ministers\n"
    );
}

#[test]
fn export_gives_the_release_in_each_format() {
    let env = Env::new();
    let id = env.import("en.json", EN);
    let html = env.ok(&["export", &id, "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<p>The next Council meets in the autumn.</p>"));
    assert!(
        !html.contains("Three delegations asked"),
        "private notes stay private"
    );
    let md = env.ok(&["export", &id, "--format", "md"]);
    assert!(md.contains("\n# Fisheries ministers cut cod quotas and fund two research vessels\n"));
    let json = env.ok(&["export", &id, "--format", "json"]);
    assert!(
        json.contains("Three delegations asked"),
        "the meeting file keeps the notes"
    );
}

#[test]
fn json_export_is_byte_stable_and_survives_a_round_trip() {
    let env = Env::new();
    let id = env.import("fr.json", FR);
    let first = env.ok(&["export", &id, "--format", "json"]);
    assert_eq!(env.ok(&["export", &id, "--format", "json"]), first);
    let again = env.import("export.json", &first);
    assert_ne!(again, id);
    assert_eq!(env.ok(&["export", &again, "--format", "json"]), first);
    for format in ["html", "md"] {
        assert_eq!(
            env.ok(&["export", &again, "--format", format]),
            env.ok(&["export", &id, "--format", format])
        );
    }
}

#[test]
fn render_gives_the_same_bytes_as_export_of_the_imported_file() {
    let env = Env::new();
    for (name, text) in [
        ("en.json", EN),
        ("fr.json", FR),
        ("sample.json", sample::SAMPLE_FR),
    ] {
        let file = env.file(name, text);
        let id = env.import(name, text);
        for format in ["html", "md", "ninjs"] {
            let rendered = Command::cargo_bin("communique")
                .unwrap()
                .env_remove("COMMUNIQUE_DB")
                .args(["render", file.to_str().unwrap(), "--format", format])
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            let exported = env.ok(&["export", &id, "--format", format]);
            assert_eq!(
                String::from_utf8(rendered).unwrap(),
                exported,
                "{name} {format}"
            );
        }
    }
}

#[test]
fn render_needs_no_database() {
    let env = Env::new();
    let file = env.file("en.json", EN);
    let out = env.dir.path().join("release.md");
    Command::cargo_bin("communique")
        .unwrap()
        .env("COMMUNIQUE_DB", env.dir.path().join("never/created.db"))
        .args([
            "render",
            file.to_str().unwrap(),
            "--format",
            "md",
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout("");
    assert!(bytes(&out).starts_with(b"---\ntitle: "));
    assert!(!env.dir.path().join("never").exists());
}

#[test]
fn export_writes_the_file_given_with_o() {
    let env = Env::new();
    let id = env.import("en.json", EN);
    let out = env.dir.path().join("release.html");
    std::fs::write(&out, "old contents").unwrap();
    env.cmd(&[
        "export",
        &id,
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ])
    .assert()
    .success()
    .stdout("");
    assert_eq!(
        String::from_utf8(bytes(&out)).unwrap(),
        env.ok(&["export", &id, "--format", "html"])
    );
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn search_says_when_a_passage_is_from_private_notes_and_can_leave_them_out() {
    let env = Env::new();
    env.import("en.json", EN);
    let out = env.ok(&["search", "delegations"]);
    let cols: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
    assert!(cols[3].starts_with("(private note) "), "{out}");
    assert!(cols[3].contains("[delegations]"), "{out}");
    assert_eq!(env.ok(&["search", "--no-private", "delegations"]), "");
    let public = env.ok(&["search", "--no-private", "cod"]);
    assert_eq!(public.lines().count(), 1, "{public}");
    assert!(!public.contains("(private note)"), "{public}");
}

#[test]
fn search_finds_meetings_best_first_with_a_snippet() {
    let env = Env::new();
    env.import("en.json", EN);
    env.import("fr.json", FR);
    let out = env.ok(&["search", "cod"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    let cols: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(
        &cols[..3],
        ["1", "2025-03-01", "Spring Council of Fisheries Ministers"]
    );
    assert!(cols[3].contains("[cod]"), "{}", cols[3]);
    // Accents folded, and several words must all match.
    assert_eq!(
        env.ok(&["search", "peche"])
            .lines()
            .next()
            .unwrap()
            .split('\t')
            .next(),
        Some("2")
    );
    assert_eq!(
        env.ok(&["search", "research", "vessels"]).lines().count(),
        1
    );
    assert_eq!(env.ok(&["search", "zzzunfindable"]), "");
}

#[test]
fn the_database_comes_from_communique_db_when_no_db_is_given() {
    let env = Env::new();
    let file = env.file("en.json", EN);
    let db = env.dir.path().join("from-env.sqlite3");
    Command::cargo_bin("communique")
        .unwrap()
        .env("COMMUNIQUE_DB", &db)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout("1\n");
    assert!(db.exists());
    let listed = Command::cargo_bin("communique")
        .unwrap()
        .env("COMMUNIQUE_DB", &db)
        .arg("list")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(listed)
        .unwrap()
        .starts_with("1\t2025-03-01\t"));
    // --db wins over the variable.
    let other = env.dir.path().join("other.sqlite3");
    Command::cargo_bin("communique")
        .unwrap()
        .env("COMMUNIQUE_DB", &db)
        .args(["--db", other.to_str().unwrap(), "list"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn without_db_or_variable_the_desktop_apps_file_is_used() {
    let env = Env::new();
    let file = env.file("en.json", EN);
    let xdg = env.dir.path().join("xdg");
    Command::cargo_bin("communique")
        .unwrap()
        .env_remove("COMMUNIQUE_DB")
        .env("XDG_DATA_HOME", &xdg)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    assert!(xdg
        .join("org.communique.desktop/communique.sqlite3")
        .exists());
}

/// Each bad meeting file: refused with file, field path and value named, database unchanged.
#[test]
fn bad_meeting_files_are_refused_and_the_database_is_unchanged() {
    let env = Env::new();
    env.import("en.json", EN);
    let db_before = bytes(&env.db());
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        (
            "truncated.json",
            EN.as_bytes()[..400].to_vec(),
            vec!["truncated", "line"],
        ),
        (
            "v3.json",
            EN.replace("communique.meeting.v1", "communique.meeting.v3")
                .into_bytes(),
            vec!["format", "communique.meeting.v3", "communique.meeting.v2"],
        ),
        (
            // A v1 body labelled v2: read as v2, refused at its first v1 field.
            "v1-as-v2.json",
            EN.replace("communique.meeting.v1", "communique.meeting.v2")
                .into_bytes(),
            vec!["agenda[0].quotes[0].text: unknown field `text`"],
        ),
        (
            "speaker.json",
            EN.replacen("\"speaker\": \"commissioner\"", "\"speaker\": \"ghost\"", 1)
                .into_bytes(),
            vec!["agenda[0].quotes[1].speaker", "\"ghost\""],
        ),
        (
            "date.json",
            EN.replace("\"starts\": \"2025-03-01\"", "\"starts\": \"2018-02-30\"")
                .into_bytes(),
            vec!["meeting.starts", "2018-02-30"],
        ),
        (
            "form.json",
            EN.replace("\"form\": \"role\"", "\"form\": \"formal\"")
                .into_bytes(),
            vec!["agenda[3].quotes[2].form", "formal"],
        ),
        (
            "bool.json",
            EN.replace("\"in_release\": false", "\"in_release\": \"false\"")
                .into_bytes(),
            vec!["agenda[2].in_release", "\"false\""],
        ),
        (
            "garbage.json",
            (0u32..600).map(|i| (i * 7919 % 251) as u8).collect(),
            vec!["not a meeting file"],
        ),
        (
            "unknown-field.json",
            EN.replace(
                "\"location\": \"Bergen\",",
                "\"location\": \"Bergen\", \"venue\": \"Hall\",",
            )
            .into_bytes(),
            vec!["meeting.venue", "venue"],
        ),
        (
            "language.json",
            EN.replace("\"language\": \"en\",", "\"language\": \"nb\",")
                .into_bytes(),
            vec!["meeting.language", "\"nb\"", "en, fr"],
        ),
    ];
    let good = env.file("good.json", FR);
    for (name, contents, needles) in cases {
        let bad = env.file(name, contents);
        // Alone, and after a good file: the good one is not stored either.
        for args in [
            vec![bad.to_str().unwrap()],
            vec![good.to_str().unwrap(), bad.to_str().unwrap()],
        ] {
            let mut all = vec!["import"];
            all.extend(args);
            let err = env.fails(&all);
            assert!(err.contains(name), "{name}: names the file: {err}");
            for n in &needles {
                assert!(err.contains(n), "{name}: {n:?} not in {err}");
            }
            assert_eq!(bytes(&env.db()), db_before, "{name}: database changed");
        }
        let err = env.fails(&["render", bad.to_str().unwrap(), "--format", "html"]);
        assert!(err.contains(name));
    }
    assert_eq!(env.ok(&["list"]).lines().count(), 1);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_byte_identical() {
    let env = Env::new();
    std::fs::write(
        env.db(),
        b"Minutes of the meeting\n\x00\x01\x02 not a database",
    )
    .unwrap();
    let before = bytes(&env.db());
    let file = env.file("en.json", EN);
    for args in [
        vec!["list"],
        vec!["import", file.to_str().unwrap()],
        vec!["search", "cod"],
        vec!["export", "1", "--format", "json"],
    ] {
        let err = env.fails(&args);
        assert!(
            err.contains("archive.sqlite3") && err.contains("not an SQLite file"),
            "{err}"
        );
        assert_eq!(bytes(&env.db()), before);
    }
}

#[test]
fn another_programs_database_is_refused_byte_identical() {
    let env = Env::new();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');")
        .unwrap();
    drop(conn);
    let before = bytes(&env.db());
    let file = env.file("en.json", EN);
    let err = env.fails(&["import", file.to_str().unwrap()]);
    assert!(err.contains("another program"), "{err}");
    assert_eq!(bytes(&env.db()), before);
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with("-wal")), "{names:?}");
}

#[test]
fn a_database_from_a_newer_schema_is_refused_byte_identical() {
    let env = Env::new();
    env.import("en.json", EN);
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let version: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    conn.pragma_update(None, "user_version", version + 1)
        .unwrap();
    drop(conn);
    let before = bytes(&env.db());
    let file = env.file("fr.json", FR);
    let err = env.fails(&["import", file.to_str().unwrap()]);
    assert!(err.contains("newer Communiqué"), "{err}");
    assert_eq!(bytes(&env.db()), before);
    env.fails(&["list"]);
    assert_eq!(bytes(&env.db()), before);
}

#[test]
fn unknown_ids_missing_files_and_empty_searches_are_one_line_errors() {
    let env = Env::new();
    env.import("en.json", EN);
    assert!(env
        .fails(&["export", "42", "--format", "html"])
        .contains("42"));
    assert!(env
        .fails(&["import", "/nonexistent/m.json"])
        .contains("/nonexistent/m.json"));
    assert!(env.fails(&["search", "  "]).contains("no words"));
    let dir_out = env.dir.path().join("no/such/dir/out.html");
    assert!(env
        .fails(&[
            "export",
            "1",
            "--format",
            "html",
            "-o",
            dir_out.to_str().unwrap()
        ])
        .contains("out.html"));
}

#[test]
fn hostile_text_lands_as_text_in_every_export() {
    let env = Env::new();
    let payload = "</script><script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) {{7*7}}";
    let mut m = sample::sample_en();
    m.info.title = payload.into();
    m.info.organisation = Some(payload.into());
    m.agenda[0].summary = payload.into();
    m.people[0].full = Some(payload.into());
    let release = m.release.as_mut().unwrap();
    release.headline = payload.into();
    release.photos[0].caption = payload.into();
    release.photos[0].language = Some("en-x-evil".into());
    let id = env.import("hostile.json", &meeting_file::to_json(&m).unwrap());
    let html = env.ok(&["export", &id, "--format", "html"]);
    assert_eq!(html.matches("<script").count(), 1, "only the JSON-LD block");
    assert!(!html.contains("<img") && !html.contains("<x onerror"));
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
    let md = env.ok(&["export", &id, "--format", "md"]);
    // Every character that could open markup is backslash-escaped (front matter aside).
    let body = md.splitn(3, "---\n").nth(2).unwrap();
    for (i, c) in body
        .char_indices()
        .filter(|(_, c)| matches!(c, '<' | '[' | ']' | '{'))
    {
        assert_eq!(&body[i - 1..i], "\\", "unescaped {c:?} at {i}");
    }
}

/// Kill -9 during a long import, at several moments: the database is intact, every printed id is a
/// complete meeting, and no meeting is stored in part.
#[test]
fn kill_during_import_never_leaves_a_partial_meeting() {
    let env = Env::new();
    // Big meetings make each transaction long enough to be caught in the middle.
    let mut big = sample::sample_en();
    let items = big.agenda.clone();
    for i in 0..60 {
        let mut item = items[i % items.len()].clone();
        item.title = format!("{} #{i}", item.title);
        big.agenda.push(item);
    }
    let mut files = Vec::new();
    let mut canonical = Vec::new();
    for i in 0..150 {
        let mut m = big.clone();
        m.info.title = format!("Meeting {i}");
        let json = meeting_file::to_json(&m).unwrap();
        files.push(env.file(&format!("m{i}.json"), &json));
        canonical.push(json);
    }
    let bin = assert_cmd::cargo::cargo_bin("communique");
    for (round, kill_after) in [1usize, 7, 23, 61].into_iter().enumerate() {
        let db = env.dir.path().join(format!("killed-{round}.sqlite3"));
        let mut child = Std::new(&bin)
            .arg("--db")
            .arg(&db)
            .arg("import")
            .args(&files)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut printed = Vec::new();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        while printed.len() < kill_after {
            match lines.next() {
                Some(Ok(l)) => printed.push(l),
                _ => break,
            }
        }
        // Mid-transaction of the next meeting, most likely; anywhere, at worst.
        std::thread::sleep(std::time::Duration::from_millis(3 * round as u64));
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(
            printed.len(),
            kill_after,
            "round {round}: import finished too soon"
        );
        // Ids printed before the kill but not read yet are still in the pipe.
        printed.extend(lines.map_while(Result::ok));
        assert!(
            printed.len() < files.len(),
            "round {round}: the kill came after the end"
        );

        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let fk: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0);
        let mut stmt = conn.prepare("SELECT id FROM meetings ORDER BY id").unwrap();
        let stored: Vec<String> = stmt
            .query_map([], |r| r.get::<_, i64>(0))
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect();
        drop(stmt);
        drop(conn);
        for id in &printed {
            assert!(
                stored.contains(id),
                "round {round}: printed id {id} missing"
            );
        }
        assert!(
            stored.len() <= printed.len() + 1,
            "round {round}: {} stored",
            stored.len()
        );
        for (i, id) in stored.iter().enumerate() {
            let out = Command::cargo_bin("communique")
                .unwrap()
                .args([
                    "--db",
                    db.to_str().unwrap(),
                    "export",
                    id,
                    "--format",
                    "json",
                ])
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                canonical[i],
                "round {round}: meeting {id} incomplete"
            );
        }
    }
}

#[test]
fn a_ninjs_export_is_recorded_as_one_and_reads_as_json() {
    let env = Env::new();
    let id = env.import("en.json", EN);
    let out = env.ok(&["export", &id, "--format", "ninjs"]);
    let item: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        item["headlines"][0]["value"],
        "Fisheries ministers cut cod quotas and fund two research vessels"
    );
    assert_eq!(item["language"], "en");
    // Recorded by its name, not its file's extension (which the meeting file shares).
    assert_eq!(history(&env, &id)[0].1, "Exported as ninjs");
}

#[test]
fn a_pdf_export_on_either_paper_is_written_with_o_and_recorded_as_a_pdf() {
    let env = Env::new();
    let id = env.import("en.json", EN);
    let a4 = env.dir.path().join("release.pdf");
    env.ok(&["export", &id, "--format", "pdf", "-o", a4.to_str().unwrap()]);
    let letter = env.dir.path().join("release-letter.pdf");
    let file = env.file("en-file.json", EN);
    let rendered = Command::cargo_bin("communique")
        .unwrap()
        .env_remove("COMMUNIQUE_DB")
        .args(["render", file.to_str().unwrap(), "--format", "pdf-letter"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    env.ok(&[
        "export",
        &id,
        "--format",
        "pdf-letter",
        "-o",
        letter.to_str().unwrap(),
    ]);
    let (a4, letter) = (bytes(&a4), bytes(&letter));
    assert!(a4.starts_with(b"%PDF-") && letter.starts_with(b"%PDF-"));
    assert_ne!(a4, letter, "two papers");
    assert_eq!(rendered, letter, "render and export give the same bytes");
    // One version: the release read the same both times; a PDF on Letter is a PDF.
    assert_eq!(history(&env, &id).len(), 1);
    assert_eq!(history(&env, &id)[0].1, "Exported as PDF");
}

#[test]
fn sample_meetings_export_unchanged() {
    let env = Env::new();
    let id = env.import("sample.json", sample::SAMPLE_EN);
    assert_eq!(
        env.ok(&["export", &id, "--format", "json"]),
        sample::SAMPLE_EN
    );
    assert_eq!(
        env.ok(&["export", &id, "--format", "html"]),
        Format::Html.render(&sample::sample_en()).unwrap()
    );
}

#[test]
fn exports_record_versions_and_restore_brings_back_the_first_export() {
    let env = Env::new();
    let id = env.import("en.json", EN);
    let first_html = env.ok(&["export", &id, "--format", "html"]);
    let first_md = env.ok(&["export", &id, "--format", "md"]);
    // The same release again: no new version.
    assert_eq!(env.ok(&["history", &id]).lines().count(), 1);

    // Edit in your own editor, put it back with --replace.
    let mut m = meeting_file::parse("en.json", EN.as_bytes()).unwrap();
    m.release.as_mut().unwrap().headline = "Fisheries ministers cut cod quotas (corrected)".into();
    m.agenda.remove(0);
    let edited = env.file("edited.json", meeting_file::to_json(&m).unwrap());
    assert_eq!(
        env.ok(&["import", "--replace", &id, edited.to_str().unwrap()]),
        format!("{id}\n")
    );
    assert_eq!(env.ok(&["list"]).lines().count(), 1, "replaced, not added");
    let corrected = env.ok(&["export", &id, "--format", "html"]);
    assert!(corrected.contains("(corrected)"));

    let history = env.ok(&["history", &id]);
    let lines: Vec<Vec<&str>> = history.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert_eq!(
        (lines[0][0], lines[0][2], lines[0][3]),
        (
            "2",
            "Exported as HTML",
            "Fisheries ministers cut cod quotas (corrected)"
        )
    );
    assert_eq!((lines[1][0], lines[1][2]), ("1", "Exported as HTML"));

    assert_eq!(env.ok(&["restore", &id, "1"]), "3\n");
    assert_eq!(env.ok(&["export", &id, "--format", "html"]), first_html);
    assert_eq!(env.ok(&["export", &id, "--format", "md"]), first_md);
    assert_eq!(
        env.ok(&["export", &id, "--format", "json"]),
        meeting_file::to_json(&meeting_file::parse("en.json", EN.as_bytes()).unwrap()).unwrap()
    );
    assert!(env.ok(&["history", &id]).starts_with("3\t"));
    assert!(env.fails(&["restore", &id, "42"]).contains("no version 42"));
    assert!(env.fails(&["history", "99"]).contains("99"));
}

#[test]
fn import_replace_refuses_a_bad_file_and_an_unknown_meeting_without_a_change() {
    let env = Env::new();
    let id = env.import("en.json", EN);
    let before = bytes(&env.db());
    let bad = env.file(
        "bad.json",
        EN.replace("\"language\": \"en\"", "\"language\": \"xx\""),
    );
    assert!(env
        .fails(&["import", "--replace", &id, bad.to_str().unwrap()])
        .contains("meeting.language"));
    let good = env.file("fr.json", FR);
    assert!(env
        .fails(&["import", "--replace", "7", good.to_str().unwrap()])
        .contains("no meeting with id 7"));
    assert!(env
        .fails(&[
            "import",
            "--replace",
            &id,
            good.to_str().unwrap(),
            good.to_str().unwrap()
        ])
        .contains("exactly one file"));
    assert_eq!(bytes(&env.db()), before);
}

/// Exports are written atomically: a kill at any moment leaves the old file or the whole new
/// one at the target path, never a truncated one.
#[test]
fn kill_during_export_never_leaves_a_truncated_file() {
    let env = Env::new();
    let mut big = sample::sample_en();
    let template = big.agenda[0].clone();
    big.agenda = (0..3000)
        .map(|i| {
            let mut item = template.clone();
            item.summary = format!("{} Item {i}.", item.summary);
            item
        })
        .collect();
    let id = env.import("big.json", &meeting_file::to_json(&big).unwrap());
    let full = env.ok(&["export", &id, "--format", "html"]);
    let target = env.dir.path().join("release.html");
    std::fs::write(&target, "the previous export\n").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("communique");
    for round in 0..30u64 {
        let mut child = Std::new(&bin)
            .args([
                "--db",
                env.db().to_str().unwrap(),
                "export",
                &id,
                "--format",
                "html",
                "-o",
            ])
            .arg(&target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(500 + round * 997 % 40_000));
        let _ = child.kill();
        child.wait().unwrap();
        let now = std::fs::read_to_string(&target).unwrap();
        assert!(
            now == "the previous export\n" || now == full,
            "round {round}: {} bytes",
            now.len()
        );
    }
}

/// `history` as (number, reason, headline).
fn history(env: &Env, id: &str) -> Vec<(String, String, String)> {
    env.ok(&["history", id])
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_owned(), f[2].to_owned(), f[3].to_owned())
        })
        .collect()
}

fn row(n: &str, reason: &str, headline: &str) -> (String, String, String) {
    (n.to_owned(), reason.to_owned(), headline.to_owned())
}

const HEADLINE: &str = "Fisheries ministers cut cod quotas and fund two research vessels";

#[test]
fn restore_keeps_a_release_that_was_never_exported() {
    let env = Env::new();
    let id = env.import("en.json", EN);
    env.ok(&["export", &id, "--format", "html"]);
    let mut m = meeting_file::parse("en.json", EN.as_bytes()).unwrap();
    m.release.as_mut().unwrap().headline = "Typed, never exported".into();
    let typed = env.file("typed.json", meeting_file::to_json(&m).unwrap());
    env.ok(&["import", "--replace", &id, typed.to_str().unwrap()]);

    assert_eq!(env.ok(&["restore", &id, "1"]), "3\n");
    assert_eq!(
        history(&env, &id),
        [
            row("3", "Restored version 1", HEADLINE),
            row("2", "Before restoring version 1", "Typed, never exported"),
            row("1", "Exported as HTML", HEADLINE),
        ]
    );
    // The text typed comes back from the version kept before the restore.
    assert_eq!(env.ok(&["restore", &id, "2"]), "4\n");
    assert_eq!(
        env.ok(&["export", &id, "--format", "json"]),
        meeting_file::to_json(&m).unwrap()
    );
}

/// Reads what the archive holds for meeting 1, without going through the CLI (which would
/// record versions of its own).
fn stored(db: &Path) -> (i64, Option<String>, String, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let (revision, updated, headline) = conn
        .query_row(
            "SELECT m.revision, json_extract(d.body, '$.releases[0].updated'), json_extract(d.body, '$.releases[0].headline[0]')
             FROM meetings m JOIN documents d ON d.meeting_id = m.id WHERE m.id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let versions = conn
        .query_row("SELECT count(*) FROM versions", [], |r| r.get(0))
        .unwrap();
    (revision, updated, headline, versions)
}

/// The CLI killed (`abort`, no unwinding, like `kill -9`) between the two writes of one action.
fn dies_at(env: &Env, point: &str, args: &[&str]) {
    let out = env
        .cmd(args)
        .env(failpoint::FAILPOINT_ENV, point)
        .output()
        .unwrap();
    assert!(!out.status.success(), "{point}: the process went on");
    #[cfg(unix)]
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&out.status),
        Some(6),
        "{point}: killed by SIGABRT"
    );
}

#[test]
fn a_kill_inside_an_export_or_a_restore_leaves_all_of_it_or_nothing() {
    let env = Env::new();
    let mut m = meeting_file::parse("en.json", EN.as_bytes()).unwrap();
    m.release.as_mut().unwrap().updated = None;
    let id = env.import("en.json", &meeting_file::to_json(&m).unwrap());
    env.ok(&["export", &id, "--format", "html"]);
    // A correction: its export stores a new `updated` time, then records version 2.
    m.release.as_mut().unwrap().closing = "The Council meets again in May.".into();
    let corrected = env.file("corrected.json", meeting_file::to_json(&m).unwrap());
    env.ok(&["import", "--replace", &id, corrected.to_str().unwrap()]);
    let before = stored(&env.db());
    assert_eq!((before.1.as_deref(), before.3), (None, 1));

    let out = env.dir.path().join("release.html");
    dies_at(
        &env,
        failpoint::EXPORT_BEFORE_VERSION,
        &[
            "export",
            &id,
            "--format",
            "html",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(
        stored(&env.db()),
        before,
        "neither `updated` nor the version"
    );
    env.ok(&[
        "export",
        &id,
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    let exported = stored(&env.db());
    assert!(exported.1.is_some(), "both: `updated` ...");
    assert_eq!(exported.3, 2, "... and the version");
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("class=\"updated\""));

    // A restore keeps the release as it reads, then puts version 1 back.
    m.release.as_mut().unwrap().headline = "Typed, never exported".into();
    let typed = env.file("typed.json", meeting_file::to_json(&m).unwrap());
    env.ok(&["import", "--replace", &id, typed.to_str().unwrap()]);
    let before = stored(&env.db());
    dies_at(
        &env,
        failpoint::RESTORE_AFTER_SNAPSHOT,
        &["restore", &id, "1"],
    );
    assert_eq!(
        stored(&env.db()),
        before,
        "no version kept, nothing restored"
    );
    assert_eq!(env.ok(&["restore", &id, "1"]), "4\n");
    let restored = stored(&env.db());
    assert_eq!((restored.2.as_str(), restored.3), (HEADLINE, 4));
    assert_eq!(
        history(&env, &id)[1],
        row("3", "Before restoring version 1", "Typed, never exported")
    );
}

const PAGE: u64 = 4096;

/// Garbage over pages 2 to 5, as a failing disk would leave them.
fn garble(path: &Path) {
    use std::io::{Seek, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(std::io::SeekFrom::Start(PAGE)).unwrap();
    f.write_all(&[0xa5; 4 * PAGE as usize]).unwrap();
}

/// Cut short in the middle of a page, as an interrupted copy would leave it.
fn truncate(path: &Path) {
    let len = std::fs::metadata(path).unwrap().len();
    assert!(len > 8 * PAGE, "{len}");
    let f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.set_len(len / 2 / PAGE * PAGE + PAGE / 2).unwrap();
}

/// An archive of 31 meetings over many pages, and a daily backup of it.
fn archive_with_backup(env: &Env) -> PathBuf {
    let en = env.file("en.json", EN);
    let files: Vec<&str> = std::iter::repeat_n(en.to_str().unwrap(), 30).collect();
    let mut args = vec!["import"];
    args.extend(files);
    env.ok(&args);
    let backup = Store::open(&env.db())
        .unwrap()
        .daily_backup()
        .unwrap()
        .unwrap();
    env.import("fr.json", FR); // after the backup: not in it
    backup
}

#[test]
fn a_damaged_archive_names_its_newest_backup_and_the_command_that_restores_it() {
    for (how, damage) in [("garbled", garble as fn(&Path)), ("truncated", truncate)] {
        let env = Env::new();
        let backup = archive_with_backup(&env);
        damage(&env.db());
        let before = bytes(&env.db());
        let err = env.fails(&["list"]);
        assert!(
            err.contains(&format!("{}: the archive is damaged (", env.db().display())),
            "{how}: {err}"
        );
        assert!(
            err.contains(&format!("its newest backup is {} (", backup.display())),
            "{how}: {err}"
        );
        assert!(err.contains(", 30 meetings)"), "{how}: {err}");
        assert!(bytes(&env.db()) == before, "{how}: untouched");
        let listed = env.ok(&["backups"]);
        assert!(
            listed.ends_with(&format!("\t30\t{}\n", backup.display())),
            "{how}: {listed}"
        );

        // The command it names, run as written.
        let command = err.trim_end().split("restore it with: ").nth(1).unwrap();
        let words = shlex::split(command).unwrap();
        assert_eq!(words[0], "communique", "{how}: {command}");
        let mut run = Command::cargo_bin("communique").unwrap();
        let out = run
            .args(&words[1..])
            .assert()
            .success()
            .get_output()
            .clone();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), "30\n", "{how}");
        assert_eq!(env.ok(&["list"]).lines().count(), 30, "{how}");

        let aside: Vec<_> = std::fs::read_dir(env.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy();
                n.starts_with("archive.sqlite3.damaged-")
                    && !n.ends_with("-wal")
                    && !n.ends_with("-shm")
            })
            .collect();
        assert_eq!(aside.len(), 1, "{how}: {aside:?}");
        assert!(bytes(&aside[0]) == before, "{how}: set aside byte for byte");
    }
}

/// Damage the check at open does not reach (it reads a few pages, whatever the archive's size)
/// is reported by the command that meets it, with the same way back.
#[test]
fn damage_met_in_the_middle_of_a_command_names_the_newest_backup_too() {
    let env = Env::new();
    let backup = archive_with_backup(&env);
    let pages = std::fs::metadata(env.db()).unwrap().len() / PAGE;
    {
        use std::io::{Seek, Write};
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(env.db())
            .unwrap();
        f.seek(std::io::SeekFrom::Start((pages - 4) * PAGE))
            .unwrap();
        f.write_all(&[0xa5; 4 * PAGE as usize]).unwrap(); // the search index's last leaves
    }
    let before = bytes(&env.db());
    assert_eq!(
        env.ok(&["list"]).lines().count(),
        31,
        "the meetings still read"
    );
    let err = env.fails(&["search", "cod"]);
    assert!(
        err.contains(&format!("{}: the archive is damaged (", env.db().display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("its newest backup is {} (", backup.display())),
        "{err}"
    );
    assert!(err.contains("restore it with: communique --db "), "{err}");
    assert!(bytes(&env.db()) == before, "untouched");
}

#[test]
fn a_damaged_archive_without_a_backup_says_so() {
    let env = Env::new();
    let en = env.file("en.json", EN);
    let files: Vec<&str> = std::iter::repeat_n(en.to_str().unwrap(), 30).collect();
    let mut args = vec!["import"];
    args.extend(files);
    env.ok(&args);
    truncate(&env.db());
    let before = bytes(&env.db());
    for args in [
        vec!["list"],
        vec!["export", "1", "--format", "json"],
        vec!["history", "1"],
    ] {
        let err = env.fails(&args);
        assert!(err.contains("the archive is damaged"), "{err}");
        assert!(err.contains("no backup of it was found"), "{err}");
        assert!(bytes(&env.db()) == before);
    }
    assert_eq!(env.ok(&["backups"]), "");
}

#[test]
fn restore_backup_replaces_a_sound_archive_and_keeps_it_beside() {
    let env = Env::new();
    let backup = archive_with_backup(&env);
    assert_eq!(env.ok(&["list"]).lines().count(), 31);
    assert_eq!(
        env.ok(&["restore-backup", backup.to_str().unwrap()]),
        "30\n"
    );
    assert_eq!(env.ok(&["list"]).lines().count(), 30);
    // The archive as it was is a backup now, listed first.
    let newest = env.ok(&["backups"]);
    let first: Vec<&str> = newest.lines().next().unwrap().split('\t').collect();
    assert_eq!(first[1], "31", "{newest}");
    assert!(
        first[2].contains("archive.sqlite3.before-restore-"),
        "{newest}"
    );
    let not_ours = env.file("notes.txt", "not a database");
    assert!(env
        .fails(&["restore-backup", not_ours.to_str().unwrap()])
        .contains("notes.txt"));
    assert_eq!(env.ok(&["list"]).lines().count(), 30);
}

const V2_EXAMPLE: &str = include_str!("../../core/tests/fixtures/v2/ministers-en-fr.meeting.json");

#[test]
fn upgrade_writes_the_v2_form_and_the_archive_takes_it_back_as_the_same_meeting() {
    let env = Env::new();
    let v1 = env.file("en.json", EN);
    let v2_text = env.ok(&["upgrade", v1.to_str().unwrap()]);
    let expected =
        communique_core::v2::upgrade(&meeting_file::parse("en.json", EN.as_bytes()).unwrap());
    assert_eq!(v2_text, communique_core::v2::to_json(&expected).unwrap());
    assert!(v2_text.starts_with("{\n  \"format\": \"communique.meeting.v2\""));

    // Written to a file, a v2 file upgrades to itself.
    let out = env.dir.path().join("en.v2.json");
    env.ok(&["upgrade", v1.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), v2_text);
    assert_eq!(env.ok(&["upgrade", out.to_str().unwrap()]), v2_text);

    // Imported and rendered: the v1 meeting, to the byte.
    let id = env.ok(&["import", out.to_str().unwrap()]).trim().to_owned();
    assert_eq!(
        env.ok(&["export", &id, "--format", "json"]),
        meeting_file::to_json(&meeting_file::parse("en.json", EN.as_bytes()).unwrap()).unwrap()
    );
    let from_v1 = env.ok(&["render", v1.to_str().unwrap(), "--format", "html"]);
    assert_eq!(
        env.ok(&["render", out.to_str().unwrap(), "--format", "html"]),
        from_v1
    );
}

#[test]
fn a_v2_meeting_is_stored_and_exported_in_each_of_its_languages() {
    let env = Env::new();
    let file = env.file("ministers.json", V2_EXAMPLE);
    assert_eq!(env.ok(&["import", file.to_str().unwrap()]), "1\n");
    assert_eq!(
        env.ok(&["list"]),
        "1\t2031-04-24\tForeign ministers, spring session\n"
    );
    // The meeting file comes back as it was written (v1 cannot say it: it stays v2).
    assert_eq!(env.ok(&["export", "1", "--format", "json"]), V2_EXAMPLE);
    let en = env.ok(&["export", "1", "--format", "html"]);
    let fr = env.ok(&["export", "1", "--format", "html", "--language", "fr"]);
    assert!(
        en.contains("<html lang=\"en\">") && en.contains("Press release"),
        "{en}"
    );
    assert!(
        fr.contains("<html lang=\"fr\">") && fr.contains("Communiqué de presse"),
        "{fr}"
    );
    assert_eq!(
        env.ok(&[
            "render",
            file.to_str().unwrap(),
            "--format",
            "html",
            "--language",
            "fr"
        ]),
        fr,
        "render and export agree"
    );
    let out = env
        .cmd(&["export", "1", "--format", "md", "--language", "ja"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "unsupported language \"ja\": releases are written in en, fr, de, es, it, pt, nl, pl, uk"
        ),
        "{err}"
    );
    assert_eq!(env.ok(&["search", "agissons"]).lines().count(), 1);
    // One version: the French export; the English one read the same (one version holds both).
    assert_eq!(env.ok(&["history", "1"]).lines().count(), 1);

    // A mistake in a v2 file is named by its path.
    let broken = V2_EXAMPLE.replacen("\"person\": \"sg\"", "\"person\": \"nobody\"", 1);
    let file = env.file("broken.json", broken);
    let err = env.fails(&["upgrade", file.to_str().unwrap()]);
    assert!(
        err.contains("broken.json: releases[0].lead[0].p[0].person: unknown person \"nobody\""),
        "{err}"
    );
}

const MINISTERS: &str = include_str!("../../core/tests/fixtures/v2/ministers-en-fr.meeting.json");

fn image_rows(db: &Path) -> Vec<(String, Vec<u8>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT sha256, bytes FROM images ORDER BY sha256")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The `src` of each `<img>` of an HTML page, decoded from its `data:` URL: (media type, bytes).
fn embedded_images(html: &str) -> Vec<(String, Vec<u8>)> {
    use base64::Engine;
    html.split("<img src=\"data:")
        .skip(1)
        .map(|rest| {
            let (media, rest) = rest.split_once(";base64,").unwrap();
            let data = &rest[..rest.find('"').unwrap()];
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data)
                .unwrap();
            (media.to_owned(), bytes)
        })
        .collect()
}

#[test]
fn photo_add_imports_the_image_once_and_every_export_of_the_release_embeds_it() {
    let env = Env::new();
    let id = env.import("ministers.json", MINISTERS);
    let jpeg = communique_core::images::made::jpeg(60, 40);
    let file = env.file("table.jpg", &jpeg);
    let sha = env.ok(&[
        "photo",
        "add",
        &id,
        file.to_str().unwrap(),
        "--photo",
        "ph1",
        "--alt",
        "Six ministers \"seated\" <b>at</b> a round table",
    ]);
    let sha = sha.trim();
    assert_eq!(sha, communique_core::images::sha256_hex(&jpeg));
    assert_eq!(image_rows(&env.db()), [(sha.to_owned(), jpeg.clone())]);
    // Again, the same bytes under another name: still one image.
    let again = env.file("copy.jpg", &jpeg);
    env.ok(&[
        "photo",
        "add",
        &id,
        again.to_str().unwrap(),
        "--photo",
        "ph1",
    ]);
    assert_eq!(image_rows(&env.db()).len(), 1);
    // The picture is the photo's in both releases; the alt text only in English's.
    let list = env.ok(&["photo", "list", &id]);
    let lines: Vec<Vec<&str>> = list.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines[0][..4], ["en", "ph1", "after-lead", sha]);
    assert!(lines[0][4].starts_with("60 × 40 jpeg, "), "{list}");
    assert_eq!(
        lines[0][6],
        "Six ministers \"seated\" <b>at</b> a round table"
    );
    assert_eq!((lines[1][0], lines[1][3], lines[1][6]), ("fr", sha, ""));
    for lang in ["en", "fr"] {
        let html = env.ok(&["export", &id, "--format", "html", "--lang", lang]);
        assert_eq!(
            embedded_images(&html),
            [("image/jpeg".to_owned(), jpeg.clone())],
            "{lang}: the original bytes"
        );
    }
    let html = env.ok(&["export", &id, "--format", "html"]);
    assert!(html
        .contains("alt=\"Six ministers &quot;seated&quot; &lt;b&gt;at&lt;/b&gt; a round table\""));
    // The meeting file names the image; it does not hold it.
    let json = env.ok(&["export", &id, "--format", "json"]);
    assert!(json.contains(&format!("\"image\": \"{sha}\"")) && !json.contains("base64"));
}

#[test]
fn a_new_photo_needs_a_caption_and_takes_every_text_given() {
    let env = Env::new();
    let id = env.import("ministers.json", MINISTERS);
    let png = env.file("chart.png", communique_core::images::made::png(12, 8));
    let err = env.fails(&[
        "photo",
        "add",
        &id,
        png.to_str().unwrap(),
        "--photo",
        "chart",
    ]);
    assert!(err.contains("a new photo needs a caption"), "{err}");
    assert!(image_rows(&env.db()).is_empty(), "nothing stored");
    env.ok(&[
        "photo",
        "add",
        &id,
        png.to_str().unwrap(),
        "--photo",
        "chart",
        "--caption",
        "Les ports en chiffres",
        "--alt",
        "Un graphique",
        "--credit",
        "Ligue",
        "--lang",
        "fr",
        "--position",
        "before-lead",
    ]);
    let list = env.ok(&["photo", "list", &id]);
    let chart = list.lines().find(|l| l.contains("\tchart\t")).unwrap();
    let fields: Vec<&str> = chart.split('\t').collect();
    assert_eq!(
        (fields[0], fields[2], fields[5], fields[6]),
        ("fr", "before-lead", "Les ports en chiffres", "Un graphique")
    );
    assert!(fields[4].starts_with("12 × 8 png, "));
    let html = env.ok(&["export", &id, "--format", "html", "--lang", "fr"]);
    assert_eq!(
        embedded_images(&html).len(),
        1,
        "the English photo has no image yet"
    );
    assert!(html.contains("© Ligue"));
}

#[test]
fn a_damaged_or_foreign_image_is_refused_in_one_line_and_nothing_changes() {
    let env = Env::new();
    let id = env.import("ministers.json", MINISTERS);
    let before = stored(&env.db()).0;
    let mut cut = communique_core::images::made::jpeg(64, 64);
    cut.truncate(cut.len() / 2);
    let cut = env.file("cut.jpg", cut);
    let err = env.fails(&["photo", "add", &id, cut.to_str().unwrap(), "--photo", "ph1"]);
    assert!(
        err.starts_with(&format!(
            "communique: {}: damaged JPEG data (",
            cut.display()
        )),
        "{err}"
    );
    let svg = env.file("photo.jpg", "<svg onload=\"alert(1)\"></svg>");
    let err = env.fails(&["photo", "add", &id, svg.to_str().unwrap(), "--photo", "ph1"]);
    assert_eq!(
        err.trim_end(),
        format!(
            "communique: {}: not a JPEG or PNG image (it reads as SVG)",
            svg.display()
        )
    );
    assert!(image_rows(&env.db()).is_empty());
    assert_eq!(stored(&env.db()).0, before, "the meeting is as it was");
}

#[test]
fn a_kill_between_the_image_and_the_meeting_stores_neither() {
    let env = Env::new();
    let id = env.import("ministers.json", MINISTERS);
    let before = stored(&env.db()).0;
    let jpeg = env.file("table.jpg", communique_core::images::made::jpeg(20, 20));
    dies_at(
        &env,
        failpoint::PHOTO_BEFORE_MEETING,
        &[
            "photo",
            "add",
            &id,
            jpeg.to_str().unwrap(),
            "--photo",
            "ph1",
        ],
    );
    assert!(image_rows(&env.db()).is_empty());
    assert_eq!(stored(&env.db()).0, before);
}

#[test]
fn an_image_the_archive_lacks_is_refused_by_export_and_render_warns() {
    let env = Env::new();
    let mut m: serde_json::Value = serde_json::from_str(MINISTERS).unwrap();
    let sha = "ab".repeat(32);
    m["releases"][0]["photos"][0]["image"] = sha.clone().into();
    let file = env.file("named.json", serde_json::to_string(&m).unwrap());
    let id = env
        .ok(&["import", file.to_str().unwrap()])
        .trim()
        .to_owned();
    let err = env.fails(&["export", &id, "--format", "html"]);
    assert!(
        err.contains(&format!(
            "releases[0].photos[0].image: photo \"ph1\" names an image the archive does not hold ({sha})"
        )),
        "{err}"
    );
    // The meeting file alone: the caption without its image, and a warning saying so.
    let out = env
        .cmd(&["render", file.to_str().unwrap(), "--format", "html"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("communique: warning: ")
            && stderr.contains("releases[0].photos[0] (ph1)"),
        "{stderr}"
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("Ministers at the table") && !html.contains("<img"));
}
