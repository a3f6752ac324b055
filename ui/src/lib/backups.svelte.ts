// Backups of the whole archive: the dialog that lists them, and restoring one (the dialog asked).

import { api, toAppError } from './ipc';
import type { MeetingsList } from './meetings.svelte';
import type { Toasts } from './toasts.svelte';
import type { Backup } from './types';
import { formatWhenInline, plural } from './versions';
import type { Workspace } from './workspace.svelte';

export class Backups {
  /** The Backups dialog. */
  open = $state(false);

  constructor(
    private readonly workspace: Workspace,
    private readonly list: MeetingsList,
    private readonly toasts: Toasts,
  ) {}

  /** Replaces the whole archive with `b`, then opens its newest meeting. */
  async restore(b: Backup): Promise<boolean> {
    await this.workspace.meeting?.flush();
    try {
      const { meetings } = await api.restoreBackup(b.path);
      this.workspace.closeMeeting();
      this.list.setQuery('');
      await this.list.reload();
      const first = this.list.meetings[0];
      if (first) await this.workspace.open(first.id);
      this.toasts.show(`Archive restored from the backup of ${formatWhenInline(b.created_at)}: ${plural(meetings, 'meeting')}.`);
      return true;
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not restore the backup (${err.code}: ${err.message})`, 'error');
      return false;
    }
  }
}
