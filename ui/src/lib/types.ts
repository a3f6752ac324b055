// The types the UI shares with the shell are generated from the Rust types (`bindings.ts`, by
// tauri-specta; docs/ipc.md): this module names them for the UI and adds the few that are its own.

import type { AppError as ShellError, Code, FormatV1 } from './bindings';

export type {
  AgendaItem,
  Backup,
  Code,
  DiffPara,
  DocPart,
  Edit,
  Form,
  Language,
  MeetingInfo,
  MeetingPage,
  MeetingSummary,
  OpenMeeting,
  Person,
  Photo,
  PreviewParts,
  PreviewUpdate,
  Quote,
  Release,
  Restored,
  Saved,
  SearchHit,
  Segment,
  VersionDiff,
  VersionReason,
  VersionSummary,
} from './bindings';
/** Exactly a v1 meeting file: what the shell sends and takes. */
export type { MeetingFile as MeetingDoc } from './bindings';

export const FORMAT: FormatV1 = 'communique.meeting.v1';

/** A shell error's code, or `unknown` for a rejection that is not one (a bug, a broken IPC). */
export type ErrorCode = Code | 'unknown';

/** What every failed call rejects with in the UI: the shell's `{code, message}`, or `unknown`. */
export type AppError = Omit<ShellError, 'code'> & { code: ErrorCode };
