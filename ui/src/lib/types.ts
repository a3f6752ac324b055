// The types the UI shares with the shell are generated from the Rust types (`bindings.ts`, by
// tauri-specta; docs/ipc.md): this module names them for the UI and adds the few that are its own.

import type { AppError as ShellError, Code } from './bindings';

export type {
  Attributed,
  ReleaseFacts,
  Backup,
  Clearance,
  Code,
  Correction,
  DiffPara,
  DocPartV2,
  Edit,
  Language,
  MeetingPage,
  MeetingSummary,
  OpenMeetingV2 as OpenMeeting,
  Person,
  PersonV2,
  QuoteV2,
  ReleaseV2,
  Block,
  Run,
  DatelinePosition,
  FormV2,
  PreviewParts,
  PreviewUpdate,
  ReleaseStatus,
  Restored,
  Saved,
  SearchHit,
  Segment,
  StatusEntry,
  VersionDiff,
  VersionReason,
  VersionSummary,
} from './bindings';
/** Exactly a v2 meeting file: what the shell sends and takes. */
export type { MeetingFileV2 as MeetingDoc } from './bindings';

/** A shell error's code, or `unknown` for a rejection that is not one (a bug, a broken IPC). */
export type ErrorCode = Code | 'unknown';

/** What every failed call rejects with in the UI: the shell's `{code, message}`, or `unknown`. */
export type AppError = Omit<ShellError, 'code'> & { code: ErrorCode };
