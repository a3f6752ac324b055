// People quoted in a meeting. The file identifies a speaker by `id` (unique in the file); the UI
// derives it from the name the user types, so nobody has to invent ids while a minister talks.
import { LANGUAGES } from './bindings';

/** `Jane Doe` → `jane-doe`; `Élise Ødegård` → `elise-odegard`; unique among `taken`. */
export function deriveSpeakerId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const folded = name
    .normalize('NFKD')
    // Accents off Latin letters only (é → e); other scripts keep their letters (й stays й).
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    // Letters that NFKD does not split into base + mark.
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  const base =
    folded
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/g, '') || 'person';
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Default verb of a release language, shown as the verb field's placeholder. */
export function defaultVerb(language: string): string {
  return LANGUAGES.find((l) => l.tag === language)?.default_verb ?? 'said';
}

/** How a person appears in pickers: the name, and the role if it helps tell people apart. */
export function personLabel(p: { name: string; role?: string; full?: string }): string {
  const extra = p.full && p.full !== p.name ? p.full : p.role || '';
  return extra ? `${p.name} — ${extra}` : p.name;
}

/** Letters as a picker compares them: lower case, accents off (`élise` finds Élise). */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The people whose name, full form or short form holds every word typed (`query`), in the
 * order given; an empty query keeps everyone. */
export function matchPeople<P extends { name: string; full?: string; short?: string; role?: string }>(people: readonly P[], query: string): P[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...people];
  return people.filter((p) => {
    const hay = fold([p.name, p.full ?? '', p.short ?? '', p.role ?? ''].join(' '));
    return words.every((w) => hay.includes(w));
  });
}
