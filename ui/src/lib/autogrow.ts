// Textareas grow with their text. CSS `field-sizing: content` does it where supported (Chromium,
// recent WebKit); elsewhere this action sizes the field on input, and once when it first scrolls
// into view (not at mount: measuring 900 fields of a 300-item meeting at once would stall).

const supported = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

function fit(el: HTMLTextAreaElement) {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
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
  return {
    destroy() {
      el.removeEventListener('input', onInput);
      io?.unobserve(el);
    },
  };
}
