// The editor's working copy of a meeting: the wire document plus a stable client `key` on every
// row that can be added, moved or removed, so that keyed components survive reordering.
// `toWire` rebuilds the document from an allow-list of fields: UI-only keys can never reach the
// shell (it refuses unknown fields), and empty optional fields are omitted rather than sent as "".

import type { AgendaItem, Form, Language, MeetingDoc, MeetingInfo, Person, Release } from './types';
import { FORMAT } from './types';

export interface UiPerson {
  key: string;
  id: string;
  name: string;
  full: string;
  role: string;
  short: string;
}

export interface UiQuote {
  key: string;
  speaker: string;
  text: string;
  verb: string;
  form: Form | '';
  in_release: boolean;
}

export interface UiItem {
  key: string;
  title: string;
  notes: string;
  summary: string;
  in_release: boolean;
  quotes: UiQuote[];
}

export interface UiPhoto {
  key: string;
  caption: string;
  language: string;
  credit: string;
}

export interface UiRelease {
  headline: string;
  lead: string;
  closing: string;
  published: string;
  updated: string;
  photos: UiPhoto[];
}

export interface UiMeeting {
  title: string;
  organisation: string;
  language: string;
  location: string;
  starts: string;
  ends: string;
  timezone: string;
}

export interface UiDoc {
  meeting: UiMeeting;
  people: UiPerson[];
  agenda: UiItem[];
  release: UiRelease;
  /** Whether the document had a `release` object; an untouched empty release is then kept. */
  hadRelease: boolean;
}

let counter = 0;
/** A client-only key, unique for the page's lifetime. */
export function newKey(prefix = 'k'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

const s = (v: string | undefined | null): string => v ?? '';

export function blankQuote(speaker = ''): UiQuote {
  return { key: newKey('q'), speaker, text: '', verb: '', form: '', in_release: true };
}

export function blankItem(title = ''): UiItem {
  return { key: newKey('i'), title, notes: '', summary: '', in_release: true, quotes: [] };
}

export function blankPhoto(): UiPhoto {
  return { key: newKey('f'), caption: '', language: '', credit: '' };
}

export function toUi(doc: MeetingDoc): UiDoc {
  const m = doc.meeting;
  const r = doc.release;
  return {
    meeting: {
      title: s(m.title),
      organisation: s(m.organisation),
      language: s(m.language) || 'en',
      location: s(m.location),
      starts: s(m.starts),
      ends: s(m.ends),
      timezone: s(m.timezone),
    },
    people: (doc.people ?? []).map((p) => ({
      key: newKey('p'),
      id: p.id,
      name: s(p.name),
      full: s(p.full),
      role: s(p.role),
      short: s(p.short),
    })),
    agenda: (doc.agenda ?? []).map((it) => ({
      key: newKey('i'),
      title: s(it.title),
      notes: s(it.notes),
      summary: s(it.summary),
      in_release: it.in_release ?? true,
      quotes: (it.quotes ?? []).map((q) => ({
        key: newKey('q'),
        speaker: s(q.speaker),
        text: s(q.text),
        verb: s(q.verb),
        form: q.form ?? '',
        in_release: q.in_release ?? true,
      })),
    })),
    release: {
      headline: s(r?.headline),
      lead: s(r?.lead),
      closing: s(r?.closing),
      published: s(r?.published),
      updated: s(r?.updated),
      photos: (r?.photos ?? []).map((p) => ({
        key: newKey('f'),
        caption: s(p.caption),
        language: s(p.language),
        credit: s(p.credit),
      })),
    },
    hadRelease: r !== undefined && r !== null,
  };
}

/** Sets `obj[k]` only when the text is not empty. */
function opt<T extends object>(obj: T, k: string, v: string): T {
  if (v !== '') (obj as Record<string, unknown>)[k] = v;
  return obj;
}

/** A quote is a draft (kept in the editor only) until it has a speaker. */
export function isDraftQuote(q: UiQuote): boolean {
  return q.speaker === '';
}

export function toWire(ui: UiDoc): MeetingDoc {
  const doc: MeetingDoc = {
    format: FORMAT,
    meeting: meetingToWire(ui.meeting),
    people: peopleToWire(ui.people),
    agenda: ui.agenda.map(itemToWire),
  };
  const release = releaseToWire(ui);
  if (release) doc.release = release;
  return doc;
}

// The document's parts, each as `toWire` writes it: the live preview sends only the ones that
// changed (`DocPart`).

export function meetingToWire(m: UiMeeting): MeetingInfo {
  // The editor keeps the tag it was given; the shell refuses one it does not render, naming the field.
  const meeting: MeetingInfo = { title: m.title, language: m.language as Language, starts: m.starts };
  opt(meeting, 'organisation', m.organisation.trim() === '' ? '' : m.organisation);
  opt(meeting, 'location', m.location.trim() === '' ? '' : m.location);
  opt(meeting, 'ends', m.ends);
  opt(meeting, 'timezone', m.timezone.trim());
  return meeting;
}

export function peopleToWire(people: UiPerson[]): Person[] {
  return people.map((p) => {
    const out = { id: p.id, name: p.name };
    opt(out, 'full', p.full);
    opt(out, 'role', p.role);
    opt(out, 'short', p.short);
    return out;
  });
}

export function itemToWire(it: UiItem): AgendaItem {
  return {
    title: it.title,
    notes: it.notes,
    in_release: it.in_release,
    summary: it.summary,
    quotes: it.quotes
      .filter((q) => !isDraftQuote(q))
      .map((q) => {
        const out: { speaker: string; text: string; verb?: string; form?: Form; in_release: boolean } = {
          speaker: q.speaker,
          text: q.text,
          in_release: q.in_release,
        };
        opt(out, 'verb', q.verb.trim() === '' ? '' : q.verb);
        if (q.form !== '') out.form = q.form;
        // Keep a stable field order: speaker, text, verb, form, in_release.
        const { in_release, ...rest } = out;
        return { ...rest, in_release };
      }),
  };
}

/** The release, or `null` while the document has none and nothing of it was typed. */
export function releaseToWire(ui: UiDoc): Release | null {
  const r = ui.release;
  const empty =
    r.headline === '' && r.lead === '' && r.closing === '' && r.published === '' && r.updated === '' && r.photos.length === 0;
  if (!ui.hadRelease && empty) return null;
  const release: Release = { headline: r.headline, lead: r.lead, closing: r.closing };
  opt(release, 'published', r.published);
  opt(release, 'updated', r.updated);
  release.photos = r.photos.map((p) => {
    const out = { caption: p.caption };
    opt(out, 'language', p.language);
    opt(out, 'credit', p.credit);
    return out;
  });
  return release;
}

/** Number of quotes that can't be saved yet because they have no speaker. */
export function draftCount(ui: UiDoc): number {
  let n = 0;
  for (const it of ui.agenda) for (const q of it.quotes) if (isDraftQuote(q)) n += 1;
  return n;
}
