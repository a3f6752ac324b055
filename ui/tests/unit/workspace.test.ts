// Opening and leaving meetings (lib/workspace.svelte.ts): each opened meeting is its own
// OpenMeeting, saved before it is left and disposed after; a failing save keeps the user there.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewHtml } from '../../src/lib/livePreview.svelte';
import { MeetingsList } from '../../src/lib/meetings.svelte';
import { Toasts } from '../../src/lib/toasts.svelte';
import type { MeetingDoc } from '../../src/lib/types';
import { Workspace } from '../../src/lib/workspace.svelte';
import fisheriesEn from '../fixtures/fisheries-en.meeting.v2.json';
import fisheriesFr from '../fixtures/fisheries-fr.meeting.v2.json';

function shell() {
  const s = {
    docs: new Map<number, MeetingDoc>([
      [1, structuredClone(fisheriesEn) as MeetingDoc],
      [2, structuredClone(fisheriesFr) as MeetingDoc],
    ]),
    revisions: new Map([
      [1, 1],
      [2, 1],
    ]),
    saves: [] as { id: number; base: number }[],
    failNext: null as { code: string; message: string } | null,
  };
  mockIPC((cmd, args) => {
    const a = args as { id: number; baseRevision: number; doc: MeetingDoc };
    switch (cmd) {
      case 'list_meetings':
        return {
          total: 2,
          meetings: [1, 2].map((id) => ({ id, title: s.docs.get(id)!.meeting.title, organisation: null, starts: '2026-01-01', ends: null, language: 'en', revision: s.revisions.get(id), modified_at: '2026-01-01T00:00:00Z' })),
        };
      case 'load_meeting_v2':
        return { id: a.id, revision: s.revisions.get(a.id), doc: s.docs.get(a.id), language: s.docs.get(a.id)!.meeting.languages[0], preview: { head: '', blocks: [`<p>preview ${a.id}</p>`], tail: '' } };
      case 'preview_edit_v2':
        return { kind: 'whole', render: 1, preview: { head: '', blocks: ['<p>preview</p>'], tail: '' } };
      case 'save_meeting_v2': {
        s.saves.push({ id: a.id, base: a.baseRevision });
        const failure = s.failNext;
        s.failNext = null;
        if (failure) throw failure;
        s.docs.set(a.id, a.doc);
        s.revisions.set(a.id, a.baseRevision + 1);
        return { revision: a.baseRevision + 1 };
      }
      case 'ui_ready':
        return null;
    }
    throw { code: 'invalid_input', message: `unexpected command ${cmd}` };
  });
  return s;
}

beforeEach(() => localStorage.clear());
afterEach(() => clearMocks());

describe('Workspace', () => {
  it('opening another meeting saves the one left, disposes it, and starts the next afresh', async () => {
    const sh = shell();
    const list = new MeetingsList();
    const w = new Workspace(list, new Toasts());
    await w.init();
    const first = w.meeting!;
    first.doc.meeting.title = 'Renamed before leaving';
    first.changed();
    first.edits.addItemAfter(null);
    expect(first.canUndo).toBe(true);
    expect(await w.open(2)).toBe(true);
    expect(sh.saves).toEqual([{ id: 1, base: 1 }]);
    expect(sh.docs.get(1)!.meeting.title).toBe('Renamed before leaving');
    expect(list.meetings.find((m) => m.id === 1)?.title).toBe('Renamed before leaving');
    expect(first.disposed).toBe(true);
    const second = w.meeting!;
    expect(second).not.toBe(first);
    expect([second.id, second.canUndo, second.status.kind, previewHtml(second.preview.shown.parts)]).toEqual([2, false, 'saved', '<p>preview 2</p>']);
    // The meeting left saves nothing any more, whatever is done with it.
    first.changed();
    await first.flush();
    expect(sh.saves).toHaveLength(1);
    expect(second.status.kind).toBe('saved');
  });

  it('a meeting whose save fails is not left', async () => {
    const sh = shell();
    const toasts = new Toasts();
    const w = new Workspace(new MeetingsList(), toasts);
    await w.init();
    const first = w.meeting!;
    first.doc.meeting.title = 'Not stored';
    first.changed();
    sh.failNext = { code: 'storage', message: 'database is locked' };
    expect(await w.open(2)).toBe(false);
    expect(w.meeting).toBe(first);
    expect(first.disposed).toBe(false);
    expect(first.status).toEqual({ kind: 'error', error: { code: 'storage', message: 'database is locked' } });
    expect(toasts.items.at(-1)?.message).toContain('storage: database is locked');
    expect(await w.open(2)).toBe(true);
    expect(sh.docs.get(1)!.meeting.title).toBe('Not stored');
  });
});
