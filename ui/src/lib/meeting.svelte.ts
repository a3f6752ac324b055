// One opened meeting: its working document, undo, autosave, preview and conflict. A new instance
// is made each time a meeting is opened (or reloaded from the store) and disposed when it is left,
// so nothing here can act on another meeting than its own.
//
// Svelte runes make the working document a deep proxy: typing into a field only touches that
// field's subscribers, so a 300-item meeting does not re-render per keystroke. What the editor
// replaces whole or only carries through (release text blocks, other languages' texts, the other
// releases) is held outside the proxies (`kept.ts`): a proxy per object read costs memory for
// the page's life (3,334 proxies for a 300-item meeting before, 1,223 after). Saving and the
// preview are driven by explicit `changed()` calls (delegated input events, which name the part
// of the document they changed, and structural edits): saving is debounced, the preview is
// refreshed at once (`livePreview.svelte.ts`: only what changed goes to the shell and back).

import { Autosaver, type SaveStatus } from './autosave';
import { peopleToWire, quotesToWire, toWire, type UiDoc } from './doc';
import { Edits } from './edits';
import { api, isAppError, toAppError } from './ipc';
import { LivePreview, type Changed } from './livePreview.svelte';
import type * as ops from './ops';
import type { Toasts } from './toasts.svelte';
import type { PreviewParts, ReleaseFacts } from './types';
import { UndoStack } from './undo';

export const SAVE_DELAY = 800;

/** What the editor should focus once the DOM caught up (done by the App component). */
export type FocusTarget =
  | { kind: 'row'; key: string; field: 'title' | 'quote' | 'speaker' }
  | { kind: 'photo'; key: string }
  | { kind: 'meeting-title'; select: boolean };

export interface Opened {
  id: number;
  revision: number;
  doc: UiDoc;
  /** The shell's preview of `doc`, sent with it, and what the release says besides. */
  preview: PreviewParts;
  facts: ReleaseFacts;
}

export interface MeetingHooks {
  toasts: Toasts;
  /** A save committed `revision` of `doc`. */
  onSaved(id: number, doc: UiDoc, revision: number): void;
}

export class OpenMeeting {
  readonly id: number;
  doc: UiDoc;
  status = $state<SaveStatus>({ kind: 'saved' });
  conflict = $state<{ theirs: number | null } | null>(null);
  /** The release as the shell renders this document, kept live as it is edited. */
  readonly preview: LivePreview;
  /** The agenda item the user is in (or was last in): where Mod+Enter adds the next one. */
  currentItemKey = $state<string | null>(null);
  /** The quote being captured (Mod+Shift+Enter): its row asks who speaks before the words. */
  capturing = $state<string | null>(null);
  /** The agenda item the app is about to focus: it renders live even when far from view. */
  awakeItem = $state<string | null>(null);
  focusRequest = $state<(FocusTarget & { seq: number }) | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** The revision as last stored (loaded or saved): the versions view follows it. */
  storedRevision = $state(0);
  /** Bumped whenever the version history may have grown (`versionsChanged`). */
  historyTick = $state(0);
  /** True when the last edit was structural, so Mod+Z in a text field undoes it, not typing. */
  lastWasStructural = false;
  /** Agenda, quotes, people, photos: the structural edits, each one undo step. */
  readonly edits: Edits;

  /** The people and the quotes as the file holds them: what the release's text can name and place. */
  readonly wirePeople = $derived.by(() => peopleToWire(this.doc));
  readonly wireQuotes = $derived.by(() => quotesToWire(this.doc));

  /** Left (or replaced by the stored copy): it saves nothing any more. */
  disposed = false;

  private readonly toasts: Toasts;
  private readonly undoStack = new UndoStack();
  private readonly saver: Autosaver;
  private focusSeq = 0;

  constructor(opened: Opened, hooks: MeetingHooks) {
    this.id = opened.id;
    this.doc = $state(opened.doc);
    this.toasts = hooks.toasts;
    this.storedRevision = opened.revision;
    this.currentItemKey = this.doc.agenda[0]?.key ?? null;
    // The rune proxy, not `opened.doc`: edits go through the proxy and are not written back to it.
    const doc = this.doc;
    this.preview = new LivePreview(doc, opened.preview, opened.facts);
    this.saver = new Autosaver({
      revision: opened.revision,
      delay: SAVE_DELAY,
      toError: toAppError,
      save: (base) => api.saveMeeting(this.id, base, toWire(doc)),
      onStatus: (st) => {
        this.status = st;
        if (st.kind === 'conflict') this.conflict ??= { theirs: null };
      },
      onSaved: (rev) => {
        this.storedRevision = rev;
        hooks.onSaved(this.id, doc, rev);
      },
    });
    this.edits = new Edits(this, this.toasts);
  }

