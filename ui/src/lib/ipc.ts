// The only module that talks to the Rust shell, through the commands generated from it
// (`bindings.ts`; docs/ipc.md). Every rejection is turned into an `AppError {code, message}`;
// documents are sent through `toWire`, which strips UI-only keys.

import { commands, type Format } from './bindings';
import { toWire, type UiDoc } from './doc';
import type { AppError, Code, DocPartV2, ErrorCode, Language, MeetingDoc, ReleaseStatus } from './types';

// Every code the shell sends, once: the type check fails when the Rust `Code` enum gains or loses one.
const CODES: Record<Code, true> = {
  invalid_input: true,
  not_a_database: true,
  newer_schema: true,
  not_found: true,
  conflict: true,
  storage: true,
  io: true,
};

export function toAppError(e: unknown): AppError {
  if (e && typeof e === 'object' && 'message' in e) {
    const o = e as { code?: unknown; message?: unknown };
    const code: ErrorCode = typeof o.code === 'string' && Object.hasOwn(CODES, o.code) ? (o.code as Code) : 'unknown';
    return { code, message: String(o.message) };
  }
  if (typeof e === 'string') return { code: 'unknown', message: e };
  return { code: 'unknown', message: String(e) };
}

export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return !!e && typeof e === 'object' && 'code' in e && (code === undefined || (e as AppError).code === code);
}

async function call<T>(command: () => Promise<T>): Promise<T> {
  if (typeof window !== 'undefined' && !('__TAURI_INTERNALS__' in window)) {
    throw { code: 'io', message: 'Not running inside the Communiqué app: there is no shell to talk to.' } satisfies AppError;
  }
  try {
    return await command();
  } catch (e) {
    throw toAppError(e);
  }
}

type Doc = UiDoc | MeetingDoc;
const wire = (doc: Doc): MeetingDoc => ('format' in doc ? doc : toWire(doc));

/** What an export writes: core's `Format`. */
export type ExportFormat = Format;

export const api = {
  listMeetings: (limit: number, offset: number) => call(() => commands.listMeetings(limit, offset)),
  searchMeetings: (query: string, limit: number, includePrivate: boolean) => call(() => commands.searchMeetings(query, limit, includePrivate)),
  createMeeting: (title: string, language: string) => call(() => commands.createMeeting(title, language)),
  loadMeeting: (id: number, language: Language | null = null) => call(() => commands.loadMeetingV2(id, language)),
  saveMeeting: (id: number, baseRevision: number, doc: Doc) => call(() => commands.saveMeetingV2(id, baseRevision, wire(doc))),
  meetingRevision: (id: number) => call(() => commands.meetingRevision(id)),
  deleteMeeting: (id: number) => call(() => commands.deleteMeeting(id)),
  removeSamples: () => call(() => commands.removeSamples()),
  /** The preview of the editor's document, sent whole or as the parts changed since (`LivePreview`). */
  previewEditV2: (session: number, shown: number, language: Language | null, doc: Doc | null, parts: DocPartV2[]) =>
    call(() => commands.previewEditV2(session, shown, language, doc && wire(doc), parts)),
  /** What the release the session last previewed says besides it: attributions, length. */
  previewFacts: (session: number) => call(() => commands.previewFacts(session)),
  /** The shell puts the release on the system clipboard, as rich HTML and as plain text. */
  copyRelease: (doc: UiDoc) => call(() => commands.copyRelease(toWire(doc), doc.language)),
  /** Everything is saved (or the user discarded it): the shell closes the window now. */
  closeApp: () => call(() => commands.closeApp()),
  /**
   * The answer to `app://close-requested`, sent at once: the UI has the request in hand, so the
   * shell does not close the window by itself. If this fails the shell closes it after a grace.
   */
  acknowledgeClose: () => call(() => commands.acknowledgeClose()).catch(() => null),
  /** Asks where, then writes `doc` (as typed, saved or not) as a meeting file; `null`: cancelled. */
  saveMeetingFile: (doc: Doc) => call(() => commands.saveMeetingFile(wire(doc))),
  /** The path written, or `null` when the user cancelled the save dialog. */
  exportMeeting: (id: number, format: ExportFormat, language: Language | null = null, allowOutdated = false) =>
    call(() => commands.exportMeeting(id, format, language, allowOutdated)),
  /** Language versions: core's policies over the document (`v2::translation`). */
  translationStates: (doc: UiDoc) => call(() => commands.translationStates(toWire(doc), doc.language)),
  translationStatus: (doc: Doc) => call(() => commands.translationStatus(wire(doc))),
  addLanguageVersion: (doc: Doc, from: Language, to: Language) => call(() => commands.addLanguageVersion(wire(doc), from, to)),
  markTranslated: (doc: UiDoc, keys: string[] | null) => call(() => commands.markTranslated(toWire(doc), doc.language, keys)),
  exportXliff: (id: number, language: Language) => call(() => commands.exportXliff(id, language)),
  importXliff: (id: number) => call(() => commands.importXliff(id)),
  /** The new meeting's id, or `null` when the user cancelled the open dialog. */
  importMeeting: () => call(() => commands.importMeeting()),
  /** A JPEG or PNG chosen in the open dialog, checked and added to the archive: what it holds of it, or `null` when the user cancelled. */
  importPhotoImage: () => call(() => commands.importPhotoImage()),
  peopleDirectory: (query: string, limit: number) => call(() => commands.peopleDirectory(query, limit)),
  /** The stored release's status, sign-off log and what changed since it was cleared. */
  clearance: (id: number) => call(() => commands.clearance(id)),
  /** Moves the stored release to `status` (`by`: who cleared it); logged with its text. */
  setReleaseStatus: (id: number, status: ReleaseStatus, by: string | null, note: string | null) =>
    call(() => commands.setReleaseStatus(id, status, by, note)),
  /** A correction of the published release, on every language version. */
  correctRelease: (id: number, note: string, by: string | null) => call(() => commands.correctRelease(id, note, by)),
  /** The release's versions, newest first. */
  listVersions: (id: number) => call(() => commands.listVersions(id)),
  /** Records the stored release as a version; `null` when it reads exactly like the latest one. */
  saveVersion: (id: number) => call(() => commands.saveVersion(id)),
  /** Paragraph by paragraph from version `from` to version `to` (`0`: the meeting as stored now). */
  versionDiff: (id: number, from: number, to: number) => call(() => commands.versionDiff(id, from, to)),
  /** Stores the meeting as it was at `number` (a new revision, recorded as a new version). */
  restoreVersion: (id: number, number: number) => call(() => commands.restoreVersion(id, number)),
  listBackups: () => call(() => commands.listBackups()),
  /** Replaces every meeting of the archive with the backup's content. */
  restoreBackup: (path: string) => call(() => commands.restoreBackup(path)),
  /** Readiness hook for the shell's smoke test; errors are irrelevant to the user. */
  uiReady: (meetings: number, previewParagraphs: number) =>
    call(() => commands.uiReady(meetings, previewParagraphs)).then(
      () => null,
      () => null,
    ),
};

/**
 * The address of the archive's image named `sha256`, served by the shell's `photo:` scheme
 * (`photo://localhost/<sha256>`; on Windows, `http://photo.localhost/<sha256>`).
 */
export function photoUrl(sha256: string): string {
  const internals = typeof window !== 'undefined' ? (window as { __TAURI_INTERNALS__?: { convertFileSrc?: (p: string, s: string) => string } }).__TAURI_INTERNALS__ : undefined;
  return internals?.convertFileSrc ? internals.convertFileSrc(sha256, 'photo') : `photo://localhost/${sha256}`;
}
