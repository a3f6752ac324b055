// What the working document holds whole stays outside Svelte's deep proxies (src/lib/kept.ts): a
// 300-item meeting made ~3,300 proxies, most of them for the release text's blocks and what the
// file carries through. Kept values are the very objects loaded (a proxy would be another
// object); the rows the editor edits field by field are still proxies.
import { describe, expect, it } from 'vitest';
import { toUi, toWire, type UiDoc } from '../../src/lib/doc';
import { isKept } from '../../src/lib/kept';
import { placeQuote, unplaceQuote } from '../../src/lib/ops';
import type { MeetingDoc } from '../../src/lib/types';

const files = import.meta.glob<MeetingDoc>('../../../core/tests/fixtures/corpus/*.meeting.json', { eager: true, import: 'default' });
const corpus = Object.values(files);
/** A corpus file with quotes placed, people with forms, several releases (two languages). */
const rich = corpus.find((f) => (f.releases?.length ?? 0) > 1 && f.agenda.some((i) => i.quotes?.length) && f.people?.length)!;

function opened(): { raw: UiDoc; doc: UiDoc } {
  const raw = toUi(rich as never, (rich.releases![0].language) as never);
  const doc = $state(raw);
  return { raw, doc };
}

describe('the working document', () => {
  it('has a file to check', () => expect(rich).toBeTruthy());

  it('holds blocks, runs and carried-through values as loaded, not as proxies', () => {
    const { raw, doc } = opened();
    // Edited field by field: proxied (another object than the loaded one), so the test can fail.
    expect(doc.agenda[0]).not.toBe(raw.agenda[0]);
    expect(doc.agenda[0].part).not.toBe(raw.agenda[0].part);
    doc.agenda.forEach((it, i) => {
      expect(it.part.blocks).toBe(raw.agenda[i].part.blocks);
      it.quotes.forEach((q, j) => expect(q.keep).toBe(raw.agenda[i].quotes[j].keep));
    });
    doc.people.forEach((p, i) => expect(p.keep).toBe(raw.people[i].keep));
    for (const k of ['lead', 'closing', 'contact', 'notes_to_editors'] as const) expect(doc.release[k]).toBe(raw.release[k]);
    expect(doc.keep.releases).toBe(raw.keep.releases);
    expect(doc.keep.organisations).toBe(raw.keep.organisations);
    expect(doc.keep.languages).not.toBe(raw.keep.languages); // switched from the header: reactive
  });

  it('gives the same file through the proxies as without them', () => {
    const { raw, doc } = opened();
    expect(JSON.stringify(toWire(doc))).toBe(JSON.stringify(toWire(raw)));
  });

  it('keeps blocks whole through structural edits and their undo', () => {
    const { doc } = opened();
    const item = doc.agenda.find((it) => it.quotes.length)!;
    const quote = item.quotes[0].id;
    const out = unplaceQuote(item, quote) ?? placeQuote(doc, item, quote)!;
    out.redo();
    expect(isKept(item.part.blocks)).toBe(true);
    out.undo();
    expect(isKept(item.part.blocks)).toBe(true);
  });

  it('serialises kept values as plain JSON', () => {
    const { doc } = opened();
    const blocks = doc.agenda[0].part.blocks;
    expect(isKept(blocks)).toBe(true);
    expect(Array.isArray(blocks)).toBe(true);
    expect(JSON.parse(JSON.stringify(blocks))).toEqual(structuredClone(blocks));
  });
});
