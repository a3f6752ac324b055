// The editor's working copy of a meeting: the meeting file v2 (docs/meeting-file-v2.md) as the
// editor edits it, in one release language at a time, plus a stable client `key` on every row that
// can be added, moved or removed, so that keyed components survive reordering.
//
// The per-language texts (people's forms, a quote's words and verb, the organisation's name) are
// held for the release being edited (`language`); the other languages' texts, the other releases
// and what the editor has no control for yet are carried through untouched (`keep` fields), so a
// save never drops what a file said. `toWire` rebuilds the document from an allow-list of fields:
// UI-only keys can never reach the shell (it refuses unknown fields), and empty optional fields
// are omitted rather than sent as "".

import type {
  Block,
  Correction,
  DatelinePosition,
  Forms,
  FormV2,
  HouseStyle,
  Info,
  Item,
  ItemPart,
  Language,
  MeetingFileV2,
  Organisation,
  PersonV2,
  PhotoPosition,
  PhotoV2,
  QuoteV2,
  ReleaseV2,
  Run,
  Translation,
} from './bindings';
import { carried, whole } from './kept';

export const FORMAT_V2 = 'communique.meeting.v2' as const;

export interface UiPerson {
  key: string;
  id: string;
  name: string;
  /** The forms in the release's language. */
  full: string;
  role: string;
  short: string;
  pronoun: string;
  /** The other languages' forms, as loaded. */
  keep: Partial<Record<Language, Forms>>;
}

export interface UiQuote {
  key: string;
  id: string;
  speaker: string;
  /** When it was said (RFC 3339), or ''. */
  said: string;
  /** Its words and verb in the release's language. */
  text: string;
  verb: string;
  form: FormV2 | '';
  in_release: boolean;
  keep: { original: Language | null; typed_marks: boolean | undefined; words: Partial<Record<Language, string>>; verb: Partial<Record<Language, string>> };
}

/** What the release says about one agenda item. */
export interface UiPart {
  /** The sub-heading as typed; `headingRuns` holds one that is more than text (a mention). */
  heading: string;
  headingRuns: Run[] | null;
  blocks: Block[];
}

export interface UiItem {
  key: string;
  id: string;
  title: string;
  notes: string;
  in_release: boolean;
  quotes: UiQuote[];
  part: UiPart;
}

export interface UiPhoto {
  key: string;
  id: string;
  /** The archive's image, by its SHA-256 ('' : none). */
  image: string;
  caption: string;
  /** A caption that is more than text, kept as it is. */
  captionRuns: Run[] | null;
  /** What a reader who cannot see the image is told instead. */
  alt: string;
  language: string;
  credit: string;
  position: PhotoPosition;
}

export interface UiRelease {
  label: string;
  headline: string;
  headlineRuns: Run[] | null;
  deck: string;
  deckRuns: Run[] | null;
  place: string;
  position: DatelinePosition;
  published: string;
  updated: string;
  embargo: string;
  lead: Block[];
  closing: Block[];
  contact: Block[];
  notes_to_editors: Block[];
  /** Corrections after publication (core's `Store::correct` adds them), kept whole: the editor
   * never edits them in place. */
  corrections: Correction[];
  photos: UiPhoto[];
  /** A translated release's record of its source, text by text (core's `translation.rs`), kept
   * whole: core replaces it (`markTranslated`), the editor never edits it in place. */
  translation: Translation | null;
}

export interface UiMeeting {
  title: string;
  /** The organisation's name in the release's language. */
  organisation: string;
  location: string;
  starts: string;
  ends: string;
  timezone: string;
  /** The organisation's house style (`docs/meeting-file-v2.md`); a field left out is its default. */
  style: HouseStyle;
}

export interface UiDoc {
  /** The release being edited: its language, and where it stands in `releases`. */
  language: Language;
  meeting: UiMeeting;
  people: UiPerson[];
  agenda: UiItem[];
  release: UiRelease;
  /** As loaded, kept through: the languages, the organisations, the other releases. */
  keep: {
    languages: Language[];
    /** The id of the meeting's organisation, when it has one. */
    organisation: string | null;
    organisations: Organisation[];
    /** Every release as loaded; the edited one is `releaseIndex` (-1: none yet). */
    releases: ReleaseV2[];
    releaseIndex: number;
    /** The loaded release listed its items' parts in another order than the agenda's: keep it. */
    partOrder: string[] | null;
  };
}

