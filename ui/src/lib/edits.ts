// The structural edits of an open meeting (agenda items, quotes, speakers, photos), each one
// undo step, with the focus and the toasts that go with them.

import { blankItem, blankPerson, blankPhoto, blankQuote, placedIn, type UiPerson, type UiQuote } from './doc';
import { whole } from './kept';
import { nowIso, zoneOrUtc } from './time';
import type { OpenMeeting } from './meeting.svelte';
import * as ops from './ops';
import type { Language } from './types';
import { deriveSpeakerId } from './speakers';
import type { Toasts } from './toasts.svelte';

export class Edits {
  constructor(
    private readonly m: OpenMeeting,
    private readonly toasts: Toasts,
  ) {}

  addItemAfter(key: string | null): void {
    const doc = this.m.doc;
    const i = this.m.itemIndex(key);
    const at = i < 0 ? doc.agenda.length : i + 1;
    const item = blankItem(doc);
    this.m.currentItemKey = item.key;
    this.m.apply(ops.insertItem(doc, at, item), 'title');
  }

  deleteItem(key: string): void {
    const doc = this.m.doc;
    const item = doc.agenda.find((i) => i.key === key);
    // Its own part goes with it; a quote of it placed elsewhere in a release would be left dangling.
    const own = new Set(item ? placedIn(item.part.blocks) : []);
    const elsewhere = item?.quotes.find((q) => ops.quoteInUse(doc, q.id) && !own.has(q.id));
    if (elsewhere) {
      this.toasts.show('A quote of this item is placed in the release’s text elsewhere: take it out there first.', 'error');
      return;
    }
    const op = ops.deleteItem(doc, key);
    const title = doc.agenda.find((i) => i.key === key)?.title;
    this.m.apply(op, 'title');
    if (op.focusRedo) this.m.currentItemKey = op.focusRedo;
    this.toasts.show(title ? `Item “${title}” deleted` : 'Item deleted', 'info', {
      label: 'Undo',
      run: () => this.m.undoSpecific(op),
    });
  }

  moveItem(key: string, delta: number): void {
    const i = this.m.itemIndex(key);
    if (i < 0) return;
    this.m.apply(ops.moveItem(this.m.doc, key, i + delta));
  }

  moveItemTo(key: string, to: number): void {
    this.m.apply(ops.moveItem(this.m.doc, key, to));
  }

  /** A sensible speaker for a new quote: the item's last speaker, else the meeting's last one. */
  private guessSpeaker(itemKey: string): string {
    const doc = this.m.doc;
    const item = doc.agenda.find((i) => i.key === itemKey);
    const fromItem = item?.quotes.findLast((q) => q.speaker)?.speaker;
    if (fromItem) return fromItem;
    for (let i = doc.agenda.length - 1; i >= 0; i -= 1) {
      const s = doc.agenda[i].quotes.findLast((q) => q.speaker)?.speaker;
      if (s) return s;
    }
    return doc.people.length === 1 ? doc.people[0].id : '';
  }

  /** A new quote in item `itemKey` (else the current item, else the last; a first item if none).
   * Captured (`capture`, the hotkey): the row asks who speaks first, then takes the words. */
  addQuote(itemKey: string | null, capture = false): void {
    const focus = capture ? 'speaker' : 'quote';
    const doc = this.m.doc;
    let key = itemKey ?? this.m.currentItemKey;
    if (!key || this.m.itemIndex(key) < 0) key = doc.agenda[doc.agenda.length - 1]?.key ?? null;
    const said = capture ? nowIso(zoneOrUtc(doc.meeting.timezone.trim())) : '';
    if (!key) {
      const item = blankItem(doc);
      const quote = blankQuote(doc, this.guessSpeaker(item.key), said);
      item.quotes.push(quote);
      if (quote.speaker) item.part.blocks = whole([{ id: 'p-1', p: [{ quote: quote.id }] }]);
      this.m.currentItemKey = item.key;
      if (capture) this.m.capturing = quote.key;
      this.m.apply({ ...ops.insertItem(doc, doc.agenda.length, item), focusRedo: quote.key }, focus);
      return;
    }
    const item = doc.agenda.find((i) => i.key === key)!;
    const quote = blankQuote(doc, this.guessSpeaker(key), said);
    this.m.currentItemKey = key;
    if (capture) this.m.capturing = quote.key;
    // A quote with a speaker goes into the release at the end of the item's text, as v1 put it
    // (a draft, once it has one): the officer moves it in the text, or takes it out there.
    const insert = ops.insertQuote(doc, key, item.quotes.length, quote);
    const place = quote.speaker ? ops.placeQuote(doc, item, quote.id) : null;
    this.m.apply(place ? { ...ops.group('Add quote', [insert, place]), focusRedo: quote.key } : insert, focus);
  }

