//! German, after Duden (Die deutsche Rechtschreibung, "Anführungszeichen" and "Datum") and the
//! EU Interinstitutional Style Guide's German section (Interinstitutionelle Regeln für
//! Veröffentlichungen): `„…“, sagte Müller`, `sagte sie` (the verb always before its subject
//! after a quote), `‚…‘` inside, the full stop of a whole quoted sentence inside the marks
//! (`Müller sagte: „Wir sind bereit.“`), `, dass` with its comma. Dates from CLDR `de`
//! (`27. April 2018`).

use super::{cldr, Apposition, Incise, Order, Table};

pub(super) static TABLE: Table = Table {
    tag: "de",
    open_quote: "\u{201e}",
    close_quote: "\u{201c}",
    quote_padding: "",
    comma_inside_quotes: false,
    incise_comma: ",",
    comma_after_marks: true,
    incise_dash: "",
    stop_inside_quotes: true,
    default_verb: "sagte",
    feminine: None,
    months: cldr::DE.months,
    months_abbreviated: cldr::DE.months_abbreviated,
    date_pattern: cldr::DE.long_date,
    first_day_suffix: "",
    updated_label: "Aktualisiert:",
    photo_label: "Foto:",
    nbsp_before: &[],
    nbsp_after: &[],
    narrow_before: &[],
    hour_mark: None,
    secondary_open: "\u{201a}",
    secondary_close: "\u{2018}",
    incise: Incise {
        verb_first: Order::VerbSubject,
        subject_first: Order::VerbSubject,
        pronoun: Order::VerbSubject,
    },
    inversion: None,
    colon: ":",
    that: ", dass",
    added: "{} fügte hinzu",
    dateline_dash: "\u{2013}",
    byline_dash: "\u{2014} ",
    apposition: Apposition {
        mark: ",",
        close: Some(","),
    },
    embargo_label: "Sperrfrist bis",
    contact_label: "Pressekontakt",
    notes_label: "Hinweise für Redaktionen",
    status_lines: [
        "Entwurf – nicht zur Veröffentlichung",
        "Zur Freigabe – nicht zur Veröffentlichung",
        "Freigegeben – noch nicht veröffentlicht",
    ],
    correction_label: "Korrektur",
};
