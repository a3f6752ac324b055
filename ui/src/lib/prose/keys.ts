// The release editor's behaviour beyond the pure commands of commands.ts: Markdown-like input
// rules, Enter and Backspace in lists and sub-headings, the quote span's attributes as one undo
// step each, the `@` trigger, and what a paste may bring in. Used by ReleaseText.svelte.

import { Fragment, Slice, type Node } from 'prosemirror-model';
import { NodeSelection, Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { InputRule, inputRules } from 'prosemirror-inputrules';
import { closeHistory } from 'prosemirror-history';
import type { Attribution, FormV2, ListKind } from '../bindings';
import { schema } from './schema';

const n = schema.nodes;

// ---- input rules -----------------------------------------------------------------------------

/** A rule that turns the paragraph it is typed at the start of into a sub-heading or a list,
 * keeping the paragraph's id and its text (only in a top-level paragraph). */
function startRule(re: RegExp, kind: 'heading' | ListKind): InputRule {
  return new InputRule(re, (state, _match, start, end) => {
    const $start = state.doc.resolve(start);
    if ($start.depth !== 1 || $start.parent.type !== n.paragraph) return null;
    const pos = $start.before(1);
    const id = $start.parent.attrs.id;
    const tr = state.tr.delete(start, end);
    const para = tr.doc.nodeAt(pos) as Node;
    if (kind === 'heading') {
      tr.setNodeMarkup(pos, n.heading, { id });
      return tr.setSelection(TextSelection.create(tr.doc, pos + 1));
    }
    tr.replaceWith(pos, pos + para.nodeSize, n.list.create({ id, kind }, n.list_entry.create(null, para.content)));
    return tr.setSelection(TextSelection.create(tr.doc, pos + 2));
  });
}

/** `## ` a sub-heading, `- ` / `* ` a bulleted list, `1. ` a numbered list, at a paragraph's start. */
export function blockInputRules(): Plugin {
  return inputRules({
    rules: [startRule(/^##\s$/, 'heading'), startRule(/^[-*]\s$/, 'bulleted'), startRule(/^1[.)]\s$/, 'numbered')],
  });
}

// ---- lists and sub-headings ------------------------------------------------------------------

/** The list entry the cursor is in (an empty selection), with its list. */
function entryAt(state: EditorState) {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth !== 2 || $from.parent.type !== n.list_entry) return null;
  return { list: $from.node(1), listPos: $from.before(1), index: $from.index(1), entry: $from.parent, $from };
}

/** Replaces the list around entry `index` by: the entries before it, a paragraph holding
 * `content`, the entries after it. The first part keeps the list's id (the ids plugin gives the
 * others fresh ones). The cursor goes to the paragraph's start. */
function splitListAt(state: EditorState, index: number, content: Fragment, dispatch?: (tr: Transaction) => void): boolean {
  const at = entryAt(state);
  if (!at) return false;
  if (!dispatch) return true;
  const { list, listPos } = at;
  const entries: Node[] = [];
  list.forEach((e) => entries.push(e));
  const before = entries.slice(0, index);
  const after = entries.slice(index + 1);
  const id = list.attrs.id;
  const parts: Node[] = [];
  if (before.length) parts.push(n.list.create({ id, kind: list.attrs.kind }, before));
  // The id stays with the list's first part: the entries before, else the entries after, else
  // the paragraph (the list's only entry made a paragraph).
  parts.push(n.paragraph.create({ id: before.length || after.length ? null : id }, content));
  if (after.length) parts.push(n.list.create({ id: before.length ? null : id, kind: list.attrs.kind }, after));
  const tr = state.tr.replaceWith(listPos, listPos + list.nodeSize, parts);
  const paraPos = listPos + (before.length ? parts[0].nodeSize : 0);
  dispatch(tr.setSelection(TextSelection.create(tr.doc, paraPos + 1)).scrollIntoView());
  return true;
}

/** Enter in an empty list entry leaves the list: the entry becomes a paragraph there. */
export const exitEmptyEntry: Command = (state, dispatch) => {
  const at = entryAt(state);
  if (!at || at.entry.content.size !== 0) return false;
  return splitListAt(state, at.index, Fragment.empty, dispatch);
};

/** Backspace at the start of a list's first entry makes it a paragraph before the list. */
export const liftFirstEntry: Command = (state, dispatch) => {
  const at = entryAt(state);
  if (!at || at.index !== 0 || at.$from.parentOffset !== 0) return false;
  return splitListAt(state, 0, at.entry.content, dispatch);
};

/** Backspace at the start of a sub-heading makes it a paragraph again. */
export const headingToParagraph: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth !== 1 || $from.parent.type !== n.heading || $from.parentOffset !== 0) return false;
  dispatch?.(state.tr.setNodeMarkup($from.before(1), n.paragraph, { id: $from.parent.attrs.id }));
  return true;
};

// ---- quote spans -----------------------------------------------------------------------------

/** The quote atom that is selected, or right before / after an empty cursor. */
export function quoteNear(state: EditorState): { pos: number; node: Node } | null {
  const sel = state.selection;
  if (sel instanceof NodeSelection) return sel.node.type === n.quote ? { pos: sel.from, node: sel.node } : null;
  if (!sel.empty) return null;
  const { $from } = sel;
  if ($from.nodeBefore?.type === n.quote) return { pos: $from.pos - $from.nodeBefore.nodeSize, node: $from.nodeBefore };
  if ($from.nodeAfter?.type === n.quote) return { pos: $from.pos, node: $from.nodeAfter };
  return null;
}

