//! The sample meeting, written for Communiqué, in both languages: the app's first start shows it,
//! and tests and benchmarks use it.

use crate::meeting_file;
use crate::model::Meeting;

pub const SAMPLE_EN: &str = include_str!("../samples/water-council-en.meeting.json");
pub const SAMPLE_FR: &str = include_str!("../samples/water-council-fr.meeting.json");

pub fn sample_en() -> Meeting {
    parse_embedded("water-council-en.meeting.json", SAMPLE_EN)
}

pub fn sample_fr() -> Meeting {
    parse_embedded("water-council-fr.meeting.json", SAMPLE_FR)
}

fn parse_embedded(name: &str, text: &str) -> Meeting {
    // The samples are compiled in and covered by tests; a broken one is a build defect.
    #[allow(clippy::expect_used)]
    meeting_file::parse(name, text.as_bytes()).expect("embedded sample meeting is valid")
}
