// The ProseMirror schema of a v2 block list (docs/meeting-file-v2.md, "Blocks"): one document is
// one list of blocks (a release's lead, an item's blocks, its closing, contact or notes to
// editors). Not wired into the app yet.
//
// Block nodes mirror the five v2 blocks and carry their v2 `id`; inline content is text, the
// `mention` and `quote` atoms (spans that refer by id: the composer writes their words) and the
// `link` mark. Attributes hold exactly what the span holds: an absent optional field is `null`.

import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';

/** A link's address passes core's rule (`docs/meeting-file-v2.schema.json`, `read::LINK_PATTERN`):
 * `https://…`, `http://…` or `mailto:…`, the scheme in any case, something after it, no white
 * space or control character. */
export const LINK_PATTERN =
  /^(?:[hH][tT][tT][pP][sS]?:\/\/|[mM][aA][iI][lL][tT][oO]:)[^\s\u0000-\u001f\u007f-\u009f]+$/u;

export function isLinkHref(href: string): boolean {
  return LINK_PATTERN.test(href);
}

// Inline content of every text-holding node: text (which may carry a link) and the atoms.
const inline = 'inline*';

// Parsing (a paste): the editor's own markup (`data-pm`, with ids) first, then what other
// programs write (`<p>`, `<h1>`…`<h6>`, `<ul>`, `<ol>`, `<li>`) as the block it reads as, without an
// id (the ids plugin gives one). A block quote and a statement are only ever the editor's own.
const OWN = 60;

function textblock(tag: string, role: string, attrs: NodeSpec['attrs'] = {}, foreign: string[] = []): NodeSpec {
  return {
    content: inline,
    attrs,
    marks: 'link',
    parseDOM: [
      { tag: `${tag}[data-pm="${role}"]`, priority: OWN, getAttrs: (d) => idAttr(d as HTMLElement, attrs) },
      ...foreign.map((tag) => ({ tag })),
    ],
    toDOM: (n) => [tag, domAttrs(role, n.attrs), 0],
  };
}

function idAttr(el: HTMLElement, attrs: NodeSpec['attrs']): Record<string, unknown> {
  return attrs && 'id' in attrs ? { id: el.getAttribute('data-id') } : {};
}

function domAttrs(role: string, attrs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = { 'data-pm': role };
  if (typeof attrs.id === 'string') out['data-id'] = attrs.id;
  return out;
}

/** An `<ol start>` above 1 (what core writes, and what a pasted list may carry); else null. */
function listStart(el: HTMLElement): number | null {
  const n = Number(el.getAttribute('start'));
  return Number.isInteger(n) && n > 1 ? n : null;
}

