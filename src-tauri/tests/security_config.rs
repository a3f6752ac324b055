//! The desktop app's security configuration, as reviewed: a strict CSP with no remote origins,
//! only the reviewed window, and only the reviewed permissions (no fs or shell plugin). A change
//! to any of them fails here until this list is reviewed too.

#![allow(clippy::unwrap_used)] // A test: a panic is the failure report.

use serde_json::Value;

const REVIEWED_PERMISSIONS: &[&str] = &["core:event:allow-listen", "core:event:allow-unlisten"];

fn json(path: &str) -> Value {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn is_remote(source: &str) -> bool {
    let s = source.trim_matches('\'').to_ascii_lowercase();
    (s.starts_with("http:") || s.starts_with("https:") || s.starts_with("ws:") || s.starts_with("wss:") || s == "*" || s.starts_with("*."))
        // Tauri's own IPC endpoint on Linux/Windows is served locally by the app, and so is the
        // `photo:` scheme (the archive's images; `http://photo.localhost` is its Windows form).
        && s != "http://ipc.localhost"
        && s != "http://photo.localhost"
}

#[test]
fn the_csp_is_strict_and_local() {
    let conf = json("tauri.conf.json");
    let csp = &conf["app"]["security"]["csp"];
    assert!(
        csp.is_object(),
        "a CSP must be set (null disables it): {csp}"
    );
    for (directive, value) in csp.as_object().unwrap() {
        for source in value.as_str().unwrap().split_whitespace() {
            assert!(
                !is_remote(source),
                "{directive} allows a remote source: {source}"
            );
            assert_ne!(source, "'unsafe-eval'", "{directive} allows eval");
            if directive == "script-src" || directive == "default-src" {
                assert_ne!(
                    source, "'unsafe-inline'",
                    "{directive} allows inline scripts"
                );
            }
        }
    }
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    let devtools = &conf["app"]["windows"][0]["devtools"];
    assert!(devtools.is_null() || devtools == &Value::Bool(false));
}

#[test]
fn windows_are_the_reviewed_ones() {
    let conf = json("tauri.conf.json");
    let labels: Vec<&str> = conf["app"]["windows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["main"]);
    for w in conf["app"]["windows"].as_array().unwrap() {
        assert!(
            w.get("url")
                .is_none_or(|u| !is_remote(u.as_str().unwrap_or(""))),
            "remote window url: {w}"
        );
    }
}

#[test]
fn capabilities_grant_only_reviewed_permissions() {
    let dir = format!("{}/capabilities", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let cap: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let name = file.display();
        let windows: Vec<&str> = cap["windows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        assert!(
            !windows.contains(&"*"),
            "{name}: a capability for every window"
        );
        assert_eq!(windows, ["main"], "{name}");
        assert!(
            cap.get("remote").is_none(),
            "{name}: remote URLs get no capability"
        );
        for p in cap["permissions"].as_array().unwrap() {
            let id = p
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| p["identifier"].as_str().unwrap().to_owned());
            assert!(
                !id.starts_with("fs:") && !id.starts_with("shell:"),
                "{name}: {id}"
            );
            assert!(
                REVIEWED_PERMISSIONS.contains(&id.as_str()),
                "{name}: {id} is not in the reviewed list"
            );
        }
    }
}

#[test]
fn no_fs_or_shell_plugin_is_linked() {
    let manifest =
        std::fs::read_to_string(format!("{}/Cargo.toml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for plugin in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-opener",
    ] {
        assert!(!manifest.contains(plugin), "{plugin} is linked");
    }
}

#[test]
fn the_checks_see_a_bad_config() {
    assert!(is_remote("https://cdn.example"));
    assert!(is_remote("*"));
    assert!(!is_remote("'self'"));
    assert!(!is_remote("http://ipc.localhost"));
}
