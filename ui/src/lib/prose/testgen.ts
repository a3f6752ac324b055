// Seeded block lists for the release editor's tests (convert.test.ts): every block and span
// kind, every optional field present and absent, and the writings canonical form merges
// (adjacent strings, empty strings, links in pieces, adjacent links to one address, nulls).
// Test-only; valid as core reads them (unique ids, links that pass the rule, link text not
// blank), references aside: the conversion does not look them up.

import type { Attribution, Block, FormV2, Run } from '../bindings';

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Ministers', ' agreed', ' ', '', 'the plan', ' — ', 'l’Alliance', ' « ok » ', '\u00a0', 'ready.', '“no”', '<b>&amp;</b>'];
const FORMS: FormV2[] = ['full', 'role', 'short', 'pronoun'];
const ATTRIBUTIONS: Attribution[] = ['after', 'after-subject', 'before', 'before-that', 'added', 'none'];
const HREFS = ['https://example.org/a', 'http://example.org', 'mailto:press@example.org', 'HTTPS://EXAMPLE.ORG/B?x=1&y=2'];

export function generator(seed: number) {
  const rnd = seeded(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const maybe = <T>(f: () => T): T | undefined => (rnd() < 0.5 ? f() : undefined);

  function run(depth: number): Run {
    const k = int(10);
    if (k < 5) return pick(WORDS);
    if (k < 7) {
      const form = int(3);
      return form === 0 ? { person: pick(['sg', 'fm', 'x-1']) } : form === 1 ? { person: 'sg', form: pick(FORMS) } : { person: 'fm', form: null };
    }
    if (k < 9) {
      const q: Extract<Run, { quote: string }> = { quote: pick(['q1', 'q-ready', 'q-wait']) };
      const a = maybe(() => pick(ATTRIBUTIONS));
      if (a !== undefined) q.attribution = a;
      const v = maybe(() => pick(['asked', 'a demandé', 'said']));
      if (v !== undefined) q.verb = v;
      const f = maybe(() => pick(FORMS));
      if (f !== undefined) q.form = f;
      if (depth < 2) {
        const c = maybe(() => runs(depth + 1));
        if (c !== undefined) q.clause = c;
      }
      if (rnd() < 0.1) q.verb = null;
      return q;
    }
    const pieces = Array.from({ length: 1 + int(3) }, () => pick(['press', '@', 'example', '', ' site']));
    if (pieces.join('').trim() === '') pieces.push('x');
    return { link: pick(HREFS), text: pieces };
  }

  function runs(depth = 0): Run[] {
    return Array.from({ length: int(7) }, () => run(depth));
  }

  let next = 0;
  function block(): Block {
    const id = rnd() < 0.5 ? `p${next++}` : `b-${next++}-x`;
    switch (int(5)) {
      case 0:
        return { id, p: runs() };
      case 1:
        return { id, h: runs() };
      case 2: {
        const kind = pick(['bulleted', 'numbered'] as const);
        const entries = Array.from({ length: int(4) }, () => runs());
        // Numbered paragraphs going on across a heading start at a later number.
        return kind === 'numbered' && int(3) === 0 ? { id, list: kind, entries, start: 2 + int(20) } : { id, list: kind, entries };
      }
      case 3: {
        const byline = int(3);
        if (byline === 0) return { id, blockquote: 'q1' };
        if (byline === 1) return { id, blockquote: 'q-wait', byline: runs() };
        return { id, blockquote: 'q1', byline: null };
      }
      default:
        return rnd() < 0.2
          ? { id, statement: runs() }
          : { id, statement: runs(), paragraphs: Array.from({ length: int(3) }, () => runs()) };
    }
  }

  return {
    blocks(): Block[] {
      return Array.from({ length: int(6) }, block);
    },
  };
}
