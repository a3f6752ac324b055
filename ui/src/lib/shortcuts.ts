// Every keyboard shortcut, in one table: the help overlay lists exactly what the handler matches.

export type ShortcutId =
  | 'newMeeting'
  | 'newItem'
  | 'newQuote'
  | 'stampTime'
  | 'search'
  | 'save'
  | 'export'
  | 'copy'
  | 'versions'
  | 'undo'
  | 'redo'
  | 'moveUp'
  | 'moveDown'
  | 'deleteItem'
  | 'focusList'
  | 'focusAgenda'
  | 'focusRelease'
  | 'help';

export interface Shortcut {
  id: ShortcutId;
  /** Keys as shown, `Mod` standing for Ctrl (⌘ on macOS). */
  keys: string[];
  description: string;
  /** Also works while typing in a text field. */
  inFields: boolean;
  match(e: KeyboardEvent): boolean;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const key = (e: KeyboardEvent, k: string) => e.key.toLowerCase() === k.toLowerCase();

export const SHORTCUTS: Shortcut[] = [
  { id: 'newMeeting', keys: ['Mod+N'], description: 'New meeting', inFields: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && key(e, 'n') },
  { id: 'newItem', keys: ['Mod+Enter'], description: 'New agenda item after the current one (Enter in an item title does it too)', inFields: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key === 'Enter' },
  { id: 'newQuote', keys: ['Mod+Shift+Enter'], description: 'Capture a quote in the current item: who speaks first (Enter takes the one shown), then the words', inFields: true,
    match: (e) => mod(e) && e.shiftKey && !e.altKey && e.key === 'Enter' },
  { id: 'stampTime', keys: ['Mod+Shift+T'], description: 'In notes: stamp the line (or each selected line) with the time now, in the meeting’s time zone', inFields: true,
    match: (e) => mod(e) && e.shiftKey && !e.altKey && key(e, 't') },
  { id: 'search', keys: ['Mod+K', 'Mod+F'], description: 'Search meetings', inFields: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && (key(e, 'k') || key(e, 'f')) },
  { id: 'save', keys: ['Mod+S'], description: 'Save now (saving is automatic)', inFields: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && key(e, 's') },
  { id: 'export', keys: ['Mod+E'], description: 'Export (HTML, Markdown, meeting file)', inFields: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && key(e, 'e') },
  { id: 'copy', keys: ['Mod+Shift+C'], description: 'Copy the release (formatted and plain text)', inFields: true,
    match: (e) => mod(e) && e.shiftKey && !e.altKey && key(e, 'c') },
  { id: 'versions', keys: ['Mod+Shift+H'], description: 'Versions of the release: differences, save a version, restore', inFields: true,
    match: (e) => mod(e) && e.shiftKey && !e.altKey && key(e, 'h') },
  { id: 'undo', keys: ['Mod+Z'], description: 'Undo add, move, delete, switch (text fields undo typing)', inFields: false,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && key(e, 'z') },
  { id: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], description: 'Redo', inFields: false,
    match: (e) => mod(e) && !e.altKey && ((e.shiftKey && key(e, 'z')) || (!e.shiftKey && key(e, 'y'))) },
  { id: 'moveUp', keys: ['Alt+↑'], description: 'Move the current agenda item (or quote) up', inFields: true,
    match: (e) => e.altKey && !mod(e) && !e.shiftKey && e.key === 'ArrowUp' },
  { id: 'moveDown', keys: ['Alt+↓'], description: 'Move the current agenda item (or quote) down', inFields: true,
    match: (e) => e.altKey && !mod(e) && !e.shiftKey && e.key === 'ArrowDown' },
  { id: 'deleteItem', keys: ['Mod+Shift+Backspace'], description: 'Delete the current agenda item (or quote)', inFields: true,
    match: (e) => mod(e) && e.shiftKey && !e.altKey && (e.key === 'Backspace' || e.key === 'Delete') },
  { id: 'focusList', keys: ['Mod+1'], description: 'Go to the meetings list', inFields: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key === '1' },
  { id: 'focusAgenda', keys: ['Mod+2'], description: 'Go to the agenda', inFields: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key === '2' },
  { id: 'focusRelease', keys: ['Mod+3'], description: 'Go to the release', inFields: true,
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key === '3' },
  { id: 'help', keys: ['?', 'F1'], description: 'Show these shortcuts', inFields: false,
    match: (e) => e.key === 'F1' || (e.key === '?' && !mod(e) && !e.altKey) },
];

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function keyLabel(k: string): string {
  return isMac ? k.replace('Mod+', '⌘').replace('Alt+', '⌥').replace('Shift+', '⇧') : k.replace('Mod+', 'Ctrl+');
}

/** Is the target a place where the user types text (where plain keys and Mod+Z belong to it)? */
export function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t instanceof HTMLTextAreaElement) return true;
  if (t instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(t.type);
  }
  return t.isContentEditable === true;
}

export function findShortcut(e: KeyboardEvent, inField: boolean): Shortcut | undefined {
  return SHORTCUTS.find((s) => (s.id === 'help' && e.key === 'F1') || ((s.inFields || !inField) && s.match(e)));
}

/**
 * The keys of the release-text editor (ReleaseText.svelte), for the help overlay once it is
 * wired. Its ProseMirror keymap handles them while the text has focus and marks the event
 * handled (`preventDefault`), so `findShortcut` never sees them there: Mod+K links there (and
 * searches meetings everywhere else). The rest clash with nothing above (tests/unit/shortcuts.test.ts).
 */
export const RELEASE_TEXT_KEYS: { keys: string[]; description: string }[] = [
  { keys: ['Mod+Shift+Q'], description: 'Place a captured quote at the cursor (a list of the quotes not placed yet)' },
  { keys: ['Mod+Shift+A', 'Enter'], description: 'Attribution of the quote at the cursor: where, verb, how the speaker is named (Enter on a selected quote)' },
  { keys: ['@'], description: 'Name a person (type to filter, Enter to insert, Esc keeps the text)' },
  { keys: ['Mod+K'], description: 'Link the selected words (https://, http:// or mailto:)' },
  { keys: ['Mod+Alt+2'], description: 'Sub-heading (or type ## at a paragraph’s start)' },
  { keys: ['Mod+Shift+8'], description: 'Bulleted list (or type - or * at a paragraph’s start)' },
  { keys: ['Mod+Shift+7'], description: 'Numbered list (or type 1. at a paragraph’s start)' },
  { keys: ['Mod+Alt+0'], description: 'Paragraph' },
  { keys: ['Mod+Z', 'Mod+Shift+Z', 'Mod+Y'], description: 'Undo, redo in the text (an attribution change is one step)' },
];
