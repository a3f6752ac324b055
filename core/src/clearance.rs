//! A release's way to publication: its status, and which changes of status are allowed. The
//! store keeps the status and the sign-off log (`store/status.rs`); the rules are here, pure, for
//! the CLI and the app alike.
//!
//! ```text
//! draft ──> ready for clearance ──> cleared ──> published ──> corrected ─┐
//!   ^  <──────────┘  <───────────────┘   ^ (cleared again)   ^           │
//!   └──────────────────────────────────  └───────────────┘   └───────────┘
//! ```
//!
//! A release no one has given a status to has none (`None`): it is written as it always was,
//! without a status line. Draft, ready for clearance and cleared are said at the top of every
//! export ("Draft – not for publication"); published and corrected are not (a corrected release
//! carries its correction notes instead).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename = "ReleaseStatus", rename_all = "snake_case")]
pub enum Status {
    Draft,
    /// Sent to the spokesperson (or whoever clears the office's releases).
    ReadyForClearance,
    /// Someone cleared this exact text (the sign-off log keeps it).
    Cleared,
    Published,
    /// Published, then corrected (`Store::correct`): the correction notes say what changed.
    Corrected,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::ReadyForClearance,
        Status::Cleared,
        Status::Published,
        Status::Corrected,
    ];

    /// As the CLI and the store write it: `draft`, `ready`, `cleared`, `published`, `corrected`.
    pub fn tag(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::ReadyForClearance => "ready",
            Status::Cleared => "cleared",
            Status::Published => "published",
            Status::Corrected => "corrected",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.tag() == tag)
    }

    /// In words, for the CLI and the history: `Ready for clearance`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::ReadyForClearance => "Ready for clearance",
            Status::Cleared => "Cleared",
            Status::Published => "Published",
            Status::Corrected => "Corrected",
        }
    }

    /// Whether exports say it at the top (the release is not yet public).
    pub fn is_before_publication(self) -> bool {
        matches!(
            self,
            Status::Draft | Status::ReadyForClearance | Status::Cleared
        )
    }
}

/// Whether a release may go from `from` to `to` by `Store::set_status`; the reason in words when
/// not. Clearing again (`cleared` → `cleared`) records a new sign-off of the text as it reads now;
/// `corrected` is reached only by a correction (`Store::correct`), which says what changed.
pub fn check_move(from: Option<Status>, to: Status) -> Result<(), String> {
    use Status::*;
    let from_name = from.map_or("no status", Status::name);
    let ok = match (from, to) {
        (_, Corrected) => {
            return Err(
                "a release becomes corrected by a correction (communique correct), which says what changed"
                    .into(),
            )
        }
        (None | Some(Draft), Draft) => from.is_none(),
        (None | Some(Draft), ReadyForClearance | Cleared) => true,
        (Some(ReadyForClearance), Draft | Cleared) => true,
        (Some(Cleared), Draft | Cleared | Published) => true,
        (Some(Published | Corrected), _) => {
            return Err(format!(
                "the release is {}: it was published, so it can only be corrected (communique correct)",
                from_name.to_lowercase()
            ))
        }
        (None | Some(Draft) | Some(ReadyForClearance), Published) => {
            return Err(format!(
                "the release is {}: it is published once cleared",
                from_name.to_lowercase()
            ))
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "the release is already {}",
            from_name.to_lowercase()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_to_publication() {
        use Status::*;
        let allowed = [
            (None, Draft),
            (None, ReadyForClearance),
            (None, Cleared),
            (Some(Draft), ReadyForClearance),
            (Some(Draft), Cleared),
            (Some(ReadyForClearance), Draft),
            (Some(ReadyForClearance), Cleared),
            (Some(Cleared), Draft),
            (Some(Cleared), Cleared),
            (Some(Cleared), Published),
        ];
        for from in [None].into_iter().chain(Status::ALL.map(Some)) {
            for to in Status::ALL {
                assert_eq!(
                    check_move(from, to).is_ok(),
                    allowed.contains(&(from, to)),
                    "{from:?} -> {to:?}: {:?}",
                    check_move(from, to)
                );
            }
        }
        assert!(check_move(Some(Published), Draft)
            .unwrap_err()
            .contains("can only be corrected"));
        assert!(check_move(Some(ReadyForClearance), Published)
            .unwrap_err()
            .contains("once cleared"));
    }

    #[test]
    fn tags_read_back() {
        for s in Status::ALL {
            assert_eq!(Status::from_tag(s.tag()), Some(s));
        }
        assert_eq!(Status::from_tag("Cleared"), None);
    }
}
