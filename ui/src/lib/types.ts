// Wire types: exactly the v1 meeting file (docs/ipc.md `MeetingDoc`). Nothing UI-only lives here.

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];
export type Form = 'full' | 'role' | 'short';
export const FORMAT = 'communique.meeting.v1';

export interface MeetingInfo {
  title: string;
  organisation?: string;
  language: string;
  location?: string;
  starts: string;
  ends?: string;
  timezone?: string;
}

export interface Person {
  id: string;
  name: string;
  full?: string;
  role?: string;
  short?: string;
}

export interface Quote {
  speaker: string;
  text: string;
  verb?: string;
  form?: Form;
  in_release?: boolean;
}

export interface AgendaItem {
  title: string;
  notes?: string;
  in_release?: boolean;
  summary?: string;
  quotes?: Quote[];
}

export interface Photo {
  caption: string;
  language?: string;
  credit?: string;
}

export interface Release {
  headline?: string;
  lead?: string;
  closing?: string;
  published?: string;
  updated?: string;
  photos?: Photo[];
}

export interface MeetingDoc {
  format: typeof FORMAT;
  meeting: MeetingInfo;
  people?: Person[];
  agenda: AgendaItem[];
  release?: Release;
}

export interface MeetingSummary {
  id: number;
  title: string;
  organisation: string | null;
  starts: string;
  ends: string | null;
  language: string;
  revision: number;
  modified_at: string;
}

export interface MeetingPage {
  total: number;
  meetings: MeetingSummary[];
}

export interface SearchHit {
  id: number;
  starts: string;
  title: string;
  snippet: string;
}

export interface OpenMeeting {
  id: number;
  revision: number;
  doc: MeetingDoc;
  /** The release preview of `doc`, rendered by the shell with it (as `preview_release` would). */
  preview: string;
}

export type ErrorCode =
  | 'invalid_input'
  | 'not_a_database'
  | 'newer_schema'
  | 'not_found'
  | 'conflict'
  | 'storage'
  | 'io'
  | 'cancelled'
  | 'unknown';

export interface AppError {
  code: ErrorCode;
  message: string;
}

/** Why a version was recorded (core's `VersionReason`, tagged by `kind`). */
export type VersionReason =
  | { kind: 'export'; format: 'html' | 'md' | 'json' }
  | { kind: 'by_hand' }
  /** The release as it read just before version `restoring` was put back. */
  | { kind: 'before_restore'; restoring: number }
  | { kind: 'restore'; from: number };

/** One line of a meeting's release history (`list_versions`, newest first). */
export interface VersionSummary {
  number: number;
  /** ISO date-time (UTC) */
  created_at: string;
  reason: VersionReason;
  headline: string;
}

export type DiffKind = 'same' | 'added' | 'removed' | 'changed';

export interface DiffPara {
  kind: DiffKind;
  before: string | null;
  after: string | null;
}

/** `version_diff`: paragraph by paragraph from version `from` to version `to` (0 = as stored now). */
export interface VersionDiff {
  from: number;
  to: number;
  paragraphs: DiffPara[];
}

/** A copy of the whole archive (`list_backups`, newest first). */
export interface Backup {
  path: string;
  name: string;
  created_at: string;
  meetings: number;
  size_bytes: number;
}
