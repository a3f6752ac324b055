// Reading the release's history and the archive's backups: labels, local times, sizes, and the
// layout of a version diff (which core computes, words included: `version_diff`). Pure functions.

import type { DiffPara, VersionReason } from './types';

const FORMATS = { html: 'HTML', md: 'Markdown', eml: 'e-mail', docx: 'Word document', pdf: 'PDF', 'pdf-letter': 'PDF', ninjs: 'ninjs', json: 'meeting file' } as const;

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
