import { describe, expect, it } from 'vitest';
import { estimateItemHeight, nearItems, segments } from '../../src/lib/agendaWindow';

const keys = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('segments', () => {
  it('folds each run of resting items into one gap of their summed height', () => {
    const live = new Set([1, 4]);
    const s = segments(keys, (i) => live.has(i), (i) => 100 + i);
    expect(s).toEqual([
      { kind: 'gap', key: 'gap:a', index: 0, count: 1, height: 100 },
      { kind: 'item', key: 'b', index: 1 },
      { kind: 'gap', key: 'gap:c', index: 2, count: 2, height: 102 + 103 },
      { kind: 'item', key: 'e', index: 4 },
      { kind: 'gap', key: 'gap:f', index: 5, count: 1, height: 105 },
    ]);
  });

  it('renders every item when all are live, and one gap when none is', () => {
    expect(segments(keys, () => true, () => 10).map((s) => s.kind)).toEqual(Array(6).fill('item'));
    expect(segments(keys, () => false, () => 10)).toEqual([{ kind: 'gap', key: 'gap:a', index: 0, count: 6, height: 60 }]);
  });
});

describe('nearItems', () => {
  const h = () => 100; // items at 0, 100, 200, …
  it('wakes the items overlapping the band widened by `wake`', () => {
    expect([...nearItems(keys, h, 250, 350, 0, 0, new Set())]).toEqual(['c', 'd']);
    expect([...nearItems(keys, h, 250, 350, 100, 100, new Set())]).toEqual(['b', 'c', 'd', 'e']);
  });
  it('keeps an item already live until it is further than `rest` (hysteresis)', () => {
    expect([...nearItems(keys, h, 450, 550, 0, 300, new Set(['b', 'a']))]).toEqual(['b', 'e', 'f']);
    expect([...nearItems(keys, h, 0, 100, 0, 150, new Set(['d']))]).toEqual(['a']);
  });
});

describe('estimateItemHeight', () => {
  it('grows with the text and the quotes, and with a narrower agenda', () => {
    const empty = { summary: '', notes: '', quotes: [] };
    const long = { summary: 'word '.repeat(200), notes: '', quotes: [] };
    const quoted = { ...empty, quotes: [{ text: 'Yes.' }, { text: 'No.' }] };
    expect(estimateItemHeight(long, 520)).toBeGreaterThan(estimateItemHeight(empty, 520));
    expect(estimateItemHeight(quoted, 520)).toBe(estimateItemHeight(empty, 520) + 2 * (63 + 25));
    expect(estimateItemHeight(long, 360)).toBeGreaterThan(estimateItemHeight(long, 720));
    expect(estimateItemHeight({ ...empty, summary: 'a\nb\nc\nd' }, 520)).toBe(estimateItemHeight(empty, 520) + 2 * 25);
  });
});