let counter = 0;
/** A client-only key, unique for the page's lifetime. */
export function newKey(prefix = 'k'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/** An id `prefix-<n>` no row of `taken` has (the file's ids are short names, not keys). */
export function freshRowId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = used.size + 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!used.has(id)) return id;
  }
}

const s = (v: string | undefined | null): string => v ?? '';

/** Runs that are one plain text, as that text; null when they hold a span. */
export function plainOf(runs: readonly Run[] | undefined | null): string | null {
  if (!runs) return '';
  let out = '';
  for (const r of runs) {
    if (typeof r !== 'string') return null;
    out += r;
  }
  return out;
}

const emptyPart = (): UiPart => ({ heading: '', headingRuns: null, blocks: whole([]) });

export function blankQuote(doc: UiDoc, speaker = '', said = ''): UiQuote {
  return {
    key: newKey('q'),
    id: freshRowId('q', allQuotes(doc).map((q) => q.id)),
    speaker,
    said,
    text: '',
    verb: '',
    form: '',
    in_release: true,
    keep: carried({ original: null, typed_marks: undefined, words: {}, verb: {} }),
  };
}

export function blankItem(doc: UiDoc, title = ''): UiItem {
  return { key: newKey('i'), id: freshRowId('item', doc.agenda.map((i) => i.id)), title, notes: '', in_release: true, quotes: [], part: emptyPart() };
}

export function blankPhoto(doc: UiDoc): UiPhoto {
  return { key: newKey('f'), id: freshRowId('photo', doc.release.photos.map((p) => p.id)), image: '', caption: '', captionRuns: null, alt: '', language: '', credit: '', position: 'end' };
}

export function blankPerson(id: string, name: string, forms: { full?: string; role?: string; short?: string; pronoun?: string } = {}): UiPerson {
  return { key: newKey('p'), id, name, full: s(forms.full), role: s(forms.role), short: s(forms.short), pronoun: s(forms.pronoun), keep: carried({}) };
}

export function allQuotes(doc: UiDoc): UiQuote[] {
  return doc.agenda.flatMap((i) => i.quotes);
}

// Languages in core's order (`Language`, a BTreeMap key there, ordered by tag): per-language maps
// are written so.
const byTag = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A per-language map with its keys in core's order. */
function ordered<T>(rec: Partial<Record<Language, T>>): Partial<Record<Language, T>> {
  const langs = (Object.keys(rec) as Language[]).sort(byTag);
  return Object.fromEntries(langs.map((l) => [l, rec[l]]));
}

function without<T>(rec: Partial<Record<Language, T>> | undefined, lang: Language): Partial<Record<Language, T>> {
  const out: Partial<Record<Language, T>> = { ...(rec ?? {}) };
  delete out[lang];
  return out;
}

