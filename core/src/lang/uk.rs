//! Ukrainian, after the Український правопис (2019), §§ 160–161 (direct speech and quotation):
//! `«…», — сказав міністр` (a comma and a dash after the closing mark), `сказала вона`, the verb
//! agreeing with a woman, `„…“` inside, the full stop after the closing mark, `, що` with its
//! comma, `Вона додала`. Months and the date from CLDR `uk` (the genitive, `27 квітня 2018 р.`).

use super::{cldr, Apposition, Feminine, Incise, Order, Table};

pub(super) static TABLE: Table = Table {
    tag: "uk",
    open_quote: "\u{ab}",
    close_quote: "\u{bb}",
    quote_padding: "",
    comma_inside_quotes: false,
    incise_comma: ",",
    comma_after_marks: false,
    incise_dash: " \u{2014}",
    stop_inside_quotes: false,
    default_verb: "сказав",
    feminine: Some(Feminine {
        pronouns: &["вона"],
        default_verb: "сказала",
        added: "{} додала",
    }),
    months: cldr::UK.months,
    months_abbreviated: cldr::UK.months_abbreviated,
    date_pattern: cldr::UK.long_date,
    first_day_suffix: "",
    updated_label: "Оновлено:",
    photo_label: "Фото:",
    nbsp_before: &[],
    nbsp_after: &[],
    narrow_before: &[],
    hour_mark: None,
    secondary_open: "\u{201e}",
    secondary_close: "\u{201c}",
    incise: Incise {
        verb_first: Order::VerbSubject,
        subject_first: Order::VerbSubject,
        pronoun: Order::VerbSubject,
    },
    inversion: None,
    colon: ":",
    that: ", що",
    added: "{} додав",
    dateline_dash: "\u{2014}",
    byline_dash: "\u{2014} ",
    apposition: Apposition {
        mark: ",",
        close: Some(","),
    },
    embargo_label: "Ембарго до",
    contact_label: "Контакти для преси",
    notes_label: "Примітки для редакцій",
    status_lines: [
        "Чернетка – не для поширення",
        "На погодження – не для поширення",
        "Погоджено – ще не оприлюднено",
    ],
    correction_label: "Виправлення",
};
