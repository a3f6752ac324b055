//! English (British spelling, the EU Interinstitutional Style Guide's English section and the
//! Chicago Manual of Style's abbreviations): `“…,” said Ms Ruiz`, `‘…’` inside; dates from CLDR
//! `en-GB` (`27 April 2018`).

use super::{cldr, Apposition, Incise, Order, Table};

pub(super) static TABLE: Table = Table {
    tag: "en",
    open_quote: "\u{201c}",
    close_quote: "\u{201d}",
    quote_padding: "",
    comma_inside_quotes: true,
    incise_comma: ",",
    comma_after_marks: false,
    incise_dash: "",
    stop_inside_quotes: true,
    default_verb: "said",
    feminine: None,
    months: cldr::EN.months,
    // The Chicago Manual of Style's abbreviations (the first of its systems, with full stops),
    // not CLDR's (`Apr`, `Sept` without a stop).
    months_abbreviated: [
        "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ],
    date_pattern: cldr::EN.long_date,
    first_day_suffix: "",
    updated_label: "Updated:",
    photo_label: "Photo:",
    nbsp_before: &[],
    nbsp_after: &[],
    narrow_before: &[],
    hour_mark: None,
    secondary_open: "\u{2018}",
    secondary_close: "\u{2019}",
    incise: Incise {
        verb_first: Order::VerbSubject,
        subject_first: Order::SubjectVerb,
        pronoun: Order::SubjectVerb,
    },
    inversion: None,
    colon: ":",
    that: "that",
    added: "{} added",
    dateline_dash: "\u{2013}",
    byline_dash: "\u{2014} ",
    apposition: Apposition {
        mark: ",",
        close: Some(","),
    },
    embargo_label: "Embargoed until",
    contact_label: "Media enquiries",
    notes_label: "Notes to editors",
    status_lines: [
        "Draft – not for publication",
        "For clearance – not for publication",
        "Cleared – not yet published",
    ],
    correction_label: "Correction",
};