/** The working copy of `file`, editing its release in `language` (none yet: the first language's). */
export function toUi(file: MeetingFileV2, language: Language): UiDoc {
  const m = file.meeting;
  const releases = file.releases ?? [];
  const releaseIndex = releases.findIndex((r) => r.language === language);
  const r: ReleaseV2 | undefined = releases[releaseIndex];
  const orgId = m.organisation ?? null;
  const org = (file.organisations ?? []).find((o) => o.id === orgId);
  const parts = new Map((r?.items ?? []).map((p) => [p.item, p]));
  const agendaIds = file.agenda.map((i) => i.id).filter((id) => parts.has(id));
  const loadedOrder = (r?.items ?? []).map((p) => p.item);
  const headline = plainOf(r?.headline);
  const deck = plainOf(r?.deck);
  return {
    language,
    meeting: {
      title: s(m.title),
      organisation: s(org?.name?.[language]),
      location: s(m.location),
      starts: s(m.starts),
      ends: s(m.ends),
      timezone: s(m.timezone),
      style: { ...(org?.style ?? {}) },
    },
    people: (file.people ?? []).map((p) => {
      const f = p.forms?.[language];
      return {
        key: newKey('p'),
        id: p.id,
        name: s(p.name),
        full: s(f?.full),
        role: s(f?.role),
        short: s(f?.short),
        pronoun: s(f?.pronoun),
        keep: carried(without(p.forms, language)),
      };
    }),
    agenda: file.agenda.map((it) => {
      const part = parts.get(it.id);
      const heading = part?.heading ? plainOf(part.heading) : '';
      return {
        key: newKey('i'),
        id: it.id,
        title: s(it.title),
        notes: s(it.notes),
        in_release: it.in_release ?? true,
        quotes: (it.quotes ?? []).map((q) => ({
          key: newKey('q'),
          id: q.id,
          speaker: s(q.speaker),
          said: s(q.said),
          text: s(q.words?.[language]),
          verb: s(q.verb?.[language]),
          form: q.form ?? '',
          in_release: q.in_release ?? true,
          keep: carried({ original: q.original ?? null, typed_marks: q.typed_marks, words: without(q.words, language), verb: without(q.verb, language) }),
        })),
        part: {
          heading: heading ?? '',
          headingRuns: heading === null ? whole(part!.heading as Run[]) : null,
          blocks: whole(part?.blocks ?? []),
        },
      };
    }),
    release: {
      label: s(r?.label),
      headline: headline ?? '',
      headlineRuns: headline === null ? whole(r!.headline!) : null,
      deck: deck ?? '',
      deckRuns: deck === null ? whole(r!.deck!) : null,
      place: s(r?.dateline?.place),
      position: r?.dateline?.position ?? 'line',
      published: s(r?.published),
      updated: s(r?.updated),
      embargo: s(r?.embargo),
      lead: whole(r?.lead ?? []),
      closing: whole(r?.closing ?? []),
      contact: whole(r?.contact ?? []),
      notes_to_editors: whole(r?.notes_to_editors ?? []),
      corrections: whole(r?.corrections ?? []),
      photos: (r?.photos ?? []).map((p) => {
        const caption = plainOf(p.caption);
        return {
          key: newKey('f'),
          id: p.id,
          image: s(p.image),
          caption: caption ?? '',
          captionRuns: caption === null ? whole(p.caption!) : null,
          alt: s(p.alt),
          language: s(p.language),
          credit: s(p.credit),
          position: p.position ?? 'end',
        };
      }),
      translation: r?.translation ? carried(r.translation) : null,
    },
    keep: {
      languages: m.languages.length ? [...m.languages] : [language],
      organisation: orgId,
      organisations: whole(file.organisations ?? []),
      releases: whole(releases),
      releaseIndex,
      partOrder: JSON.stringify(loadedOrder) === JSON.stringify(agendaIds) ? null : loadedOrder,
    },
  };
}

/** Sets `obj[k]` only when the text is not empty. */
function opt<T extends object>(obj: T, k: string, v: string | null | undefined): T {
  if (v !== '' && v !== null && v !== undefined) (obj as Record<string, unknown>)[k] = v;
  return obj;
}

/** A quote is a draft (kept in the editor only) until it has a speaker. */
export function isDraftQuote(q: UiQuote): boolean {
  return q.speaker === '';
}

export function toWire(ui: UiDoc): MeetingFileV2 {
  // Fields in the file's order.
  const orgs = organisationsToWire(ui);
  const people = peopleToWire(ui);
  const releases = releasesToWire(ui);
  return {
    format: FORMAT_V2,
    meeting: meetingToWire(ui),
    ...(orgs.length ? { organisations: orgs } : {}),
    // Core writes these two even when empty.
    people,
    agenda: ui.agenda.map((it) => itemToWire(ui, it)),
    releases,
  };
}

// The document's parts, each as `toWire` writes it: the live preview sends only the ones that
// changed (`DocPartV2`).

export function meetingToWire(ui: UiDoc): Info {
  const m = ui.meeting;
  const info: Info = { title: m.title, starts: m.starts, languages: ui.keep.languages };
  const org = orgIdOf(ui);
  if (org) info.organisation = org;
  opt(info, 'location', m.location.trim() === '' ? '' : m.location);
  opt(info, 'ends', m.ends);
  opt(info, 'timezone', m.timezone.trim());
  const { title, organisation, location, starts, ends, timezone, languages } = info;
  return {
    title,
    ...(organisation ? { organisation } : {}),
    ...(location ? { location } : {}),
    starts,
    ...(ends ? { ends } : {}),
    ...(timezone ? { timezone } : {}),
    languages,
  };
}

