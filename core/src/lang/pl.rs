//! Polish, after the Wielki słownik ortograficzny PWN ("Cudzysłów", "Zapis dat") and the EU
//! Interinstitutional Style Guide's Polish section (Międzyinstytucjonalny przewodnik
//! redakcyjny): `„…” – powiedział minister` (a dash, no comma, after the closing mark), the
//! subject dropped after a pronoun and the verb agreeing (`„…” – powiedziała`), `«…»` inside,
//! the full stop after the closing mark, `, że` with its comma, `Dodał`/`Dodała`. Months from
//! CLDR `pl` (the genitive of a date, `kwietnia`); the date is CLDR's long pattern with `r.`
//! after the year, as the Przewodnik and PWN write it (`27 kwietnia 2018 r.`).

use super::{cldr, Apposition, DatePart::*, Feminine, Incise, Order, Table};

pub(super) static TABLE: Table = Table {
    tag: "pl",
    open_quote: "\u{201e}",
    close_quote: "\u{201d}",
    quote_padding: "",
    comma_inside_quotes: false,
    incise_comma: "",
    comma_after_marks: false,
    incise_dash: " \u{2013}",
    stop_inside_quotes: false,
    default_verb: "powiedział",
    feminine: Some(Feminine {
        pronouns: &["ona"],
        default_verb: "powiedziała",
        added: "Dodała",
    }),
    months: cldr::PL.months,
    months_abbreviated: cldr::PL.months_abbreviated,
    // CLDR `pl` has `d MMMM y` (`cldr::PL.long_date`); the Przewodnik and PWN add `r.` after the
    // year, kept from it by a no-break space (a test checks the CLDR pattern opens this one).
    date_pattern: &[Day, Text(" "), Month, Text(" "), Year, Text("\u{a0}r.")],
    first_day_suffix: "",
    updated_label: "Zaktualizowano:",
    photo_label: "Zdjęcie:",
    nbsp_before: &[],
    nbsp_after: &[],
    narrow_before: &[],
    hour_mark: None,
    secondary_open: "\u{ab}",
    secondary_close: "\u{bb}",
    incise: Incise {
        verb_first: Order::VerbSubject,
        subject_first: Order::VerbSubject,
        pronoun: Order::VerbAlone,
    },
    inversion: None,
    colon: ":",
    that: ", że",
    added: "Dodał",
    dateline_dash: "\u{2013}",
    byline_dash: "\u{2014} ",
    apposition: Apposition {
        mark: ",",
        close: Some(","),
    },
    embargo_label: "Embargo do",
    contact_label: "Kontakt dla mediów",
    notes_label: "Informacje dla redakcji",
    status_lines: [
        "Projekt – nie do publikacji",
        "Do zatwierdzenia – nie do publikacji",
        "Zatwierdzony – jeszcze nieopublikowany",
    ],
    correction_label: "Sprostowanie",
};
