import { describe, expect, it } from 'vitest';
import { morph } from '../../src/lib/morph';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('morph', () => {
  it('makes the target equal to the source, keeping unchanged nodes', () => {
    const target = parse('<html lang="en"><head><title>A</title></head><body><article><h1>A</h1><p>one</p><p>two</p><p>three</p></article></body></html>');
    const source = parse('<html lang="fr"><head><title>B</title></head><body><article><h1>B</h1><p>one</p><p>two!</p></article><figure>x</figure></body></html>');
    const keep = target.querySelectorAll('p')[0];
    const expected = source.documentElement.outerHTML;
    morph(target.documentElement, source.documentElement);
    expect(target.documentElement.outerHTML).toBe(expected);
    expect(target.querySelectorAll('p')[0]).toBe(keep);
    expect(target.documentElement.lang).toBe('fr');
  });

  it('replaces nodes of another kind and removes extra ones', () => {
    const target = parse('<body><div class="a" hidden>x</div><p>y</p><p>z</p></body>');
    const source = parse('<body><section class="b">x</section><p>y</p></body>');
    morph(target.body, source.body);
    expect(target.body.innerHTML).toBe('<section class="b">x</section><p>y</p>');
  });

  it('moves new nodes over from the source instead of copying them', () => {
    const target = parse('<body><p>a</p></body>');
    const source = parse('<body><p>a</p><figure>new</figure></body>');
    const fig = source.querySelector('figure');
    morph(target.body, source.body);
    expect(target.querySelector('figure')).toBe(fig);
    expect(fig?.ownerDocument).toBe(target);
  });
});
