// Dates and times as a press officer types and reads them: in a chosen locale (by default the
// release's own language), never the machine's. The file keeps ISO dates (`2018-04-27`) and
// times (`21:11`); these functions turn what is typed (`27/4/18`, `27 avril 2018`, `27.04.2018`,
// `27042018`, `21 h 11`) into those, and show them back in the locale (`27/04/2018`, `21:11`).
// Month and weekday names come from the webview's CLDR data (Intl), not from tables here.

import type { Language } from './types';

/** The locales dates are typed in. `release` follows the release's language. */
export const DATE_LOCALES = ['release', 'en-GB', 'en-US', 'fr-FR', 'de-DE'] as const;
export type DateLocalePref = (typeof DATE_LOCALES)[number];
export type DateLocale = Exclude<DateLocalePref, 'release'>;

/** The locale of the release's language when the user chose none. */
export function dateLocale(pref: DateLocalePref, language: Language | string): DateLocale {
  if (pref !== 'release') return pref;
  return language === 'fr' ? 'fr-FR' : language === 'de' ? 'de-DE' : 'en-GB';
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...opts })));
  return f;
}

/** Day, month, year order of the locale's numeric dates: `DMY` (27/04/2018) or `MDY` (04/27/2018). */
export function dateOrder(locale: DateLocale): 'DMY' | 'MDY' | 'YMD' {
  const order = fmt(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(utc(2018, 4, 27))
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type[0].toUpperCase())
    .join('');
  return order === 'MDY' || order === 'YMD' ? order : 'DMY';
}

