import { describe, expect, it } from 'vitest';
import { blankItem, blankPerson, blankQuote, toUi, type UiDoc } from '../../src/lib/doc';
import * as ops from '../../src/lib/ops';
import type { MeetingDoc } from '../../src/lib/types';
import { UndoStack } from '../../src/lib/undo';
import fisheriesEn from '../fixtures/fisheries-en.meeting.v2.json';

const doc = (): UiDoc => toUi(fisheriesEn as MeetingDoc, 'en');
const titles = (d: UiDoc) => d.agenda.map((i) => i.title);

describe('UndoStack', () => {
  it('undoes and redoes in order, and a new edit drops the redo branch', () => {
    const log: string[] = [];
    const s = new UndoStack();
    const entry = (n: string) => ({ label: n, redo: () => log.push(`do ${n}`), undo: () => log.push(`undo ${n}`) });
    s.apply(entry('a'));
    s.apply(entry('b'));
    expect(s.undo()?.label).toBe('b');
    expect(s.canRedo).toBe(true);
    s.apply(entry('c'));
    expect(s.canRedo).toBe(false);
    expect(s.undo()?.label).toBe('c');
    expect(s.undo()?.label).toBe('a');
    expect(s.undo()).toBeUndefined();
    expect(s.redo()?.label).toBe('a');
    expect(log).toEqual(['do a', 'do b', 'undo b', 'do c', 'undo c', 'undo a', 'do a']);
  });

  it('keeps at most `limit` entries', () => {
    const s = new UndoStack(3);
    for (let i = 0; i < 5; i += 1) s.push({ label: String(i), undo() {}, redo() {} });
    const undone: string[] = [];
    for (let e = s.undo(); e; e = s.undo()) undone.push(e.label);
    expect(undone).toEqual(['4', '3', '2']);
  });
});

