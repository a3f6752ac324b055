//! Italian, after the EU Interinstitutional Style Guide's Italian section (Manuale
//! interistituzionale di convenzioni redazionali) and the Accademia della Crusca's advice:
//! `«…», ha dichiarato il ministro`, the subject dropped after a pronoun (`«…», ha
//! dichiarato`), `“…”` inside, the full stop after the closing mark, `E ha aggiunto`. Dates
//! from CLDR `it` (`27 aprile 2018`), the first of the month `1º` (the Manuale's `1º gennaio`).

use super::{cldr, Apposition, Incise, Order, Table};

pub(super) static TABLE: Table = Table {
    tag: "it",
    open_quote: "\u{ab}",
    close_quote: "\u{bb}",
    quote_padding: "",
    comma_inside_quotes: false,
    incise_comma: ",",
    comma_after_marks: false,
    incise_dash: "",
    stop_inside_quotes: false,
    default_verb: "ha dichiarato",
    feminine: None,
    months: cldr::IT.months,
    months_abbreviated: cldr::IT.months_abbreviated,
    date_pattern: cldr::IT.long_date,
    first_day_suffix: "\u{ba}",
    updated_label: "Aggiornato:",
    photo_label: "Foto:",
    nbsp_before: &[],
    nbsp_after: &[],
    narrow_before: &[],
    hour_mark: None,
    secondary_open: "\u{201c}",
    secondary_close: "\u{201d}",
    incise: Incise {
        verb_first: Order::VerbSubject,
        subject_first: Order::VerbSubject,
        pronoun: Order::VerbAlone,
    },
    inversion: None,
    colon: ":",
    that: "che",
    added: "E ha aggiunto",
    dateline_dash: "\u{2013}",
    byline_dash: "\u{2014} ",
    apposition: Apposition {
        mark: ",",
        close: Some(","),
    },
    embargo_label: "Sotto embargo fino al",
    contact_label: "Contatti per la stampa",
    notes_label: "Note per le redazioni",
    status_lines: [
        "Bozza – non diffondere",
        "Da approvare – non diffondere",
        "Approvato – non ancora pubblicato",
    ],
    correction_label: "Rettifica",
};
