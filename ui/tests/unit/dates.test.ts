import { describe, expect, it } from 'vitest';
import {
  dateLocale,
  dateOrder,
  datePattern,
  formatDate,
  formatTime,
  implausible,
  longDate,
  parseDate,
  parseTime,
  shortDate,
} from '../../src/lib/dates';

const TODAY = '2026-12-03';
const ok = (value: string) => ({ ok: true, value });
const parse = (text: string, locale: Parameters<typeof parseDate>[1] = 'en-GB') => parseDate(text, locale, TODAY);

describe('the locale dates are typed in', () => {
  it('follows the release language unless the user chose one', () => {
    expect(dateLocale('release', 'fr')).toBe('fr-FR');
    expect(dateLocale('release', 'en')).toBe('en-GB');
    expect(dateLocale('en-US', 'fr')).toBe('en-US');
  });
  it('orders day, month and year as the locale does', () => {
    expect(dateOrder('en-GB')).toBe('DMY');
    expect(dateOrder('fr-FR')).toBe('DMY');
    expect(dateOrder('de-DE')).toBe('DMY');
    expect(dateOrder('en-US')).toBe('MDY');
  });
  it('shows the pattern, not a value, in an empty field', () => {
    expect(datePattern('en-GB')).toBe('dd/mm/yyyy');
    expect(datePattern('fr-FR')).toBe('jj/mm/aaaa');
    expect(datePattern('en-US')).toBe('mm/dd/yyyy');
    expect(datePattern('de-DE')).toBe('TT.MM.JJJJ');
  });
});

describe('dates shown', () => {
  it('in the field, numeric in the locale', () => {
    expect(formatDate('2018-04-27', 'en-GB')).toBe('27/04/2018');
    expect(formatDate('2018-04-27', 'fr-FR')).toBe('27/04/2018');
    expect(formatDate('2018-04-27', 'en-US')).toBe('04/27/2018');
    expect(formatDate('2018-04-27', 'de-DE')).toBe('27.04.2018');
    expect(formatDate('0018-04-27', 'en-GB')).toBe('27/04/0018');
  });
  it('read back in words', () => {
    expect(longDate('2018-04-27', 'en-GB')).toMatch(/^Friday,? 27 April 2018$/); // CLDR 44 added the comma
    expect(longDate('2018-04-27', 'fr-FR')).toBe('vendredi 27 avril 2018');
    expect(longDate('2018-04-27', 'en-US')).toBe('Friday, April 27, 2018');
  });
  it('short in lists, and a year before 100 stays itself', () => {
    expect(shortDate('2018-04-27')).toBe('27 Apr 2018');
    expect(shortDate('2018-04-27', 'fr-FR')).toBe('27 avr. 2018');
    expect(shortDate('0018-12-18')).toBe('18 Dec 0018');
  });
});

