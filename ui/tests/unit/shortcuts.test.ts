import { describe, expect, it } from 'vitest';
import { findShortcut, isTextField, RELEASE_TEXT_KEYS, SHORTCUTS } from '../../src/lib/shortcuts';

/** The KeyboardEvent a shortcut's first listed key combination produces (Ctrl as Mod). */
function eventFor(keys: string): KeyboardEvent {
  const parts = keys.split('+');
  let key = parts.pop()!;
  if (key === '↑') key = 'ArrowUp';
  if (key === '↓') key = 'ArrowDown';
  if (key === '' && keys.endsWith('+')) key = '+';
  return new KeyboardEvent('keydown', {
    key: key.length === 1 ? key.toLowerCase() : key,
    ctrlKey: parts.includes('Mod'),
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
  });
}

describe('shortcuts', () => {
  it('every listed combination triggers its own shortcut and no other', () => {
    for (const s of SHORTCUTS) {
      for (const k of s.keys) {
        const e = eventFor(k);
        const hits = SHORTCUTS.filter((x) => x.match(e)).map((x) => x.id);
        expect(hits, k).toEqual([s.id]);
      }
    }
  });

  it('plain keys stay with text fields; Mod+N etc. work everywhere', () => {
    expect(findShortcut(eventFor('?'), true)).toBeUndefined();
    expect(findShortcut(eventFor('?'), false)?.id).toBe('help');
    expect(findShortcut(eventFor('F1'), true)?.id).toBe('help');
    expect(findShortcut(eventFor('Mod+Z'), true)).toBeUndefined();
    expect(findShortcut(eventFor('Mod+Z'), false)?.id).toBe('undo');
    expect(findShortcut(eventFor('Mod+N'), true)?.id).toBe('newMeeting');
    expect(findShortcut(new KeyboardEvent('keydown', { key: 'n', metaKey: true }), true)?.id).toBe('newMeeting');
  });

  it('knows what a text field is', () => {
    const text = document.createElement('input');
    const box = document.createElement('input');
    box.type = 'checkbox';
    expect(isTextField(text)).toBe(true);
    expect(isTextField(document.createElement('textarea'))).toBe(true);
    expect(isTextField(box)).toBe(false);
    expect(isTextField(document.createElement('button'))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });

  it("the release text's keys clash with no app shortcut in a text field, but Mod+K (the editor takes it first)", () => {
    for (const { keys } of RELEASE_TEXT_KEYS) {
      for (const k of keys) {
        const hit = findShortcut(eventFor(k), true)?.id;
        expect(hit, k).toBe(k === 'Mod+K' ? 'search' : undefined);
      }
    }
  });
});
