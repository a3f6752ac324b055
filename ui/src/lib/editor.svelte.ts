// Application state and the actions the components call. One instance (`app`) per window.
// Svelte runes make the working document a deep proxy: typing into a field only touches that
// field's subscribers, so a 300-item meeting does not re-render per keystroke. Saving and the
// preview are driven by explicit `changed()` calls (delegated input events + structural edits):
// saving is debounced, the preview is refreshed at once, one request at a time.

import { tick } from 'svelte';
import { Autosaver, type SaveStatus } from './autosave';
import { blankItem, blankPhoto, blankQuote, toUi, toWire, type UiDoc, type UiPerson, type UiQuote } from './doc';
import { api, isAppError, toAppError } from './ipc';
import * as ops from './ops';
import { deriveSpeakerId } from './speakers';
import { coalesce, debounce, LatestWins } from './timing';
import type { AppError, Backup, MeetingSummary, OpenMeeting, SearchHit } from './types';
import { formatWhenInline, plural } from './versions';
import { UndoStack } from './undo';

export const PAGE_SIZE = 50;
export const SAVE_DELAY = 800;
const LAST_KEY = 'communique.lastMeeting';
const LANG_KEY = 'communique.lastLanguage';

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
}

function store(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage may be unavailable; remembering is a convenience */
  }
}
function recall(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}


class App {
  // Meetings list
  meetings = $state<MeetingSummary[]>([]);
  total = $state(0);
  listLoading = $state(false);
  listError = $state<AppError | null>(null);
  listLoaded = $state(false);
  query = $state('');
  hits = $state<SearchHit[] | null>(null);
  searchError = $state<AppError | null>(null);

  // Open meeting
  id = $state<number | null>(null);
  doc = $state<UiDoc | null>(null);
  loading = $state(false);
  openError = $state<AppError | null>(null);
  status = $state<SaveStatus>({ kind: 'saved' });
  conflict = $state<{ theirs: number | null } | null>(null);
  previewHtml = $state('');
  previewError = $state<AppError | null>(null);
  currentItemKey = $state<string | null>(null);
  /** The agenda item the app is about to focus: it renders live even when far from view. */
  awakeItem = $state<string | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** The open meeting's revision as last stored (loaded or saved): the versions view follows it. */
  storedRevision = $state(0);
  /** Bumped whenever the open meeting's version history may have grown (export, save, restore). */
  historyTick = $state(0);

  // Chrome
  toasts = $state<Toast[]>([]);
  helpOpen = $state(false);
  exportOpen = $state(false);
  backupsOpen = $state(false);
  lastLanguage = $state(recall(LANG_KEY) === 'fr' ? 'fr' : 'en');

  /** True when the last edit was structural, so Mod+Z in a text field undoes it, not typing. */
  lastWasStructural = false;
  private undoStack = new UndoStack();
  private saver: Autosaver | null = null;
  private toastSeq = 0;
  private readyDone = false;
  private firstPreviewLoaded = false;
  private previewRun = new LatestWins<string>(
    (html) => {
      this.previewHtml = html;
      this.previewError = null;
    },
    (e) => {
      this.previewError = toAppError(e);
    },
  );
  /** At once, one request at a time: keystrokes made while one is out collapse into the next. */
  private schedulePreview = coalesce(() => this.refreshPreview());
  private runSearch = debounce((q: string) => this.doSearch(q), 200);
  private searchSeq = new LatestWins<SearchHit[]>(
    (hits) => {
      this.hits = hits;
      this.searchError = null;
    },
    (e) => {
      this.searchError = toAppError(e);
    },
  );

  // ── Start-up and the meetings list ──────────────────────────────────────────────────────────

  async init(): Promise<void> {
    await this.loadMore();
    const remembered = Number(recall(LAST_KEY));
    const first = this.meetings[0]?.id;
    let opened = false;
    if (remembered) opened = await this.openMeeting(remembered, { quiet: true });
    if (!opened && first !== undefined) opened = await this.openMeeting(first);
    if (!opened) this.maybeReady();
  }

