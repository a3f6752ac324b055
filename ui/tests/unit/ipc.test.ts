import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { toUi } from '../../src/lib/doc';
import { api, toAppError } from '../../src/lib/ipc';
import type { MeetingDoc } from '../../src/lib/types';
import fisheriesEn from '../fixtures/fisheries-en.meeting.v2.json';

afterEach(() => clearMocks());

describe('ipc', () => {
  it('sends documents without UI keys, with camelCase argument names', async () => {
    const seen: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, args) => {
      seen.push({ cmd, args: args as Record<string, unknown> });
      return cmd === 'save_meeting_v2' ? { revision: 8 } : '<p>x</p>';
    });
    const ui = toUi(fisheriesEn as MeetingDoc, 'en');
    await expect(api.saveMeeting(3, 7, ui)).resolves.toEqual({ revision: 8 });
    await api.previewEditV2(1, 0, 'en', ui, []);
    expect(seen[0].cmd).toBe('save_meeting_v2');
    expect(seen[1].cmd).toBe('preview_edit_v2');
    expect(seen[0].args.id).toBe(3);
    expect(seen[0].args.baseRevision).toBe(7);
    expect(JSON.stringify(seen[0].args.doc)).not.toContain('"key"');
    expect(JSON.stringify(seen[1].args.doc)).not.toContain('"key"');
    expect((seen[0].args.doc as MeetingDoc).format).toBe('communique.meeting.v2');
  });

  it('turns every rejection into {code, message}', async () => {
    mockIPC(() => {
      throw { code: 'conflict', message: 'stale revision' };
    });
    await expect(api.meetingRevision(1)).rejects.toEqual({ code: 'conflict', message: 'stale revision' });
    expect(toAppError('boom')).toEqual({ code: 'unknown', message: 'boom' });
    expect(toAppError(new Error('bad'))).toEqual({ code: 'unknown', message: 'bad' });
    expect(toAppError({ code: 'weird', message: 'm' })).toEqual({ code: 'unknown', message: 'm' });
  });

  it('sends the version and backup commands with the contract\'s names', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return null;
    });
    await api.listVersions(3);
    await api.saveVersion(3);
    await api.versionDiff(3, 1, 0);
    await api.restoreVersion(3, 2);
    await api.listBackups();
    await api.restoreBackup('/b/x.sqlite3');
    expect(seen).toEqual([
      ['list_versions', { id: 3 }],
      ['save_version', { id: 3 }],
      ['version_diff', { id: 3, from: 1, to: 0 }],
      ['restore_version', { id: 3, number: 2 }],
      ['list_backups', {}],
      ['restore_backup', { path: '/b/x.sqlite3' }],
    ]);
  });

  it('ui_ready never rejects', async () => {
    mockIPC(() => {
      throw { code: 'io', message: 'no such command' };
    });
    await expect(api.uiReady(3, 4)).resolves.toBeNull();
  });
});
