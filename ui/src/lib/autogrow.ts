// Textareas grow with their text. CSS `field-sizing: content` does it where supported (Chromium,
// recent WebKit); elsewhere this action sizes the field on input, once when it first scrolls
// into view (not at mount: measuring 900 fields of a 300-item meeting at once would stall), and
// again when its width changes (a resized window moves its lines).
//
// The height is measured on a hidden twin, never by collapsing the field itself (`height: auto`,
// read, set back): a collapse moves everything below the field and back within one frame, and
// WebKitGTK then repaints all of it, the whole release pane under the headline, the rest of the
// agenda under an item, on every keystroke (measured by scripts/bench --only typing-real).

const supported = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/** What decides a textarea's content height, copied from the field onto the twin. */
const COPIED = [
  'box-sizing', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-stretch', 'font-variant',
  'font-feature-settings', 'font-kerning', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform',
  'text-indent', 'text-rendering', 'white-space', 'word-break', 'overflow-wrap', 'tab-size',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'min-height', 'max-height',
];

let twin: HTMLTextAreaElement | null = null;

/** One hidden textarea for all measurements: fixed and invisible, it moves and paints nothing. */
function measurer(): HTMLTextAreaElement {
  if (twin?.isConnected) return twin;
  twin = document.createElement('textarea');
  twin.setAttribute('aria-hidden', 'true');
  twin.tabIndex = -1;
  twin.style.cssText = 'position: fixed; top: 0; left: -10000px; visibility: hidden; pointer-events: none; height: auto; overflow: hidden; resize: none;';
  document.body.append(twin);
  return twin;
}

function fit(el: HTMLTextAreaElement) {
  const m = measurer();
  const cs = getComputedStyle(el);
  for (const p of COPIED) m.style.setProperty(p, cs.getPropertyValue(p));
  m.style.width = `${el.offsetWidth}px`;
  m.rows = el.rows;
  m.value = el.value;
  const height = `${m.scrollHeight + 2}px`;
  fittedAt.set(el, el.offsetWidth);
  // Unchanged most keystrokes: then the field is not restyled at all.
  if (el.style.height !== height) el.style.height = height;
}

/** The width each field was last fitted at: a field made narrower or wider (the window resized, a
 * pane moved) is fitted again, its lines having moved. One not fitted yet waits for its first. */
const fittedAt = new WeakMap<HTMLTextAreaElement, number>();
let ro: ResizeObserver | null = null;
function resizes(): ResizeObserver | null {
  if (typeof ResizeObserver === 'undefined') return null;
  ro ??= new ResizeObserver((entries) => {
    for (const e of entries) {
      const el = e.target as HTMLTextAreaElement;
      const was = fittedAt.get(el);
      if (was !== undefined && was !== el.offsetWidth) fit(el);
    }
  });
  return ro;
}

let io: IntersectionObserver | null = null;
function observer(): IntersectionObserver {
  io ??= new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      io!.unobserve(e.target);
      fit(e.target as HTMLTextAreaElement);
    }
  });
  return io;
}

export function autogrow(el: HTMLTextAreaElement) {
  if (supported) return;
  const onInput = () => fit(el);
  el.addEventListener('input', onInput);
  observer().observe(el);
  resizes()?.observe(el);
  return {
    destroy() {
      el.removeEventListener('input', onInput);
      io?.unobserve(el);
      ro?.unobserve(el);
    },
  };
}
