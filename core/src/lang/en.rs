use super::Table;

pub(super) static TABLE: Table = Table {
    tag: "en",
    open_quote: "\u{201c}",
    close_quote: "\u{201d}",
    quote_padding: "",
    comma_inside_quotes: true,
    default_verb: "said",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    first_day_suffix: "",
    updated_label: "Updated:",
    photo_label: "Photo:",
    nbsp_before: &[],
    nbsp_after: &[],
};