describe('structural ops', () => {
  it('insert / delete / move items, undo restores the order', () => {
    const d = doc();
    const s = new UndoStack();
    const before = titles(d);
    const item = blankItem(d, 'New');
    s.apply(ops.insertItem(d, 1, item));
    expect(titles(d)).toEqual([before[0], 'New', ...before.slice(1)]);
    s.apply(ops.moveItem(d, item.key, 3)!);
    expect(titles(d)[3]).toBe('New');
    s.apply(ops.deleteItem(d, d.agenda[0].key));
    expect(titles(d)).not.toContain(before[0]);
    s.undo();
    s.undo();
    s.undo();
    expect(titles(d)).toEqual(before);
    s.redo();
    expect(titles(d)[1]).toBe('New');
  });

  it('undo of a delete keeps what was typed elsewhere since', () => {
    const d = doc();
    const s = new UndoStack();
    const key = d.agenda[1].key;
    s.apply(ops.deleteItem(d, key));
    d.agenda[0].notes = 'typed after the delete';
    s.undo();
    expect(d.agenda[1].key).toBe(key);
    expect(d.agenda[0].notes).toBe('typed after the delete');
  });

  it('a restored item is the same object, with the text it had', () => {
    const d = doc();
    const s = new UndoStack();
    const it0 = d.agenda[0];
    it0.notes = 'mine';
    s.apply(ops.deleteItem(d, it0.key));
    s.undo();
    expect(d.agenda[0]).toBe(it0);
    expect(d.agenda[0].notes).toBe('mine');
  });

  it('moving past either end is clamped; a no-op move records nothing', () => {
    const d = doc();
    expect(ops.moveItem(d, d.agenda[0].key, -1)).toBeNull();
    const last = d.agenda[d.agenda.length - 1].key;
    expect(ops.moveItem(d, last, 99)).toBeNull();
    const op = ops.moveItem(d, d.agenda[0].key, 99)!;
    op.redo();
    expect(d.agenda[d.agenda.length - 1].title).toBe('Quotas for 2026');
  });

  it('quotes, people and fields', () => {
    const d = doc();
    const s = new UndoStack();
    const item = d.agenda[1];
    const q = blankQuote(d);
    s.apply(ops.insertQuote(d, item.key, 0, q));
    expect(item.quotes).toHaveLength(1);
    const person = blankPerson('x', 'X');
    s.apply(ops.group('Add speaker', [ops.addPerson(d, person), ops.setField(q, 'speaker', 'x', 'Set speaker')]));
    expect(q.speaker).toBe('x');
    expect(ops.personInUse(d, 'x')).toBe(true);
    s.undo();
    expect(q.speaker).toBe('');
    expect(d.people.map((p) => p.id)).not.toContain('x');
    s.apply(ops.setField(item, 'in_release', false, 'off')!);
    expect(item.in_release).toBe(false);
    s.undo();
    expect(item.in_release).toBe(true);
    expect(ops.setField(item, 'in_release', true, 'same')).toBeNull();
  });

  it('a person named in the release’s text, or a quote placed in it, is in use', () => {
    const d = doc();
    const s = new UndoStack();
    const person = blankPerson('y', 'Y');
    s.apply(ops.addPerson(d, person));
    expect(ops.personInUse(d, 'y')).toBe(false);
    d.release.closing = [{ id: 'c', p: ['Ask ', { person: 'y' }, '.'] }];
    expect(ops.personInUse(d, 'y')).toBe(true);
    const q = d.agenda[0].quotes[0];
    d.agenda.forEach((i) => (i.part.blocks = []));
    expect(ops.quoteInUse(d, q.id)).toBe(false);
    d.release.lead = [{ id: 'l', blockquote: q.id }];
    expect(ops.quoteInUse(d, q.id)).toBe(true);
  });

  it('a quote placed at the end of its item’s text, and taken out again, spaces tidied', () => {
    const d = doc();
    const item = d.agenda[1];
    item.part.blocks = [{ id: 'p-2', p: ['Ministers agreed.'] }];
    const place = ops.placeQuote(d, item, 'q-new')!;
    place.redo();
    expect(item.part.blocks).toEqual([{ id: 'p-2', p: ['Ministers agreed.', ' ', { quote: 'q-new' }] }]);
    expect(ops.placeQuote(d, item, 'q-new')).toBeNull();
    // Typing after the quote is kept when the placing is undone.
    item.part.blocks = [{ id: 'p-2', p: ['Ministers agreed.', ' ', { quote: 'q-new' }, ' Then they left.'] }];
    place.undo();
    expect(item.part.blocks).toEqual([{ id: 'p-2', p: ['Ministers agreed. Then they left.'] }]);
    // An empty part gets a paragraph of its own, with an id no other block has.
    item.part.blocks = [{ id: 'p-2', blockquote: 'q-1-1' }];
    ops.placeQuote(d, item, 'q-new')!.redo();
    expect(item.part.blocks[1]).toEqual({ id: expect.not.stringMatching(/^p-2$/), p: [{ quote: 'q-new' }] });
    const out = ops.unplaceQuote(item, 'q-1-1')!;
    out.redo();
    expect(item.part.blocks).toEqual([{ id: expect.any(String), p: [{ quote: 'q-new' }] }]);
    out.undo();
    expect(item.part.blocks[0]).toEqual({ id: 'p-2', blockquote: 'q-1-1' });
  });

  it('a quote placed in another item’s text is placed outside its own', () => {
    const d = doc();
    const [a, b] = d.agenda;
    const q = a.quotes[0];
    a.part.blocks = [{ id: 'pa', p: [{ quote: q.id }] }];
    b.part.blocks = [];
    d.release.lead = [];
    d.release.closing = [];
    expect(ops.placedOutside(d, a, q.id)).toBe(false);
    b.part.blocks = [{ id: 'pb', p: ['See ', { quote: q.id }] }];
    expect(ops.placedOutside(d, a, q.id)).toBe(true);
  });
});
