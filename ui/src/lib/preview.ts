// Reading the shell's preview HTML (core's `<style>` + `<article>`) without running any of it.

/** Elements a release never contains and that could run, load or navigate: dropped. */
const DROPPED = 'script, iframe, frame, frameset, object, embed, link, meta, base, title, form, input, button, textarea, select, img, video, audio, source, svg, math, noscript, template';

/**
 * Parses `html` inertly (template contents: no script runs, nothing is fetched) into a detached
 * `<div>` of this document, without anything but text, layout and styles: no element from
 * `DROPPED`, no `on…` attribute, no `href`/`src`/`action`/`formaction`/`srcdoc`/`style` attribute.
 */
export function parsePreview(html: string): HTMLDivElement {
  const t = document.createElement('template');
  t.innerHTML = html;
  const content = t.content;
  for (const el of Array.from(content.querySelectorAll(DROPPED))) el.remove();
  for (const el of Array.from(content.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      const n = a.name.toLowerCase();
      if (n.startsWith('on') || ['href', 'src', 'srcset', 'action', 'formaction', 'srcdoc', 'style', 'xlink:href'].includes(n)) el.removeAttribute(a.name);
    }
  }
  const out = document.createElement('div');
  out.append(content); // moved into this document, not copied
  return out;
}
