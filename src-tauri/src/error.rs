//! What the UI receives when a command fails: `{ "code": "...", "message": "..." }`, never a bare
//! string. The code is core's `Code`; the message is the one line core wrote, naming file, field
//! and value. A dialog the user cancelled is not an error: the command resolves with `null`.

use communique_core::Code;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AppError {
    pub code: Code,
    pub message: String,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: Code, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
        }
    }
}

impl From<communique_core::Error> for AppError {
    fn from(e: communique_core::Error) -> AppError {
        AppError::new(e.code(), e.to_string())
    }
}

impl From<communique_core::meeting_file::FileError> for AppError {
    fn from(e: communique_core::meeting_file::FileError) -> AppError {
        communique_core::Error::from(e).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let e: AppError = communique_core::Error::NotFound(7).into();
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"not_found","message":"no meeting with id 7"}"#
        );
        let e: AppError = communique_core::Error::Conflict {
            id: 3,
            expected: 4,
            found: 5,
        }
        .into();
        assert_eq!(serde_json::to_value(&e).unwrap()["code"], "conflict");
    }

    #[test]
    fn a_refused_meeting_names_the_field() {
        let doc = serde_json::json!({"format": "communique.meeting.v1",
            "meeting": {"title": "T", "language": "xx", "starts": "2026-01-01"}, "agenda": []});
        let e: AppError = communique_core::meeting_file::from_value("the editor", &doc)
            .unwrap_err()
            .into();
        assert_eq!(e.code, Code::InvalidInput);
        assert!(
            e.message.starts_with("the editor: meeting.language: "),
            "{}",
            e.message
        );
    }
}
