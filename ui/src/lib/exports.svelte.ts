// The release out of the app: exported to a file the user picks (the stored meeting, so it is
// saved first), or copied to the clipboard (what is typed now).

import { api, toAppError, type ExportFormat } from './ipc';
import type { Toasts } from './toasts.svelte';
import type { Workspace } from './workspace.svelte';

export type { ExportFormat } from './ipc';

export class Exports {
  /** The toolbar's Export menu. */
  menuOpen = $state(false);

  constructor(
    private readonly workspace: Workspace,
    private readonly toasts: Toasts,
  ) {}

  /** The open meeting once what is typed is stored (what the shell exports and imports into),
   * or null (said) when it could not be saved. */
  private async saved(what: 'Export' | 'Import') {
    const m = this.workspace.meeting;
    if (!m) return null;
    this.menuOpen = false;
    await m.flush();
    if (m.status.kind !== 'saved') {
      this.toasts.show(`${what} needs the meeting saved first: see the save status.`, 'error');
      return null;
    }
    return m;
  }

  async exportAs(format: ExportFormat): Promise<void> {
    const m = await this.saved('Export');
    if (!m) return;
    try {
      // A translated release with texts to translate or outdated: said, and exported only if
      // the officer says so.
      if (format !== 'json' && m.doc.release.translation) {
        const s = (await api.translationStatus(m.doc)).find((v) => v.language === m.doc.language);
        if (s && (s.to_translate > 0 || s.outdated > 0)) {
          const pending = [s.to_translate ? `${s.to_translate} to translate` : '', s.outdated ? `${s.outdated} outdated` : ''].filter(Boolean).join(', ');
          this.pending = { format, message: `This release is not fully translated: ${pending}.` };
          return;
        }
      }
      await this.write(format, false);
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Export failed (${err.code}: ${err.message})`, 'error');
    }
  }

  /** The export waiting for "Export anyway" (a release not fully translated), or none. */
  pending = $state<{ format: ExportFormat; message: string } | null>(null);

  /** "Export anyway": the pending export, written as it reads. */
  async exportAnyway(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    try {
      await this.write(p.format, true);
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Export failed (${err.code}: ${err.message})`, 'error');
    }
  }

  private async write(format: ExportFormat, allowOutdated: boolean): Promise<void> {
    const m = this.workspace.meeting;
    if (!m) return;
    const path = await api.exportMeeting(m.id, format, m.doc.language, allowOutdated);
    if (path) {
      this.toasts.show(`Exported to ${path}`);
      // Exporting a corrected release sets its "updated" time, which the shell stores: take
      // that in (nothing was typed since the flush), so the next save is not a conflict.
      const revision = await api.meetingRevision(m.id);
      if (this.workspace.meeting === m && m.status.kind === 'saved' && revision > m.baseRevision) {
        this.workspace.adopt(await api.loadMeeting(m.id, m.doc.language));
      }
    }
    // An export records a version when the release reads differently.
    this.workspace.meeting?.versionsChanged();
  }

  /** The release's texts to translate and outdated, as XLIFF for a translator (the stored
   * meeting: saved first). */
  async exportXliff(): Promise<void> {
    const m = await this.saved('Export');
    if (!m) return;
    try {
      const path = await api.exportXliff(m.id, m.doc.language);
      if (path) this.toasts.show(`Texts to translate exported to ${path}`);
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`XLIFF export failed (${err.code}: ${err.message})`, 'error');
    }
  }

  /** A translator's XLIFF back into the stored meeting (all of it, or nothing: every problem is
   * named), then the meeting shown as stored. */
  async importXliff(): Promise<void> {
    const m = await this.saved('Import');
    if (!m) return;
    try {
      const done = await api.importXliff(m.id);
      if (!done) return;
      this.workspace.adopt(await api.loadMeeting(m.id, done.language));
      this.toasts.show(`Translations imported: ${done.applied} translated, ${done.untranslated} left untranslated.`);
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`XLIFF not imported, nothing changed (${err.code}: ${err.message})`, 'error');
    }
  }

  async copy(): Promise<void> {
    const m = this.workspace.meeting;
    if (!m) return;
    try {
      await api.copyRelease(m.doc);
      this.toasts.show('Release copied (formatted and plain text).');
    } catch (e) {
      const err = toAppError(e);
      this.toasts.show(`Could not copy the release (${err.code}: ${err.message})`, 'error');
    }
  }
}
