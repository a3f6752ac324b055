// The versions view of the open meeting's release: its history (`list_versions`), the version
// selected, what it is compared with, and the paragraph diff (`version_diff`). One instance.

import { app } from './editor.svelte';
import { api, toAppError } from './ipc';
import { LatestWins } from './timing';
import type { AppError, VersionDiff, VersionSummary } from './types';

/** Compare with the meeting as stored now (`version_diff`'s `to: 0`). */
export const NOW = 0;

class History {
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

  toggle(): void {
    if (this.open) this.close();
    else this.show();
  }

  show(): void {
    if (!app.doc) return;
    app.exportOpen = false;
    this.open = true;
  }

  close(): void {
    this.open = false;
    this.confirmRestore = null;
  }

  /** (Re)reads the history of the open meeting; a different meeting starts afresh. */
  async refresh(): Promise<void> {
    const id = app.id;
    if (id === null) return;
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
    await app.flush();
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
    if (to === NOW) await app.flush();
    await this.diffRun.run(() => api.versionDiff(id, from, to));
  }

  async saveVersion(): Promise<void> {
    this.busy = true;
    try {
      const n = await app.saveVersion();
      await this.refresh();
      if (n !== null) this.select(n);
    } finally {
      this.busy = false;
    }
  }

  async restore(n: number): Promise<void> {
    this.confirmRestore = null;
    this.busy = true;
    try {
      if (await app.restoreVersion(n)) await this.refresh();
    } finally {
      this.busy = false;
    }
  }
}

export const history = new History();
