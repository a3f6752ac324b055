// Structural edits of the working document as undoable entries. Rows are found by their client
// key at undo time, never by a remembered index or object path, so text typed between an edit and
// its undo is kept.

import type { Language } from './types';
import type { Block, Run } from './bindings';
import { blockIdsBut, freshRowId, mentionedPeople, placedIn, placedQuoteIds, type UiDoc, type UiItem, type UiPerson, type UiPhoto, type UiQuote } from './doc';
import type { UndoEntry } from './undo';
import { whole } from './kept';

export interface Op extends UndoEntry {
  /** Key of the row to focus after redo / undo, when it exists. */
  focusRedo?: string;
  focusUndo?: string;
}

const indexOf = <T extends { key: string }>(rows: T[], key: string): number => rows.findIndex((r) => r.key === key);

function itemOf(doc: UiDoc, key: string): UiItem {
  const it = doc.agenda.find((i) => i.key === key);
  if (!it) throw new Error(`no agenda item ${key}`);
  return it;
}

/** Inserts `rows`' `row` at `index` (clamped); undo removes it again. */
function insertRow<T extends { key: string }>(
  rows: () => T[],
  index: number,
  row: T,
  label: string,
  neighbour: () => string | undefined,
): Op {
  return {
    label,
    focusRedo: row.key,
    get focusUndo() {
      return neighbour();
    },
    redo() {
      const r = rows();
      r.splice(Math.max(0, Math.min(index, r.length)), 0, row);
    },
    undo() {
      const r = rows();
      const i = indexOf(r, row.key);
      if (i >= 0) r.splice(i, 1);
    },
  };
}

/** Removes the row with `key`; undo puts the same row back where it was. */
function removeRow<T extends { key: string }>(rows: () => T[], key: string, label: string): Op {
  const r0 = rows();
  const index = indexOf(r0, key);
  if (index < 0) throw new Error(`no row ${key}`);
  const row = r0[index];
  const after = r0[index + 1]?.key ?? r0[index - 1]?.key;
  return {
    label,
    focusRedo: after,
    focusUndo: key,
    redo() {
      const r = rows();
      const i = indexOf(r, key);
      if (i >= 0) r.splice(i, 1);
    },
    undo() {
      const r = rows();
      if (indexOf(r, key) < 0) r.splice(Math.min(index, r.length), 0, row);
    },
  };
}

function moveRow<T extends { key: string }>(rows: () => T[], key: string, to: number, label: string): Op | null {
  const from = indexOf(rows(), key);
  const len = rows().length;
  const target = Math.max(0, Math.min(to, len - 1));
  if (from < 0 || from === target) return null;
  const place = (dest: number) => () => {
    const r = rows();
    const i = indexOf(r, key);
    if (i < 0) return;
    const [row] = r.splice(i, 1);
    r.splice(Math.min(dest, r.length), 0, row);
  };
  return { label, focusRedo: key, focusUndo: key, redo: place(target), undo: place(from) };
}

export function insertItem(doc: UiDoc, index: number, item: UiItem): Op {
  return insertRow(() => doc.agenda, index, item, 'Add agenda item', () => {
    const i = indexOf(doc.agenda, item.key);
    return doc.agenda[i - 1]?.key ?? doc.agenda[i + 1]?.key;
  });
}

export function deleteItem(doc: UiDoc, key: string): Op {
  return removeRow(() => doc.agenda, key, 'Delete agenda item');
}

export function moveItem(doc: UiDoc, key: string, to: number): Op | null {
  return moveRow(() => doc.agenda, key, to, 'Move agenda item');
}

export function insertQuote(doc: UiDoc, itemKey: string, index: number, quote: UiQuote): Op {
  const rows = () => itemOf(doc, itemKey).quotes;
  return insertRow(rows, index, quote, 'Add quote', () => itemKey);
}

export function deleteQuote(doc: UiDoc, itemKey: string, quoteKey: string): Op {
  return removeRow(() => itemOf(doc, itemKey).quotes, quoteKey, 'Delete quote');
}

export function moveQuote(doc: UiDoc, itemKey: string, quoteKey: string, to: number): Op | null {
  return moveRow(() => itemOf(doc, itemKey).quotes, quoteKey, to, 'Move quote');
}

export function addPerson(doc: UiDoc, person: UiPerson): Op {
  return insertRow(() => doc.people, doc.people.length, person, 'Add person', () => undefined);
}

/** Removes a person no quote refers to. */
export function deletePerson(doc: UiDoc, key: string): Op {
  return removeRow(() => doc.people, key, 'Remove person');
}

/** Whether a quote names the person as its speaker, or a release's text mentions them. */
export function personInUse(doc: UiDoc, id: string): boolean {
  return peopleInUse(doc).has(id);
}

