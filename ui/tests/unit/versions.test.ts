import { describe, expect, it } from 'vitest';
import type { DiffPara } from '../../src/lib/types';
import { diffStats, diffSummary, foldSame, formatSize, formatWhen, formatWhenInline, plural, reasonLabel } from '../../src/lib/versions';

const same = (t: string): DiffPara => ({ kind: 'same', before: t, after: t, words: null });
const added = (t: string): DiffPara => ({ kind: 'added', before: null, after: t, words: null });
const removed = (t: string): DiffPara => ({ kind: 'removed', before: t, after: null, words: null });
const changed = (a: string, b: string): DiffPara => ({ kind: 'changed', before: a, after: b, words: null });

describe('version labels', () => {
  it('says why a version was recorded', () => {
    expect(reasonLabel({ kind: 'export', format: 'html' })).toBe('Exported as HTML');
    expect(reasonLabel({ kind: 'export', format: 'md' })).toBe('Exported as Markdown');
    expect(reasonLabel({ kind: 'export', format: 'json' })).toBe('Exported as meeting file');
    expect(reasonLabel({ kind: 'by_hand' })).toBe('Saved by hand');
    expect(reasonLabel({ kind: 'before_restore', restoring: 12 })).toBe('Before restoring version 12');
    expect(reasonLabel({ kind: 'restore', from: 12 })).toBe('Restored version 12');
  });

  it('shows instants in local time, today and yesterday by name', () => {
    const now = new Date('2026-10-15T12:00:00Z');
    expect(formatWhen('2026-10-15T14:40:00.000Z', now, 'Europe/Tallinn')).toBe('Today, 17:40');
    // 21:30 UTC is already the next day in Tallinn.
    expect(formatWhen('2026-10-14T21:30:00Z', now, 'Europe/Tallinn')).toBe('Today, 00:30');
    expect(formatWhen('2026-10-14T20:30:00Z', now, 'Europe/Tallinn')).toBe('Yesterday, 23:30');
    expect(formatWhen('2026-10-01T08:05:00Z', now, 'UTC')).toBe('1 Oct 2026, 08:05');
    expect(formatWhen('2026-10-01T08:05:00Z', now, 'America/New_York')).toBe('1 Oct 2026, 04:05');
    expect(formatWhen('not a date', now)).toBe('not a date');
    expect(formatWhenInline('2026-10-14T20:30:00Z', now, 'Europe/Tallinn')).toBe('yesterday, 23:30');
    expect(formatWhenInline('2026-10-01T08:05:00Z', now, 'UTC')).toBe('1 Oct 2026, 08:05');
  });

  it('writes sizes and counts', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(350 * 1024)).toBe('350 KB');
    expect(formatSize(2.25 * 1024 * 1024)).toBe('2.3 MB');
    expect(formatSize(-1)).toBe('');
    expect(plural(1, 'meeting')).toBe('1 meeting');
    expect(plural(0, 'meeting')).toBe('0 meetings');
  });
});

describe('paragraph diff presentation', () => {
  it('counts and summarises', () => {
    const d = [same('H'), changed('a', 'b'), added('c'), removed('d'), changed('e', 'f')];
    expect(diffStats(d)).toEqual({ same: 1, added: 1, removed: 1, changed: 2 });
    expect(diffSummary(diffStats(d))).toBe('2 changed · 1 added · 1 removed');
    expect(diffSummary(diffStats([same('a')]))).toBe('No difference');
  });

  it('folds long unchanged runs, keeping the headline and one paragraph around each change', () => {
    const d = [same('H'), same('1'), same('2'), same('3'), same('4'), changed('5', '5b'), same('6'), same('7'), same('8'), same('9')];
    const rows = foldSame(d);
    expect(rows.map((r) => (r.kind === 'fold' ? `fold ${r.start}+${r.count}` : r.index))).toEqual([0, 'fold 1+3', 4, 5, 6, 'fold 7+3']);
    // An expanded fold stays open.
    expect(foldSame(d, 1, new Set([1])).map((r) => (r.kind === 'fold' ? 'fold' : r.index))).toEqual([0, 1, 2, 3, 4, 5, 6, 'fold']);
  });

  it('never folds a single paragraph, nor a short release', () => {
    const d = [same('H'), same('1'), same('2'), changed('3', '3b')];
    expect(foldSame(d).every((r) => r.kind === 'para')).toBe(true);
    expect(foldSame([same('H'), added('x')]).map((r) => r.kind)).toEqual(['para', 'para']);
    expect(foldSame([])).toEqual([]);
  });
});
