import { describe, expect, it } from 'vitest';
import { blankItem, blankQuote, draftCount, toUi, toWire } from '../../src/lib/doc';
import type { MeetingDoc } from '../../src/lib/types';
import fisheriesEn from '../fixtures/fisheries-en.meeting.json';
import fisheriesFr from '../fixtures/fisheries-fr.meeting.json';

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

/** The file with its defaults written out (what toWire always sends). */
function withDefaults(doc: MeetingDoc): MeetingDoc {
  const d = structuredClone(doc);
  for (const it of d.agenda) {
    it.notes ??= '';
    it.summary ??= '';
    it.in_release ??= true;
    it.quotes ??= [];
    for (const q of it.quotes) q.in_release ??= true;
  }
  return d;
}

describe('toWire(toUi(doc))', () => {
  it.each([
    ['en', fisheriesEn],
    ['fr', fisheriesFr],
  ])('keeps the %s worked example, with defaults written out', (_, file) => {
    const doc = file as MeetingDoc;
    expect(toWire(toUi(doc))).toEqual(withDefaults(doc));
  });

  it('strips every UI-only key', () => {
    const ui = toUi(fisheriesEn as MeetingDoc);
    expect(keysOf(ui).has('key')).toBe(true);
    const wire = toWire(ui);
    const keys = keysOf(wire);
    expect(keys.has('key')).toBe(false);
    expect(keys.has('hadRelease')).toBe(false);
  });

  it('ignores stray properties put on rows by the UI', () => {
    const ui = toUi(fisheriesEn as MeetingDoc);
    (ui.agenda[0] as unknown as Record<string, unknown>).expanded = true;
    (ui.agenda[0].quotes[0] as unknown as Record<string, unknown>).focus = 1;
    expect(keysOf(toWire(ui)).has('expanded')).toBe(false);
    expect(keysOf(toWire(ui)).has('focus')).toBe(false);
  });

  it('omits empty optional fields instead of sending ""', () => {
    const ui = toUi(fisheriesEn as MeetingDoc);
    ui.meeting.ends = '';
    ui.meeting.organisation = '   ';
    ui.meeting.timezone = '';
    ui.agenda[0].quotes[0].verb = '';
    ui.agenda[0].quotes[0].form = '';
    ui.people[1].role = '';
    ui.release.updated = '';
    ui.release.photos[0].credit = '';
    const w = toWire(ui);
    expect(w.meeting).not.toHaveProperty('ends');
    expect(w.meeting).not.toHaveProperty('organisation');
    expect(w.meeting).not.toHaveProperty('timezone');
    expect(w.agenda[0].quotes![0]).not.toHaveProperty('verb');
    expect(w.agenda[0].quotes![0]).not.toHaveProperty('form');
    expect(w.people![1]).not.toHaveProperty('role');
    expect(w.release).not.toHaveProperty('updated');
    expect(w.release!.photos![0]).not.toHaveProperty('credit');
  });

  it('keeps quotes without a speaker out of the file (drafts)', () => {
    const ui = toUi(fisheriesEn as MeetingDoc);
    ui.agenda[1].quotes.push(blankQuote());
    expect(draftCount(ui)).toBe(1);
    expect(toWire(ui).agenda[1].quotes).toEqual([]);
  });

  it('adds a release only when there was one or something was typed', () => {
    const bare: MeetingDoc = { format: 'communique.meeting.v1', meeting: { title: 'T', language: 'en', starts: '2026-01-01' }, agenda: [] };
    const ui = toUi(bare);
    expect(toWire(ui)).not.toHaveProperty('release');
    ui.release.headline = 'H';
    expect(toWire(ui).release).toEqual({ headline: 'H', lead: '', closing: '', photos: [] });
    const empty = toUi({ ...bare, release: { headline: '', lead: '', closing: '', photos: [] } });
    expect(toWire(empty).release).toEqual({ headline: '', lead: '', closing: '', photos: [] });
  });

  it('gives new rows unique keys', () => {
    const keys = new Set([blankItem().key, blankItem().key, blankQuote().key, blankQuote().key]);
    expect(keys.size).toBe(4);
  });
});
