// The release-text editor (ReleaseText.svelte) mounted in jsdom: typing, the quote picker, the
// attribution popover, `@` mentions, input rules, lists, undo, pastes and blocks from outside,
// each checked against the exact v2 blocks it emits. Runes work here (a `.svelte.` test file).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import payloads from '../../../tests/xss-payloads.json';
import type { EditorView } from 'prosemirror-view';
import { TextSelection } from 'prosemirror-state';
import ReleaseText from '../../src/components/ReleaseText.svelte';
import type { Block, Language, PersonV2, QuoteV2 } from '../../src/lib/bindings';
import { freshId } from '../../src/lib/prose/ids';
import { seeded } from '../../src/lib/prose/testgen';
import { PEOPLE, QUOTES } from '../fixtures/releaseText';

const PAYLOADS: string[] = payloads;

beforeAll(() => {
  // jsdom lays nothing out; ProseMirror asks for rectangles when it scrolls the cursor into view.
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect;
  const list = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = rect;
  Range.prototype.getClientRects = list;
  Element.prototype.getClientRects = list;
  document.elementFromPoint = () => null;
  // jsdom has no ClipboardEvent (EditorView.pasteHTML makes one).
  if (typeof ClipboardEvent === 'undefined') {
    (globalThis as { ClipboardEvent?: unknown }).ClipboardEvent = class extends Event {
      clipboardData = null;
    };
  }
});

type Props = {
  blocks: Block[];
  people: PersonV2[];
  quotes: QuoteV2[];
  language: Language;
  reserved: string[];
  label: string;
  onchange: (b: Block[]) => void;
  random: () => number;
};

let target: HTMLElement;
let app: ReturnType<typeof mount> & { getView(): EditorView | null };
let props: Props;
let emitted: Block[][];
/** The ids the editor will give, in order (the same seeded source). */
let nextId: () => string;

function start(blocks: Block[], language: Language = 'en') {
  emitted = [];
  const p: Props = $state({
    blocks,
    people: PEOPLE,
    quotes: QUOTES,
    language,
    reserved: ['lead', 'closing', 'p-other'],
    label: 'Lead',
    onchange: (b: Block[]) => {
      emitted.push(b);
    },
    random: seeded(42),
  });
  props = p;
  const ids = seeded(42);
  nextId = () => freshId(new Set(), ids);
  target = document.createElement('div');
  document.body.append(target);
  app = mount(ReleaseText, { target, props: p }) as typeof app;
  flushSync();
}

afterEach(() => {
  unmount(app);
  target.remove();
});

const view = () => app.getView()!;
const last = () => emitted[emitted.length - 1];
const q = <T extends Element = HTMLElement>(sel: string) => target.querySelector(sel) as T | null;

/** Types text as the keyboard would (through the editor's text input handlers: input rules, `@`). */
function type(text: string) {
  for (const ch of text) {
    const v = view();
    const { from, to } = v.state.selection;
    const deflt = () => v.state.tr.insertText(ch, from, to);
    if (!v.someProp('handleTextInput', (f) => f(v, from, to, ch, deflt))) v.dispatch(deflt());
  }
  flushSync();
}

const CODES: Record<string, number> = { Q: 81, A: 65, K: 75, '*': 56, '&': 55, '2': 50, '0': 48, z: 90, Z: 90, y: 89 };

/** A key press on `el` (the editor by default): `press('Mod-Shift-Q')`. */
function press(combo: string, el: Element = view().dom) {
  const parts = combo.split('-');
  const key = parts.pop()!;
  const e = new KeyboardEvent('keydown', {
    key,
    keyCode: CODES[key] ?? 0,
    ctrlKey: parts.includes('Mod'),
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
    bubbles: true,
    cancelable: true,
  });
  el.dispatchEvent(e);
  flushSync();
  return e;
}

