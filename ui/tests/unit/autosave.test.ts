import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveStatus } from '../../src/lib/autosave';

interface Deferred {
  base: number;
  resolve: (rev: number) => void;
  reject: (e: unknown) => void;
}

function harness(revision = 1) {
  const calls: Deferred[] = [];
  const statuses: SaveStatus['kind'][] = [];
  const s = new Autosaver({
    revision,
    delay: 800,
    save: (base) =>
      new Promise((ok, no) => calls.push({ base, resolve: (r) => ok({ revision: r }), reject: no })),
    onStatus: (st) => statuses.push(st.kind),
  });
  return { s, calls, statuses };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves 800 ms after the last change, once', async () => {
    const { s, calls } = harness();
    s.change();
    await vi.advanceTimersByTimeAsync(500);
    s.change();
    await vi.advanceTimersByTimeAsync(799);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0].base).toBe(1);
  });

  it('reports saved only after the save resolved', async () => {
    const { s, calls, statuses } = harness();
    s.change();
    expect(s.status.kind).toBe('dirty');
    await vi.advanceTimersByTimeAsync(800);
    expect(s.status.kind).toBe('saving');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.status.kind).toBe('saving');
    calls[0].resolve(2);
    await settle();
    expect(s.status.kind).toBe('saved');
    expect(s.revision).toBe(2);
    expect(statuses).toEqual(['dirty', 'saving', 'saved']);
  });

  it('edits during a save are saved next, on the new revision, and "saved" waits for them', async () => {
    const { s, calls } = harness();
    s.change();
    await vi.advanceTimersByTimeAsync(800);
    s.change();
    calls[0].resolve(2);
    await settle();
    expect(s.status.kind).toBe('dirty');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(2);
    expect(calls[1].base).toBe(2);
    calls[1].resolve(3);
    await settle();
    expect(s.status.kind).toBe('saved');
  });

  it('flush saves at once and never runs two saves together', async () => {
    const { s, calls } = harness();
    s.change();
    const f1 = s.flush();
    expect(calls).toHaveLength(1);
    s.change();
    const f2 = s.flush();
    await settle();
    expect(calls).toHaveLength(1); // waits for the first
    calls[0].resolve(2);
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1].base).toBe(2);
    calls[1].resolve(3);
    await Promise.all([f1, f2]);
    expect(s.status.kind).toBe('saved');
    expect(s.hasUnsavedChanges).toBe(false);
  });

  it('flush with nothing changed does nothing', async () => {
    const { s, calls } = harness();
    await s.flush();
    expect(calls).toHaveLength(0);
  });

  it('an error is kept with its code and message, and retried', async () => {
    const { s, calls } = harness();
    s.change();
    await vi.advanceTimersByTimeAsync(800);
    calls[0].reject({ code: 'storage', message: 'disk full' });
    await settle();
    expect(s.status).toEqual({ kind: 'error', error: { code: 'storage', message: 'disk full' } });
    expect(s.hasUnsavedChanges).toBe(true);
    const r = s.retry();
    calls[1].resolve(2);
    await r;
    expect(s.status.kind).toBe('saved');
  });

  it('flushes that waited for a failing save take its failure, without saving again; a later flush retries', async () => {
    const { s, calls } = harness();
    s.change();
    const first = s.flush();
    // Closing the window, leaving the meeting, the field's blur: all wait for the same save.
    const waiting = [s.flush(), s.flush()];
    calls[0].reject({ code: 'storage', message: 'database is locked' });
    await Promise.all([first, ...waiting]);
    expect(calls.length).toBe(1);
    expect(s.status.kind).toBe('error');
    // Asked again afterwards (nothing in flight): it tries again.
    const again = s.flush();
    expect(calls.length).toBe(2);
    calls[1].resolve(2);
    await again;
    expect(s.status.kind).toBe('saved');
  });

  it('an edit made while a save was failing is saved by the flush that waited', async () => {
    const { s, calls } = harness();
    s.change();
    const first = s.flush();
    const waiting = s.flush();
    s.change();
    calls[0].reject({ code: 'storage', message: 'database is locked' });
    await first;
    await settle();
    expect(calls.length).toBe(2);
    calls[1].resolve(2);
    await waiting;
    expect(s.status.kind).toBe('saved');
  });

  it('a conflict stops saving until the user chooses; keep mine saves on their revision', async () => {
    const { s, calls } = harness(4);
    s.change();
    await vi.advanceTimersByTimeAsync(800);
    calls[0].reject({ code: 'conflict', message: 'stale' });
    await settle();
    expect(s.status.kind).toBe('conflict');
    s.change();
    await vi.advanceTimersByTimeAsync(5000);
    await s.flush();
    expect(calls).toHaveLength(1);
    const k = s.keepMine(7);
    expect(calls[1].base).toBe(7);
    calls[1].resolve(8);
    await k;
    expect(s.status.kind).toBe('saved');
    expect(s.revision).toBe(8);
  });

  it('markConflict (from polling) blocks saves, even a retry, until keep mine', async () => {
    const { s, calls } = harness(1);
    s.change();
    s.markConflict(5);
    await vi.advanceTimersByTimeAsync(5000);
    await s.retry();
    expect(calls).toHaveLength(0);
    expect(s.status.kind).toBe('conflict');
    expect(s.hasUnsavedChanges).toBe(true);
    const k = s.keepMine(5);
    expect(calls.map((c) => c.base)).toEqual([5]);
    calls[0].resolve(6);
    await k;
    expect(s.hasUnsavedChanges).toBe(false);
  });

  it('close stops scheduled saves', async () => {
    const { s, calls } = harness();
    s.change();
    s.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(0);
  });
});
