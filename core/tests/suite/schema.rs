//! The meeting file's JSON Schema is generated from the model and committed
//! (docs/meeting-file.schema.json), so that other programs can check a file without Communiqué.
//! Checking files against it with an independent validator is `tests/schema/check.py`.

use std::path::{Path, PathBuf};

use communique_core::{meeting_file, v2};

fn committed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(name)
}

/// The schema generated now is the one committed as `docs/<name>`.
fn is_current(name: &str, schema: serde_json::Value) {
    let fresh = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(committed(name), &fresh).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(committed(name)).unwrap_or_default();
    assert!(
        on_disk == fresh,
        "docs/{name} is stale: the meeting file's types changed. Regenerate it with \
         `UPDATE_GENERATED=1 cargo test -p communique-core --test suite schema`, review the \
         diff (and the docs that describe the file), and commit it."
    );
}

#[test]
fn the_committed_schema_is_current() {
    is_current("meeting-file.schema.json", meeting_file::json_schema());
}

#[test]
fn the_committed_v2_schema_is_current() {
    is_current("meeting-file-v2.schema.json", v2::json_schema());
}

#[test]
fn the_v2_schema_refuses_unknown_fields_everywhere() {
    let schema = v2::json_schema();
    let defs = schema["$defs"].as_object().unwrap();
    let objects: Vec<(&str, &serde_json::Value)> = std::iter::once(("MeetingFileV2", &schema))
        .chain(defs.iter().map(|(k, v)| (k.as_str(), v)))
        .filter(|(_, s)| s["type"] == "object")
        .collect();
    assert!(objects.len() >= 18, "{}", objects.len());
    for (name, s) in objects {
        assert_eq!(s["additionalProperties"], false, "{name}");
    }
}

#[test]
fn the_schema_refuses_unknown_fields_everywhere() {
    let schema = meeting_file::json_schema();
    let defs = schema["$defs"].as_object().unwrap();
    let objects: Vec<(&str, &serde_json::Value)> = std::iter::once(("MeetingFile", &schema))
        .chain(defs.iter().map(|(k, v)| (k.as_str(), v)))
        .filter(|(_, s)| s["type"] == "object")
        .collect();
    assert!(objects.len() >= 7, "{objects:?}");
    for (name, s) in objects {
        assert_eq!(s["additionalProperties"], false, "{name}");
    }
}