function fill(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

const options = () => [...target.querySelectorAll('[role="option"]')].map((o) => (o as HTMLElement).dataset.id);

describe('ReleaseText', () => {
  beforeEach(() => start([{ id: 'lead', p: [] }]));

  it('is a labelled multi-line textbox', () => {
    const dom = view().dom;
    expect(dom.getAttribute('role')).toBe('textbox');
    expect(dom.getAttribute('aria-multiline')).toBe('true');
    expect(dom.getAttribute('aria-label')).toBe('Lead');
    expect(dom.getAttribute('contenteditable')).toBe('true');
  });

  it('the whole workflow by keyboard emits the exact v2 blocks', () => {
    type('Ministers agreed that the plan was ');
    expect(last()).toEqual([{ id: 'lead', p: ['Ministers agreed that the plan was '] }]);

    // Mod+Shift+Q: the quotes not placed yet (not the one off the record), filtered as typed.
    press('Mod-Shift-Q');
    const filter = q<HTMLInputElement>('[data-testid="quote-picker"] input')!;
    expect(filter.getAttribute('role')).toBe('combobox');
    expect(options()).toEqual(['q1', 'q2', 'q3']);
    expect(filter.getAttribute('aria-activedescendant')).toBe(q('[role="option"]')!.id);
    fill(filter, 'ready');
    expect(options()).toEqual(['q2']);
    press('Enter', filter);
    expect(q('[data-testid="quote-picker"]')).toBeNull();
    expect(last()).toEqual([{ id: 'lead', p: ['Ministers agreed that the plan was ', { quote: 'q2' }] }]);
    const chip = q('.pm-quote')!;
    expect(chip.querySelector('.words')!.textContent).toBe('“ready to go”');
    expect(chip.querySelector('.who')!.textContent).toBe('Ms Ruiz');
    expect(chip.dataset.where).toBe('after');
    expect(chip.getAttribute('contenteditable')).toBe('false');

    // Mod+Shift+A with the cursor after the chip: the attribution popover; none is a fragment.
    press('Mod-Shift-A');
    const dialog = q('[data-testid="attribution-popover"]')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    (dialog.querySelector('input[value="none"]') as HTMLInputElement).click();
    flushSync();
    expect(last()).toEqual([{ id: 'lead', p: ['Ministers agreed that the plan was ', { quote: 'q2', attribution: 'none' }] }]);
    expect(q('.pm-quote')!.dataset.where).toBe('none');
    press('Escape', dialog);
    expect(q('[data-testid="attribution-popover"]')).toBeNull();

    // Escape puts the cursor right after the quote.
    type(' next year.');
    const p1: Block = { id: 'lead', p: ['Ministers agreed that the plan was ', { quote: 'q2', attribution: 'none' }, ' next year.'] };
    expect(last()).toEqual([p1]);

    // Enter, then `@` mentions a person, filtered as typed.
    press('Enter');
    const id2 = nextId();
    type('@an');
    expect(q('[data-testid="mention-picker"]')).not.toBeNull();
    expect(options()).toEqual(['sg']);
    expect(view().dom.getAttribute('aria-activedescendant')).toBe(q('[role="option"]')!.id);
    expect(view().dom.getAttribute('aria-controls')).toBe(q('[role="listbox"]')!.id);
    press('Enter');
    expect(q('[data-testid="mention-picker"]')).toBeNull();
    expect(view().dom.hasAttribute('aria-activedescendant')).toBe(false);
    type(' opened the meeting.');
    const p2: Block = { id: id2, p: [{ person: 'sg' }, ' opened the meeting.'] };
    expect(last()).toEqual([p1, p2]);
    expect(q('.pm-mention')!.textContent).toBe('Ana Ruiz');

    // Input rules: `## ` a sub-heading, `- ` a bulleted list.
    press('Enter');
    const id3 = nextId();
    type('## Fisheries');
    const h: Block = { id: id3, h: ['Fisheries'] };
    expect(last()).toEqual([p1, p2, h]);
    press('Enter');
    const id4 = nextId();
    type('- Border security');
    press('Enter');
    type('Demining');
    const list: Block = { id: id4, list: 'bulleted', entries: [['Border security'], ['Demining']] };
    expect(last()).toEqual([p1, p2, h, list]);

    // Enter on an empty entry leaves the list; a quote placed there, attributed before, with a verb and a form.
    press('Enter');
    press('Enter');
    const id5 = nextId();
    expect(last()).toEqual([p1, p2, h, list, { id: id5, p: [] }]);
    press('Mod-Shift-Q');
    expect(options()).toEqual(['q1', 'q3']);
    press('Enter', q('[data-testid="quote-picker"] input')!);
    press('Mod-Shift-A');
    const pop = q('[data-testid="attribution-popover"]')!;
    (pop.querySelector('input[value="before"]') as HTMLInputElement).click();
    flushSync();
    const verb = pop.querySelector<HTMLInputElement>('[data-testid="attribution-verb"]')!;
    expect(verb.placeholder).toBe('said');
    verb.value = 'stressed';
    verb.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    const form = pop.querySelector<HTMLSelectElement>('[data-testid="attribution-form"]')!;
    form.value = 'full';
    form.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    const full: Block = { id: id5, p: [{ quote: 'q1', attribution: 'before', verb: 'stressed', form: 'full' }] };
    expect(last()).toEqual([p1, p2, h, list, full]);
    expect(q('.pm-quote[data-quote="q1"]')!.dataset.where).toBe('before');
    press('Escape', pop);

    // Undo: each attribute change is a step of its own; redo brings it back.
    press('Mod-z');
    expect(last()).toEqual([p1, p2, h, list, { id: id5, p: [{ quote: 'q1', attribution: 'before', verb: 'stressed' }] }]);
    press('Mod-z');
    expect(last()).toEqual([p1, p2, h, list, { id: id5, p: [{ quote: 'q1', attribution: 'before' }] }]);
    press('Mod-Shift-Z');
    expect(last()).toEqual([p1, p2, h, list, { id: id5, p: [{ quote: 'q1', attribution: 'before', verb: 'stressed' }] }]);
    press('Mod-y');
    expect(last()).toEqual([p1, p2, h, list, full]);
  });

  it('Escape closes the quote picker, and nothing is placed; no quote left: it says so', () => {
    type('Text ');
    press('Mod-Shift-Q');
    press('Escape', q('[data-testid="quote-picker"] input')!);
    expect(q('[data-testid="quote-picker"]')).toBeNull();
    expect(last()).toEqual([{ id: 'lead', p: ['Text '] }]);
    start([{ id: 'lead', p: [{ quote: 'q1' }, { quote: 'q2' }, { quote: 'q3' }] }]);
    press('Mod-Shift-Q');
    expect(options()).toEqual([]);
    expect(q('[data-testid="quote-picker"] [role="status"]')!.textContent!.trim()).toBe('Every quote is placed.');
  });

  it('Escape leaves a typed @ as text; Backspace right after an input rule takes it back', () => {
    type('Hello @jo');
    expect(options()).toEqual(['fm']);
    press('Escape');
    expect(q('[data-testid="mention-picker"]')).toBeNull();
    type('x');
    expect(last()).toEqual([{ id: 'lead', p: ['Hello @jox'] }]);
    // `@` inside a word (an address) opens nothing.
    type(' press@');
    expect(q('[data-testid="mention-picker"]')).toBeNull();

    start([{ id: 'lead', p: [] }]);
    type('1. ');
    expect(last()).toEqual([{ id: 'lead', list: 'numbered', entries: [[]] }]);
    press('Backspace');
    expect(last()).toEqual([{ id: 'lead', p: ['1. '] }]);
  });

  it('block shortcuts: Mod+Alt+2, Mod+Shift+8, Mod+Shift+7, Mod+Alt+0, keeping the id', () => {
    type('Border security');
    press('Mod-Alt-2');
    expect(last()).toEqual([{ id: 'lead', h: ['Border security'] }]);
    press('Mod-Shift-*');
    expect(last()).toEqual([{ id: 'lead', list: 'bulleted', entries: [['Border security']] }]);
    press('Mod-Shift-&');
    expect(last()).toEqual([{ id: 'lead', list: 'numbered', entries: [['Border security']] }]);
    press('Mod-Alt-0');
    expect(last()).toEqual([{ id: 'lead', p: ['Border security'] }]);
    const select = q<HTMLSelectElement>('[data-testid="block-type"]')!;
    expect(select.value).toBe('paragraph');
    select.value = 'heading';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(last()).toEqual([{ id: 'lead', h: ['Border security'] }]);
  });

  it('Mod+K links the selection with an address core accepts, and says why it refuses others', () => {
    type('Read the plan.');
    const v = view();
    v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, 10, 14)));
    press('Mod-K');
    const input = q<HTMLInputElement>('[data-testid="link-field"] input')!;
    fill(input, 'javascript:alert(1)');
    press('Enter', input);
    expect(q('[data-testid="link-field"] [role="alert"]')!.textContent).toMatch(/Only https:\/\/, http:\/\/ or mailto:/);
    expect(last()).toEqual([{ id: 'lead', p: ['Read the plan.'] }]);
    fill(input, 'https://example.org/plan');
    press('Enter', input);
    expect(q('[data-testid="link-field"]')).toBeNull();
    expect(last()).toEqual([{ id: 'lead', p: ['Read the ', { link: 'https://example.org/plan', text: ['plan'] }, '.'] }]);
  });

  it('the chips follow the language', () => {
    start([{ id: 'lead', p: [{ quote: 'q1', attribution: 'before' }, ' ', { quote: 'q3' }, ' ', { person: 'sg', form: 'role' }] }], 'fr');
    const chips = () => [...target.querySelectorAll('.pm-chip')].map((c) => c.firstChild!.textContent + '|' + (c.querySelector('.words')?.textContent ?? ''));
    expect(chips()[0]).toBe('Mme Ruiz|«\u00a0Nous agissons ensemble, car la mer…\u00a0»');
    expect(target.querySelectorAll('.pm-chip.problem').length).toBe(1); // q3 has no French words
    props.language = 'en';
    flushSync();
    expect(chips()[0]).toBe('Ms Ruiz|“We act together, because the sea…”');
    expect(target.querySelector('.pm-mention')!.textContent).toBe('the Secretary General');
    expect(emitted).toEqual([]);
  });
});

