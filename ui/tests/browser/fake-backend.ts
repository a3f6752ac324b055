// An in-memory stand-in for the Rust shell. It implements every generated command (`commands` in
// src/lib/bindings.ts) with the same parameters and results, so the type check fails here when a
// command, an argument or a field changes in Rust. The harness transpiles this file, reads how
// each command is invoked from the generated bindings (`routes`), and serialises
// `installFakeBackend` into the page with page.addInitScript: it must use nothing outside its body
// at run time (type imports only). It installs window.__TAURI_INTERNALS__ the way
// @tauri-apps/api/mocks' mockIPC does. Test code only: the release it "renders" is a rough
// imitation for assertions and screenshots.

import type {
  AgendaItem,
  AppError,
  Code,
  commands,
  DiffPara,
  Edit,
  Format,
  MeetingFile,
  MeetingInfo,
  MeetingSummary,
  OpenMeeting,
  Person,
  Photo,
  PreviewParts,
  Quote,
  Release,
  Segment,
  VersionReason,
} from '../../src/lib/bindings';

type Commands = typeof commands;
type Result<K extends keyof Commands> = Awaited<ReturnType<Commands[K]>>;
/** The fake's implementation of each command: the generated parameters, the generated result. */
export type Handlers = { [K in keyof Commands]: (...args: Parameters<Commands[K]>) => Result<K> | Promise<Result<K>> };
/** Command name (`list_meetings`) → the accessor of `commands` and its argument names, in order. */
export type Routes = Record<string, { accessor: keyof Commands; args: string[] }>;

interface SeedMeeting {
  id?: number;
  revision?: number;
  modified_at?: string;
  doc: MeetingFile;
}
export interface Seed {
  meetings?: SeedMeeting[];
  saveDelay?: number;
  previewDelay?: number;
  directory?: Person[];
  backups?: { path: string; name: string; created_at: string; size_bytes?: number; meetings: SeedMeeting[] }[];
  /** Seeded history, oldest first, recorded like exports were. */
  versions?: { id: number; reason: VersionReason; created_at?: string; doc: MeetingFile }[];
}

interface Stored {
  id: number;
  revision: number;
  modified_at: string;
  doc: MeetingFile;
}
interface Version {
  number: number;
  created_at: string;
  reason: VersionReason;
  blocks: string[];
  doc: MeetingFile;
}
type Listener = { id: number; event: string; handler: number };

