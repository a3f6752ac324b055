// v2 block lists ⇄ ProseMirror documents (schema.ts). Not wired into the app yet.
//
// `fromDoc(toDoc(blocks))` deep-equals `canonicalBlocks(blocks)`, and `canonicalBlocks` is the
// identity on every block list core writes that a writer would type: runs are held as
// ProseMirror holds text, so what it cannot tell apart is written one way —
//
// - adjacent strings are one string, and an empty string is no run;
// - a link's `text` is one string (the pieces joined), and adjacent links to the same address
//   are one link; a link whose text is empty is no run (core refuses it anyway);
// - an optional field that is `null` is absent (serde reads both as absent);
// - a statement always has its `paragraphs` (core writes them, even empty).
//
// A quote span's `clause` is kept whole as an attribute, in canonical form. `fromDoc` writes
// fields in the order core writes them.

import { Fragment, type Mark, type Node } from 'prosemirror-model';
import type { Attribution, Block, FormV2, ListKind, Run } from '../bindings';
import { schema } from './schema';

type Mention = { person: string; form?: FormV2 | null };
type QuoteSpan = {
  quote: string;
  attribution?: Attribution | null;
  verb?: string | null;
  form?: FormV2 | null;
  clause?: Run[] | null;
};
type Link = { link: string; text: string[] };

export function isMention(r: Run): r is Mention {
  return typeof r === 'object' && 'person' in r;
}
export function isQuote(r: Run): r is QuoteSpan {
  return typeof r === 'object' && 'quote' in r;
}
export function isLink(r: Run): r is Link {
  return typeof r === 'object' && 'link' in r;
}

// ---- canonical runs and blocks -------------------------------------------------------------

function mention(person: string, form: FormV2 | null | undefined): Run {
  return form == null ? { person } : { person, form };
}

function quoteSpan(q: QuoteSpan): Run {
  const out: QuoteSpan = { quote: q.quote };
  if (q.attribution != null) out.attribution = q.attribution;
  if (q.verb != null) out.verb = q.verb;
  if (q.form != null) out.form = q.form;
  if (q.clause != null) out.clause = canonicalRuns(q.clause);
  return out;
}

/** Runs as `fromDoc` writes them (see the head of this file). */
export function canonicalRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (typeof r === 'string') {
      if (r === '') continue;
      if (typeof last === 'string') out[out.length - 1] = last + r;
      else out.push(r);
    } else if (isLink(r)) {
      const text = r.text.join('');
      if (text === '') continue;
      if (last !== undefined && isLink(last) && last.link === r.link) {
        out[out.length - 1] = { link: last.link, text: [last.text[0] + text] };
      } else out.push({ link: r.link, text: [text] });
    } else if (isMention(r)) out.push(mention(r.person, r.form));
    else out.push(quoteSpan(r));
  }
  return out;
}

/** A list block as core writes it: `start` only on a numbered list that does not start at 1. */
function list(id: string, kind: ListKind, entries: Run[][], start: number | null | undefined): Block {
  return kind === 'numbered' && start != null && start > 1 ? { id, list: kind, entries, start } : { id, list: kind, entries };
}

/** A block list as `fromDoc` writes it. */
export function canonicalBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((b): Block => {
    if ('p' in b) return { id: b.id, p: canonicalRuns(b.p) };
    if ('h' in b) return { id: b.id, h: canonicalRuns(b.h) };
    if ('list' in b) return list(b.id, b.list, b.entries.map(canonicalRuns), b.start);
    if ('blockquote' in b) {
      return b.byline == null
        ? { id: b.id, blockquote: b.blockquote }
        : { id: b.id, blockquote: b.blockquote, byline: canonicalRuns(b.byline) };
    }
    return {
      id: b.id,
      statement: canonicalRuns(b.statement),
      paragraphs: (b.paragraphs ?? []).map(canonicalRuns),
    };
  });
}

// ---- to ProseMirror ------------------------------------------------------------------------

function inline(runs: readonly Run[]): Fragment {
  const nodes: Node[] = [];
  for (const r of canonicalRuns(runs)) {
    if (typeof r === 'string') nodes.push(schema.text(r));
    else if (isLink(r)) nodes.push(schema.text(r.text[0], [schema.marks.link.create({ href: r.link })]));
    else if (isMention(r)) nodes.push(schema.nodes.mention.create({ person: r.person, form: r.form ?? null }));
    else {
      nodes.push(
        schema.nodes.quote.create({
          quote: r.quote,
          attribution: r.attribution ?? null,
          verb: r.verb ?? null,
          form: r.form ?? null,
          clause: r.clause == null ? null : canonicalRuns(r.clause),
        }),
      );
    }
  }
  return Fragment.fromArray(nodes);
}