describe('paste', () => {
  beforeEach(() => start([{ id: 'lead', p: [] }]));

  it.each(PAYLOADS.map((p, i) => [i, p]))('hostile HTML %i gives only text runs', (_i, payload) => {
    view().pasteHTML(`<p>Before ${payload} after</p>`);
    flushSync();
    const blocks = last() ?? [];
    for (const b of blocks) {
      expect(Object.keys(b).sort()).toEqual(['id', 'p']);
      for (const r of (b as { p: unknown[] }).p) expect(typeof r).toBe('string');
    }
    expect(document.documentElement.hasAttribute('data-xss')).toBe(false);
    expect(view().dom.querySelectorAll('script, img, svg, iframe, object, style, meta, a, details, math, [onerror], [onload]').length).toBe(0);
  });

  it('hostile text pasted is text, each line a paragraph', () => {
    view().pasteText('<script>alert(1)</script>\n\n<b>bold</b>');
    flushSync();
    expect(last()).toEqual([
      { id: 'lead', p: ['<script>alert(1)</script>'] },
      { id: nextId(), p: ['<b>bold</b>'] },
    ]);
  });

  it('keeps checked links, drops unknown or placed quotes and unknown people', () => {
    start([{ id: 'lead', p: [{ quote: 'q2' }, ' '] }]);
    const v = view();
    v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, v.state.doc.content.size - 1)));
    v.pasteHTML(
      '<span>See <a href="https://example.org">this</a> and <a href="javascript:x()">that</a></span>' +
        '<span data-pm="quote" data-quote="q2"></span><span data-pm="quote" data-quote="nope"></span>' +
        '<span data-pm="quote" data-quote="q3"></span><span data-pm="mention" data-person="sg"></span><span data-pm="mention" data-person="ghost"></span>',
    );
    flushSync();
    expect(last()).toEqual([
      { id: 'lead', p: [{ quote: 'q2' }, ' See ', { link: 'https://example.org', text: ['this'] }, ' and that', { quote: 'q3' }, { person: 'sg' }] },
    ]);
  });
});

describe('blocks from outside', () => {
  it('equal to what it emitted: nothing is reset; different: the document is replaced, nothing emitted', () => {
    start([{ id: 'lead', p: [] }]);
    type('One.');
    const doc = view().state.doc;
    props.blocks = structuredClone(last());
    flushSync();
    expect(view().state.doc).toBe(doc);
    const n = emitted.length;
    props.blocks = [{ id: 'lead', p: ['Two.'] }, { id: 'x1', h: ['Three'] }];
    flushSync();
    expect(view().state.doc.textContent).toBe('Two.Three');
    expect(emitted.length).toBe(n);
    type('!');
    expect(last()[0]).toEqual({ id: 'lead', p: ['Two.!'] });
  });
});
