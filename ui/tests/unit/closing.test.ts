// Closing the window with what is typed (lib/closing.svelte.ts) over a scripted shell (mockIPC):
// the window closes only once the edit is stored, or on the user's explicit choice.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Closing, SLOW_SAVE } from '../../src/lib/closing.svelte';
import type { MeetingDoc } from '../../src/lib/types';
import { MeetingsList } from '../../src/lib/meetings.svelte';
import { Toasts } from '../../src/lib/toasts.svelte';
import { Workspace } from '../../src/lib/workspace.svelte';
import fisheriesEn from '../fixtures/fisheries-en.meeting.v2.json';

type Answer = { error: { code: string; message: string } } | { hold: Promise<void> } | null;

/** A shell with one stored meeting; `saveAnswers` scripts the next saves (null: they succeed). */
function shell() {
  const s = {
    calls: [] as string[],
    stored: structuredClone(fisheriesEn) as MeetingDoc,
    revision: 1,
    saveAnswers: [] as Answer[],
    files: [] as { path: string; doc: MeetingDoc }[],
    fileAnswers: [] as (string | null | { code: string; message: string })[],
  };
  mockIPC(async (cmd, args) => {
    const a = args as Record<string, unknown>;
    s.calls.push(cmd);
    switch (cmd) {
      case 'list_meetings':
        return { total: 1, meetings: [{ id: 1, title: s.stored.meeting.title, organisation: null, starts: s.stored.meeting.starts, ends: null, language: 'en', revision: s.revision, modified_at: '2026-01-01T00:00:00Z' }] };
      case 'load_meeting_v2':
        return { id: 1, revision: s.revision, doc: s.stored, language: 'en', preview: { head: '', blocks: ['<p>preview</p>'], tail: '' } };
      case 'preview_edit_v2':
        return { kind: 'whole', render: 1, preview: { head: '', blocks: ['<p>preview</p>'], tail: '' } };
      case 'save_meeting_v2': {
        const answer = s.saveAnswers.shift() ?? null;
        if (answer && 'hold' in answer) await answer.hold;
        if (answer && 'error' in answer) throw answer.error;
        if (a.baseRevision !== s.revision) throw { code: 'conflict', message: `meeting 1 is at revision ${s.revision}` };
        s.stored = a.doc as MeetingDoc;
        s.revision += 1;
        return { revision: s.revision };
      }
      case 'save_meeting_file': {
        const answer = s.fileAnswers.length ? s.fileAnswers.shift() : '/home/press/meeting.meeting.json';
        if (answer && typeof answer === 'object') throw answer;
        if (answer) s.files.push({ path: answer, doc: a.doc as MeetingDoc });
        return answer;
      }
      case 'acknowledge_close':
      case 'close_app':
      case 'ui_ready':
        return null;
    }
    throw { code: 'invalid_input', message: `unexpected command ${cmd}` };
  });
  return s;
}

async function opened() {
  const sh = shell();
  const workspace = new Workspace(new MeetingsList(), new Toasts());
  await workspace.init();
  const closing = new Closing(workspace);
  const meeting = workspace.meeting!;
  expect(meeting.id).toBe(1);
  return { sh, workspace, closing, meeting };
}

/** Types into the first item's notes, as the editor does (the input event calls `changed`). */
function type(meeting: NonNullable<Workspace['meeting']>, text: string) {
  meeting.doc.agenda[0].notes += text;
  meeting.changed();
}

const summaryOf = (doc: MeetingDoc) => doc.agenda[0].notes ?? '';
const LOCKED = { error: { code: 'storage', message: 'database is locked' } };
const closes = (sh: ReturnType<typeof shell>) => sh.calls.filter((c) => c === 'close_app').length;

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  clearMocks();
});

