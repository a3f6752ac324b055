// Reading the shell's preview HTML (core's `<style>` + `<article>`) without running any of it.

/** Elements a release never contains and that could run, load or navigate: dropped. */
const DROPPED = 'script, iframe, frame, frameset, object, embed, link, meta, base, title, form, input, button, textarea, select, img, video, audio, source, svg, math, noscript, template';

/**
 * Parses `html` inertly (template contents: no script runs, nothing is fetched) into a detached
 * `<div>` of this document, without anything but text, layout and styles: no element from
 * `DROPPED`, no `on…` attribute, no `href`/`src`/`action`/`formaction`/`srcdoc`/`style` attribute;
 * but, given `imageUrl`, a photo's `<img data-image="<sha256>">` in its figure, whose only address
 * is `imageUrl(sha256)` and whose only other attributes are `alt`, `width`, `height` and `lang`.
 */
export function parsePreview(html: string, imageUrl?: (sha256: string) => string): HTMLDivElement {
  const t = document.createElement('template');
  t.innerHTML = html;
  const content = t.content;
  // A photo's image: core names it (`data-image`, its SHA-256) and the shell serves it; its
  // address is made here from the name alone, never taken from the HTML.
  const photos = imageUrl ? Array.from(content.querySelectorAll('figure > img[data-image]')) : [];
  const keep = new Map<Element, string>();
  for (const img of photos) {
    const sha = img.getAttribute('data-image') ?? '';
    if (/^[0-9a-f]{64}$/.test(sha)) keep.set(img, sha);
  }
  for (const el of Array.from(content.querySelectorAll(DROPPED))) if (!keep.has(el)) el.remove();
  for (const el of Array.from(content.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      const n = a.name.toLowerCase();
      if (n.startsWith('on') || ['href', 'src', 'srcset', 'action', 'formaction', 'srcdoc', 'style', 'xlink:href'].includes(n)) el.removeAttribute(a.name);
    }
  }
  for (const [img, sha] of keep) {
    for (const a of Array.from(img.attributes)) {
      if (!['alt', 'width', 'height', 'lang', 'data-image'].includes(a.name.toLowerCase())) img.removeAttribute(a.name);
    }
    img.setAttribute('src', imageUrl!(sha));
  }
  const out = document.createElement('div');
  out.append(content); // moved into this document, not copied
  return out;
}
