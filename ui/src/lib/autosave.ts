// Autosave as a small state machine, independent of Svelte and of the IPC so it can be unit
// tested with fake timers and a fake `save`.
//
//   change() ──delay──▶ save(baseRevision) ──ok──▶ saved (revision := answer)
//                              │ edits meanwhile ─▶ dirty, saved again after the delay
//                              ├─ conflict ───────▶ conflict: nothing is saved until the user
//                              │                     chooses (keepMine, or the meeting is
//                              │                     reloaded: a new Autosaver)
//                              └─ other error ────▶ error (code + message), retried on the next
//                                                    change, flush() or retry(); a flush that
//                                                    waited for the failing save takes its answer
//                                                    instead of trying again at once
//
// "saved" is reported only after the save promise resolved and nothing changed since.

import type { AppError } from './types';
import { realTimers, type Timers } from './timing';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; error: AppError }
  | { kind: 'conflict'; error: AppError };

export interface AutosaveOptions {
  revision: number;
  delay?: number;
  /** Saves the current document on top of `baseRevision`; resolves with the new revision. */
  save: (baseRevision: number) => Promise<{ revision: number }>;
  onStatus?: (status: SaveStatus) => void;
  onSaved?: (revision: number) => void;
  toError?: (e: unknown) => AppError;
  timers?: Timers;
}

const defaultToError = (e: unknown): AppError =>
  e && typeof e === 'object' && 'code' in e && 'message' in e
    ? (e as AppError)
    : { code: 'unknown', message: String(e) };

export class Autosaver {
  revision: number;
  status: SaveStatus = { kind: 'saved' };
  private dirty = false;
  /** The last save failed and nothing changed since. */
  private failedUnchanged = false;
  private timer: unknown = null;
  private inflight: Promise<void> | null = null;
  private closed = false;
  private readonly delay: number;
  private readonly timers: Timers;
  private readonly toError: (e: unknown) => AppError;

  constructor(private readonly opts: AutosaveOptions) {
    this.revision = opts.revision;
    this.delay = opts.delay ?? 800;
    this.timers = opts.timers ?? realTimers;
    this.toError = opts.toError ?? defaultToError;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inflight !== null;
  }

  get saving(): boolean {
    return this.inflight !== null;
  }

  private set(status: SaveStatus) {
    this.status = status;
    this.opts.onStatus?.(status);
  }

  private schedule() {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delay);
  }

  /** The document changed: save it `delay` ms after the last change. */
  change(): void {
    if (this.closed) return;
    this.dirty = true;
    this.failedUnchanged = false;
    if (this.status.kind === 'conflict') return; // wait for the user's choice
    if (this.inflight === null && this.status.kind !== 'dirty') this.set({ kind: 'dirty' });
    this.schedule();
  }

  /** Saves now if anything is unsaved (blur, window close, before switching meeting). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    // A save in flight finishes first; what changed meanwhile is saved after it. If it failed
    // and nothing changed, its failure is this flush's answer: saving again at once would only
    // make whoever waits (closing the window, leaving the meeting) wait for the same failure.
    let waited = false;
    while (this.inflight) {
      waited = true;
      await this.inflight;
    }
    if (waited && this.failedUnchanged) return;
    if (!this.dirty || this.closed || this.status.kind === 'conflict') return;
    this.inflight = this.run();
    try {
      await this.inflight;
    } finally {
      this.inflight = null;
    }
  }

  private async run(): Promise<void> {
    this.dirty = false;
    this.set({ kind: 'saving' });
    try {
      const { revision } = await this.opts.save(this.revision);
      this.revision = revision;
      this.opts.onSaved?.(revision);
      if (this.dirty) {
        this.set({ kind: 'dirty' });
        if (this.timer === null) this.schedule();
      } else {
        this.set({ kind: 'saved' });
      }
    } catch (e) {
      this.failedUnchanged = !this.dirty;
      this.dirty = true;
      const error = this.toError(e);
      this.set(error.code === 'conflict' ? { kind: 'conflict', error } : { kind: 'error', error });
    }
  }

  /** Retries after an error. */
  retry(): Promise<void> {
    if (this.status.kind === 'conflict') return Promise.resolve();
    this.dirty = true;
    this.failedUnchanged = false;
    return this.flush();
  }

  /** Somebody else saved `theirRevision`: stop saving until the user chooses. */
  markConflict(theirRevision: number): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.set({
      kind: 'conflict',
      error: { code: 'conflict', message: `The meeting was changed elsewhere (revision ${theirRevision}, ours ${this.revision}).` },
    });
  }

  /** "Keep mine": save our document again on top of their revision. */
  keepMine(theirRevision: number): Promise<void> {
    this.revision = theirRevision;
    this.dirty = true;
    this.set({ kind: 'dirty' });
    return this.flush();
  }

  /** Stops scheduling saves (the meeting was closed); a flush in flight completes. */
  close(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.closed = true;
  }
}