/** Everyone a quote names as speaker or a release's text mentions: one walk for the whole list. */
export function peopleInUse(doc: UiDoc): Set<string> {
  const used = mentionedPeople(doc);
  for (const it of doc.agenda) for (const q of it.quotes) if (q.speaker) used.add(q.speaker);
  const others = JSON.stringify(doc.keep.releases.filter((_, i) => i !== doc.keep.releaseIndex));
  for (const m of others.matchAll(/\{"person":("(?:[^"\\]|\\.)*")/g)) used.add(JSON.parse(m[1]) as string);
  return used;
}

/** Whether a release's text places the quote (but `skip`'s part in the edited release, when given). */
export function quoteInUse(doc: UiDoc, id: string, skip?: UiItem): boolean {
  if (placedQuoteIds(doc, skip).has(id)) return true;
  const needle = JSON.stringify({ quote: id }).slice(0, -1);
  return doc.keep.releases.some((r, i) => i !== doc.keep.releaseIndex && JSON.stringify(r).includes(needle));
}

export function addPhoto(doc: UiDoc, photo: UiPhoto): Op {
  return insertRow(() => doc.release.photos, doc.release.photos.length, photo, 'Add photo', () => undefined);
}

export function deletePhoto(doc: UiDoc, key: string): Op {
  return removeRow(() => doc.release.photos, key, 'Remove photo');
}

/** Sets one field of an object (a switch, a select); undo restores the old value. */
export function setField<T extends object, K extends keyof T>(obj: T, field: K, value: T[K], label: string): Op | null {
  const old = obj[field];
  if (old === value) return null;
  return {
    label,
    redo() {
      obj[field] = value;
    },
    undo() {
      obj[field] = old;
    },
  };
}

/** Several edits as one undo step (e.g. add a person and make them the quote's speaker). */
export function group(label: string, ops: (Op | null)[]): Op {
  const list = ops.filter((o): o is Op => o !== null);
  return {
    label,
    focusRedo: list[list.length - 1]?.focusRedo,
    focusUndo: list[0]?.focusUndo,
    redo() {
      for (const o of list) o.redo();
    },
    undo() {
      for (const o of [...list].reverse()) o.undo();
    },
  };
}

/** The one release's language becomes `to`: its texts are that language's from now on (undo: back). */
export function relabelLanguage(doc: UiDoc, to: Language): Op | null {
  const from = doc.language;
  if (from === to || doc.keep.languages.length > 1) return null;
  const set = (a: Language, b: Language) => () => {
    doc.language = b;
    doc.keep.languages = [b];
    for (const it of doc.agenda) for (const q of it.quotes) if (q.keep.original === a) q.keep.original = b;
  };
  return { label: 'Change release language', redo: set(from, to), undo: set(to, from) };
}

/** Whether a text of any release places the quote, but the item's own part in the edited one. */
export function placedOutside(doc: UiDoc, item: UiItem, quote: string): boolean {
  return quoteInUse(doc, quote, item);
}

/** The item's part with `quote` placed at its end: after the last paragraph's text, else in a new
 * paragraph. Undo puts the blocks back as they were. Null when the part places it already. */
export function placeQuote(doc: UiDoc, item: UiItem, quote: string): Op | null {
  if (placedIn(item.part.blocks).has(quote)) return null;
  const before = item.part.blocks;
  const last = before.at(-1);
  let after: Block[];
  if (last && 'p' in last) {
    const runs = [...last.p];
    const tail = runs.at(-1);
    if (runs.length && !(typeof tail === 'string' && /\s$/.test(tail))) runs.push(' ');
    runs.push({ quote });
    after = [...before.slice(0, -1), { ...last, p: runs }];
  } else {
    const taken = new Set(blockIdsBut(doc, before).concat(before.map((b) => b.id)));
    after = [...before, { id: freshRowId('p', taken), p: [{ quote }] }];
  }
  // Undone, the quote leaves the text typed since (not a snapshot of the blocks).
  return { ...setBlocks(item, after, 'Place quote in release'), undo: () => unplaceQuote(item, quote)?.redo() };
}

/** The item's part without `quote` (its spans and block quotes), the spaces around it tidied. */
export function unplaceQuote(item: UiItem, quote: string): Op | null {
  if (!placedIn(item.part.blocks).has(quote)) return null;
  const strip = (runs: readonly Run[]): Run[] => {
    const out: Run[] = [];
    for (const r of runs) {
      if (typeof r !== 'string' && 'quote' in r && r.quote === quote) continue;
      const prev = out.at(-1);
      if (typeof r === 'string' && typeof prev === 'string') out[out.length - 1] = prev + r;
      else out.push(typeof r !== 'string' && 'quote' in r && r.clause ? { ...r, clause: strip(r.clause) } : r);
    }
    return out
      .map((r) => (typeof r === 'string' ? r.replace(/ {2,}/g, ' ') : r))
      .map((r, i, all) => (typeof r === 'string' && i === all.length - 1 ? r.replace(/\s+$/, '') : r))
      .filter((r) => r !== '');
  };
  const after: Block[] = [];
  for (const b of item.part.blocks) {
    if ('blockquote' in b) {
      if (b.blockquote !== quote) after.push(b);
    } else if ('p' in b) {
      const p = strip(b.p);
      if (p.length) after.push({ ...b, p });
    } else if ('h' in b) after.push({ ...b, h: strip(b.h) });
    else if ('list' in b) after.push({ ...b, entries: b.entries.map(strip) });
    else if ('statement' in b) after.push({ ...b, statement: strip(b.statement), ...(b.paragraphs ? { paragraphs: b.paragraphs.map(strip) } : {}) });
    else after.push(b);
  }
  return setBlocks(item, after, 'Take quote out of release');
}

function setBlocks(item: UiItem, after: Block[], label: string): Op {
  const before = item.part.blocks;
  const blocks = whole(after);
  return {
    label,
    redo() {
      item.part.blocks = blocks;
    },
    undo() {
      item.part.blocks = before;
    },
  };
}