/** The organisation the meeting names: the loaded one's id, `org` for a name typed anew. */
function orgIdOf(ui: UiDoc): string | null {
  const id = ui.keep.organisation;
  const kept = ui.keep.organisations.find((o) => o.id === id);
  const hasOther = kept && (Object.keys(without(kept.name, ui.language)).length > 0 || kept.boilerplate);
  if (ui.meeting.organisation.trim() === '' && !hasOther) return null;
  return id ?? freshOrgId(ui);
}

function freshOrgId(ui: UiDoc): string {
  const taken = new Set(ui.keep.organisations.map((o) => o.id));
  if (!taken.has('org')) return 'org';
  return freshRowId('org', taken);
}

export function organisationsToWire(ui: UiDoc): Organisation[] {
  const id = orgIdOf(ui);
  const out = ui.keep.organisations.filter((o) => o.id !== ui.keep.organisation || id !== null);
  if (!id) return out;
  const name = ui.meeting.organisation.trim() === '' ? '' : ui.meeting.organisation;
  const i = out.findIndex((o) => o.id === id);
  const base: Organisation = i >= 0 ? out[i] : { id, name: {} };
  const names = without(base.name, ui.language);
  if (name) names[ui.language] = name;
  const org: Organisation = { id, name: ordered(names) };
  if (base.boilerplate) org.boilerplate = base.boilerplate;
  const style = houseStyleToWire(ui.meeting.style);
  if (style) org.style = style;
  return i >= 0 ? out.map((o, j) => (j === i ? org : o)) : [...out, org];
}

/** Each field's default: what a release prints without a style (not written back). */
export const STYLE_DEFAULTS: Required<HouseStyle> = { apostrophe: 'as-typed', french_spacing: 'nbsp', date: 'long', time: '24h', dateline_place: 'upper' };

/** The style as the file writes it: the fields away from their default, in the schema's order; null when none is. */
export function houseStyleToWire(style: HouseStyle): HouseStyle | null {
  const out: HouseStyle = {};
  for (const k of Object.keys(STYLE_DEFAULTS) as (keyof HouseStyle)[]) {
    const v = style[k];
    if (v !== undefined && v !== STYLE_DEFAULTS[k]) (out as Record<string, string>)[k] = v;
  }
  return Object.keys(out).length ? out : null;
}

function formsOf(p: UiPerson): Forms | null {
  const f: Forms = {};
  opt(f, 'full', p.full);
  opt(f, 'role', p.role);
  opt(f, 'short', p.short);
  opt(f, 'pronoun', p.pronoun);
  return Object.keys(f).length ? f : null;
}

export function personToWire(ui: UiDoc, p: UiPerson): PersonV2 {
  const out: PersonV2 = { id: p.id, name: p.name };
  const forms: Partial<Record<Language, Forms>> = { ...p.keep };
  const mine = formsOf(p);
  if (mine) forms[ui.language] = mine;
  if (Object.keys(forms).length) out.forms = ordered(forms);
  return out;
}

export function peopleToWire(ui: UiDoc): PersonV2[] {
  return ui.people.map((p) => personToWire(ui, p));
}

function perLanguage(kept: Partial<Record<Language, string>>, lang: Language, mine: string): Partial<Record<Language, string>> {
  const all: Partial<Record<Language, string>> = { ...kept };
  if (mine !== '') all[lang] = mine;
  return ordered(all);
}

export function quoteToWire(ui: UiDoc, q: UiQuote): QuoteV2 {
  const out: QuoteV2 = { id: q.id, speaker: q.speaker, words: perLanguage(q.keep.words, ui.language, q.text) };
  if (q.said) out.said = q.said;
  if (q.keep.original) out.original = q.keep.original;
  const verb = perLanguage(q.keep.verb, ui.language, q.verb.trim() === '' ? '' : q.verb);
  const { id, speaker, said, original, words } = out;
  const ordered: QuoteV2 = { id, speaker, ...(said ? { said } : {}), ...(original ? { original } : {}), words };
  if (Object.keys(verb).length) ordered.verb = verb;
  if (q.form !== '') ordered.form = q.form;
  if (q.keep.typed_marks !== undefined) ordered.typed_marks = q.keep.typed_marks;
  if (!q.in_release) ordered.in_release = false;
  return ordered;
}

/** The quotes that can be saved (not drafts), as the file holds them: what the text can place. */
export function quotesToWire(ui: UiDoc): QuoteV2[] {
  return allQuotes(ui)
    .filter((q) => !isDraftQuote(q))
    .map((q) => quoteToWire(ui, q));
}