  /** Stops saving (a save in flight completes); the instance is not used again. */
  dispose(): void {
    this.disposed = true;
    this.saver.close();
    this.preview.close();
  }

  // ── Editing ───────────────────────────────────────────────────────────────────────────────

  /** Something in the document changed (`where`; nothing named: anything): save later, refresh the preview now. */
  changed(where?: Changed): void {
    this.saver.change();
    this.preview.changed(where);
  }

  /** The release's text changed in a rich-text editor (it keeps its own undo history). */
  textChanged(where: Changed): void {
    this.lastWasStructural = false;
    this.changed(where);
  }

  /** Applies a structural edit as one undo step, then focuses its row (`focus`). */
  apply(op: ops.Op | null, focus: 'title' | 'quote' | 'speaker' | 'none' = 'none'): void {
    if (!op) return;
    this.undoStack.apply(op);
    this.afterStructural(op.focusRedo, focus);
  }

  undo(): void {
    const e = this.undoStack.undo() as ops.Op | undefined;
    if (!e) return;
    this.afterStructural(e.focusUndo, 'title');
    this.toasts.show(`Undone: ${e.label.toLowerCase()}`);
  }

  redo(): void {
    const e = this.undoStack.redo() as ops.Op | undefined;
    if (!e) return;
    this.afterStructural(e.focusRedo, 'title');
  }

  /** A toast's Undo: the stack's undo when `op` is the latest edit, else a fresh inverse. */
  undoSpecific(op: ops.Op): void {
    if (this.undoStack.peek() === op) {
      this.undo();
    } else {
      op.undo();
      this.undoStack.push({ label: `Undo ${op.label.toLowerCase()}`, undo: () => op.redo(), redo: () => op.undo() });
      this.afterStructural(op.focusUndo, 'title');
    }
  }

  private afterStructural(focusKey: string | undefined, focus: 'title' | 'quote' | 'speaker' | 'none') {
    this.lastWasStructural = true;
    this.canUndo = this.undoStack.canUndo;
    this.canRedo = this.undoStack.canRedo;
    this.changed();
    if (focusKey && focus !== 'none') this.focus({ kind: 'row', key: focusKey, field: focus });
  }

  /** Asks the editor to focus `target` once rendered (an agenda row far from view is woken). */
  focus(target: FocusTarget): void {
    if (target.kind === 'row') {
      const key = target.key;
      const owner = this.doc.agenda.find((i) => i.key === key || i.quotes.some((q) => q.key === key));
      if (owner) this.awakeItem = owner.key;
    }
    this.focusRequest = { ...target, seq: ++this.focusSeq };
  }

  itemIndex(key: string | null): number {
    return key ? this.doc.agenda.findIndex((i) => i.key === key) : -1;
  }

  /** The release's version history may have grown (an export, a version saved or restored). */
  versionsChanged(): void {
    this.historyTick += 1;
  }

  // ── Saving and conflicts ──────────────────────────────────────────────────────────────────

  /** Saves what is typed now (blur, leaving, closing, before an export). */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  /** Something typed is not stored yet (waiting for the delay, or being saved). */
  get hasUnsavedChanges(): boolean {
    return this.saver.hasUnsavedChanges;
  }

  retrySave(): Promise<void> {
    return this.saver.retry();
  }

  /** Polls the stored revision (window focus): a newer one means somebody else wrote. */
  async checkRevision(): Promise<void> {
    if (this.saver.saving || this.conflict) return;
    try {
      const rev = await api.meetingRevision(this.id);
      if (this.saver.saving) return;
      if (rev > this.saver.revision) {
        this.saver.markConflict(rev);
        this.conflict = { theirs: rev };
      }
    } catch (e) {
      if (isAppError(e, 'not_found')) this.toasts.show('This meeting was deleted elsewhere.', 'error');
    }
  }

  /** "Keep mine": saves this document over the revision somebody else stored. */
  async keepMine(): Promise<void> {
    try {
      const rev = await api.meetingRevision(this.id);
      this.conflict = null;
      await this.saver.keepMine(rev);
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not save (${err.code}: ${err.message})`, 'error');
    }
  }

  /** The revision the next save builds on. */
  get baseRevision(): number {
    return this.saver.revision;
  }
}
