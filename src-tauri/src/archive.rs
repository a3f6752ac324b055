//! The archive the app works on: opened before the window exists, and copied once a day while
//! the app runs (core's `daily_backup`, which keeps seven).
//!
//! A damaged archive does not stop the app silently: a native dialog says so and offers to
//! restore the newest backup (its date, its meetings) or to start a new archive; core sets the
//! damaged file aside, renamed and untouched, and does the rest. The window, and with it the UI,
//! only opens once there is an archive to show. An archive that is refused (not ours, newer) is
//! reported in a dialog too, then the app quits.
//!
//! Test-only: `COMMUNIQUE_RECOVERY_CHOICE` answers the damaged-archive dialog without showing it
//! (`restore`: the newest backup, `new`: a new archive, anything else: quit), and a refused
//! archive is then reported on standard error only, so that the real binary can be tested without
//! a person at the screen. Nothing else should set it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use communique_core::store::recovery::{self, Damage, Recovery};
use communique_core::{clock, Error, Store};
use tauri::{App, AppHandle, Manager, WebviewWindowBuilder};
use tauri_plugin_dialog::{
    DialogExt, MessageDialogButtons, MessageDialogKind, MessageDialogResult,
};

use crate::lifecycle;
use crate::state::{self, AppState};

/// Answers the damaged-archive dialog in tests: `restore` (the newest backup), `new`, or quit.
pub const RECOVERY_CHOICE_ENV: &str = "COMMUNIQUE_RECOVERY_CHOICE";

/// The longest the app goes without looking whether the day changed and a new daily backup is
/// due: a sleep or suspend of the machine, or its clock set forward, is noticed within it.
const BACKUP_CHECK: Duration = Duration::from_secs(60);
/// How long after midnight (by core's clock) the next day's backup is made.
const PAST_MIDNIGHT: Duration = Duration::from_millis(500);

const RESTORE: &str = "Restore the backup";
const START_NEW: &str = "Start a new archive";
const QUIT: &str = "Quit";

/// Where the app starts, from the setup hook: the archive, then the window.
pub struct Start {
    pub db: PathBuf,
    pub started: Instant,
    pub smoke: bool,
}

impl Start {
    pub fn run(self, app: &App) -> tauri::Result<()> {
        let handle = app.handle().clone();
        // The day's backup checks every page first: damage the cheap check at open cannot see
        // is found here, once a day, before the window opens.
        match lifecycle::open_store(&self.db).and_then(backed_up) {
            Ok(store) => self.ready(&handle, store),
            Err(Error::Damaged { detail, .. }) => {
                self.damaged(handle, &detail);
                Ok(())
            }
            Err(e) => {
                let message = state::open_error(&self.db, e).message;
                quit(&handle, "Communiqué cannot open its archive", &message);
                Ok(())
            }
        }
    }

    /// The archive is open and today's backup made: the window.
    fn ready(self, app: &AppHandle, store: Store) -> tauri::Result<()> {
        app.manage(AppState::new(store, self.started, self.smoke));
        keep_daily_backups(app.clone());
        let config = app
            .config()
            .app
            .windows
            .iter()
            .find(|w| w.label == "main")
            .cloned()
            .ok_or_else(|| tauri::Error::WindowNotFound)?;
        WebviewWindowBuilder::from_config(app, &config)?.build()?;
        Ok(())
    }

    /// Asks what to do (or takes the test's answer), then lets core recover.
    fn damaged(self, app: AppHandle, detail: &str) {
        let damage = match Damage::assess(&self.db, detail) {
            Ok(d) => d,
            Err(e) => {
                let message = format!("{}: the archive is damaged ({detail}), and its backups could not be listed: {e}", self.db.display());
                return quit(&app, "Communiqué: the archive is damaged", &message);
            }
        };
        if let Ok(choice) = std::env::var(RECOVERY_CHOICE_ENV) {
            let choice = match choice.as_str() {
                "restore" => Choice::Restore,
                "new" => Choice::StartNew,
                _ => Choice::Quit,
            };
            return self.recover(&app, &damage, choice);
        }
        let (text, buttons) = match &damage.backup {
            Some(b) => (
                format!(
                    "{}\n\nThe newest backup is from {}; it holds {}. Restore it, or start a new, empty archive?",
                    what_happened(&damage),
                    local_time(&b.created_at),
                    plural(b.meetings, "meeting"),
                ),
                MessageDialogButtons::YesNoCancelCustom(
                    RESTORE.into(),
                    START_NEW.into(),
                    QUIT.into(),
                ),
            ),
            None => (
                format!(
                    "{}\n\nNo backup of it was found. Start a new, empty archive?",
                    what_happened(&damage)
                ),
                MessageDialogButtons::OkCancelCustom(START_NEW.into(), QUIT.into()),
            ),
        };
        let handle = app.clone();
        app.dialog()
            .message(text)
            .title("Communiqué: the archive is damaged")
            .kind(MessageDialogKind::Warning)
            .buttons(buttons)
            .show_with_result(move |answer| {
                let choice = match answer {
                    MessageDialogResult::Custom(s) if s == RESTORE => Choice::Restore,
                    MessageDialogResult::Custom(s) if s == START_NEW => Choice::StartNew,
                    _ => Choice::Quit,
                };
                self.recover(&handle, &damage, choice);
            });
    }

