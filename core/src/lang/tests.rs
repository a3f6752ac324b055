use chrono::NaiveDate;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn english_dates_read_day_month_year() {
    let en = Language::En.table();
    assert_eq!(en.date(d(2018, 4, 27)), "27 April 2018");
    assert_eq!(en.date(d(2025, 3, 1)), "1 March 2025");
    assert_eq!(
        en.date_time(d(2018, 4, 27).and_hms_opt(21, 11, 0).unwrap()),
        "27 April 2018 21:11"
    );
}

#[test]
fn french_dates_write_the_first_of_the_month_as_1er() {
    let fr = Language::Fr.table();
    assert_eq!(fr.date(d(2025, 3, 1)), "1er mars 2025");
    assert_eq!(fr.date(d(2018, 4, 27)), "27 avril 2018");
    assert_eq!(fr.date(d(2026, 8, 2)), "2 août 2026");
    assert_eq!(
        fr.date_time(d(2026, 12, 1).and_hms_opt(9, 5, 0).unwrap()),
        "1er décembre 2026 09:05"
    );
}

#[test]
fn every_table_names_twelve_distinct_months() {
    for lang in Language::ALL {
        let months = lang.table().months;
        let mut unique = months.to_vec();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 12, "{lang:?}");
    }
}

#[test]
fn french_spacing_makes_existing_spaces_unbreakable() {
    let fr = Language::Fr.table();
    assert_eq!(
        fr.space("Pourquoi ? Parce que : voilà ; « oui » !"),
        "Pourquoi\u{a0}? Parce que\u{a0}: voilà\u{a0}; «\u{a0}oui\u{a0}»\u{a0}!"
    );
}

#[test]
fn french_spacing_never_adds_a_space() {
    let fr = Language::Fr.table();
    for s in ["21:11", "http://example.org", "Oui!", "«oui»", "a;b", ""] {
        assert_eq!(fr.space(s), s);
    }
}

#[test]
fn english_spacing_leaves_text_alone() {
    let en = Language::En.table();
    assert_eq!(en.space("Why ? Because : yes"), "Why ? Because : yes");
}

#[test]
fn english_attribution_moves_the_full_stop_inside_as_a_comma() {
    let en = Language::En.table();
    assert_eq!(
        en.attribute("We stand together.", "said", "Secretary General Jane Doe"),
        "\u{201c}We stand together,\u{201d} said Secretary General Jane Doe."
    );
    assert_eq!(
        en.attribute("Science comes first", "added", "Ms Solberg"),
        "\u{201c}Science comes first,\u{201d} added Ms Solberg."
    );
}

#[test]
fn english_attribution_keeps_question_and_exclamation_marks() {
    let en = Language::En.table();
    assert_eq!(
        en.attribute("Text?", "asked", "Ms Doe"),
        "\u{201c}Text?\u{201d} asked Ms Doe."
    );
    assert_eq!(
        en.attribute("Never again!", "said", "Ms Doe"),
        "\u{201c}Never again!\u{201d} said Ms Doe."
    );
}

#[test]
fn french_attribution_drops_the_full_stop_and_puts_the_comma_after_the_marks() {
    let fr = Language::Fr.table();
    assert_eq!(
        fr.attribute("Texte.", "a déclaré", "la secrétaire générale, Jane Doe"),
        "«\u{a0}Texte\u{a0}», a déclaré la secrétaire générale, Jane Doe."
    );
    assert_eq!(
        fr.attribute("Texte\u{a0}?", "a demandé", "Mme Doe"),
        "«\u{a0}Texte\u{a0}?\u{a0}» a demandé Mme Doe."
    );
    assert_eq!(
        fr.attribute("Jamais\u{a0}!", "a lancé", "Mme Doe"),
        "«\u{a0}Jamais\u{a0}!\u{a0}» a lancé Mme Doe."
    );
}

#[test]
fn attribution_does_not_double_a_name_that_ends_in_a_full_stop() {
    let fr = Language::Fr.table();
    assert_eq!(
        fr.attribute("Oui.", "a dit", "M."),
        "«\u{a0}Oui\u{a0}», a dit M."
    );
}

#[test]
fn attribution_keeps_an_ellipsis_whole() {
    let en = Language::En.table();
    assert_eq!(
        en.attribute("We will see...", "said", "Ms Doe"),
        "\u{201c}We will see...\u{201d} said Ms Doe."
    );
}

#[test]
fn tags_round_trip_and_unknown_ones_are_refused() {
    for lang in Language::ALL {
        assert_eq!(Language::from_tag(lang.tag()), Some(lang));
        // What is written (and what the schema and the UI's bindings list) is the table's tag.
        assert_eq!(serde_json::to_value(lang).unwrap(), lang.tag());
    }
    assert_eq!(Language::from_tag("de"), None);
    let err = serde_json::from_str::<Language>("\"de\"")
        .unwrap_err()
        .to_string();
    assert!(err.contains("\"de\"") && err.contains("en, fr"), "{err}");
}
