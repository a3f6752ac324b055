// What the chips and the attribution popover show (chips.ts).
import { describe, expect, it } from 'vitest';
import type { PersonV2 } from '../bindings';
import { attributionExample, chipContext, mentionLabel, personForm, placement, quoteChip, startOf } from './chips';

const ruiz: PersonV2 = { id: 'sg', name: 'Ana Ruiz', forms: { en: { full: 'Secretary General Ana Ruiz', short: 'Ms Ruiz', pronoun: 'she' } } };
const bare: PersonV2 = { id: 'x', name: 'Élise Caron' };

describe('chips', () => {
  it('reads absent forms as v2 does', () => {
    expect(personForm(ruiz, 'role', 'en')).toBe('Ms Ruiz');
    expect(personForm(ruiz, 'full', 'fr')).toBe('Ana Ruiz');
    expect(personForm(bare, 'pronoun', 'en')).toBe('Élise Caron');
  });

  it('cuts words at a word, with an ellipsis', () => {
    expect(startOf('ready to go')).toBe('ready to go');
    expect(startOf('We act together, because the sea does not stop at borders')).toBe('We act together, because the sea…');
    expect(startOf('  spaced\n  out  ')).toBe('spaced out');
  });

  it('places the name by the attribution', () => {
    expect([null, 'after', 'after-subject', 'before', 'before-that', 'added', 'none'].map((a) => placement(a as never))).toEqual([
      'after', 'after', 'after', 'before', 'before', 'before', 'none',
    ]);
  });

  it('flags unknown quotes and people, and missing words', () => {
    const ctx = chipContext([ruiz], [{ id: 'q1', speaker: 'sg', words: { en: ' ' } }], 'en');
    expect(quoteChip({ quote: 'q1' }, ctx).problem).toBe('No EN words yet');
    expect(quoteChip({ quote: 'zz' }, ctx).problem).toBe('Unknown quote');
    expect(mentionLabel({ person: 'zz' }, ctx)).toEqual({ text: '@zz', problem: 'Unknown person' });
    expect(mentionLabel({ person: 'sg', form: 'full' }, ctx)).toEqual({ text: 'Secretary General Ana Ruiz', problem: null });
  });

  it('illustrates each attribution in the language, with the speaker', () => {
    expect(attributionExample('added', 'en', 'Ms Ruiz', 'she')).toBe('She added: “…”');
    expect(attributionExample('after-subject', 'fr', 'Mme Ruiz', 'elle')).toBe('«\u202f…\u202f», a-t-elle déclaré.');
    expect(attributionExample('before', 'en', 'Mr Berg', null)).toBe('Mr Berg said: “…”');
  });
});