    fn recover(self, app: &AppHandle, damage: &Damage, choice: Choice) {
        let how = match (choice, &damage.backup) {
            (Choice::Restore, Some(b)) => Recovery::FromBackup(Path::new(&b.path)),
            (Choice::StartNew, _) => Recovery::StartNew,
            (Choice::Restore, None) | (Choice::Quit, _) => {
                eprintln!(
                    "communique-desktop: {}: the archive is damaged ({}); left untouched",
                    damage.path.display(),
                    damage.detail
                );
                return app.exit(1);
            }
        };
        let started = match recovery::recover(&damage.path, how) {
            Ok(r) => {
                eprintln!(
                    "communique-desktop: the damaged archive was set aside as {}",
                    r.set_aside.display()
                );
                back_up(app, &r.store);
                self.ready(app, r.store)
            }
            Err(e) => {
                let message = format!("The archive could not be recovered: {e}");
                return quit(app, "Communiqué: the archive is damaged", &message);
            }
        };
        if let Err(e) = started {
            eprintln!("communique-desktop: {e}");
            app.exit(1);
        }
    }
}

#[derive(Clone, Copy)]
enum Choice {
    Restore,
    StartNew,
    Quit,
}

fn what_happened(damage: &Damage) -> String {
    let name = damage
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(
        "Communiqué cannot read its archive: the file is damaged ({}).\n\n{}\n\nThe damaged file will be kept next to it, renamed {name}.damaged-<time>; nothing in it is deleted.",
        damage.detail,
        damage.path.display(),
    )
}

/// Reports why the app cannot start, in a dialog a person can read (standard error only under
/// `COMMUNIQUE_RECOVERY_CHOICE`), then quits.
fn quit(app: &AppHandle, title: &str, message: &str) {
    eprintln!("communique-desktop: {message}");
    if std::env::var_os(RECOVERY_CHOICE_ENV).is_some() {
        return app.exit(1);
    }
    let handle = app.clone();
    app.dialog()
        .message(message)
        .title(title)
        .kind(MessageDialogKind::Error)
        .show(move |_| handle.exit(1));
}

/// At start: today's backup, if it is not made yet. A damaged archive is refused (the dialog
/// that offers a backup follows); any other failure is reported and the app goes on, the
/// archive itself untouched by it.
fn backed_up(store: Store) -> Result<Store, Error> {
    match store.daily_backup() {
        Err(e @ Error::Damaged { .. }) => Err(e),
        Err(e) => {
            eprintln!("communique-desktop: today's backup of the archive could not be made: {e}");
            Ok(store)
        }
        Ok(_) => Ok(store),
    }
}

/// While the app runs: today's backup, if due. Damage found then is said in a dialog (the
/// archive stays open, so that the open meeting can still be saved as a meeting file).
fn back_up(app: &AppHandle, store: &Store) {
    match store.daily_backup() {
        Ok(_) => {}
        Err(e @ Error::Damaged { .. }) => {
            eprintln!("communique-desktop: {e}");
            app.dialog()
                .message(format!(
                    "{e}.\n\nToday's backup was not made, and the backups already made are kept. Keep the meeting you are working on in a meeting file (Export ▸ Meeting file), then quit and start Communiqué again: it will offer to restore the newest backup."
                ))
                .title("Communiqué: the archive is damaged")
                .kind(MessageDialogKind::Warning)
                .show(|_| {});
        }
        Err(e) => {
            eprintln!("communique-desktop: today's backup of the archive could not be made: {e}")
        }
    }
}

/// For an app left open overnight: wakes just after the next midnight by core's clock (or after
/// `BACKUP_CHECK`, if that is sooner) and makes the new day's backup, if it is due.
fn keep_daily_backups(app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("daily-backups".into())
        .spawn(move || loop {
            std::thread::sleep(next_check(clock::now()));
            back_up(&app, &app.state::<AppState>().store());
        });
    if let Err(e) = spawned {
        eprintln!("communique-desktop: daily backups will not be made while the app runs: {e}");
    }
}

/// How long to sleep before looking again: until just past the next midnight, at most
/// `BACKUP_CHECK`. Midnight is taken in the offset in force now; where the offset changes
/// overnight (summer time) the cap makes up for it.
fn next_check(now: DateTime<FixedOffset>) -> Duration {
    (clock::until_tomorrow(now) + PAST_MIDNIGHT).min(BACKUP_CHECK)
}

/// `2026-10-14T15:20:00Z` → `14 October 2026 at 17:20` (local time).
fn local_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339).map_or_else(
        |_| rfc3339.to_owned(),
        |t| {
            t.with_timezone(&chrono::Local)
                .format("%-d %B %Y at %H:%M")
                .to_string()
        },
    )
}

fn plural(n: i64, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

#[cfg(test)]
mod tests {
    use super::{next_check, BACKUP_CHECK, PAST_MIDNIGHT};
    use chrono::DateTime;
    use std::time::Duration;

    #[test]
    fn the_backup_thread_wakes_just_past_midnight_and_at_least_every_minute() {
        let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(
            next_check(t("2031-03-01T23:59:55+02:00")),
            Duration::from_secs(5) + PAST_MIDNIGHT
        );
        assert_eq!(next_check(t("2031-03-01T23:58:00+02:00")), BACKUP_CHECK);
        assert_eq!(next_check(t("2031-03-01T12:00:00Z")), BACKUP_CHECK);
        // Woken a hair early (the wall clock and the sleep disagree): soon again, never a spin.
        assert_eq!(
            next_check(t("2031-03-01T23:59:59.999+02:00")),
            Duration::from_millis(1) + PAST_MIDNIGHT
        );
    }
}
