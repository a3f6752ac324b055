import { describe, expect, it } from 'vitest';
import { parsePreview } from '../../src/lib/preview';

describe('parsePreview', () => {
  it('keeps the styles, the text and the layout of the release', () => {
    const out = parsePreview('<style>:host{color:red}</style><div class="release" lang="fr"><article><h1>Titre</h1><p>Un « paragraphe ».</p><figure><small class="credit">© X</small><figcaption lang="en">Caption</figcaption></figure></article></div>');
    expect(out.ownerDocument).toBe(document);
    expect(out.querySelector('style')?.textContent).toBe(':host{color:red}');
    expect(out.querySelector('.release')?.getAttribute('lang')).toBe('fr');
    expect(out.querySelector('figcaption')?.getAttribute('lang')).toBe('en');
    expect(out.textContent).toContain('Un « paragraphe ».');
  });

  it('drops whatever could run, load or navigate, whatever the shell sent', () => {
    const out = parsePreview(
      '<p onclick="x()" style="color:red" id="p">text</p><script>x()</script><img src="x" onerror="y()"><iframe srcdoc="<p>"></iframe>' +
        '<a href="javascript:x()">link</a><svg><script>z()</script></svg><object data="x"></object><link rel="stylesheet" href="//evil"><meta http-equiv="refresh" content="0">',
    );
    expect(out.querySelectorAll('script, img, iframe, svg, object, link, meta').length).toBe(0);
    const p = out.querySelector('#p')!;
    expect([...p.attributes].map((a) => a.name)).toEqual(['id']);
    expect(out.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(out.textContent).toContain('text');
  });

  it("keeps a photo's image, its address made from its name alone", () => {
    const sha = 'c0'.repeat(32);
    const html =
      `<article><figure><img data-image="${sha}" alt="A &quot;port&quot;" width="48" height="32" lang="fr" src="https://evil.example/x" onerror="y()" style="x"><figcaption>Port</figcaption></figure>` +
      `<figure><img data-image="../../etc/passwd" alt="x"></figure><p><img data-image="${sha}"></p></article>`;
    const out = parsePreview(html, (s) => `photo://localhost/${s}`);
    const imgs = [...out.querySelectorAll('img')];
    expect(imgs.length).toBe(1);
    expect(imgs[0].getAttribute('src')).toBe(`photo://localhost/${sha}`);
    expect([...imgs[0].attributes].map((a) => a.name).sort()).toEqual(['alt', 'data-image', 'height', 'lang', 'src', 'width']);
    expect(imgs[0].getAttribute('alt')).toBe('A "port"');
    // Without a way to address images (no shell), none is kept.
    expect(parsePreview(html).querySelectorAll('img').length).toBe(0);
  });
});
