// An in-memory stand-in for the Rust shell. It implements every generated command (`commands` in
// src/lib/bindings.ts) with the same parameters and results, so the type check fails here when a
// command, an argument or a field changes in Rust. The harness transpiles this file, reads how
// each command is invoked from the generated bindings (`routes`), and serialises
// `installFakeBackend` into the page with page.addInitScript: it must use nothing outside its body
// at run time (type imports only). It installs window.__TAURI_INTERNALS__ the way
// @tauri-apps/api/mocks' mockIPC does. Test code only: the release it "renders" is a rough
// imitation for assertions and screenshots.
//
// It keeps meeting files v2 (docs/meeting-file-v2.md), as the archive does. A seed may give a v1
// file: `upgradeV1` gives its v2 form exactly as core's `communique upgrade` does (the docs' "v1 →
// v2" table), and a v1 meeting renders as the v1 fake rendered it (its paragraphs and dateline
// byte for byte), so tests written against v1 text keep their meaning.

import type {
  Attributed,
  HouseStyle,
  ReleaseFacts,
  AgendaItem,
  AppError,
  Block,
  Code,
  commands,
  Dateline,
  DiffPara,
  DocPartV2,
  Edit,
  Format,
  Forms,
  Info,
  Item,
  ItemPart,
  Language,
  MeetingFile,
  MeetingFileV2,
  MeetingInfo,
  MeetingSummary,
  OpenMeetingV2,
  Organisation,
  Person,
  PersonV2,
  Photo,
  PhotoV2,
  PreviewParts,
  Quote,
  QuoteV2,
  Release,
  ReleaseV2,
  Run,
  Segment,
  VersionReason,
} from '../../src/lib/bindings';

type Commands = typeof commands;
type Result<K extends keyof Commands> = Awaited<ReturnType<Commands[K]>>;
/** The fake's implementation of each command: the generated parameters, the generated result. */
export type Handlers = { [K in keyof Commands]: (...args: Parameters<Commands[K]>) => Result<K> | Promise<Result<K>> };
/** Command name (`list_meetings`) → the accessor of `commands` and its argument names, in order. */
export type Routes = Record<string, { accessor: keyof Commands; args: string[] }>;

/** A meeting file as a seed may give it: v1 (upgraded as core upgrades it) or v2. */
export type SeedDoc = MeetingFile | MeetingFileV2;
interface SeedMeeting {
  id?: number;
  revision?: number;
  modified_at?: string;
  /** A sample meeting (the first start's): listed as one, never searched. */
  sample?: boolean;
  doc: SeedDoc;
}
export interface Seed {
  meetings?: SeedMeeting[];
  saveDelay?: number;
  previewDelay?: number;
  directory?: Person[];
  backups?: { path: string; name: string; created_at: string; size_bytes?: number; meetings: SeedMeeting[] }[];
  /** Seeded history, oldest first, recorded like exports were. */
  versions?: { id: number; reason: VersionReason; created_at?: string; doc: SeedDoc }[];
}

interface Stored {
  id: number;
  revision: number;
  modified_at: string;
  sample?: boolean;
  doc: MeetingFileV2;
}
interface Version {
  number: number;
  created_at: string;
  reason: VersionReason;
  blocks: string[];
  doc: MeetingFileV2;
}
type Listener = { id: number; event: string; handler: number };

/** What `window.__fake` offers a test (see the end of `installFakeBackend`). */
export interface FakeApi {
  upgradeV1(doc: MeetingFile): MeetingFileV2;
  canonical(doc: MeetingFileV2): MeetingFileV2;
  validate(doc: MeetingFileV2): void;
  renderHtml(doc: SeedDoc, language?: Language | null): string;
  blocks(doc: SeedDoc): string[];
  [more: string]: unknown;
}

/**
 * Installs the fake shell on `target` (the page's window; a plain object in Node, for checks of
 * the fake itself) and returns what it puts at `target.__fake`.
 */
