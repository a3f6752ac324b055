// Which agenda items are near the visible part of the editor. Items far from it rest as light
// placeholders (a numbered title, no form fields, no components inside): a 300-item meeting
// would otherwise keep about 2,400 form controls alive in the webview (issue 5: +115 MiB).
//
// One pair of IntersectionObservers serves every item: an item wakes when it comes within WAKE
// of the visible area and rests only once it is further than REST, so scrolling back and forth
// near the edge does not churn. One ResizeObserver keeps the text on screen still when an item
// above the visible area changes height (a placeholder's height is only an estimate until the
// item has been seen); the scroller sets `overflow-anchor: none` so the browser's own scroll
// anchoring, where it exists, does not correct the same shift twice.

export type NearbyListener = (near: boolean) => void;

export class Nearby {
  private readonly wakeIo: IntersectionObserver;
  private readonly restIo: IntersectionObserver;
  private readonly ro: ResizeObserver;
  private readonly listeners = new Map<Element, NearbyListener>();
  private readonly heights = new WeakMap<Element, number>();

  /** Where the observers exist (every webview the app runs in; not jsdom): else every item stays live. */
  static get supported(): boolean {
    return typeof IntersectionObserver !== 'undefined' && typeof ResizeObserver !== 'undefined';
  }

  /** `wake` and `rest`: how far above and below the visible area, as CSS margins (percentages of its height). */
  constructor(
    private readonly root: HTMLElement,
    wake = '100%',
    rest = '300%',
  ) {
    this.wakeIo = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) this.listeners.get(e.target)?.(true);
      },
      { root, rootMargin: `${wake} 0px` },
    );
    this.restIo = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (!e.isIntersecting) this.listeners.get(e.target)?.(false);
      },
      { root, rootMargin: `${rest} 0px` },
    );
    this.ro = new ResizeObserver((entries) => this.resized(entries));
  }

  /** Calls `listener(true)` when `el` comes near, `listener(false)` when it is far; returns the unsubscribe. */
  observe(el: Element, listener: NearbyListener): () => void {
    this.listeners.set(el, listener);
    this.wakeIo.observe(el);
    this.restIo.observe(el);
    this.ro.observe(el);
    return () => {
      this.listeners.delete(el);
      this.wakeIo.unobserve(el);
      this.restIo.unobserve(el);
      this.ro.unobserve(el);
    };
  }

  disconnect(): void {
    this.wakeIo.disconnect();
    this.restIo.disconnect();
    this.ro.disconnect();
    this.listeners.clear();
  }

  /** Runs after layout, before paint: scrolling here shows no jump. */
  private resized(entries: ResizeObserverEntry[]) {
    const top = this.root.getBoundingClientRect().top;
    let shift = 0;
    for (const e of entries) {
      const h = e.borderBoxSize?.[0]?.blockSize ?? e.target.getBoundingClientRect().height;
      const before = this.heights.get(e.target);
      this.heights.set(e.target, h);
      if (before === undefined || h === before) continue;
      // Entirely above the visible area before the change: everything below it moved by the difference.
      if (e.target.getBoundingClientRect().bottom - (h - before) <= top + 0.5) shift += h - before;
    }
    if (shift) this.root.scrollTop += shift;
  }
}
