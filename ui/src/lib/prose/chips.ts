// What the editor's inline atoms show (ReleaseText.svelte): a quote chip shows the start of the
// quote's words in the release's language, its speaker's short name and where the attribution
// goes; a mention chip shows the person's name (or the form the span names). The composer writes
// the real words, marks and attribution; a chip only says what the span stands for.

import type { Node } from 'prosemirror-model';
import type { NodeView } from 'prosemirror-view';
import type { Attribution, FormV2, Language, PersonV2, QuoteV2 } from '../bindings';
import { LANGUAGES } from '../bindings';

export type ChipContext = {
  people: ReadonlyMap<string, PersonV2>;
  quotes: ReadonlyMap<string, QuoteV2>;
  language: Language;
};

export function chipContext(people: readonly PersonV2[], quotes: readonly QuoteV2[], language: Language): ChipContext {
  return { people: new Map(people.map((p) => [p.id, p])), quotes: new Map(quotes.map((q) => [q.id, q])), language };
}

/** The language's verb when neither the span nor the quote names one (core's defaults). */
export const DEFAULT_VERB = Object.fromEntries(LANGUAGES.map((l) => [l.tag, l.default_verb])) as Record<Language, string>;

const MARKS = Object.fromEntries(LANGUAGES.map((l) => [l.tag, [l.open_quote + l.quote_padding, l.quote_padding + l.close_quote]])) as Record<Language, [string, string]>;

/** The attributions, in the order the popover offers them (`attributionExample`: what each reads like). */
export const ATTRIBUTIONS: { value: Attribution; label: string }[] = [
  { value: 'after', label: 'After, verb first' },
  { value: 'after-subject', label: 'After, name first' },
  { value: 'before', label: 'Before' },
  { value: 'before-that', label: 'Before, with “that”' },
  { value: 'added', label: 'Added' },
  { value: 'none', label: 'None (a fragment)' },
];

/** What an attribution reads like in a language, with the speaker's short name and pronoun
 * (an illustration for the popover; the composer writes the real sentence). */
export function attributionExample(a: Attribution, language: Language, who: string, pronoun: string | null): string {
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  // Only English and French are illustrated; another language shows the choice's name alone
  // (the preview shows the sentence core writes).
  if (language !== 'en' && language !== 'fr') return '';
  if (language === 'fr') {
    const pro = pronoun ?? 'il';
    switch (a) {
      case 'after':
        return `« … », a déclaré ${who}.`;
      case 'after-subject':
        return `« … », a-t-${pro} déclaré.`;
      case 'before':
        return `${who} a déclaré : « … »`;
      case 'before-that':
        return `${who} a déclaré que « … ».`;
      case 'added':
        return 'Et d’ajouter : « … »';
      case 'none':
        return '… « … » …';
    }
  }
  switch (a) {
    case 'after':
      return `“…,” said ${who}.`;
    case 'after-subject':
      return `“…,” ${who} said.`;
    case 'before':
      return `${who} said: “…”`;
    case 'before-that':
      return `${who} said that “…”.`;
    case 'added':
      return `${cap(pronoun ?? who)} added: “…”`;
    case 'none':
      return 'the plan was “…” next year';
  }
}

export const FORMS: { value: FormV2; label: string }[] = [
  { value: 'full', label: 'Full' },
  { value: 'role', label: 'Role' },
  { value: 'short', label: 'Short' },
  { value: 'pronoun', label: 'Pronoun' },
];

/** Where a chip puts the speaker's name: before the words, after them, or nowhere in the text. */
export function placement(a: Attribution | null | undefined): 'before' | 'after' | 'none' {
  if (a === 'before' || a === 'before-that' || a === 'added') return 'before';
  if (a === 'none') return 'none';
  return 'after';
}

/** A person's form in a language, as v2 reads an absent one (`full`, `short`: the name; `role`,
 * `pronoun`: `short`). */
export function personForm(p: PersonV2, form: FormV2, language: Language): string {
  const f = p.forms?.[language];
  const short = f?.short?.trim() || p.name;
  switch (form) {
    case 'full':
      return f?.full?.trim() || p.name;
    case 'short':
      return short;
    case 'role':
      return f?.role?.trim() || short;
    case 'pronoun':
      return f?.pronoun?.trim() || short;
  }
}

export function shortName(p: PersonV2, language: Language): string {
  return personForm(p, 'short', language);
}

