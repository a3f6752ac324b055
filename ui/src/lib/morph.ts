// Updates a document in place to match another, touching only what differs, so a keystroke in
// one paragraph restyles one paragraph rather than the whole release.

/**
 * Makes `target` equal to `source` (same tree, same attributes, same text). Nodes that are already
 * equal are left alone; an element of the same tag is updated in place; anything else is replaced
 * by the source node itself, moved over (no copy): `source` is consumed, do not use it afterwards.
 */
export function morph(target: Node, source: Node): void {
  const doc = target.ownerDocument ?? (target as Document);
  if (target.isEqualNode(source)) return;
  if (target instanceof Element && source instanceof Element && target.tagName === source.tagName) {
    syncAttributes(target, source);
    const t = Array.from(target.childNodes);
    const s = Array.from(source.childNodes);
    for (let i = 0; i < s.length; i += 1) {
      if (i < t.length) {
        if (t[i].nodeType === s[i].nodeType && (t[i].nodeType === Node.ELEMENT_NODE || t[i].nodeType === Node.TEXT_NODE)) {
          if (t[i].nodeType === Node.TEXT_NODE) {
            if (t[i].nodeValue !== s[i].nodeValue) t[i].nodeValue = s[i].nodeValue;
          } else morph(t[i], s[i]);
        } else target.replaceChild(doc.adoptNode(s[i]), t[i]);
      } else target.appendChild(doc.adoptNode(s[i]));
    }
    for (let i = t.length - 1; i >= s.length; i -= 1) target.removeChild(t[i]);
    return;
  }
  target.parentNode?.replaceChild(doc.adoptNode(source), target);
}

function syncAttributes(target: Element, source: Element) {
  for (const a of Array.from(target.attributes)) {
    if (!source.hasAttribute(a.name)) target.removeAttribute(a.name);
  }
  for (const a of Array.from(source.attributes)) {
    if (target.getAttribute(a.name) !== a.value) target.setAttribute(a.name, a.value);
  }
}