function blockNode(b: Block): Node {
  const n = schema.nodes;
  if ('p' in b) return n.paragraph.create({ id: b.id }, inline(b.p));
  if ('h' in b) return n.heading.create({ id: b.id }, inline(b.h));
  if ('list' in b) {
    return n.list.create(
      { id: b.id, kind: b.list, start: b.list === 'numbered' && b.start != null && b.start > 1 ? b.start : null },
      b.entries.map((e) => n.list_entry.create(null, inline(e))),
    );
  }
  if ('blockquote' in b) {
    return n.blockquote.create(
      { id: b.id, quote: b.blockquote },
      b.byline == null ? [] : [n.byline.create(null, inline(b.byline))],
    );
  }
  return n.statement.create({ id: b.id }, [
    n.statement_intro.create(null, inline(b.statement)),
    ...(b.paragraphs ?? []).map((p) => n.statement_paragraph.create(null, inline(p))),
  ]);
}

/** The ProseMirror document of a block list. Throws (ProseMirror's `check`) only on a list that
 * is not of the v2 shape. */
export function toDoc(blocks: readonly Block[]): Node {
  const doc = schema.nodes.doc.create(null, blocks.map(blockNode));
  doc.check();
  return doc;
}

// ---- from ProseMirror ----------------------------------------------------------------------

function linkOf(marks: readonly Mark[]): string | null {
  const m = marks.find((x) => x.type === schema.marks.link);
  return m ? (m.attrs.href as string) : null;
}

/** The runs of a textblock, canonical. A link mark on an atom is not part of v2 (a link's text
 * is plain strings) and is not written. */
export function runsOf(node: Node): Run[] {
  const runs: Run[] = [];
  node.forEach((child) => {
    if (child.isText) {
      const href = linkOf(child.marks);
      const text = child.text ?? '';
      runs.push(href === null ? text : { link: href, text: [text] });
    } else if (child.type === schema.nodes.mention) {
      runs.push(mention(child.attrs.person, child.attrs.form));
    } else if (child.type === schema.nodes.quote) {
      runs.push(quoteSpan(child.attrs as QuoteSpan));
    } else {
      throw new Error(`unexpected inline node ${child.type.name}`);
    }
  });
  return canonicalRuns(runs);
}

function idOf(node: Node, index: number, seen: Set<string>): string {
  const id = node.attrs.id as string | null;
  if (typeof id !== 'string' || id.trim() === '' || id.trim() !== id) {
    throw new Error(`block ${index} (${node.type.name}) has no id: the ids plugin (ids.ts) gives every block one`);
  }
  if (seen.has(id)) throw new Error(`block ${index} (${node.type.name}) repeats the id "${id}"`);
  seen.add(id);
  return id;
}

/** The block list of a document, canonical. Throws on a block without an id or with an id an
 * earlier block has (neither happens under the ids plugin). */
export function fromDoc(doc: Node): Block[] {
  const blocks: Block[] = [];
  const seen = new Set<string>();
  doc.forEach((node, _offset, index) => {
    const id = idOf(node, index, seen);
    const children: Node[] = [];
    node.forEach((c) => children.push(c));
    switch (node.type.name) {
      case 'paragraph':
        blocks.push({ id, p: runsOf(node) });
        break;
      case 'heading':
        blocks.push({ id, h: runsOf(node) });
        break;
      case 'list':
        blocks.push(list(id, node.attrs.kind as ListKind, children.map(runsOf), node.attrs.start as number | null));
        break;
      case 'blockquote': {
        const quote = node.attrs.quote as string;
        blocks.push(
          children.length === 0 ? { id, blockquote: quote } : { id, blockquote: quote, byline: runsOf(children[0]) },
        );
        break;
      }
      case 'statement':
        blocks.push({ id, statement: runsOf(children[0]), paragraphs: children.slice(1).map(runsOf) });
        break;
      default:
        throw new Error(`unexpected block node ${node.type.name}`);
    }
  });
  return blocks;
}