export function installFakeBackend(seed: Seed, routes: Routes, target?: object): FakeApi {
  const clone = <T>(x: T): T => (x === undefined ? x : JSON.parse(JSON.stringify(x)));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const err = (code: Code, message: string): AppError => ({ code, message });
  /** A document refused as core refuses it: `FILE: PATH: message`, the file being `meeting`. */
  const invalid = (path: string, message: string): AppError => err('invalid_input', path ? `meeting: ${path}: ${message}` : `meeting: ${message}`);
  const LANGUAGES: Language[] = ['en', 'fr'];
  const isLanguage = (x: unknown): x is Language => typeof x === 'string' && (LANGUAGES as string[]).includes(x);
  const unsupported = (tag: string) => `unsupported language ${JSON.stringify(tag)}: v1 renders ${LANGUAGES.join(', ')}`;
  const json = (s: string) => JSON.stringify(s);

  // ── The language tables, as far as the rough renderer goes (core's `lang::Table`) ──────────
  const TABLES_EN_FR = {
    en: {
      open: '\u201c', close: '\u201d', secondaryOpen: '\u2018', secondaryClose: '\u2019', pad: '',
      verb: 'said', that: 'that', colon: ':', added: '{} added', updated: 'Updated:', dash: '\u2013', byline: '\u2014 ',
      embargo: 'Embargoed until', contact: 'Media enquiries', notes: 'Notes to editors', commaInside: true, inverts: false,
      months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    },
    fr: {
      // Core pads French marks and puts a no-break space before ':' (and '?', '!', '»'); the v1
      // fake wrote plain spaces, which the browser tests read: the rough renderer keeps them.
      open: '\u00ab', close: '\u00bb', secondaryOpen: '\u201c', secondaryClose: '\u201d', pad: ' ',
      verb: 'a déclaré', that: 'que', colon: ' :', added: "Et d'ajouter", updated: 'Mis à jour le :', dash: '\u2013', byline: '\u2014 ',
      embargo: "Sous embargo jusqu'au", contact: 'Contact presse', notes: 'Notes aux rédactions', commaInside: false, inverts: true,
      months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    },
  };
  // The fake composes only English and French (its seeds' languages).
  const TABLES = TABLES_EN_FR as Record<Language, (typeof TABLES_EN_FR)['en']>;
  const hasMarks = (lang: Language, text: string) => text.includes(TABLES[lang].open) || text.includes(TABLES[lang].close);

  const state = {
    meetings: new Map<number, Stored>(),
    nextId: 1,
    calls: [] as { cmd: string; args: Record<string, unknown>; at: number }[],
    saveDelay: seed.saveDelay ?? 0,
    previewDelay: seed.previewDelay ?? 0,
    saveFailures: [] as AppError[],
    pendingSaves: 0,
    uiReady: [] as { meetings: number; previewParagraphs: number }[],
    exports: [] as { id: number; format: string; language: Language; revision: number; path: string }[],
    /** Each `copy_release`: the document sent and the language of the release copied. */
    copies: [] as { doc: MeetingFileV2; language: Language }[],
    closed: 0,
    closeAcks: 0,
    /** What the next `save_meeting_file` dialogs answer: a path, `null` (cancelled) or an error. */
    meetingFileAnswers: [] as (string | null | AppError)[],
    meetingFiles: [] as { path: string; doc: MeetingFileV2 }[],
    /** What the next `import_meeting` dialogs pick: a v1 or v2 file (none left: cancelled). */
    importQueue: [] as SeedDoc[],
    directory: seed.directory ?? [],
    /** meeting id → versions, oldest first */
    versions: new Map<number, Version[]>(),
    backups: seed.backups ?? [],
    restoredBackups: [] as string[],
    /** Set by a test: HTML appended to every preview. */
    previewAppend: undefined as string | undefined,
    /** The document `previewEditV2` keeps, as core's LivePreviewV2 does. */
    live: null as { session: number; language: Language | null; doc: MeetingFileV2; shown: { render: number; preview: PreviewParts } | null } | null,
    renders: 0,
    /** Set by a test: exporting stores this `updated` time, as the shell does for a correction. */
    exportSetsUpdated: undefined as string | undefined,
  };

  // ── v1 in: its strict check (as the v1 fake had it) and core's upgrade ─────────────────────
  // Each list is checked against the generated type: a field added, renamed or removed in Rust
  // fails the type check here.
  const fields = <T>(keys: Record<keyof T, true>) => Object.keys(keys);
  const ALLOWED_V1 = {
    root: fields<MeetingFile>({ format: true, meeting: true, people: true, agenda: true, release: true }),
    meeting: fields<MeetingInfo>({ title: true, organisation: true, language: true, location: true, starts: true, ends: true, timezone: true }),
    person: fields<Person>({ id: true, name: true, full: true, role: true, short: true }),
    item: fields<AgendaItem>({ title: true, notes: true, in_release: true, summary: true, quotes: true }),
    quote: fields<Quote>({ speaker: true, text: true, verb: true, form: true, in_release: true }),
    release: fields<Release>({ headline: true, lead: true, closing: true, published: true, updated: true, photos: true }),
    photo: fields<Photo>({ caption: true, language: true, credit: true }),
  };
  function checkV1(obj: unknown, kind: keyof typeof ALLOWED_V1, path: string): void {
    if (!obj || typeof obj !== 'object') throw invalid(path, 'expected an object');
    for (const k of Object.keys(obj)) {
      if (!ALLOWED_V1[kind].includes(k)) throw invalid(path ? `${path}.${k}` : k, `unknown field \`${k}\``);
    }
  }
  function validateV1(doc: MeetingFile): void {
    checkV1(doc, 'root', '');
    if (doc.format !== 'communique.meeting.v1') throw invalid('format', `unsupported format ${JSON.stringify(doc.format)}`);
    checkV1(doc.meeting, 'meeting', 'meeting');
    if (!isLanguage(doc.meeting.language)) throw invalid('meeting.language', unsupported(String(doc.meeting.language)));
    for (const f of ['starts', 'ends'] as const) {
      const v = doc.meeting[f];
      if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw invalid(`meeting.${f}`, `invalid date ${json(String(v))}: expected YYYY-MM-DD`);
    }
    const ids = new Set<string>();
    (doc.people ?? []).forEach((p, i) => {
      checkV1(p, 'person', `people[${i}]`);
      if (ids.has(p.id)) throw invalid(`people[${i}].id`, `duplicate id ${json(p.id)}: ids are unique in a meeting`);
      ids.add(p.id);
    });
    if (!Array.isArray(doc.agenda)) throw invalid('', 'missing field `agenda`');
    doc.agenda.forEach((it, i) => {
      checkV1(it, 'item', `agenda[${i}]`);
      (it.quotes ?? []).forEach((q, j) => {
        checkV1(q, 'quote', `agenda[${i}].quotes[${j}]`);
        if (!ids.has(q.speaker)) throw invalid(`agenda[${i}].quotes[${j}].speaker`, `unknown speaker ${json(q.speaker)}: not an id in people`);
        if (q.form != null && !['full', 'role', 'short'].includes(q.form)) throw invalid(`agenda[${i}].quotes[${j}].form`, `unknown variant \`${q.form}\``);
      });
    });
    if (doc.release) {
      checkV1(doc.release, 'release', 'release');
      (doc.release.photos ?? []).forEach((p, i) => checkV1(p, 'photo', `release.photos[${i}]`));
    }
  }

  /**
   * The v2 form of a v1 meeting, as core's `v2::upgrade` gives it (docs/meeting-file-v2.md, "v1 →
   * v2"), written canonically: organisation `org`, items `item-<n>`, quotes `q-<n>-<m>`, each
   * item's summary and quotes on the record one paragraph `p-<n>`, `lead`, `closing`,
   * `photo-<n>` at the end, `typed_marks` on a quote whose words hold the language's marks, no
   * release unless the v1 meeting has one or some item has something to say.
   */
  function upgradeV1(m: MeetingFile): MeetingFileV2 {
    const lang = m.meeting.language;
    const textRuns = (s: string | undefined): Run[] => (s ? [s] : []);
    const textBlocks = (id: string, s: string | undefined): Block[] => (s ? [{ id, p: [s] }] : []);
    const some = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;
    const people: PersonV2[] = (m.people ?? []).map((p) => {
      const forms: Forms = {};
      if (some(p.full)) forms.full = p.full;
      if (some(p.role)) forms.role = p.role;
      if (some(p.short)) forms.short = p.short;
      return Object.keys(forms).length ? { id: p.id, name: p.name, forms: { [lang]: forms } } : { id: p.id, name: p.name };
    });
    const agenda: Item[] = m.agenda.map((item, n) => ({
      id: `item-${n + 1}`,
      title: item.title,
      notes: item.notes ?? '',
      in_release: item.in_release ?? true,
      quotes: (item.quotes ?? []).map((q, j) => {
        const quote: QuoteV2 = { id: `q-${n + 1}-${j + 1}`, speaker: q.speaker, words: { [lang]: q.text } };
        if (some(q.verb)) quote.verb = { [lang]: q.verb };
        if (some(q.form)) quote.form = q.form;
        quote.typed_marks = hasMarks(lang, q.text);
        quote.in_release = q.in_release ?? true;
        return quote;
      }),
    }));
    const items: ItemPart[] = [];
    m.agenda.forEach((item, n) => {
      const runs = textRuns(item.summary);
      (item.quotes ?? []).forEach((q, j) => {
        if (q.in_release === false) return;
        if (runs.length) runs.push(' ');
        runs.push({ quote: `q-${n + 1}-${j + 1}` });
      });
      if (runs.length) items.push({ item: `item-${n + 1}`, blocks: [{ id: `p-${n + 1}`, p: runs }] });
    });
    const releases: ReleaseV2[] = [];
    if (some(m.release) || items.length) {
      const r = m.release ?? {};
      const release: ReleaseV2 = { language: lang, headline: textRuns(r.headline) };
      if (some(r.published)) release.published = r.published;
      if (some(r.updated)) release.updated = r.updated;
      release.lead = textBlocks('lead', r.lead);
      release.items = items;
      release.closing = textBlocks('closing', r.closing);
      release.photos = (r.photos ?? []).map((p, n) => {
        const photo: PhotoV2 = { id: `photo-${n + 1}`, caption: textRuns(p.caption) };
        if (some(p.language)) photo.language = p.language;
        if (some(p.credit)) photo.credit = p.credit;
        photo.position = 'end';
        return photo;
      });
      releases.push(release);
    }
    const info: Info = { title: m.meeting.title, starts: m.meeting.starts, languages: [lang] };
    if (some(m.meeting.organisation)) info.organisation = 'org';
    if (some(m.meeting.location)) info.location = m.meeting.location;
    if (some(m.meeting.ends)) info.ends = m.meeting.ends;
    if (some(m.meeting.timezone)) info.timezone = m.meeting.timezone;
    return canonical({
      format: 'communique.meeting.v2',
      meeting: info,
      organisations: some(m.meeting.organisation) ? [{ id: 'org', name: { [lang]: m.meeting.organisation } }] : [],
      people,
      agenda,
      releases,
    });
  }

  // ── The canonical v2 file (core's writer): fields in the schema's order, defaults left out ──
  /** A moment as core writes it (chrono's RFC 3339, `Z` for UTC, the fraction in 3, 6 or 9 digits). */
  function moment(s: string): string {
    const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+\-\u2212]\d{2}:\d{2})$/.exec(s);
    if (!m) return s;
    const nanos = (m[3] ?? '').padEnd(9, '0').slice(0, 9);
    const frac = /^0+$/.test(nanos) ? '' : nanos.endsWith('000000') ? `.${nanos.slice(0, 3)}` : nanos.endsWith('000') ? `.${nanos.slice(0, 6)}` : `.${nanos}`;
    const off = m[4].replace('\u2212', '-');
    const zone = /^[Zz]$|^[+-]00:00$/.test(off) ? 'Z' : off;
    return `${m[1]}T${m[2]}${frac}${zone}`;
  }
  const published = (s: string) => (s.length <= 10 ? s : moment(s));
  function byLanguage<T, U>(map: Partial<Record<Language, T>> | undefined, f: (v: T) => U): Partial<Record<Language, U>> {
    const out: Partial<Record<Language, U>> = {};
    for (const k of Object.keys(map ?? {}).sort() as Language[]) out[k] = f((map as Record<Language, T>)[k]);
    return out;
  }
  const nonEmpty = (o: object) => Object.keys(o).length > 0;
  function canonicalRuns(runs: Run[]): Run[] {
    return runs.map((r): Run => {
      if (typeof r === 'string') return r;
      if ('person' in r) return r.form != null ? { person: r.person, form: r.form } : { person: r.person };
      if ('quote' in r) {
        const q: Extract<Run, { quote: string }> = { quote: r.quote };
        if (r.attribution != null) q.attribution = r.attribution;
        if (r.verb != null) q.verb = r.verb;
        if (r.form != null) q.form = r.form;
        if (r.clause != null) q.clause = canonicalRuns(r.clause);
        return q;
      }
      return { link: r.link, text: [...r.text] };
    });
  }
  function canonicalBlocks(blocks: Block[]): Block[] {
    return blocks.map((b): Block => {
      if ('p' in b && b.p != null) return { id: b.id, p: canonicalRuns(b.p) };
      if ('h' in b && b.h != null) return { id: b.id, h: canonicalRuns(b.h) };
      if ('list' in b && b.list != null) {
        const l: Extract<Block, { list: unknown }> = { id: b.id, list: b.list, entries: b.entries.map(canonicalRuns) };
        if (b.start != null) l.start = b.start;
        return l;
      }
      if ('blockquote' in b && b.blockquote != null) {
        return b.byline != null ? { id: b.id, blockquote: b.blockquote, byline: canonicalRuns(b.byline) } : { id: b.id, blockquote: b.blockquote };
      }
      const s = b as Extract<Block, { statement: Run[] }>;
      return { id: s.id, statement: canonicalRuns(s.statement), paragraphs: (s.paragraphs ?? []).map(canonicalRuns) };
    });
  }
  function canonical(doc: MeetingFileV2): MeetingFileV2 {
    const m = doc.meeting;
    const meeting: Info = {
      title: m.title,
      ...(m.organisation != null ? { organisation: m.organisation } : {}),
      ...(m.location != null ? { location: m.location } : {}),
      starts: m.starts,
      ...(m.ends !== undefined ? { ends: m.ends } : {}),
      ...(m.timezone !== undefined ? { timezone: m.timezone } : {}),
      languages: [...m.languages],
    };
    const organisations = (doc.organisations ?? []).map((o) => {
      const org: Organisation = { id: o.id, name: byLanguage(o.name, (n) => n) };
      const boilerplate = byLanguage(o.boilerplate, canonicalBlocks);
      if (nonEmpty(boilerplate)) org.boilerplate = boilerplate;
      // As core writes it: the fields away from their default, in the schema's order.
      const defaults = { apostrophe: 'as-typed', french_spacing: 'nbsp', date: 'long', time: '24h', dateline_place: 'upper' } as const;
      const style = Object.fromEntries(Object.entries(defaults).flatMap(([k, d]) => {
        const v = o.style?.[k as keyof typeof defaults];
        return v !== undefined && v !== d ? [[k, v]] : [];
      }));
      if (nonEmpty(style)) org.style = style;
      return org;
    });
    const people = (doc.people ?? []).map((p) => {
      const person: PersonV2 = { id: p.id, name: p.name };
      const forms = byLanguage(p.forms, (f) => {
        const o: Forms = {};
        for (const k of ['full', 'role', 'short', 'pronoun'] as const) if (f[k] != null) o[k] = f[k];
        return o;
      });
      if (nonEmpty(forms)) person.forms = forms;
      return person;
    });
    const agenda = doc.agenda.map((it) => {
      const item: Item = { id: it.id, title: it.title };
      if (it.notes) item.notes = it.notes;
      if (it.in_release === false) item.in_release = false;
      const quotes = (it.quotes ?? []).map((q) => {
        const quote: QuoteV2 = {
          id: q.id,
          speaker: q.speaker,
          ...(q.said !== undefined ? { said: moment(q.said) } : {}),
          ...(q.original != null ? { original: q.original } : {}),
          words: byLanguage(q.words, (w) => w),
        };
        const verb = byLanguage(q.verb, (v) => v);
        if (nonEmpty(verb)) quote.verb = verb;
        if (q.form != null) quote.form = q.form;
        if (q.typed_marks) quote.typed_marks = true;
        if (q.in_release === false) quote.in_release = false;
        return quote;
      });
      if (quotes.length) item.quotes = quotes;
      return item;
    });
    const releases = (doc.releases ?? []).map((r) => {
      const release: ReleaseV2 = { language: r.language };
      if (r.label != null) release.label = r.label;
      release.headline = canonicalRuns(r.headline ?? []);
      if (r.deck?.length) release.deck = canonicalRuns(r.deck);
      const dateline: Dateline = {};
      if (r.dateline?.place != null) dateline.place = r.dateline.place;
      if (r.dateline?.position && r.dateline.position !== 'line') dateline.position = r.dateline.position;
      if (nonEmpty(dateline)) release.dateline = dateline;
      if (r.published !== undefined) release.published = published(r.published);
      if (r.updated !== undefined) release.updated = moment(r.updated);
      if (r.embargo !== undefined) release.embargo = moment(r.embargo);
      if (r.lead?.length) release.lead = canonicalBlocks(r.lead);
      if (r.items?.length) {
        release.items = r.items.map((part) => {
          const p: ItemPart = { item: part.item };
          if (part.heading != null) p.heading = canonicalRuns(part.heading);
          p.blocks = canonicalBlocks(part.blocks ?? []);
          return p;
        });
      }
      if (r.closing?.length) release.closing = canonicalBlocks(r.closing);
      if (r.photos?.length) {
        release.photos = r.photos.map((ph) => {
          const photo: PhotoV2 = { id: ph.id };
          if (ph.image != null) photo.image = ph.image;
          photo.caption = canonicalRuns(ph.caption ?? []);
          if (ph.alt != null) photo.alt = ph.alt;
          if (ph.language != null) photo.language = ph.language;
          if (ph.credit != null) photo.credit = ph.credit;
          if (ph.position && ph.position !== 'end') photo.position = ph.position;
          return photo;
        });
      }
      if (r.contact?.length) release.contact = canonicalBlocks(r.contact);
      if (r.notes_to_editors?.length) release.notes_to_editors = canonicalBlocks(r.notes_to_editors);
      if (r.corrections?.length) release.corrections = r.corrections;
      return release;
    });
    return {
      format: 'communique.meeting.v2',
      meeting,
      ...(organisations.length ? { organisations } : {}),
      people,
      agenda,
      releases,
    };
  }
  /** A seed's document as the archive keeps it: v1 upgraded, v2 checked and canonical. */
  function stored(doc: SeedDoc): MeetingFileV2 {
    if (doc && (doc as { format?: unknown }).format === 'communique.meeting.v1') {
      validateV1(doc as MeetingFile);
      return upgradeV1(doc as MeetingFile);
    }
    validate(doc as MeetingFileV2);
    return canonical(doc as MeetingFileV2);
  }
  /** A seed's meeting as stored; a seed the archive could not hold is a mistake in the test. */
  function seeded(doc: SeedDoc, what: string): MeetingFileV2 {
    try {
      return stored(doc);
    } catch (e) {
      throw new Error(`fake shell: ${what} is not a meeting file core would read: ${(e as AppError).message ?? e}`);
    }
  }

  // ── Reading v2 strictly, as core reads a file: first its shape (serde), then the rules ─────
  type Check = (v: unknown, path: string) => void;
  const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const describe = (v: unknown) =>
    v === null ? 'null'
    : Array.isArray(v) ? 'sequence'
    : typeof v === 'object' ? 'map'
    : typeof v === 'string' ? `string ${json(v)}`
    : typeof v === 'number' ? (Number.isInteger(v) ? `integer \`${v}\`` : `floating point \`${v}\``)
    : `${typeof v} \`${String(v)}\``;
  const wrongType = (v: unknown, path: string, expected: string) => invalid(path, `invalid type: ${describe(v)}, expected ${expected}`);
  const str: Check = (v, path) => {
    if (typeof v !== 'string') throw wrongType(v, path, 'a string');
  };
  const bool: Check = (v, path) => {
    if (typeof v !== 'boolean') throw wrongType(v, path, 'a boolean');
  };
  const nullable = (check: Check): Check => (v, path) => {
    if (v !== null) check(v, path);
  };
  const list = (check: Check): Check => (v, path) => {
    if (!Array.isArray(v)) throw wrongType(v, path, 'a sequence');
    v.forEach((x, i) => check(x, `${path}[${i}]`));
  };
  const oneOf = (values: readonly string[]): Check => (v, path) => {
    str(v, path);
    if (values.includes(v as string)) return;
    const names = values.map((x) => `\`${x}\``);
    const expected = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} or ${names[1]}` : `one of ${names.join(', ')}`;
    throw invalid(path, `unknown variant \`${v}\`, expected ${expected}`);
  };
  const language: Check = (v, path) => {
    str(v, path);
    if (!isLanguage(v)) throw invalid(path, unsupported(v as string));
  };
  const byLanguageMap = (check: Check): Check => (v, path) => {
    if (!isObject(v)) throw wrongType(v, path, 'a map');
    for (const [k, x] of Object.entries(v)) {
      if (!isLanguage(k)) throw invalid(at(path, k), unsupported(k));
      check(x, at(path, k));
    }
  };
  const date: Check = (v, path) => {
    str(v, path);
    const s = v as string;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw invalid(path, `invalid date ${json(s)}: expected YYYY-MM-DD`);
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw invalid(path, `invalid date ${json(s)}: no such day in the calendar`);
  };
  const dateTime: Check = (v, path) => {
    str(v, path);
    const s = v as string;
    if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+\-\u2212]\d{2}:\d{2})$/.test(s) || Number.isNaN(Date.parse(moment(s)))) {
      throw invalid(path, `invalid date-time ${json(s)}: expected YYYY-MM-DDTHH:MM:SS with an offset (Z or +02:00)`);
    }
  };
  const dateOrTime: Check = (v, path) => (typeof v === 'string' && v.length <= 10 ? date(v, path) : dateTime(v, path));
  const zone: Check = (v, path) => {
    str(v, path);
    try {
      new Intl.DateTimeFormat('en', { timeZone: v as string });
    } catch {
      throw invalid(path, `unknown time zone ${json(v as string)}: expected an IANA name such as Europe/Brussels`);
    }
  };
  const u32: Check = (v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw wrongType(v, path, 'u32');
    if (v < 0 || v > 4294967295) throw invalid(path, `invalid value: ${describe(v)}, expected u32`);
  };
  /**
   * A struct as serde reads it: its fields in the document's order (an unknown one refused by
   * name, each known one checked), then the first required field missing. The keys of `checks`
   * are the allowed fields, typed against the generated type.
   */
  function struct<T>(name: string, checks: Record<keyof T, Check>, required: (keyof T & string)[]): Check {
    const allowed = Object.keys(checks);
    const c = checks as Record<string, Check>;
    return (v, path) => {
      if (!isObject(v)) throw wrongType(v, path, `struct ${name}`);
      for (const [k, x] of Object.entries(v)) {
        if (!allowed.includes(k)) throw invalid(at(path, k), `unknown field \`${k}\`, expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`);
        c[k](x, at(path, k));
      }
      for (const k of required) if (!(k in v)) throw invalid(path, `missing field \`${k}\``);
    };
  }
  type Mention = Extract<Run, { person: string }>;
  type QuoteSpan = Extract<Run, { quote: string }>;
  type LinkSpan = Extract<Run, { link: string }>;
  type SpanKey = keyof Mention | keyof QuoteSpan | keyof LinkSpan;
  type BlockKey = Block extends infer B ? (B extends unknown ? keyof B : never) : never;
  // Every field a span or a block may have, in the order core's messages list them (its flat
  // `SpanForm` and `BlockForm`): a key added to `Run` or `Block` in Rust fails the type check here.
  const SPAN_ORDER: Record<SpanKey, number> = { person: 0, quote: 1, attribution: 2, verb: 3, form: 4, clause: 5, link: 6, text: 7 };
  const BLOCK_ORDER: Record<BlockKey, number> = { id: 0, p: 1, h: 2, list: 3, entries: 4, start: 5, blockquote: 6, byline: 7, statement: 8, paragraphs: 9 };
  const ordered = (o: Record<string, number>) => Object.keys(o).sort((a, b) => o[a] - o[b]);
  const SPAN_FIELDS = ordered(SPAN_ORDER);
  const BLOCK_FIELDS = ordered(BLOCK_ORDER);
  const FORMS_V2 = ['full', 'role', 'short', 'pronoun'] as const satisfies readonly NonNullable<Mention['form']>[];
  const ATTRIBUTIONS = ['after', 'after-subject', 'before', 'before-that', 'added', 'none'] as const satisfies readonly NonNullable<QuoteSpan['attribution']>[];
  const present = (v: Record<string, unknown>, k: string) => v[k] !== undefined && v[k] !== null;
  const firstPresent = (v: Record<string, unknown>, keys: string[]) => keys.find((k) => present(v, k));
  const runs: Check = (v, path) => list(run)(v, path);
  const SPAN_CHECKS: Record<SpanKey, Check> = {
    person: nullable(str), quote: nullable(str), attribution: nullable(oneOf(ATTRIBUTIONS)), verb: nullable(str),
    form: nullable(oneOf(FORMS_V2)), clause: nullable(runs), link: nullable(str), text: nullable(list(str)),
  };
  function run(v: unknown, path: string): void {
    if (typeof v === 'string') return;
    if (!isObject(v)) throw invalid(path, `invalid type: ${describe(v)}, expected a string, or a span object ("person", "quote" or "link")`);
    for (const [k, x] of Object.entries(v)) {
      if (!SPAN_FIELDS.includes(k)) throw invalid(at(path, k), `unknown field \`${k}\`, expected one of ${SPAN_FIELDS.map((a) => `\`${a}\``).join(', ')}`);
      SPAN_CHECKS[k as SpanKey](x, at(path, k));
    }
    const kinds = ['person', 'quote', 'link'].filter((k) => present(v, k));
    if (kinds.length === 0) throw invalid(path, 'a span is an object with "person", "quote" or "link" (or a run is a string)');
    if (kinds.length > 1) throw invalid(path, 'a span has exactly one of "person", "quote", "link"');
    const refuse = (kind: string, keys: string[]) => {
      const k = firstPresent(v, keys);
      if (k) throw invalid(path, `${kind} has no "${k}"`);
    };
    if (kinds[0] === 'person') refuse('a mention', ['attribution', 'verb', 'clause', 'text']);
    else if (kinds[0] === 'quote') refuse('a quote', ['text']);
    else {
      refuse('a link', ['attribution', 'verb', 'form', 'clause']);
      if (!present(v, 'text')) throw invalid(path, 'a link needs its "text" (the phrase it is on)');
    }
  }
  const BLOCK_CHECKS: Record<BlockKey, Check> = {
    id: str, p: nullable(runs), h: nullable(runs), list: nullable(oneOf(['bulleted', 'numbered'])), entries: nullable(list(runs)),
    start: nullable(u32), blockquote: nullable(str), byline: nullable(runs), statement: nullable(runs), paragraphs: nullable(list(runs)),
  };
  function block(v: unknown, path: string): void {
    if (Array.isArray(v)) throw invalid(path, 'a block is an object with an "id" and one of "p", "h", "list", "blockquote", "statement", not a list of runs');
    if (!isObject(v)) throw invalid(path, `invalid type: ${describe(v)}, expected a block object ("p", "h", "list", "blockquote" or "statement")`);
    for (const [k, x] of Object.entries(v)) {
      if (!BLOCK_FIELDS.includes(k)) throw invalid(at(path, k), `unknown field \`${k}\`, expected one of ${BLOCK_FIELDS.map((a) => `\`${a}\``).join(', ')}`);
      BLOCK_CHECKS[k as BlockKey](x, at(path, k));
    }
    if (!('id' in v)) throw invalid(path, 'missing field `id`');
    const kinds = ['p', 'h', 'list', 'blockquote', 'statement'].filter((k) => present(v, k));
    if (kinds.length !== 1) throw invalid(path, 'a block has exactly one of "p", "h", "list", "blockquote", "statement"');
    const refuse = (kind: string, keys: string[]) => {
      const k = firstPresent(v, keys);
      if (k) throw invalid(path, `${kind} has no "${k}"`);
    };
    switch (kinds[0]) {
      case 'p':
        return refuse('a paragraph', ['entries', 'byline', 'paragraphs', 'start']);
      case 'h':
        return refuse('a sub-heading', ['entries', 'byline', 'paragraphs', 'start']);
      case 'list':
        refuse('a list', ['byline', 'paragraphs']);
        if (v.list === 'bulleted' && present(v, 'start')) throw invalid(path, 'a bulleted list has no "start": only a numbered list starts at a number');
        if (v.start === 0) throw invalid(path, '"start" is the list\'s first number: 1 or more');
        if (!present(v, 'entries')) throw invalid(path, 'a list needs its "entries"');
        return;
      case 'blockquote':
        return refuse('a block quote', ['entries', 'paragraphs', 'start']);
      default:
        return refuse('a statement', ['entries', 'byline', 'start']);
    }
  }
  const blockList: Check = (v, path) => list(block)(v, path);
  const readForms = struct<Forms>('Forms', { full: nullable(str), role: nullable(str), short: nullable(str), pronoun: nullable(str) }, []);
  const readQuote = struct<QuoteV2>('QuoteV2', {
    id: str, speaker: str, said: dateTime, original: nullable(language), words: byLanguageMap(str), verb: byLanguageMap(str),
    form: nullable(oneOf(FORMS_V2)), typed_marks: bool, in_release: bool,
  }, ['id', 'speaker', 'words']);
  const readDateline = struct<Dateline>('Dateline', { place: nullable(str), position: oneOf(['line', 'lead', 'end', 'headline']) }, []);
  const readPart = struct<ItemPart>('ItemPart', { item: str, heading: nullable(runs), blocks: blockList }, ['item']);
  const readPhoto = struct<PhotoV2>('PhotoV2', {
    id: str, image: nullable(str), caption: runs, alt: nullable(str), language: nullable(str), credit: nullable(str), position: oneOf(['end', 'before-lead', 'after-lead']),
  }, ['id']);
  const readRelease = struct<ReleaseV2>('ReleaseV2', {
    language, label: nullable(str), headline: runs, deck: runs, dateline: readDateline, published: dateOrTime, updated: dateTime, embargo: dateTime,
    lead: blockList, items: list(readPart), closing: blockList, photos: list(readPhoto), contact: blockList, notes_to_editors: blockList,
    // Carried through as it is: what a translation records is core's to read (the e2e tests
    // drive language versions in the real app).
    translation: () => {},
    // Made by core's `Store::correct` only (the e2e tests drive it in the real app).
    corrections: () => {},
  }, ['language']);
  const readFile = struct<MeetingFileV2>('MeetingFileV2', {
    format: oneOf(['communique.meeting.v2']),
    meeting: struct<Info>('Info', {
      title: str, organisation: nullable(str), location: nullable(str), starts: date, ends: date, timezone: zone, languages: list(language),
    }, ['title', 'starts', 'languages']),
    organisations: list(struct<Organisation>('Organisation', {
      id: str, name: byLanguageMap(str), boilerplate: byLanguageMap(blockList),
      style: struct<HouseStyle>('HouseStyle', { apostrophe: oneOf(['as-typed', 'straight', 'curly']), french_spacing: oneOf(['nbsp', 'narrow', 'none']), date: oneOf(['long', 'abbreviated']), time: oneOf(['24h', 'h']), dateline_place: oneOf(['upper', 'as-typed']) }, []),
    }, ['id', 'name'])),
    people: list(struct<PersonV2>('PersonV2', { id: str, name: str, forms: byLanguageMap(readForms) }, ['id', 'name'])),
    agenda: list(struct<Item>('Item', { id: str, title: str, notes: str, in_release: bool, quotes: list(readQuote) }, ['id', 'title'])),
    releases: list(readRelease),
  }, ['format', 'meeting', 'agenda']);

  /** `https://…`, `http://…`, `mailto:…` only (core's `check_link`). */
  function checkLink(href: string): string | null {
    const colon = href.indexOf(':');
    const scheme = (colon < 0 ? href : href.slice(0, colon)).toLowerCase();
    let rest = colon < 0 ? '' : href.slice(colon + 1);
    if (scheme === 'https' || scheme === 'http') {
      if (!rest.startsWith('//')) return `${json(href)}: not a whole address (https://…)`;
      rest = rest.slice(2);
    } else if (scheme !== 'mailto') return `${json(href)}: links are https:, http: or mailto: only`;
    if (!rest) return `${json(href)}: not a whole address`;
    if (/[\s\u0000-\u001f\u007f-\u009f]/.test(href)) return `${json(href)}: an address has no spaces or control characters`;
    return null;
  }
  const isLanguageTag = (t: string) => /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(t);

  /**
   * A v2 document read as core reads it (`v2::from_value`): its shape, then the rules between
   * fields in core's order (`v2::read::validate`). The first problem is thrown, `invalid_input`
   * naming its path. A quote placed while off the record is read (as core reads it): composing
   * leaves its block out, and exports refuse it.
   */
  function validate(doc: MeetingFileV2): void {
    if (!isObject(doc)) {
      const found = JSON.stringify(doc) ?? String(doc);
      throw invalid('', `not a meeting file: expected a JSON object, found ${[...found].length > 60 ? `${[...found].slice(0, 60).join('')}…` : found}`);
    }
    const format = (doc as Record<string, unknown>).format;
    if (format === undefined) throw invalid('format', 'missing: a meeting file starts with "format": "communique.meeting.v2"');
    if (format !== 'communique.meeting.v2') {
      throw invalid('format', `unsupported format ${JSON.stringify(format)}: this reads "communique.meeting.v2" (and "communique.meeting.v1", upgraded)`);
    }
    readFile(doc, '');
    const m = doc.meeting;
    if (!m.title.trim()) throw invalid('meeting.title', 'must not be empty');
    if (m.ends !== undefined && m.ends < m.starts) throw invalid('meeting.ends', `${json(m.ends)} is before meeting.starts ${json(m.starts)}`);
    if (!m.languages.length) throw invalid('meeting.languages', 'must name at least one language (the original first)');
    const languages = new Set<Language>();
    m.languages.forEach((l, i) => {
      if (languages.has(l)) throw invalid(`meeting.languages[${i}]`, `${json(l)} is named twice`);
      languages.add(l);
    });
    const inLanguages = (l: Language, path: string) => {
      if (!languages.has(l)) throw invalid(path, `${json(l)} is not one of meeting.languages`);
    };
    const checkId = (seen: Set<string>, id: string, path: string, what: string) => {
      if (!id.trim()) throw invalid(path, 'must not be empty');
      if (id.trim() !== id) throw invalid(path, `${json(id)}: an id has no white space at either end`);
      if (seen.has(id)) throw invalid(path, `duplicate id ${json(id)}: ids are unique ${what}`);
      seen.add(id);
    };
    const orgs = new Set<string>();
    (doc.organisations ?? []).forEach((o, i) => {
      checkId(orgs, o.id, `organisations[${i}].id`, 'among organisations');
      for (const l of Object.keys(o.name) as Language[]) inLanguages(l, `organisations[${i}].name.${l}`);
    });
    if (m.organisation != null && !orgs.has(m.organisation)) throw invalid('meeting.organisation', `unknown organisation ${json(m.organisation)}: not an id in organisations`);
    const people = new Set<string>();
    (doc.people ?? []).forEach((p, i) => {
      checkId(people, p.id, `people[${i}].id`, 'among people');
      if (!p.name.trim()) throw invalid(`people[${i}].name`, 'must not be empty');
      for (const l of Object.keys(p.forms ?? {}) as Language[]) inLanguages(l, `people[${i}].forms.${l}`);
    });
    const items = new Set<string>();
    const quotes = new Set<string>();
    doc.agenda.forEach((item, i) => {
      checkId(items, item.id, `agenda[${i}].id`, 'in the agenda');
      (item.quotes ?? []).forEach((q, j) => {
        const path = `agenda[${i}].quotes[${j}]`;
        checkId(quotes, q.id, `${path}.id`, "among a meeting's quotes");
        if (!people.has(q.speaker)) throw invalid(`${path}.speaker`, `unknown speaker ${json(q.speaker)}: not an id in people`);
        for (const l of Object.keys(q.words) as Language[]) inLanguages(l, `${path}.words.${l}`);
        if (q.original != null && !(q.original in q.words)) throw invalid(`${path}.original`, `${json(q.original)}: the quote has no words in it`);
      });
    });

    // References in runs and blocks; where each quote is placed in the walk (a release with its
    // organisation's boilerplate, or one boilerplate): placed twice, it would print twice.
    let placed = new Map<string, string>();
    const placeQuote = (id: string, path: string) => {
      if (!quotes.has(id)) throw invalid(path, `unknown quote ${json(id)}: not the id of a quote in the agenda`);
      const first = placed.get(id);
      if (first !== undefined) throw invalid(path, `quote ${json(id)} is placed twice in this release (first at ${first}): a quote is said once`);
      placed.set(id, path);
    };
    const checkRuns = (rs: Run[], path: string) => {
      rs.forEach((r, i) => {
        const p = `${path}[${i}]`;
        if (typeof r === 'string') return;
        if ('person' in r && r.person != null) {
          if (!people.has(r.person)) throw invalid(`${p}.person`, `unknown person ${json(r.person)}: not an id in people`);
        } else if ('quote' in r && r.quote != null) {
          placeQuote(r.quote, `${p}.quote`);
          if (r.clause != null) checkRuns(r.clause, `${p}.clause`);
          if (r.attribution === 'none' && (r.verb != null || r.form != null || r.clause != null)) {
            throw invalid(`${p}.attribution`, '"none" quotes a fragment without attribution: it takes no verb, form or clause');
          }
        } else if ('link' in r) {
          const problem = checkLink(r.link);
          if (problem) throw invalid(`${p}.link`, problem);
          if (r.text.every((t) => !t.trim())) throw invalid(`${p}.text`, 'a link needs the phrase it is on');
        }
      });
    };
    const checkBlocks = (bs: Block[], path: string, ids: Set<string>) => {
      bs.forEach((b, i) => {
        const p = `${path}[${i}]`;
        checkId(ids, b.id, `${p}.id`, "among a release's blocks");
        if ('p' in b && b.p != null) checkRuns(b.p, `${p}.p`);
        else if ('h' in b && b.h != null) checkRuns(b.h, `${p}.h`);
        else if ('list' in b && b.list != null) b.entries.forEach((e, j) => checkRuns(e, `${p}.entries[${j}]`));
        else if ('blockquote' in b && b.blockquote != null) {
          placeQuote(b.blockquote, `${p}.blockquote`);
          if (b.byline != null) checkRuns(b.byline, `${p}.byline`);
        } else if ('statement' in b) {
          checkRuns(b.statement, `${p}.statement`);
          (b.paragraphs ?? []).forEach((x, j) => checkRuns(x, `${p}.paragraphs[${j}]`));
        }
      });
    };
    (doc.organisations ?? []).forEach((o, i) => {
      for (const [l, bs] of Object.entries(o.boilerplate ?? {}) as [Language, Block[]][]) {
        inLanguages(l, `organisations[${i}].boilerplate.${l}`);
        placed = new Map();
        checkBlocks(bs, `organisations[${i}].boilerplate.${l}`, new Set());
      }
    });
    const released = new Set<Language>();
    (doc.releases ?? []).forEach((r, k) => {
      const path = `releases[${k}]`;
      inLanguages(r.language, `${path}.language`);
      if (released.has(r.language)) throw invalid(`${path}.language`, `a second release in ${json(r.language)}: a meeting has one release per language`);
      released.add(r.language);
      placed = new Map();
      if (r.label != null && !r.label.trim()) throw invalid(`${path}.label`, 'must not be empty when present');
      checkRuns(r.headline ?? [], `${path}.headline`);
      checkRuns(r.deck ?? [], `${path}.deck`);
      const ids = new Set<string>();
      checkBlocks(r.lead ?? [], `${path}.lead`, ids);
      const parts = new Set<string>();
      (r.items ?? []).forEach((part, i) => {
        const p = `${path}.items[${i}]`;
        if (!items.has(part.item)) throw invalid(`${p}.item`, `unknown agenda item ${json(part.item)}: not an id in agenda`);
        if (parts.has(part.item)) throw invalid(`${p}.item`, `${json(part.item)} appears twice: a release has one part per agenda item`);
        parts.add(part.item);
        if (part.heading != null) checkRuns(part.heading, `${p}.heading`);
        checkBlocks(part.blocks ?? [], `${p}.blocks`, ids);
      });
      checkBlocks(r.closing ?? [], `${path}.closing`, ids);
      checkBlocks(r.contact ?? [], `${path}.contact`, ids);
      checkBlocks(r.notes_to_editors ?? [], `${path}.notes_to_editors`, ids);
      const photos = new Set<string>();
      (r.photos ?? []).forEach((ph, i) => {
        const p = `${path}.photos[${i}]`;
        checkId(photos, ph.id, `${p}.id`, "among a release's photos");
        checkRuns(ph.caption ?? [], `${p}.caption`);
        if (ph.language != null && !isLanguageTag(ph.language)) throw invalid(`${p}.language`, `${json(ph.language)} is not a BCP 47 language tag (such as en, fr, de-CH)`);
      });
      // The release ends with its organisation's boilerplate in its language: one walk.
      const o = (doc.organisations ?? []).findIndex((x) => x.id === m.organisation);
      const boilerplate = o >= 0 ? doc.organisations?.[o].boilerplate?.[r.language] : undefined;
      if (boilerplate) checkBlocks(boilerplate, `organisations[${o}].boilerplate.${r.language}`, new Set());
    });
  }

  // ── The rough composer and renderer (core's `v2::compose` and `render::html`, roughly) ─────
  type Seg = { text: string; href?: string };
  type Composed =
    | { kind: 'p' | 'h'; segs: Seg[] }
    | { kind: 'list'; numbered: boolean; start: number; entries: Seg[][] }
    | { kind: 'quote'; words: string; byline: Seg[] }
    | { kind: 'statement'; intro: Seg[]; paragraphs: Seg[][] };
  type Caption = { text: string; language: string | null; credit: string | null; position: NonNullable<PhotoV2['position']> };
  interface ComposedRelease {
    language: Language;
    embargo: string | null;
    label: string | null;
    headline: string;
    deck: Seg[] | null;
    place: string | null;
    position: NonNullable<Dateline['position']>;
    published: string | null;
    updated: string | null;
    lead: Composed[];
    body: Composed[];
    captions: Caption[];
    contact: Composed[];
    notes: Composed[];
    boilerplate: Composed[];
    problems: { path: string; message: string }[];
    attributions: Attributed[];
  }
  type Piece = { text: string; flow: boolean; href?: string; name?: boolean };
  const WS = /[ \t\n\r\f]/;
  /** Core's `tidy`: ASCII white space made single spaces, none at either end. */
  const tidy = (s: string) => s.replace(/[ \t\n\r\f]+/g, ' ').trim();
  const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
  const textOf = (segs: Seg[]) => segs.map((s) => s.text).join('');
  /** The text's own final full stop, dropped (not an ellipsis typed as dots). */
  const withoutFullStop = (s: string) => (s.endsWith('.') && !s.endsWith('..') ? s.slice(0, -1) : s);
  function longDate(d: string | undefined | null, lang: Language): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d || '');
    if (!m) return '';
    const day = Number(m[3]);
    return `${lang === 'fr' && day === 1 ? '1er' : day} ${TABLES[lang].months[Number(m[2]) - 1]} ${m[1]}`;
  }

  function compose(doc: MeetingFileV2, lang: Language): ComposedRelease {
    const t = TABLES[lang];
    const index = (doc.releases ?? []).findIndex((r) => r.language === lang);
    const r: ReleaseV2 = index >= 0 ? doc.releases![index] : { language: lang };
    const base = `releases[${index >= 0 ? index : (doc.releases ?? []).length}]`;
    const people = new Map((doc.people ?? []).map((p) => [p.id, p]));
    const quotes = new Map<string, { item: Item; q: QuoteV2 }>();
    for (const item of doc.agenda) for (const q of item.quotes ?? []) quotes.set(q.id, { item, q });
    const items = new Map(doc.agenda.map((i) => [i.id, i]));
    const named = new Set<string>();
    let counting = false;
    const problems: ComposedRelease['problems'] = [];
    const attributions: Attributed[] = [];

    /** The reference rule: the form asked for, else full the first time a reader meets the person, short after. */
    const formFor = (id: string, asked: Mention['form']) => {
      const first = counting ? !named.has(id) : true;
      if (counting) named.add(id);
      return asked ?? (first ? 'full' : 'short');
    };
    const nameOf = (id: string, form: NonNullable<Mention['form']>, opens: boolean) => {
      const p = people.get(id);
      if (!p) return '';
      const f = p.forms?.[lang] ?? {};
      const short = f.short ?? p.name;
      const name = tidy(form === 'full' ? (f.full ?? p.name) : form === 'short' ? short : form === 'role' ? (f.role ?? short) : (f.pronoun ?? short));
      return opens ? capitalise(name) : name;
    };
    const hasPronoun = (id: string) => people.get(id)?.forms?.[lang]?.pronoun != null;
    const sentenceStart = (pieces: Piece[]) => {
      for (let i = pieces.length - 1; i >= 0; i -= 1) {
        const s = pieces[i].text.trimEnd();
        if (s) return /[.?!]$/.test(s);
      }
      return true;
    };
    const quoted = (w: string) => `${t.open}${t.pad}${w}${t.pad}${t.close}`;
    // The language's own marks typed in the words: a quotation inside, in the secondary marks
    // (the padding inside the typed French marks goes).
    const nest = (w: string) =>
      t.pad
        ? w.replace(new RegExp(`${t.open}[ \u00a0\u202f]*`, 'g'), t.secondaryOpen).replace(new RegExp(`[ \u00a0\u202f]*${t.close}`, 'g'), t.secondaryClose)
        : w.split(t.open).join(t.secondaryOpen).split(t.close).join(t.secondaryClose);
    /** A quote's words ready to print, its speaker and own form; null: no words yet. */
    const words = (id: string) => {
      const found = quotes.get(id);
      if (!found) throw `places quote ${json(id)}, which is not in the agenda`;
      if (found.q.in_release === false || found.item.in_release === false) {
        throw `places quote ${json(id)}, which is off the record: remove it, or put the quote back on the record`;
      }
      const w = found.q.words[lang];
      if (w === undefined) throw `places quote ${json(id)}, which has no words in ${json(lang)}: write them, or remove it`;
      const text = tidy(w);
      if (!text || !people.has(found.q.speaker)) return null;
      return { words: found.q.typed_marks ? text : nest(text), speaker: found.q.speaker, form: found.q.form ?? null, verb: found.q.verb?.[lang] };
    };
    const invert = (verb: string, pronoun: string) => {
      const [first, ...rest] = verb.split(' ');
      const joiner = /[aeiouéèêàâîôûy]$/.test(first) ? '-t-' : '-';
      return [`${first}${joiner}${pronoun}`, ...rest].join(' ');
    };
    const isApposition = (name: string) => name.includes(',') && !name.endsWith(',');

    function quote(span: QuoteSpan, out: Piece[]): void {
      const placed = words(span.quote);
      if (!placed) return;
      const attribution = span.attribution ?? 'after';
      const record = (name: string, first: boolean) => attributions.push({ quote: span.quote, speaker: placed.speaker, name, first, attribution });
      if (attribution === 'none') {
        record('', false);
        out.push({ text: quoted(placed.words), flow: false });
        return;
      }
      const verb = tidy(span.verb ?? placed.verb ?? '') || t.verb;
      const start = sentenceStart(out);
      let clause: Piece[] | null = null;
      if (span.clause?.length) {
        clause = [];
        runs(span.clause, clause);
      }
      const subject = (fallback: Mention['form'], opens: boolean) => {
        const first = counting && !named.has(placed.speaker);
        const form = formFor(placed.speaker, span.form ?? placed.form ?? fallback);
        const name = nameOf(placed.speaker, form, opens);
        record(name, first);
        return { name, pronoun: form === 'pronoun' && hasPronoun(placed.speaker) };
      };
      const w = placed.words;
      if (attribution === 'after' || attribution === 'after-subject') {
        const { name, pronoun } = subject(null, false);
        const asSubject = isApposition(name) ? `${name},` : name;
        const tail =
          pronoun ? (t.inverts ? invert(verb, name) : `${name} ${verb}`)
          : attribution === 'after' || t.inverts ? `${verb} ${name}`
          : `${asSubject} ${verb}`;
        // The v1 fake's punctuation, kept so that a v1 meeting reads as it did: English drops the
        // comma after `?`, `!` or `…` (as core does); French keeps it after the closing mark
        // (`« … ? », a demandé`, where core writes `« … ? » a demandé`).
        const bare = withoutFullStop(w);
        const mark = t.commaInside && /[?!…]$/.test(bare) ? '' : ',';
        const q = t.commaInside ? `${t.open}${bare}${mark}${t.close}` : `${quoted(bare)}${mark}`;
        if (!clause) out.push({ text: `${q} ${tail}${tail.endsWith('.') ? '' : '.'}`, flow: false });
        else {
          out.push({ text: `${q} ${tail}, `, flow: false });
          out.push(...clause);
          out.push({ text: /\.\s*$/.test(clause.map((p) => p.text).join('')) ? '' : '.', flow: false });
        }
        return;
      }
      let head: string;
      if (attribution === 'added') {
        // English names the speaker (`She added`, an apposition closed); French's formula names no one.
        const name = t.added.includes('{}') ? subject('pronoun', start).name : (record('', false), '');
        head = t.added.replace('{}', isApposition(name) ? `${name},` : name);
      } else {
        const { name } = subject(null, start);
        head = `${isApposition(name) ? `${name},` : name} ${verb}`;
      }
      out.push({ text: head, flow: false });
      const that = attribution === 'before-that';
      if (clause) {
        out.push({ text: ', ', flow: false }, ...clause);
        if (that) out.push({ text: ',', flow: false });
      }
      if (that) {
        const bare = withoutFullStop(w);
        out.push({ text: ` ${t.that} ${quoted(bare)}${/[?!…]$/.test(bare) ? '' : '.'}`, flow: false });
      } else {
        const stop = /[?!….]$/.test(w) ? '' : '.';
        out.push({ text: `${t.colon} ${t.open}${t.pad}${w}${stop}${t.pad}${t.close}`, flow: false });
      }
    }
    function runs(rs: Run[], out: Piece[]): void {
      for (const r of rs) {
        if (typeof r === 'string') out.push({ text: r, flow: true });
        else if ('link' in r) out.push({ text: r.text.join(''), flow: true, href: r.link });
        else if ('person' in r) {
          if (!people.has(r.person)) throw `names ${json(r.person)}, who is not in people`;
          out.push({ text: nameOf(r.person, formFor(r.person, r.form), sentenceStart(out)), flow: false, name: true });
        } else quote(r, out);
      }
    }
    /** Pieces made one line: white space one space across them, none at either end; appositions closed. */
    function finalise(pieces: Piece[]): Seg[] {
      const texts = pieces.map(() => '');
      let started = false;
      let pending: number | null = null;
      pieces.forEach((p, i) => {
        for (const c of p.text) {
          if (WS.test(c)) {
            if (started) pending = i;
            continue;
          }
          if (pending !== null) texts[pending] += ' ';
          pending = null;
          started = true;
          texts[i] += c;
        }
      });
      pieces.forEach((p, i) => {
        if (!p.name || !isApposition(texts[i])) return;
        const next = (texts.slice(i + 1).find((x) => x.trim()) ?? '').trimStart();
        if (/^[\p{L}\p{N}]/u.test(next) || next.startsWith(t.open) || next.startsWith(t.secondaryOpen)) texts[i] += ',';
      });
      const segs: Seg[] = [];
      pieces.forEach((p, i) => {
        const text = texts[i];
        if (!text) return;
        const last = segs[segs.length - 1];
        if (p.href) segs.push({ text, href: p.href });
        else if (last && !last.href) last.text += text;
        else segs.push({ text });
      });
      return segs;
    }
    function line(rs: Run[]): Seg[] | null {
      const pieces: Piece[] = [];
      runs(rs, pieces);
      const segs = finalise(pieces);
      return segs.length ? segs : null;
    }
    function inline(rs: Run[] | undefined | null, path: string): Seg[] | null {
      try {
        return line(rs ?? []);
      } catch (message) {
        problems.push({ path, message: String(message) });
        return null;
      }
    }
    function one(b: Block): Composed | null {
      if ('p' in b && b.p != null) {
        const segs = line(b.p);
        return segs && { kind: 'p', segs };
      }
      if ('h' in b && b.h != null) {
        const segs = line(b.h);
        return segs && { kind: 'h', segs };
      }
      if ('list' in b && b.list != null) {
        const entries = b.entries.map(line).filter((e): e is Seg[] => e !== null);
        return entries.length ? { kind: 'list', numbered: b.list === 'numbered', start: b.start ?? 1, entries } : null;
      }
      if ('blockquote' in b && b.blockquote != null) {
        const placed = words(b.blockquote);
        if (!placed) return null;
        const byline = b.byline != null ? (line(b.byline) ?? []) : [{ text: nameOf(placed.speaker, formFor(placed.speaker, placed.form), true) }];
        return { kind: 'quote', words: placed.words, byline: byline.length ? [{ text: t.byline }, ...byline] : [] };
      }
      const s = b as Extract<Block, { statement: Run[] }>;
      const intro = line(s.statement) ?? [];
      const paragraphs = (s.paragraphs ?? []).map(line).filter((p): p is Seg[] => p !== null);
      return intro.length || paragraphs.length ? { kind: 'statement', intro, paragraphs } : null;
    }
    function composeBlocks(bs: Block[] | undefined, path: string): Composed[] {
      const out: Composed[] = [];
      (bs ?? []).forEach((b, i) => {
        try {
          const c = one(b);
          if (c) out.push(c);
        } catch (message) {
          problems.push({ path: `${path}[${i}]`, message: String(message) });
        }
      });
      return out;
    }
    const captions: (Caption & { index: number })[] = [];
    const captionsAt = (position: Caption['position']) =>
      (r.photos ?? []).forEach((p, i) => {
        if ((p.position ?? 'end') !== position) return;
        const text = textOf(inline(p.caption, `${base}.photos[${i}].caption`) ?? []);
        if (!text) return;
        const credit = p.credit != null ? tidy(p.credit) : '';
        captions.push({ index: i, text, language: p.language != null && p.language !== lang ? p.language : null, credit: credit || null, position });
      });

    // The headline names people in full unless it says otherwise, and does not count.
    const headline = textOf(inline(r.headline, `${base}.headline`) ?? []);
    counting = true;
    const deck = inline(r.deck, `${base}.deck`);
    captionsAt('before-lead');
    const lead = composeBlocks(r.lead, `${base}.lead`);
    captionsAt('after-lead');
    const body: Composed[] = [];
    (r.items ?? []).forEach((part, k) => {
      if (items.get(part.item)?.in_release === false) return;
      const path = `${base}.items[${k}]`;
      if (part.heading != null) {
        const h = inline(part.heading, `${path}.heading`);
        if (h) body.push({ kind: 'h', segs: h });
      }
      body.push(...composeBlocks(part.blocks, `${path}.blocks`));
    });
    body.push(...composeBlocks(r.closing, `${base}.closing`));
    captionsAt('end');
    captions.sort((a, b) => a.index - b.index);
    const contact = composeBlocks(r.contact, `${base}.contact`);
    const notes = composeBlocks(r.notes_to_editors, `${base}.notes_to_editors`);
    const o = (doc.organisations ?? []).findIndex((x) => x.id === doc.meeting.organisation);
    const boilerplate = o >= 0 ? composeBlocks(doc.organisations![o].boilerplate?.[lang], `organisations[${o}].boilerplate.${lang}`) : [];
    const place = r.dateline?.place != null ? tidy(r.dateline.place).toUpperCase() : '';
    return {
      language: lang,
      embargo: r.embargo ?? null,
      label: r.label != null && tidy(r.label) ? tidy(r.label) : null,
      headline,
      deck,
      place: place || null,
      position: r.dateline?.position ?? 'line',
      published: r.published ?? null,
      updated: r.updated ?? null,
      lead,
      body,
      captions,
      contact,
      notes,
      boilerplate,
      problems,
      attributions,
    };
  }

  const esc = (s: string | null | undefined) =>
    String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
  const segsHtml = (segs: Seg[]) => segs.map((s) => (s.href ? `<a href="${esc(s.href)}" rel="noopener noreferrer">${esc(s.text)}</a>` : esc(s.text))).join('');
  function blockHtml(b: Composed): string {
    switch (b.kind) {
      case 'p':
        return `<p>${segsHtml(b.segs)}</p>\n`;
      case 'h':
        return `<h2>${segsHtml(b.segs)}</h2>\n`;
      case 'list': {
        const open = b.numbered ? (b.start !== 1 ? `<ol start="${b.start}">` : '<ol>') : '<ul>';
        return `${open}\n${b.entries.map((e) => `<li>${segsHtml(e)}</li>\n`).join('')}</${b.numbered ? 'ol' : 'ul'}>\n`;
      }
      case 'quote':
        return `<blockquote>\n<p>${esc(b.words)}</p>\n${b.byline.length ? `<footer>${segsHtml(b.byline)}</footer>\n` : ''}</blockquote>\n`;
      case 'statement':
        return `<div class="statement">\n${b.intro.length ? `<p class="intro">${segsHtml(b.intro)}</p>\n` : ''}${b.paragraphs.map((p) => `<p>${segsHtml(p)}</p>\n`).join('')}</div>\n`;
    }
  }
  function blockText(b: Composed): string {
    switch (b.kind) {
      case 'p':
      case 'h':
        return textOf(b.segs);
      case 'list':
        return b.entries.map((e, i) => (b.numbered ? `${b.start + i}. ` : '- ') + textOf(e)).join('\n');
      case 'quote':
        return [b.words, textOf(b.byline)].filter(Boolean).join('\n');
      case 'statement':
        return [textOf(b.intro), ...b.paragraphs.map(textOf)].filter(Boolean).join('\n');
    }
  }
  /** `BRUSSELS, 27 April 2018`, or either alone. */
  const placeAndDate = (c: ComposedRelease) => [c.place, longDate(c.published, c.language)].filter(Boolean).join(', ');
  const opening = (c: ComposedRelease) => (c.position === 'lead' && placeAndDate(c) ? `${placeAndDate(c)} ${TABLES[c.language].dash}` : null);

  // Like core: the release's <article>, in a full page for the export (`renderHtml`) or after
  // the styles for the app's shadow root for the preview (`previewParts`), whose blocks are the
  // article's children. A v1 meeting's blocks are those the v1 fake wrote: the headline, the
  // dateline, one per paragraph, one per figure.
  function articleBlocks(c: ComposedRelease): string[] {
    const t = TABLES[c.language];
    const out: string[] = [];
    if (c.embargo) out.push(`<div class="embargo"><time datetime="${esc(c.embargo)}">${esc(`${t.embargo} ${c.embargo.replace('T', ' ').slice(0, 16)}`)}</time></div>\n`);
    if (c.label) out.push(`<div class="label">${esc(c.label)}</div>\n`);
    out.push(`<h1>${esc(c.headline)}</h1>`);
    if (c.deck) out.push(`<p class="deck">${segsHtml(c.deck)}</p>\n`);
    const updated = c.updated ? `${t.updated} <time datetime="${esc(c.updated)}">${esc(c.updated.replace('T', ' ').slice(0, 16))}</time>` : '';
    if (c.position === 'line') {
      const place = c.place ? `<span class="place">${esc(c.place)}</span>${c.published ? ', ' : ''}` : '';
      const date = c.place && !c.published ? '' : `<time datetime="${esc(c.published)}">${esc(longDate(c.published, c.language))}</time>`;
      out.push(`<div class="dateline">${place}${date}${updated && (place || date) ? ` · ${updated}` : updated}</div>\n`);
    } else if (updated) out.push(`<div class="dateline">${updated}</div>\n`);
    const figures = (position: Caption['position']) =>
      c.captions
        .filter((x) => x.position === position)
        .map((x) => `<figure>${x.credit ? `<small class="credit">© ${esc(x.credit)}</small>` : ''}<figcaption${x.language ? ` lang="${esc(x.language)}"` : ''}>${esc(x.text)}</figcaption></figure>`);
    out.push(...figures('before-lead'));
    let open = opening(c);
    c.lead.forEach((b, i) => {
      if (i === 0 && open && b.kind === 'p') out.push(`<p><span class="opening">${esc(open)}</span> ${segsHtml(b.segs)}</p>\n`);
      else {
        if (open) out.push(`<p class="opening">${esc(open)}</p>\n`);
        out.push(blockHtml(b));
      }
      open = null;
    });
    if (open) out.push(`<p class="opening">${esc(open)}</p>\n`);
    out.push(...figures('after-lead'));
    out.push(...c.body.map(blockHtml));
    if (c.position === 'end' && placeAndDate(c)) out.push(`<p class="dateline-end">${esc(placeAndDate(c))}</p>\n`);
    out.push(...figures('end'));
    for (const [cls, label, content] of [['contact', t.contact, c.contact], ['notes', t.notes, c.notes], ['boilerplate', null, c.boilerplate]] as const) {
      if (content.length) out.push(`<section class="${cls}">\n${label ? `<h2>${esc(label)}</h2>\n` : ''}${content.map(blockHtml).join('')}</section>\n`);
    }
    return out;
  }
  const ARTICLE_STYLE = `h1{font-size:1.5em;line-height:1.25;margin:0 0 .4em}.dateline{color:#555;font-size:.85em;margin-bottom:1.2em;font-family:system-ui,sans-serif}
figure{margin:1.2em 0 0;padding-top:.6em;border-top:1px solid #ddd}figcaption{font-size:.85em;color:#444;font-style:italic}`;
  /** The language shown when none is asked for: the first release's, else the meeting's first. */
  const shownLanguage = (doc: MeetingFileV2, asked?: Language | null): Language => asked ?? doc.releases?.[0]?.language ?? doc.meeting.languages[0] ?? 'en';
  const asV2 = (doc: SeedDoc): MeetingFileV2 => ((doc as { format?: unknown }).format === 'communique.meeting.v1' ? upgradeV1(doc as MeetingFile) : (doc as MeetingFileV2));
  function renderHtml(doc: SeedDoc, language?: Language | null): string {
    const v2 = asV2(doc);
    const c = compose(v2, shownLanguage(v2, language));
    return `<!DOCTYPE html><html lang="${esc(c.language)}"><head><meta charset="utf-8"><title>${esc(c.headline)}</title>
<style>body{font-family:Georgia,'DejaVu Serif',serif;color:#1d1d1d;max-width:38em;margin:0 auto;padding:28px 32px;line-height:1.55;font-size:15px}
${ARTICLE_STYLE}</style></head><body><article>${articleBlocks(c).join('')}</article></body></html>`;
  }
  function previewParts(doc: MeetingFileV2, language: Language): PreviewParts {
    const c = compose(doc, language);
    return {
      head: `<style>:host{display:block;font-family:Georgia,'DejaVu Serif',serif;color:#1d1d1d;padding:28px 32px;line-height:1.55;font-size:15px}
${ARTICLE_STYLE}</style><div class="release" lang="${esc(language)}"><article>`,
      blocks: articleBlocks(c),
      tail: `</article></div>${state.previewAppend ?? ''}`,
    };
  }
  /** The release as plain-text blocks (label, headline, dateline, paragraphs, captions…). */
  function releaseBlocks(c: ComposedRelease): string[] {
    const out: string[] = [];
    if (c.embargo) out.push(`${TABLES[c.language].embargo} ${c.embargo}`);
    if (c.label) out.push(c.label);
    if (c.headline) out.push(c.headline);
    if (c.deck) out.push(textOf(c.deck));
    if (c.position === 'line' && placeAndDate(c)) out.push(placeAndDate(c));
    else if (c.updated) out.push(`${TABLES[c.language].updated} ${c.updated.replace('T', ' ').slice(0, 16)}`);
    const captions = (position: Caption['position']) => c.captions.filter((x) => x.position === position).map((x) => x.text);
    out.push(...captions('before-lead'));
    const open = opening(c);
    const lead = c.lead.map(blockText);
    if (open) lead[0] = lead.length ? `${open} ${lead[0]}` : open;
    out.push(...lead, ...captions('after-lead'), ...c.body.map(blockText));
    if (c.position === 'end' && placeAndDate(c)) out.push(placeAndDate(c));
    out.push(...captions('end'));
    if (c.contact.length) out.push(TABLES[c.language].contact, ...c.contact.map(blockText));
    if (c.notes.length) out.push(TABLES[c.language].notes, ...c.notes.map(blockText));
    out.push(...c.boilerplate.map(blockText));
    return out;
  }
  // Like core's `render::facts`: the attributions, and the words of the release's plain text.
  function facts(doc: MeetingFileV2, lang: Language): ReleaseFacts {
    const c = compose(doc, lang);
    const words = releaseBlocks(c).join(' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    return { attributions: c.attributions, words };
  }

  // Like core's release text (what a version keeps and version_diff compares): each release's
  // plain text, the later ones after a `— fr —` line; with no release, the meeting's first language.
  function blocks(doc: SeedDoc): string[] {
    const v2 = asV2(doc);
    const releases = v2.releases ?? [];
    if (!releases.length) return releaseBlocks(compose(v2, v2.meeting.languages[0] ?? 'en'));
    return releases.flatMap((r, i) => [...(i ? [`— ${r.language} —`] : []), ...releaseBlocks(compose(v2, r.language))]);
  }

  // ── History ────────────────────────────────────────────────────────────────────────────────
  const historyOf = (id: number): Version[] => {
    let list = state.versions.get(id);
    if (!list) state.versions.set(id, (list = []));
    return list;
  };
  /** A new version when the release reads differently from the latest one; its number or null. */
  function record(id: number, reason: VersionReason, at?: string): number | null {
    const m = get(id);
    const list = historyOf(id);
    const text = blocks(m.doc);
    const last = list[list.length - 1];
    if (last && JSON.stringify(last.blocks) === JSON.stringify(text)) return null;
    const number = (last?.number ?? 0) + 1;
    list.push({ number, created_at: at ?? new Date().toISOString(), reason, blocks: text, doc: clone(m.doc) });
    return number;
  }
  const version = (id: number, n: number): Version => {
    const v = historyOf(id).find((x) => x.number === n);
    if (!v) throw err('not_found', `meeting ${id} has no version ${n}`);
    return v;
  };
  /**
   * A stand-in for core's word diff, laid out as core lays it out: the words both ends keep, and
   * the run between them removed, then added (core finds every kept word; the seeds change one run
   * a paragraph). Null when less than a third of the shorter one's words is kept.
   */
  function diffWords(a: string, b: string): Segment[] | null {
    const wa = a.split(/\s+/).filter(Boolean);
    const wb = b.split(/\s+/).filter(Boolean);
    let head = 0;
    while (head < wa.length && head < wb.length && wa[head] === wb[head]) head += 1;
    let tail = 0;
    while (tail < wa.length - head && tail < wb.length - head && wa[wa.length - 1 - tail] === wb[wb.length - 1 - tail]) tail += 1;
    if (!wa.length || !wb.length || (head + tail) * 3 < Math.min(wa.length, wb.length)) return null;
    const removed = wa.slice(head, wa.length - tail).join(' ');
    const added = wb.slice(head, wb.length - tail).join(' ');
    const out: Segment[] = [];
    const push = (kind: Edit, text: string) => {
      if (!text) return;
      const last = out[out.length - 1];
      if (last && last.kind === kind) last.text += text;
      else out.push({ kind, text });
    };
    push('same', wb.slice(0, head).join(' ') + (head ? ' ' : ''));
    push('removed', removed);
    if (removed && added) push('same', ' ');
    push('added', added);
    push('same', (tail ? ' ' : '') + wb.slice(wb.length - tail).join(' '));
    return out;
  }
  /** Paragraph LCS; runs of removals and additions between common paragraphs pair up as changes. */
  function diffBlocks(a: string[], b: string[]): DiffPara[] {
    const n = a.length;
    const m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i -= 1) for (let j = m - 1; j >= 0; j -= 1) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const out: DiffPara[] = [];
    let removed: string[] = [];
    let added: string[] = [];
    const flush = () => {
      const pairs = Math.min(removed.length, added.length);
      for (let k = 0; k < pairs; k += 1) out.push({ kind: 'changed', before: removed[k], after: added[k], words: diffWords(removed[k], added[k]) });
      for (const r of removed.slice(pairs)) out.push({ kind: 'removed', before: r, after: null, words: null });
      for (const x of added.slice(pairs)) out.push({ kind: 'added', before: null, after: x, words: null });
      removed = [];
      added = [];
    };
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) {
        flush();
        out.push({ kind: 'same', before: a[i], after: b[j], words: null });
        i += 1;
        j += 1;
      } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) added.push(b[j++]);
      else removed.push(a[i++]);
    }
    flush();
    return out;
  }

  // ── The archive ────────────────────────────────────────────────────────────────────────────
  function summary(m: Stored): MeetingSummary {
    const d = m.doc.meeting;
    const first = d.languages[0];
    const org = (m.doc.organisations ?? []).find((o) => o.id === d.organisation);
    const name = org ? (org.name[first] ?? Object.values(org.name)[0] ?? null) : null;
    return { id: m.id, title: d.title, organisation: name, starts: d.starts, ends: d.ends ?? null, language: first, revision: m.revision, modified_at: m.modified_at, sample: !!m.sample };
  }
  const sorted = () =>
    [...state.meetings.values()].sort((a, b) => (a.doc.meeting.starts < b.doc.meeting.starts ? 1 : a.doc.meeting.starts > b.doc.meeting.starts ? -1 : b.id - a.id));
  const get = (id: number): Stored => {
    const m = state.meetings.get(id);
    if (!m) throw err('not_found', `no meeting with id ${id}`);
    return m;
  };
  const today = () => new Date().toISOString().slice(0, 10);
  const open = (m: Stored, asked?: Language | null): OpenMeetingV2 => {
    const language = shownLanguage(m.doc, asked);
    return { id: m.id, revision: m.revision, doc: clone(m.doc), language, preview: previewParts(m.doc, language), facts: facts(m.doc, language) };
  };
  /** Like the shell: a release is copied or exported only in one of the meeting's languages. */
  function checkPublishedIn(doc: MeetingFileV2, language: Language, what: string): void {
    if (!doc.meeting.languages.includes(language)) {
      throw err('invalid_input', `${what}: it is not published in ${json(language)} (its languages: ${doc.meeting.languages.join(', ')})`);
    }
  }
  /** Like the shell's `DocPartV2` replace: the element at `index` of `key`, else the error core gives. */
  function element<T>(doc: Record<string, unknown>, key: string, index: number): { get: () => T; set: (v: T) => void } {
    const list = doc[key];
    if (!Array.isArray(list) || index < 0 || index >= list.length) {
      throw invalid(`${key}[${index}]`, 'no such element in the document kept for the preview');
    }
    return { get: () => list[index] as T, set: (v) => (list[index] = v) };
  }
  function applyPart(doc: MeetingFileV2, p: DocPartV2): void {
    const d = doc as unknown as Record<string, unknown>;
    if (!isObject(d)) throw invalid('', 'not a meeting file: not a JSON object');
    switch (p.part) {
      case 'meeting':
      case 'organisations':
      case 'people':
        d[p.part] = clone(p.value);
        return;
      case 'item':
        element<Item>(d, 'agenda', p.index).set(clone(p.value));
        return;
      case 'release_head': {
        const head = clone(p.value) as unknown;
        if (!isObject(head)) throw invalid(`releases[${p.index}]`, 'a release is a JSON object');
        if ('items' in head) throw invalid(`releases[${p.index}].items`, "a release's head leaves its items out: each is sent as a release_item");
        const release = element<Record<string, unknown>>(d, 'releases', p.index);
        const old = release.get();
        if (isObject(old) && 'items' in old) head.items = old.items;
        release.set(head);
        return;
      }
      case 'release_item': {
        const release = element<Record<string, unknown>>(d, 'releases', p.release).get();
        const items = isObject(release) ? release.items : undefined;
        if (!Array.isArray(items) || p.index < 0 || p.index >= items.length) {
          throw invalid(`releases[${p.release}].items[${p.index}]`, 'no such part of the release in the document kept for the preview');
        }
        items[p.index] = clone(p.value);
        return;
      }
    }
  }
  const install = (meetings: SeedMeeting[], at: string) => {
    for (const m of meetings) {
      const id = m.id ?? state.nextId;
      state.nextId = Math.max(state.nextId, id + 1);
      state.meetings.set(id, { id, revision: m.revision ?? 1, modified_at: m.modified_at ?? at, sample: m.sample ?? false, doc: seeded(m.doc, `meeting ${id}`) });
    }
  };
  install(seed.meetings ?? [], '2025-01-01T00:00:00Z');

  const handlers: Handlers = {
    listMeetings(limit, offset) {
      const all = sorted();
      return { total: all.length, meetings: all.slice(offset, offset + limit).map(summary) };
    },
    // Like core: samples never searched; a passage from private notes marked, or left out.
    searchMeetings(query, limit, includePrivate) {
      const q = query.toLowerCase();
      const hits = [];
      for (const m of sorted()) {
        if (m.sample) continue;
        const has = (x: string | undefined) => !!x && x.toLowerCase().includes(q);
        const texts = [m.doc.meeting.title, ...m.doc.agenda.map((a) => a.title), ...blocks(m.doc)];
        const pub = texts.find(has);
        const priv = includePrivate ? m.doc.agenda.map((a) => a.notes ?? '').find(has) : undefined;
        const t = pub ?? priv;
        if (!t) continue;
        const i = t.toLowerCase().indexOf(q);
        const start = Math.max(0, i - 30);
        const snippet = `${start > 0 ? '…' : ''}${t.slice(start, i)}[${t.slice(i, i + q.length)}]${t.slice(i + q.length, i + q.length + 40)}`;
        hits.push({ id: m.id, starts: m.doc.meeting.starts, title: m.doc.meeting.title, snippet, private: pub === undefined });
      }
      return hits.slice(0, limit);
    },
    // Like the shell: core's `Meeting::new` (today, an empty release), stored, opened as v2.
    createMeeting(title, language) {
      if (!isLanguage(language)) throw err('invalid_input', unsupported(language));
      const id = state.nextId++;
      const doc: MeetingFileV2 = {
        format: 'communique.meeting.v2',
        meeting: { title, starts: today(), languages: [language] },
        people: [],
        agenda: [],
        releases: [{ language, headline: [] }],
      };
      const m = { id, revision: 1, modified_at: new Date().toISOString(), doc };
      state.meetings.set(id, m);
      return open(m, language);
    },
    // Like the shell: any language composes (one with no release in the document: an empty one).
    loadMeetingV2(id, language) {
      return open(get(id), language);
    },
    async saveMeetingV2(id, baseRevision, doc) {
      state.pendingSaves += 1;
      try {
        if (state.saveDelay) await sleep(state.saveDelay);
        const failure = state.saveFailures.shift();
        if (failure) throw failure;
        const m = get(id);
        if (m.revision !== baseRevision) throw err('conflict', `meeting ${id} was changed elsewhere (revision ${m.revision}, this copy is based on ${baseRevision}); reload it before saving`);
        validate(doc);
        m.doc = canonical(doc);
        m.revision += 1;
        m.modified_at = new Date().toISOString();
        return { revision: m.revision };
      } finally {
        state.pendingSaves -= 1;
      }
    },
    meetingRevision(id) {
      return get(id).revision;
    },
    deleteMeeting(id) {
      get(id);
      state.meetings.delete(id);
      return null;
    },
    removeSamples() {
      const samples = [...state.meetings.values()].filter((m) => m.sample);
      for (const m of samples) state.meetings.delete(m.id);
      return samples.length;
    },
    // Like core's LivePreviewV2: the document kept between requests, patched by the parts sent
    // (a part that names nothing there drops it: the next request resends); a document that
    // cannot be read is kept as patched and refused; the answer is the whole preview (the first,
    // one the editor did not show, another language), or the blocks changed since the render shown.
    async previewEditV2(session, shown, language, doc, parts) {
      if (doc) state.live = { session, language, doc: clone(doc), shown: null };
      const live = state.live;
      if (!live || live.session !== session) return { kind: 'resend' };
      for (const p of parts) {
        try {
          applyPart(live.doc, p);
        } catch (e) {
          state.live = null;
          throw e;
        }
      }
      const languageChanged = live.language !== language;
      live.language = language;
      validate(live.doc);
      if (state.previewDelay) await sleep(state.previewDelay);
      const preview = previewParts(live.doc, shownLanguage(live.doc, language));
      const render = ++state.renders;
      const old = live.shown;
      live.shown = { render, preview };
      if (!old || old.render !== shown || languageChanged || old.preview.head !== preview.head || old.preview.tail !== preview.tail) return { kind: 'whole', render, preview };
      const a = old.preview.blocks;
      const b = preview.blocks;
      let start = 0;
      while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
      let end = 0;
      while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
      return { kind: 'splice', render, base: old.render, start, removed: a.length - end - start, blocks: b.slice(start, b.length - end) };
    },
    previewFacts(session) {
      const live = state.live;
      if (!live || live.session !== session) return { attributions: [], words: 0 };
      return facts(live.doc, shownLanguage(live.doc, live.language));
    },
    // The status and sign-off log are core's policies over the archive: the fake knows no status
    // and moves none (the e2e tests drive them in the real app).
    clearance() {
      return { status: null, log: [], cleared: null, since_cleared: null, reads_as_cleared: false };
    },
    setReleaseStatus() {
      throw err('io', 'release status: not in the browser tests\' shell (the e2e tests drive it in the real app)');
    },
    correctRelease() {
      throw err('io', 'release status: not in the browser tests\' shell (the e2e tests drive it in the real app)');
    },
    // Language versions are core's policies over the document: the fake does not retype them.
    translationStates() {
      throw err('io', 'language versions: not in the browser tests\' shell (the e2e tests drive them in the real app)');
    },
    translationStatus() {
      throw err('io', 'language versions: not in the browser tests\' shell (the e2e tests drive them in the real app)');
    },
    addLanguageVersion() {
      throw err('io', 'language versions: not in the browser tests\' shell (the e2e tests drive them in the real app)');
    },
    markTranslated() {
      throw err('io', 'language versions: not in the browser tests\' shell (the e2e tests drive them in the real app)');
    },
    exportXliff() {
      throw err('io', 'language versions: not in the browser tests\' shell (the e2e tests drive them in the real app)');
    },
    importXliff() {
      throw err('io', 'language versions: not in the browser tests\' shell (the e2e tests drive them in the real app)');
    },
    copyRelease(doc, language) {
      validate(doc);
      checkPublishedIn(doc, language, 'meeting');
      state.copies.push({ doc: clone(doc), language });
      return null;
    },
    closeApp() {
      state.closed += 1;
      return null;
    },
    acknowledgeClose() {
      state.closeAcks += 1;
    },
    saveMeetingFile(doc) {
      validate(doc);
      const answer = state.meetingFileAnswers.length ? state.meetingFileAnswers.shift()! : '/home/press/Documents/meeting.meeting.json';
      if (answer && typeof answer === 'object') throw answer;
      if (answer !== null) state.meetingFiles.push({ path: answer, doc: canonical(doc) });
      return answer;
    },
    // Like the shell's `store.export_in`: the release in `language` (absent: the original) or the
    // meeting file whole; a release that would leave a block out (a quote off the record, words
    // missing in that language) is refused naming the first such block; recorded as a version.
    exportMeeting(id, format, language) {
      // Core's formats and their files' extensions (`Format::extension`).
      const ext: Record<string, string> = { html: 'html', md: 'md', eml: 'eml', docx: 'docx', pdf: 'pdf', 'pdf-letter': 'pdf', ninjs: 'json', json: 'json' };
      if (!(format in ext)) throw err('invalid_input', `unknown export format ${json(format)}: one of ${Object.keys(ext).join(', ')}`);
      const m = get(id);
      const lang = language ?? m.doc.meeting.languages[0];
      if (format !== 'json') {
        checkPublishedIn(m.doc, lang, `meeting ${id}`);
        const problem = compose(m.doc, lang).problems[0];
        if (problem) throw err('invalid_input', `${problem.path}: ${problem.message}`);
      }
      const suffix = m.doc.meeting.languages.length > 1 && format !== 'json' ? `-${lang}` : '';
      const path = `/home/press/Documents/meeting-${id}${suffix}.${ext[format]}`;
      if (state.exportSetsUpdated) {
        // Like the shell exporting a corrected release: it stores the "updated" time.
        for (const r of m.doc.releases ?? []) if (format === 'json' || r.language === lang) r.updated = state.exportSetsUpdated;
        m.revision += 1;
      }
      state.exports.push({ id, format, language: lang, revision: m.revision, path });
      record(id, { kind: 'export', format: (format === 'pdf-letter' ? 'pdf' : format) as Format }); // a PDF on either paper is recorded as `pdf`
      return path;
    },
    importPhotoImage() {
      // No dialog in the browser tests: as if the user cancelled.
      return null;
    },
    importMeeting() {
      const doc = state.importQueue.shift();
      if (!doc) return null;
      const kept = stored(doc);
      const id = state.nextId++;
      state.meetings.set(id, { id, revision: 1, modified_at: new Date().toISOString(), doc: kept });
      return id;
    },
    listVersions(id) {
      get(id);
      return [...historyOf(id)].reverse().map((v) => ({ number: v.number, created_at: v.created_at, reason: v.reason, headline: compose(v.doc, shownLanguage(v.doc)).headline }));
    },
    saveVersion(id) {
      return record(id, { kind: 'by_hand' });
    },
    versionDiff(id, from, to) {
      const m = get(id);
      const a = version(id, from).blocks;
      const b = to === 0 ? blocks(m.doc) : version(id, to).blocks;
      return { from, to, paragraphs: diffBlocks(a, b) };
    },
    restoreVersion(id, number) {
      const m = get(id);
      const v = version(id, number);
      // Like core: what the release reads now is kept first, then the old one comes back.
      record(id, { kind: 'before_restore', restoring: number });
      m.doc = clone(v.doc);
      m.revision += 1;
      m.modified_at = new Date().toISOString();
      record(id, { kind: 'restore', from: number });
      return open(m);
    },
    listBackups() {
      return state.backups.map((b) => ({ path: b.path, name: b.name, created_at: b.created_at, meetings: b.meetings.length, size_bytes: b.size_bytes ?? JSON.stringify(b.meetings).length * 12 }));
    },
    restoreBackup(path) {
      const b = state.backups.find((x) => x.path === path);
      if (!b) throw err('not_found', `no backup at ${path}`);
      state.meetings = new Map();
      state.versions = new Map();
      state.nextId = 1;
      install(b.meetings, b.created_at);
      state.restoredBackups.push(path);
      return { meetings: b.meetings.length };
    },
    peopleDirectory(query, limit) {
      const q = query.toLowerCase();
      return state.directory.filter((p) => p.name.toLowerCase().includes(q)).slice(0, limit);
    },
    uiReady(meetings, previewParagraphs) {
      state.uiReady.push({ meetings, previewParagraphs });
    },
  };
  // Tauri's event plugin, as far as the UI uses it: the shell's menu and close events.
  const listeners: Listener[] = [];
  let listenerSeq = 0;
  const plugin: Record<string, (args: Record<string, unknown>) => unknown> = {
    'plugin:event|listen'({ event, handler }) {
      const id = ++listenerSeq;
      listeners.push({ id, event: event as string, handler: handler as number });
      return id;
    },
    'plugin:event|unlisten'({ eventId }) {
      const i = listeners.findIndex((l) => l.id === eventId);
      if (i >= 0) listeners.splice(i, 1);
      return null;
    },
  };
  for (const v of seed.versions ?? []) {
    const m = get(v.id);
    const current = m.doc;
    m.doc = seeded(v.doc, `a version of meeting ${v.id}`);
    record(v.id, v.reason, v.created_at);
    m.doc = current;
  }

  const callbacks = new Map<number, (data: unknown) => unknown>();
  const w = (target ?? window) as unknown as Record<string, unknown>;
  w.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: 'main' }, currentWebview: { windowLabel: 'main', label: 'main' } },
    async invoke(cmd: string, args: Record<string, unknown> = {}) {
      state.calls.push({ cmd, args: clone(args), at: performance.now() });
      // Like IPC: arguments and answers cross as JSON.
      const sent = clone(args);
      if (cmd in plugin) return clone(await plugin[cmd](sent));
      const route = routes[cmd];
      if (!route) throw err('invalid_input', `unknown command ${cmd}`);
      const handler = handlers[route.accessor] as (...a: unknown[]) => unknown;
      return clone(await handler(...route.args.map((name) => sent[name])));
    },
    transformCallback(cb: ((data: unknown) => unknown) | undefined, once: boolean) {
      const id = crypto.getRandomValues(new Uint32Array(1))[0];
      callbacks.set(id, (data) => {
        if (once) callbacks.delete(id);
        return cb && cb(data);
      });
      return id;
    },
    unregisterCallback(id: number) {
      callbacks.delete(id);
    },
    runCallback(id: number, data: unknown) {
      callbacks.get(id)?.(data);
    },
    callbacks,
    convertFileSrc: (p: string) => p,
  };

  const api: FakeApi = {
    state,
    /** The shell emits an event to the window (a menu item, the close button). */
    emit(event: string, payload?: unknown) {
      const targets = listeners.filter((l) => l.event === event);
      for (const l of targets) callbacks.get(l.handler)?.({ event, id: l.id, payload });
      return targets.length;
    },
    calls: (cmd?: string) => state.calls.filter((c) => !cmd || c.cmd === cmd),
    /** The stored meeting file v2 (canonical, as the archive gives it back). */
    doc: (id: number) => clone(get(id).doc),
    revision: (id: number) => get(id).revision,
    /** Another window or the CLI saves the meeting. */
    externalWrite(id: number, mutate?: (doc: MeetingFileV2) => void) {
      const m = get(id);
      if (mutate) mutate(m.doc);
      m.revision += 1;
      return m.revision;
    },
    failNextSave(code: Code, message: string) {
      state.saveFailures.push(err(code, message));
    },
    setSaveDelay(ms: number) {
      state.saveDelay = ms;
    },
    versions: (id: number) => clone(historyOf(id)),
    /** The release text's blocks (what a version keeps) of a v1 or v2 document. */
    blocks,
    /** What the stored meeting `id`'s first release says besides its preview (`preview_facts`). */
    facts: (id: number) => {
      const m = get(id);
      return facts(m.doc, shownLanguage(m.doc, null));
    },
    /** The problems composing `doc` in `language` finds (blocks left out, each named by its path). */
    problems: (doc: SeedDoc, language?: Language | null) => {
      const v2 = asV2(doc);
      return compose(v2, shownLanguage(v2, language)).problems;
    },
    queueImport(doc: SeedDoc) {
      state.importQueue.push(doc);
    },
    renderHtml,
    upgradeV1,
    canonical,
    validate,
  };
  w.__fake = api;
  return api;
}

/**
 * `upgradeV1` outside a page (a Node script, a unit test): the v2 form of a v1 meeting file, as
 * core's `communique upgrade` writes it. Installs a fake on a scratch object to reach it.
 */
export function upgradeV1(doc: MeetingFile): MeetingFileV2 {
  return installFakeBackend({}, {}, {}).upgradeV1(doc);
}