  async loadMore(): Promise<void> {
    if (this.listLoading || (this.listLoaded && this.meetings.length >= this.total)) return;
    this.listLoading = true;
    try {
      const page = await api.listMeetings(PAGE_SIZE, this.meetings.length);
      const known = new Set(this.meetings.map((m) => m.id));
      this.meetings.push(...page.meetings.filter((m) => !known.has(m.id)));
      this.total = page.total;
      this.listError = null;
    } catch (e) {
      this.listError = toAppError(e);
    } finally {
      this.listLoading = false;
      this.listLoaded = true;
    }
  }

  get hasMore(): boolean {
    return this.listLoaded && this.meetings.length < this.total && !this.listError;
  }

  setQuery(q: string): void {
    this.query = q;
    if (q.trim() === '') {
      this.runSearch.cancel();
      this.searchSeq.invalidate();
      this.hits = null;
      this.searchError = null;
    } else {
      this.runSearch(q.trim());
    }
  }

  private doSearch(q: string) {
    void this.searchSeq.run(() => api.searchMeetings(q, 30));
  }

  private upsertSummary(id: number, doc: UiDoc, revision: number) {
    const m = this.meetings.find((x) => x.id === id);
    const fields = {
      title: doc.meeting.title,
      organisation: doc.meeting.organisation || null,
      starts: doc.meeting.starts,
      ends: doc.meeting.ends || null,
      language: doc.meeting.language,
      revision,
    };
    if (m) Object.assign(m, fields);
  }

  // ── Opening, creating, importing ────────────────────────────────────────────────────────────

  /** Saves the open meeting before leaving it; false if that failed (the user stays). */
  async leaveCurrent(): Promise<boolean> {
    const s = this.saver;
    if (!s) return true;
    await s.flush();
    if (s.status.kind === 'error' || s.status.kind === 'conflict') {
      this.toast(
        s.status.kind === 'conflict'
          ? 'Resolve the conflict before leaving this meeting.'
          : `This meeting could not be saved (${s.status.error.code}: ${s.status.error.message}). Fix it or retry before leaving.`,
        'error',
      );
      if (s.status.kind === 'conflict') this.conflict ??= { theirs: null };
      return false;
    }
    s.close();
    return true;
  }

  async openMeeting(id: number, opts: { quiet?: boolean } = {}): Promise<boolean> {
    if (id === this.id && this.doc) return true;
    if (!(await this.leaveCurrent())) return false;
    this.loading = true;
    try {
      const open = await api.loadMeeting(id);
      this.show(open.id, open.revision, toUi(open.doc), open.preview);
      return true;
    } catch (e) {
      const err = toAppError(e);
      if (!opts.quiet) this.toast(`Could not open the meeting (${err.code}: ${err.message})`, 'error');
      if (err.code === 'not_found') store(LAST_KEY, null);
      return false;
    } finally {
      this.loading = false;
    }
  }

  private show(id: number, revision: number, fresh: UiDoc, preview: string) {
    this.saver?.close();
    this.id = id;
    this.doc = fresh;
    // The rune proxy, not `fresh`: edits go through the proxy and are not written back to `fresh`.
    const doc = this.doc;
    this.openError = null;
    this.conflict = null;
    this.currentItemKey = doc.agenda[0]?.key ?? null;
    this.undoStack.clear();
    this.syncUndo();
    this.lastWasStructural = false;
    this.previewError = null;
    this.previewRun.invalidate();
    this.storedRevision = revision;
    store(LAST_KEY, String(id));
    const saver: Autosaver = new Autosaver({
      revision,
      delay: SAVE_DELAY,
      toError: toAppError,
      save: (base) => api.saveMeeting(id, base, toWire(doc)),
      onStatus: (st) => {
        if (this.saver !== saver) return;
        this.status = st;
        if (st.kind === 'conflict') this.conflict ??= { theirs: null };
      },
      onSaved: (rev) => {
        this.upsertSummary(id, doc, rev);
        if (this.saver === saver) this.storedRevision = rev;
      },
    });
    this.saver = saver;
    this.status = saver.status;
    // The shell sent the stored document's preview with it: shown at once, no round trip.
    this.previewHtml = preview;
  }

