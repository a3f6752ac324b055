// Commands and block ids on real EditorStates (prosemirror-state, -commands, -history), with the
// ids plugin as the editor will have it.
import { describe, expect, it } from 'vitest';
import { EditorState, NodeSelection, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { DOMParser, Slice } from 'prosemirror-model';
import { splitBlock, joinBackward } from 'prosemirror-commands';
import { history, undo } from 'prosemirror-history';
import type { Block } from '../bindings';
import { fromDoc, toDoc } from './convert';
import { insertMention, insertQuote, removeLink, setBlockType, toggleLink } from './commands';
import { blockIds, freshId, releaseBlockIds } from './ids';
import { seeded } from './testgen';

const RESERVED = ['lead', 'p-aaaaaa', 'end'];

function state(blocks: Block[], random = seeded(7)): EditorState {
  return EditorState.create({
    doc: toDoc(blocks),
    plugins: [history(), blockIds({ reserved: () => RESERVED, random })],
  });
}

/** The position `n` characters into the text of the `block`-th block's `child`-th textblock. */
function at(s: EditorState, block: number, n: number, child = 0): number {
  let pos = 0;
  for (let i = 0; i < block; i++) pos += s.doc.child(i).nodeSize;
  const b = s.doc.child(block);
  if (b.isTextblock) return pos + 1 + n;
  pos += 1;
  for (let i = 0; i < child; i++) pos += b.child(i).nodeSize;
  return pos + 1 + n;
}

function select(s: EditorState, from: number, to = from): EditorState {
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, to)));
}

/** Runs a command; fails the test if it does not apply. */
function run(s: EditorState, cmd: Command): EditorState {
  let next: EditorState | null = null;
  const ok = cmd(s, (tr: Transaction) => (next = s.apply(tr)));
  expect(ok).toBe(true);
  return next!;
}

function refused(s: EditorState, cmd: Command): boolean {
  let dispatched = false;
  const ok = cmd(s, () => (dispatched = true));
  return !ok && !dispatched && !cmd(s);
}

const ids = (s: EditorState) => fromDoc(s.doc).map((b) => b.id);

describe('insert a quote, a mention', () => {
  it('puts the quote span at the cursor, as the file writes it', () => {
    let s = select(state([{ id: 'p1', p: ['Ministers agreed that the plan was  next year.'] }]), 0);
    s = select(s, at(s, 0, 'Ministers agreed that the plan was '.length));
    s = run(s, insertQuote({ quote: 'q-ready', attribution: 'none', clause: ['a', 'b'] }));
    expect(fromDoc(s.doc)).toEqual([
      { id: 'p1', p: ['Ministers agreed that the plan was ', { quote: 'q-ready', attribution: 'none', clause: ['ab'] }, ' next year.'] },
    ]);
  });

  it('replaces the selection with a mention', () => {
    let s = state([{ id: 'lead2', p: ['XX opened the meeting.'] }]);
    s = select(s, at(s, 0, 0), at(s, 0, 2));
    s = run(s, insertMention('sg', 'full'));
    expect(fromDoc(s.doc)).toEqual([{ id: 'lead2', p: [{ person: 'sg', form: 'full' }, ' opened the meeting.'] }]);
    s = select(s, at(s, 0, s.doc.child(0).content.size));
    s = run(s, insertMention('fm'));
    expect(fromDoc(s.doc)[0]).toEqual({ id: 'lead2', p: [{ person: 'sg', form: 'full' }, ' opened the meeting.', { person: 'fm' }] });
  });

  it('is refused where no inline content can go (a block quote without a byline selected whole)', () => {
    const s0 = state([{ id: 'b2', blockquote: 'q1' }]);
    const s = s0.apply(s0.tr.setSelection(NodeSelection.create(s0.doc, 0)));
    expect(refused(s, insertMention('sg'))).toBe(true);
    expect(refused(s, insertQuote({ quote: 'q1' }))).toBe(true);
  });
});

