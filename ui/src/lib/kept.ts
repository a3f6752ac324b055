// Values the working document holds whole, outside Svelte's deep proxies.
//
// `$state` turns plain objects and arrays into proxies lazily and for good: each object read
// through the document (rendering it, `toWire` for a save or the first preview) gets a proxy, its
// handler's closures and a signal per property. A 300-item meeting made about 3,300 of them,
// most for what the editor never edits in place: the release text's blocks and runs (a rich-text
// editor replaces them whole), and what a meeting file carries through untouched (the other
// languages' forms and words, the other releases, the organisations). Svelte proxies only plain
// objects and arrays, so these are given a prototype of their own: the property holding one stays
// reactive (assigning a new value is seen), its insides are plain data, read and serialised like
// any other (`JSON.stringify`, `structuredClone`, `Array.isArray` are as before).

class Whole<T> extends Array<T> {}
class Carried {}

/** `list` as one value of the document: stored as is, replaced whole, never edited in place. */
export function whole<T>(list: readonly T[]): T[] {
  return Whole.from(list) as T[];
}

/** `value` as carried through: stored as is, its fields read (and set) without reactivity. */
export function carried<T extends object>(value: T): T {
  return Object.assign(new Carried(), value) as T;
}

/** Whether `value` is held whole (made by `whole` or `carried`). */
export function isKept(value: unknown): boolean {
  return value instanceof Whole || value instanceof Carried;
}
