//! Spanish (Spain), after the Real Academia Española's Ortografía (2010) and Fundéu RAE, as the
//! EU Interinstitutional Style Guide's Spanish section (Libro de estilo interinstitucional) has
//! it: `«…», ha declarado la ministra`, the subject dropped after a pronoun (`«…», ha
//! declarado`), `“…”` inside, the full stop always after the closing mark (`declaró: «…».`),
//! `Y ha añadido`. Dates from CLDR `es` (`27 de abril de 2018`; `1 de abril`, Fundéu's
//! advice, not `1.º`).

use super::{cldr, Apposition, Incise, Order, Table};

pub(super) static TABLE: Table = Table {
    tag: "es",
    open_quote: "\u{ab}",
    close_quote: "\u{bb}",
    quote_padding: "",
    comma_inside_quotes: false,
    incise_comma: ",",
    comma_after_marks: true,
    incise_dash: "",
    stop_inside_quotes: false,
    default_verb: "ha declarado",
    feminine: None,
    months: cldr::ES.months,
    months_abbreviated: cldr::ES.months_abbreviated,
    date_pattern: cldr::ES.long_date,
    first_day_suffix: "",
    updated_label: "Actualizado:",
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
    that: "que",
    added: "Y ha añadido",
    dateline_dash: "\u{2013}",
    byline_dash: "\u{2014} ",
    apposition: Apposition {
        mark: ",",
        close: Some(","),
    },
    embargo_label: "Bajo embargo hasta el",
    contact_label: "Contacto de prensa",
    notes_label: "Notas para los redactores",
    status_lines: [
        "Borrador: no publicar",
        "Pendiente de aprobación: no publicar",
        "Aprobado: aún no publicado",
    ],
    correction_label: "Corrección",
};
