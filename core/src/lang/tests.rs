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

// ---- House style (style.rs) ------------------------------------------------------------------

fn styled(table: &Table, style: HouseStyle, text: &str) -> String {
    let mut s = text.to_owned();
    table.restyle(&style, &mut [&mut s]);
    s
}

fn apostrophe(a: Apostrophe) -> HouseStyle {
    HouseStyle {
        apostrophe: a,
        ..HouseStyle::default()
    }
}

fn spacing(s: FrenchSpacing) -> HouseStyle {
    HouseStyle {
        french_spacing: s,
        ..HouseStyle::default()
    }
}

#[test]
fn abbreviated_dates_use_each_languages_standard_abbreviations() {
    let (en, fr) = (Language::En.table(), Language::Fr.table());
    let months: Vec<(String, String)> = (1..=12)
        .map(|m| {
            (
                en.date_in(d(2018, m, 27), DateForm::Abbreviated),
                fr.date_in(d(2018, m, 27), DateForm::Abbreviated),
            )
        })
        .collect();
    let want = [
        ("27 Jan. 2018", "27 janv. 2018"),
        ("27 Feb. 2018", "27 févr. 2018"),
        ("27 Mar. 2018", "27 mars 2018"),
        ("27 Apr. 2018", "27 avr. 2018"),
        ("27 May 2018", "27 mai 2018"),
        ("27 June 2018", "27 juin 2018"),
        ("27 July 2018", "27 juill. 2018"),
        ("27 Aug. 2018", "27 août 2018"),
        ("27 Sept. 2018", "27 sept. 2018"),
        ("27 Oct. 2018", "27 oct. 2018"),
        ("27 Nov. 2018", "27 nov. 2018"),
        ("27 Dec. 2018", "27 déc. 2018"),
    ];
    for (got, want) in months.iter().zip(want) {
        assert_eq!((got.0.as_str(), got.1.as_str()), want);
    }
    assert_eq!(
        fr.date_in(d(2032, 4, 1), DateForm::Abbreviated),
        "1er avr. 2032"
    );
    for lang in Language::ALL {
        let t = lang.table();
        assert_eq!(
            t.date_in(d(2025, 3, 1), DateForm::Long),
            t.date(d(2025, 3, 1))
        );
    }
}

#[test]
fn the_h_form_of_a_time_is_frenchs_and_english_keeps_the_24_hour_clock() {
    let (en, fr) = (Language::En.table(), Language::Fr.table());
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!(fr.time_in(t(21, 11), TimeForm::H), "21\u{a0}h\u{a0}11");
    assert_eq!(fr.time_in(t(18, 0), TimeForm::H), "18\u{a0}h");
    assert_eq!(fr.time_in(t(9, 5), TimeForm::H), "9\u{a0}h\u{a0}05");
    assert_eq!(fr.time_in(t(0, 1), TimeForm::H), "0\u{a0}h\u{a0}01");
    assert_eq!(fr.time_in(t(9, 5), TimeForm::H24), "09:05");
    assert_eq!(en.time_in(t(21, 11), TimeForm::H), "21:11");
    assert_eq!(en.time_in(t(9, 5), TimeForm::H24), "09:05");
    let at = d(2026, 12, 1).and_hms_opt(9, 5, 0).unwrap();
    assert_eq!(
        fr.date_time_in(at, &HouseStyle::default()),
        fr.date_time(at)
    );
    let style = HouseStyle {
        date: DateForm::Abbreviated,
        time: TimeForm::H,
        ..HouseStyle::default()
    };
    assert_eq!(
        fr.date_time_in(at, &style),
        "1er déc. 2026 9\u{a0}h\u{a0}05"
    );
    assert_eq!(en.date_time_in(at, &style), "1 Dec. 2026 09:05");
}