describe('closing the window', () => {
  it('with everything stored: acknowledged, then closed, nothing asked', async () => {
    const { sh, closing } = await opened();
    await closing.request();
    expect(sh.calls.slice(-2)).toEqual(['acknowledge_close', 'close_app']);
    expect(closing.step).toBeNull();
  });

  it('with an edit pending: it is saved first, then the window closes', async () => {
    const { sh, closing, meeting } = await opened();
    type(meeting, ' Typed before closing.');
    await closing.request();
    expect(sh.calls.filter((c) => c === 'save_meeting_v2' || c === 'close_app')).toEqual(['save_meeting_v2', 'close_app']);
    expect(summaryOf(sh.stored).endsWith(' Typed before closing.')).toBe(true);
  });

  it('with the save failing: asks, says why; Retry saves and closes', async () => {
    const { sh, closing, meeting } = await opened();
    type(meeting, ' Not stored yet.');
    sh.saveAnswers.push(LOCKED);
    await closing.request();
    expect(closes(sh)).toBe(0);
    expect(closing.step).toMatchObject({ kind: 'unsaved', status: { kind: 'error', error: { code: 'storage', message: 'database is locked' } } });
    // Another close request (the button clicked again) while asking: answered, nothing else.
    await closing.request();
    expect(sh.calls.filter((c) => c === 'acknowledge_close')).toHaveLength(2);
    expect(sh.calls.filter((c) => c === 'save_meeting_v2')).toHaveLength(1);
    sh.saveAnswers.push(LOCKED);
    await closing.retry();
    expect(closing.step?.kind).toBe('unsaved');
    expect(closes(sh)).toBe(0);
    await closing.retry(); // the lock is gone
    expect(closes(sh)).toBe(1);
    expect(summaryOf(sh.stored).endsWith(' Not stored yet.')).toBe(true);
  });

  it('Discard closes without saving', async () => {
    const { sh, closing, meeting } = await opened();
    type(meeting, ' Dropped.');
    sh.saveAnswers.push(LOCKED);
    await closing.request();
    await closing.discard();
    expect(closes(sh)).toBe(1);
    expect(sh.calls.filter((c) => c === 'save_meeting_v2')).toHaveLength(1);
    expect(summaryOf(sh.stored).endsWith(' Dropped.')).toBe(false);
  });

  it('Save as meeting file writes the document as typed, then closes; a cancelled or failed dialog stays', async () => {
    const { sh, closing, meeting } = await opened();
    type(meeting, ' Kept in a file.');
    sh.saveAnswers.push(LOCKED);
    await closing.request();
    sh.fileAnswers.push(null, { code: 'io', message: '/media/usb/x.json: read-only file system' });
    await closing.saveAsFile();
    expect(closing.step?.kind).toBe('unsaved');
    expect(closing.fileError).toBeNull();
    await closing.saveAsFile();
    expect(closing.fileError).toEqual({ code: 'io', message: '/media/usb/x.json: read-only file system' });
    expect(closes(sh)).toBe(0);
    await closing.saveAsFile();
    expect(closes(sh)).toBe(1);
    expect(sh.files).toHaveLength(1);
    expect(summaryOf(sh.files[0].doc).endsWith(' Kept in a file.')).toBe(true);
    expect(JSON.stringify(sh.files[0].doc)).not.toContain('"key"');
  });

  it('in conflict: no Retry; Don’t close keeps the window and asks which version to keep', async () => {
    const { sh, closing, meeting } = await opened();
    sh.revision = 5; // the CLI stored the meeting meanwhile
    type(meeting, ' Mine.');
    await closing.request();
    expect(closing.step).toMatchObject({ kind: 'unsaved', status: { kind: 'conflict' } });
    meeting.conflict = null; // the conflict dialog was dismissed
    await closing.retry();
    expect(sh.calls.filter((c) => c === 'save_meeting_v2')).toHaveLength(1);
    closing.keepOpen();
    expect(closing.step).toBeNull();
    expect(meeting.conflict).toEqual({ theirs: null });
    expect(closes(sh)).toBe(0);
  });

  it('a slow save says so; Don’t close then means the window stays when it is done', async () => {
    vi.useFakeTimers();
    const { sh, closing, meeting } = await opened();
    type(meeting, ' Slow.');
    let release!: () => void;
    sh.saveAnswers.push({ hold: new Promise<void>((r) => (release = r)) });
    const asked = closing.request();
    await vi.advanceTimersByTimeAsync(SLOW_SAVE - 1);
    expect(closing.step).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(closing.step).toEqual({ kind: 'saving' });
    closing.keepOpen();
    release();
    await asked;
    expect(summaryOf(sh.stored).endsWith(' Slow.')).toBe(true);
    expect(closes(sh)).toBe(0);
    expect(closing.step).toBeNull();
  });
});
