//! Any text in every field of a valid meeting: compose and every renderer finish, the HTML holds
//! exactly one script (the JSON-LD) and no raw `<` from user text, and private notes stay out.
#![no_main]

use communique_core::{fuzzing, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let m = fuzzing::meeting_with_text(&text);
    let html = Format::Html.render(&m).unwrap();
    fuzzing::check_html(&html, &text);
    let _ = Format::Markdown.render(&m).unwrap();
});
