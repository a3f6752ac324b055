// Reading the release's history and the archive's backups: labels, local times, sizes, and the
// presentation of a paragraph diff (which the shell computes: `version_diff`). Pure functions.

import type { DiffPara, VersionReason } from './types';

const FORMATS = { html: 'HTML', md: 'Markdown', json: 'meeting file' } as const;

/** Why a version was recorded, in words: `Exported as HTML`, `Restored version 2`. */
export function reasonLabel(reason: VersionReason): string {
  switch (reason.kind) {
    case 'export':
      return `Exported as ${FORMATS[reason.format]}`;
    case 'by_hand':
      return 'Saved by hand';
    case 'before_restore':
      return `Before restoring version ${reason.restoring}`;
    case 'restore':
      return `Restored version ${reason.from}`;
  }
}

const dayKey = (d: Date, zone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/**
 * An instant in the user's local time (or `zone`): `Today, 17:42`, `Yesterday, 09:05`,
 * `14 Oct 2026, 17:42`. Unparseable input is returned as it is.
 */
export function formatWhen(iso: string, now: Date = new Date(), zone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  const day = dayKey(d, zone);
  if (day === dayKey(now, zone)) return `Today, ${time}`;
  if (day === dayKey(new Date(now.getTime() - 86400000), zone)) return `Yesterday, ${time}`;
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(d);
  return `${date}, ${time}`;
}

/** {@link formatWhen} inside a sentence: `from today, 17:42`, `from 14 Oct 2026, 17:42`. */
export function formatWhenInline(iso: string, now: Date = new Date(), zone?: string): string {
  return formatWhen(iso, now, zone).replace(/^(Today|Yesterday)/, (w) => w.toLowerCase());
}

/** `1536` → `1.5 KB`, `2400000` → `2.3 MB`. */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v < 10 ? v.toFixed(1).replace(/\.0$/, '') : Math.round(v)} ${units[u]}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface DiffStats {
  same: number;
  added: number;
  removed: number;
  changed: number;
}

export function diffStats(paras: DiffPara[]): DiffStats {
  const s: DiffStats = { same: 0, added: 0, removed: 0, changed: 0 };
  for (const p of paras) s[p.kind] += 1;
  return s;
}

/** `2 changed · 1 added · 1 removed`, or `No difference`. */
export function diffSummary(s: DiffStats): string {
  const parts = [
    s.changed && `${s.changed} changed`,
    s.added && `${s.added} added`,
    s.removed && `${s.removed} removed`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'No difference';
}

export type DiffRow =
  | { kind: 'para'; index: number; para: DiffPara }
  | { kind: 'fold'; start: number; count: number };

/**
 * Long runs of unchanged paragraphs folded away, keeping `context` paragraphs next to each change
 * (and the first paragraph, the headline, for orientation). Runs in `expanded` (by start index)
 * stay open. A fold always hides at least two paragraphs.
 */
export function foldSame(paras: DiffPara[], context = 1, expanded: ReadonlySet<number> = new Set()): DiffRow[] {
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < paras.length) {
    if (paras[i].kind !== 'same') {
      rows.push({ kind: 'para', index: i, para: paras[i] });
      i += 1;
      continue;
    }
    let end = i;
    while (end < paras.length && paras[end].kind === 'same') end += 1;
    const head = i === 0 ? 1 : context; // the headline, or the paragraph after a change
    const tail = end === paras.length ? 0 : context;
    const hideFrom = i + head;
    const hideTo = end - tail;
    for (let k = i; k < end; k += 1) {
      if (k === hideFrom && hideTo - hideFrom >= 2 && !expanded.has(hideFrom)) {
        rows.push({ kind: 'fold', start: hideFrom, count: hideTo - hideFrom });
        k = hideTo - 1;
        continue;
      }
      rows.push({ kind: 'para', index: k, para: paras[k] });
    }
    i = end;
  }
  return rows;
}

/** One run of a paragraph rewritten in place, read in order: kept, removed, or added words. */
export interface InlineSegment {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

const MAX_CELLS = 250_000;

function tokens(s: string): string[] {
  return s.match(/\s*\S+\s*/g) ?? (s ? [s] : []);
}

type Op = { kind: InlineSegment['kind']; tok: string };

/** Word-level LCS edit script; null when too long to compare or too little in common. */
function wordOps(before: string, after: string): Op[] | null {
  const a = tokens(before);
  const b = tokens(after);
  if (!a.length || !b.length || a.length * b.length > MAX_CELLS) return null;
  const wa = a.map((t) => t.trim());
  const wb = b.map((t) => t.trim());
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * w + j] = wa[i] === wb[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  if (lcs[0] / Math.min(n, m) < 1 / 3) return null;
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  // Removals before additions within a run, so the old words read first.
  let dels: Op[] = [];
  let inss: Op[] = [];
  const flush = () => {
    ops.push(...dels, ...inss);
    dels = [];
    inss = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && wa[i] === wb[j]) {
      flush();
      ops.push({ kind: 'same', tok: b[j] });
      i += 1;
      j += 1;
    } else if (j < m && (i === n || lcs[i * w + j + 1] > lcs[(i + 1) * w + j])) {
      inss.push({ kind: 'ins', tok: b[j] });
      j += 1;
    } else {
      dels.push({ kind: 'del', tok: a[i] });
      i += 1;
    }
  }
  flush();
  return ops;
}

/** Adjacent runs of a kind joined; the spaces at the edges of a marked run moved outside it. */
function joinRuns<K extends string>(items: { kind: K; tok: string }[], plain: K): { kind: K; text: string }[] {
  const out: { kind: K; text: string }[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (last && last.kind === it.kind) last.text += it.tok;
    else out.push({ kind: it.kind, text: it.tok });
  }
  const res: { kind: K; text: string }[] = [];
  for (const seg of out) {
    if (seg.kind === plain) {
      const last = res[res.length - 1];
      if (last && last.kind === plain) last.text += seg.text;
      else res.push({ ...seg });
      continue;
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(seg.text)!;
    const push = (kind: K, text: string) => {
      if (!text) return;
      const last = res[res.length - 1];
      if (last && last.kind === kind) last.text += text;
      else res.push({ kind, text });
    };
    push(plain, m[1]);
    push(seg.kind, m[2]);
    push(plain, m[3]);
  }
  return res;
}

/**
 * A paragraph rewritten in place as one reading, like tracked changes: kept words, the words
 * removed (struck out) and the words added, in order. `null` when the two share less than a third
 * of the shorter one's words, or are too long to compare: it was rewritten, show before and after.
 */
export function inlineDiff(before: string, after: string): InlineSegment[] | null {
  const ops = wordOps(before, after);
  if (!ops) return null;
  // A removed run and the added run replacing it keep one space between them: "85% 87%".
  const spaced: Op[] = ops.map((o, k) => {
    const next = ops[k + 1];
    if (o.kind === 'del' && next?.kind === 'ins' && !/\s$/.test(o.tok)) return { ...o, tok: `${o.tok} ` };
    return o;
  });
  return joinRuns(spaced, 'same').map(({ kind, text }) => ({ kind, text }));
}
