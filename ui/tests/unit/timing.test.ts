import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce, debounce, LatestWins } from '../../src/lib/timing';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once with the last arguments', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d(1);
    vi.advanceTimersByTime(100);
    d(2);
    vi.advanceTimersByTime(149);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('cancel drops the pending call', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d('a');
    vi.advanceTimersByTime(150);
    d('b');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledExactlyOnceWith('a');
  });
});

describe('LatestWins', () => {
  it('delivers only the newest answer, whatever order they arrive in', async () => {
    const got: string[] = [];
    const lw = new LatestWins<string>((v) => got.push(v));
    let r1!: (v: string) => void;
    let r2!: (v: string) => void;
    const p1 = lw.run(() => new Promise((ok) => (r1 = ok)));
    const p2 = lw.run(() => new Promise((ok) => (r2 = ok)));
    r2('second');
    r1('first');
    await Promise.all([p1, p2]);
    expect(got).toEqual(['second']);
  });

  it('reports the newest failure and drops invalidated requests', async () => {
    const errs: unknown[] = [];
    const got: string[] = [];
    const lw = new LatestWins<string>((v) => got.push(v), (e) => errs.push(e));
    await lw.run(() => Promise.reject(new Error('x')));
    expect(errs).toHaveLength(1);
    const p = lw.run(() => Promise.resolve('late'));
    lw.invalidate();
    await p;
    expect(got).toEqual([]);
  });
});

describe('coalesce', () => {
  it('runs at once, then once more for every burst made while running', async () => {
    const releases: Array<() => void> = [];
    let runs = 0;
    const fn = coalesce(() => {
      runs += 1;
      return new Promise<void>((r) => releases.push(r));
    });
    fn();
    expect(runs).toBe(1);
    fn();
    fn();
    fn();
    expect(runs).toBe(1);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    fn();
    expect(runs).toBe(3);
  });

  it('keeps going after a failure', async () => {
    let runs = 0;
    const fn = coalesce(async () => {
      runs += 1;
      throw new Error('boom');
    });
    fn();
    await new Promise((r) => setTimeout(r, 0));
    fn();
    expect(runs).toBe(2);
  });
});
