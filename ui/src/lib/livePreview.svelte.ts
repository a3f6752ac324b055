// The release preview of one opened meeting, kept live by the shell (`preview_edit`, core's
// `LivePreview`): the first request sends the whole document, every later one only the parts
// edited since (one agenda item, the meeting's details, the people, the release's fields), and the
// answer is only the preview's blocks that read differently. In a 300-item meeting a keystroke
// sends one item and gets back one paragraph, instead of the whole document and the whole release.
//
// One request at a time: parts edited while one is out are sent together in the next. Whatever
// goes wrong, the next request sends the whole document again (a structural edit does too).

import {
  itemToWire,
  meetingToWire,
  organisationsToWire,
  partsToWire,
  peopleToWire,
  releaseHeadToWire,
  releaseIndexOf,
  toWire,
  type UiDoc,
} from './doc';
import { api, toAppError } from './ipc';
import { coalesce, debounce } from './timing';
import type { ItemPart } from './bindings';
import type { AppError, Attributed, DocPartV2, PreviewParts, PreviewUpdate, ReleaseFacts } from './types';

export const FACTS_DELAY = 250;

/** Where an edit was made: one agenda item (its key), or one of the document's other parts. */
/** `text`: only what the release says of the item changed (its part), not the item itself. */
export type Changed = { item: string; text?: boolean } | 'meeting' | 'people' | 'release';

/** Blocks `start .. start + removed` of render `base` became `blocks`. */
export interface Splice {
  base: number;
  start: number;
  removed: number;
  blocks: string[];
}

/** What the preview shows: render `render`'s parts, and, when that is all that changed, the splice from the render before. */
export interface Shown {
  render: number;
  parts: PreviewParts;
  splice: Splice | null;
}

interface Dirty {
  all: boolean;
  items: Set<string>;
  /** Items whose part in the release changed, the item itself not. */
  texts: Set<string>;
  meeting: boolean;
  people: boolean;
  release: boolean;
}

const clean = (): Dirty => ({ all: false, items: new Set(), texts: new Set(), meeting: false, people: false, release: false });

let sessions = Math.floor(Math.random() * 1e6);

export class LivePreview {
  shown = $state.raw<Shown>({ render: 0, parts: { head: '', blocks: [], tail: '' }, splice: null });
  error = $state<AppError | null>(null);
  /** How the release shown names each attributed quote's speaker, by quote id (core's reading). */
  attributions = $state.raw<Map<string, Attributed>>(new Map());
  /** The release's length in words (core's plain text). */
  words = $state(0);
  /** Asked for a little after the preview settles: not on every keystroke. */
  private readonly askFacts = debounce(() => void this.fetchFacts(), FACTS_DELAY);

  private readonly session = (sessions = (sessions + 1) % 2 ** 31);
  private dirty: Dirty = { ...clean(), all: true };
  private closed = false;
  private readonly schedule = coalesce(() => this.send());

  /** `parts`: the preview of `doc` as it was opened (the shell rendered it with the document). */
  constructor(private readonly doc: UiDoc, parts: PreviewParts, facts: ReleaseFacts = { attributions: [], words: 0 }) {
    this.shown = { render: 0, parts, splice: null };
    this.takeFacts(facts);
  }

  private takeFacts(f: ReleaseFacts): void {
    this.attributions = new Map(f.attributions.map((a) => [a.quote, a]));
    this.words = f.words;
  }

  /** Something changed (`where`; nothing named: anywhere): refresh now, or right after the request out. */
  changed(where?: Changed): void {
    const d = this.dirty;
    if (where === undefined) d.all = true;
    else if (typeof where === 'object') (where.text ? d.texts : d.items).add(where.item);
    else d[where] = true;
    this.schedule();
  }

  /** Nothing is shown from now on (the meeting was left). */
  close(): void {
    this.closed = true;
  }

  private async send(): Promise<void> {
    for (let attempt = 0; attempt < 2 && !this.closed; attempt += 1) {
      const dirty = this.dirty;
      this.dirty = clean();
      let update: PreviewUpdate;
      try {
        update = await this.request(dirty);
      } catch (e) {
        if (this.closed) return;
        this.error = toAppError(e);
        // A document the shell refused is kept there as patched; anything else: resend it whole.
        if (this.error.code !== 'invalid_input') this.dirty.all = true;
        return;
      }
      if (this.closed) return;
      if (update.kind === 'resend') {
        this.dirty.all = true;
        continue;
      }
      this.error = null;
      this.show(update);
      return;
    }
  }

  /** The releases' shape as last sent (their count, the items each part is of): a part added or
   * taken out of the release changes it, and the document is sent whole. */
  private sentShape = '';

  /** The releases' shape: whether the edited release exists (a release added is a new one in the
   * list), and the items it has parts for. */
  private shape(order: ItemPart[]): string {
    const doc = this.doc;
    const exists = doc.keep.releaseIndex >= 0 || order.length > 0 || releaseHeadToWire(doc) !== null;
    return JSON.stringify([exists, order.map((p) => p.item)]);
  }

  private request(d: Dirty): Promise<PreviewUpdate> {
    const doc = this.doc;
    const shown = this.shown.render;
    const lang = doc.language;
    const order = partsToWire(doc);
    const shape = this.shape(order);
    const whole = () => {
      this.sentShape = shape;
      return api.previewEditV2(this.session, shown, lang, toWire(doc), []);
    };
    if (d.all || shape !== this.sentShape) return whole();
    const parts: DocPartV2[] = [];
    const release = releaseIndexOf(doc);
    if (d.meeting) {
      parts.push({ part: 'meeting', value: meetingToWire(doc) });
      parts.push({ part: 'organisations', value: organisationsToWire(doc) });
    }
    if (d.people) parts.push({ part: 'people', value: peopleToWire(doc) });
    if (d.release) {
      const head = releaseHeadToWire(doc);
      if (!head) return whole();
      parts.push({ part: 'release_head', index: release, value: head });
    }
    if (d.items.size || d.texts.size) {
      for (const key of new Set([...d.items, ...d.texts])) {
        const index = doc.agenda.findIndex((i) => i.key === key);
        if (index < 0) return whole();
        const item = doc.agenda[index];
        if (d.items.has(key)) parts.push({ part: 'item', index, value: itemToWire(doc, item) });
        const at = order.findIndex((p) => p.item === item.id);
        if (at >= 0) parts.push({ part: 'release_item', release, index: at, value: order[at] });
      }
    }
    return api.previewEditV2(this.session, shown, lang, null, parts);
  }

  private async fetchFacts(): Promise<void> {
    if (this.closed) return;
    try {
      const facts = await api.previewFacts(this.session);
      if (!this.closed) this.takeFacts(facts);
    } catch {
      // Only a hint beside the quotes: the next preview asks again.
    }
  }

  private show(update: Exclude<PreviewUpdate, { kind: 'resend' }>): void {
    this.askFacts();
    if (update.kind === 'whole') {
      this.shown = { render: update.render, parts: update.preview, splice: null };
      return;
    }
    const { head, blocks, tail } = this.shown.parts;
    const next = blocks.slice();
    next.splice(update.start, update.removed, ...update.blocks);
    const splice = { base: update.base, start: update.start, removed: update.removed, blocks: update.blocks };
    this.shown = { render: update.render, parts: { head, blocks: next, tail }, splice };
  }
}

/** The parts joined: the preview's HTML, as `render::preview` writes it. */
export function previewHtml(parts: PreviewParts): string {
  return parts.head + parts.blocks.join('') + parts.tail;
}
