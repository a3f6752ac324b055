// The release editor's commands, as pure ProseMirror commands (state, dispatch?) → applicable.
// Not wired into the app yet. Without `dispatch` a command only says whether it applies.

import { Fragment, type Node, type NodeType } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { Attribution, FormV2, ListKind, Run } from '../bindings';
import { canonicalRuns } from './convert';
import { isLinkHref, schema } from './schema';

function insertInline(node: Node): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (!$from.parent.canReplaceWith($from.index(), $from.indexAfter(), node.type)) return false;
    dispatch?.(state.tr.replaceSelectionWith(node, false).scrollIntoView());
    return true;
  };
}

export type QuoteAttrs = {
  quote: string;
  attribution?: Attribution | null;
  verb?: string | null;
  form?: FormV2 | null;
  clause?: Run[] | null;
};

/** Puts a quote span (its id, its attribution) at the cursor, in place of the selection. */
export function insertQuote(attrs: QuoteAttrs): Command {
  return insertInline(
    schema.nodes.quote.create({
      quote: attrs.quote,
      attribution: attrs.attribution ?? null,
      verb: attrs.verb ?? null,
      form: attrs.form ?? null,
      clause: attrs.clause == null ? null : canonicalRuns(attrs.clause),
    }),
  );
}

/** Puts a mention of a person at the cursor, in place of the selection. */
export function insertMention(person: string, form: FormV2 | null = null): Command {
  return insertInline(schema.nodes.mention.create({ person, form }));
}

/** Links the selected text to `href`, or, when the selection has a link already, unlinks it.
 * Refused (false, nothing changes) for an address core would refuse, an empty selection, or one
 * with no text. Atoms in the selection are left unlinked (a link's text is plain text). */
export function toggleLink(href: string): Command {
  return (state, dispatch) => {
    if (!isLinkHref(href)) return false;
    const { from, to, empty } = state.selection;
    if (empty) return false;
    const link = schema.marks.link;
    if (state.doc.rangeHasMark(from, to, link)) {
      dispatch?.(state.tr.removeMark(from, to, link));
      return true;
    }
    const tr = state.tr;
    let linked = false;
    state.doc.nodesBetween(from, to, (node, pos, parent) => {
      if (!node.isText || !parent?.type.allowsMarkType(link)) return;
      tr.addMark(Math.max(from, pos), Math.min(to, pos + node.nodeSize), link.create({ href }));
      linked = true;
    });
    if (!linked) return false;
    dispatch?.(tr);
    return true;
  };
}

/** Removes every link in the selection (or, with an empty selection, the link at the cursor). */
export const removeLink: Command = (state, dispatch) => {
  const link = schema.marks.link;
  let { from, to } = state.selection;
  if (from === to) {
    const $pos = state.doc.resolve(from);
    const node = $pos.parent.childAfter($pos.parentOffset).node ?? $pos.nodeBefore;
    if (!node || !link.isInSet(node.marks)) return false;
    const start = $pos.start();
    // The whole run of text around the cursor that carries this link.
    let a = from;
    let b = to;
    $pos.parent.forEach((child, offset) => {
      const s = start + offset;
      const e = s + child.nodeSize;
      if (e >= from && s <= to && link.isInSet(child.marks)) {
        a = Math.min(a, s);
        b = Math.max(b, e);
      }
    });
    from = a;
    to = b;
  }
  if (!state.doc.rangeHasMark(from, to, link)) return false;
  dispatch?.(state.tr.removeMark(from, to, link));
  return true;
};

/** What `setBlockType` turns a block into. */
export type BlockKind = 'paragraph' | 'heading' | ListKind;

/** The textblocks of a block, in order (a paragraph: itself; a list: its entries; a statement:
 * its intro and paragraphs). */
function textblocks(block: Node): Node[] {
  if (block.isTextblock) return [block];
  const out: Node[] = [];
  block.forEach((c) => out.push(c));
  return out;
}

/** The block at the top of the selection's start, with its position. */
function currentBlock(state: EditorState): { node: Node; pos: number } | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  return { node: $from.node(1), pos: $from.before(1) };
}

/** Turns the block at the cursor into a paragraph, a sub-heading, or a bulleted or numbered list,
 * keeping its id and its text. A list or a statement made into paragraphs (or sub-headings) gives
 * one per entry: the first keeps the id, the others get fresh ones (ids.ts). A block quote holds a
 * reference, not text of its own: refused. The cursor stays where it was in the text. */
export function setBlockType(kind: BlockKind): Command {
  return (state, dispatch) => {
    const at = currentBlock(state);
    if (!at) return false;
    const { node, pos } = at;
    const n = schema.nodes;
    if (node.type === n.blockquote) return false;
    const id = node.attrs.id as string | null;
    const isList = kind === 'bulleted' || kind === 'numbered';
    if (node.type === n.list && isList) {
      if (node.attrs.kind === kind) return false;
      // A bulleted list starts at no number.
      dispatch?.(state.tr.setNodeMarkup(pos, null, { ...node.attrs, kind, start: kind === 'numbered' ? node.attrs.start : null }));
      return true;
    }
    const target: NodeType | null = isList ? null : kind === 'heading' ? n.heading : n.paragraph;
    if (target && node.type === target) return false;
    if (target && node.isTextblock) {
      dispatch?.(state.tr.setNodeMarkup(pos, target, { id }));
      return true;
    }
    const parts = textblocks(node).map((t) => t.content);
    const replacement: Node[] = isList
      ? [n.list.create({ id, kind }, parts.map((c) => n.list_entry.create(null, c)))]
      : parts.map((c, i) => (target as NodeType).create({ id: i === 0 ? id : null }, c));
    if (!dispatch) return true;
    // Where the cursor is: which textblock of the block, and how far into it.
    const { $from } = state.selection;
    const index = node.isTextblock ? 0 : $from.index(1);
    const offset = $from.parentOffset;
    const tr = state.tr.replaceWith(pos, pos + node.nodeSize, Fragment.fromArray(replacement));
    let cursor = pos;
    let seen = 0;
    tr.doc.nodesBetween(pos, pos + Fragment.fromArray(replacement).size, (child, childPos) => {
      if (!child.isTextblock) return true;
      if (seen++ === index) cursor = childPos + 1 + Math.min(offset, child.content.size);
      return false;
    });
    dispatch(tr.setSelection(TextSelection.create(tr.doc, cursor)).scrollIntoView());
    return true;
  };
}
