//! The time, as every part of Communiqué reads it: version times, stamps on the copies of the
//! archive, the day a daily backup belongs to.
//!
//! Test-only: `COMMUNIQUE_NOW` (RFC 3339, such as `2030-01-02T09:00:00+01:00`) makes a whole
//! process (the CLI, the desktop app) live at that instant, so a test of a real binary can start it
//! "a day later". Nothing but tests should set it; an unreadable value is ignored.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc};

/// The variable tests set to choose the time.
pub const NOW_ENV: &str = "COMMUNIQUE_NOW";

/// Now, in the local time zone (or in the offset `COMMUNIQUE_NOW` was written with).
pub fn now() -> DateTime<FixedOffset> {
    std::env::var(NOW_ENV)
        .ok()
        .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
        .unwrap_or_else(|| Local::now().fixed_offset())
}

/// Now, in UTC.
pub fn now_utc() -> DateTime<Utc> {
    now().with_timezone(&Utc)
}

/// Today's date where the user is.
pub fn today() -> NaiveDate {
    now().date_naive()
}
