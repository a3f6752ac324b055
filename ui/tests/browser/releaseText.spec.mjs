// The release-text editor (ReleaseText.svelte) in Chromium, on its test-only page
// (tests/browser/pages/release-text.html, not in dist/): the workflow with real key presses,
// checked against the exact v2 blocks it emits; pastes; axe; screenshots light and dark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, UI, assert, eq, test, until } from './harness.mjs';

const PAYLOADS = JSON.parse(readFileSync(join(UI, '..', 'tests', 'xss-payloads.json'), 'utf8'));
const emitted = (page) => page.evaluate(() => window.__rt.emitted);
const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a?.getAttribute('role') ?? a?.getAttribute('type') ?? a?.tagName.toLowerCase() ?? null;
  });
async function expectBlocks(page, expected, msg) {
  await until(async () => JSON.stringify(await emitted(page)) === JSON.stringify(expected), msg);
}

test('release text: quote, attribution, @ mention, heading and list by keyboard, exact blocks; axe; screenshots', async (h) => {
  const { page, mod, axe } = h;
  await h.openPage('release-text');
  const [id2, id3, id4, id5] = await page.evaluate(() => window.__rt.ids(4));
  const text = page.locator('[role="textbox"]');
  eq(await text.getAttribute('aria-multiline'), 'true', 'multi-line textbox');
  eq(await text.getAttribute('aria-label'), 'Lead', 'its name');
  await axe('release text, empty');
  await text.click();
  await page.screenshot({ path: join(SHOTS, 'release-text-empty.png') });
  await page.keyboard.type('Ministers agreed that the plan was ');

  // Mod+Shift+Q: the quotes not placed, filtered as typed; Enter places one, focus back in the text.
  await page.keyboard.press(`${mod}+Shift+Q`);
  await page.waitForSelector('[data-testid="quote-picker"]');
  eq(await focused(page), 'combobox', 'the filter has focus');
  eq(await page.locator('[role="option"]').evaluateAll((os) => os.map((o) => o.dataset.id)), ['q1', 'q2', 'q3'], 'quotes not placed, none off the record');
  await axe('quote picker');
  await page.keyboard.type('ready');
  eq(await page.locator('[role="option"]').count(), 1, 'filtered');
  await page.keyboard.press('Enter');
  eq(await focused(page), 'textbox', 'focus back in the text');
  await expectBlocks(page, [{ id: 'lead', p: ['Ministers agreed that the plan was ', { quote: 'q2' }] }], 'quote placed');

  // Mod+Shift+A: the attribution popover; ↑ from "after" wraps to "none"; Escape returns to the text.
  await page.keyboard.press(`${mod}+Shift+A`);
  await page.waitForSelector('[data-testid="attribution-popover"]');
  eq(await focused(page), 'radio', 'the attribution has focus');
  await axe('attribution popover');
  await page.keyboard.press('ArrowUp');
  await expectBlocks(page, [{ id: 'lead', p: ['Ministers agreed that the plan was ', { quote: 'q2', attribution: 'none' }] }], 'attribution none');
  await page.keyboard.press('Escape');
  eq(await page.locator('[data-testid="attribution-popover"]').count(), 0, 'popover closed');
  eq(await focused(page), 'textbox', 'focus back in the text');
  await page.keyboard.type(' next year.');
  const p1 = { id: 'lead', p: ['Ministers agreed that the plan was ', { quote: 'q2', attribution: 'none' }, ' next year.'] };
  await expectBlocks(page, [p1], 'typed after the chip');

  // The caret walks over a chip: one ArrowLeft from after it, and the chip is selected whole.
  const sel = () => page.evaluate(() => { const s = window.__rt.view.state.selection; return [s.from, s.to]; });
  const chipAt = await page.evaluate(() => {
    let at = -1;
    window.__rt.view.state.doc.descendants((n, pos) => {
      if (n.type.name === 'quote') at = pos;
    });
    return at;
  });
  const end = (await sel())[0];
  // ← from the end: the chip is selected whole (one step), then the caret is before it; → back over it.
  for (let i = 0; i < 20 && (await sel())[0] > chipAt + 1; i++) await page.keyboard.press('ArrowLeft');
  if ((await sel())[0] === chipAt + 1) await page.keyboard.press('ArrowLeft');
  await until(async () => JSON.stringify(await sel()) === JSON.stringify([chipAt, chipAt + 1]), 'the chip selected whole');
  await page.keyboard.press('ArrowLeft');
  await until(async () => JSON.stringify(await sel()) === JSON.stringify([chipAt, chipAt]), 'the caret before the chip');
  await page.keyboard.press('ArrowRight');
  await until(async () => JSON.stringify(await sel()) === JSON.stringify([chipAt, chipAt + 1]), '→ selects the chip');
  await page.keyboard.press('ArrowRight');
  await until(async () => JSON.stringify(await sel()) === JSON.stringify([chipAt + 1, chipAt + 1]), '→ again: the caret after it');
  await page.keyboard.press('ArrowRight');
  await until(async () => JSON.stringify(await sel()) === JSON.stringify([chipAt + 2, chipAt + 2]), 'and on into the text');
  await page.keyboard.press(`${mod}+End`);
  await until(async () => (await sel())[0] === end, 'the end again');

  // `@` names a person: the list follows the typing, the text box points at the option.
  await page.keyboard.press('Enter');
  await page.keyboard.type('@an');
  await page.waitForSelector('[data-testid="mention-picker"]');
  eq(await text.getAttribute('aria-activedescendant'), await page.locator('[role="option"]').first().getAttribute('id'), 'aria-activedescendant');
  await axe('mention picker');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' opened the meeting.');
  const p2 = { id: id2, p: [{ person: 'sg' }, ' opened the meeting.'] };
  await expectBlocks(page, [p1, p2], 'mention');

  // Input rules.
  await page.keyboard.press('Enter');
  await page.keyboard.type('## Fisheries');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Border security');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Demining');
  const h3 = { id: id3, h: ['Fisheries'] };
  const list = { id: id4, list: 'bulleted', entries: [['Border security'], ['Demining']] };
  await expectBlocks(page, [p1, p2, h3, list], 'heading and list');

  // Leave the list, place the other quote, attributed before, with a verb (Tab to it, Enter closes).
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${mod}+Shift+Q`);
  await page.waitForSelector('[data-testid="quote-picker"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${mod}+Shift+A`);
  await page.waitForSelector('[data-testid="attribution-popover"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('stressed');
  await page.keyboard.press('Enter');
  eq(await focused(page), 'textbox', 'Enter in the verb: back in the text');
  const p5 = { id: id5, p: [{ quote: 'q1', attribution: 'before', verb: 'stressed' }] };
  await expectBlocks(page, [p1, p2, h3, list, p5], 'attributed before, with a verb');
  await page.screenshot({ path: join(SHOTS, 'release-text-light.png') });

  // Backspace deletes the chip like a character; undo brings it back, then the steps one by one.
  await page.keyboard.press('Backspace');
  await expectBlocks(page, [p1, p2, h3, list, { id: id5, p: [] }], 'chip deleted');
  await page.keyboard.press(`${mod}+z`);
  await expectBlocks(page, [p1, p2, h3, list, p5], 'undo the deletion');
  await page.keyboard.press(`${mod}+z`);
  await expectBlocks(page, [p1, p2, h3, list, { id: id5, p: [{ quote: 'q1', attribution: 'before' }] }], 'undo the verb');
  await page.keyboard.press(`${mod}+z`);
  await expectBlocks(page, [p1, p2, h3, list, { id: id5, p: [{ quote: 'q1', attribution: 'after-subject' }] }], 'undo one attribution step');
  await page.keyboard.press(`${mod}+Shift+z`);
  await page.keyboard.press(`${mod}+y`);
  await expectBlocks(page, [p1, p2, h3, list, p5], 'redo both');
  await axe('release text, written');

  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('release text, dark');
  await page.screenshot({ path: join(SHOTS, 'release-text-dark.png') });
  // The popover, for a look at it in both themes.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="attribution-popover"]');
  await axe('attribution popover, dark');
  await page.screenshot({ path: join(SHOTS, 'release-text-popover-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: join(SHOTS, 'release-text-popover-light.png') });
});

test('release text: Mod+K refuses an address core refuses and says why; pasted HTML is only text', async (h) => {
  const { page, mod, axe } = h;
  await h.openPage('release-text');
  const text = page.locator('[role="textbox"]');
  await text.click();
  await page.keyboard.type('Read the plan');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press(`${mod}+k`);
  await page.waitForSelector('[data-testid="link-field"]');
  await page.keyboard.type('javascript:alert(1)');
  await page.keyboard.press('Enter');
  const why = await page.locator('[data-testid="link-field"] [role="alert"]').innerText();
  assert(why.startsWith('Only https://, http:// or mailto:'), `says why: ${why}`);
  await axe('link field, refused');
  await page.keyboard.press(`${mod}+a`);
  await page.keyboard.type('https://example.org/plan');
  await page.keyboard.press('Enter');
  eq(await focused(page), 'textbox', 'back in the text');
  await expectBlocks(page, [{ id: 'lead', p: ['Read the ', { link: 'https://example.org/plan', text: ['plan'] }] }], 'linked');

  await page.keyboard.press('End');
  await page.evaluate((payloads) => {
    const dt = new DataTransfer();
    dt.setData('text/html', payloads.map((p) => `<p>${p}</p>`).join(''));
    dt.setData('text/plain', payloads.join('\n'));
    document.querySelector('[role="textbox"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, PAYLOADS);
  await page.waitForTimeout(300);
  const blocks = await page.evaluate(() => window.__rt.emitted);
  assert(blocks.length > 5, `pasted paragraphs: ${blocks.length}`);
  for (const b of blocks.slice(1)) {
    eq(Object.keys(b).sort(), ['id', 'p'], 'a paragraph');
    assert(b.p.every((r) => typeof r === 'string'), `only text runs: ${JSON.stringify(b)}`);
  }
  eq(await page.evaluate(() => document.documentElement.getAttribute('data-xss')), null, 'nothing ran');
  eq(await text.evaluate((el) => el.querySelectorAll('script, img, svg, iframe, object, style, meta, details, math, [onerror], [onload], a[href^="javascript"]').length), 0, 'no markup came in');
});
