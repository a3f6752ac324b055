//! European Portuguese (pt-PT, as the EU institutions publish), after the EU Interinstitutional
//! Style Guide's Portuguese section (Código de Redação Interinstitucional) and the Acordo
//! Ortográfico de 1990 (months in lower case): `«…», afirmou a ministra`, the subject dropped
//! after a pronoun (`«…», afirmou`), `“…”` inside, the full stop after the closing mark,
//! `E acrescentou`. Dates from CLDR `pt-PT` (`27 de abril de 2018`).

use super::{cldr, Apposition, Incise, Order, Table};

pub(super) static TABLE: Table = Table {
    tag: "pt",
    open_quote: "\u{ab}",
    close_quote: "\u{bb}",
    quote_padding: "",
    comma_inside_quotes: false,
    incise_comma: ",",
    comma_after_marks: false,
    incise_dash: "",
    stop_inside_quotes: false,
    default_verb: "afirmou",
    feminine: None,
    months: cldr::PT.months,
    months_abbreviated: cldr::PT.months_abbreviated,
    date_pattern: cldr::PT.long_date,
    first_day_suffix: "",
    updated_label: "Atualizado:",
    photo_label: "Fotografia:",
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
    that: "que",
    added: "E acrescentou",
    dateline_dash: "\u{2013}",
    byline_dash: "\u{2014} ",
    apposition: Apposition {
        mark: ",",
        close: Some(","),
    },
    embargo_label: "Sob embargo até",
    contact_label: "Contacto de imprensa",
    notes_label: "Notas aos editores",
    status_lines: [
        "Rascunho – não divulgar",
        "Para aprovação – não divulgar",
        "Aprovado – ainda não publicado",
    ],
    correction_label: "Correção",
};
