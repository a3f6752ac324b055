// The live preview (lib/livePreview.svelte.ts) over a scripted shell (mockIPC): the whole document
// once, then only the parts edited; what it shows is the shell's parts with each splice applied.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { toUi, type UiDoc } from '../../src/lib/doc';
import { LivePreview, previewHtml } from '../../src/lib/livePreview.svelte';
import type { MeetingDoc, PreviewUpdate } from '../../src/lib/types';
import fisheriesEn from '../fixtures/fisheries-en.meeting.v2.json';

interface Sent {
  session: number;
  shown: number;
  doc: MeetingDoc | null;
  language: string | null;
  parts: { part: string; index?: number; release?: number; value: unknown }[];
}

/** A shell that answers each preview_edit with the next scripted answer (or an error), after `gate`. */
function shell(answers: (PreviewUpdate | { error: { code: string; message: string } })[]) {
  const sent: Sent[] = [];
  let gate: Promise<void> = Promise.resolve();
  mockIPC(async (cmd, args) => {
    if (cmd !== 'preview_edit_v2') throw { code: 'invalid_input', message: `unexpected ${cmd}` };
    sent.push(structuredClone(args) as unknown as Sent);
    await gate;
    const a = answers.shift();
    if (!a) throw { code: 'io', message: 'no answer scripted' };
    if ('error' in a) throw a.error;
    return a;
  });
  return {
    sent,
    hold() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = Promise.resolve();
        release();
      };
    },
  };
}

