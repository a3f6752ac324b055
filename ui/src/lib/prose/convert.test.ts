import { describe, expect, it } from 'vitest';
import { DOMParser as PMDOMParser, DOMSerializer } from 'prosemirror-model';
import type { Block, MeetingFileV2, Run } from '../bindings';
import { canonicalBlocks, canonicalRuns, fromDoc, isLink, isMention, isQuote, toDoc } from './convert';
import { schema } from './schema';
import { generator } from './testgen';
import example from '../../../../core/tests/fixtures/v2/ministers-en-fr.meeting.json';

const meeting = example as unknown as MeetingFileV2;

/** Every block list of the worked example, named: each release's lead, items, closing, contact,
 * notes to editors, and each organisation's boilerplate. */
function exampleLists(): [string, Block[]][] {
  const out: [string, Block[]][] = [];
  for (const r of meeting.releases ?? []) {
    out.push([`${r.language} lead`, r.lead ?? []]);
    for (const part of r.items ?? []) out.push([`${r.language} item ${part.item}`, part.blocks ?? []]);
    out.push([`${r.language} closing`, r.closing ?? []]);
    out.push([`${r.language} contact`, r.contact ?? []]);
    out.push([`${r.language} notes_to_editors`, r.notes_to_editors ?? []]);
  }
  for (const o of meeting.organisations ?? []) {
    for (const [lang, blocks] of Object.entries(o.boilerplate ?? {})) out.push([`${o.id} boilerplate ${lang}`, blocks ?? []]);
  }
  return out;
}

/** The text a reader sees of some runs, spans as markers: what canonical form must not change
 * (links in `[text](href)`, adjacent ones to one address read as one). */
function reading(runs: readonly Run[]): string {
  let s = runs
    .map((r) => {
      if (typeof r === 'string') return r;
      if (isLink(r)) return r.text.join('') === '' ? '' : `[${r.text.join('')}](${r.link})`;
      if (isMention(r)) return `@${r.person}/${r.form ?? ''}`;
      if (isQuote(r)) return `{${r.quote}/${r.attribution ?? ''}/${r.verb ?? ''}/${r.form ?? ''}/${r.clause ? reading(r.clause) : '-'}}`;
      throw new Error('not a run');
    })
    .join('');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\]\(([^)]*)\)\[([^\]]*)\]\(\1\)/, '$2]($1)');
  }
  return s;
}

function blockReading(blocks: readonly Block[]): string[] {
  return blocks.map((b) => {
    if ('p' in b) return `p ${b.id}: ${reading(b.p)}`;
    if ('h' in b) return `h ${b.id}: ${reading(b.h)}`;
    if ('list' in b) return `${b.list} ${b.id}: ${b.entries.map(reading).join(' | ')}`;
    if ('blockquote' in b) return `bq ${b.id} ${b.blockquote}: ${b.byline == null ? '-' : reading(b.byline)}`;
    return `st ${b.id}: ${reading(b.statement)} || ${(b.paragraphs ?? []).map(reading).join(' | ')}`;
  });
}

describe('worked example', () => {
  const lists = exampleLists();

  it('has block lists of every kind to convert', () => {
    const kinds = new Set(lists.flatMap(([, bs]) => bs.map((b) => Object.keys(b).find((k) => k !== 'id'))));
    expect([...kinds].sort()).toEqual(['list', 'p', 'statement', 'blockquote'].sort());
    expect(lists.length).toBeGreaterThanOrEqual(10);
  });

  it.each(lists)('%s: fromDoc(toDoc(blocks)) is the list exactly', (_name, blocks) => {
    expect(canonicalBlocks(blocks)).toEqual(blocks); // core writes canonical form
    expect(fromDoc(toDoc(blocks))).toEqual(blocks);
  });

  it('holds each span as its node: mention and quote atoms, a link mark on its text', () => {
    const item = meeting.releases![0].items!.find((p) => p.item === 'ports')!;
    const doc = toDoc(item.blocks!);
    const p2 = doc.child(1);
    expect(p2.attrs.id).toBe('p2');
    const quotes: unknown[] = [];
    p2.forEach((n) => quotes.push(n.type.name === 'quote' ? n.attrs : n.text));
    expect(quotes).toEqual([
      { quote: 'q-together', attribution: 'after-subject', verb: null, form: null, clause: null },
      ' ',
      { quote: 'q-wait', attribution: null, verb: 'asked', form: null, clause: ['closing the session'] },
    ]);
    const closing = toDoc(meeting.releases![0].closing!).child(0);
    expect(closing.childCount).toBe(3);
    expect(closing.child(1).text).toBe('plan');
    expect(closing.child(1).marks.map((m) => [m.type.name, m.attrs.href])).toEqual([['link', 'https://example.org/plan']]);
  });
});

