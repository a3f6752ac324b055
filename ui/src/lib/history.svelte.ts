// The versions view of the open meeting's release: its history (`list_versions`), the version
// selected, what it is compared with, and the paragraph diff (`version_diff`); saving the release
// as a version and restoring one.

import type { Exports } from './exports.svelte';
import { api, toAppError } from './ipc';
import { LatestWins } from './timing';
import type { Toasts } from './toasts.svelte';
import type { AppError, VersionDiff, VersionSummary } from './types';
import type { Workspace } from './workspace.svelte';

/** Compare with the meeting as stored now (`version_diff`'s `to: 0`). */
export const NOW = 0;

export class Versions {
  open = $state(false);
  /** The meeting the list belongs to. */
  forId = $state<number | null>(null);
  versions = $state<VersionSummary[]>([]);
  loaded = $state(false);
  error = $state<AppError | null>(null);
  selected = $state<number | null>(null);
  compareTo = $state(NOW);
  diff = $state<VersionDiff | null>(null);
  diffError = $state<AppError | null>(null);
  diffLoading = $state(false);
  /** The version the restore confirmation asks about. */
  confirmRestore = $state<number | null>(null);
  busy = $state(false);

  private listRun = new LatestWins<{ id: number; versions: VersionSummary[] }>(
    ({ id, versions }) => {
      if (id !== this.forId) return;
      const top = this.versions[0]?.number ?? null;
      this.versions = versions;
      // Following the newest: a version just recorded is selected.
      if (this.selected === top) this.selected = null;
      this.loaded = true;
      this.error = null;
      const numbers = versions.map((v) => v.number);
      if (this.selected === null || !numbers.includes(this.selected)) this.selected = numbers[0] ?? null;
      if (this.compareTo !== NOW && !numbers.includes(this.compareTo)) this.compareTo = NOW;
      void this.loadDiff();
    },
    (e) => {
      this.error = toAppError(e);
      this.loaded = true;
    },
  );
  private diffRun = new LatestWins<VersionDiff>(
    (d) => {
      this.diff = d;
      this.diffError = null;
      this.diffLoading = false;
    },
    (e) => {
      this.diffError = toAppError(e);
      this.diffLoading = false;
    },
  );

  constructor(
    private readonly workspace: Workspace,
    private readonly exports: Exports,
    private readonly toasts: Toasts,
  ) {}

  toggle(): void {
    if (this.open) this.close();
    else this.show();
  }

  show(): void {
    if (!this.workspace.meeting) return;
    this.exports.menuOpen = false;
    this.open = true;
  }

  close(): void {
    this.open = false;
    this.confirmRestore = null;
  }

  /** (Re)reads the history of the open meeting; a different meeting starts afresh. */
  async refresh(): Promise<void> {
    const m = this.workspace.meeting;
    if (!m) return;
    const id = m.id;
    if (id !== this.forId) {
      this.forId = id;
      this.versions = [];
      this.loaded = false;
      this.selected = null;
      this.compareTo = NOW;
      this.diff = null;
      this.diffError = null;
      this.error = null;
    }
    // Versions are of the stored meeting: what is typed is saved first.
    await m.flush();
    await this.listRun.run(async () => ({ id, versions: await api.listVersions(id) }));
  }

  select(n: number): void {
    if (this.selected === n) return;
    this.selected = n;
    if (this.compareTo === n) this.compareTo = NOW;
    void this.loadDiff();
  }

  setCompare(to: number): void {
    this.compareTo = to;
    void this.loadDiff();
  }

  async loadDiff(): Promise<void> {
    const id = this.forId;
    const from = this.selected;
    if (id === null || from === null) {
      this.diffRun.invalidate();
      this.diff = null;
      this.diffLoading = false;
      return;
    }
    const to = this.compareTo;
    this.diffLoading = true;
    if (to === NOW) await this.workspace.meeting?.flush();
    await this.diffRun.run(() => api.versionDiff(id, from, to));
  }

  /** Saves what is typed; false (with a toast saying why) if the stored meeting is not it. */
  private async savedFirst(what: string): Promise<boolean> {
    const m = this.workspace.meeting;
    if (!m) return false;
    await m.flush();
    if (m.status.kind === 'saved') return true;
    this.toasts.show(`${what} needs the meeting saved first: see the save status.`, 'error');
    return false;
  }

  /** Records the release as it reads now as a version (saving first, like export), and selects it. */
  async saveVersion(): Promise<void> {
    this.busy = true;
    try {
      const n = await this.record();
      await this.refresh();
      if (n !== null) this.select(n);
    } finally {
      this.busy = false;
    }
  }

  private async record(): Promise<number | null> {
    const m = this.workspace.meeting;
    if (!m || !(await this.savedFirst('Saving a version'))) return null;
    try {
      const n = await api.saveVersion(m.id);
      m.versionsChanged();
      if (n !== null) {
        this.toasts.show(`Version ${n} saved`);
        return n;
      }
      const latest = (await api.listVersions(m.id))[0]?.number;
      this.toasts.show(latest ? `No change since version ${latest}` : 'Nothing to save as a version yet.');
      return null;
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not save a version (${err.code}: ${err.message})`, 'error');
      return null;
    }
  }

  /**
   * Puts the release back as it was at version `n`: what it reads now is kept as a version first
   * (so the restore can itself be undone from the history), then the restored meeting is loaded
   * like "Reload theirs".
   */
  async restore(n: number): Promise<void> {
    this.confirmRestore = null;
    this.busy = true;
    try {
      if (await this.restoreVersion(n)) await this.refresh();
    } finally {
      this.busy = false;
    }
  }

  private async restoreVersion(n: number): Promise<boolean> {
    const m = this.workspace.meeting;
    if (!m || !(await this.savedFirst('Restoring a version'))) return false;
    try {
      // The shell keeps what the release reads now as a version first, in the same transaction,
      // so the restore can itself be undone from the history.
      const o = await api.restoreVersion(m.id, n);
      if (this.workspace.meeting?.id === m.id) this.workspace.adopt(o);
      this.workspace.meeting?.versionsChanged();
      this.toasts.show(`Restored version ${n}.`);
      return true;
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not restore version ${n} (${err.code}: ${err.message})`, 'error');
      this.workspace.meeting?.versionsChanged();
      return false;
    }
  }
}
