// Small timing helpers shared by autosave, preview and search.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Drops the pending call. */
  cancel(): void;
}

/** Calls `fn` `ms` after the last call, with the last call's arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number, timers: Timers = realTimers): Debounced<A> {
  let handle: unknown = null;
  let lastArgs: A | null = null;
  const run = () => {
    handle = null;
    const args = lastArgs as A;
    lastArgs = null;
    fn(...args);
  };
  const d = ((...args: A) => {
    lastArgs = args;
    if (handle !== null) timers.clearTimeout(handle);
    handle = timers.setTimeout(run, ms);
  }) as Debounced<A>;
  d.cancel = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    lastArgs = null;
  };
  return d;
}

/**
 * Latest-wins for async requests: only the answer to the most recent request is delivered;
 * answers that arrive after a newer request was made are dropped.
 */
export class LatestWins<T> {
  private seq = 0;

  constructor(private readonly deliver: (value: T) => void, private readonly fail: (err: unknown) => void = () => {}) {}

  run(request: () => Promise<T>): Promise<void> {
    const mine = ++this.seq;
    return request().then(
      (v) => {
        if (mine === this.seq) this.deliver(v);
      },
      (e) => {
        if (mine === this.seq) this.fail(e);
      },
    );
  }

  /** Drops whatever is in flight. */
  invalidate(): void {
    this.seq += 1;
  }
}

/**
 * Runs `fn` at once, but never twice at the same time: calls made while it runs collapse into a
 * single run right after it. For work whose latest result is all that matters (the preview).
 */
export function coalesce(fn: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const go = async (): Promise<void> => {
    running = true;
    try {
      await fn();
    } catch {
      // The caller reports its own errors; a failure must not stop later runs.
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      void go();
    }
  };
  return () => {
    if (running) again = true;
    else void go();
  };
}
