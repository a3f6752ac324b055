// The only module that talks to the Rust shell (docs/ipc.md). Every rejection is turned into an
// `AppError {code, message}`; documents are sent through `toWire`, which strips UI-only keys.

import { invoke } from '@tauri-apps/api/core';
import { toWire, type UiDoc } from './doc';
import type { AppError, Backup, ErrorCode, MeetingDoc, MeetingPage, OpenMeeting, Person, SearchHit, VersionDiff, VersionSummary } from './types';

const CODES: ErrorCode[] = [
  'invalid_input',
  'not_a_database',
  'newer_schema',
  'not_found',
  'conflict',
  'storage',
  'io',
  'cancelled',
];

export function toAppError(e: unknown): AppError {
  if (e && typeof e === 'object' && 'message' in e) {
    const o = e as { code?: unknown; message?: unknown };
    const code = CODES.includes(o.code as ErrorCode) ? (o.code as ErrorCode) : 'unknown';
    return { code, message: String(o.message) };
  }
  if (typeof e === 'string') return { code: 'unknown', message: e };
  return { code: 'unknown', message: String(e) };
}

export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return !!e && typeof e === 'object' && 'code' in e && (code === undefined || (e as AppError).code === code);
}

async function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  if (typeof window !== 'undefined' && !('__TAURI_INTERNALS__' in window)) {
    throw { code: 'io', message: 'Not running inside the Communiqué app: there is no shell to talk to.' } satisfies AppError;
  }
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

type Doc = UiDoc | MeetingDoc;
const wire = (doc: Doc): MeetingDoc => ('format' in doc ? doc : toWire(doc));

export const api = {
  listMeetings: (limit: number, offset: number) => call<MeetingPage>('list_meetings', { limit, offset }),
  searchMeetings: (query: string, limit: number) => call<SearchHit[]>('search_meetings', { query, limit }),
  createMeeting: (title: string, language: string) => call<OpenMeeting>('create_meeting', { title, language }),
  loadMeeting: (id: number) => call<OpenMeeting>('load_meeting', { id }),
  saveMeeting: (id: number, baseRevision: number, doc: Doc) =>
    call<{ revision: number }>('save_meeting', { id, baseRevision, doc: wire(doc) }),
  meetingRevision: (id: number) => call<number>('meeting_revision', { id }),
  deleteMeeting: (id: number) => call<null>('delete_meeting', { id }),
  previewRelease: (doc: Doc) => call<string>('preview_release', { doc: wire(doc) }),
  renderRelease: (doc: Doc, format: 'html' | 'md') => call<string>('render_release', { doc: wire(doc), format }),
  /** The shell puts the release on the system clipboard, as rich HTML and as plain text. */
  copyRelease: (doc: Doc) => call<null>('copy_release', { doc: wire(doc) }),
  /** Everything is saved (or the user discarded it): the shell closes the window now. */
  closeApp: () => call<null>('close_app', {}),
  /**
   * The answer to `app://close-requested`, sent at once: the UI has the request in hand, so the
   * shell does not close the window by itself. If this fails the shell closes it after a grace.
   */
  acknowledgeClose: () => call<null>('acknowledge_close', {}).catch(() => null),
  /** Asks where, then writes `doc` (as typed, saved or not) as a meeting file; `null`: cancelled. */
  saveMeetingFile: (doc: Doc) => call<string | null>('save_meeting_file', { doc: wire(doc) }),
  exportMeeting: (id: number, format: 'html' | 'md' | 'json') => call<string | null>('export_meeting', { id, format }),
  importMeeting: () => call<number | null>('import_meeting', {}),
  peopleDirectory: (query: string, limit: number) => call<Person[]>('people_directory', { query, limit }),
  /** The release's versions, newest first. */
  listVersions: (id: number) => call<VersionSummary[]>('list_versions', { id }),
  /** Records the stored release as a version; `null` when it reads exactly like the latest one. */
  saveVersion: (id: number) => call<number | null>('save_version', { id }),
  /** Paragraph by paragraph from version `from` to version `to` (`0`: the meeting as stored now). */
  versionDiff: (id: number, from: number, to: number) => call<VersionDiff>('version_diff', { id, from, to }),
  /** Stores the meeting as it was at `number` (a new revision, recorded as a new version). */
  restoreVersion: (id: number, number: number) => call<OpenMeeting>('restore_version', { id, number }),
  listBackups: () => call<Backup[]>('list_backups', {}),
  /** Replaces every meeting of the archive with the backup's content. */
  restoreBackup: (path: string) => call<{ meetings: number }>('restore_backup', { path }),
  /** Readiness hook for the shell's smoke test; errors are irrelevant to the user. */
  uiReady: (meetings: number, previewParagraphs: number) =>
    call<null>('ui_ready', { meetings, previewParagraphs }).catch(() => null),
};
