//! The time, as every part of Communiqué reads it: version times, stamps on the copies of the
//! archive, the day a daily backup belongs to.
//!
//! Test-only: `COMMUNIQUE_NOW` (RFC 3339, such as `2030-01-02T09:00:00+01:00`) sets a whole
//! process's clock (the CLI's, the desktop app's), so a test of a real binary can start it "a day
//! later", or a few seconds before midnight. The clock reads that instant when it is first read
//! in the process (as it starts: opening the archive) and runs on from there, at the pace of the
//! monotonic clock; it is never frozen, so a test can watch the day change in a running app. Its
//! offset is the one the value was written with: that is where "today" is. The variable is read
//! once per process. Nothing but tests should set it; an unreadable value is ignored.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local, NaiveDate, TimeDelta, Utc};

/// The variable tests set to choose the time.
pub const NOW_ENV: &str = "COMMUNIQUE_NOW";

/// `COMMUNIQUE_NOW` and the moment the clock was first read, if the variable is set.
static SET: OnceLock<Option<(DateTime<FixedOffset>, Instant)>> = OnceLock::new();

/// Now, in the local time zone (or in the offset `COMMUNIQUE_NOW` was written with).
pub fn now() -> DateTime<FixedOffset> {
    let set = SET.get_or_init(|| {
        std::env::var(NOW_ENV)
            .ok()
            .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
            .map(|start| (start, Instant::now()))
    });
    match set {
        Some((start, at)) => running(*start, at.elapsed()),
        None => Local::now().fixed_offset(),
    }
}

/// A set clock, `elapsed` after it started at `start`.
fn running(start: DateTime<FixedOffset>, elapsed: Duration) -> DateTime<FixedOffset> {
    TimeDelta::from_std(elapsed)
        .ok()
        .and_then(|d| start.checked_add_signed(d))
        .unwrap_or(start)
}

/// Now, in UTC.
pub fn now_utc() -> DateTime<Utc> {
    now().with_timezone(&Utc)
}

/// Today's date where the user is.
pub fn today() -> NaiveDate {
    now().date_naive()
}

/// How long until the next day begins (midnight in `now`'s offset).
pub fn until_tomorrow(now: DateTime<FixedOffset>) -> Duration {
    let midnight = now
        .date_naive()
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| t.and_local_timezone(*now.offset()).single());
    midnight
        .and_then(|m| (m - now).to_std().ok())
        .unwrap_or(Duration::ZERO)
}

#[cfg(test)]
mod tests {
    use super::{running, until_tomorrow};
    use chrono::DateTime;
    use std::time::Duration;

    #[test]
    fn a_set_clock_runs_on_from_where_it_was_set() {
        let start = DateTime::parse_from_rfc3339("2031-03-01T23:59:55+02:00").unwrap();
        assert_eq!(running(start, Duration::ZERO), start);
        let later = running(start, Duration::from_millis(6500));
        assert_eq!(later.to_rfc3339(), "2031-03-02T00:00:01.500+02:00");
        assert_eq!(
            later.date_naive().to_string(),
            "2031-03-02",
            "the next day, in its offset"
        );
    }

    #[test]
    fn tomorrow_begins_at_midnight_in_the_clocks_offset() {
        let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(
            until_tomorrow(t("2031-03-01T23:59:55+02:00")),
            Duration::from_secs(5)
        );
        assert_eq!(
            until_tomorrow(t("2031-03-01T23:59:59.250-05:00")),
            Duration::from_millis(750)
        );
        assert_eq!(
            until_tomorrow(t("2031-03-02T00:00:00Z")),
            Duration::from_secs(86_400),
            "at midnight sharp, the day has begun"
        );
        assert_eq!(
            until_tomorrow(t("2031-03-01T12:00:00Z")),
            Duration::from_secs(12 * 3600)
        );
    }
}