const whole = (render: number, ...blocks: string[]): PreviewUpdate => ({ kind: 'whole', render, preview: { head: '<h>', blocks, tail: '</h>' } });
/** Lets every pending request and its answer run. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setTimeout(r, 0));
};

function open(): { doc: UiDoc; live: LivePreview } {
  const doc = toUi(structuredClone(fisheriesEn) as MeetingDoc, 'en');
  return { doc, live: new LivePreview(doc, { head: '<h>', blocks: ['<p>opened</p>'], tail: '</h>' }) };
}

afterEach(() => clearMocks());

describe('LivePreview', () => {
  it('sends the whole document first, then only the item typed in, and applies the splice', async () => {
    const sh = shell([
      whole(4, '<header/>', '<p>a</p>', '<p>b</p>', '<p>c</p>'),
      { kind: 'splice', render: 5, base: 4, start: 2, removed: 1, blocks: ['<p>B</p>'] },
    ]);
    const { doc, live } = open();
    expect(previewHtml(live.shown.parts)).toBe('<h><p>opened</p></h>');

    const first = [{ id: 'p-2', p: ['first'] }];
    doc.agenda[1].part.blocks = first;
    live.changed({ item: doc.agenda[1].key });
    await settle();
    expect(sh.sent[0].doc?.releases?.[0].items?.[1].blocks).toEqual(first);
    expect(sh.sent[0].language).toBe('en');
    expect(sh.sent[0].parts).toEqual([]);
    expect(live.shown.render).toBe(4);

    doc.agenda[1].part.blocks = [{ id: 'p-2', p: ['second'] }];
    doc.agenda[1].title = 'Renamed item';
    live.changed({ item: doc.agenda[1].key });
    await settle();
    expect(sh.sent[1].doc).toBeNull();
    expect(sh.sent[1].shown).toBe(4);
    expect(sh.sent[1].session).toBe(sh.sent[0].session);
    // The item (its title, notes, quotes) and what the release says of it.
    expect(sh.sent[1].parts).toEqual([
      { part: 'item', index: 1, value: expect.objectContaining({ id: 'item-2', title: 'Renamed item' }) },
      { part: 'release_item', release: 0, index: 1, value: { item: 'item-2', blocks: [{ id: 'p-2', p: ['second'] }] } },
    ]);
    expect(live.shown.parts.blocks).toEqual(['<header/>', '<p>a</p>', '<p>B</p>', '<p>c</p>']);
    expect(live.shown.splice).toEqual({ base: 4, start: 2, removed: 1, blocks: ['<p>B</p>'] });
  });

  it('typing in an item’s release text sends what the release says of it, not the item', async () => {
    const sh = shell([whole(1, '<p>x</p>'), whole(2, '<p>y</p>')]);
    const { doc, live } = open();
    live.changed();
    await settle();
    doc.agenda[0].part.blocks = [{ id: 'p-1', p: ['Typed.'] }];
    live.changed({ item: doc.agenda[0].key, text: true });
    await settle();
    expect(sh.sent[1].doc).toBeNull();
    expect(sh.sent[1].parts).toEqual([{ part: 'release_item', release: 0, index: 0, value: { item: 'item-1', blocks: [{ id: 'p-1', p: ['Typed.'] }] } }]);
  });

  it('parts edited while a request is out go together in the next one', async () => {
    const sh = shell([whole(1, '<p>x</p>'), whole(2, '<p>y</p>'), whole(3, '<p>z</p>')]);
    const { doc, live } = open();
    live.changed();
    await settle();
    const release = sh.hold();
    live.changed('release');
    await settle();
    doc.meeting.title = 'Renamed';
    live.changed('meeting');
    live.changed({ item: doc.agenda[0].key });
    live.changed({ item: doc.agenda[0].key });
    release();
    await settle();
    expect(sh.sent.map((s) => s.parts.map((p) => p.part))).toEqual([[], ['release_head'], ['meeting', 'organisations', 'item', 'release_item']]);
    expect(sh.sent[2].parts[0].value).toEqual(expect.objectContaining({ title: 'Renamed' }));
    expect(live.shown.render).toBe(3);
  });

  it('a shell that kept no document is sent it whole; an error that is not a refusal too', async () => {
    const sh = shell([
      whole(1, '<p>x</p>'),
      { kind: 'resend' },
      whole(7, '<p>y</p>'),
      { error: { code: 'io', message: 'broken pipe' } },
      whole(8, '<p>z</p>'),
      { error: { code: 'invalid_input', message: 'meeting: agenda[0].title: must not be empty' } },
      whole(9, '<p>w</p>'),
    ]);
    const { doc, live } = open();
    const key = doc.agenda[0].key;
    for (let i = 0; i < 5; i += 1) {
      live.changed({ item: key });
      await settle();
    }
    // whole, then parts → resend → whole, parts → io error, whole, parts → refused, parts.
    expect(sh.sent.map((s) => (s.doc ? 'whole' : 'parts'))).toEqual(['whole', 'parts', 'whole', 'parts', 'whole', 'parts']);
    expect(live.error?.code).toBe('invalid_input');
    expect(live.shown.render).toBe(8);
    live.changed({ item: key });
    await settle();
    expect(sh.sent.at(-1)?.doc).toBeNull();
    expect(live.error).toBeNull();
  });

  it('a part added to the release or taken out of it sends the whole document', async () => {
    const sh = shell([whole(1, '<p>x</p>'), whole(2, '<p>y</p>'), whole(3, '<p>z</p>'), { kind: 'splice', render: 4, base: 3, start: 0, removed: 0, blocks: [] }]);
    const { doc, live } = open();
    live.changed();
    await settle();
    const last = doc.agenda.at(-1)!;
    const had = last.part.blocks.length > 0 || last.part.heading !== '';
    last.part.blocks = had ? [] : [{ id: 'p-new', p: ['New.'] }];
    last.part.heading = '';
    live.changed({ item: last.key });
    await settle();
    expect(sh.sent[1].doc).not.toBeNull();
    last.part.blocks = [{ id: 'p-new', p: ['Back.'] }];
    live.changed({ item: last.key });
    await settle();
    expect(sh.sent[2].doc).not.toBeNull();
    last.part.blocks = [{ id: 'p-new', p: ['Typed on.'] }];
    live.changed({ item: last.key });
    await settle();
    expect(sh.sent[3].doc).toBeNull();
  });

  it('an item removed since it was typed in sends the whole document', async () => {
    const sh = shell([whole(1, '<p>x</p>'), whole(2, '<p>y</p>')]);
    const { doc, live } = open();
    live.changed();
    await settle();
    const key = doc.agenda[0].key;
    doc.agenda.splice(0, 1);
    live.changed({ item: key });
    await settle();
    expect(sh.sent[1].doc?.agenda.length).toBe(doc.agenda.length);
  });

  it('closed: nothing more is shown', async () => {
    const sh = shell([whole(1, '<p>x</p>')]);
    const { live } = open();
    const release = sh.hold();
    live.changed();
    live.close();
    release();
    await settle();
    expect(previewHtml(live.shown.parts)).toBe('<h><p>opened</p></h>');
  });
});