export type QuoteAttrPatch = { attribution?: Attribution | null; verb?: string | null; form?: FormV2 | null };

/** Sets attributes of the quote atom at `pos`, as one undo step of its own (the quote stays
 * selected). `none` takes no verb, form or clause (v2): choosing it clears them. `after`, the
 * default, is written as no attribution. A patch that changes nothing is no transaction. */
export function setQuoteAttrs(pos: number, patch: QuoteAttrPatch): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (!node || node.type !== n.quote) return false;
    const attrs: Record<string, unknown> = { ...node.attrs };
    if ('attribution' in patch) attrs.attribution = patch.attribution === 'after' ? null : (patch.attribution ?? null);
    if ('verb' in patch) attrs.verb = patch.verb?.trim() ? patch.verb.trim() : null;
    if ('form' in patch) attrs.form = patch.form ?? null;
    if (attrs.attribution === 'none') {
      attrs.verb = null;
      attrs.form = null;
      attrs.clause = null;
    }
    if (Object.keys(attrs).every((k) => JSON.stringify(attrs[k]) === JSON.stringify(node.attrs[k]))) return false;
    if (dispatch) {
      const tr = closeHistory(state.tr.setNodeMarkup(pos, null, attrs));
      dispatch(tr.setSelection(NodeSelection.create(tr.doc, pos)));
    }
    return true;
  };
}

/** The quotes a document places (quote spans and block quotes). */
export function placedQuotes(doc: Node): Set<string> {
  const out = new Set<string>();
  doc.descendants((node) => {
    if (node.type === n.quote || node.type === n.blockquote) out.add(node.attrs.quote as string);
    return true;
  });
  return out;
}

// ---- the `@` trigger ---------------------------------------------------------------------------

/** While a mention is being typed: where its `@` is. The query is the text from there to the cursor. */
export type MentionTrigger = { from: number } | null;

export const mentionKey = new PluginKey<MentionTrigger>('mention');

/** Typing `@` at a word's start opens the trigger; it follows edits, and ends when the cursor
 * leaves the typed text, the `@` is deleted, or a transaction says so (`mentionKey` meta `null`). */
export function mentionTrigger(): Plugin<MentionTrigger> {
  return new Plugin<MentionTrigger>({
    key: mentionKey,
    state: {
      init: () => null,
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(mentionKey);
        if (meta !== undefined) return meta as MentionTrigger;
        if (!prev) return null;
        const from = tr.mapping.map(prev.from, 1);
        const sel = state.selection;
        if (!sel.empty || sel.from <= from || sel.$from.parent !== state.doc.resolve(from).parent) return null;
        if (state.doc.textBetween(from, from + 1) !== '@') return null;
        const query = state.doc.textBetween(from + 1, sel.from, undefined, '\ufffc');
        if (query.length > 40 || query.includes('\ufffc') || /\s\s/.test(query)) return null;
        return { from };
      },
    },
    props: {
      handleTextInput(view, from, to, text) {
        if (text !== '@') return false;
        const $from = view.state.doc.resolve(from);
        if (!$from.parent.isTextblock) return false;
        const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
        if (before !== '' && !/[\s(“«‘"'\u00a0\u202f]$/.test(before)) return false;
        const tr = view.state.tr.insertText('@', from, to);
        view.dispatch(tr.setMeta(mentionKey, { from }));
        return true;
      },
    },
  });
}

export function mentionQuery(state: EditorState): string | null {
  const t = mentionKey.getState(state);
  if (!t) return null;
  return state.doc.textBetween(t.from + 1, state.selection.from, undefined, '\ufffc');
}

// ---- paste -------------------------------------------------------------------------------------

/** Plain text pasted: each line a paragraph of text (blank lines dropped), never markup. */
export function textToSlice(text: string): Slice {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\t/g, ' ')).filter((l) => l.trim() !== '');
  if (lines.length === 0) return Slice.empty;
  const paras = lines.map((l) => n.paragraph.create(null, schema.text(l)));
  return new Slice(Fragment.fromArray(paras), 1, 1);
}

/** What a paste may bring: the schema has parsed it already (nothing but its nodes and checked
 * links); besides, a quote atom for a quote this list may not place, or one already placed, and
 * a mention of a person not in the directory, become nothing. */
export function filterPasted(slice: Slice, allowed: { quotes: ReadonlySet<string>; people: ReadonlySet<string>; placed: ReadonlySet<string> }): Slice {
  const seen = new Set(allowed.placed);
  const walk = (frag: Fragment): Fragment => {
    const out: Node[] = [];
    frag.forEach((child) => {
      if (child.type === n.quote) {
        const q = child.attrs.quote as string;
        if (!allowed.quotes.has(q) || seen.has(q)) return;
        seen.add(q);
        out.push(child);
      } else if (child.type === n.mention) {
        if (allowed.people.has(child.attrs.person as string)) out.push(child);
      } else if (child.type === n.blockquote) {
        const q = child.attrs.quote as string;
        if (!allowed.quotes.has(q) || seen.has(q)) return;
        seen.add(q);
        out.push(child);
      } else if (child.isLeaf) out.push(child);
      else out.push(child.copy(walk(child.content)));
    });
    return Fragment.fromArray(out);
  };
  return new Slice(walk(slice.content), slice.openStart, slice.openEnd);
}