#[test]
fn french_spacing_narrow_is_the_imprimerie_nationales_and_none_the_eus() {
    let fr = Language::Fr.table();
    // As `Table::space` leaves it (the default), and with spaces typed every way.
    let spaced = fr.space("Pourquoi ? Parce que : voilà ; « oui » !");
    let mixed = "Pourquoi\u{202f}? Parce que\u{a0}: voilà ; «\u{a0} oui\u{202f}» !";
    for text in [spaced.as_str(), mixed] {
        assert_eq!(
            styled(fr, spacing(FrenchSpacing::Narrow), text),
            "Pourquoi\u{202f}? Parce que\u{a0}: voilà\u{202f}; «\u{a0}oui\u{a0}»\u{202f}!"
        );
        assert_eq!(
            styled(fr, spacing(FrenchSpacing::None), text),
            "Pourquoi? Parce que: voilà; «oui»!"
        );
    }
    // The default is `Table::space`'s rule, applied as the text is composed: nothing more here.
    assert_eq!(styled(fr, spacing(FrenchSpacing::Nbsp), mixed), mixed);
}

#[test]
fn french_spacing_never_adds_a_space_nor_touches_english() {
    let (en, fr) = (Language::En.table(), Language::Fr.table());
    for s in [
        "21:11",
        "http://example.org/?q=1",
        "Oui!",
        "«oui»",
        "a;b",
        "",
    ] {
        for sp in [FrenchSpacing::Narrow, FrenchSpacing::None] {
            assert_eq!(styled(fr, spacing(sp), s), s);
        }
    }
    for sp in [FrenchSpacing::Narrow, FrenchSpacing::None] {
        assert_eq!(
            styled(en, spacing(sp), "Why ? Because : yes"),
            "Why ? Because : yes"
        );
    }
}

#[test]
fn apostrophes_take_the_styles_mark_and_quotation_marks_stay() {
    let (en, fr) = (Language::En.table(), Language::Fr.table());
    let cases = [
        // (typed, straight, curly)
        (
            "l'OTAN, aujourd'hui",
            "l'OTAN, aujourd'hui",
            "l’OTAN, aujourd’hui",
        ),
        ("l’OTAN", "l'OTAN", "l’OTAN"),
        ("Et d'ajouter", "Et d'ajouter", "Et d’ajouter"),
        ("d'« un filet »", "d'« un filet »", "d’« un filet »"),
        (
            "the ministers' plan",
            "the ministers' plan",
            "the ministers’ plan",
        ),
        ("the 1990's", "the 1990's", "the 1990’s"),
        ("’90s", "'90s", "’90s"),
        // A quotation inside a quote (the composer's secondary marks, or typed): its marks stay.
        (
            "told us ‘not before 2036’ three times",
            "told us ‘not before 2036’ three times",
            "told us ‘not before 2036’ three times",
        ),
        (
            "‘we can’t’ she said",
            "‘we can't’ she said",
            "‘we can’t’ she said",
        ),
        (
            "the 'yes' camp's win",
            "the 'yes' camp's win",
            "the 'yes' camp’s win",
        ),
        // Addresses keep theirs.
        (
            "write to o'brien@example.org or see https://example.org/l'otan and www.l'x.org",
            "write to o'brien@example.org or see https://example.org/l'otan and www.l'x.org",
            "write to o'brien@example.org or see https://example.org/l'otan and www.l'x.org",
        ),
        (
            "mailto:o’brien@example.org",
            "mailto:o’brien@example.org",
            "mailto:o’brien@example.org",
        ),
    ];
    for table in [en, fr] {
        for (typed, straight, curly) in cases {
            assert_eq!(
                styled(table, apostrophe(Apostrophe::Straight), typed),
                straight,
                "{typed}"
            );
            assert_eq!(
                styled(table, apostrophe(Apostrophe::Curly), typed),
                curly,
                "{typed}"
            );
            assert_eq!(styled(table, apostrophe(Apostrophe::AsTyped), typed), typed);
        }
    }
}

#[test]
fn a_text_in_pieces_is_restyled_as_one() {
    let fr = Language::Fr.table();
    let style = HouseStyle {
        apostrophe: Apostrophe::Curly,
        french_spacing: FrenchSpacing::None,
        ..HouseStyle::default()
    };
    // A link's phrase between two texts: what stands either side of it counts.
    let (mut a, mut b, mut c) = (
        "Voir l'".to_owned(),
        "OTAN ".to_owned(),
        "\u{a0}?".to_owned(),
    );
    fr.restyle(&style, &mut [&mut a, &mut b, &mut c]);
    assert_eq!(
        (a.as_str(), b.as_str(), c.as_str()),
        ("Voir l’", "OTAN", "?")
    );
}