describe('generated block lists', () => {
  const seeds = Array.from({ length: 300 }, (_, i) => i + 1);

  it.each(seeds.map((s) => [s]))('seed %i: round trip is canonical form, which reads the same', (seed) => {
    const blocks = generator(seed).blocks();
    const canonical = canonicalBlocks(blocks);
    expect(fromDoc(toDoc(blocks))).toEqual(canonical);
    expect(fromDoc(toDoc(canonical))).toEqual(canonical);
    expect(canonicalBlocks(canonical)).toEqual(canonical);
    expect(blockReading(canonical)).toEqual(blockReading(blocks));
    // Through the DOM too (what the view renders and a paste parses): the same document.
    const doc = toDoc(canonical);
    const dom = DOMSerializer.fromSchema(schema).serializeFragment(doc.content);
    const host = document.createElement('div');
    host.appendChild(dom);
    expect(fromDoc(PMDOMParser.fromSchema(schema).parse(host, { preserveWhitespace: 'full' }))).toEqual(canonical);
  });

  it('generates the writings canonical form rewrites, so the test above sees them', () => {
    let merged = 0;
    let differs = 0;
    for (const seed of seeds) {
      const blocks = generator(seed).blocks();
      if (JSON.stringify(canonicalBlocks(blocks)) !== JSON.stringify(blocks)) differs++;
      for (const b of blocks) if ('p' in b && canonicalRuns(b.p).length < b.p.length) merged++;
    }
    expect(differs).toBeGreaterThan(100);
    expect(merged).toBeGreaterThan(20);
  });
});

describe('canonical runs', () => {
  it('merges adjacent strings and links to one address, joins link text, drops empties and nulls', () => {
    const runs: Run[] = [
      'a',
      '',
      'b',
      { link: 'https://x.org', text: ['c', '', 'd'] },
      { link: 'https://x.org', text: ['e'] },
      { link: 'https://y.org', text: ['f'] },
      { link: 'https://y.org', text: [''] },
      { person: 'sg', form: null },
      { quote: 'q', verb: null, clause: ['g', 'h'] },
    ];
    expect(canonicalRuns(runs)).toEqual([
      'ab',
      { link: 'https://x.org', text: ['cde'] },
      { link: 'https://y.org', text: ['f'] },
      { person: 'sg' },
      { quote: 'q', clause: ['gh'] },
    ]);
  });

  it('keeps an empty byline apart from none, and an empty clause apart from none', () => {
    const blocks: Block[] = [
      { id: 'a', blockquote: 'q' },
      { id: 'b', blockquote: 'q', byline: [] },
      { id: 'c', p: [{ quote: 'q', clause: [] }, { quote: 'q' }] },
      { id: 'd', statement: [], paragraphs: [] },
      { id: 'e', list: 'numbered', entries: [] },
      { id: 'f', h: [] },
    ];
    expect(fromDoc(toDoc(blocks))).toEqual(blocks);
    expect(fromDoc(toDoc([]))).toEqual([]);
  });

  it('writes a statement its paragraphs, as core does', () => {
    expect(fromDoc(toDoc([{ id: 's', statement: ['x'] }]))).toEqual([{ id: 's', statement: ['x'], paragraphs: [] }]);
  });
});

describe('fromDoc refuses what the ids plugin never leaves', () => {
  it('a block without an id', () => {
    const doc = schema.nodes.doc.create(null, [schema.nodes.paragraph.create(null, schema.text('x'))]);
    expect(() => fromDoc(doc)).toThrow(/block 0 \(paragraph\) has no id/);
  });
  it('two blocks with one id', () => {
    const doc = toDoc([
      { id: 'a', p: ['x'] },
      { id: 'a', h: ['y'] },
    ]);
    expect(() => fromDoc(doc)).toThrow(/repeats the id "a"/);
  });
});

describe('numbered lists that go on from a number', () => {
  const entries: Run[][] = [['Fourth'], ['Fifth']];
  it('keep their start through the editor, and write none for 1 or on a bulleted list', () => {
    const blocks: Block[] = [
      { id: 'h', h: ['Working together'] },
      { id: 'l', list: 'numbered', entries, start: 4 },
    ];
    expect(fromDoc(toDoc(blocks))).toEqual(blocks);
    expect(canonicalBlocks([{ id: 'l', list: 'numbered', entries, start: 1 }])).toEqual([{ id: 'l', list: 'numbered', entries }]);
    expect(canonicalBlocks([{ id: 'l', list: 'bulleted', entries, start: 4 }])).toEqual([{ id: 'l', list: 'bulleted', entries }]);
  });
  it('show their numbers from the start, and a pasted <ol start> keeps it', () => {
    const dom = DOMSerializer.fromSchema(schema).serializeFragment(toDoc([{ id: 'l', list: 'numbered', entries, start: 4 }]).content);
    const host = document.createElement('div');
    host.appendChild(dom);
    expect(host.querySelector('ol')?.getAttribute('start')).toBe('4');
    const pasted = document.createElement('div');
    pasted.innerHTML = '<ol start="7"><li>Seventh</li></ol>';
    const doc = PMDOMParser.fromSchema(schema).parse(pasted);
    expect(doc.child(0).attrs).toMatchObject({ kind: 'numbered', start: 7 });
  });
});
