// The agenda renders only the items near the visible part of the editor (a 300-item meeting
// kept about 2,400 form controls alive in the webview, +115 MiB). The others are folded into
// "gaps": one empty block per run of resting items, as tall as those items. These helpers are the
// arithmetic; components/Agenda.svelte does the DOM.

/** Vertical space between two items (the item's margin-bottom), px. */
export const ITEM_GAP = 12;

export type Segment =
  | { kind: 'item'; key: string; index: number }
  | { kind: 'gap'; key: string; index: number; count: number; height: number };

/**
 * The agenda as rendered: live items as themselves, each run of resting items as one gap.
 * `height(i)` is item i's height with its margin. A gap is keyed by its first item, so it keeps
 * its element while it only grows or shrinks at its end.
 */
export function segments(keys: readonly string[], live: (i: number) => boolean, height: (i: number) => number): Segment[] {
  const out: Segment[] = [];
  let gap: Extract<Segment, { kind: 'gap' }> | null = null;
  keys.forEach((key, i) => {
    if (live(i)) {
      gap = null;
      out.push({ kind: 'item', key, index: i });
    } else if (gap) {
      gap.count += 1;
      gap.height += height(i);
    } else {
      gap = { kind: 'gap', key: `gap:${key}`, index: i, count: 1, height: height(i) };
      out.push(gap);
    }
  });
  return out;
}

/**
 * The items to keep live, given the visible band [top, bottom) in the agenda's own coordinates:
 * every item within `wake` px of it, and those already live (`was`) that are still within `rest`
 * px (hysteresis: scrolling to and fro at the edge does not mount and unmount the same item).
 */
export function nearItems(
  keys: readonly string[],
  height: (i: number) => number,
  top: number,
  bottom: number,
  wake: number,
  rest: number,
  was: ReadonlySet<string>,
): Set<string> {
  const near = new Set<string>();
  let y = 0;
  for (let i = 0; i < keys.length; i += 1) {
    const a = y;
    y += height(i);
    if (a >= bottom + rest) break;
    if ((y > top - wake && a < bottom + wake) || (was.has(keys[i]) && y > top - rest)) near.add(keys[i]);
  }
  return near;
}

/**
 * Roughly the height of a live item (px, without its margin), from its text and the agenda's
 * width: fitted on 120 varied items (within 11 px at 520 px wide), so the scroll bar hardly moves
 * as items wake; the agenda corrects the rest above the visible band.
 */
export function estimateItemHeight(item: { summary: string; notes: string; quotes: readonly { text: string }[] }, width: number): number {
  // `summary`: the text of the item's part in the release (partText).
  const perLine = Math.max(20, (width - 80) / 7.1);
  const lines = (s: string, min: number) => Math.max(min, s.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0));
  let h = 168 + 25 * lines(item.summary, 2) + 19 * lines(item.notes, 1);
  for (const q of item.quotes) h += 63 + 25 * lines(q.text, 1);
  return Math.round(h);
}

/** Roughly the text of a block list, one line per block (for `estimateItemHeight`). */
export function partText(blocks: readonly { [k: string]: unknown }[]): string {
  const text = (v: unknown): string =>
    typeof v === 'string' ? v : Array.isArray(v) ? v.map(text).join('') : v && typeof v === 'object' ? Object.values(v).map(text).join(' ') : '';
  return blocks.map((b) => text(Object.entries(b).filter(([k]) => k !== 'id').map(([, v]) => v))).join('\n');
}
