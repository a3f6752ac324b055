//! `communique`: the archive from the command line (docs/meeting-file.md, "The command line").
//! Every command is a few lines over communique-core; errors are one line on stderr and a non-zero
//! exit, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use communique_core::clearance::Status;
use communique_core::diff::Change;
use communique_core::store::recovery::{self, Damage, Recovery};
use communique_core::store::{backups_of, Backup, PrivateNotes, StatusEntry};
use communique_core::v2::{photos, translation, xliff};
use communique_core::{paths, v2, Error, Format, Language, MeetingId, Store};

#[derive(Parser)]
#[command(
    name = "communique",
    version,
    about = "Meetings in, press releases out."
)]
struct Cli {
    /// The database file [default: $COMMUNIQUE_DB, else the desktop app's own]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Store meeting files, one transaction each; prints each new meeting's id, one a line.
    /// Every file is checked before any is stored.
    Import {
        /// Update this stored meeting from the (single) file instead of adding a new one.
        #[arg(long, value_name = "ID")]
        replace: Option<MeetingId>,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a stored meeting's release (html, md, eml, docx, pdf on A4 or pdf-letter, ninjs) or
    /// its meeting file (json: v1 when v1 says all of it, else v2).
    Export {
        id: MeetingId,
        #[arg(long, value_enum)]
        format: OutFormat,
        /// The release's language [default: the meeting's original].
        #[arg(long, visible_alias = "lang", value_name = "TAG", value_parser = language)]
        language: Option<Language>,
        /// Export a translated release even while texts of it are to translate or outdated.
        #[arg(long)]
        allow_outdated: bool,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A meeting's language versions: add one translated from another, mark texts translated.
    Version {
        #[command(subcommand)]
        command: VersionCommand,
    },
    /// Per release: its language, what it is translated from, and how many of its texts are
    /// translated, to translate and outdated (tab-separated); with --lang, each text of that
    /// release: status, key, what it is, each followed by what it says differently from its
    /// source (`check`, key, what: numbers, names, quotes, links).
    Status {
        id: MeetingId,
        #[arg(long, visible_alias = "language", value_name = "TAG", value_parser = language)]
        lang: Option<Language>,
    },
    /// A release's way to publication: draft, ready for clearance, cleared (by whom), published;
    /// the sign-off log, and what changed since it was cleared.
    Clearance {
        #[command(subcommand)]
        command: ClearanceCommand,
    },
    /// Correct a published release: the note (in the original language) and a new "Updated"
    /// time go on every language version (a translation without its own --in note gets the
    /// original's words, to translate). Prints the log line.
    Correct {
        id: MeetingId,
        /// What was corrected ("An earlier version gave the wrong date for the summit.").
        #[arg(long)]
        note: String,
        /// The note in a language version: `fr=Une version précédente…` (repeatable).
        #[arg(long = "in", value_name = "TAG=TEXT", value_parser = language_text)]
        translated: Vec<(Language, String)>,
        /// Who corrected it.
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Photos' images: import a JPEG or PNG file into the archive for a release's photo, list
    /// a meeting's photos.
    Photo {
        #[command(subcommand)]
        command: PhotoCommand,
    },
    /// XLIFF 1.2 for translators' tools: a translated release's texts out, translations back in.
    Xliff {
        #[command(subcommand)]
        command: XliffCommand,
    },
    /// One meeting a line, newest first: id, date, title (tab-separated).
    List,
    /// Matching meetings, best first: id, date, title, snippet (tab-separated); a snippet from
    /// private notes (never published) starts with "(private note)". Sample meetings are not searched.
    Search {
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// Leave private notes out: a meeting found only by them is not listed.
        #[arg(long)]
        no_private: bool,
    },
    /// A meeting's release versions, newest first: number, time, reason, headline (tab-separated).
    History { id: MeetingId },
    /// Put a meeting back as it was at a version; the release as it reads is kept as a version
    /// first, and the restore is itself a new version. Prints the new version's number.
    Restore { id: MeetingId, version: i64 },
    /// The archive's backups, newest first: time, meetings, path (tab-separated). Works on a
    /// damaged archive too.
    Backups,
    /// Replace the whole archive with a backup; prints how many meetings it now holds. The
    /// archive as it was is kept beside it (a damaged one is set aside, renamed, untouched).
    RestoreBackup {
        #[arg(value_name = "BACKUP")]
        file: PathBuf,
    },
    /// Write the v2 form of a meeting file (v1 or v2): the same meeting, in the meeting file v2
    /// (docs/meeting-file-v2.md).
    Upgrade {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A meeting file straight to a release, without the database.
    Render {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ReleaseFormat,
        /// The release's language [default: the meeting's original].
        #[arg(long, value_name = "TAG", value_parser = language)]
        language: Option<Language>,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum VersionCommand {
    /// A release in --lang translated from --from: its structure and texts copied, every text
    /// marked to translate.
    Add {
        id: MeetingId,
        #[arg(long, visible_alias = "language", value_name = "TAG", value_parser = language)]
        lang: Language,
        /// The release to translate from [default: the meeting's original].
        #[arg(long, value_name = "TAG", value_parser = language)]
        from: Option<Language>,
    },
    /// Mark texts of the release in --lang translated from their source as it reads now (the
    /// keys `status --lang` lists; none: every text not translated).
    Mark {
        id: MeetingId,
        #[arg(long, visible_alias = "language", value_name = "TAG", value_parser = language)]
        lang: Language,
        #[arg(value_name = "KEY")]
        keys: Vec<String>,
    },
}

#[derive(Subcommand)]
enum ClearanceCommand {
    /// The status, then the log newest first (time, status, by, note; tab-separated), then, once
    /// cleared, the paragraphs changed since (`-` cleared, `+` now).
    Show { id: MeetingId },
    /// Move the release to a status: draft, ready (for clearance), cleared (--by is who
    /// cleared it), published (only as it was cleared). Prints the log line.
    Set {
        id: MeetingId,
        #[arg(value_parser = status)]
        status: Status,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
}

fn status(s: &str) -> Result<Status, String> {
    Status::from_tag(s).ok_or_else(|| {
        format!(
            "{s:?}: not a status (one of: {})",
            Status::ALL.map(Status::tag).join(", ")
        )
    })
}

fn language_text(s: &str) -> Result<(Language, String), String> {
    let (tag, text) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?}: write TAG=TEXT (fr=Une version précédente…)"))?;
    Ok((language(tag)?, text.to_owned()))
}

fn print_entry(e: &StatusEntry) {
    println!(
        "{}\t{}\t{}\t{}",
        e.at,
        e.status.tag(),
        e.by.as_deref().unwrap_or(""),
        e.note.as_deref().unwrap_or("")
    );
}

#[derive(Subcommand)]
enum PhotoCommand {
    /// Import FILE (a JPEG or PNG: at most 20 MB, 50 megapixels, 10,000 pixels a side, decoded
    /// whole first) as the image of photo --photo of the release in --lang, in one transaction
    /// with the texts given; a new photo (none of that id yet) needs --caption. The photo of
    /// that id in the meeting's other releases shows the image too. Prints the image's SHA-256.
    Add {
        id: MeetingId,
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The photo's id in the release (a new one is added at the end of its photos).
        #[arg(long, value_name = "PHOTO_ID")]
        photo: String,
        #[arg(long, value_name = "TEXT")]
        caption: Option<String>,
        /// What a reader who cannot see the image is told instead.
        #[arg(long, value_name = "TEXT")]
        alt: Option<String>,
        #[arg(long, value_name = "TEXT")]
        credit: Option<String>,
        #[arg(long, value_enum)]
        position: Option<PhotoAt>,
        /// The release [default: the meeting's original].
        #[arg(long, visible_alias = "language", value_name = "TAG", value_parser = language)]
        lang: Option<Language>,
    },
    /// A line per photo of each release: language, photo id, position, image (SHA-256, or -),
    /// its size and kind (or "not in the archive"), caption, alt text (tab-separated).
    List { id: MeetingId },
}

#[derive(Clone, Copy, ValueEnum)]
enum PhotoAt {
    End,
    BeforeLead,
    AfterLead,
}

impl From<PhotoAt> for v2::PhotoPosition {
    fn from(p: PhotoAt) -> v2::PhotoPosition {
        match p {
            PhotoAt::End => v2::PhotoPosition::End,
            PhotoAt::BeforeLead => v2::PhotoPosition::BeforeLead,
            PhotoAt::AfterLead => v2::PhotoPosition::AfterLead,
        }
    }
}

#[derive(Subcommand)]
enum XliffCommand {
    /// The texts of the release in --lang that are to translate or outdated (--all: every
    /// text), one trans-unit each.
    Export {
        id: MeetingId,
        #[arg(long, visible_alias = "language", value_name = "TAG", value_parser = language)]
        lang: Language,
        #[arg(long)]
        all: bool,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Apply a translated XLIFF file: checked whole (meeting, languages, each unit's source and
    /// placeholders), every problem listed, nothing applied unless there are none. Prints how
    /// many texts were translated and how many the file left untranslated.
    Import {
        id: MeetingId,
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Html,
    Md,
    Json,
    /// The release as an e-mail draft (text and HTML; `EMBARGOED:` in the Subject while its
    /// embargo holds).
    Eml,
    /// The release as IPTC ninjs 3.1 (News in JSON), for a wire or a website.
    Ninjs,
    /// The release as a Word document, for clearance (binary: -o FILE, or standard output).
    Docx,
    /// The release as a print-ready PDF on A4 (binary).
    Pdf,
    /// The release as a print-ready PDF on US Letter (binary).
    PdfLetter,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReleaseFormat {
    Html,
    Md,
    Eml,
    Ninjs,
    Docx,
    Pdf,
    PdfLetter,
}

impl From<OutFormat> for Format {
    fn from(f: OutFormat) -> Format {
        match f {
            OutFormat::Html => Format::Html,
            OutFormat::Md => Format::Markdown,
            OutFormat::Json => Format::Json,
            OutFormat::Eml => Format::Eml,
            OutFormat::Ninjs => Format::Ninjs,
            OutFormat::Docx => Format::Docx,
            OutFormat::Pdf => Format::Pdf,
            OutFormat::PdfLetter => Format::PdfLetter,
        }
    }
}

impl From<ReleaseFormat> for Format {
    fn from(f: ReleaseFormat) -> Format {
        match f {
            ReleaseFormat::Html => Format::Html,
            ReleaseFormat::Md => Format::Markdown,
            ReleaseFormat::Eml => Format::Eml,
            ReleaseFormat::Ninjs => Format::Ninjs,
            ReleaseFormat::Docx => Format::Docx,
            ReleaseFormat::Pdf => Format::Pdf,
            ReleaseFormat::PdfLetter => Format::PdfLetter,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let db = cli.db.clone();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let message = match failure {
                Failure::Message(m) => m,
                // Damage the check at open cannot see, found by the command itself, gets the
                // same way back as damage found at open.
                Failure::Core(e) => match db_path(db) {
                    Ok(path) if e.is_damage() => damaged(&path, &e),
                    _ => e.to_string(),
                },
            };
            eprintln!("communique: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Why a command failed: core's error, kept as it is so that `main` can tell damage apart, or a
/// message of the CLI's own.
enum Failure {
    Core(Error),
    Message(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Core(e)
    }
}

impl From<String> for Failure {
    fn from(m: String) -> Failure {
        Failure::Message(m)
    }
}

impl From<&str> for Failure {
    fn from(m: &str) -> Failure {
        Failure::Message(m.to_owned())
    }
}

type CliResult = Result<(), Failure>;

fn run(cli: Cli) -> CliResult {
    match cli.command {
        Command::Import {
            replace: Some(id),
            files,
        } => {
            let [file] = files.as_slice() else {
                return Err("import --replace takes exactly one file".into());
            };
            let meeting = read_meeting(file)?;
            let mut store = open(cli.db)?;
            let revision = store.revision(id)?;
            store.save_v2(id, revision, &meeting)?;
            println!("{id}");
            Ok(())
        }
        Command::Import {
            replace: None,
            files,
        } => {
            // Check every file first, so a bad one leaves the archive exactly as it was.
            let meetings = files
                .iter()
                .map(|f| read_meeting(f))
                .collect::<Result<Vec<_>, _>>()?;
            let mut store = open(cli.db)?;
            let mut out = std::io::stdout().lock();
            for m in &meetings {
                let id = store.insert_v2(m)?;
                // Printed only once committed, and flushed: a printed id is a stored meeting.
                writeln!(out, "{id}")
                    .and_then(|()| out.flush())
                    .map_err(|e| format!("standard output: {e}"))?;
            }
            Ok(())
        }
        Command::Export {
            id,
            format,
            language,
            allow_outdated,
            output,
        } => {
            let mut store = open(cli.db)?;
            // Written, then recorded as a version, in one transaction (see `Store::export`).
            store.export_in(id, format.into(), language, allow_outdated, |bytes| {
                emit(bytes, output.as_deref())
            })?;
            Ok(())
        }
        Command::Version {
            command: VersionCommand::Add { id, lang, from },
        } => {
            let mut store = open(cli.db)?;
            store.update_v2(id, |m| {
                let from = from.unwrap_or(m.info.languages[0]);
                translation::add_version(m, from, lang)
            })?;
            let meeting = store.load_v2(id)?.meeting;
            report_status(&meeting, Some(lang))
        }
        Command::Version {
            command: VersionCommand::Mark { id, lang, keys },
        } => {
            let mut store = open(cli.db)?;
            let keys = (!keys.is_empty()).then_some(keys);
            let (n, _) = store.update_v2(id, |m| {
                translation::mark_translated(m, lang, keys.as_deref())
            })?;
            println!("{n}");
            Ok(())
        }
        Command::Clearance {
            command: ClearanceCommand::Show { id },
        } => {
            let c = open(cli.db)?.clearance(id)?;
            println!("{}", c.status.map_or("no status", Status::tag));
            c.log.iter().for_each(print_entry);
            for p in c.since_cleared.iter().flatten() {
                if let Some(b) = p.before.as_deref().filter(|_| p.kind != Change::Same) {
                    println!("-\t{b}");
                }
                if let Some(a) = p.after.as_deref().filter(|_| p.kind != Change::Same) {
                    println!("+\t{a}");
                }
            }
            Ok(())
        }
        Command::Clearance {
            command:
                ClearanceCommand::Set {
                    id,
                    status,
                    by,
                    note,
                },
        } => {
            let e = open(cli.db)?.set_status(id, status, by.as_deref(), note.as_deref())?;
            print_entry(&e);
            Ok(())
        }
        Command::Correct {
            id,
            note,
            translated,
            by,
        } => {
            let e = open(cli.db)?.correct(id, &note, &translated, by.as_deref())?;
            print_entry(&e);
            Ok(())
        }
        Command::Status { id, lang } => {
            let store = open(cli.db)?;
            report_status(&store.load_v2(id)?.meeting, lang)
        }
        Command::Photo {
            command:
                PhotoCommand::Add {
                    id,
                    file,
                    photo,
                    caption,
                    alt,
                    credit,
                    position,
                    lang,
                },
        } => {
            let (name, bytes) = read_file(&file)?;
            let mut store = open(cli.db)?;
            let edit = photos::PhotoEdit {
                caption,
                alt,
                credit,
                position: position.map(Into::into),
            };
            let (_, image, _) = store.add_image_to(id, bytes, &name, |m, image| {
                let lang = lang.unwrap_or(m.info.languages[0]);
                photos::put_image(m, lang, &photo, &image.sha256, edit)
            })?;
            println!("{}", image.sha256);
            Ok(())
        }
        Command::Photo {
            command: PhotoCommand::List { id },
        } => {
            let store = open(cli.db)?;
            let meeting = store.load_v2(id)?.meeting;
            let mut out = std::io::stdout().lock();
            for r in &meeting.releases {
                for p in &r.photos {
                    let image = match &p.image {
                        None => "-\t-".to_owned(),
                        Some(sha) => match store.image_info(sha)? {
                            Some(i) => format!(
                                "{sha}\t{} × {} {}, {} bytes",
                                i.width, i.height, i.kind, i.bytes
                            ),
                            None => format!("{sha}\tnot in the archive"),
                        },
                    };
                    let position = match p.position {
                        v2::PhotoPosition::End => "end",
                        v2::PhotoPosition::BeforeLead => "before-lead",
                        v2::PhotoPosition::AfterLead => "after-lead",
                    };
                    writeln!(
                        out,
                        "{}\t{}\t{position}\t{image}\t{}\t{}",
                        r.language.tag(),
                        one_line(&p.id),
                        one_line(&translation::segment(&p.caption)),
                        one_line(p.alt.as_deref().unwrap_or(""))
                    )
                    .map_err(|e| format!("standard output: {e}"))?;
                }
            }
            Ok(())
        }
        Command::Xliff {
            command:
                XliffCommand::Export {
                    id,
                    lang,
                    all,
                    output,
                },
        } => {
            let store = open(cli.db)?;
            let which = if all {
                xliff::Which::All
            } else {
                xliff::Which::Pending
            };
            let meeting = store.load_v2(id)?.meeting;
            let text = xliff::export(&meeting, lang, &xliff::original_of(id), which)?;
            Ok(emit(text.as_bytes(), output.as_deref())?)
        }
        Command::Xliff {
            command: XliffCommand::Import { id, file },
        } => {
            let (name, bytes) = read_file(&file)?;
            let imported = xliff::import_stored(&mut open(cli.db)?, id, &name, &bytes)?;
            println!(
                "{}: {} translated, {} left untranslated",
                imported.language.tag(),
                imported.applied.len(),
                imported.untranslated.len()
            );
            Ok(())
        }
        Command::History { id } => {
            let store = open(cli.db)?;
            let mut out = std::io::stdout().lock();
            for v in store.versions(id)? {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    v.number,
                    v.created_at,
                    v.reason,
                    one_line(&v.headline)
                )
                .map_err(|e| format!("standard output: {e}"))?;
            }
            Ok(())
        }
        Command::Restore { id, version } => {
            let mut store = open(cli.db)?;
            let number = store.restore(id, version)?;
            println!("{number}");
            Ok(())
        }
        Command::Backups => {
            let db = db_path(cli.db)?;
            let mut out = std::io::stdout().lock();
            for b in backups_of(&db)? {
                writeln!(out, "{}\t{}\t{}", b.created_at, b.meetings, b.path)
                    .map_err(|e| format!("standard output: {e}"))?;
            }
            Ok(())
        }
        Command::RestoreBackup { file } => {
            let db = db_path(cli.db)?;
            let meetings = match Store::open(&db) {
                Ok(mut store) => store.restore_backup(&file),
                Err(Error::Damaged { .. }) => recovery::recover(&db, Recovery::FromBackup(&file))
                    .and_then(|r| {
                        eprintln!(
                            "communique: the damaged archive was set aside as {}",
                            r.set_aside.display()
                        );
                        r.store.count()
                    }),
                Err(e) => Err(e),
            }?;
            println!("{meetings}");
            Ok(())
        }
        Command::List => {
            let store = open(cli.db)?;
            let mut out = std::io::stdout().lock();
            let page = 500;
            let mut offset = 0;
            loop {
                let rows = store.list(page, offset)?;
                for m in &rows {
                    writeln!(out, "{}\t{}\t{}", m.id, m.starts, one_line(&m.title))
                        .map_err(|e| format!("standard output: {e}"))?;
                }
                if rows.len() < page as usize {
                    return Ok(());
                }
                offset += page;
            }
        }
        Command::Search { query, no_private } => {
            let store = open(cli.db)?;
            let private = PrivateNotes::included_if(!no_private);
            let hits = store.search_with(&query.join(" "), 100, private)?;
            let mut out = std::io::stdout().lock();
            for h in hits {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    h.id,
                    h.starts,
                    one_line(&h.title),
                    if h.private {
                        format!("(private note) {}", one_line(&h.snippet))
                    } else {
                        one_line(&h.snippet)
                    }
                )
                .map_err(|e| format!("standard output: {e}"))?;
            }
            Ok(())
        }
        Command::Upgrade { file, output } => {
            let (name, bytes) = read_file(&file)?;
            let meeting = v2::parse_any(&name, &bytes).map_err(|e| e.to_string())?;
            Ok(emit(v2::to_json(&meeting)?.as_bytes(), output.as_deref())?)
        }
        Command::Render {
            file,
            format,
            language,
            output,
        } => {
            let meeting = read_meeting(&file)?;
            let language = language.unwrap_or(meeting.info.languages[0]);
            if !meeting.info.languages.contains(&language) {
                return Err(format!(
                    "{}: --language {}: the meeting is not published in it",
                    file.display(),
                    language.tag()
                )
                .into());
            }
            // A meeting file alone holds no images: its photos' captions go without them.
            if let Some(r) = meeting.release(language) {
                for (i, p) in r.photos.iter().enumerate() {
                    if p.image.is_some() {
                        let at = meeting
                            .releases
                            .iter()
                            .position(|x| x.language == language)
                            .unwrap_or(0);
                        eprintln!(
                            "communique: warning: {}: releases[{at}].photos[{i}] ({}): its image is kept in the archive, not in the meeting file; rendered without it (import the file and export it to embed it)",
                            file.display(),
                            one_line(&p.id)
                        );
                    }
                }
            }
            let bytes = Format::from(format).bytes_v2(&meeting, language)?;
            Ok(emit(&bytes, output.as_deref())?)
        }
    }
}

/// `status`: a line per release, or (with a language) a line per text of that release.
fn report_status(m: &v2::MeetingV2, lang: Option<Language>) -> CliResult {
    let mut out = std::io::stdout().lock();
    let io = |e: std::io::Error| format!("standard output: {e}");
    match lang {
        None => {
            for s in translation::status(m) {
                let of = s.of.map_or("original", |l| l.tag());
                writeln!(
                    out,
                    "{}\t{of}\t{} translated\t{} to translate\t{} outdated",
                    s.language.tag(),
                    s.translated,
                    s.to_translate,
                    s.outdated
                )
                .map_err(io)?;
            }
        }
        Some(l) => {
            let Some(states) = translation::states(m, l) else {
                return Err(format!("the release in {:?} is not a translation", l.tag()).into());
            };
            for t in states {
                let status = match t.status {
                    translation::Status::Translated => "translated",
                    translation::Status::ToTranslate => "to translate",
                    translation::Status::Outdated => "outdated",
                };
                writeln!(out, "{status}\t{}\t{}", t.key, one_line(&t.label)).map_err(io)?;
                for c in &t.checks {
                    writeln!(out, "check\t{}\t{}", t.key, one_line(c)).map_err(io)?;
                }
            }
        }
    }
    Ok(())
}

fn db_path(db: Option<PathBuf>) -> Result<PathBuf, String> {
    db.or_else(paths::default_db_path).ok_or_else(|| {
        format!(
            "no data directory on this system: pass --db PATH or set {}",
            paths::DB_ENV
        )
    })
}

fn open(db: Option<PathBuf>) -> Result<Store, Failure> {
    Ok(Store::open(&db_path(db)?)?)
}

/// The error of a damaged archive at `path`, with the way back: its newest clean backup and the
/// command that restores it, or what to do when there is none. (A damaged backup named to
/// `restore-backup` says so, without the archive's way back.)
fn damaged(path: &Path, e: &Error) -> String {
    let detail = match e {
        Error::Damaged { path: p, .. } if p != &path.display().to_string() => return e.to_string(),
        Error::Damaged { detail, .. } => detail.clone(),
        Error::Sqlite(inner) => inner.to_string(),
        other => other.to_string(),
    };
    let e = Error::Damaged {
        path: path.display().to_string(),
        detail: detail.clone(),
    };
    match Damage::assess(path, &detail) {
        Ok(Damage {
            backup: Some(Backup {
                path: backup,
                created_at,
                meetings,
                ..
            }),
            ..
        }) => format!(
            "{e}; its newest backup is {backup} ({created_at}, {meetings} meeting{s}): restore it with: communique --db {} restore-backup {}",
            quoted(&path.display().to_string()),
            quoted(&backup),
            s = if meetings == 1 { "" } else { "s" },
        ),
        Ok(_) => format!("{e}; no backup of it was found: move the file elsewhere to start a new archive"),
        Err(listing) => format!("{e}; its backups could not be listed: {listing}"),
    }
}

/// A path as one shell word.
fn quoted(s: &str) -> String {
    shlex::try_quote(s).map_or_else(|_| s.to_owned(), |q| q.into_owned())
}

/// A file's name (as errors give it) and bytes; `-` is standard input.
fn read_file(path: &Path) -> Result<(String, Vec<u8>), String> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| format!("-: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{name}: {e}"))?
    };
    Ok((name, bytes))
}

/// A meeting file of either version (v1 upgraded).
fn read_meeting(path: &Path) -> Result<v2::MeetingV2, String> {
    let (name, bytes) = read_file(path)?;
    v2::parse_any(&name, &bytes).map_err(|e| e.to_string())
}

/// `--language`: a release language's tag.
fn language(tag: &str) -> Result<Language, String> {
    Language::from_tag(tag).ok_or_else(|| {
        format!(
            "unsupported language {tag:?}: releases are written in {}",
            Language::supported_tags()
        )
    })
}

/// Standard output, or the file (written whole to a temporary file beside it, synced, then
/// renamed over the target, so a reader never sees half a release).
fn emit(bytes: &[u8], output: Option<&Path>) -> communique_core::Result<()> {
    match output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| Error::Io {
                    path: "standard output".into(),
                    source: e,
                })
        }
        Some(path) => communique_core::write_atomically(path, bytes),
    }
}

/// Titles and snippets on one line, whatever the user typed into them.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r', '\t']).collect::<Vec<_>>().join(" ")
}
