//! The repository is self-contained: a clone has everything its files refer to. The product's
//! contract is docs/meeting-file.md, not a document beside the repository.

use std::path::Path;
use std::process::Command;

/// What a reference to a document outside the repository looks like. Built from pieces so that
/// this file does not match itself.
fn outside_references() -> Vec<String> {
    vec![
        ["..", "/shared"].concat(),
        ["spec", " section"].concat(),
        ["meeting-file", "-v1.md"].concat(),
    ]
}

/// A line naming an issue by number: the project's issues are not in the repository either.
fn names_an_issue(line: &str) -> bool {
    let lower = line.to_lowercase();
    let word = ["issue", " "].concat();
    lower.match_indices(&word).any(|(i, w)| {
        lower[i + w.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

#[test]
fn no_file_refers_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let listed = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(&root)
        .output()
        .expect("git lists the repository's files");
    assert!(listed.status.success(), "git ls-files failed");
    let needles = outside_references();
    let mut found = Vec::new();
    for name in String::from_utf8(listed.stdout).unwrap().split('\0') {
        if name.is_empty() {
            continue;
        }
        let Ok(bytes) = std::fs::read(root.join(name)) else {
            continue; // listed but deleted in the work tree
        };
        let text = String::from_utf8_lossy(&bytes);
        for (line, content) in text.lines().enumerate() {
            if needles.iter().any(|n| content.contains(n.as_str())) || names_an_issue(content) {
                found.push(format!("{name}:{}: {}", line + 1, content.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "files refer to documents a clone does not have; point to docs/meeting-file.md (by section \
         name) instead:\n{}",
        found.join("\n")
    );
}
