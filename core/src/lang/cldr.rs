//! GENERATED from CLDR through ICU4X: do not edit. Written by core/tests/suite/cldr.rs
//! (`UPDATE_GENERATED=1 cargo test -p communique-core --test suite cldr`), which fails when
//! this file is not what it writes. ICU4X is a dev-dependency: the binaries carry these
//! strings only. A table that departs from CLDR says so, and why, where it does.
//!
//! Month names are CLDR's format context (the form inside a date: Polish `kwietnia`,
//! Ukrainian `квітня`), wide and abbreviated; the pattern is CLDR's long date
//! (`DateFormat::Long`, Gregorian).

use super::DatePart::{self, Day, Month, Text, Year};

/// One locale's CLDR data.
pub(super) struct Cldr {
    pub(super) months: [&'static str; 12],
    pub(super) months_abbreviated: [&'static str; 12],
    pub(super) long_date: &'static [DatePart],
}

/// `en-GB`, British English: the day before the month, as the English table writes dates: `d MMMM y` (`27 April 2018`).
pub(super) const EN: Cldr = Cldr {
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    months_abbreviated: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"],
    long_date: &[Day, Text(" "), Month, Text(" "), Year],
};

/// `fr`, French: `d MMMM y` (`27 avril 2018`).
pub(super) const FR: Cldr = Cldr {
    months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    months_abbreviated: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    long_date: &[Day, Text(" "), Month, Text(" "), Year],
};

/// `de`, German: `d. MMMM y` (`27. April 2018`).
pub(super) const DE: Cldr = Cldr {
    months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    months_abbreviated: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
    long_date: &[Day, Text(". "), Month, Text(" "), Year],
};

/// `es`, Spanish (Spain): `d 'de' MMMM 'de' y` (`27 de abril de 2018`).
pub(super) const ES: Cldr = Cldr {
    months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    months_abbreviated: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    long_date: &[Day, Text(" de "), Month, Text(" de "), Year],
};

/// `it`, Italian: `d MMMM y` (`27 aprile 2018`).
pub(super) const IT: Cldr = Cldr {
    months: ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    months_abbreviated: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
    long_date: &[Day, Text(" "), Month, Text(" "), Year],
};

/// `pt-PT`, European Portuguese, as the EU institutions publish: `d 'de' MMMM 'de' y` (`27 de abril de 2018`).
pub(super) const PT: Cldr = Cldr {
    months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    months_abbreviated: ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."],
    long_date: &[Day, Text(" de "), Month, Text(" de "), Year],
};

/// `nl`, Dutch: `d MMMM y` (`27 april 2018`).
pub(super) const NL: Cldr = Cldr {
    months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    months_abbreviated: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    long_date: &[Day, Text(" "), Month, Text(" "), Year],
};

/// `pl`, Polish: `d MMMM y` (`27 kwietnia 2018`).
pub(super) const PL: Cldr = Cldr {
    months: ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"],
    months_abbreviated: ["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"],
    long_date: &[Day, Text(" "), Month, Text(" "), Year],
};

/// `uk`, Ukrainian: `d MMMM y р.` (`27 квітня 2018 р.`).
pub(super) const UK: Cldr = Cldr {
    months: ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"],
    months_abbreviated: ["січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."],
    long_date: &[Day, Text(" "), Month, Text(" "), Year, Text("\u{202f}р.")],
};
