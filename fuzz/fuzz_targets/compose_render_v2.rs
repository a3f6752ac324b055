//! Any text in every field a v2 release prints (`fuzzing::meeting_v2_with_text`: label, deck,
//! dateline place, link phrases and targets, bylines, statements, lists, captions, credits,
//! contact, notes to editors, boilerplate, in English and French): compose and every renderer
//! finish, the same twice; the HTML holds only the renderer's own tags and attributes, links only
//! to addresses the reader takes, and one script (the JSON-LD, which parses); private notes and
//! quotes off the record stay out.
#![no_main]

use communique_core::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzzing::check_v2_text(&String::from_utf8_lossy(data));
});
