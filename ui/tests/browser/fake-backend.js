// An in-memory stand-in for the Rust shell, implementing every command of docs/ipc.md. It is
// serialised into the page with page.addInitScript (so it must not use anything outside this
// function) and installs window.__TAURI_INTERNALS__ the way @tauri-apps/api/mocks' mockIPC does.
// Test code only: the release it "renders" is a rough imitation for assertions and screenshots.
export function installFakeBackend(seed) {
  const clone = (x) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const err = (code, message) => ({ code, message });

  const state = {
    meetings: new Map(),
    nextId: 1,
    calls: [],
    saveDelay: seed.saveDelay ?? 0,
    previewDelay: seed.previewDelay ?? 0,
    saveFailures: [],
    pendingSaves: 0,
    uiReady: [],
    exports: [],
    copies: [],
    closed: 0,
    closeAcks: 0,
    /** What the next `save_meeting_file` dialogs answer: a path, `null` (cancelled) or an error. */
    meetingFileAnswers: [],
    meetingFiles: [],
    importQueue: [],
    directory: seed.directory ?? [],
    /** meeting id → versions, oldest first: {number, created_at, reason, blocks, doc} */
    versions: new Map(),
    /** {path, name, created_at, size_bytes?, meetings: seed meetings} */
    backups: seed.backups ?? [],
    restoredBackups: [],
  };
  for (const m of seed.meetings ?? []) {
    const id = m.id ?? state.nextId;
    state.nextId = Math.max(state.nextId, id + 1);
    state.meetings.set(id, { id, revision: m.revision ?? 1, modified_at: m.modified_at ?? '2025-01-01T00:00:00Z', doc: clone(m.doc) });
  }

  // Strict like the real shell: unknown fields and missing speakers are refused, naming the path.
  const ALLOWED = {
    root: ['format', 'meeting', 'people', 'agenda', 'release'],
    meeting: ['title', 'organisation', 'language', 'location', 'starts', 'ends', 'timezone'],
    person: ['id', 'name', 'full', 'role', 'short'],
    item: ['title', 'notes', 'in_release', 'summary', 'quotes'],
    quote: ['speaker', 'text', 'verb', 'form', 'in_release'],
    release: ['headline', 'lead', 'closing', 'published', 'updated', 'photos'],
    photo: ['caption', 'language', 'credit'],
  };
  function check(obj, kind, path) {
    if (!obj || typeof obj !== 'object') throw err('invalid_input', `${path || 'doc'}: expected an object`);
    for (const k of Object.keys(obj)) {
      if (!ALLOWED[kind].includes(k)) throw err('invalid_input', `${path ? path + '.' : ''}${k}: unknown field`);
    }
  }
  function validate(doc) {
    check(doc, 'root', '');
    if (doc.format !== 'communique.meeting.v1') throw err('invalid_input', `format: unknown format ${JSON.stringify(doc.format)}`);
    check(doc.meeting, 'meeting', 'meeting');
    if (!['en', 'fr'].includes(doc.meeting.language)) throw err('invalid_input', `meeting.language: ${doc.meeting.language} (supported: en, fr)`);
    for (const f of ['starts', 'ends']) {
      const v = doc.meeting[f];
      if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw err('invalid_input', `meeting.${f}: not a date: ${JSON.stringify(v)}`);
    }
    const ids = new Set();
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
        if (q.form !== undefined && !['full', 'role', 'short'].includes(q.form)) throw err('invalid_input', `agenda[${i}].quotes[${j}].form: ${q.form}`);
      });
    });
    if (doc.release) {
      check(doc.release, 'release', 'release');
      (doc.release.photos ?? []).forEach((p, i) => check(p, 'photo', `release.photos[${i}]`));
    }
  }

  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const MONTHS = {
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  };
  function longDate(d, lang) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d || '');
    if (!m) return '';
    const day = Number(m[3]);
    return `${lang === 'fr' && day === 1 ? '1er' : day} ${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
  }
  function paragraphs(doc) {
    const lang = doc.meeting.language;
    const people = new Map((doc.people ?? []).map((p) => [p.id, p]));
    const seen = new Set();
    const out = [];
    const r = doc.release ?? {};
    if (r.lead) out.push(r.lead);
    for (const it of doc.agenda) {
      if (it.in_release === false) continue;
      const parts = [];
      if (it.summary) parts.push(it.summary);
      for (const q of it.quotes ?? []) {
        if (q.in_release === false) continue;
        const p = people.get(q.speaker) ?? { name: q.speaker };
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
  // the styles for the app's shadow root for the preview (`previewHtml`).
  function articleHtml(doc) {
    const r = doc.release ?? {};
    const lang = doc.meeting.language;
    const updated = r.updated ? ` · ${lang === 'fr' ? 'Mis à jour le :' : 'Updated:'} <time datetime="${esc(r.updated)}">${esc(r.updated.replace('T', ' ').slice(0, 16))}</time>` : '';
    const photos = (r.photos ?? []).map((p) => `<figure><figcaption${p.language && p.language !== lang ? ` lang="${esc(p.language)}"` : ''}>${esc(p.caption)}</figcaption></figure>`).join('');
    return `<article><h1>${esc(r.headline)}</h1><div class="dateline"><time datetime="${esc(r.published)}">${esc(longDate(r.published, lang))}</time>${updated}</div>
