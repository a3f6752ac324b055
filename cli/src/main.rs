//! `communique`: the archive from the command line (docs/meeting-file.md, "The command line").
//! Every command is a few lines over communique-core; errors are one line on stderr and a non-zero
//! exit, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use communique_core::{meeting_file, paths, Format, MeetingId, Store};

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
    /// Write a stored meeting's release (html, md) or its meeting file (json).
    Export {
        id: MeetingId,
        #[arg(long, value_enum)]
        format: OutFormat,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// One meeting a line, newest first: id, date, title (tab-separated).
    List,
    /// Matching meetings, best first: id, date, title, snippet (tab-separated).
    Search {
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
    },
    /// A meeting's release versions, newest first: number, time, reason, headline (tab-separated).
    History { id: MeetingId },
    /// Put a meeting back as it was at a version (itself recorded as a new version); prints the
    /// new version's number.
    Restore { id: MeetingId, version: i64 },
    /// A meeting file straight to a release, without the database.
    Render {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ReleaseFormat,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Html,
    Md,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReleaseFormat {
    Html,
    Md,
}

impl From<OutFormat> for Format {
    fn from(f: OutFormat) -> Format {
        match f {
            OutFormat::Html => Format::Html,
            OutFormat::Md => Format::Markdown,
            OutFormat::Json => Format::Json,
        }
    }
}

impl From<ReleaseFormat> for Format {
    fn from(f: ReleaseFormat) -> Format {
        match f {
            ReleaseFormat::Html => Format::Html,
            ReleaseFormat::Md => Format::Markdown,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("communique: {message}");
            ExitCode::FAILURE
        }
    }
}

type CliResult = Result<(), String>;

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
            let revision = store.revision(id).map_err(|e| e.to_string())?;
            store
                .save(id, revision, &meeting)
                .map_err(|e| e.to_string())?;
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
                let id = store.insert(m).map_err(|e| e.to_string())?;
                // Printed only once committed, and flushed: a printed id is a stored meeting.
                writeln!(out, "{id}")
                    .and_then(|()| out.flush())
                    .map_err(|e| format!("standard output: {e}"))?;
            }
            Ok(())
        }
        Command::Export { id, format, output } => {
            let mut store = open(cli.db)?;
            let meeting = store.meeting_for_export(id).map_err(|e| e.to_string())?;
            let format = Format::from(format);
            emit(&format.render(&meeting), output.as_deref())?;
            // Every export is a version of the release (when it reads differently from the last).
            store
                .record_version(id, &format!("export {}", format.extension()))
                .map_err(|e| e.to_string())?;
            Ok(())
        }
        Command::History { id } => {
            let store = open(cli.db)?;
            let mut out = std::io::stdout().lock();
            for v in store.versions(id).map_err(|e| e.to_string())? {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    v.number,
                    v.created_at,
                    one_line(&v.reason),
                    one_line(&v.headline)
                )
                .map_err(|e| format!("standard output: {e}"))?;
            }
            Ok(())
        }
        Command::Restore { id, version } => {
            let mut store = open(cli.db)?;
            let number = store.restore(id, version).map_err(|e| e.to_string())?;
            println!("{number}");
            Ok(())
        }
        Command::List => {
            let store = open(cli.db)?;
            let mut out = std::io::stdout().lock();
            let page = 500;
            let mut offset = 0;
            loop {
                let rows = store.list(page, offset).map_err(|e| e.to_string())?;
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
        Command::Search { query } => {
            let store = open(cli.db)?;
            let hits = store
                .search(&query.join(" "), 100)
                .map_err(|e| e.to_string())?;
            let mut out = std::io::stdout().lock();
            for h in hits {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    h.id,
                    h.starts,
                    one_line(&h.title),
                    one_line(&h.snippet)
                )
                .map_err(|e| format!("standard output: {e}"))?;
            }
            Ok(())
        }
        Command::Render {
            file,
            format,
            output,
        } => {
            let meeting = read_meeting(&file)?;
            emit(&Format::from(format).render(&meeting), output.as_deref())
        }
    }
}

fn open(db: Option<PathBuf>) -> Result<Store, String> {
    let path = db.or_else(paths::default_db_path).ok_or_else(|| {
        format!(
            "no data directory on this system: pass --db PATH or set {}",
            paths::DB_ENV
        )
    })?;
    Store::open(&path).map_err(|e| e.to_string())
}

fn read_meeting(path: &Path) -> Result<communique_core::Meeting, String> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| format!("-: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{name}: {e}"))?
    };
    meeting_file::parse(&name, &bytes).map_err(|e| e.to_string())
}

/// Standard output, or the file (written whole to a temporary file beside it, synced, then
/// renamed over the target, so a reader never sees half a release).
fn emit(text: &str, output: Option<&Path>) -> CliResult {
    match output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("standard output: {e}"))
        }
        Some(path) => {
            communique_core::write_atomically(path, text.as_bytes()).map_err(|e| e.to_string())
        }
    }
}

/// Titles and snippets on one line, whatever the user typed into them.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r', '\t']).collect::<Vec<_>>().join(" ")
}
