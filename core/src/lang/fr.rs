//! French (the Imprimerie nationale's Lexique; OQLF for abbreviations): `« … », a déclaré`,
//! `a-t-elle déclaré`, `“…”` inside; dates from CLDR `fr`, with `1er` on the first.

use super::{cldr, Apposition, Incise, Inversion, Order, Table};

pub(super) static TABLE: Table = Table {
    tag: "fr",
    open_quote: "\u{ab}",
    close_quote: "\u{bb}",
    quote_padding: "\u{a0}",
    comma_inside_quotes: false,
    incise_comma: ",",
    comma_after_marks: false,
    incise_dash: "",
    stop_inside_quotes: true,
    default_verb: "a déclaré",
    feminine: None,
    months: cldr::FR.months,
    // Not CLDR's (`juil.`): the usual abbreviations (Office québécois de la langue française,
    // Banque de dépannage linguistique, "Abréviation des noms de mois"; the Imprimerie
    // nationale's Lexique has the same): `mars`, `mai`, `juin` and `août` are too short to
    // abbreviate.
    months_abbreviated: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    date_pattern: cldr::FR.long_date,
    first_day_suffix: "er",
    updated_label: "Mis à jour le\u{a0}:",
    photo_label: "Photo\u{a0}:",
    nbsp_before: &[':', ';', '!', '?', '\u{bb}'],
    nbsp_after: &['\u{ab}'],
    narrow_before: &[';', '!', '?'],
    hour_mark: Some("h"),
    secondary_open: "\u{201c}",
    secondary_close: "\u{201d}",
    incise: Incise {
        verb_first: Order::VerbSubject,
        subject_first: Order::VerbSubject,
        pronoun: Order::Inverted,
    },
    inversion: Some(Inversion {
        vowels: "aeiouéèêàâîôûy",
        euphonic: "-t-",
        hyphen: "-",
    }),
    colon: "\u{a0}:",
    that: "que",
    added: "Et d'ajouter",
    dateline_dash: "\u{2013}",
    byline_dash: "\u{2014} ",
    apposition: Apposition {
        mark: ",",
        close: Some(","),
    },
    embargo_label: "Sous embargo jusqu'au",
    contact_label: "Contact presse",
    notes_label: "Notes aux rédactions",
    status_lines: [
        "Projet – ne pas diffuser",
        "Pour validation – ne pas diffuser",
        "Validé – pas encore publié",
    ],
    correction_label: "Rectificatif",
};