  async newMeeting(): Promise<void> {
    if (!(await this.leaveCurrent())) return;
    try {
      const open = await api.createMeeting('Untitled meeting', this.lastLanguage);
      const doc = toUi(open.doc);
      this.meetings.unshift({
        id: open.id,
        title: doc.meeting.title,
        organisation: doc.meeting.organisation || null,
        starts: doc.meeting.starts,
        ends: doc.meeting.ends || null,
        language: doc.meeting.language,
        revision: open.revision,
        modified_at: new Date().toISOString(),
      });
      this.total += 1;
      this.setQuery('');
      this.show(open.id, open.revision, doc, open.preview);
      await tick();
      const title = document.querySelector<HTMLTextAreaElement>('[data-testid="meeting-title"]');
      title?.focus();
      title?.select();
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Could not create a meeting (${err.code}: ${err.message})`, 'error');
    }
  }

  async importMeeting(): Promise<void> {
    try {
      const id = await api.importMeeting();
      if (id === null) return;
      await this.reloadList();
      await this.openMeeting(id);
      this.toast('Meeting imported.');
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Import failed (${err.code}: ${err.message})`, 'error');
    }
  }

  async deleteMeeting(): Promise<void> {
    const id = this.id;
    if (id === null) return;
    try {
      this.saver?.close();
      await api.deleteMeeting(id);
      this.saver = null;
      this.id = null;
      this.doc = null;
      this.previewHtml = '';
      store(LAST_KEY, null);
      const i = this.meetings.findIndex((m) => m.id === id);
      if (i >= 0) this.meetings.splice(i, 1);
      this.total = Math.max(0, this.total - 1);
      const next = this.meetings[0];
      if (next) await this.openMeeting(next.id);
      this.toast('Meeting deleted.');
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Could not delete the meeting (${err.code}: ${err.message})`, 'error');
    }
  }

  private async reloadList() {
    this.meetings = [];
    this.total = 0;
    this.listLoaded = false;
    await this.loadMore();
  }

  // ── Editing ─────────────────────────────────────────────────────────────────────────────────

  /** Something in the document changed: save later, refresh the preview soon. */
  changed(): void {
    if (!this.doc) return;
    this.saver?.change();
    this.schedulePreview();
  }

  setLanguage(lang: string) {
    if (!this.doc) return;
    this.lastLanguage = lang;
    store(LANG_KEY, lang);
    this.apply(ops.setField(this.doc.meeting, 'language', lang, 'Change release language'));
  }

  apply(op: ops.Op | null, focus: 'title' | 'quote' | 'none' = 'none'): void {
    if (!op) return;
    this.undoStack.apply(op);
    this.afterStructural(op.focusRedo, focus);
  }

  private afterStructural(focusKey: string | undefined, focus: 'title' | 'quote' | 'none') {
    this.lastWasStructural = true;
    this.syncUndo();
    this.changed();
    if (focusKey && focus !== 'none') void this.focusRow(focusKey, focus);
  }

  private syncUndo() {
    this.canUndo = this.undoStack.canUndo;
    this.canRedo = this.undoStack.canRedo;
  }

  undo(): void {
    const e = this.undoStack.undo() as ops.Op | undefined;
    if (!e) return;
    this.afterStructural(e.focusUndo, 'title');
    this.toast(`Undone: ${e.label.toLowerCase()}`);
  }

  redo(): void {
    const e = this.undoStack.redo() as ops.Op | undefined;
    if (!e) return;
    this.afterStructural(e.focusRedo, 'title');
  }

  /** Focuses a row's main field after the DOM caught up with the document. */
  async focusRow(key: string, what: 'title' | 'quote'): Promise<void> {
    const owner = this.doc?.agenda.find((i) => i.key === key || i.quotes.some((q) => q.key === key));
    if (owner) this.awakeItem = owner.key;
    await tick();
    const row = document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    if (!row) return;
    const field =
      row.querySelector<HTMLElement>(what === 'quote' ? '[data-testid="quote-text"]' : '[data-testid="item-title"], [data-testid="quote-text"]') ??
      row.querySelector<HTMLElement>('input, textarea, button');
    field?.focus();
    field?.scrollIntoView({ block: 'nearest' });
  }

  itemIndex(key: string | null): number {
    return key && this.doc ? this.doc.agenda.findIndex((i) => i.key === key) : -1;
  }

  addItemAfter(key: string | null): void {
    if (!this.doc) return;
    const i = this.itemIndex(key);
    const at = i < 0 ? this.doc.agenda.length : i + 1;
    const item = blankItem();
    this.currentItemKey = item.key;
    this.apply(ops.insertItem(this.doc, at, item), 'title');
  }

  deleteItem(key: string): void {
    if (!this.doc) return;
    const op = ops.deleteItem(this.doc, key);
    const title = this.doc.agenda.find((i) => i.key === key)?.title;
    this.apply(op, 'title');
    if (op.focusRedo) this.currentItemKey = op.focusRedo;
    this.toast(title ? `Item “${title}” deleted` : 'Item deleted', 'info', {
      label: 'Undo',
      run: () => this.undoSpecific(op),
    });
  }

  /** The toast's Undo: the stack's undo when it is the latest edit, else a fresh inverse. */
  private undoSpecific(op: ops.Op) {
    if (this.undoStack.peek() === op) {
      this.undo();
    } else {
      op.undo();
      this.undoStack.push({ label: `Undo ${op.label.toLowerCase()}`, undo: () => op.redo(), redo: () => op.undo() });
      this.afterStructural(op.focusUndo, 'title');
    }
  }

  moveItem(key: string, delta: number): void {
    if (!this.doc) return;
    const i = this.itemIndex(key);
    if (i < 0) return;
    this.apply(ops.moveItem(this.doc, key, i + delta));
  }

  moveItemTo(key: string, to: number): void {
    if (!this.doc) return;
    this.apply(ops.moveItem(this.doc, key, to));
  }

  /** A sensible speaker for a new quote: the item's last speaker, else the meeting's last one. */
  private guessSpeaker(itemKey: string): string {
    const doc = this.doc!;
    const item = doc.agenda.find((i) => i.key === itemKey);
    const fromItem = item?.quotes.findLast((q) => q.speaker)?.speaker;
    if (fromItem) return fromItem;
    for (let i = doc.agenda.length - 1; i >= 0; i -= 1) {
      const s = doc.agenda[i].quotes.findLast((q) => q.speaker)?.speaker;
      if (s) return s;
    }
    return doc.people.length === 1 ? doc.people[0].id : '';
  }

  addQuote(itemKey: string | null): void {
    if (!this.doc) return;
    let key = itemKey ?? this.currentItemKey;
    if (!key || this.itemIndex(key) < 0) key = this.doc.agenda[this.doc.agenda.length - 1]?.key ?? null;
    if (!key) {
      const item = blankItem();
      const quote = blankQuote(this.guessSpeaker(item.key));
      item.quotes.push(quote);
      this.currentItemKey = item.key;
      this.apply({ ...ops.insertItem(this.doc, this.doc.agenda.length, item), focusRedo: quote.key }, 'quote');
      return;
    }
    const item = this.doc.agenda.find((i) => i.key === key)!;
    const quote = blankQuote(this.guessSpeaker(key));
    this.currentItemKey = key;
    this.apply(ops.insertQuote(this.doc, key, item.quotes.length, quote), 'quote');
  }

  deleteQuote(itemKey: string, quoteKey: string): void {
    if (!this.doc) return;
    const op = ops.deleteQuote(this.doc, itemKey, quoteKey);
    this.apply({ ...op, focusRedo: op.focusRedo ?? itemKey }, 'title');
    this.toast('Quote deleted', 'info', { label: 'Undo', run: () => this.undoSpecific(op) });
  }

  moveQuote(itemKey: string, quoteKey: string, delta: number): void {
    if (!this.doc) return;
    const item = this.doc.agenda.find((i) => i.key === itemKey);
    const i = item?.quotes.findIndex((q) => q.key === quoteKey) ?? -1;
    if (i < 0) return;
    this.apply(ops.moveQuote(this.doc, itemKey, quoteKey, i + delta));
  }

  /** Adds a person from the inline form and makes them the quote's speaker, as one undo step. */
  addSpeaker(quote: UiQuote, fields: { name: string; full: string; role: string; short: string }): string | null {
    if (!this.doc) return null;
    const name = fields.name.trim();
    if (!name) return null;
    const person: UiPerson = {
      key: `p-${quote.key}-${Date.now()}`,
      id: deriveSpeakerId(name, this.doc.people.map((p) => p.id)),
      name,
      full: fields.full.trim(),
      role: fields.role.trim(),
      short: fields.short.trim(),
    };
    this.apply(
      ops.group('Add speaker', [ops.addPerson(this.doc, person), ops.setField(quote, 'speaker', person.id, 'Set speaker')]),
    );
    return person.id;
  }

  addPhoto(): void {
    if (!this.doc) return;
    const photo = blankPhoto();
    this.apply(ops.addPhoto(this.doc, photo));
    void tick().then(() =>
      document.querySelector<HTMLElement>(`[data-key="${photo.key}"] [data-testid="photo-caption"]`)?.focus(),
    );
  }

  // ── Preview ─────────────────────────────────────────────────────────────────────────────────

  private refreshPreview(): Promise<void> {
    const doc = this.doc;
    if (!doc) return Promise.resolve();
    return this.previewRun.run(() => api.previewRelease(toWire(doc)));
  }

  /** The preview frame shows `previewHtml` (first load or update in place). */
  previewShown(): void {
    this.previewShownAt = performance.now();
  }
  /** When the preview last showed a new document (for the latency measurement in tests). */
  previewShownAt = 0;

  /** Paragraphs the preview showed when it first loaded (reported by `ui_ready` to `--smoke`). */
  private previewParagraphs = 0;

  /** The preview iframe loaded a document of `paragraphs` paragraphs (called by the Preview component). */
  previewLoaded(paragraphs: number): void {
    if (this.previewHtml && !this.firstPreviewLoaded) {
      this.previewParagraphs = paragraphs;
      this.firstPreviewLoaded = true;
      this.maybeReady();
    }
  }

  /** Smoke-test hook: the list rendered and the first meeting's preview loaded. */
  private maybeReady() {
    if (this.readyDone || !this.listLoaded) return;
    if (this.doc && !this.firstPreviewLoaded) return;
    this.readyDone = true;
    void tick().then(() => {
      document.body.dataset.ready = '1';
      // Counted in the frame the user sees (not a second parse of the HTML: a 300-item release is
      // a sizeable document to build only to count it).
      void api.uiReady(this.total, this.doc ? this.previewParagraphs : 0);
    });
  }

  // ── Saving and conflicts ────────────────────────────────────────────────────────────────────

  flush(): Promise<void> {
    return this.saver?.flush() ?? Promise.resolve();
  }

  retrySave(): void {
    void this.saver?.retry();
  }

  /** Polls the stored revision (window focus): a newer one means somebody else wrote. */
  async checkRevision(): Promise<void> {
    const id = this.id;
    const s = this.saver;
    if (id === null || !s || s.saving || this.conflict) return;
    try {
      const rev = await api.meetingRevision(id);
      if (this.saver !== s || s.saving) return;
      if (rev > s.revision) {
        s.markConflict(rev);
        this.conflict = { theirs: rev };
      }
    } catch (e) {
      if (isAppError(e, 'not_found')) this.toast('This meeting was deleted elsewhere.', 'error');
    }
  }

  async keepMine(): Promise<void> {
    const id = this.id;
    const s = this.saver;
    if (id === null || !s) return;
    try {
      const rev = await api.meetingRevision(id);
      this.conflict = null;
      await s.keepMine(rev);
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Could not save (${err.code}: ${err.message})`, 'error');
    }
  }

  /** Shows the meeting as the shell stored it, dropping unsaved edits ("Reload theirs", a restore). */
  private adopt(open: OpenMeeting) {
    this.saver?.close();
    this.saver = null;
    this.show(open.id, open.revision, toUi(open.doc), open.preview);
    this.upsertSummary(open.id, this.doc!, open.revision);
  }

  async reloadTheirs(): Promise<void> {
    const id = this.id;
    if (id === null) return;
    try {
      this.adopt(await api.loadMeeting(id));
      this.toast('Reloaded the saved version.');
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Could not reload (${err.code}: ${err.message})`, 'error');
    }
  }

  // ── Export and clipboard ────────────────────────────────────────────────────────────────────

  async exportAs(format: 'html' | 'md' | 'json'): Promise<void> {
    const id = this.id;
    if (id === null) return;
    this.exportOpen = false;
    await this.flush();
    if (this.status.kind !== 'saved') {
      this.toast('Export needs the meeting saved first: see the save status.', 'error');
      return;
    }
    try {
      const path = await api.exportMeeting(id, format);
      if (path) {
        this.toast(`Exported to ${path}`);
        // Exporting a corrected release sets its "updated" time, which the shell stores: take
        // that in (nothing was typed since the flush), so the next save is not a conflict.
        const revision = await api.meetingRevision(id);
        if (this.id === id && this.saver && this.status.kind === 'saved' && revision > this.saver.revision) {
          this.adopt(await api.loadMeeting(id));
        }
      }
      this.historyTick += 1; // an export records a version when the release reads differently
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Export failed (${err.code}: ${err.message})`, 'error');
    }
  }

  async copyRelease(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    try {
      await api.copyRelease(toWire(doc));
      this.toast('Release copied (formatted and plain text).');
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Could not copy the release (${err.code}: ${err.message})`, 'error');
    }
  }

  // ── Versions and backups ────────────────────────────────────────────────────────────────────

  /** Saves what is typed; false (with a toast saying why) if the stored meeting is not it. */
  private async savedFirst(what: string): Promise<boolean> {
    await this.flush();
    if (this.status.kind === 'saved') return true;
    this.toast(`${what} needs the meeting saved first: see the save status.`, 'error');
    return false;
  }

  /** Records the release as it reads now as a version (saving first, like export). */
  async saveVersion(): Promise<number | null> {
    const id = this.id;
    if (id === null || !(await this.savedFirst('Saving a version'))) return null;
    try {
      const n = await api.saveVersion(id);
      this.historyTick += 1;
      if (n !== null) {
        this.toast(`Version ${n} saved`);
        return n;
      }
      const latest = (await api.listVersions(id))[0]?.number;
      this.toast(latest ? `No change since version ${latest}` : 'Nothing to save as a version yet.');
      return null;
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Could not save a version (${err.code}: ${err.message})`, 'error');
      return null;
    }
  }

  /**
   * Puts the release back as it was at version `n` (the shell keeps what it reads now as a version
   * first, in the same transaction, so the restore can itself be undone from the history), then
   * the restored meeting is loaded like "Reload theirs".
   */
  async restoreVersion(n: number): Promise<boolean> {
    const id = this.id;
    if (id === null || !(await this.savedFirst('Restoring a version'))) return false;
    try {
      const open = await api.restoreVersion(id, n);
      if (this.id === id) this.adopt(open);
      this.historyTick += 1;
      this.toast(`Restored version ${n}.`);
      return true;
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Could not restore version ${n} (${err.code}: ${err.message})`, 'error');
      this.historyTick += 1;
      return false;
    }
  }

  /** Replaces the whole archive with a backup (the user was asked), then opens the newest meeting. */
  async restoreBackup(b: Backup): Promise<boolean> {
    await this.flush();
    try {
      const { meetings } = await api.restoreBackup(b.path);
      this.saver?.close();
      this.saver = null;
      this.id = null;
      this.doc = null;
      this.conflict = null;
      this.previewHtml = '';
      this.status = { kind: 'saved' };
      store(LAST_KEY, null);
      this.setQuery('');
      await this.reloadList();
      const first = this.meetings[0];
      if (first) await this.openMeeting(first.id);
      this.historyTick += 1;
      this.toast(`Archive restored from the backup of ${formatWhenInline(b.created_at)}: ${plural(meetings, 'meeting')}.`);
      return true;
    } catch (e) {
      const err = toAppError(e);
      this.toast(`Could not restore the backup (${err.code}: ${err.message})`, 'error');
      return false;
    }
  }

  // ── Toasts ──────────────────────────────────────────────────────────────────────────────────

  toast(message: string, kind: Toast['kind'] = 'info', action?: Toast['action']): void {
    const id = ++this.toastSeq;
    this.toasts.push({ id, message, kind, action });
    if (this.toasts.length > 4) this.toasts.shift();
    setTimeout(() => this.dismiss(id), kind === 'error' ? 12000 : action ? 8000 : 4000);
  }

  dismiss(id: number): void {
    const i = this.toasts.findIndex((t) => t.id === id);
    if (i >= 0) this.toasts.splice(i, 1);
  }
}

export const app = new App();
if (import.meta.env.DEV) (window as unknown as { app: App }).app = app;
