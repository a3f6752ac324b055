//! Any bytes as a meeting file: parse never panics, and whatever parses exports canonically
//! (export → parse → export gives the same bytes).
#![no_main]

use communique_core::meeting_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(m) = meeting_file::parse("fuzz.json", data) {
        let once = meeting_file::to_json(&m).unwrap();
        let back = meeting_file::parse("export.json", once.as_bytes()).expect("an export parses");
        assert_eq!(back, m);
        assert_eq!(meeting_file::to_json(&back).unwrap(), once);
    }
});