export function itemToWire(ui: UiDoc, it: UiItem): Item {
  const out: Item = { id: it.id, title: it.title };
  if (it.notes !== '') out.notes = it.notes;
  if (!it.in_release) out.in_release = false;
  const quotes = it.quotes.filter((q) => !isDraftQuote(q)).map((q) => quoteToWire(ui, q));
  if (quotes.length) out.quotes = quotes;
  return out;
}

/** The item's part in the release, or null when the release says nothing of it. */
export function partToWire(it: UiItem): ItemPart | null {
  const p = it.part;
  const heading = p.headingRuns ?? (p.heading.trim() === '' ? null : [p.heading]);
  if (!heading && p.blocks.length === 0) return null;
  const out: ItemPart = { item: it.id };
  if (heading) out.heading = heading;
  if (p.blocks.length) out.blocks = p.blocks;
  return out;
}

/** The parts, in the release's order: the agenda's, or the loaded file's own when it had one. */
export function partsToWire(ui: UiDoc): ItemPart[] {
  const parts = ui.agenda.map(partToWire).filter((p): p is ItemPart => p !== null);
  const order = ui.keep.partOrder;
  if (!order) return parts;
  const rank = new Map(order.map((id, i) => [id, i]));
  const agendaRank = new Map(ui.agenda.map((it, i) => [it.id, i]));
  // Parts the file listed keep its order; new ones go where the agenda puts them among those.
  return parts
    .map((p, i) => ({ p, key: rank.get(p.item) ?? (agendaRank.get(p.item) ?? i) - 0.5 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.p);
}

const runsOf = (text: string, runs: Run[] | null): Run[] | null => runs ?? (text === '' ? null : [text]);

/** The edited release without its items' parts (`release_head`), or null while nothing of it is typed. */
export function releaseHeadToWire(ui: UiDoc): ReleaseV2 | null {
  const r = ui.release;
  const out: ReleaseV2 = { language: ui.language };
  opt(out, 'label', r.label.trim() === '' ? '' : r.label);
  const headline = runsOf(r.headline, r.headlineRuns);
  if (headline) out.headline = headline;
  const deck = runsOf(r.deck, r.deckRuns);
  if (deck) out.deck = deck;
  if (r.place.trim() !== '' || r.position !== 'line') {
    out.dateline = {};
    if (r.place.trim() !== '') out.dateline.place = r.place;
    if (r.position !== 'line') out.dateline.position = r.position;
  }
  opt(out, 'published', r.published);
  opt(out, 'updated', r.updated);
  opt(out, 'embargo', r.embargo);
  if (r.lead.length) out.lead = r.lead;
  if (r.closing.length) out.closing = r.closing;
  const photos = r.photos.map(photoToWire);
  if (photos.length) out.photos = photos;
  if (r.contact.length) out.contact = r.contact;
  if (r.notes_to_editors.length) out.notes_to_editors = r.notes_to_editors;
  if (r.corrections.length) out.corrections = r.corrections;
  if (r.translation) out.translation = r.translation;
  const empty = Object.keys(out).length === 1;
  return empty && ui.keep.releaseIndex < 0 ? null : out;
}

function photoToWire(p: UiPhoto): PhotoV2 {
  const out: PhotoV2 = { id: p.id };
  opt(out, 'image', p.image);
  const caption = runsOf(p.caption, p.captionRuns);
  if (caption) out.caption = caption;
  opt(out, 'alt', p.alt);
  opt(out, 'language', p.language);
  opt(out, 'credit', p.credit);
  if (p.position !== 'end') out.position = p.position;
  return out;
}

/** The edited release, whole, or null while it has nothing. */
export function releaseToWire(ui: UiDoc): ReleaseV2 | null {
  const head = releaseHeadToWire(ui);
  const items = partsToWire(ui);
  if (!head && items.length === 0) return null;
  const r = head ?? { language: ui.language };
  // The schema's order: items after lead.
  const { language, label, headline, deck, dateline, published, updated, embargo, lead, ...rest } = r;
  const out: ReleaseV2 = { language };
  Object.assign(out, label !== undefined ? { label } : {}, headline ? { headline } : {}, deck ? { deck } : {});
  Object.assign(out, dateline ? { dateline } : {}, published ? { published } : {}, updated ? { updated } : {}, embargo ? { embargo } : {});
  if (lead) out.lead = lead;
  if (items.length) out.items = items;
  Object.assign(out, rest);
  return out;
}

/** Every release: the edited one in its place (or after the others when it is new). */
export function releasesToWire(ui: UiDoc): ReleaseV2[] {
  const mine = releaseToWire(ui);
  const i = ui.keep.releaseIndex;
  const others = ui.keep.releases.filter((_, j) => j !== i);
  if (!mine) return others;
  if (i < 0) return [...others, mine];
  const out = ui.keep.releases.slice();
  out[i] = mine;
  return out;
}

/** Where the edited release stands in `releasesToWire` (for `release_head` and `release_item`). */
export function releaseIndexOf(ui: UiDoc): number {
  const i = ui.keep.releaseIndex;
  return i >= 0 ? i : ui.keep.releases.length;
}

/** Number of quotes that can't be saved yet because they have no speaker. */
export function draftCount(ui: UiDoc): number {
  let n = 0;
  for (const it of ui.agenda) for (const q of it.quotes) if (isDraftQuote(q)) n += 1;
  return n;
}

type Visit = { runs(list: readonly Run[]): void; blockquote(quote: string): void };

function visitRuns(list: readonly Run[] | null | undefined, v: Visit): void {
  if (!list) return;
  v.runs(list);
  for (const r of list) if (typeof r !== 'string' && 'quote' in r) visitRuns(r.clause, v);
}

function visitBlocks(list: readonly Block[], v: Visit): void {
  for (const b of list) {
    if ('p' in b) visitRuns(b.p, v);
    else if ('h' in b) visitRuns(b.h, v);
    else if ('list' in b) for (const e of b.entries) visitRuns(e, v);
    else if ('blockquote' in b) {
      v.blockquote(b.blockquote);
      visitRuns(b.byline, v);
    } else if ('statement' in b) {
      visitRuns(b.statement, v);
      for (const p of b.paragraphs ?? []) visitRuns(p, v);
    }
  }
}

/** Every text of the edited release as the editor holds it (blocks, sub-headings, captions). */
function visitRelease(ui: UiDoc, v: Visit, skip?: UiItem): void {
  const r = ui.release;
  for (const runs of [r.headlineRuns, r.deckRuns, ...r.photos.map((p) => p.captionRuns)]) visitRuns(runs, v);
  for (const blocks of [r.lead, r.closing, r.contact, r.notes_to_editors]) visitBlocks(blocks, v);
  for (const it of ui.agenda) {
    if (it === skip) continue;
    visitRuns(it.part.headingRuns, v);
    visitBlocks(it.part.blocks, v);
  }
}

function quoteCollector(out: Set<string>): Visit {
  return {
    runs: (list) => {
      for (const r of list) if (typeof r !== 'string' && 'quote' in r) out.add(r.quote);
    },
    blockquote: (q) => out.add(q),
  };
}

/** The quotes (ids) a block list places (spans and block quotes). */
export function placedIn(blocks: readonly Block[]): Set<string> {
  const out = new Set<string>();
  visitBlocks(blocks, quoteCollector(out));
  return out;
}

/** The quotes (ids) the edited release places (but in `skip`'s part, when given). */
export function placedQuoteIds(ui: UiDoc, skip?: UiItem): Set<string> {
  const out = new Set<string>();
  visitRelease(ui, quoteCollector(out), skip);
  return out;
}

/** The people (ids) the edited release mentions. */
export function mentionedPeople(ui: UiDoc): Set<string> {
  const out = new Set<string>();
  visitRelease(ui, {
    runs: (list) => {
      for (const r of list) if (typeof r !== 'string' && 'person' in r) out.add(r.person);
    },
    blockquote: () => {},
  });
  return out;
}

/** The file's ids of the edited release's blocks, but those of one list (ids.ts `releaseBlockIds`). */
export function blockIdsBut(ui: UiDoc, mine: readonly Block[]): string[] {
  const r = ui.release;
  const lists = [r.lead, r.closing, r.contact, r.notes_to_editors, ...ui.agenda.map((i) => i.part.blocks)];
  const out: string[] = [];
  for (const l of lists) if (l !== mine) for (const b of l) out.push(b.id);
  return out;
}
