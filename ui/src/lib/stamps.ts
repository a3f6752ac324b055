// Time stamps in notes: "10:14 The minister left the room." A press officer asks for one
// (Mod+Shift+T) on the line being typed, or on every line of a selection; the time is the
// meeting's (its zone), read when asked.

/** A line that already begins with a time stamp (`9:05 `, `10:14 `) keeps it: a stamp records when
 * something was said, and asking again must not move it. */
export const STAMPED = /^\d{1,2}:\d{2}(?=\s|$)/;

export interface Stamping {
  /** The text from `from` to `to` becomes `replacement`. */
  from: number;
  to: number;
  replacement: string;
  /** Where the caret goes afterwards (a selection of several lines: their end). */
  caret: number;
}

/**
 * Stamps the line holding the caret (`start` = `end`), or each non-blank line the selection
 * `start`–`end` touches, with `stamp` and a space. Null when there is nothing to stamp (every line
 * touched already is).
 */
export function stampLines(text: string, start: number, end: number, stamp: string): Stamping | null {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  // A selection that ends at the very start of a line does not take that line in.
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const nl = text.indexOf('\n', last);
  const to = nl < 0 ? text.length : nl;
  const lines = text.slice(from, to).split('\n');
  const single = lines.length === 1;
  let changed = false;
  const out = lines.map((line) => {
    if (STAMPED.test(line) || (!single && line.trim() === '')) return line;
    changed = true;
    return line === '' ? `${stamp} ` : `${stamp} ${line}`;
  });
  if (!changed) return null;
  const replacement = out.join('\n');
  const added = replacement.length - (to - from);
  return { from, to, replacement, caret: single ? end + added : from + replacement.length };
}

/** Applies `stampLines` to a text field as typing would (the browser's undo keeps it, and an
 * `input` event tells the editor the text changed). False if nothing was stamped. */
export function stampField(field: HTMLTextAreaElement | HTMLInputElement, stamp: string): boolean {
  const s = stampLines(field.value, field.selectionStart ?? 0, field.selectionEnd ?? 0, stamp);
  if (!s) return false;
  field.focus();
  field.setSelectionRange(s.from, s.to);
  // execCommand keeps the field's own undo history; where it is unsupported, set the text.
  const typed = typeof document.execCommand === 'function' && document.execCommand('insertText', false, s.replacement);
  if (!typed || field.value.slice(s.from, s.from + s.replacement.length) !== s.replacement) {
    field.setRangeText(s.replacement, s.from, s.to, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  field.setSelectionRange(s.caret, s.caret);
  return true;
}