/** What an empty date field shows: the pattern, in the locale's own letters (`jj/mm/aaaa`). */
export function datePattern(locale: DateLocale): string {
  const letters: Record<string, [string, string, string]> = { fr: ['jj', 'mm', 'aaaa'], de: ['TT', 'MM', 'JJJJ'] };
  const [d, m, y] = letters[locale.slice(0, 2)] ?? ['dd', 'mm', 'yyyy'];
  return fmt(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(utc(2018, 4, 27))
    .map((p) => (p.type === 'day' ? d : p.type === 'month' ? m : p.type === 'year' ? y : p.value))
    .join('');
}

function parts(date: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? [+m[1], +m[2], +m[3]] : null;
}

/** `2018-04-27` as the locale writes it in a field: `27/04/2018`, `04/27/2018`, `27.04.2018`. */
export function formatDate(date: string, locale: DateLocale): string {
  const p = parts(date);
  if (!p) return date;
  // Intl cannot show years before 1000 with four digits everywhere: write them out.
  return fmt(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(utc(...p))
    .map((x) => (x.type === 'year' ? pad(p[0], 4) : x.value))
    .join('');
}

/** A date in words, the year written out in full (Intl shows year 18 as `18`). */
function inWords(date: string, locale: DateLocale, opts: Intl.DateTimeFormatOptions): string {
  const p = parts(date);
  if (!p) return date;
  const d = utc(...p);
  d.setUTCFullYear(p[0]); // years 0–99 are years 0–99, not 1900–1999
  return fmt(locale, { ...opts, year: 'numeric' })
    .formatToParts(d)
    .map((x) => (x.type === 'year' ? String(p[0]).padStart(4, '0') : x.value))
    .join('');
}

/** `2018-04-27` read back in full: `Friday 27 April 2018`, `vendredi 27 avril 2018`. */
export function longDate(date: string, locale: DateLocale): string {
  return inWords(date, locale, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** `2018-04-27` short, for lists: `27 Apr 2018`, `27 avr. 2018`. */
export function shortDate(date: string, locale: DateLocale = 'en-GB'): string {
  return inWords(date, locale, { day: 'numeric', month: 'short' });
}

/** A meeting's dates for lists: `27 Apr 2018`, `27 Apr 2018 – 28 Apr 2018`. */
export function dateRange(starts: string, ends: string | null | undefined, locale: DateLocale = 'en-GB'): string {
  if (!ends || ends === starts) return shortDate(starts, locale);
  return `${shortDate(starts, locale)} – ${shortDate(ends, locale)}`;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\.$/, '');

const monthCache = new Map<string, string[][]>();
/** Each month's names (long and short, accents folded) in the locale, English and French. */
function monthNames(locale: DateLocale): string[][] {
  let names = monthCache.get(locale);
  if (names) return names;
  const locales = [...new Set([locale, 'en-GB', 'fr-FR'])];
  names = Array.from({ length: 12 }, (_, i) => {
    const all = new Set<string>();
    for (const l of locales) {
      for (const month of ['long', 'short'] as const) all.add(fold(fmt(l, { month }).format(utc(2018, i + 1, 1))));
    }
    return [...all];
  });
  monthCache.set(locale, names);
  return names;
}

/** The month a word names (`avril`, `Apr`, `sept.`, `févr`): 1–12, or 0 if none or several. */
function monthOf(word: string, locale: DateLocale): number {
  const w = fold(word);
  if (w.length < 3) return 0;
  const names = monthNames(locale);
  const exact = names.findIndex((n) => n.includes(w));
  if (exact >= 0) return exact + 1;
  const prefixed = names.map((n, i) => (n.some((x) => x.startsWith(w)) ? i + 1 : 0)).filter((i) => i > 0);
  return prefixed.length === 1 ? prefixed[0] : 0;
}

const weekdayCache = new Map<string, Set<string>>();
function isWeekday(word: string, locale: DateLocale): boolean {
  let set = weekdayCache.get(locale);
  if (!set) {
    set = new Set();
    for (const l of new Set([locale, 'en-GB', 'fr-FR'])) {
      for (let d = 1; d <= 7; d += 1) {
        for (const weekday of ['long', 'short'] as const) set.add(fold(fmt(l, { weekday }).format(utc(2018, 1, d))));
      }
    }
    weekdayCache.set(locale, set);
  }
  return set.has(fold(word));
}

export type Parsed = { ok: true; value: string } | { ok: false; error: string };

/** A two-digit year as the nearest year ending so (`18` → 2018, `95` → 1995 in 2026). */
function fullYear(y: string, todayYear: number): number | null {
  if (y.length === 4) return +y;
  if (y.length !== 2) return null;
  const base = Math.floor(todayYear / 100) * 100 + +y;
  return [base - 100, base, base + 100].reduce((a, b) => (Math.abs(b - todayYear) < Math.abs(a - todayYear) ? b : a));
}

function checked(y: number | null, m: number, d: number, locale: DateLocale, yearText: string): Parsed {
  const example = formatDate('2018-04-27', locale);
  if (y === null) return { ok: false, error: `year “${yearText}”: type two or four digits (${example})` };
  if (m < 1 || m > 12) {
    const first = dateOrder(locale) === 'MDY' ? 'month first' : dateOrder(locale) === 'YMD' ? 'year first' : 'day first';
    return { ok: false, error: `no month ${m}: dates are typed ${first}, as in ${example}` };
  }
  if (d < 1 || d > daysIn(y, m)) return { ok: false, error: `${longMonth(m, locale)} ${y} has no day ${d}` };
  return { ok: true, value: iso(y, m, d) };
}

const longMonth = (m: number, locale: DateLocale) => fmt(locale, { month: 'long' }).format(utc(2018, m, 1));

/**
 * What a person typed, as an ISO date. Accepts the locale's numeric order with `/ . -` or spaces
 * (`27/4/18`, `27.04.2018`), digits only (`27042018`, `270418`), ISO (`2018-04-27`), and month
 * names in the locale, English or French (`27 April 2018`, `April 27, 2018`, `1er avril 2018`,
 * `ven. 27 avr. 2018`). A missing year is this year. Empty is empty (`''`).
 */
export function parseDate(text: string, locale: DateLocale, today: string = todayIso()): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: '' };
  const todayYear = +today.slice(0, 4);
  const order = dateOrder(locale);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return checked(+m[1], +m[2], +m[3], locale, m[1]);
  m = /^(\d{1,4})\s*[/.\-\s]\s*(\d{1,2})(?:\s*[/.\-\s]\s*(\d{1,4}))?\.?$/.exec(t);
  if (m) {
    if (m[1].length === 4 && m[3]) return checked(+m[1], +m[2], +m[3], locale, m[1]);
    if (m[1].length > 2) return { ok: false, error: `“${t}” is not a date: type it as ${formatDate('2018-04-27', locale)}` };
    const [a, b] = [+m[1], +m[2]];
    const [d, mo] = order === 'MDY' ? [b, a] : [a, b];
    const yText = m[3] ?? String(todayYear);
    return checked(fullYear(yText, todayYear), mo, d, locale, yText);
  }
  m = /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [d, mo] = order === 'MDY' ? [+m[2], +m[1]] : [+m[1], +m[2]];
    const first = checked(fullYear(m[3], todayYear), mo, d, locale, m[3]);
    if (first.ok || t.length !== 8) return first;
    const ymd = checked(+t.slice(0, 4), +t.slice(4, 6), +t.slice(6, 8), locale, t.slice(0, 4));
    return ymd.ok ? ymd : first;
  }
  // Words: a month name, a day, maybe a year; weekdays and `the`, `of`, `le`, commas are ignored.
  const words = t
    .replace(/[,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !/^(the|of|le|la|den|der)$/i.test(w) && !isWeekday(w, locale));
  let month = 0;
  const numbers: string[] = [];
  for (const w of words) {
    const n = /^(\d{1,4})(?:st|nd|rd|th|er|e|\.)?$/i.exec(w);
    if (n) numbers.push(n[1]);
    else if (!month && monthOf(w, locale)) month = monthOf(w, locale);
    else return { ok: false, error: `“${t}” is not a date: type it as ${formatDate('2018-04-27', locale)} or ${longDate('2018-04-27', locale).replace(/^\S+\s/, '')}` };
  }
  if (!month || numbers.length === 0 || numbers.length > 2 || numbers[0].length > 2) {
    return { ok: false, error: `“${t}” is not a date: type it as ${formatDate('2018-04-27', locale)}` };
  }
  const yText = numbers[1] ?? String(todayYear);
  return checked(fullYear(yText, todayYear), month, +numbers[0], locale, yText);
}

/** A date far from today (more than this many years) is flagged, not refused. */
export const PLAUSIBLE_YEARS = 5;

/** A warning for a date that is valid but unlikely (`0018`, `1918`, `2081`), or `null`. */
export function implausible(date: string, locale: DateLocale, today: string = todayIso()): string | null {
  const p = parts(date);
  if (!p) return null;
  const gap = Math.abs(p[0] - +today.slice(0, 4));
  if (gap <= PLAUSIBLE_YEARS) return null;
  return locale.startsWith('fr') ? `l’année ${pad(p[0], 4)} est loin d’aujourd’hui : vérifiez-la` : `the year ${pad(p[0], 4)} is far from today: check it`;
}

/** Today, `YYYY-MM-DD`, on the machine's calendar. */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Whether the locale writes times on a 12-hour clock (`9:11 PM`). */
export function twelveHour(locale: DateLocale): boolean {
  return fmt(locale, { hour: 'numeric' }).resolvedOptions().hourCycle?.startsWith('h1') ?? false;
}

/** `21:11` as the locale shows it in a field: `21:11`, `9:11 PM`. */
export function formatTime(time: string, locale: DateLocale): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return time;
  if (!twelveHour(locale)) return time;
  const h = +m[1];
  return `${h % 12 === 0 ? 12 : h % 12}:${m[2]} ${h < 12 ? 'AM' : 'PM'}`;
}

/** What a person typed, as `HH:MM` (24-hour): `21:11`, `21h11`, `21 h 11`, `21.11`, `2111`, `9:11 pm`, `9pm`. */
export function parseTime(text: string): Parsed {
  const t = text.trim().toLowerCase();
  if (t === '') return { ok: true, value: '' };
  const m = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2})?|(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?$/.exec(t);
  if (!m) return { ok: false, error: `“${text.trim()}” is not a time: type it as 21:11` };
  let h = +m[1];
  const mi = +(m[2] ?? m[3] ?? 0);
  const half = m[4]?.[0];
  if (half) {
    if (h < 1 || h > 12) return { ok: false, error: `no hour ${h} on a 12-hour clock` };
    h = (h % 12) + (half === 'p' ? 12 : 0);
  }
  if (h > 23) return { ok: false, error: `no hour ${h}: hours run 0–23` };
  if (mi > 59) return { ok: false, error: `no minute ${mi}: minutes run 0–59` };
  return { ok: true, value: `${pad(h)}:${pad(mi)}` };
}
