// Block ids in the editor (docs/meeting-file-v2.md, "Stable ids"). Not wired into the app yet.
//
// A block keeps its id through edits and moves (its node's `id` attribute travels with it). A
// block made in the editor (Enter, a paste, a list turned into paragraphs) gets a fresh short id
// `p-xxxxxx` that no block of the release has: the plugin below, in the same transaction, so the
// block never exists without one and Undo takes both back together.

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Mapping } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import type { Block, ReleaseV2 } from '../bindings';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A random source in [0, 1): `Math.random` by default; tests pass a seeded one. */
export type Random = () => number;

/** A fresh id `p-` + six letters or digits, in none of `taken`. */
export function freshId(taken: ReadonlySet<string>, random: Random = Math.random): string {
  for (;;) {
    let s = 'p-';
    for (let i = 0; i < 6; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
    if (!taken.has(s)) return s;
  }
}

/** Every block id of a release (ids are unique across one release: lead, items, closing,
 * contact, notes to editors). */
export function releaseBlockIds(release: ReleaseV2): Set<string> {
  const lists: Block[][] = [
    release.lead ?? [],
    ...(release.items ?? []).map((i) => i.blocks ?? []),
    release.closing ?? [],
    release.contact ?? [],
    release.notes_to_editors ?? [],
  ];
  return new Set(lists.flat().map((b) => b.id));
}

export type BlockIdsOptions = {
  /** Ids used elsewhere in the release (its other block lists), read at each change. Every id
   * of the release will do: the ids the document already has stay its own. */
  reserved?: () => Iterable<string>;
  random?: Random;
};

export const blockIdsKey = new PluginKey('blockIds');

function topBlocks(doc: Node): { pos: number; node: Node }[] {
  const out: { pos: number; node: Node }[] = [];
  doc.forEach((node, pos) => out.push({ pos, node }));
  return out;
}

/** The ids to change so that every block of `doc` has one, unique in the document and not in
 * `reserved` (unless it had it before the change). Of blocks that share an id, the one that keeps it is the block that had it before
 * the change (`before`'s position mapped through `mapping`: the first half of a split block, the
 * original of a pasted copy), else the first. */
export function idRepairs(
  doc: Node,
  reserved: ReadonlySet<string>,
  random: Random,
  before?: { doc: Node; mapping: Mapping },
): { pos: number; id: string }[] {
  const blocks = topBlocks(doc);
  const keeper = new Map<string, number>();
  // An id the document had before the change is its own, even if `reserved` names it (a caller
  // may pass every id of the release).
  if (before) {
    for (const { pos, node } of topBlocks(before.doc)) {
      const id = node.attrs.id;
      if (typeof id === 'string' && !keeper.has(id)) keeper.set(id, before.mapping.map(pos, 1));
    }
  }
  const byId = new Map<string, number[]>();
  const empty = new Set<number>();
  for (const { pos, node } of blocks) {
    const id = node.attrs.id;
    if (typeof id === 'string' && id !== '') byId.set(id, [...(byId.get(id) ?? []), pos]);
    if (node.isTextblock && node.content.size === 0) empty.add(pos);
  }
  const keep = new Set<number>();
  for (const [id, positions] of byId) {
    if (reserved.has(id) && !keeper.has(id)) continue;
    const mapped = keeper.get(id);
    let chosen = positions.includes(mapped ?? -1) ? (mapped as number) : positions[0];
    // Enter at the start of a block leaves an empty copy where it was: the text keeps the id.
    if (empty.has(chosen)) chosen = positions.find((p) => !empty.has(p)) ?? chosen;
    keep.add(chosen);
  }
  const taken = new Set<string>([...reserved, ...byId.keys()]);
  const repairs: { pos: number; id: string }[] = [];
  for (const { pos } of blocks) {
    if (keep.has(pos)) continue;
    const id = freshId(taken, random);
    taken.add(id);
    repairs.push({ pos, id });
  }
  return repairs;
}

/** Keeps block ids whole: see the head of this file. */
export function blockIds(options: BlockIdsOptions = {}): Plugin {
  const random = options.random ?? Math.random;
  return new Plugin({
    key: blockIdsKey,
    appendTransaction(trs: readonly Transaction[], old: EditorState, state: EditorState) {
      if (!trs.some((t) => t.docChanged)) return null;
      const mapping = new Mapping();
      for (const t of trs) mapping.appendMapping(t.mapping);
      const reserved = new Set(options.reserved?.() ?? []);
      const repairs = idRepairs(state.doc, reserved, random, { doc: old.doc, mapping });
      if (repairs.length === 0) return null;
      const tr = state.tr;
      for (const { pos, id } of repairs) tr.setNodeAttribute(pos, 'id', id);
      return tr;
    },
  });
}