  /** The quote's speaker is `id`; a draft that gets its first one is placed in the release too. */
  setSpeaker(itemKey: string, quote: UiQuote, id: string, label = 'Change speaker'): void {
    const doc = this.m.doc;
    const item = doc.agenda.find((i) => i.key === itemKey);
    const place = item && quote.speaker === '' && quote.in_release && !ops.quoteInUse(doc, quote.id) ? ops.placeQuote(doc, item, quote.id) : null;
    this.m.apply(ops.group(label, [ops.setField(quote, 'speaker', id, label), place]));
  }

  /** On or off the record: off takes it out of the item's text (refused while placed elsewhere). */
  setOnRecord(itemKey: string, quote: UiQuote, on: boolean): void {
    const doc = this.m.doc;
    const item = doc.agenda.find((i) => i.key === itemKey);
    if (!item) return;
    if (!on && ops.placedOutside(doc, item, quote.id)) {
      this.toasts.show('This quote is placed elsewhere in a release’s text: take it out there before keeping it off the record.', 'error');
      return;
    }
    const set = ops.setField(quote, 'in_release', on, on ? 'Put quote in release' : 'Keep quote out of release');
    const text = on ? (quote.speaker && !ops.quoteInUse(doc, quote.id) ? ops.placeQuote(doc, item, quote.id) : null) : ops.unplaceQuote(item, quote.id);
    this.m.apply(ops.group(on ? 'Put quote in release' : 'Keep quote out of release', on ? [set, text] : [text, set]));
  }

  deleteQuote(itemKey: string, quoteKey: string): void {
    const item = this.m.doc.agenda.find((i) => i.key === itemKey);
    const q = item?.quotes.find((x) => x.key === quoteKey);
    if (item && q && ops.placedOutside(this.m.doc, item, q.id)) {
      this.toasts.show('This quote is placed elsewhere in a release’s text: take it out there first.', 'error');
      return;
    }
    // Deleted, it leaves the item's text too, in the same undo step.
    const op = ops.group('Delete quote', [item && q ? ops.unplaceQuote(item, q.id) : null, ops.deleteQuote(this.m.doc, itemKey, quoteKey)]);
    this.m.apply({ ...op, focusRedo: op.focusRedo ?? itemKey }, 'title');
    this.toasts.show('Quote deleted', 'info', { label: 'Undo', run: () => this.m.undoSpecific(op) });
  }

  moveQuote(itemKey: string, quoteKey: string, delta: number): void {
    const item = this.m.doc.agenda.find((i) => i.key === itemKey);
    const i = item?.quotes.findIndex((q) => q.key === quoteKey) ?? -1;
    if (i < 0) return;
    this.m.apply(ops.moveQuote(this.m.doc, itemKey, quoteKey, i + delta));
  }

  /** Adds a person from the inline form and makes them the quote's speaker, as one undo step. */
  addSpeaker(quote: UiQuote, fields: { name: string; full: string; role: string; short: string; pronoun?: string }): string | null {
    const doc = this.m.doc;
    const name = fields.name.trim();
    if (!name) return null;
    const person: UiPerson = blankPerson(deriveSpeakerId(name, doc.people.map((p) => p.id)), name, {
      full: fields.full.trim(),
      role: fields.role.trim(),
      short: fields.short.trim(),
      pronoun: fields.pronoun?.trim() ?? '',
    });
    const item = doc.agenda.find((i) => i.quotes.includes(quote));
    const place = item && quote.speaker === '' && quote.in_release && !ops.quoteInUse(doc, quote.id) ? ops.placeQuote(doc, item, quote.id) : null;
    this.m.apply(ops.group('Add speaker', [ops.addPerson(doc, person), ops.setField(quote, 'speaker', person.id, 'Set speaker'), place]));
    return person.id;
  }

  addPhoto(): void {
    const photo = blankPhoto(this.m.doc);
    this.m.apply(ops.addPhoto(this.m.doc, photo));
    this.m.focus({ kind: 'photo', key: photo.key });
  }

  /** The release is in another language (a meeting published in one language only). */
  setLanguage(lang: string): void {
    this.m.apply(ops.relabelLanguage(this.m.doc, lang as Language));
  }
}
