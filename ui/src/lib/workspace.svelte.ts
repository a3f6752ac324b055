// Which meeting is open, and everything that changes it: start-up, opening, creating, importing,
// deleting, and taking in the stored copy (reload theirs, a restore). Leaving a meeting saves it
// first, and is refused while its save fails (the user stays and sees why).

import { tick } from 'svelte';
import { LANGUAGES } from './bindings';
import { DATE_LOCALES, dateLocale, type DateLocale, type DateLocalePref } from './dates';
import { toUi } from './doc';
import { api, toAppError } from './ipc';
import { OpenMeeting, type Opened } from './meeting.svelte';
import { summaryFields, type MeetingsList } from './meetings.svelte';
import { recall, remember } from './remembered';
import { isValidZone } from './time';
import type { Toasts } from './toasts.svelte';
import type { Language, OpenMeeting as Loaded } from './types';

const LAST_KEY = 'communique.lastMeeting';
const LANG_KEY = 'communique.lastLanguage';
const DATES_KEY = 'communique.datesAs';

/** A release language's tag (core's `Language`). */
const isLanguage = (tag: string): tag is Language => LANGUAGES.some((l) => l.tag === tag);

/** The language of this computer's desktop, where Communiqué writes releases in it (else English). */
function computerLanguage(): Language {
  const tags = typeof navigator === 'undefined' ? [] : (navigator.languages?.length ? navigator.languages : [navigator.language]);
  for (const t of tags) {
    const base = String(t).toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function rememberedLanguage(): Language | null {
  const l = recall(LANG_KEY);
  return l !== null && isLanguage(l) ? l : null;
}

/** This computer's time zone, when it is a zone of its own (UTC is what a meeting without one has). */
function computerZone(): string {
  try {
    const z = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
    return z && !/^(Etc\/)?(UTC|GMT|UCT|Universal|Zulu)$/i.test(z) && isValidZone(z) ? z : '';
  } catch {
    return '';
  }
}

const opened = (o: Loaded): Opened => ({ id: o.id, revision: o.revision, doc: toUi(o.doc, o.language), preview: o.preview, facts: o.facts });

export class Workspace {
  meeting = $state<OpenMeeting | null>(null);
  /** A meeting is being loaded. */
  loading = $state(false);
  /** New meetings are in the language last chosen; until one is, the computer's. */
  lastLanguage = $state<string>(rememberedLanguage() ?? computerLanguage());
  /** How this person types and reads dates: the release's language (the default) or a locale. */
  datesAs = $state<DateLocalePref>((DATE_LOCALES as readonly string[]).includes(recall(DATES_KEY) ?? '') ? (recall(DATES_KEY) as DateLocalePref) : 'release');
  /** The list is shown and, if a meeting opened, its preview (the App marks the page for tests). */
  ready = $state(false);

  private firstPreviewParagraphs: number | null = null;

  constructor(
    private readonly list: MeetingsList,
    private readonly toasts: Toasts,
  ) {}

  /** The locale the open meeting's dates are typed and shown in. */
  get dateLocale(): DateLocale {
    return dateLocale(this.datesAs, this.meeting?.doc.language ?? 'en');
  }

  setDatesAs(pref: DateLocalePref): void {
    this.datesAs = pref;
    remember(DATES_KEY, pref === 'release' ? null : pref);
  }

  async init(): Promise<void> {
    await this.list.loadMore();
    const remembered = Number(recall(LAST_KEY));
    const first = this.list.meetings[0]?.id;
    let ok = false;
    if (remembered) ok = await this.open(remembered, { quiet: true });
    if (!ok && first !== undefined) ok = await this.open(first);
    if (!ok) this.maybeReady();
  }

  /** Saves the open meeting before leaving it; false if that failed (the user stays). */
  async leaveCurrent(): Promise<boolean> {
    const m = this.meeting;
    if (!m) return true;
    await m.flush();
    const st = m.status;
    if (st.kind === 'error' || st.kind === 'conflict') {
      this.toasts.show(
        st.kind === 'conflict'
          ? 'Resolve the conflict before leaving this meeting.'
          : `This meeting could not be saved (${st.error.code}: ${st.error.message}). Fix it or retry before leaving.`,
        'error',
      );
      if (st.kind === 'conflict') m.conflict ??= { theirs: null };
      return false;
    }
    m.dispose();
    return true;
  }

  async open(id: number, opts: { quiet?: boolean } = {}): Promise<boolean> {
    if (id === this.meeting?.id) return true;
    if (!(await this.leaveCurrent())) return false;
    this.loading = true;
    try {
      this.show(opened(await api.loadMeeting(id)));
      return true;
    } catch (e) {
      const err = toAppError(e);
      if (!opts.quiet) this.toasts.show(`Could not open the meeting (${err.code}: ${err.message})`, 'error');
      if (err.code === 'not_found') remember(LAST_KEY, null);
      return false;
    } finally {
      this.loading = false;
    }
  }

  private show(o: Opened): OpenMeeting {
    this.meeting?.dispose();
    const m = new OpenMeeting(o, { toasts: this.toasts, onSaved: (id, doc, rev) => this.list.update(id, doc, rev) });
    this.meeting = m;
    remember(LAST_KEY, String(o.id));
    return m;
  }

  async create(): Promise<void> {
    if (!(await this.leaveCurrent())) return;
    try {
      const o = opened(await api.createMeeting('Untitled meeting', this.lastLanguage));
      this.list.add({ id: o.id, ...summaryFields(o.doc), revision: o.revision, modified_at: new Date().toISOString(), sample: false });
      this.list.setQuery('');
      const m = this.show(o);
      // It starts today on this computer's clock: in this computer's time zone too (the officer
      // changes it for a meeting elsewhere; UTC is never the press office's).
      const zone = computerZone();
      if (zone && !m.doc.meeting.timezone.trim()) {
        m.doc.meeting.timezone = zone;
        m.changed('meeting');
      }
      m.focus({ kind: 'meeting-title', select: true });
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not create a meeting (${err.code}: ${err.message})`, 'error');
    }
  }

  async importFile(): Promise<void> {
    try {
      const id = await api.importMeeting();
      if (id === null) return;
      await this.list.reload();
      await this.open(id);
      this.toasts.show('Meeting imported.');
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Import failed (${err.code}: ${err.message})`, 'error');
    }
  }

  async deleteCurrent(): Promise<void> {
    const m = this.meeting;
    if (!m) return;
    try {
      await api.deleteMeeting(m.id);
      this.closeMeeting();
      this.list.remove(m.id);
      const next = this.list.meetings[0];
      if (next) await this.open(next.id);
      this.toasts.show('Meeting deleted.');
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not delete the meeting (${err.code}: ${err.message})`, 'error');
    }
  }

  /** The meeting open is a sample (the first start's): the editor offers to start empty. */
  get isSample(): boolean {
    const id = this.meeting?.id;
    return id !== undefined && !!this.list.meetings.find((x) => x.id === id)?.sample;
  }

  /** "Start empty": the sample meetings go, in one step (the open one left first, its saves done). */
  async removeSamples(): Promise<void> {
    const openIsSample = this.isSample;
    if (openIsSample) {
      if (!(await this.leaveCurrent())) return;
      this.closeMeeting();
    }
    try {
      const n = await api.removeSamples();
      await this.list.reload();
      const next = this.list.meetings[0];
      if (openIsSample && next) await this.open(next.id);
      this.toasts.show(n === 1 ? 'Sample removed. Press New meeting to start yours.' : `${n} samples removed.`);
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not remove the sample (${err.code}: ${err.message})`, 'error');
    }
  }

  /** Nothing open any more (the meeting was deleted, the archive replaced). */
  closeMeeting(): void {
    this.meeting?.dispose();
    this.meeting = null;
    remember(LAST_KEY, null);
  }

  /** Shows the meeting as the shell stored it, dropping unsaved edits ("Reload theirs", a restore). */
  adopt(o: Loaded): void {
    const m = this.show(opened(o));
    this.list.update(m.id, m.doc, o.revision);
  }

  async reloadTheirs(): Promise<void> {
    const m = this.meeting;
    if (!m) return;
    try {
      this.adopt(await api.loadMeeting(m.id, m.doc.language));
      this.toasts.show('Reloaded the saved version.');
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not reload (${err.code}: ${err.message})`, 'error');
    }
  }

  /** Edits the meeting's release in `lang` (a meeting published in several): what is typed is saved first. */
  async editLanguage(lang: Language): Promise<void> {
    const m = this.meeting;
    if (!m || m.doc.language === lang) return;
    if (!(await this.leaveCurrent())) return;
    for (const l of [lang, m.doc.language]) {
      try {
        this.adopt(await api.loadMeeting(m.id, l));
        return;
      } catch (e) {
        const err = toAppError(e);
        this.toasts.show(`Could not open the ${l} release (${err.code}: ${err.message})`, 'error');
      }
    }
    this.closeMeeting();
  }

  /** Adds the meeting's release in `lang`, translated from the release edited (or, when that is
   * itself a translation, from its source): what is typed is saved first, then core copies the
   * release with every text to translate (`add_language_version`), that is saved, and the new
   * release is opened. */
  async addVersion(lang: Language): Promise<void> {
    const m = this.meeting;
    if (!m) return;
    const from = m.doc.release.translation?.of ?? m.doc.language;
    if (!(await this.leaveCurrent())) return;
    try {
      const doc = await api.addLanguageVersion(m.doc, from, lang);
      await api.saveMeeting(m.id, m.baseRevision, doc);
      this.adopt(await api.loadMeeting(m.id, lang));
      const name = LANGUAGES.find((l) => l.tag === lang)?.name ?? lang;
      this.toasts.show(`${name} version added: every text is marked to translate.`);
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not add the ${lang} version (${err.code}: ${err.message})`, 'error');
      this.adopt(await api.loadMeeting(m.id, m.doc.language));
    }
  }

  setLanguage(lang: string): void {
    this.lastLanguage = lang;
    remember(LANG_KEY, lang);
    this.meeting?.edits.setLanguage(lang);
  }

  /** The preview showed its first document, of `paragraphs` paragraphs (the Preview component). */
  previewLoaded(paragraphs: number): void {
    if (this.firstPreviewParagraphs !== null) return;
    this.firstPreviewParagraphs = paragraphs;
    this.maybeReady();
  }

  /** Readiness (for `--smoke` and the tests): the list is shown and the first meeting's preview. */
  private maybeReady() {
    if (this.ready || !this.list.loaded) return;
    if (this.meeting && this.firstPreviewParagraphs === null) return;
    this.ready = true;
    const paragraphs = this.meeting ? (this.firstPreviewParagraphs ?? 0) : 0;
    // Counted in the frame the user sees (not a second parse of the HTML: a 300-item release is a
    // sizeable document to build only to count it).
    void tick().then(() => api.uiReady(this.list.total, paragraphs));
  }
}
