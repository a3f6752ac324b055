use super::Table;

pub(super) static TABLE: Table = Table {
    tag: "fr",
    open_quote: "\u{ab}",
    close_quote: "\u{bb}",
    quote_padding: "\u{a0}",
    comma_inside_quotes: false,
    default_verb: "a déclaré",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    first_day_suffix: "er",
    updated_label: "Mis à jour le\u{a0}:",
    photo_label: "Photo\u{a0}:",
    nbsp_before: &[':', ';', '!', '?', '\u{bb}'],
    nbsp_after: &['\u{ab}'],
};