// `id: null` only on a block just made in the editor: the ids plugin gives it a fresh one in the
// same transaction (ids.ts), and `fromDoc` refuses a block without one.
const id = { id: { default: null } };

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block*' },

  /** `{ id, p: runs }` */
  paragraph: { ...textblock('p', 'paragraph', id, ['p']), group: 'block' },
  /** `{ id, h: runs }`: a sub-heading. */
  heading: { ...textblock('h3', 'heading', id, ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), group: 'block', defining: true },

  /** `{ id, list: kind, entries: [runs…], start? }`: `start` (a numbered list's first number,
   * when it goes on from an earlier one) is `null` for 1 and on a bulleted list. */
  list: {
    group: 'block',
    content: 'list_entry*',
    attrs: { ...id, kind: { default: 'bulleted' }, start: { default: null } },
    parseDOM: [
      { tag: 'ul[data-pm="list"]', priority: OWN, getAttrs: (d) => ({ id: (d as HTMLElement).getAttribute('data-id'), kind: 'bulleted' }) },
      { tag: 'ol[data-pm="list"]', priority: OWN, getAttrs: (d) => ({ id: (d as HTMLElement).getAttribute('data-id'), kind: 'numbered', start: listStart(d as HTMLElement) }) },
      { tag: 'ul', attrs: { kind: 'bulleted' } },
      { tag: 'ol', getAttrs: (d) => ({ kind: 'numbered', start: listStart(d as HTMLElement) }) },
    ],
    toDOM: (n) =>
      n.attrs.kind === 'numbered'
        ? ['ol', n.attrs.start == null ? domAttrs('list', n.attrs) : { ...domAttrs('list', n.attrs), start: String(n.attrs.start) }, 0]
        : ['ul', domAttrs('list', n.attrs), 0],
  },
  list_entry: { ...textblock('li', 'entry', {}, ['li']), defining: true },

  /** `{ id, blockquote: quote-id, byline?: runs }`: the quote is a reference (its words are the
   * quote's); an absent byline is no `byline` child, `byline: []` an empty one. */
  blockquote: {
    group: 'block',
    content: 'byline?',
    attrs: { ...id, quote: {} },
    defining: true,
    parseDOM: [
      {
        tag: 'blockquote[data-pm="blockquote"]',
        getAttrs: (d) => {
          const el = d as HTMLElement;
          const quote = el.getAttribute('data-quote');
          return quote ? { id: el.getAttribute('data-id'), quote } : false;
        },
      },
    ],
    toDOM: (n) => ['blockquote', { ...domAttrs('blockquote', n.attrs), 'data-quote': n.attrs.quote }, 0],
  },
  byline: textblock('footer', 'byline'),

  /** `{ id, statement: runs (the intro line), paragraphs: [runs…] }` */
  statement: {
    group: 'block',
    content: 'statement_intro statement_paragraph*',
    attrs: id,
    defining: true,
    parseDOM: [{ tag: 'section[data-pm="statement"]', getAttrs: (d) => ({ id: (d as HTMLElement).getAttribute('data-id') }) }],
    toDOM: (n) => ['section', domAttrs('statement', n.attrs), 0],
  },
  statement_intro: textblock('p', 'intro'),
  statement_paragraph: textblock('p', 'statement-paragraph'),

  text: { group: 'inline' },

  /** `{ person, form? }` */
  mention: {
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    attrs: { person: {}, form: { default: null } },
    parseDOM: [
      {
        tag: 'span[data-pm="mention"]',
        getAttrs: (d) => {
          const el = d as HTMLElement;
          const person = el.getAttribute('data-person');
          return person ? { person, form: el.getAttribute('data-form') } : false;
        },
      },
    ],
    toDOM: (n) => [
      'span',
      dropNull({ 'data-pm': 'mention', 'data-person': n.attrs.person, 'data-form': n.attrs.form }),
      `@${n.attrs.person}`,
    ],
  },

  /** `{ quote, attribution?, verb?, form?, clause? }`. The clause (runs said after the
   * attribution) is held whole as an attribute, as the file has it: it is edited in the
   * attribution popover, never inline. */
  quote: {
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    attrs: {
      quote: {},
      attribution: { default: null },
      verb: { default: null },
      form: { default: null },
      clause: { default: null },
    },
    parseDOM: [
      {
        tag: 'span[data-pm="quote"]',
        getAttrs: (d) => {
          const el = d as HTMLElement;
          const quote = el.getAttribute('data-quote');
          if (!quote) return false;
          const clause = el.getAttribute('data-clause');
          let runs: unknown = null;
          try {
            runs = clause === null ? null : JSON.parse(clause);
          } catch {
            return false;
          }
          return {
            quote,
            attribution: el.getAttribute('data-attribution'),
            verb: el.getAttribute('data-verb'),
            form: el.getAttribute('data-form'),
            clause: Array.isArray(runs) ? runs : null,
          };
        },
      },
    ],
    toDOM: (n) => [
      'span',
      dropNull({
        'data-pm': 'quote',
        'data-quote': n.attrs.quote,
        'data-attribution': n.attrs.attribution,
        'data-verb': n.attrs.verb,
        'data-form': n.attrs.form,
        'data-clause': n.attrs.clause === null ? null : JSON.stringify(n.attrs.clause),
      }),
      `“${n.attrs.quote}”`,
    ],
  },
};

const marks: Record<string, MarkSpec> = {
  /** `{ link, text }` on a phrase of plain text. An address that fails the rule is never
   * parsed in (pasted HTML) and never set by a command. */
  link: {
    attrs: { href: {} },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (d) => {
          const href = (d as HTMLElement).getAttribute('href') ?? '';
          return isLinkHref(href) ? { href } : false;
        },
      },
    ],
    toDOM: (m) => ['a', { href: m.attrs.href, rel: 'noopener noreferrer' }, 0],
  },
};

function dropNull(o: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

export const schema = new Schema({ nodes, marks });

/** The node types that are v2 blocks (children of the document, each with an `id`). */
export const BLOCK_TYPES = ['paragraph', 'heading', 'list', 'blockquote', 'statement'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];
