// Time stamps in notes (Mod+Shift+T): which lines, where the caret goes, and the meeting's clock.
import { describe, expect, it } from 'vitest';
import { STAMPED, stampLines } from '../../src/lib/stamps';
import { clockIn, meetingClockZone } from '../../src/lib/time';

const apply = (text: string, start: number, end = start, stamp = '10:14') => {
  const s = stampLines(text, start, end, stamp);
  if (!s) return null;
  return { text: text.slice(0, s.from) + s.replacement + text.slice(s.to), caret: s.caret };
};

describe('stampLines', () => {
  it('stamps the caret’s line, wherever the caret is in it, and keeps the caret on its word', () => {
    const text = 'First point\nThe minister left\nLast';
    const at = text.indexOf('minister');
    expect(apply(text, at)).toEqual({ text: 'First point\n10:14 The minister left\nLast', caret: at + 6 });
    expect(apply(text, 0)).toEqual({ text: '10:14 First point\nThe minister left\nLast', caret: 6 });
    expect(apply(text, text.length)).toEqual({ text: 'First point\nThe minister left\n10:14 Last', caret: text.length + 6 });
  });

  it('stamps an empty line, so that what follows is typed after the stamp', () => {
    expect(apply('', 0)).toEqual({ text: '10:14 ', caret: 6 });
    expect(apply('Before\n', 7)).toEqual({ text: 'Before\n10:14 ', caret: 13 });
  });

  it('stamps each non-blank line a selection touches, not the line it ends at the start of', () => {
    const text = 'one\n\ntwo\n9:05 three\nfour';
    const end = text.indexOf('four');
    expect(apply(text, 1, end)).toEqual({ text: '10:14 one\n\n10:14 two\n9:05 three\nfour', caret: '10:14 one\n\n10:14 two\n9:05 three'.length });
  });

  it('leaves a stamped line as it is: a stamp records when, asking again does not move it', () => {
    expect(apply('10:02 Opening', 8)).toBeNull();
    expect(apply('9:05', 2)).toBeNull();
    expect(STAMPED.test('10:14 x')).toBe(true);
    expect(STAMPED.test('10:145 x')).toBe(false);
    expect(STAMPED.test('2018 budget')).toBe(false);
  });
});

describe('the meeting’s clock', () => {
  // 2018-04-27T08:14:30Z: 10:14 in Brussels (summer time), 04:14 in New York, 08:14 in UTC.
  const t = Date.UTC(2018, 3, 27, 8, 14, 30);
  it('reads the time in the meeting’s zone, 24-hour', () => {
    expect(clockIn('Europe/Brussels', t)).toBe('10:14');
    expect(clockIn('America/New_York', t)).toBe('04:14');
    expect(clockIn('UTC', Date.UTC(2018, 3, 27, 0, 5))).toBe('00:05');
  });
  it('is the machine’s zone when the meeting has none (or one the webview does not know)', () => {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(meetingClockZone('Europe/Brussels')).toBe('Europe/Brussels');
    expect(meetingClockZone('')).toBe(local);
    expect(meetingClockZone(undefined)).toBe(local);
    expect(meetingClockZone('Mars/Olympus')).toBe(local);
  });
});
