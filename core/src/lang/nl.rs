//! Dutch, after the Taalunie's Taaladvies ("Aanhalingstekens", "Datum") and the EU
//! Interinstitutional Style Guide's Dutch section (Interinstitutionele stijlgids): `“…”, zei
//! minister De Vries`, `zei ze`, `‘…’` inside, the full stop of a whole quoted sentence inside
//! the marks. CLDR's `nl` marks are `‘…’` outside and `“…”` inside; the Taalunie allows
//! either, and the table takes the double marks outside so that a closing mark is never an
//! apostrophe (`’s-Gravenhage`, `auto’s`). Dates from CLDR `nl` (`27 april 2018`).

use super::{cldr, Apposition, Incise, Order, Table};

pub(super) static TABLE: Table = Table {
    tag: "nl",
    open_quote: "\u{201c}",
    close_quote: "\u{201d}",
    quote_padding: "",
    comma_inside_quotes: false,
    incise_comma: ",",
    comma_after_marks: false,
    incise_dash: "",
    stop_inside_quotes: true,
    default_verb: "zei",
    feminine: None,
    months: cldr::NL.months,
    months_abbreviated: cldr::NL.months_abbreviated,
    date_pattern: cldr::NL.long_date,
    first_day_suffix: "",
    updated_label: "Bijgewerkt:",
    photo_label: "Foto:",
    nbsp_before: &[],
    nbsp_after: &[],
    narrow_before: &[],
    hour_mark: None,
    secondary_open: "\u{2018}",
    secondary_close: "\u{2019}",
    incise: Incise {
        verb_first: Order::VerbSubject,
        subject_first: Order::VerbSubject,
        pronoun: Order::VerbSubject,
    },
    inversion: None,
    colon: ":",
    that: "dat",
    added: "{} voegde eraan toe",
    dateline_dash: "\u{2013}",
    byline_dash: "\u{2014} ",
    apposition: Apposition {
        mark: ",",
        close: Some(","),
    },
    embargo_label: "Onder embargo tot",
    contact_label: "Persvoorlichting",
    notes_label: "Noot voor de redactie",
    status_lines: [
        "Concept – niet publiceren",
        "Ter goedkeuring – niet publiceren",
        "Goedgekeurd – nog niet gepubliceerd",
    ],
    correction_label: "Correctie",
};
