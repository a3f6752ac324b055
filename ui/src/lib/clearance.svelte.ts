// The release pane's "Status" view: where the open meeting's release stands on its way to
// publication (core's `Store::clearance`), the moves it can make (core decides which are allowed:
// the UI offers the usual ones and says core's answer), and a correction after publication. Each
// acts on the stored meeting, so what is typed is saved first; a move that changed the meeting
// (publishing gives it its time, a correction its note) is taken back in.

import { api, toAppError } from './ipc';
import { LatestWins } from './timing';
import type { Toasts } from './toasts.svelte';
import type { AppError, Clearance, ReleaseStatus } from './types';
import type { Workspace } from './workspace.svelte';

/** How each status reads in the app (core's `Status::name`). */
export const STATUS_LABEL: Record<ReleaseStatus, string> = {
  draft: 'Draft',
  ready_for_clearance: 'For clearance',
  cleared: 'Cleared',
  published: 'Published',
  corrected: 'Corrected',
};

/** The moves offered from each status (core's `clearance::check_move` has the last word). */
export function movesFrom(status: ReleaseStatus | null): ReleaseStatus[] {
  switch (status) {
    case null:
      return ['draft', 'ready_for_clearance', 'cleared'];
    case 'draft':
      return ['ready_for_clearance', 'cleared'];
    case 'ready_for_clearance':
      return ['cleared', 'draft'];
    case 'cleared':
      return ['published', 'cleared', 'draft'];
    default:
      return [];
  }
}

export class ClearanceState {
  open = $state(false);
  forId = $state<number | null>(null);
  info = $state<Clearance | null>(null);
  error = $state<AppError | null>(null);
  busy = $state(false);

  private run = new LatestWins<{ id: number; info: Clearance }>(
    ({ id, info }) => {
      if (id !== this.forId) return;
      this.info = info;
      this.error = null;
    },
    (e) => (this.error = toAppError(e)),
  );

  constructor(
    private readonly workspace: Workspace,
    private readonly toasts: Toasts,
  ) {}

  toggle(): void {
    this.open = !this.open;
    if (this.open) void this.refresh();
  }

  close(): void {
    this.open = false;
  }

  /** (Re)reads the stored release's clearance, what is typed saved first. */
  async refresh(): Promise<void> {
    const m = this.workspace.meeting;
    if (!m) return;
    const id = m.id;
    if (id !== this.forId) {
      this.forId = id;
      this.info = null;
      this.error = null;
    }
    await m.flush();
    await this.run.run(async () => ({ id, info: await api.clearance(id) }));
  }

  /** Moves the release to `status`; `by` is who cleared it. True when core took it. */
  async move(status: ReleaseStatus, by: string | null, note: string | null): Promise<boolean> {
    return this.act(`${STATUS_LABEL[status]}`, (id) => api.setReleaseStatus(id, status, by, note));
  }

  /** A correction of the published release, on every language version. */
  async correct(note: string, by: string | null): Promise<boolean> {
    return this.act('Corrected', (id) => api.correctRelease(id, note, by));
  }

  private async act(what: string, call: (id: number) => Promise<unknown>): Promise<boolean> {
    const m = this.workspace.meeting;
    if (!m || this.busy) return false;
    this.busy = true;
    try {
      await m.flush();
      if (m.status.kind !== 'saved') {
        this.toasts.show('The status needs the meeting saved first: see the save status.', 'error');
        return false;
      }
      await call(m.id);
      // Publishing and correcting change the stored meeting: take it in (nothing was typed
      // since the flush), so the next save is not a conflict.
      const revision = await api.meetingRevision(m.id);
      if (this.workspace.meeting === m && m.status.kind === 'saved' && revision > m.baseRevision) {
        this.workspace.adopt(await api.loadMeeting(m.id, m.doc.language));
      }
      this.toasts.show(`Release status: ${what}.`);
      await this.refresh();
      return true;
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Status not changed (${err.code}: ${err.message})`, 'error');
      return false;
    } finally {
      this.busy = false;
    }
  }
}