${paragraphs(doc).map((p) => `<p>${esc(p)}</p>`).join('\n')}${photos}</article>`;
  }
  const ARTICLE_STYLE = `h1{font-size:1.5em;line-height:1.25;margin:0 0 .4em}.dateline{color:#555;font-size:.85em;margin-bottom:1.2em;font-family:system-ui,sans-serif}
figure{margin:1.2em 0 0;padding-top:.6em;border-top:1px solid #ddd}figcaption{font-size:.85em;color:#444;font-style:italic}`;
  function renderHtml(doc) {
    return `<!DOCTYPE html><html lang="${esc(doc.meeting.language)}"><head><meta charset="utf-8"><title>${esc(doc.release?.headline)}</title>
<style>body{font-family:Georgia,'DejaVu Serif',serif;color:#1d1d1d;max-width:38em;margin:0 auto;padding:28px 32px;line-height:1.55;font-size:15px}
${ARTICLE_STYLE}</style></head><body>${articleHtml(doc)}</body></html>`;
  }
  function previewHtml(doc) {
    return `<style>:host{display:block;font-family:Georgia,'DejaVu Serif',serif;color:#1d1d1d;padding:28px 32px;line-height:1.55;font-size:15px}
${ARTICLE_STYLE}</style><div class="release" lang="${esc(doc.meeting.language)}">${articleHtml(doc)}</div>${state.previewAppend ?? ''}`;
  }

  // The release as plain-text blocks (headline, dateline, paragraphs, captions), like core's
  // plain text split on blank lines: what a version keeps and what version_diff compares.
  function blocks(doc) {
    const r = doc.release ?? {};
    const out = [];
    if (r.headline) out.push(r.headline);
    const date = longDate(r.published, doc.meeting.language);
    if (date) out.push(date);
    out.push(...paragraphs(doc));
    for (const p of r.photos ?? []) if (p.caption) out.push(p.caption);
    return out;
  }
  const historyOf = (id) => {
    if (!state.versions.has(id)) state.versions.set(id, []);
    return state.versions.get(id);
  };
  /** A new version when the release reads differently from the latest one; its number or null. */
  function record(id, reason, at) {
    const m = get(id);
    const list = historyOf(id);
    const text = blocks(m.doc);
    const last = list[list.length - 1];
    if (last && JSON.stringify(last.blocks) === JSON.stringify(text)) return null;
    const number = (last?.number ?? 0) + 1;
    list.push({ number, created_at: at ?? new Date().toISOString(), reason, blocks: text, doc: clone(m.doc) });
    return number;
  }
  const version = (id, n) => {
    const v = historyOf(id).find((x) => x.number === n);
    if (!v) throw err('not_found', `meeting ${id} has no version ${n}`);
    return v;
  };
  /** Paragraph LCS; runs of removals and additions between common paragraphs pair up as changes. */
  function diffBlocks(a, b) {
    const n = a.length;
    const m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i -= 1) for (let j = m - 1; j >= 0; j -= 1) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const out = [];
    let removed = [];
    let added = [];
    const flush = () => {
      const pairs = Math.min(removed.length, added.length);
      for (let k = 0; k < pairs; k += 1) out.push({ kind: 'changed', before: removed[k], after: added[k] });
      for (const r of removed.slice(pairs)) out.push({ kind: 'removed', before: r, after: null });
      for (const x of added.slice(pairs)) out.push({ kind: 'added', before: null, after: x });
      removed = [];
      added = [];
    };
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) {
        flush();
        out.push({ kind: 'same', before: a[i], after: b[j] });
        i += 1;
        j += 1;
      } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) added.push(b[j++]);
      else removed.push(a[i++]);
    }
    flush();
    return out;
  }

  function summary(m) {
    const d = m.doc.meeting;
    return { id: m.id, title: d.title, organisation: d.organisation ?? null, starts: d.starts, ends: d.ends ?? null, language: d.language, revision: m.revision, modified_at: m.modified_at };
  }
  const sorted = () => [...state.meetings.values()].sort((a, b) => (a.doc.meeting.starts < b.doc.meeting.starts ? 1 : a.doc.meeting.starts > b.doc.meeting.starts ? -1 : b.id - a.id));
  const get = (id) => {
    const m = state.meetings.get(id);
    if (!m) throw err('not_found', `no meeting ${id}`);
    return m;
  };
  const today = () => new Date().toISOString().slice(0, 10);

  const handlers = {
    list_meetings({ limit, offset }) {
      const all = sorted();
      return { total: all.length, meetings: all.slice(offset, offset + limit).map(summary) };
    },
    search_meetings({ query, limit }) {
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
    create_meeting({ title, language }) {
      const id = state.nextId++;
      const doc = { format: 'communique.meeting.v1', meeting: { title, language, starts: today() }, people: [], agenda: [], release: { headline: '', lead: '', closing: '', photos: [] } };
      state.meetings.set(id, { id, revision: 1, modified_at: new Date().toISOString(), doc });
      return { id, revision: 1, doc: clone(doc), preview: previewHtml(doc) };
    },
    load_meeting({ id }) {
      const m = get(id);
      return { id, revision: m.revision, doc: clone(m.doc), preview: previewHtml(m.doc) };
    },
    async save_meeting({ id, baseRevision, doc }) {
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
    meeting_revision({ id }) {
      return get(id).revision;
    },
    delete_meeting({ id }) {
      get(id);
      state.meetings.delete(id);
      return null;
    },
    async preview_release({ doc }) {
      validate(doc);
      if (state.previewDelay) await sleep(state.previewDelay);
      return previewHtml(doc);
    },
    render_release({ doc, format }) {
      validate(doc);
      if (format === 'html') return renderHtml(doc);
      return `# ${doc.release?.headline ?? ''}\n\n${paragraphs(doc).join('\n\n')}\n`;
    },
    copy_release({ doc }) {
      validate(doc);
      state.copies.push(clone(doc));
      return null;
    },
    close_app() {
      state.closed += 1;
      return null;
    },
    acknowledge_close() {
      state.closeAcks += 1;
      return null;
    },
    save_meeting_file({ doc }) {
      validate(doc);
      const answer = state.meetingFileAnswers.length ? state.meetingFileAnswers.shift() : '/home/press/Documents/meeting.meeting.json';
      if (answer && typeof answer === 'object') throw answer;
      if (answer !== null) state.meetingFiles.push({ path: answer, doc: clone(doc) });
      return answer;
    },
    export_meeting({ id, format }) {
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
      record(id, `export ${format}`);
      return path;
    },
    import_meeting() {
      const doc = state.importQueue.shift();
      if (!doc) return null;
      validate(doc);
      const id = state.nextId++;
      state.meetings.set(id, { id, revision: 1, modified_at: new Date().toISOString(), doc: clone(doc) });
      return id;
    },
    list_versions({ id }) {
      get(id);
      return [...historyOf(id)].reverse().map((v) => ({ number: v.number, created_at: v.created_at, reason: v.reason, headline: v.blocks[0] ?? '' }));
    },
    save_version({ id }) {
      return record(id, 'saved by hand');
    },
    version_diff({ id, from, to }) {
      const m = get(id);
      const a = version(id, from).blocks;
      const b = to === 0 ? blocks(m.doc) : version(id, to).blocks;
      return { from, to, paragraphs: diffBlocks(a, b) };
    },
    restore_version({ id, number }) {
      const m = get(id);
      const v = version(id, number);
      m.doc = clone(v.doc);
      m.revision += 1;
      m.modified_at = new Date().toISOString();
      record(id, `restore ${number}`);
      return { id, revision: m.revision, doc: clone(m.doc), preview: previewHtml(m.doc) };
    },
    list_backups() {
      return state.backups.map((b) => ({ path: b.path, name: b.name, created_at: b.created_at, meetings: b.meetings.length, size_bytes: b.size_bytes ?? JSON.stringify(b.meetings).length * 12 }));
    },
    restore_backup({ path }) {
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
    people_directory({ query, limit }) {
      const q = query.toLowerCase();
      return state.directory.filter((p) => p.name.toLowerCase().includes(q)).slice(0, limit);
    },
    ui_ready(args) {
      state.uiReady.push(clone(args));
      return null;
    },
    // Tauri's event plugin, as far as the UI uses it: the shell's menu and close events.
    'plugin:event|listen'({ event, handler }) {
      const id = ++listenerSeq;
      listeners.push({ id, event, handler });
      return id;
    },
    'plugin:event|unlisten'({ eventId }) {
      const i = listeners.findIndex((l) => l.id === eventId);
      if (i >= 0) listeners.splice(i, 1);
      return null;
    },
  };
  // Seeded history: {id, reason, created_at, doc} oldest first, recorded like exports were.
  for (const v of seed.versions ?? []) {
    const m = get(v.id);
    const current = m.doc;
    m.doc = clone(v.doc);
    record(v.id, v.reason, v.created_at);
    m.doc = current;
  }

  const listeners = [];
  let listenerSeq = 0;

  const callbacks = new Map();
  window.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: 'main' }, currentWebview: { windowLabel: 'main', label: 'main' } },
    async invoke(cmd, args = {}) {
      state.calls.push({ cmd, args: clone(args), at: performance.now() });
      const h = handlers[cmd];
      if (!h) throw err('invalid_input', `unknown command ${cmd}`);
      // Like IPC: arguments and answers cross as JSON.
      return clone(await h(clone(args)));
    },
    transformCallback(cb, once) {
      const id = crypto.getRandomValues(new Uint32Array(1))[0];
      callbacks.set(id, (data) => {
        if (once) callbacks.delete(id);
        return cb && cb(data);
      });
      return id;
    },
    unregisterCallback(id) {
      callbacks.delete(id);
    },
    runCallback(id, data) {
      callbacks.get(id)?.(data);
    },
    callbacks,
    convertFileSrc: (p) => p,
  };

  window.__fake = {
    state,
    /** The shell emits an event to the window (a menu item, the close button). */
    emit(event, payload) {
      const targets = listeners.filter((l) => l.event === event);
      for (const l of targets) callbacks.get(l.handler)?.({ event, id: l.id, payload });
      return targets.length;
    },
    calls: (cmd) => state.calls.filter((c) => !cmd || c.cmd === cmd),
    doc: (id) => clone(get(id).doc),
    revision: (id) => get(id).revision,
    /** Another window or the CLI saves the meeting. */
    externalWrite(id, mutate) {
      const m = get(id);
      if (mutate) mutate(m.doc);
      m.revision += 1;
      return m.revision;
    },
    failNextSave(code, message) {
      state.saveFailures.push(err(code, message));
    },
    setSaveDelay(ms) {
      state.saveDelay = ms;
    },
    versions: (id) => clone(historyOf(id)),
    blocks,
    queueImport(doc) {
      state.importQueue.push(doc);
    },
    renderHtml,
  };
}
