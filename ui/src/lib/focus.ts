// Focus is DOM work, done here for the state objects: they say what to focus (`FocusTarget`),
// the App component's attachment focuses it once the DOM caught up.

import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { FocusTarget } from './meeting.svelte';

/** Focuses the first element matching `selector`, if any. */
export function focusFirst(selector: string, root: ParentNode = document): HTMLElement | null {
  const el = root.querySelector<HTMLElement>(selector);
  el?.focus();
  return el;
}

/** Focuses `target` inside `root`. */
export function focusTarget(root: ParentNode, target: FocusTarget): void {
  switch (target.kind) {
    case 'meeting-title': {
      const title = root.querySelector<HTMLTextAreaElement>('[data-testid="meeting-title"]');
      title?.focus();
      if (target.select) title?.select();
      return;
    }
    case 'photo':
      focusFirst(`[data-key="${CSS.escape(target.key)}"] [data-testid="photo-caption"]`, root);
      return;
    case 'row': {
      // A row's main field: a quote's text (or, captured, who speaks), else an item's title.
      const row = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(target.key)}"]`);
      if (!row) return;
      const wanted = { quote: '[data-testid="quote-text"]', speaker: '[data-testid="speaker-picker"], [data-testid="quote-text"]', title: '[data-testid="item-title"], [data-testid="quote-text"]' }[target.field];
      const field =
        row.querySelector<HTMLElement>(wanted) ??
        row.querySelector<HTMLElement>('input, textarea, button');
      field?.focus();
      field?.scrollIntoView({ block: 'nearest' });
    }
  }
}

/** Follows the open meeting's focus requests: each new one is focused after the next render. */
export function followFocus(request: () => FocusTarget | null): Attachment<HTMLElement> {
  return (root) => {
    const target = request();
    if (target) void tick().then(() => focusTarget(root, target));
  };
}
