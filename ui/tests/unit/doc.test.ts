import { describe, expect, it } from 'vitest';
import {
  blankItem,
  blankPhoto,
  blankQuote,
  draftCount,
  freshRowId,
  mentionedPeople,
  placedQuoteIds,
  releasesToWire,
  toUi,
  toWire,
} from '../../src/lib/doc';
import { relabelLanguage } from '../../src/lib/ops';
import type { Language, MeetingDoc } from '../../src/lib/types';
import fisheriesEn from '../fixtures/fisheries-en.meeting.v2.json';

// Core's own v2 files: the corpus of made-up releases (every construct of the model) and the
// worked example upgraded by `communique upgrade`. The editor must give each back byte for byte
// (as canonical JSON: core writes fields in the schema's order, and so must toWire), in each of
// its languages.
const files = import.meta.glob<MeetingDoc>('../../../core/tests/fixtures/corpus/*.meeting.json', { eager: true, import: 'default' });
const corpus: [string, MeetingDoc][] = Object.entries(files).map(([path, doc]) => [path.split('/').at(-1)!, doc]);
const en = fisheriesEn as MeetingDoc;

/** Every key used anywhere in a JSON value. */
function keysOf(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysOf(x, out);
    }
  }
  return out;
}

describe('toWire(toUi(doc))', () => {
  it('has the corpus to check', () => expect(corpus.length).toBeGreaterThanOrEqual(8));

  for (const [name, doc] of corpus) {
    for (const lang of doc.meeting.languages) {
      it(`gives back ${name} exactly, edited in ${lang}`, () => {
        expect(JSON.stringify(toWire(toUi(doc, lang)), null, 2)).toBe(JSON.stringify(doc, null, 2));
      });
    }
  }

  it('gives back a corrected release exactly, its corrections after the notes to editors', () => {
    const doc = structuredClone(en);
    const r = doc.releases![0];
    r.corrections = [{ at: '2031-04-26T09:00:00+01:00', text: ['An earlier version gave the wrong date.'] }];
    const wire = toWire(toUi(doc, r.language));
    expect(JSON.stringify(wire, null, 2)).toBe(JSON.stringify(doc, null, 2));
    expect(Object.keys(wire.releases![0]).indexOf('corrections')).toBeGreaterThan(-1);
  });

  it('gives back a meeting whose organisation has a house style exactly (the style kept)', () => {
    const styled = import.meta.glob<MeetingDoc>('../../../core/tests/fixtures/v2/house-style.meeting.json', { eager: true, import: 'default' });
    const [doc] = Object.values(styled);
    expect(doc.organisations?.some((o) => o.style)).toBe(true);
    for (const lang of doc.meeting.languages) expect(JSON.stringify(toWire(toUi(doc, lang)), null, 2)).toBe(JSON.stringify(doc, null, 2));
  });

  it('writes the house style set in the editor with the organisation, only what differs from the defaults', () => {
    const ui = toUi(en, 'en');
    expect(ui.meeting.organisation).not.toBe('');
    expect(toWire(ui).organisations?.every((o) => !o.style)).toBe(true);
    ui.meeting.style.date = 'long'; // the default: not written
    expect(toWire(ui).organisations?.every((o) => !o.style)).toBe(true);
    ui.meeting.style.time = 'h';
    ui.meeting.style.apostrophe = 'curly';
    const org = toWire(ui).organisations!.find((o) => o.id === toWire(ui).meeting.organisation)!;
    // The schema's order, whatever the order set.
    expect(JSON.stringify(org.style)).toBe('{"apostrophe":"curly","time":"h"}');
    // Read back, the editor shows what was written.
    expect(toUi(toWire(ui), 'en').meeting.style).toEqual({ apostrophe: 'curly', time: 'h' });
  });

  it('gives back the upgraded worked example exactly', () => {
    expect(JSON.stringify(toWire(toUi(en, 'en')))).toBe(JSON.stringify(en));
  });

  it('strips every UI-only key', () => {
    const ui = toUi(en, 'en');
    expect(keysOf(ui).has('key')).toBe(true);
    const keys = keysOf(toWire(ui));
    for (const k of ['key', 'keep', 'part', 'text', 'headingRuns', 'captionRuns', 'place', 'position']) {
      if (k === 'position') continue; // a photo's and a dateline's own field
      expect(keys.has(k), k).toBe(false);
    }
  });

  it('ignores stray properties put on rows by the UI', () => {
    const ui = toUi(en, 'en');
    (ui.agenda[0] as unknown as Record<string, unknown>).expanded = true;
    (ui.agenda[0].quotes[0] as unknown as Record<string, unknown>).focus = 1;
    expect(keysOf(toWire(ui)).has('expanded')).toBe(false);
    expect(keysOf(toWire(ui)).has('focus')).toBe(false);
  });

  it('omits empty optional fields instead of sending ""', () => {
    const ui = toUi(en, 'en');
    ui.meeting.ends = '';
    ui.meeting.location = '   ';
    ui.meeting.timezone = '';
    ui.agenda[0].quotes[0].verb = '';
    ui.agenda[0].quotes[0].form = '';
    ui.people[1].short = '';
    ui.people[1].full = '';
    ui.release.updated = '';
    ui.release.photos[0].credit = '';
    const w = toWire(ui);
    expect(w.meeting).not.toHaveProperty('ends');
    expect(w.meeting).not.toHaveProperty('location');
    expect(w.meeting).not.toHaveProperty('timezone');
    expect(w.agenda[0].quotes![0]).not.toHaveProperty('verb');
    expect(w.agenda[0].quotes![0]).not.toHaveProperty('form');
    expect(w.people![1]).not.toHaveProperty('forms');
    expect(w.releases![0]).not.toHaveProperty('updated');
    expect(w.releases![0].photos![0]).not.toHaveProperty('credit');
  });

  it("carries a photo's image and alt text through, in the schema's order", () => {
    const doc = structuredClone(en);
    const sha = 'ab'.repeat(32);
    doc.releases![0].photos![0] = { id: doc.releases![0].photos![0].id, image: sha, caption: ['Boats'], alt: 'Two boats <moored> & "tied"', credit: 'X' };
    const ui = toUi(doc, 'en');
    expect(ui.release.photos[0].image).toBe(sha);
    expect(ui.release.photos[0].alt).toBe('Two boats <moored> & "tied"');
    const back = toWire(ui).releases![0].photos![0];
    expect(JSON.stringify(back)).toBe(JSON.stringify(doc.releases![0].photos![0]));
    ui.release.photos[0].alt = '';
    ui.release.photos[0].image = '';
    const bare = toWire(ui).releases![0].photos![0];
    expect(bare).not.toHaveProperty('alt');
    expect(bare).not.toHaveProperty('image');
  });

  it('keeps quotes without a speaker out of the file (drafts)', () => {
    const ui = toUi(en, 'en');
    ui.agenda[1].quotes.push(blankQuote(ui));
    expect(draftCount(ui)).toBe(1);
    expect(toWire(ui).agenda[1]).toEqual(en.agenda[1]);
  });

  it('adds a release only when something of it was typed', () => {
    const bare: MeetingDoc = { format: 'communique.meeting.v2', meeting: { title: 'T', starts: '2026-01-01', languages: ['en'] }, people: [], agenda: [], releases: [] };
    const ui = toUi(bare, 'en');
    expect(toWire(ui).releases).toEqual([]);
    ui.release.headline = 'H';
    expect(toWire(ui).releases).toEqual([{ language: 'en', headline: ['H'] }]);
  });

  it('writes an item’s part only when the release says something of it', () => {
    const ui = toUi(en, 'en');
    const item = blankItem(ui, 'New');
    ui.agenda.push(item);
    const parts = () => toWire(ui).releases![0].items!.map((p) => p.item);
    expect(parts()).not.toContain(item.id);
    item.part.heading = 'Sub-heading';
    expect(toWire(ui).releases![0].items!.at(-1)).toEqual({ item: item.id, heading: ['Sub-heading'] });
    item.part.heading = '';
    item.part.blocks = [{ id: 'p-new', p: ['Text.'] }];
    expect(toWire(ui).releases![0].items!.at(-1)).toEqual({ item: item.id, blocks: [{ id: 'p-new', p: ['Text.'] }] });
  });

  it('keeps the other languages’ texts and releases as they were', () => {
    const [, pair] = corpus.find(([n]) => n.startsWith('pair-energy-talks'))!;
    const ui = toUi(pair, 'fr');
    ui.people[0].full = 'Nouvelle forme';
    ui.agenda[0].quotes[0].text = 'Nouveaux mots';
    const w = toWire(ui);
    expect(w.releases![0]).toEqual(pair.releases![0]);
    expect(w.people![0].forms!.en).toEqual(pair.people![0].forms!.en);
    expect(w.people![0].forms!.fr!.full).toBe('Nouvelle forme');
    expect(w.agenda[0].quotes![0].words.en).toBe(pair.agenda[0].quotes![0].words.en);
    expect(w.agenda[0].quotes![0].words.fr).toBe('Nouveaux mots');
  });

  it('keeps a release’s own order of parts when it is not the agenda’s', () => {
    const doc = structuredClone(en);
    doc.releases![0].items!.reverse();
    const order = doc.releases![0].items!.map((p) => p.item);
    const ui = toUi(doc, 'en');
    expect(toWire(ui).releases![0].items!.map((p) => p.item)).toEqual(order);
    // An agenda in the release's order: moving an item moves its part.
    const ui2 = toUi(en, 'en');
    ui2.agenda.reverse();
    expect(toWire(ui2).releases![0].items!.map((p) => p.item)).toEqual(ui2.agenda.map((i) => i.id).filter((id) => order.includes(id)));
  });

  it('names the organisation by its name in the release’s language', () => {
    const ui = toUi(en, 'en');
    expect(ui.meeting.organisation).toBe('Northern Seas Council');
    ui.meeting.organisation = 'Council of the North';
    expect(toWire(ui).organisations).toEqual([{ id: 'org', name: { en: 'Council of the North' } }]);
    ui.meeting.organisation = '';
    const w = toWire(ui);
    expect(w).not.toHaveProperty('organisations');
    expect(w.meeting).not.toHaveProperty('organisation');
  });

  it('gives new rows unique keys and ids the file does not have', () => {
    const ui = toUi(en, 'en');
    const a = blankItem(ui);
    ui.agenda.push(a);
    const b = blankItem(ui);
    expect(a.id).not.toBe(b.id);
    expect(en.agenda.map((i) => i.id)).not.toContain(a.id);
    const q = blankQuote(ui);
    expect(en.agenda.flatMap((i) => i.quotes ?? []).map((x) => x.id)).not.toContain(q.id);
    expect(blankPhoto(ui).id).not.toBe(ui.release.photos[0].id);
    expect(new Set([a.key, b.key, q.key]).size).toBe(3);
    expect(freshRowId('item', ['item-1', 'item-2'])).toBe('item-3');
  });

  it('finds the quotes placed and the people mentioned anywhere in the release', () => {
    const ui = toUi(en, 'en');
    const inFile = [...JSON.stringify(en.releases).matchAll(/"quote":"([^"]+)"/g)].map((m) => m[1]);
    expect(inFile.length).toBeGreaterThan(0);
    expect([...placedQuoteIds(ui)].sort()).toEqual([...new Set(inFile)].sort());
    ui.release.closing = [{ id: 'c', p: ['Ask ', { person: 'chair' }, '.'] }, { id: 'b', blockquote: 'q-1-1' }];
    expect(mentionedPeople(ui).has('chair')).toBe(true);
    ui.agenda.forEach((i) => (i.part.blocks = []));
    expect([...placedQuoteIds(ui)]).toEqual(['q-1-1']);
  });

  it('moves the one release to another language, and back on undo', () => {
    const ui = toUi(en, 'en');
    const op = relabelLanguage(ui, 'fr' as Language)!;
    op.redo();
    const w = toWire(ui);
    expect(w.meeting.languages).toEqual(['fr']);
    expect(w.releases!.map((r) => r.language)).toEqual(['fr']);
    expect(w.people![0].forms).toHaveProperty('fr');
    expect(w.agenda[0].quotes![0].words).toHaveProperty('fr');
    op.undo();
    expect(JSON.stringify(toWire(ui))).toBe(JSON.stringify(en));
    const [, pair] = corpus.find(([n]) => n.startsWith('pair-energy-talks'))!;
    expect(relabelLanguage(toUi(pair, 'en'), 'fr')).toBeNull();
    expect(releasesToWire(toUi(pair, 'en')).length).toBe(2);
  });
});