describe('dates typed', () => {
  it('day first, in the common forms', () => {
    for (const t of ['27/04/2018', '27/4/18', '27.04.2018', '27-04-2018', '27 4 2018', '27042018', '270418', '2018-04-27', ' 27/04/2018 ']) {
      expect(parse(t), t).toEqual(ok('2018-04-27'));
    }
  });
  it('with month names in the locale, English or French, accents or not', () => {
    for (const t of ['27 April 2018', '27 Apr 2018', '27 Apr. 2018', 'April 27, 2018', 'Friday 27 April 2018', '27th April 2018', 'the 27th of April 2018']) {
      expect(parse(t), t).toEqual(ok('2018-04-27'));
    }
    for (const t of ['27 avril 2018', '27 avr. 2018', 'vendredi 27 avril 2018']) expect(parse(t, 'fr-FR'), t).toEqual(ok('2018-04-27'));
    expect(parse('1er février 2018', 'fr-FR')).toEqual(ok('2018-02-01'));
    expect(parse('1er fevrier 2018', 'fr-FR')).toEqual(ok('2018-02-01'));
    expect(parse('3 sept. 2019', 'fr-FR')).toEqual(ok('2019-09-03'));
    expect(parse('3 juil 2019', 'fr-FR')).toEqual(ok('2019-07-03'));
    expect(parse('27. April 2018', 'de-DE')).toEqual(ok('2018-04-27'));
  });
  it('"ju" is June or July: not guessed', () => {
    expect(parse('3 ju 2019').ok).toBe(false);
  });
  it('month first in a US locale', () => {
    expect(parse('04/27/2018', 'en-US')).toEqual(ok('2018-04-27'));
    expect(parse('4/27/18', 'en-US')).toEqual(ok('2018-04-27'));
    expect(parse('04272018', 'en-US')).toEqual(ok('2018-04-27'));
  });
  it('eight digits year first when nothing else reads', () => {
    expect(parse('20180427')).toEqual(ok('2018-04-27'));
  });
  it('a missing year is this year', () => {
    expect(parse('27/4')).toEqual(ok('2026-04-27'));
    expect(parse('27 avril', 'fr-FR')).toEqual(ok('2026-04-27'));
  });
  it('two-digit years are the nearest such year', () => {
    expect(parse('1/1/95')).toEqual(ok('1995-01-01'));
    expect(parse('1/1/40')).toEqual(ok('2040-01-01'));
  });
  it('empty is empty', () => {
    expect(parse('')).toEqual(ok(''));
    expect(parse('   ')).toEqual(ok(''));
  });
  it('refuses what is not a date, saying how to type it', () => {
    expect(parse('04/27/2018')).toEqual({ ok: false, error: 'no month 27: dates are typed day first, as in 27/04/2018' });
    expect(parse('27/04/2018', 'en-US')).toEqual({ ok: false, error: 'no month 27: dates are typed month first, as in 04/27/2018' });
    expect(parse('31/04/2018')).toEqual({ ok: false, error: 'April 2018 has no day 31' });
    expect(parse('29/02/2019')).toEqual({ ok: false, error: 'February 2019 has no day 29' });
    expect(parse('29/02/2020')).toEqual(ok('2020-02-29'));
    expect(parse('27/04/018')).toEqual({ ok: false, error: 'year “018”: type two or four digits (27/04/2018)' });
    expect(parse('tomorrow').ok).toBe(false);
    expect(parse('27 Flob 2018').ok).toBe(false);
    expect(parse('2704').ok).toBe(false);
  });
  it('a typed year far from today is kept, with a warning', () => {
    expect(parse('27/04/0018')).toEqual(ok('0018-04-27'));
    expect(implausible('0018-04-27', 'en-GB', TODAY)).toBe('the year 0018 is far from today: check it');
    expect(implausible('1918-12-18', 'fr-FR', TODAY)).toBe('l’année 1918 est loin d’aujourd’hui : vérifiez-la');
    expect(implausible('2018-04-27', 'en-GB', TODAY)).toBe('the year 2018 is far from today: check it');
    expect(implausible('2022-04-27', 'en-GB', TODAY)).toBe(null);
    expect(implausible('', 'en-GB', TODAY)).toBe(null);
  });
  it('every date shown reads back as itself', () => {
    for (const locale of ['en-GB', 'en-US', 'fr-FR', 'de-DE'] as const) {
      for (const d of ['2018-04-27', '2026-01-01', '2026-12-31', '2024-02-29', '0018-04-27']) {
        expect(parseDate(formatDate(d, locale), locale, TODAY), `${locale} ${d}`).toEqual(ok(d));
        expect(parseDate(longDate(d, locale), locale, TODAY), `${locale} ${longDate(d, locale)}`).toEqual(ok(d));
      }
    }
  });
});

describe('times', () => {
  it('typed in the common forms', () => {
    for (const t of ['21:11', '21h11', '21 h 11', '21.11', '2111', '9:11 pm', '9:11 PM', '9.11p.m.']) expect(parseTime(t), t).toEqual(ok('21:11'));
    expect(parseTime('9')).toEqual(ok('09:00'));
    expect(parseTime('9h')).toEqual(ok('09:00'));
    expect(parseTime('9pm')).toEqual(ok('21:00'));
    expect(parseTime('12 am')).toEqual(ok('00:00'));
    expect(parseTime('12:30 pm')).toEqual(ok('12:30'));
    expect(parseTime('')).toEqual(ok(''));
  });
  it('refused when not a time', () => {
    expect(parseTime('25:00')).toEqual({ ok: false, error: 'no hour 25: hours run 0–23' });
    expect(parseTime('21:61')).toEqual({ ok: false, error: 'no minute 61: minutes run 0–59' });
    expect(parseTime('13 pm')).toEqual({ ok: false, error: 'no hour 13 on a 12-hour clock' });
    expect(parseTime('noon-ish').ok).toBe(false);
  });
  it('shown as the locale writes them', () => {
    expect(formatTime('21:11', 'en-GB')).toBe('21:11');
    expect(formatTime('21:11', 'fr-FR')).toBe('21:11');
    expect(formatTime('21:11', 'en-US')).toBe('9:11 PM');
    expect(formatTime('00:05', 'en-US')).toBe('12:05 AM');
    for (const t of ['00:00', '09:05', '12:00', '23:59']) expect(parseTime(formatTime(t, 'en-US'))).toEqual(ok(t));
  });
});