/** The first words of a text, at most `max` characters, with an ellipsis when cut. */
export function startOf(text: string, max = 34): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  if (t[max] === ' ') return `${cut.replace(/[\s,;:.]+$/, '')}…`;
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export type QuoteChip = {
  /** The start of the words in marks, or why there are none. */
  words: string;
  /** The speaker's short name ('' when the quote or its speaker is unknown). */
  who: string;
  where: 'before' | 'after' | 'none';
  /** Something the writer should see: the quote is unknown, or has no words in this language. */
  problem: string | null;
  /** Read by screen readers after the visible text. */
  description: string;
};

export function quoteChip(attrs: { quote: string; attribution?: Attribution | null }, ctx: ChipContext): QuoteChip {
  const q = ctx.quotes.get(attrs.quote);
  const where = placement(attrs.attribution);
  const [open, close] = MARKS[ctx.language];
  if (!q) {
    return { words: `${open}${attrs.quote}${close}`, who: '', where, problem: 'Unknown quote', description: `unknown quote ${attrs.quote}` };
  }
  const person = ctx.people.get(q.speaker);
  const who = person ? shortName(person, ctx.language) : q.speaker;
  const text = q.words[ctx.language];
  const problem = text == null || text.trim() === '' ? `No ${ctx.language.toUpperCase()} words yet` : null;
  const words = problem ? problem : `${open}${startOf(text as string)}${close}`;
  const how = ATTRIBUTIONS.find((a) => a.value === (attrs.attribution ?? 'after'))?.label.toLowerCase() ?? 'after';
  return { words, who, where, problem, description: `quote by ${who}, attribution ${how}` };
}

export function mentionLabel(attrs: { person: string; form?: FormV2 | null }, ctx: ChipContext): { text: string; problem: string | null } {
  const p = ctx.people.get(attrs.person);
  if (!p) return { text: `@${attrs.person}`, problem: 'Unknown person' };
  return { text: attrs.form ? personForm(p, attrs.form, ctx.language) : p.name, problem: null };
}

function el(tag: string, cls: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function srOnly(text: string): HTMLElement {
  return el('span', 'sr-only', text);
}

/** The node view of a quote atom: a chip, redrawn when its attributes change. */
export function quoteView(node: Node, ctx: () => ChipContext): NodeView {
  const dom = el('span', 'pm-chip pm-quote');
  dom.setAttribute('contenteditable', 'false');
  const draw = (n: Node) => {
    const c = quoteChip(n.attrs as { quote: string; attribution: Attribution | null }, ctx());
    dom.replaceChildren();
    dom.dataset.pm = 'quote';
    dom.dataset.quote = n.attrs.quote;
    dom.dataset.where = c.where;
    dom.classList.toggle('problem', c.problem !== null);
    if (c.problem) dom.title = c.problem;
    else dom.removeAttribute('title');
    const who = el('span', 'who', c.who);
    const words = el('span', 'words', c.words);
    if (c.where === 'before') dom.append(who, el('span', 'sep', ':'), words);
    else if (c.where === 'after') dom.append(words, el('span', 'sep', '—'), who);
    else dom.append(words, el('span', 'who quiet', c.who));
    dom.append(srOnly(` (${c.description})`));
  };
  return atomView(node, dom, draw, { stopEvent: () => false });
}

/** The node view of a mention atom. */
export function mentionView(node: Node, ctx: () => ChipContext): NodeView {
  const dom = el('span', 'pm-chip pm-mention');
  dom.setAttribute('contenteditable', 'false');
  const draw = (n: Node) => {
    const m = mentionLabel(n.attrs as { person: string; form: FormV2 | null }, ctx());
    dom.dataset.pm = 'mention';
    dom.dataset.person = n.attrs.person;
    dom.textContent = m.text;
    dom.classList.toggle('problem', m.problem !== null);
    if (m.problem) dom.title = m.problem;
    else dom.removeAttribute('title');
  };
  return atomView(node, dom, draw);
}

/** The node view of an atom drawn by `draw`, redrawn when ProseMirror updates it in place. */
function atomView(node: Node, dom: HTMLElement, draw: (n: Node) => void, extra: Partial<NodeView> = {}): NodeView {
  draw(node);
  return {
    dom,
    update(n) {
      if (n.type !== node.type) return false;
      draw(n);
      return true;
    },
    ignoreMutation: () => true,
    ...extra,
  };
}
