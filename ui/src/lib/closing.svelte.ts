// Closing the window is as safe as leaving a meeting. The shell asks (`app://close-requested`);
// the UI answers at once that it has the request in hand (`acknowledge_close`: the shell then
// never closes the window by itself), saves what is typed, and lets the window close
// (`close_app`) once that is stored — or once the user chose what to do with edits that cannot be
// stored: retry, write them to a meeting file of their choosing, or discard them.

import type { SaveStatus } from './autosave';
import { api, toAppError } from './ipc';
import type { OpenMeeting } from './meeting.svelte';
import type { AppError } from './types';
import type { Workspace } from './workspace.svelte';

/** A save that takes longer than this shows the prompt saying so (else the window just closes). */
export const SLOW_SAVE = 300;

export type CloseStep =
  /** Saving what is typed before closing, and it is taking a while. */
  | { kind: 'saving' }
  /** The save failed or is in conflict: the user chooses. */
  | { kind: 'unsaved'; meeting: OpenMeeting; status: Extract<SaveStatus, { kind: 'error' | 'conflict' }> }
  /** Retrying the save, or writing the meeting file, on the user's word. */
  | { kind: 'retrying' | 'writing'; meeting: OpenMeeting; status: Extract<SaveStatus, { kind: 'error' | 'conflict' }> };

export class Closing {
  /** What the close prompt shows; `null`: no prompt. */
  step = $state<CloseStep | null>(null);
  /** Why the last "Save as meeting file…" failed. */
  fileError = $state<AppError | null>(null);

  /** Bumped when the user keeps the window open: a save still running then closes nothing. */
  private attempt = 0;
  private handling = false;

  constructor(private readonly workspace: Workspace) {}

  /** The shell's close request (the close button, Close Window). */
  async request(): Promise<void> {
    void api.acknowledgeClose();
    if (this.handling) return; // already saving, or asking
    this.handling = true;
    const attempt = ++this.attempt;
    const m = this.workspace.meeting;
    if (m && (m.hasUnsavedChanges || m.status.kind !== 'saved')) {
      const slow = setTimeout(() => {
        if (attempt === this.attempt && this.step === null) this.step = { kind: 'saving' };
      }, SLOW_SAVE);
      await m.flush();
      await settle(m);
      clearTimeout(slow);
      if (attempt !== this.attempt) return;
      const status = m.status;
      if (status.kind === 'error' || status.kind === 'conflict') {
        this.step = { kind: 'unsaved', meeting: m, status };
        return;
      }
    }
    await this.close();
  }

  async retry(): Promise<void> {
    const step = this.step;
    if (step?.kind !== 'unsaved' || step.status.kind !== 'error') return;
    const attempt = this.attempt;
    const m = step.meeting;
    this.fileError = null;
    this.step = { ...step, kind: 'retrying' };
    await m.retrySave();
    await settle(m);
    if (attempt !== this.attempt) return;
    const status = m.status;
    if (status.kind === 'error' || status.kind === 'conflict') this.step = { kind: 'unsaved', meeting: m, status };
    else await this.close();
  }

  /** Writes the document as typed (unsaved edits included) to a meeting file, then closes. */
  async saveAsFile(): Promise<void> {
    const step = this.step;
    if (step?.kind !== 'unsaved') return;
    const attempt = this.attempt;
    this.fileError = null;
    this.step = { ...step, kind: 'writing' };
    try {
      const path = await api.saveMeetingFile(step.meeting.doc);
      if (attempt !== this.attempt) return;
      if (path !== null) {
        step.meeting.dispose();
        return await this.close();
      }
    } catch (e) {
      this.fileError = toAppError(e);
    }
    if (attempt === this.attempt) this.step = step;
  }

  /** The user's explicit choice: the edits that are not stored are dropped, the window closes. */
  async discard(): Promise<void> {
    const step = this.step;
    if (step?.kind !== 'unsaved') return;
    step.meeting.dispose();
    await this.close();
  }

  /** "Don't close": back to the meeting, its save status still saying what is not saved. */
  keepOpen(): void {
    const step = this.step;
    this.attempt += 1;
    this.step = null;
    this.fileError = null;
    this.handling = false;
    // Like leaving the meeting: a conflict is resolved in its own dialog.
    if (step && step.kind !== 'saving' && step.status.kind === 'conflict') step.meeting.conflict ??= { theirs: null };
  }

  private async close(): Promise<void> {
    this.step = null;
    try {
      await api.closeApp();
    } finally {
      this.handling = false;
    }
  }
}

/** After a save: saves again while something typed meanwhile is pending (not after a failure). */
async function settle(m: OpenMeeting): Promise<void> {
  while (!m.disposed && (m.status.kind === 'dirty' || m.status.kind === 'saving')) await m.flush();
}