describe('links', () => {
  const base = () => state([{ id: 'end2', p: ['Read the plan here.'] }]);

  it('links the selected words with a checked address, and unlinks them', () => {
    let s = base();
    s = select(s, at(s, 0, 9), at(s, 0, 13));
    s = run(s, toggleLink('https://example.org/plan'));
    const linked = [{ id: 'end2', p: ['Read the ', { link: 'https://example.org/plan', text: ['plan'] }, ' here.'] }];
    expect(fromDoc(s.doc)).toEqual(linked);
    s = run(s, toggleLink('mailto:press@example.org'));
    expect(fromDoc(s.doc)).toEqual([{ id: 'end2', p: ['Read the plan here.'] }]);
    s = run(s, toggleLink('MAILTO:press@example.org'));
    s = select(s, at(s, 0, 10));
    s = run(s, removeLink);
    expect(fromDoc(s.doc)).toEqual([{ id: 'end2', p: ['Read the plan here.'] }]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://example.org',
    'https://',
    'mailto:',
    'https://example.org/a b',
    'https://example.org/\u0007',
    '//example.org',
    'example.org',
    '',
  ])('refuses the address %j: nothing changes', (href) => {
    let s = base();
    s = select(s, at(s, 0, 9), at(s, 0, 13));
    expect(refused(s, toggleLink(href))).toBe(true);
  });

  it('refuses an empty selection and a selection of atoms only; links only the text around atoms', () => {
    let s = state([{ id: 'x', p: ['a', { person: 'sg' }, 'b'] }]);
    s = select(s, at(s, 0, 1));
    expect(refused(s, toggleLink('https://example.org'))).toBe(true);
    s = s.apply(s.tr.setSelection(NodeSelection.create(s.doc, at(s, 0, 1))));
    expect(refused(s, toggleLink('https://example.org'))).toBe(true);
    s = select(s, at(s, 0, 0), at(s, 0, 3));
    s = run(s, toggleLink('https://example.org'));
    expect(fromDoc(s.doc)).toEqual([
      { id: 'x', p: [{ link: 'https://example.org', text: ['a'] }, { person: 'sg' }, { link: 'https://example.org', text: ['b'] }] },
    ]);
  });

  it('a pasted link with a refused address comes in as plain text', () => {
    let s = base();
    s = select(s, at(s, 0, 5));
    const host = document.createElement('div');
    host.innerHTML = '<a href="javascript:alert(1)">bad</a> <a href="https://ok.example">good</a>';
    s = s.apply(s.tr.replaceSelection(DOMParser.fromSchema(s.schema).parseSlice(host)));
    expect(fromDoc(s.doc)).toEqual([
      { id: 'end2', p: ['Read bad ', { link: 'https://ok.example', text: ['good'] }, 'the plan here.'] },
    ]);
  });
});

describe('set block type', () => {
  it('turns a paragraph into a sub-heading, a list, a numbered list and back, id and text kept', () => {
    let s = state([{ id: 'p1', p: ['Border ', { person: 'sg' }, ' checks'] }]);
    s = select(s, at(s, 0, 3));
    s = run(s, setBlockType('heading'));
    expect(fromDoc(s.doc)).toEqual([{ id: 'p1', h: ['Border ', { person: 'sg' }, ' checks'] }]);
    s = run(s, setBlockType('bulleted'));
    expect(fromDoc(s.doc)).toEqual([{ id: 'p1', list: 'bulleted', entries: [['Border ', { person: 'sg' }, ' checks']] }]);
    expect(s.selection.$from.parentOffset).toBe(3);
    s = run(s, setBlockType('numbered'));
    expect(fromDoc(s.doc)).toEqual([{ id: 'p1', list: 'numbered', entries: [['Border ', { person: 'sg' }, ' checks']] }]);
    expect(refused(s, setBlockType('numbered'))).toBe(true);
    s = run(s, setBlockType('paragraph'));
    expect(fromDoc(s.doc)).toEqual([{ id: 'p1', p: ['Border ', { person: 'sg' }, ' checks'] }]);
    expect(refused(s, setBlockType('paragraph'))).toBe(true);
  });

  it('makes a list of n entries n paragraphs: the first keeps the id, the others get fresh ones', () => {
    let s = state([
      { id: 'l1', list: 'bulleted', entries: [['Border checks'], ['Harbour pilots'], ['Tugs']] },
      { id: 'end', p: ['x'] },
    ]);
    s = select(s, at(s, 0, 4, 1));
    s = run(s, setBlockType('paragraph'));
    const blocks = fromDoc(s.doc);
    expect(blocks.map((b) => ('p' in b ? b.p : null))).toEqual([['Border checks'], ['Harbour pilots'], ['Tugs'], ['x']]);
    const [first, second, third] = ids(s);
    expect(first).toBe('l1');
    for (const id of [second, third]) {
      expect(id).toMatch(/^p-[a-z0-9]{6}$/);
      expect(RESERVED).not.toContain(id);
    }
    expect(new Set(ids(s)).size).toBe(4);
    // The cursor stays in "Harbour pilots", four characters in.
    expect(s.selection.$from.parent.textContent).toBe('Harbour pilots');
    expect(s.selection.$from.parentOffset).toBe(4);
  });

  it('makes a statement a list (intro and paragraphs as entries), and refuses a block quote', () => {
    let s = state([
      { id: 'b1', statement: ['A spokesperson said:'], paragraphs: [['The budget stays as agreed.']] },
      { id: 'b2', blockquote: 'q1', byline: [{ person: 'sg' }] },
    ]);
    s = select(s, at(s, 0, 2));
    s = run(s, setBlockType('numbered'));
    expect(fromDoc(s.doc)[0]).toEqual({ id: 'b1', list: 'numbered', entries: [['A spokesperson said:'], ['The budget stays as agreed.']] });
    s = select(s, at(s, 1, 0));
    expect(s.selection.$from.parent.type.name).toBe('byline');
    expect(refused(s, setBlockType('paragraph'))).toBe(true);
  });
});

describe('block ids', () => {
  const two: Block[] = [
    { id: 'p1', p: ['Ministers agreed.'] },
    { id: 'p2', p: ['They meet in June.'] },
  ];

  it('Enter in the middle of a block: the first half keeps the id, the second gets a fresh one', () => {
    let s = select(state(two), 0);
    s = select(s, at(s, 0, 'Ministers'.length));
    s = run(s, splitBlock);
    const [a, b, c] = ids(s);
    expect([a, c]).toEqual(['p1', 'p2']);
    expect(b).toMatch(/^p-[a-z0-9]{6}$/);
    expect(fromDoc(s.doc).map((x) => ('p' in x ? x.p : null))).toEqual([['Ministers'], [' agreed.'], ['They meet in June.']]);
  });

  it('Enter at the start of a block: the text keeps its id, the new empty block before it gets one', () => {
    let s = state(two);
    s = select(s, at(s, 1, 0));
    s = run(s, splitBlock);
    const blocks = fromDoc(s.doc);
    expect(blocks[2]).toEqual({ id: 'p2', p: ['They meet in June.'] });
    expect(blocks[1].id).toMatch(/^p-/);
    expect(blocks[1].id).not.toBe('p2');
  });

  it('a block moved keeps its id; edits keep it; joining keeps the first', () => {
    let s = state(two);
    const moved = s.doc.child(1);
    let tr = s.tr.delete(s.doc.child(0).nodeSize, s.doc.content.size).insert(0, moved);
    s = s.apply(tr);
    expect(ids(s)).toEqual(['p2', 'p1']);
    tr = s.tr.insertText(' Again.', at(s, 0, moved.content.size));
    s = s.apply(tr);
    expect(fromDoc(s.doc)[0]).toEqual({ id: 'p2', p: ['They meet in June. Again.'] });
    s = select(s, at(s, 1, 0));
    s = run(s, joinBackward);
    expect(fromDoc(s.doc)).toEqual([{ id: 'p2', p: ['They meet in June. Again.Ministers agreed.'] }]);
  });

  it('a pasted copy of a block gets a fresh id, wherever it lands; the original keeps its own', () => {
    let s = state(two);
    const copy = new Slice(s.doc.slice(0, s.doc.child(0).nodeSize).content, 0, 0);
    s = s.apply(s.tr.replace(0, 0, copy)); // before the original
    const [a, b, c] = ids(s);
    expect(b).toBe('p1');
    expect(c).toBe('p2');
    expect(a).toMatch(/^p-/);
    s = s.apply(s.tr.replace(s.doc.content.size, s.doc.content.size, copy)); // after everything
    expect(ids(s).slice(0, 3)).toEqual([a, 'p1', 'p2']);
    expect(ids(s)[3]).toMatch(/^p-/);
    expect(new Set(ids(s)).size).toBe(4);
  });

  it('a block with an id used elsewhere in the release, or none, gets a fresh one', () => {
    let s = state(two);
    s = s.apply(s.tr.insert(0, s.schema.nodes.paragraph.create({ id: 'lead' }, s.schema.text('x'))));
    s = s.apply(s.tr.insert(0, s.schema.nodes.heading.create(null, s.schema.text('y'))));
    const [h, p] = ids(s);
    for (const id of [h, p]) {
      expect(id).toMatch(/^p-[a-z0-9]{6}$/);
      expect(RESERVED).not.toContain(id);
    }
    expect(h).not.toBe(p);
  });

  it('reserved ids may include the document\'s own: only a block the change made gets a fresh id', () => {
    const release = { language: 'en' as const, lead: [{ id: 'lead', p: [] }], closing: two };
    let s = EditorState.create({
      doc: toDoc(two),
      plugins: [blockIds({ reserved: () => releaseBlockIds(release), random: seeded(3) })],
    });
    s = select(s, at(s, 1, 2));
    s = run(s, splitBlock);
    const [a, b, c] = ids(s);
    expect([a, b]).toEqual(['p1', 'p2']);
    expect(c).toMatch(/^p-[a-z0-9]{6}$/);
  });

  it('pasted HTML from elsewhere comes in as blocks with fresh ids; the editor\'s own keeps its kinds', () => {
    let s = state([{ id: 'p1', p: ['x'] }]);
    s = select(s, at(s, 0, 1));
    const host = document.createElement('div');
    host.innerHTML = '<h2>Ports</h2><ul><li>Border checks</li><li>Tugs</li></ul><ol><li>One</li></ol><p>Done.</p>';
    s = s.apply(s.tr.replaceSelection(DOMParser.fromSchema(s.schema).parseSlice(host)));
    const blocks = fromDoc(s.doc);
    // The first pasted block joins the one the cursor is in, as ProseMirror pastes.
    expect(blocks[0]).toEqual({ id: 'p1', p: ['xPorts'] });
    expect(blocks.map((b) => Object.keys(b)[1])).toEqual(['p', 'list', 'list', 'p']);
    expect(blocks[1]).toMatchObject({ list: 'bulleted', entries: [['Border checks'], ['Tugs']] });
    expect(blocks[2]).toMatchObject({ list: 'numbered', entries: [['One']] });
    expect(blocks[3]).toMatchObject({ p: ['Done.'] });
    expect(new Set(blocks.map((b) => b.id)).size).toBe(4);
    // Into an empty document, a heading stays a heading.
    let e = state([]);
    e = e.apply(e.tr.replaceWith(0, 0, DOMParser.fromSchema(e.schema).parse(host).content));
    expect(fromDoc(e.doc).map((b) => Object.keys(b)[1])).toEqual(['h', 'list', 'list', 'p']);
    expect(fromDoc(e.doc)[0]).toMatchObject({ h: ['Ports'] });
  });

  it('undo takes the new block and its id back together', () => {
    let s = select(state(two), 0);
    s = select(s, at(s, 0, 4));
    s = run(s, splitBlock);
    expect(ids(s)).toHaveLength(3);
    s = run(s, undo);
    expect(fromDoc(s.doc)).toEqual(two);
  });

  it('fresh ids avoid every id taken, and a release gives all of its block ids', () => {
    const always0 = () => 0;
    expect(freshId(new Set(), always0)).toBe('p-aaaaaa');
    let calls = 0;
    const firstTaken = () => (calls++ < 6 ? 0 : 0.99);
    expect(freshId(new Set(['p-aaaaaa']), firstTaken)).toBe('p-999999');
    const release = {
      language: 'en' as const,
      lead: [{ id: 'lead', p: [] }],
      items: [{ item: 'i', blocks: [{ id: 'p1', p: [] }] }, { item: 'j' }],
      closing: [{ id: 'end', p: [] }],
      contact: [{ id: 'c1', p: [] }],
      notes_to_editors: [{ id: 'n1', p: [] }],
    };
    expect([...releaseBlockIds(release)].sort()).toEqual(['c1', 'end', 'lead', 'n1', 'p1']);
  });
});