export function installFakeBackend(seed: Seed, routes: Routes): void {
  const clone = <T>(x: T): T => (x === undefined ? x : JSON.parse(JSON.stringify(x)));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const err = (code: Code, message: string): AppError => ({ code, message });

  const state = {
    meetings: new Map<number, Stored>(),
    nextId: 1,
    calls: [] as { cmd: string; args: Record<string, unknown>; at: number }[],
    saveDelay: seed.saveDelay ?? 0,
    previewDelay: seed.previewDelay ?? 0,
    saveFailures: [] as AppError[],
    pendingSaves: 0,
    uiReady: [] as { meetings: number; previewParagraphs: number }[],
    exports: [] as { id: number; format: string; revision: number; path: string }[],
    copies: [] as MeetingFile[],
    closed: 0,
    closeAcks: 0,
    /** What the next `save_meeting_file` dialogs answer: a path, `null` (cancelled) or an error. */
    meetingFileAnswers: [] as (string | null | AppError)[],
    meetingFiles: [] as { path: string; doc: MeetingFile }[],
    importQueue: [] as MeetingFile[],
    directory: seed.directory ?? [],
    /** meeting id → versions, oldest first */
    versions: new Map<number, Version[]>(),
    backups: seed.backups ?? [],
    restoredBackups: [] as string[],
    /** Set by a test: HTML appended to every preview. */
    previewAppend: undefined as string | undefined,
    /** The document `previewEdit` keeps, as core's LivePreview does. */
    live: null as { session: number; doc: MeetingFile; shown: { render: number; preview: PreviewParts } | null } | null,
    renders: 0,
    /** Set by a test: exporting stores this `updated` time, as the shell does for a correction. */
    exportSetsUpdated: undefined as string | undefined,
  };
  for (const m of seed.meetings ?? []) {
    const id = m.id ?? state.nextId;
    state.nextId = Math.max(state.nextId, id + 1);
    state.meetings.set(id, { id, revision: m.revision ?? 1, modified_at: m.modified_at ?? '2025-01-01T00:00:00Z', doc: clone(m.doc) });
  }

  // Strict like the real shell: unknown fields and missing speakers are refused, naming the path.
  // Each list is checked against the generated type: a field added, renamed or removed in Rust
  // fails the type check here.
  const fields = <T>(keys: Record<keyof T, true>) => Object.keys(keys);
  const ALLOWED = {
    root: fields<MeetingFile>({ format: true, meeting: true, people: true, agenda: true, release: true }),
    meeting: fields<MeetingInfo>({ title: true, organisation: true, language: true, location: true, starts: true, ends: true, timezone: true }),
    person: fields<Person>({ id: true, name: true, full: true, role: true, short: true }),
    item: fields<AgendaItem>({ title: true, notes: true, in_release: true, summary: true, quotes: true }),
    quote: fields<Quote>({ speaker: true, text: true, verb: true, form: true, in_release: true }),
    release: fields<Release>({ headline: true, lead: true, closing: true, published: true, updated: true, photos: true }),
    photo: fields<Photo>({ caption: true, language: true, credit: true }),
  };
  function check(obj: unknown, kind: keyof typeof ALLOWED, path: string): void {
    if (!obj || typeof obj !== 'object') throw err('invalid_input', `${path || 'doc'}: expected an object`);
    for (const k of Object.keys(obj)) {
      if (!ALLOWED[kind].includes(k)) throw err('invalid_input', `${path ? path + '.' : ''}${k}: unknown field`);
    }
  }
  function validate(doc: MeetingFile): void {
    check(doc, 'root', '');
    if (doc.format !== 'communique.meeting.v1') throw err('invalid_input', `format: unknown format ${JSON.stringify(doc.format)}`);
    check(doc.meeting, 'meeting', 'meeting');
    if (!['en', 'fr'].includes(doc.meeting.language)) throw err('invalid_input', `meeting.language: ${doc.meeting.language} (supported: en, fr)`);
    for (const f of ['starts', 'ends'] as const) {
      const v = doc.meeting[f];
      if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw err('invalid_input', `meeting.${f}: not a date: ${JSON.stringify(v)}`);
    }
    const ids = new Set<string>();
    (doc.people ?? []).forEach((p, i) => {
      check(p, 'person', `people[${i}]`);
      if (ids.has(p.id)) throw err('invalid_input', `people[${i}].id: duplicate ${p.id}`);
      ids.add(p.id);
    });
    if (!Array.isArray(doc.agenda)) throw err('invalid_input', 'agenda: missing');
    doc.agenda.forEach((it, i) => {
      check(it, 'item', `agenda[${i}]`);
      (it.quotes ?? []).forEach((q, j) => {
        check(q, 'quote', `agenda[${i}].quotes[${j}]`);
        if (!ids.has(q.speaker)) throw err('invalid_input', `agenda[${i}].quotes[${j}].speaker: ${JSON.stringify(q.speaker)} is not in people`);
        if (q.form != null && !['full', 'role', 'short'].includes(q.form)) throw err('invalid_input', `agenda[${i}].quotes[${j}].form: ${q.form}`);
      });
    });
    if (doc.release) {
      check(doc.release, 'release', 'release');
      (doc.release.photos ?? []).forEach((p, i) => check(p, 'photo', `release.photos[${i}]`));
    }
  }

  const esc = (s: string | null | undefined) =>
    String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
  const MONTHS = {
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  };
  function longDate(d: string | undefined, lang: MeetingInfo['language']): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d || '');
    if (!m) return '';
    const day = Number(m[3]);
    return `${lang === 'fr' && day === 1 ? '1er' : day} ${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
  }
  function paragraphs(doc: MeetingFile): string[] {
    const lang = doc.meeting.language;
    const people = new Map((doc.people ?? []).map((p) => [p.id, p]));
    const seen = new Set<string>();
    const out: string[] = [];
    const r = doc.release ?? {};
    if (r.lead) out.push(r.lead);
    for (const it of doc.agenda) {
      if (it.in_release === false) continue;
      const parts: string[] = [];
      if (it.summary) parts.push(it.summary);
      for (const q of it.quotes ?? []) {
        if (q.in_release === false) continue;
        const p: Person = people.get(q.speaker) ?? { id: q.speaker, name: q.speaker };
        const form = q.form ?? (seen.has(q.speaker) ? 'short' : 'full');
        seen.add(q.speaker);
        const name = form === 'full' ? p.full || p.name : form === 'role' ? p.role || p.short || p.name : p.short || p.name;
        const verb = q.verb || (lang === 'fr' ? 'a déclaré' : 'said');
        const text = q.text.replace(/\.$/, '');
        parts.push(lang === 'fr' ? `« ${text} », ${verb} ${name}.` : `“${text}${/[?!]$/.test(text) ? '' : ','}” ${verb} ${name}.`);
      }
      if (parts.length) out.push(parts.join(' '));
    }
    if (r.closing) out.push(r.closing);
    return out;
  }
  // Like core: the release's <article>, in a full page for the export (`renderHtml`) or after
  // the styles for the app's shadow root for the preview (`previewParts`), whose blocks are the
  // article's children.
  function articleBlocks(doc: MeetingFile): string[] {
    const r = doc.release ?? {};
    const lang = doc.meeting.language;
    const updated = r.updated
      ? ` · ${lang === 'fr' ? 'Mis à jour le :' : 'Updated:'} <time datetime="${esc(r.updated)}">${esc(r.updated.replace('T', ' ').slice(0, 16))}</time>`
      : '';
    const photos = (r.photos ?? []).map(
      (p) => `<figure><figcaption${p.language && p.language !== lang ? ` lang="${esc(p.language)}"` : ''}>${esc(p.caption)}</figcaption></figure>`,
    );
    return [
      `<h1>${esc(r.headline)}</h1>`,
      `<div class="dateline"><time datetime="${esc(r.published)}">${esc(longDate(r.published, lang))}</time>${updated}</div>\n`,
      ...paragraphs(doc).map((p) => `<p>${esc(p)}</p>\n`),
      ...photos,
    ];
  }
  const articleHtml = (doc: MeetingFile) => `<article>${articleBlocks(doc).join('')}</article>`;
  const ARTICLE_STYLE = `h1{font-size:1.5em;line-height:1.25;margin:0 0 .4em}.dateline{color:#555;font-size:.85em;margin-bottom:1.2em;font-family:system-ui,sans-serif}
figure{margin:1.2em 0 0;padding-top:.6em;border-top:1px solid #ddd}figcaption{font-size:.85em;color:#444;font-style:italic}`;
  function renderHtml(doc: MeetingFile): string {
    return `<!DOCTYPE html><html lang="${esc(doc.meeting.language)}"><head><meta charset="utf-8"><title>${esc(doc.release?.headline)}</title>
<style>body{font-family:Georgia,'DejaVu Serif',serif;color:#1d1d1d;max-width:38em;margin:0 auto;padding:28px 32px;line-height:1.55;font-size:15px}
${ARTICLE_STYLE}</style></head><body>${articleHtml(doc)}</body></html>`;
  }
  function previewParts(doc: MeetingFile): PreviewParts {
    return {
      head: `<style>:host{display:block;font-family:Georgia,'DejaVu Serif',serif;color:#1d1d1d;padding:28px 32px;line-height:1.55;font-size:15px}
${ARTICLE_STYLE}</style><div class="release" lang="${esc(doc.meeting.language)}"><article>`,
      blocks: articleBlocks(doc),
      tail: `</article></div>${state.previewAppend ?? ''}`,
    };
  }

  // The release as plain-text blocks (headline, dateline, paragraphs, captions), like core's
  // plain text split on blank lines: what a version keeps and what version_diff compares.
  function blocks(doc: MeetingFile): string[] {
    const r = doc.release ?? {};
    const out: string[] = [];
    if (r.headline) out.push(r.headline);
    const date = longDate(r.published, doc.meeting.language);
    if (date) out.push(date);
    out.push(...paragraphs(doc));
    for (const p of r.photos ?? []) if (p.caption) out.push(p.caption);
    return out;
  }
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

  function summary(m: Stored): MeetingSummary {
    const d = m.doc.meeting;
    return { id: m.id, title: d.title, organisation: d.organisation ?? null, starts: d.starts, ends: d.ends ?? null, language: d.language, revision: m.revision, modified_at: m.modified_at };
  }
  const sorted = () =>
    [...state.meetings.values()].sort((a, b) => (a.doc.meeting.starts < b.doc.meeting.starts ? 1 : a.doc.meeting.starts > b.doc.meeting.starts ? -1 : b.id - a.id));
  const get = (id: number): Stored => {
    const m = state.meetings.get(id);
    if (!m) throw err('not_found', `no meeting ${id}`);
    return m;
  };
  const today = () => new Date().toISOString().slice(0, 10);
  const open = (m: Stored): OpenMeeting => ({ id: m.id, revision: m.revision, doc: clone(m.doc), preview: previewParts(m.doc) });

  const handlers: Handlers = {
    listMeetings(limit, offset) {
      const all = sorted();
      return { total: all.length, meetings: all.slice(offset, offset + limit).map(summary) };
    },
    searchMeetings(query, limit) {
      const q = query.toLowerCase();
      const hits = [];
      for (const m of sorted()) {
        const texts = [m.doc.meeting.title, ...(m.doc.agenda ?? []).flatMap((a) => [a.title, a.summary ?? '']), m.doc.release?.headline ?? '', m.doc.release?.lead ?? ''];
        const t = texts.find((x) => x && x.toLowerCase().includes(q));
        if (!t) continue;
        const i = t.toLowerCase().indexOf(q);
        const start = Math.max(0, i - 30);
        const snippet = `${start > 0 ? '…' : ''}${t.slice(start, i)}[${t.slice(i, i + q.length)}]${t.slice(i + q.length, i + q.length + 40)}`;
        hits.push({ id: m.id, starts: m.doc.meeting.starts, title: m.doc.meeting.title, snippet });
      }
      return hits.slice(0, limit);
    },
    createMeeting(title, language) {
      const id = state.nextId++;
      const doc: MeetingFile = {
        format: 'communique.meeting.v1',
        meeting: { title, language: language as MeetingInfo['language'], starts: today() },
        people: [],
        agenda: [],
        release: { headline: '', lead: '', closing: '', photos: [] },
      };
      const m = { id, revision: 1, modified_at: new Date().toISOString(), doc };
      state.meetings.set(id, m);
      return open(m);
    },
    loadMeeting(id) {
      return open(get(id));
    },
    async saveMeeting(id, baseRevision, doc) {
      state.pendingSaves += 1;
      try {
        if (state.saveDelay) await sleep(state.saveDelay);
        const failure = state.saveFailures.shift();
        if (failure) throw failure;
        const m = get(id);
        if (m.revision !== baseRevision) throw err('conflict', `meeting ${id} is at revision ${m.revision}, not ${baseRevision}`);
        validate(doc);
        m.doc = clone(doc);
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
    // Like core's LivePreview: the document kept between requests, patched by the parts sent;
    // the answer is the whole preview, or the blocks that changed since the render shown.
    async previewEdit(session, shown, doc, parts) {
      if (doc) state.live = { session, doc: clone(doc), shown: null };
      const live = state.live;
      if (!live || live.session !== session) return { kind: 'resend' };
      for (const p of parts) {
        if (p.part === 'item') live.doc.agenda[p.index] = clone(p.value);
        else if (p.part === 'release' && p.value === null) delete live.doc.release;
        else (live.doc as Record<string, unknown>)[p.part] = clone(p.value);
      }
      validate(live.doc);
      if (state.previewDelay) await sleep(state.previewDelay);
      const preview = previewParts(live.doc);
      const render = ++state.renders;
      const old = live.shown;
      live.shown = { render, preview };
      if (!old || old.render !== shown || old.preview.head !== preview.head || old.preview.tail !== preview.tail) return { kind: 'whole', render, preview };
      const a = old.preview.blocks;
      const b = preview.blocks;
      let start = 0;
      while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
      let end = 0;
      while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
      return { kind: 'splice', render, base: old.render, start, removed: a.length - end - start, blocks: b.slice(start, b.length - end) };
    },
    // The v2 editor's commands: no UI calls them yet (the editor still edits v1), so the fake
    // refuses them loudly rather than imitating them.
    loadMeetingV2() {
      throw err('io', 'the fake shell has no v2 editor yet: loadMeetingV2');
    },
    saveMeetingV2() {
      throw err('io', 'the fake shell has no v2 editor yet: saveMeetingV2');
    },
    previewEditV2() {
      throw err('io', 'the fake shell has no v2 editor yet: previewEditV2');
    },
    copyRelease(doc) {
      validate(doc);
      state.copies.push(clone(doc));
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
      if (answer !== null) state.meetingFiles.push({ path: answer, doc: clone(doc) });
      return answer;
    },
    exportMeeting(id, format) {
      get(id);
      if (!['html', 'md', 'json'].includes(format)) throw err('invalid_input', `format: ${format}`);
      const path = `/home/press/Documents/meeting-${id}.${format}`;
      if (state.exportSetsUpdated) {
        // Like the shell exporting a corrected release: it stores the "updated" time.
        const m = get(id);
        m.doc.release = { ...(m.doc.release ?? {}), updated: state.exportSetsUpdated };
        m.revision += 1;
      }
      state.exports.push({ id, format, revision: get(id).revision, path });
      record(id, { kind: 'export', format: format as Format }); // the shell checks the name (html, md, json)
      return path;
    },
    importMeeting() {
      const doc = state.importQueue.shift();
      if (!doc) return null;
      validate(doc);
      const id = state.nextId++;
      state.meetings.set(id, { id, revision: 1, modified_at: new Date().toISOString(), doc: clone(doc) });
      return id;
    },
    listVersions(id) {
      get(id);
      return [...historyOf(id)].reverse().map((v) => ({ number: v.number, created_at: v.created_at, reason: v.reason, headline: v.blocks[0] ?? '' }));
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
      for (const m of b.meetings) {
        const id = m.id ?? state.nextId;
        state.nextId = Math.max(state.nextId, id + 1);
        state.meetings.set(id, { id, revision: m.revision ?? 1, modified_at: m.modified_at ?? b.created_at, doc: clone(m.doc) });
      }
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
    m.doc = clone(v.doc);
    record(v.id, v.reason, v.created_at);
    m.doc = current;
  }

  const callbacks = new Map<number, (data: unknown) => unknown>();
  const w = window as unknown as Record<string, unknown>;
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

  w.__fake = {
    state,
    /** The shell emits an event to the window (a menu item, the close button). */
    emit(event: string, payload?: unknown) {
      const targets = listeners.filter((l) => l.event === event);
      for (const l of targets) callbacks.get(l.handler)?.({ event, id: l.id, payload });
      return targets.length;
    },
    calls: (cmd?: string) => state.calls.filter((c) => !cmd || c.cmd === cmd),
    doc: (id: number) => clone(get(id).doc),
    revision: (id: number) => get(id).revision,
    /** Another window or the CLI saves the meeting. */
    externalWrite(id: number, mutate?: (doc: MeetingFile) => void) {
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
    blocks,
    queueImport(doc: MeetingFile) {
      state.importQueue.push(doc);
    },
    renderHtml,
  };
}
