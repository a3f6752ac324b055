// The workflow, end to end in Chromium, against the in-memory fake shell (fake-backend.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, UI, assert, eq, test, until } from './harness.mjs';
import { archiveSeed, backupSeed, bigMeeting, energyCouncil, fisheriesEn, historySeed, standardSeed } from '../fixtures/meetings.js';

const ENERGY = 3; // the most recent meeting of standardSeed, opened at start
const item = (page, n) => page.locator('[data-testid="agenda-item"]').nth(n);
const frames = (page, n) => page.evaluate((n) => new Promise((r) => { const f = (k) => (k ? requestAnimationFrame(() => f(k - 1)) : r()); f(n); }), n);
const agendaCount = async (page) => Number((await page.locator('.agenda .count').innerText()).split(' ')[0]);
/** Scrolls the agenda as a user would until item `index` (0-based) is rendered; returns its locator. */
async function showItem(page, index) {
  const target = page.locator(`[data-testid="agenda-item"][data-index="${index}"]`);
  const scroller = page.locator('.editor .scroll');
  if (!(await target.count())) {
    await scroller.evaluate((s, f) => (s.scrollTop = s.scrollHeight * f - s.clientHeight / 2), index / (await agendaCount(page)));
    await frames(page, 3);
  }
  for (let k = 0; k < 200 && !(await target.count()); k += 1) {
    const down = await page.evaluate((index) => index > Math.max(...[...document.querySelectorAll('[data-testid="agenda-item"]')].map((e) => Number(e.dataset.index))), index);
    await scroller.evaluate((s, d) => s.scrollBy(0, d * s.clientHeight * 1.5), down ? 1 : -1);
    await frames(page, 3);
  }
  await target.scrollIntoViewIfNeeded();
  return target;
}
/** A release text's runs as one string: a quote span as `{quote:ID}`, a mention as `{person:ID}`. */
const runsText = (runs) => runs.map((r) => (typeof r === 'string' ? r : 'quote' in r ? `{quote:${r.quote}}` : 'person' in r ? `{person:${r.person}}` : r.text.join(''))).join('');
/** The part of the (first) release that tells of agenda item `itemId` (`releases[0].items[]`). */
const partOf = (doc, itemId) => (doc.releases?.[0]?.items ?? []).find((p) => p.item === itemId);
/** What the release says about agenda item `itemId`, its blocks one line each (was v1's `summary`). */
const itemText = (doc, itemId) => (partOf(doc, itemId)?.blocks ?? []).map((b) => runsText(b.p ?? b.h ?? [])).join('\n');
const active = (page) => page.evaluate(() => ({ testid: document.activeElement?.dataset?.testid ?? null, value: document.activeElement?.value ?? null }));

async function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

// ── Meetings list ─────────────────────────────────────────────────────────────────────────────

test('list: newest first, most recent opened, readiness hook called once', async ({ page, open, fake }) => {
  await open(standardSeed());
  const titles = await page.locator('[data-testid="meeting-item"] .title').allInnerTexts();
  eq(titles, [
    'Informal Meeting of Energy Ministers',
    'Conseil de printemps des ministres de la pêche',
    'Spring Council of Fisheries Ministers',
    'Transport Council',
    'Ministerial on Arctic Research',
  ], 'list order');
  eq(await page.locator('[data-testid="meeting-title"]').inputValue(), 'Informal Meeting of Energy Ministers', 'opened meeting');
  const ready = await fake(() => window.__fake.state.uiReady);
  const expectedP = await fake((id) => new DOMParser().parseFromString(window.__fake.renderHtml(window.__fake.doc(id)), 'text/html').querySelectorAll('p').length, ENERGY);
  assert(expectedP > 0, 'preview has paragraphs');
  eq(ready, [{ meetings: 5, previewParagraphs: expectedP }], 'ui_ready args');
  eq(await page.evaluate(() => document.body.dataset.ready), '1', 'body[data-ready]');
  // The preview is the shell's HTML in a shadow root of this document: no frame.
  eq(await page.locator('iframe').count(), 0, 'no frame');
  eq(await page.locator('[data-testid="preview"]').evaluate((el) => el.shadowRoot?.querySelectorAll('p').length), expectedP, 'preview paragraphs in its shadow root');
});

test('preview: inert (nothing the HTML carries runs, loads or keeps a handler), updated in place', async ({ page, open, tid, fake }) => {
  await open(standardSeed(), { waitReady: true });
  const preview = page.locator('[data-testid="preview"]');
  // Were the shell ever to send more than text and layout, none of it may act.
  await fake(() => {
    window.__fake.state.previewAppend = [
      '<script>document.body.dataset.ran = "script"</script>',
      '<img src="x" onerror="document.body.dataset.ran = \'img\'">',
      '<p id="mark" onclick="document.body.dataset.ran = \'click\'" style="position:fixed;inset:0">Marked</p>',
      '<iframe srcdoc="<script>parent.document.body.dataset.ran = \'frame\'</script>"></iframe>',
      '<a href="javascript:document.body.dataset.ran=\'link\'">link</a>',
      '<svg><script>document.body.dataset.ran = "svg"</script></svg>',
    ].join('');
  });
  await preview.evaluate((el) => (el.shadowRoot.querySelector('h1').__same = true));
  // A click puts the caret wherever the click lands in the text, which depends on the font's
  // widths: go to the end before typing what must end the headline.
  await tid('release-headline').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' today');
  await until(async () => (await preview.evaluate((el) => el.shadowRoot.querySelector('h1')?.textContent ?? '')).endsWith(' today'), 'headline in the preview');
  await until(async () => (await preview.evaluate((el) => el.shadowRoot.getElementById('mark')?.textContent)) === 'Marked', 'the extra text shown');
  eq(await preview.evaluate((el) => el.shadowRoot.querySelector('h1').__same ?? false), true, 'the same heading node, updated in place');
  await preview.evaluate((el) => el.shadowRoot.getElementById('mark').click());
  await preview.evaluate((el) => el.shadowRoot.querySelector('a')?.click());
  await page.waitForTimeout(200);
  eq(await page.evaluate(() => document.body.dataset.ran ?? null), null, 'nothing ran');
  eq(await preview.evaluate((el) => el.shadowRoot.querySelectorAll('script, img, iframe, svg, [onclick], [onerror], [style], [href]').length), 0, 'no script, image, frame, handler, inline style or link kept');
});

test('list: paged, loads more on scroll, never the whole archive', async ({ page, open, calls, tid }) => {
  await open(archiveSeed(130));
  eq(await tid('meeting-item').count(), 50, 'first page');
  eq(await tid('meeting-count').innerText(), '130 meetings', 'total shown');
  const scrollDown = () => page.locator('.sidebar .scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await scrollDown();
  await until(async () => (await tid('meeting-item').count()) === 100, 'second page');
  await scrollDown();
  await until(async () => (await tid('meeting-item').count()) === 130, 'third page');
  await page.waitForTimeout(200);
  eq(await tid('load-more').count(), 0, 'no more to load');
  const lists = await calls('list_meetings');
  assert(lists.every((c) => c.args.limit === 50), `page size 50: ${JSON.stringify(lists.map((c) => c.args))}`);
  eq(lists.map((c) => c.args.offset), [0, 50, 100], 'offsets');
});

test('search: debounced, filters, shows the snippet, Escape clears', async ({ page, open, calls, tid }) => {
  await open(standardSeed());
  await tid('meeting-search').click();
  await page.keyboard.type('tallinn', { delay: 40 });
  await until(async () => (await tid('search-hit').count()) === 1, 'one hit');
  eq(await tid('search-hit').locator('.title').innerText(), 'Informal Meeting of Energy Ministers', 'hit');
  eq(await tid('search-snippet').locator('mark').innerText(), 'Tallinn', 'marked word in snippet');
  const n = (await calls('search_meetings')).length;
  assert(n >= 1 && n < 7, `debounced: ${n} calls for 7 keystrokes`);
  await page.keyboard.press('Escape');
  await until(async () => (await tid('meeting-item').count()) === 5, 'full list back');
  await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+k`);
  eq((await active(page)).testid, 'meeting-search', 'Mod+K focuses search');
});

test('search: a passage from private notes carries the lock; the option leaves private notes out', async ({ page, open, tid, calls }) => {
  await open(standardSeed());
  await tid('meeting-search').click();
  await page.keyboard.type('latvia', { delay: 20 });
  await until(async () => (await tid('search-hit').count()) === 1, 'found in private notes');
  eq(await tid('search-private-mark').count(), 1, 'the snippet says it is a private note');
  assert((await tid('search-snippet').innerText()).startsWith('Private note'), 'the marker comes first');
  eq(await tid('search-private').getAttribute('aria-pressed'), 'true', 'private notes searched by default');
  await tid('search-private').click();
  await until(async () => (await tid('search-hit').count()) === 0, 'left out, the meeting is not found by its private notes');
  eq((await calls('search_meetings')).at(-1).args.includePrivate, false, 'asked of the shell');
  await tid('meeting-search').fill('gas storage');
  await until(async () => (await tid('search-hit').count()) === 1, 'public text still found');
  eq(await tid('search-private-mark').count(), 0, 'a public passage is not marked');
  await page.reload();
  await until(async () => (await tid('search-private').getAttribute('aria-pressed')) === 'false', 'the choice is kept on this computer');
});

test('first start: the sample is opened, marked, never searched, and removed in one step', async ({ page, open, tid, fake }) => {
  await open({ meetings: [{ id: 1, sample: true, doc: energyCouncil }] });
  await tid('sample-bar').waitFor();
  eq(await tid('sample-tag').count(), 1, 'marked in the list');
  await tid('meeting-search').fill('tallinn');
  await until(async () => (await page.locator('.side .count').first().innerText()) === 'No meeting matches', 'the sample is not searched');
  await tid('meeting-search').fill('');
  await tid('remove-sample').click();
  await tid('empty-list').waitFor();
  eq(await fake(() => window.__fake.state.meetings.size), 0, 'removed from the archive');
  eq(await tid('sample-bar').count(), 0, 'nothing left to offer');
  await tid('toast').filter({ hasText: 'Sample removed' }).waitFor();
});

// ── Creating and editing ──────────────────────────────────────────────────────────────────────

test('create: Mod+N makes a meeting, the title is typed and saved', async ({ page, open, tid, savedDoc, waitSaved, mod }) => {
  await open(standardSeed());
  await page.keyboard.press(`${mod}+n`);
  await until(async () => (await active(page)).testid === 'meeting-title', 'title focused');
  eq(await tid('meeting-title').inputValue(), 'Untitled meeting', 'default title');
  await page.keyboard.type('Council of Ministers');
  await waitSaved();
  const id = Number(await tid('meeting-item').first().getAttribute('data-id'));
  eq((await savedDoc(id)).meeting.title, 'Council of Ministers', 'saved title');
  eq(await tid('meeting-item').first().locator('.title').innerText(), 'Council of Ministers', 'list shows it on top');
  eq(await tid('meeting-count').innerText(), '6 meetings', 'total');
});

test('agenda: Enter adds items, Alt+arrows reorder, Mod+Z / Mod+Shift+Z', async ({ page, open, tid, itemTitles, savedDoc, waitSaved, mod }) => {
  await open(standardSeed());
  await tid('new-meeting').click();
  await until(async () => (await active(page)).testid === 'meeting-title', 'title focused');
  await tid('add-item').click();
  eq((await active(page)).testid, 'item-title', 'new item title focused');
  await page.keyboard.type('Opening');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Budget');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Trade');
  eq(await itemTitles(), ['Opening', 'Budget', 'Trade'], 'typed as a list');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  eq(await itemTitles(), ['Trade', 'Opening', 'Budget'], 'moved up twice');
  eq(await active(page), { testid: 'item-title', value: 'Trade' }, 'focus stays on the moved item');
  await page.keyboard.press(`${mod}+z`);
  eq(await itemTitles(), ['Opening', 'Trade', 'Budget'], 'undo one move');
  await page.keyboard.press(`${mod}+Shift+z`);
  eq(await itemTitles(), ['Trade', 'Opening', 'Budget'], 'redo');
  await page.keyboard.press('Alt+ArrowDown');
  eq(await itemTitles(), ['Opening', 'Trade', 'Budget'], 'moved down');
  await waitSaved();
  const id = Number(await tid('meeting-item').first().getAttribute('data-id'));
  eq((await savedDoc(id)).agenda.map((a) => a.title), ['Opening', 'Trade', 'Budget'], 'saved order');
});

test('agenda: drag the handle to reorder', async ({ page, open, itemTitles }) => {
  await open(standardSeed());
  const handle = item(page, 0).locator('[data-testid="drag-handle"]');
  const hb = await handle.boundingBox();
  const target = await item(page, 2).boundingBox();
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  const y = target.y + target.height * 0.75;
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(hb.x + hb.width / 2, hb.y + ((y - hb.y) * i) / 10);
  await page.mouse.up();
  eq(await itemTitles(), ['Offshore wind grid', 'Lunch: exchange with industry', 'Winter preparedness', 'Any other business'], 'dragged below item 3');
});

test('agenda: delete with an Undo toast, and by keyboard', async ({ page, open, tid, itemTitles, savedDoc, waitSaved, mod }) => {
  await open(standardSeed());
  await item(page, 1).locator('[data-testid="delete-item"]').click();
  eq(await itemTitles(), ['Winter preparedness', 'Lunch: exchange with industry', 'Any other business'], 'deleted');
  const toast = tid('toast').filter({ hasText: 'deleted' });
  assert((await toast.innerText()).includes('Offshore wind grid'), 'toast names the item');
  await toast.locator('[data-testid="toast-action"]').click();
  eq(await itemTitles(), ['Winter preparedness', 'Offshore wind grid', 'Lunch: exchange with industry', 'Any other business'], 'restored in place');
  assert((await item(page, 1).locator('[data-testid="item-summary"]').textContent()).startsWith('The Council endorsed'), 'with its text');
  await item(page, 3).locator('[data-testid="item-title"]').focus();
  await page.keyboard.press(`${mod}+Shift+Backspace`);
  eq((await itemTitles()).length, 3, 'deleted by keyboard');
  await page.keyboard.press(`${mod}+z`);
  eq((await itemTitles()).length, 4, 'undone by keyboard');
  await waitSaved();
  eq((await savedDoc(ENERGY)).agenda.length, 4, 'saved');
});

test('quote: Mod+Shift+Enter captures who speaks first; a name nobody has adds the speaker inline', async ({ page, open, tid, savedDoc, waitSaved, waitPreviewContains, axe, mod }) => {
  await open(standardSeed());
  await item(page, 3).locator('[data-testid="item-title"]').focus();
  const before = Math.floor(Date.now() / 60000) * 60000;
  await page.keyboard.press(`${mod}+Shift+Enter`);
  const after = Date.now();
  eq((await active(page)).testid, 'speaker-picker', 'who speaks, first');
  const quote = item(page, 3).locator('[data-testid="quote"]');
  await page.keyboard.type('Ana Lopes'); // nobody in this meeting
  eq(await quote.locator('[data-testid="speaker-option"]').count(), 0, 'nobody matches');
  await page.keyboard.press('Enter'); // the one option left: a new speaker of that name
  await until(async () => (await active(page)).testid === 'new-speaker-full', 'the cursor in the full form, the next to fill');
  eq(await quote.locator('[data-testid="new-speaker-name"]').inputValue(), 'Ana Lopes', 'the name typed is carried over');
  await quote.locator('[data-testid="new-speaker-full"]').fill('Foreign Minister Ana Lopes');
  await quote.locator('[data-testid="new-speaker-short"]').fill('Ms Lopes');
  await axe('new speaker form');
  await quote.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'new-speaker.png') });
  await page.keyboard.press('Enter');
  eq(await quote.locator('[data-testid="quote-speaker"]').inputValue(), 'ana-lopes', 'speaker set to the new person');
  eq((await active(page)).testid, 'quote-text', 'then the words');
  await page.keyboard.type('We will build it together.');
  // The words are one run of text: Enter goes on to the verb (no line break in the words).
  await page.keyboard.press('Enter');
  eq((await active(page)).testid, 'quote-verb', 'Enter: on to the verb');
  await waitSaved();
  const doc = await savedDoc(ENERGY);
  eq(doc.people.find((p) => p.id === 'ana-lopes'), { id: 'ana-lopes', name: 'Ana Lopes', forms: { en: { full: 'Foreign Minister Ana Lopes', short: 'Ms Lopes' } } }, 'person saved');
  // Captured: `said` stamped (the meeting's zone, to the minute); on the record (no `in_release`).
  const [saved] = doc.agenda[3].quotes ?? [];
  assert(typeof saved?.id === 'string' && saved.id !== '' && !doc.agenda.slice(0, 3).some((it) => (it.quotes ?? []).some((q) => q.id === saved.id)), `a quote id of its own: ${saved?.id}`);
  const tallinn = (ms) => new Intl.DateTimeFormat('en', { timeZone: 'Europe/Tallinn', timeZoneName: 'longOffset' }).format(ms).split('GMT')[1] || '+00:00';
  assert(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/.test(saved?.said ?? '') && saved.said.endsWith(tallinn(Date.parse(saved.said))) && Date.parse(saved.said) >= before && Date.parse(saved.said) <= after, `said stamped when captured, in Tallinn time: ${saved?.said}`);
  eq(doc.agenda[3].quotes, [{ id: saved.id, speaker: 'ana-lopes', said: saved.said, words: { en: 'We will build it together.' } }], 'quote saved');
  // In the release: placed at the end of the item's text (the item had none: a paragraph of its own).
  const part = partOf(doc, 'item-4');
  const taken = [...doc.releases[0].lead, ...doc.releases[0].items.filter((x) => x !== part).flatMap((x) => x.blocks), ...doc.releases[0].closing].map((b) => b.id);
  assert(part && part.blocks.length === 1 && !taken.includes(part.blocks[0].id), `a block id of its own: ${JSON.stringify(part)}`);
  eq(part, { item: 'item-4', blocks: [{ id: part.blocks[0].id, p: [{ quote: saved.id }] }] }, 'quote placed in the release');
  await waitPreviewContains('Foreign Minister Ana Lopes');
  eq(await quote.locator('[data-testid="quote-verb"]').getAttribute('placeholder'), 'said', 'verb placeholder');
});

test('notes: Mod+Shift+T stamps the line with the time in the meeting’s zone; saved; elsewhere it says where stamps go', async ({ page, open, tid, savedDoc, waitSaved, mod }) => {
  await open(standardSeed());
  // The Energy Council meets in Tallinn: its clock, not the machine's (the browser runs in UTC here).
  const clock = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tallinn', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
  const notes = item(page, 0).locator('[data-testid="item-notes"]');
  await notes.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nChair opens the vote');
  const before = clock();
  await page.keyboard.press(`${mod}+Shift+T`);
  const after = clock();
  const value = await notes.inputValue();
  const last = value.split('\n').at(-1);
  assert([`${before} Chair opens the vote`, `${after} Chair opens the vote`].includes(last), `stamped line: ${JSON.stringify(last)} (${before}/${after})`);
  eq((await active(page)).testid, 'item-notes', 'still in the notes');
  await page.keyboard.type(' (unanimous)');
  eq((await notes.inputValue()).split('\n').at(-1), `${last} (unanimous)`, 'the caret stayed at the end of the line');
  // Asked again on a stamped line: the stamp stays as it was.
  await page.keyboard.press(`${mod}+Shift+T`);
  eq((await notes.inputValue()).split('\n').at(-1), `${last} (unanimous)`, 'a stamp is not moved');
  await waitSaved();
  eq((await savedDoc(ENERGY)).agenda[0].notes, await notes.inputValue(), 'saved as shown');
  // In a published field nothing is stamped; the officer is told where stamps go.
  const title = item(page, 0).locator('[data-testid="item-title"]');
  const titleBefore = await title.inputValue();
  await title.focus();
  await page.keyboard.press(`${mod}+Shift+T`);
  eq(await title.inputValue(), titleBefore, 'the title is untouched');
  await until(async () => (await page.locator('.toast').allInnerTexts()).some((t) => t.includes('Time stamps go into an agenda item’s notes')), 'the toast');
});

test('quote: capturing picks the speaker by keyboard: Enter keeps the one offered, typing filters, arrows move, Escape goes to the words', async ({ page, open, savedDoc, waitSaved, axe, mod }) => {
  await open(standardSeed());
  const title = item(page, 0).locator('[data-testid="item-title"]');
  await title.focus();
  await page.keyboard.press(`${mod}+Shift+Enter`);
  const quotes = item(page, 0).locator('[data-testid="quote"]');
  const fresh = quotes.last();
  eq((await active(page)).testid, 'speaker-picker', 'who speaks, first');
  // The item's last speaker is offered first: Enter alone keeps them.
  eq(await fresh.locator('[data-testid="speaker-option"]').evaluateAll((els) => els.map((e) => [e.dataset.id, e.getAttribute('aria-selected')])), [['jonas-berg', 'true'], ['kadri-tamm', 'false']], 'the last speaker first, selected');
  await axe('speaker picker');
  await page.screenshot({ path: join(SHOTS, 'speaker-picker.png') });
  await page.keyboard.press('Enter');
  eq((await active(page)).testid, 'quote-text', 'then the words');
  eq(await fresh.locator('[data-testid="quote-speaker"]').inputValue(), 'jonas-berg', 'kept');
  await page.keyboard.type('Prices will fall by spring.');

  // Another: typing part of a short name (accents and case aside) finds her.
  await page.keyboard.press(`${mod}+Shift+Enter`);
  eq((await active(page)).testid, 'speaker-picker', 'who speaks, first');
  await page.keyboard.type('tamm');
  await page.keyboard.press('Enter');
  eq(await quotes.last().locator('[data-testid="quote-speaker"]').inputValue(), 'kadri-tamm', 'found by typing');
  await page.keyboard.type('We stand together.');

  // Arrows move through the people; Escape keeps the one offered and goes to the words.
  await page.keyboard.press(`${mod}+Shift+Enter`);
  await page.keyboard.press('ArrowDown');
  eq(await quotes.last().locator('[aria-selected="true"]').getAttribute('data-id'), 'jonas-berg', 'ArrowDown');
  await page.keyboard.press('Escape');
  eq((await active(page)).testid, 'quote-text', 'Escape: the words');
  eq(await quotes.last().locator('[data-testid="speaker-picker"]').count(), 0, 'the picker is gone');
  eq(await quotes.last().locator('[data-testid="quote-speaker"]').inputValue(), 'kadri-tamm', 'the one offered is kept');
  await page.keyboard.type('Agreed.');
  await waitSaved();
  const doc = await savedDoc(ENERGY);
  eq(doc.agenda[0].quotes.slice(-3).map((q) => [q.speaker, q.words.en]), [['jonas-berg', 'Prices will fall by spring.'], ['kadri-tamm', 'We stand together.'], ['kadri-tamm', 'Agreed.']], 'captured');
});

test('release: the preview follows the headline as you type', async ({ page, open, tid, waitPreviewContains }) => {
  await open(standardSeed());
  await tid('release-headline').fill('');
  await tid('release-headline').pressSequentially('Ministers light up the Baltic', { delay: 10 });
  await waitPreviewContains('Ministers light up the Baltic');
  // The frame is as tall as the release (measured), so the pane scrolls and keeps its place.
  await until(async () => {
    const [frameH, paneH] = await page.evaluate(() => [document.querySelector('[data-testid="preview"]').getBoundingClientRect().height, window.innerHeight]);
    return frameH > 300 && frameH < paneH * 3;
  }, 'preview as tall as its content');
  await tid('release-updated-now').click();
  await until(async () => /[+-]\d\d:\d\d$/.test(await page.evaluate(() => window.__fake.doc(3).releases[0].updated)), 'updated saved with offset', 8000);
});

test('release: switching an item out of the release updates the preview; undo', async ({ page, open, waitPreviewContains, previewHtml }) => {
  await open(standardSeed());
  await waitPreviewContains('gas storage levels');
  await item(page, 0).locator('[data-testid="item-in-release"]').click();
  await until(async () => !(await previewHtml()).includes('gas storage levels'), 'item left out');
  await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+z`);
  await waitPreviewContains('gas storage levels');
});

test('language: French release changes the verb placeholder', async ({ page, open, tid }) => {
  await open(standardSeed());
  await tid('meeting-language').selectOption('fr');
  eq(await item(page, 0).locator('[data-testid="quote-verb"]').first().getAttribute('placeholder'), 'a déclaré', 'fr default verb');
});

// ── Saving ────────────────────────────────────────────────────────────────────────────────────

test('save: "Saving…" until the save resolves, then "Saved"', async ({ page, open, status, fake }) => {
  await open(standardSeed());
  await fake(() => window.__fake.setSaveDelay(1500));
  await item(page, 0).locator('[data-testid="item-summary"]').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' More.');
  eq(await status(), 'Edited', 'edited before the delay');
  await until(async () => (await fake(() => window.__fake.state.pendingSaves)) > 0, 'save started', 3000);
  let samples = 0;
  while ((await fake(() => window.__fake.state.pendingSaves)) > 0) {
    const s = await status();
    const pending = await fake(() => window.__fake.state.pendingSaves);
    if (pending > 0) eq(s, 'Saving…', 'status while the save is pending');
    samples += 1;
    await page.waitForTimeout(50);
  }
  assert(samples >= 10, `sampled the pending save ${samples} times`);
  await until(async () => (await status()) === 'Saved', 'saved after resolve');
});

test('save: a failed save shows code and message; Retry saves', async ({ page, open, tid, fake, waitSaved, savedDoc }) => {
  await open(standardSeed());
  await fake(() => window.__fake.failNextSave('storage', 'database is locked'));
  await tid('meeting-title').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' 2026');
  await tid('save-error').waitFor();
  const text = await tid('save-error').innerText();
  assert(text.includes('storage') && text.includes('database is locked'), `error shown: ${text}`);
  eq(await tid('save-status').getAttribute('data-state'), 'error', 'not saved');
  await tid('save-retry').click();
  await waitSaved();
  eq((await savedDoc(ENERGY)).meeting.title, 'Informal Meeting of Energy Ministers 2026', 'saved on retry');
});

test('conflict on save: the user is asked; keep mine saves over theirs', async ({ page, open, tid, fake, waitSaved, savedDoc, axe }) => {
  await open(standardSeed());
  const theirs = await fake((id) => window.__fake.externalWrite(id, (d) => (d.meeting.title = 'Their title')), ENERGY);
  await tid('meeting-title').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (mine)');
  await tid('conflict-dialog').waitFor({ state: 'visible' });
  eq((await savedDoc(ENERGY)).meeting.title, 'Their title', 'nothing overwritten yet');
  await axe('conflict dialog');
  await page.screenshot({ path: join(SHOTS, 'conflict.png') });
  await tid('conflict-keep').click();
  await waitSaved();
  eq((await savedDoc(ENERGY)).meeting.title, 'Informal Meeting of Energy Ministers (mine)', 'mine saved');
  eq(await fake((id) => window.__fake.revision(id), ENERGY), theirs + 1, 'saved on their revision');
});

test('conflict on focus: polling notices another writer; reload theirs', async ({ page, open, tid, fake, calls }) => {
  await open(standardSeed());
  await fake((id) => window.__fake.externalWrite(id, (d) => (d.meeting.title = 'Their title')), ENERGY);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await tid('conflict-dialog').waitFor({ state: 'visible' });
  await tid('conflict-reload').click();
  await until(async () => (await tid('meeting-title').inputValue()) === 'Their title', 'theirs loaded');
  eq(await tid('save-status').getAttribute('data-state'), 'saved', 'status');
  eq((await calls('save_meeting_v2')).length, 0, 'nothing saved');
});

test('save: edits are flushed before export; export and copy', async ({ page, open, tid, fake, calls }) => {
  await open(standardSeed());
  await tid('release-headline').fill('Exported headline');
  await tid('export-button').click();
  await tid('export-html').click();
  await until(async () => (await fake(() => window.__fake.state.exports.length)) === 1, 'exported');
  const ex = await fake(() => window.__fake.state.exports[0]);
  eq([ex.id, ex.format], [ENERGY, 'html'], 'export args');
  eq((await calls('save_meeting_v2')).length >= 1, true, 'saved before export');
  eq(ex.revision, await fake((id) => window.__fake.revision(id), ENERGY), 'exported the saved revision');
  await tid('toast').filter({ hasText: '/home/press/Documents/meeting-3.html' }).waitFor();
  await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+Shift+c`);
  await tid('toast').filter({ hasText: 'copied' }).waitFor();
  // The shell composes both clipboard flavours from the document it is sent.
  const copied = await fake(() => window.__fake.state.copies);
  eq(copied.length, 1, 'one copy');
  eq(copied[0].doc.releases[0].headline, ['Exported headline'], 'the current document was copied');
  eq(copied[0].language, 'en', 'the release copied is the one edited');
  // The PDF on US Letter, from the same menu: a .pdf file.
  await tid('export-button').click();
  await tid('export-pdf-letter').waitFor();
  await page.screenshot({ path: join(SHOTS, 'export-menu.png') });
  await tid('export-pdf-letter').click();
  await until(async () => (await fake(() => window.__fake.state.exports.length)) === 2, 'exported as PDF');
  eq((await fake(() => window.__fake.state.exports[1])).format, 'pdf-letter', 'the PDF on Letter asked for');
  await tid('toast').filter({ hasText: '/home/press/Documents/meeting-3.pdf' }).waitFor();
});

test('export of a corrected release: the updated time the shell stored is taken in, no conflict', async ({ page, open, tid, fake, waitSaved, savedDoc }) => {
  await open(standardSeed());
  await fake(() => { window.__fake.state.exportSetsUpdated = '2026-10-15T16:00:00Z'; });
  await tid('export-button').click();
  await tid('export-html').click();
  await until(async () => (await fake(() => window.__fake.state.exports.length)) === 1, 'exported');
  await until(async () => (await tid('release-updated-date').inputValue()) === '15/10/2026', 'updated date shown in the release language\'s form');
  await tid('release-closing').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Later edit.');
  await until(async () => JSON.stringify((await savedDoc(ENERGY)).releases[0].closing) === JSON.stringify([{ id: 'closing', p: ['Ministers will meet again in Vilnius in March 2027. Later edit.'] }]), 'the edit saved');
  await waitSaved();
  eq(await tid('conflict-dialog').isVisible(), false, 'no conflict');
  eq((await savedDoc(ENERGY)).releases[0].updated, '2026-10-15T16:00:00Z', 'the stored updated time kept');
});

test('import: an imported meeting opens and is listed', async ({ page, open, tid }) => {
  await open(standardSeed());
  await page.evaluate((doc) => window.__fake.queueImport(doc), { ...fisheriesEn, meeting: { ...fisheriesEn.meeting, title: 'Imported meeting', starts: '2027-05-05' } });
  await tid('import-meeting').click();
  await until(async () => (await tid('meeting-title').inputValue()) === 'Imported meeting', 'opened');
  eq(await tid('meeting-item').first().locator('.title').innerText(), 'Imported meeting', 'listed first');
});

test('close: the shell asks, the pending edit is saved, then the window may close', async ({ page, open, tid, fake, savedDoc }) => {
  await open(standardSeed());
  // A save slow enough that the prompt must show whenever the close comes: even if the autosave
  // (800 ms after the last key) started before it, as it can on a busy machine, more than the
  // prompt's 300 ms of it are left.
  await fake(() => window.__fake.setSaveDelay(3000));
  await item(page, 0).locator('[data-testid="item-summary"]').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Typed just before closing.');
  // The close button, right after typing.
  eq(await fake(() => window.__fake.emit('app://close-requested', null)), 1, 'the UI listens');
  eq(await fake(() => window.__fake.state.closeAcks), 1, 'acknowledged at once: the shell does not force the window closed');
  // A save that takes a while says so.
  await tid('close-prompt').getByText('Saving before closing…').waitFor();
  await until(async () => (await fake(() => window.__fake.state.closed)) === 1, 'close_app called', 10000);
  eq(await tid('close-prompt').isVisible(), false, 'no prompt left');
  const order = (await fake(() => window.__fake.state.calls.map((c) => c.cmd))).filter((c) => c === 'save_meeting_v2' || c === 'close_app');
  eq(order.at(-1), 'close_app', 'close only after the save');
  eq(await fake(() => window.__fake.state.pendingSaves), 0, 'no save in flight when closing');
  const doc = await savedDoc(ENERGY);
  assert(itemText(doc, 'item-1').endsWith(' Typed just before closing.'), `saved: ${itemText(doc, 'item-1')}`);
});

/** Types at the end of the first item's release text, with every save failing; then the close button. */
async function closeUnsaved({ page, fake }, words) {
  await fake(() => { for (let i = 0; i < 20; i += 1) window.__fake.failNextSave('storage', 'database is locked'); });
  await item(page, 0).locator('[data-testid="item-summary"]').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(` ${words}`);
  await fake(() => window.__fake.emit('app://close-requested', null));
}
const stopFailing = (fake) => fake(() => (window.__fake.state.saveFailures.length = 0));

test('close with the save failing: the window stays, the prompt says what is not saved; Retry saves, then closes', async ({ page, open, tid, fake, savedDoc, axe }) => {
  await open(standardSeed());
  await closeUnsaved({ page, fake }, 'Typed while the archive is locked.');
  const prompt = tid('close-prompt');
  await tid('close-reason').waitFor();
  eq(await prompt.getAttribute('role'), 'alertdialog', 'an alert dialog');
  eq(await prompt.locator('h2').innerText(), 'Your latest edits are not saved', 'says so');
  eq((await tid('close-reason').innerText()).replace(/\s+/g, ' '), 'The latest edits to “Informal Meeting of Energy Ministers” could not be stored in the archive (storage: database is locked). If you close now, they are lost.', 'what and why');
  eq(await fake(() => [window.__fake.state.closeAcks, window.__fake.state.closed]), [1, 0], 'acknowledged, not closed');
  eq(await prompt.locator('.choices button').allInnerTexts(), ['Discard edits and close', 'Don’t close', 'Save as meeting file…', 'Retry'], 'the ways out');
  const focused = () => page.evaluate(() => document.activeElement?.id ?? null);
  eq(await focused(), 'close-title', 'focus on the question, not on a choice');
  await axe('close prompt');
  await page.screenshot({ path: join(SHOTS, 'close-prompt.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('close prompt, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // The close button again while asked: answered, asked once.
  await fake(() => window.__fake.emit('app://close-requested', null));
  eq(await fake(() => [window.__fake.state.closeAcks, window.__fake.state.closed]), [2, 0], 'a second request is acknowledged too');
  eq(await prompt.count(), 1, 'one prompt');
  // Retry while it still fails: still asked.
  const saves = (await fake(() => window.__fake.calls('save_meeting_v2'))).length;
  await tid('close-retry').click();
  await until(async () => (await fake(() => window.__fake.calls('save_meeting_v2'))).length === saves + 1, 'retried');
  await until(async () => (await tid('close-retry').innerText()) === 'Retry', 'the retry answered');
  eq(await fake(() => window.__fake.state.closed), 0, 'still open');
  eq(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="close-prompt"]')), true, 'the focus still in the prompt');
  await stopFailing(fake);
  await tid('close-retry').click();
  await until(async () => (await fake(() => window.__fake.state.closed)) === 1, 'closed once saved');
  assert(itemText(await savedDoc(ENERGY), 'item-1').endsWith(' Typed while the archive is locked.'), 'the edit is stored');
});

test('close with the save failing: Save as meeting file… keeps the edit in a file, then closes (a cancelled dialog asks again)', async ({ page, open, tid, fake, savedDoc }) => {
  await open(standardSeed());
  const stored = partOf(await savedDoc(ENERGY), 'item-1');
  await closeUnsaved({ page, fake }, 'Kept in a meeting file.');
  await tid('close-reason').waitFor();
  await fake(() => window.__fake.state.meetingFileAnswers.push(null, { code: 'io', message: '/media/usb/energy.meeting.json: read-only file system' }));
  await tid('close-save-file').click();
  await until(async () => (await fake(() => window.__fake.calls('save_meeting_file'))).length === 1, 'asked where');
  await until(async () => (await tid('close-save-file').innerText()) === 'Save as meeting file…', 'asked again');
  eq(await tid('close-file-error').count(), 0, 'cancelled: no error');
  await tid('close-save-file').click();
  await tid('close-file-error').waitFor();
  eq(await tid('close-file-error').innerText(), 'Could not write the meeting file (io: /media/usb/energy.meeting.json: read-only file system)', 'why the file was not written');
  eq(await fake(() => window.__fake.state.closed), 0, 'still open');
  await tid('close-save-file').click();
  await until(async () => (await fake(() => window.__fake.state.closed)) === 1, 'closed once written');
  const files = await fake(() => window.__fake.state.meetingFiles);
  eq(files.map((f) => f.path), ['/home/press/Documents/meeting.meeting.json'], 'one file written');
  assert(itemText(files[0].doc, 'item-1').endsWith(' Kept in a meeting file.'), 'with what was typed');
  eq(partOf(await savedDoc(ENERGY), 'item-1'), stored, 'the archive still as it was');
});

test('close with the save failing: Don’t close (or Escape) goes back to the meeting; Discard closes without saving', async ({ page, open, tid, fake, savedDoc, status }) => {
  await open(standardSeed());
  const stored = partOf(await savedDoc(ENERGY), 'item-1');
  await closeUnsaved({ page, fake }, 'Dropped on purpose.');
  await tid('close-reason').waitFor();
  await page.keyboard.press('Escape');
  await tid('close-prompt').waitFor({ state: 'hidden' });
  eq(await fake(() => window.__fake.state.closed), 0, 'Escape keeps the window');
  assert((await status()).includes('database is locked'), 'the save status still says what is not saved');
  await fake(() => window.__fake.emit('app://close-requested', null));
  await tid('close-keep-open').click();
  await tid('close-prompt').waitFor({ state: 'hidden' });
  eq(await fake(() => window.__fake.state.closed), 0, 'Don’t close keeps the window');
  await fake(() => window.__fake.emit('app://close-requested', null));
  const saves = (await fake(() => window.__fake.calls('save_meeting_v2'))).length;
  await tid('close-discard').click();
  await until(async () => (await fake(() => window.__fake.state.closed)) === 1, 'closed');
  await stopFailing(fake);
  await page.waitForTimeout(1200);
  eq((await fake(() => window.__fake.calls('save_meeting_v2'))).length, saves, 'no save after Discard');
  eq(partOf(await savedDoc(ENERGY), 'item-1'), stored, 'nothing stored');
});

test('close in a conflict: no Retry; Don’t close brings back the choice of versions', async ({ page, open, tid, fake }) => {
  await open(standardSeed());
  await fake((id) => window.__fake.externalWrite(id, (d) => (d.meeting.title = 'Their title')), ENERGY);
  await tid('meeting-title').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (mine)');
  await tid('conflict-dialog').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await tid('conflict-dialog').waitFor({ state: 'hidden' });
  await fake(() => window.__fake.emit('app://close-requested', null));
  await tid('close-reason').waitFor();
  assert((await tid('close-reason').innerText()).startsWith('“Informal Meeting of Energy Ministers (mine)” was changed elsewhere'), 'says it is a conflict');
  eq(await tid('close-retry').count(), 0, 'no Retry: saving would overwrite theirs');
  await tid('close-keep-open').click();
  await tid('conflict-dialog').waitFor({ state: 'visible' });
  eq(await fake(() => window.__fake.state.closed), 0, 'still open');
});

test('menu: native menu items run the same actions as their shortcuts', async ({ page, open, tid, itemTitles, fake }) => {
  await open(standardSeed());
  const before = (await itemTitles()).length;
  await item(page, 0).locator('[data-testid="item-title"]').click();
  await fake(() => window.__fake.emit('app://menu', 'new-item'));
  await until(async () => (await itemTitles()).length === before + 1, 'item added from the menu');
  await fake(() => window.__fake.emit('app://menu', 'shortcuts'));
  await tid('help-overlay').waitFor();
  await page.keyboard.press('Escape');
  await fake(() => window.__fake.emit('app://menu', 'export-md'));
  await until(async () => (await fake(() => window.__fake.state.exports.length)) === 1, 'exported from the menu');
  eq(await fake(() => window.__fake.state.exports[0].format), 'md', 'format');
});

test('the last open meeting is remembered', async ({ page, open, tid }) => {
  await open(standardSeed());
  await tid('meeting-item').filter({ hasText: 'Transport Council' }).click();
  await until(async () => (await tid('meeting-title').inputValue()) === 'Transport Council', 'opened');
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  eq(await tid('meeting-title').inputValue(), 'Transport Council', 'reopened after reload');
});

// ── Help, accessibility, look ────────────────────────────────────────────────────────────────

test('help overlay: ? and F1 open it, Escape closes it', async ({ page, open, tid, axe }) => {
  await open(standardSeed());
  // Out of every field (a click at a fixed point can land on a disabled toolbar button, which
  // leaves the focus where the app put it: then `?` is typed, as it must be).
  await page.evaluate(() => document.activeElement?.blur());
  eq(await page.evaluate(() => document.activeElement === document.body), true, 'nothing focused');
  await page.keyboard.press('?');
  await tid('help-overlay').waitFor({ state: 'visible' });
  assert((await tid('shortcut').count()) >= 12, 'lists the shortcuts');
  await axe('help overlay');
  await page.screenshot({ path: join(SHOTS, 'help.png') });
  await page.keyboard.press('Escape');
  await tid('help-overlay').waitFor({ state: 'hidden' });
  await tid('meeting-title').focus();
  await page.keyboard.press('?');
  eq(await tid('help-overlay').isVisible(), false, '? types in a text field');
  await page.keyboard.press('F1');
  await tid('help-overlay').waitFor({ state: 'visible' });
});

test('a11y: empty list', async ({ page, open, tid, axe }) => {
  await open({ meetings: [] });
  await tid('empty-list').waitFor();
  eq(await page.evaluate(() => window.__fake.state.uiReady), [{ meetings: 0, previewParagraphs: 0 }], 'ready with nothing to show');
  await axe('empty list');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('empty list, dark');
  await page.screenshot({ path: join(SHOTS, 'empty-dark.png') });
});

test('a11y and screenshots: meeting open, light and dark', async ({ page, open, axe }) => {
  await open(standardSeed());
  await page.waitForTimeout(150);
  await axe('meeting open');
  await page.screenshot({ path: join(SHOTS, 'app-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(100);
  await axe('meeting open, dark');
  await page.screenshot({ path: join(SHOTS, 'app-dark.png') });
});

// The preview's fonts (core's styles in the shadow root) are checked in the real window (e2e).
test('fonts: the UI uses the fonts shipped with the app, loaded from the app', async ({ page, open }) => {
  await open(standardSeed(), { waitReady: true });
  const seen = await page.evaluate(async () => {
    await document.fonts.ready;
    const family = (el) => getComputedStyle(el).fontFamily.split(',')[0].trim().replace(/["']/g, '');
    const loaded = [...document.fonts].filter((f) => f.status === 'loaded');
    return {
      ui: family(document.body),
      text: family(document.querySelector('[data-testid="release-headline"]')),
      loaded: [...new Set(loaded.map((f) => f.family.replace(/["']/g, '')))].sort(),
      remote: [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSFontFaceRule && /url\(["']?(https?:)?\/\//.test(r.style.getPropertyValue('src'))).length,
    };
  });
  eq(seen.ui, 'Inter Variable', 'interface');
  eq(seen.text, 'Source Serif 4 Variable', 'writing fields');
  for (const f of ['Inter Variable', 'Source Serif 4 Variable']) assert(seen.loaded.includes(f), `${f} loaded: ${JSON.stringify(seen.loaded)}`);
  eq(seen.remote, 0, 'no font from elsewhere');
});

for (const [w, h] of [[1280, 800], [1024, 700]]) {
  test(`layout: nothing overflows at ${w}×${h}`, async ({ page, open }) => {
    await open(standardSeed());
    const over = await page.evaluate(() => {
      const out = [];
      if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}`);
      for (const el of document.querySelectorAll('.sidebar, .brand, .search, .editor, .release, .scroll, .toolbar, .page, [data-testid="agenda-item"], .attrib, .head .meta, .dates, .photo, .menuwrap')) {
        if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className.split(' ')[0] || el.dataset.testid}: ${el.scrollWidth} > ${el.clientWidth}`);
      }
      return out;
    });
    eq(over, [], 'horizontal overflow');
    await page.screenshot({ path: join(SHOTS, `app-${w}x${h}.png`) });
  }, { viewport: { width: w, height: h } });
}

// ── Large meetings ────────────────────────────────────────────────────────────────────────────

test('300 items: loads, typing stays smooth, the preview follows (latency printed)', async ({ page, open, tid, calls, waitPreviewContains }) => {
  const t0 = Date.now();
  await open(bigMeeting(300), { waitReady: true });
  const loadMs = Date.now() - t0;
  eq(await agendaCount(page), 300, 'all items counted');
  const rendered = await tid('agenda-item').count();
  assert(rendered <= 20, `only the items near the visible area are rendered (${rendered} of 300)`);
  const summary = (await showItem(page, 149)).locator('[data-testid="item-summary"]');
  await summary.click();
  // The end of the item's text: after its quote, the last thing in its paragraph.
  await page.keyboard.press('Control+End');
  const preview = page.locator('[data-testid="preview"]');
  await preview.evaluate((el) => (el.shadowRoot.querySelector('p').__same = true));
  // What the preview shows just before the caret: the end of the item's paragraph (its quote).
  const tail = await preview.evaluate((el) => [...el.shadowRoot.querySelectorAll('p')].find((p) => p.textContent.includes('discussed point 150 and'))?.textContent.slice(-8));
  assert(typeof tail === 'string' && tail.length === 8, `item 150's paragraph in the preview: ${JSON.stringify(tail)}`);

  // Keystroke → preview: one key at a time, waiting for the preview to contain it.
  const toPreview = [];
  const toPaint = [];
  let typed = '';
  const letters = 'thequickbrownfoxjumpsoverthelazydog';
  for (let i = 0; i < 30; i += 1) {
    typed += letters[i];
    await page.evaluate((expected) => {
      let t0 = performance.now();
      window.__lat = new Promise((resolve) => {
        let paint = null;
        let settled = false;
        document.addEventListener('keydown', () => (t0 = performance.now()), { once: true, capture: true });
        const shows = () =>
          (document.querySelector('[data-testid="preview"]')?.shadowRoot?.textContent ?? '').includes(expected);
        // Checked every frame; once the preview's document holds the keystroke, the next frame
        // is the one that paints it.
        const poll = () => {
          if (settled) return;
          if (shows()) {
            settled = true;
            requestAnimationFrame(() => resolve({ paint, preview: performance.now() - t0 }));
          } else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
        document.addEventListener('input', () => requestAnimationFrame(() => (paint = performance.now() - t0)), { once: true, capture: true });
        setTimeout(() => resolve({ paint, preview: Infinity }), 5000);
      });
    }, `${tail}${typed}`);
    await page.keyboard.type(letters[i]);
    const r = await page.evaluate(() => window.__lat);
    toPreview.push(r.preview);
    if (r.paint !== null) toPaint.push(r.paint);
  }
  assert(toPreview.every(Number.isFinite), 'every keystroke reached the preview');

  // A burst at typing speed: keystroke → next frame.
  await page.evaluate(() => {
    window.__burst = [];
    document.addEventListener('keydown', (e) => {
      const t = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => window.__burst.push(performance.now() - t)));
    }, { capture: true });
  });
  await page.keyboard.type(' and then some more words typed quickly', { delay: 35 });
  await page.waitForTimeout(100);
  const burst = await page.evaluate(() => window.__burst);

  // The document went whole once; every keystroke after sent what the release says of item 150
  // alone (its part, the release's 150th: the agenda entry itself did not change) and got back its
  // paragraph: the others are the same nodes, and the preview holds what was typed.
  const edits = await calls('preview_edit_v2');
  eq(edits[0].args.doc?.agenda?.length, 300, 'the first request sends the document whole');
  eq(edits[0].args.doc?.releases?.[0]?.items?.length, 300, 'with every item\'s part of the release');
  const rest = edits.slice(1);
  assert(rest.length >= 30, `one request per keystroke or so (${rest.length})`);
  const sent = (c) => JSON.stringify(c.args.parts.map((p) => [p.part, p.release ?? null, p.index, p.value?.id ?? p.value?.item]));
  const item149 = JSON.stringify([['release_item', 0, 149, 'item-150']]);
  const bad = rest.filter((c) => c.args.doc !== null || sent(c) !== item149);
  eq(bad.length, 0, `later requests send item 149 only: ${bad.slice(0, 2).map(sent).join(' ')}`);
  await waitPreviewContains('typed quickly');
  eq(await preview.evaluate((el) => el.shadowRoot.querySelector('p').__same ?? false), true, 'the first paragraph is the same node');
  eq(await preview.evaluate((el) => el.shadowRoot.querySelectorAll('article > p').length), 300 + 2, 'one paragraph per item, the lead and the closing');

  const f = (x) => `${x.toFixed(1)} ms`;
  console.log(`      300-item meeting: load to ready ${loadMs} ms`);
  console.log(`      keystroke → preview showing it (30 keys, painted): p50 ${f(await percentile(toPreview, 50))}, p95 ${f(await percentile(toPreview, 95))}`);
  console.log(`      keystroke → next paint (30 keys, one at a time): p50 ${f(await percentile(toPaint, 50))}, p95 ${f(await percentile(toPaint, 95))}`);
  console.log(`      keystroke → second frame while typing at 35 ms/key (${burst.length} keys): p50 ${f(await percentile(burst, 50))}, p95 ${f(await percentile(burst, 95))}`);
}, { timeout: 120000 });

test('300 items: only items near the view are rendered; the text on screen stays still as others appear; focus and typing keep an item', async ({ page, open, tid }) => {
  const seed = bigMeeting(300);
  // Uneven items, so that an item's estimated height is off from its real one.
  seed.meetings[0].doc.agenda.forEach((it, i) => {
    it.summary = it.summary.repeat(1 + (i % 5));
    for (let k = 0; k < i % 3; k += 1) it.quotes.push({ speaker: 'chair', text: 'Said it. '.repeat(1 + ((i * 7) % 40)), in_release: true });
  });
  await open(seed, { waitReady: true });
  const scroller = page.locator('.editor .scroll');
  const rendered = () => tid('agenda-item').count();
  const shown = (index) => page.locator(`[data-testid="agenda-item"][data-index="${index}"]`).count();

  const atOpen = await rendered();
  assert(atOpen >= 3 && atOpen <= 20, `only the first screens are rendered at open (${atOpen})`);
  eq(await agendaCount(page), 300, 'the agenda counts all its items');
  const gaps = await page.locator('[data-testid="agenda-gap"]').evaluateAll((g) => g.map((e) => Number(e.dataset.count)));
  eq(gaps.reduce((a, b) => a + b, 0) + atOpen, 300, 'the gap below holds the others');

  // Far down: the items there are rendered, the first ones no longer.
  const far = await showItem(page, 200);
  await far.locator('[data-testid="item-summary"]').waitFor();
  await until(async () => (await shown(0)) === 0, 'the first item is gone once far away');
  const inMiddle = await rendered();
  assert(inMiddle <= 30, `a few screens are rendered, not the agenda (${inMiddle})`);

  // Scrolling up brings items above into view; the text on screen moves by the scroll, no more.
  for (let k = 0; k < 12; k += 1) {
    const anchor = await page.evaluate(() => {
      const top = document.querySelector('.editor .scroll').getBoundingClientRect().top;
      const el = [...document.querySelectorAll('[data-testid="agenda-item"]')].find((e) => e.getBoundingClientRect().top >= top);
      return { index: el.dataset.index, top: el.getBoundingClientRect().top };
    });
    await scroller.evaluate((s) => s.scrollBy(0, -300));
    await frames(page, 6);
    const now = await page.locator(`[data-testid="agenda-item"][data-index="${anchor.index}"]`).evaluate((e) => e.getBoundingClientRect().top);
    const moved = now - anchor.top;
    assert(Math.abs(moved - 300) <= 1, `step ${k}: item ${anchor.index} moved ${moved.toFixed(1)} px for a 300 px scroll`);
  }

  // Typed in, then left far behind: the item stays (its field keeps the browser's undo).
  const summary = (await showItem(page, 289)).locator('[data-testid="item-summary"]');
  await summary.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Typed far down.');
  assert((await summary.textContent()).includes('Typed far down.'), 'typed in the item\'s text');
  await tid('meeting-title').focus();
  await scroller.evaluate((s) => (s.scrollTop = 0));
  await until(async () => (await shown(289)) === 1 && (await shown(285)) === 0, 'the typed item stays, its untouched neighbour goes', 5000);
  await showItem(page, 289);
  await summary.click();
  await page.keyboard.press('Control+Z');
  assert(!(await summary.textContent()).includes('Typed far down.'), 'the field undoes its typing after the round trip');

  // The app focuses an item far from view: delete item 280 by keyboard, go to the top, Undo.
  await (await showItem(page, 279)).locator('[data-testid="item-title"]').focus();
  await page.keyboard.press('Control+Shift+Backspace');
  await until(async () => (await agendaCount(page)) === 299, 'deleted');
  await scroller.evaluate((s) => (s.scrollTop = 0));
  await tid('meeting-title').focus();
  await until(async () => (await shown(250)) === 0, 'far items gone');
  await tid('undo').click();
  await until(async () => (await active(page)).value === 'Point 280', 'undo focuses the restored item, far from view');
  eq((await active(page)).testid, 'item-title', 'its title');
}, { timeout: 120000 });

test('delete meeting: asks first, then the next meeting opens', async ({ open, tid, fake }) => {
  await open(standardSeed());
  await tid('delete-meeting').click();
  await tid('delete-dialog').waitFor({ state: 'visible' });
  await tid('delete-confirm').click();
  await until(async () => (await tid('meeting-item').count()) === 4, 'removed from the list');
  await until(async () => (await tid('meeting-title').inputValue()) === 'Conseil de printemps des ministres de la pêche', 'next opened');
  eq(await fake(() => window.__fake.state.meetings.has(3)), false, 'deleted in the shell');
});

test('a quote without a speaker is flagged and kept out of the saved file', async ({ page, open, tid, savedDoc, waitSaved }) => {
  await open({ meetings: [{ id: 1, doc: { format: 'communique.meeting.v1', meeting: { title: 'T', language: 'en', starts: '2026-01-01' }, people: [], agenda: [{ title: 'A', notes: '', in_release: true, summary: 'S', quotes: [] }], release: { headline: 'H', lead: '', closing: '', photos: [] } } }] });
  await item(page, 0).locator('[data-testid="add-quote"]').click();
  await page.keyboard.type('Unattributed words');
  await tid('quote-needs-speaker').waitFor();
  await tid('draft-quotes').waitFor();
  await waitSaved();
  const draft = await savedDoc(1);
  eq(draft.agenda[0].quotes ?? [], [], 'draft not saved');
  eq(draft.releases[0].items, [{ item: 'item-1', blocks: [{ id: 'p-1', p: ['S'] }] }], 'nor placed in the release');
  await item(page, 0).locator('[data-testid="quote-speaker"]').selectOption('__new');
  await page.keyboard.type('Kim Lee');
  await page.keyboard.press('Enter');
  await waitSaved();
  const attributed = await savedDoc(1);
  const id = attributed.agenda[0].quotes?.[0]?.id;
  assert(typeof id === 'string' && id !== '', `an id: ${id}`);
  eq(attributed.agenda[0].quotes, [{ id, speaker: 'kim-lee', words: { en: 'Unattributed words' } }], 'saved once attributed');
  eq(attributed.releases[0].items, [{ item: 'item-1', blocks: [{ id: 'p-1', p: ['S', ' ', { quote: id }] }] }], 'and placed at the end of the item\'s text');
  eq(await tid('draft-quotes').count(), 0, 'flag gone');
});

// ── Versions and backups ──────────────────────────────────────────────────────────────────────

const versionNumbers = (tid) => tid('version').evaluateAll((els) => els.map((e) => Number(e.dataset.number)));
const diffKinds = (page) => page.locator('[data-testid="diff"] > li').evaluateAll((els) => els.map((e) => e.dataset.kind ?? (e.classList.contains('fold') ? 'fold' : '?')));
const toastWith = (tid, text) => tid('toast').filter({ hasText: text }).waitFor();

test('versions: every export that reads differently records one, listed newest first', async ({ page, open, tid, fake }) => {
  await open(standardSeed());
  await tid('versions-button').click();
  await tid('versions-empty').waitFor();
  eq(await tid('versions-button').getAttribute('aria-pressed'), 'true', 'pressed');
  await tid('export-button').click();
  await tid('export-html').click();
  await until(async () => (await versionNumbers(tid)).length === 1, 'one version after an export');
  // Edit the release (from the agenda: the release fields are behind the versions view), export again.
  await item(page, 1).locator('[data-testid="item-summary"]').fill('The Council postponed the offshore wind grid to 2032.');
  await tid('export-button').click();
  await tid('export-md').click();
  await until(async () => (await versionNumbers(tid)).length === 2, 'two versions');
  await tid('export-button').click();
  await tid('export-json').click();
  await until(async () => (await fake(() => window.__fake.state.exports.length)) === 3, 'third export');
  await page.waitForTimeout(150);
  eq(await versionNumbers(tid), [2, 1], 'an export of the same release records nothing; newest first');
  const rows = tid('version');
  eq(await rows.nth(0).locator('.reason').innerText(), 'Exported as Markdown', 'reason');
  eq(await rows.nth(1).locator('.reason').innerText(), 'Exported as HTML', 'reason');
  eq(await rows.nth(0).locator('.headline').innerText(), 'Energy ministers agree joint winter plan and offshore wind grid', 'headline');
  const when = await rows.nth(0).locator('time').evaluate((t) => [t.getAttribute('datetime'), t.textContent]);
  assert(/^\d{4}-\d\d-\d\dT/.test(when[0]) && /^Today, \d\d:\d\d$/.test(when[1]), `local time shown: ${when}`);
  // Newest selected, compared with the release now: it reads the same.
  eq(await rows.nth(0).locator('input').isChecked(), true, 'newest selected');
  await until(async () => (await tid('diff-summary').innerText()).includes('reads exactly like the release now'), 'no difference');
  // Mod+Shift+H goes back to the release.
  await tid('versions-button').focus();
  await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+Shift+h`);
  await tid('release-headline').waitFor();
  eq(await tid('versions-view').count(), 0, 'view closed');
});

test('status: the view opens from the toolbar, shows no status, asks who cleared before a clearance, and gives the pane back', async ({ page, open, tid }) => {
  await open(standardSeed());
  eq(await tid('status-button').innerText(), 'Status', 'no status on the chip');
  await tid('status-button').click();
  await tid('clearance-view').waitFor();
  eq(await tid('clearance-status').innerText(), 'No status', 'none yet');
  await tid('log-empty').waitFor();
  eq(await tid('move-ready_for_clearance').isEnabled(), true, 'send for clearance');
  eq(await tid('move-cleared').isDisabled(), true, 'a clearance needs who cleared it');
  await tid('clearance-by').fill('Ana Ruiz');
  eq(await tid('move-cleared').isEnabled(), true, 'named');
  // The versions take the pane; Escape in the status view gives it back to the release.
  await tid('versions-button').click();
  await tid('versions-view').waitFor();
  eq(await tid('clearance-view').count(), 0, 'status view closed');
  await tid('status-button').click();
  await tid('clearance-view').waitFor();
  eq(await tid('versions-view').count(), 0, 'versions view closed');
  await tid('clearance-note').click();
  await page.keyboard.press('Escape');
  await tid('release-headline').waitFor();
  eq(await tid('clearance-view').count(), 0, 'closed');
  eq(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'status-button', 'focus back on the button');
});

test('versions: "Save version" saves what is typed first; no change the second time', async ({ page, open, tid, fake, calls }) => {
  await open(standardSeed());
  await tid('versions-button').click();
  await tid('versions-empty').waitFor();
  const summary = item(page, 0).locator('[data-testid="item-summary"]');
  await summary.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Typed just now.');
  await tid('save-version').click();
  await toastWith(tid, 'Version 1 saved');
  const saved = await fake((id) => window.__fake.versions(id), ENERGY);
  eq(saved.length, 1, 'one version');
  assert(saved[0].blocks.some((b) => b.includes('Typed just now.')), 'the version has what was typed (saved first)');
  const order = (await calls()).map((c) => c.cmd).filter((c) => c === 'save_meeting_v2' || c === 'save_version');
  eq(order.slice(-2), ['save_meeting_v2', 'save_version'], 'saved, then versioned');
  await until(async () => (await versionNumbers(tid)).join() === '1', 'listed');
  eq(await tid('version').first().locator('.reason').innerText(), 'Saved by hand', 'reason');
  await tid('save-version').click();
  await toastWith(tid, 'No change since version 1');
  eq((await fake((id) => window.__fake.versions(id), ENERGY)).length, 1, 'still one version');
});

test('versions: the difference shows changed, added and removed paragraphs; any two compared', async ({ page, open, tid, calls, axe, mod }) => {
  await open(historySeed());
  await tid('meeting-title').click();
  await page.keyboard.press(`${mod}+Shift+h`);
  await tid('versions-view').waitFor();
  await until(async () => (await versionNumbers(tid)).join() === '3,2,1', 'three versions');
  await tid('version').filter({ has: page.locator('input[value="1"]') }).click();
  await until(async () => (await diffKinds(page)).join() === 'changed,same,same,changed,same,removed,same,added', 'kinds from 1 to now');
  const last = (await calls('version_diff')).at(-1).args;
  eq([last.id, last.from, last.to], [ENERGY, 1, 0], 'version_diff args');
  eq(await tid('diff-summary').innerText(), '2 changed · 1 added · 1 removed', 'summary');
  const paras = tid('diff-para');
  // The headline: before / after, with the words added marked.
  const headline = paras.nth(0);
  eq(await headline.locator('.tag').innerText(), 'CHANGED', 'label (not colour alone)');
  eq(await headline.locator('[data-testid="diff-inline"]').textContent(), 'Energy ministers agree joint winter plan [added: and offshore wind grid]', 'words added, inline');
  eq(await headline.locator('del').count(), 0, 'nothing removed');
  // A changed figure inside a long paragraph: struck out, then the new one.
  const storage = paras.nth(3);
  eq(await storage.locator('del').allTextContents(), ['[removed: 85%]'], 'removed word');
  eq(await storage.locator('ins').allTextContents(), ['[added: 87%]'], 'added word');
  assert((await storage.textContent()).includes('“Storage is at [removed: 85%] [added: 87%] today,'), 'in place');
  eq(await paras.nth(1).textContent(), 'Unchanged: 15 October 2026', 'unchanged paragraph, labelled for screen readers');
  const removed = paras.nth(5);
  eq(await removed.locator('del').innerText(), 'Ministers also exchanged views on the Nordic electricity market.', 'removed paragraph struck through');
  eq(await removed.locator('.tag').innerText(), 'REMOVED', 'label');
  eq(await paras.nth(7).locator('ins').innerText(), 'Ministers at the Tallinn harbour substation', 'added paragraph');
  eq(await paras.nth(7).locator('.tag').innerText(), 'ADDED', 'label');
  await axe('versions view');
  // Tall enough for the list and every kind of difference in one picture.
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: join(SHOTS, 'versions-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(100);
  await axe('versions view, dark');
  await page.screenshot({ path: join(SHOTS, 'versions-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Any two versions: 1 → 2, where the unchanged middle is folded away until asked for.
  await tid('compare-with').selectOption('2');
  await until(async () => (await diffKinds(page)).join() === 'changed,same,fold,same,removed,same', 'kinds from 1 to 2');
  const args = (await calls('version_diff')).at(-1).args;
  eq([args.from, args.to], [1, 2], 'compared 1 with 2');
  eq(await tid('diff-fold').innerText(), '2 unchanged paragraphs — show', 'fold');
  await tid('diff-fold').click();
  eq(await diffKinds(page), ['changed', 'same', 'same', 'same', 'same', 'removed', 'same'], 'unfolded');
  // Selecting the version compared with goes back to comparing with now.
  await tid('version').filter({ has: page.locator('input[value="2"]') }).click();
  await until(async () => (await tid('compare-with').inputValue()) === '0', 'compared with now again');
  await until(async () => (await diffKinds(page)).join() === 'same,same,same,changed,same,same,added', 'kinds from 2 to now');
  // The keyboard moves through the versions (a radio group).
  await page.keyboard.press('ArrowDown');
  await until(async () => (await calls('version_diff')).at(-1).args.from === 1, 'arrow selects the next version');
});

test('versions: restore asks first, then the editor shows that version and a new version is listed', async ({ page, open, tid, calls, axe, waitSaved, waitPreviewContains, savedDoc }) => {
  await open(historySeed());
  await tid('versions-button').click();
  await until(async () => (await versionNumbers(tid)).join() === '3,2,1', 'three versions');
  await tid('version').filter({ has: page.locator('input[value="1"]') }).click();
  await tid('restore-version').click();
  await tid('restore-dialog').waitFor({ state: 'visible' });
  eq(await tid('restore-dialog').locator('h2').innerText(), 'Restore version 1?', 'asks');
  assert((await tid('restore-dialog').innerText()).includes('The release will read as it did then; this is itself recorded as a new version.'), 'says what happens');
  eq((await active(page)).testid, 'restore-cancel', 'focus on Cancel');
  await axe('restore confirmation');
  await page.keyboard.press('Escape');
  await tid('restore-dialog').waitFor({ state: 'hidden' });
  eq((await calls('restore_version')).length, 0, 'nothing restored on Escape');
  await tid('restore-version').click();
  await tid('restore-confirm').click();
  await toastWith(tid, 'Restored version 1');
  eq((await calls('restore_version')).at(-1).args, { id: ENERGY, number: 1 }, 'restore_version args');
  // What the release read before is kept as a version; the restore is one too.
  await until(async () => (await versionNumbers(tid)).join() === '5,4,3,2,1', 'new versions listed');
  eq(await tid('version').first().locator('.reason').innerText(), 'Restored version 1', 'newest is the restore');
  eq(await tid('version').nth(1).locator('.reason').innerText(), 'Before restoring version 1', 'then the release as it read');
  await until(async () => (await tid('diff-summary').innerText()).includes('reads exactly like the release now'), 'restore reads like now');
  eq(await item(page, 3).locator('[data-testid="item-summary"]').textContent(), 'Ministers also exchanged views on the Nordic electricity market.', 'agenda as it was');
  await tid('versions-close').click();
  eq(await tid('release-headline').inputValue(), 'Energy ministers agree joint winter plan', 'old headline in the editor');
  await waitPreviewContains('Storage is at 85% today');
  // The editor is on the new revision: the next edit saves without a conflict.
  await tid('release-headline').fill('Energy ministers agree joint winter plan, again');
  await waitSaved();
  eq((await savedDoc(ENERGY)).releases[0].headline, ['Energy ministers agree joint winter plan, again'], 'saved after restore');
  eq(await tid('conflict-dialog').isVisible(), false, 'no conflict');
});

test('layout: the versions view fits at 1024×700', async ({ page, open, tid }) => {
  await open(historySeed());
  await tid('versions-button').click();
  await until(async () => (await versionNumbers(tid)).length === 3, 'listed');
  await tid('version').filter({ has: page.locator('input[value="1"]') }).click();
  await tid('diff').waitFor();
  const over = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('.release .toolbar, .release .scroll, .versions, .vhead, .versions .list, .diffbox, .dhead, .cmp, .diff, [data-testid="diff-para"]')) {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className.split(' ')[0] || el.dataset.testid}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
  eq(over, [], 'horizontal overflow');
  eq(await tid('versions-button').getAttribute('aria-label'), 'Versions', 'named when only its icon shows');
  await page.screenshot({ path: join(SHOTS, 'versions-1024x700.png') });
  await tid('restore-version').click();
  await tid('restore-dialog').waitFor({ state: 'visible' });
  await page.screenshot({ path: join(SHOTS, 'restore-version.png') });
}, { viewport: { width: 1024, height: 700 } });

test('backups: listed; restore asks with both counts, then replaces the archive', async ({ page, open, tid, fake, calls, axe }) => {
  await open(backupSeed());
  // From the native menu as from the sidebar.
  eq(await fake(() => window.__fake.emit('app://menu', 'backups')), 1, 'menu event');
  await tid('backups-dialog').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await tid('backups-dialog').waitFor({ state: 'hidden' });
  await tid('backups-button').click();
  await tid('backups-dialog').waitFor({ state: 'visible' });
  await until(async () => (await tid('backup').count()) === 2, 'two backups');
  eq(await tid('backup-meetings').allInnerTexts(), ['3', '2'], 'meetings per backup');
  assert((await tid('backup').first().innerText()).includes('1.2 MB'), 'size');
  assert((await tid('backup').first().innerText()).includes('communique-2026-10-15.sqlite3'), 'name');
  await axe('backups dialog');
  await page.screenshot({ path: join(SHOTS, 'backups.png') });
  await tid('backup-restore').first().click();
  await tid('backup-confirm').waitFor({ state: 'visible' });
  const text = (await tid('backup-confirm-text').innerText()).replace(/\s+/g, ' ').trim();
  assert(/^Replace the whole archive \(5 meetings now\) with this backup from 15 Oct 2026, \d\d:\d\d \(3 meetings\)\? Every meeting changed since then is lost\.$/.test(text), `confirmation: ${text}`);
  eq((await active(page)).testid, 'backup-confirm-cancel', 'focus on Cancel');
  await axe('backup confirmation');
  await page.screenshot({ path: join(SHOTS, 'backup-confirm-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(100);
  await axe('backup confirmation, dark');
  await page.screenshot({ path: join(SHOTS, 'backup-confirm-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await tid('backup-confirm-cancel').click();
  await tid('backup-confirm').waitFor({ state: 'hidden' });
  eq((await calls('restore_backup')).length, 0, 'nothing restored on Cancel');
  await tid('backup-restore').first().click();
  await tid('backup-confirm-restore').click();
  await toastWith(tid, 'Archive restored');
  eq((await calls('restore_backup')).at(-1).args, { path: '/home/press/.local/share/app.communique/backups/communique-2026-10-15.sqlite3' }, 'restore_backup args');
  await until(async () => (await tid('meeting-count').innerText()) === '3 meetings', 'list replaced');
  eq(await page.locator('[data-testid="meeting-item"] .title').allInnerTexts(), ['Budget Council', 'Spring Council of Fisheries Ministers', 'Transport Council'], 'the backup’s meetings');
  await until(async () => (await tid('meeting-title').inputValue()) === 'Budget Council', 'the most recent opened');
  eq(await tid('backups-dialog').isVisible(), false, 'dialog closed');
});

test('a meeting published in two languages: the language control switches the release edited; each keeps its own text', async ({ page, open, tid, savedDoc, waitSaved, waitPreviewContains }) => {
  // Core's own two-language file (the corpus of made-up releases), as the archive holds it.
  const pair = JSON.parse(readFileSync(join(UI, '..', 'core', 'tests', 'fixtures', 'corpus', 'pair-energy-talks.meeting.json'), 'utf8'));
  await open({ meetings: [{ id: 1, doc: pair }] });
  const headline = tid('release-headline');
  await until(async () => (await headline.inputValue()) === pair.releases[0].headline[0], 'the English release first');
  const lang = tid('meeting-language');
  eq(await lang.locator('option:not([value^="add:"])').evaluateAll((os) => os.map((o) => o.value)), ['en', 'fr'], 'the languages it is published in');
  // Then a version can be added in each language it is not published in, from core's list.
  eq(await lang.locator('option[value^="add:"]').evaluateAll((os) => os.map((o) => o.value)), ['add:de', 'add:es', 'add:it', 'add:pt', 'add:nl', 'add:pl', 'add:uk'], 'the versions it can add');
  await headline.fill(`${pair.releases[0].headline[0]} (corrected)`);
  await lang.selectOption('fr');
  await until(async () => (await headline.inputValue()) === pair.releases[1].headline[0], 'the French release');
  await waitPreviewContains(pair.releases[1].headline[0]);
  eq(await page.evaluate(() => document.querySelector('[data-testid="preview"]').shadowRoot.querySelector('[lang]')?.getAttribute('lang')), 'fr', 'the preview in French');
  // The English edit was saved before switching; the French text is its own.
  await headline.fill(`${pair.releases[1].headline[0]} (corrigé)`);
  await waitSaved();
  const doc = await savedDoc(1);
  eq(doc.releases.map((r) => r.headline), [[`${pair.releases[0].headline[0]} (corrected)`], [`${pair.releases[1].headline[0]} (corrigé)`]], 'each release its own headline');
  eq(doc.people, pair.people, 'the people, both languages’ forms, unchanged');
  eq(doc.agenda, pair.agenda, 'the quotes, both languages’ words, unchanged');
  // Back to English: its text as saved.
  await lang.selectOption('en');
  await until(async () => (await headline.inputValue()) === `${pair.releases[0].headline[0]} (corrected)`, 'the English release again');
});

test('Mod+Z / Mod+Shift+Z in a text field undo and redo its typing (the app hands the keys to the browser’s undo)', async ({ page, open, savedDoc, waitSaved, mod }) => {
  await open(standardSeed());
  const notes = item(page, 0).locator('[data-testid="item-notes"]');
  const before = await notes.inputValue();
  const typed = `${before} Typed, then undone.`;
  await notes.click();
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.type(' Typed, then undone.');
  eq(await notes.inputValue(), typed, 'typed');
  // The browser groups typing into undo steps its own way (Chromium: the first space apart).
  let steps = 0;
  while ((await notes.inputValue()) !== before && steps < 5) {
    await page.keyboard.press(`${mod}+z`);
    steps += 1;
  }
  eq(await notes.inputValue(), before, `undone (${steps} steps)`);
  for (let i = 0; i < steps; i += 1) await page.keyboard.press(`${mod}+Shift+z`);
  eq(await notes.inputValue(), typed, 'redone, as many steps');
  for (let i = 0; i < steps; i += 1) await page.keyboard.press(`${mod}+z`);
  eq(await notes.inputValue(), before, 'undone again');
  await waitSaved();
  eq((await savedDoc(ENERGY)).agenda[0].notes, before, 'what is stored is what is left');
});

test('beside each quote, how the release names its speaker (core’s reference rule); people’s forms labelled, and the names follow them', async ({ page, open, tid, waitSaved, axe }) => {
  await open(standardSeed());
  const named = (i, q) => item(page, i).locator('[data-testid="quote"]').nth(q).locator('[data-testid="quote-attribution"]');
  // Item 1: Ms Tamm first (in full), then Mr Berg first; item 2: Ms Tamm again (short).
  await until(async () => (await named(0, 0).innerText()) === 'In the release, first mention: Council President Kadri Tamm', 'the first naming, in full');
  eq(await named(0, 1).innerText(), 'In the release, first mention: Energy Commissioner Jonas Berg', 'another speaker’s first');
  eq(await named(1, 0).innerText(), 'In the release, later mention: Ms Tamm', 'a later mention, short');
  // The people editor: every form labelled; a changed form is what the release prints.
  const tamm = tid('person').filter({ has: page.locator('code', { hasText: 'kadri-tamm' }) });
  eq(await tamm.locator('label span').allInnerTexts(), ['Full — first mention', 'Short — later mentions', 'Role', 'Pronoun'], 'labelled forms');
  await tamm.locator('[data-testid="person-short"]').fill('President Tamm');
  await until(async () => (await named(1, 0).innerText()) === 'In the release, later mention: President Tamm', 'the new short form beside the quote');
  // Taken out of the text (the item switched out of the release): the row says it is not placed.
  await item(page, 1).locator('[data-testid="item-summary"]').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await until(async () => (await named(1, 0).getAttribute('data-placed')) === 'no', 'not placed any more');
  assert((await named(1, 0).innerText()).startsWith('Not in the release’s text yet'), 'and says how to place it');
  await waitSaved();
  await tamm.scrollIntoViewIfNeeded();
  await axe('people editor');
  await page.screenshot({ path: join(SHOTS, 'people.png') });
});

test('a long agenda item title wraps, whole, at 1024×700 (never cut)', async ({ page, open }) => {
  await open(standardSeed());
  const title = item(page, 1).locator('[data-testid="item-title"]');
  const long = 'Offshore wind grid: the joint plan for connecting the Gulf of Riga wind farms to a shared grid by 2031, and its cost split';
  await title.fill(long);
  const box = await title.evaluate((t) => ({ sh: t.scrollHeight, ch: t.clientHeight, sw: t.scrollWidth, cw: t.clientWidth, lines: Math.round(t.clientHeight / parseFloat(getComputedStyle(t).lineHeight)) }));
  eq(await title.inputValue(), long, 'the whole title kept');
  assert(box.lines >= 2, `it wraps (${JSON.stringify(box)})`);
  assert(box.sh <= box.ch + 2 && box.sw <= box.cw + 1, `all of it shown (${JSON.stringify(box)})`);
  await page.keyboard.press('Shift+Enter');
  eq(await title.inputValue(), long, 'no line break in a title');
}, { viewport: { width: 1024, height: 700 } });

test('the release panel shows the release’s length and reading time, as core counts it, and follows the text', async ({ page, open, tid, fake }) => {
  await open(standardSeed());
  const length = tid('release-length');
  const count = async () => Number((await length.innerText()).split(' ')[0]);
  const words = await fake(() => window.__fake.facts(3).words);
  assert(words > 50, `the release has words (${words})`);
  await until(async () => (await length.innerText()) === `${words} words · ${Math.ceil(words / 200)} min read`, 'its length');
  await tid('release-closing').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Four more words here.');
  await until(async () => (await count()) === words + 4, 'four more words');
});

test('dates: typed in the release language\'s form, common forms accepted, a far year flagged, a wrong date refused', async ({ page, open, tid, savedDoc }) => {
  await open(standardSeed());
  const starts = tid('meeting-starts');
  eq(await starts.inputValue(), '14/10/2026', 'an English release reads dates day first');
  eq(await starts.getAttribute('placeholder'), 'dd/mm/yyyy', 'the pattern is the placeholder');
  await starts.fill('');
  await starts.pressSequentially('27/4/18', { delay: 10 });
  await until(async () => (await savedDoc(ENERGY)).meeting.starts === '2018-04-27', 'day first: 27/4/18 is 27 April 2018');
  assert(/the year 2018 is far from today/.test(await tid('meeting-starts-warning').innerText()), 'a year far from today is flagged');
  await starts.fill('04/27/2018');
  await until(async () => await tid('meeting-starts-error').isVisible(), 'month 27 is refused, and says so');
  eq((await savedDoc(ENERGY)).meeting.starts, '2018-04-27', 'the stored date is left as it was');
  await starts.fill('14 October 2026');
  await until(async () => (await savedDoc(ENERGY)).meeting.starts === '2026-10-14', 'a date in words');
  await tid('meeting-location').click();
  eq(await starts.inputValue(), '14/10/2026', 'shown back in the chosen form on leaving the field');
  const ends = tid('meeting-ends');
  await ends.fill('');
  await until(async () => (await savedDoc(ENERGY)).meeting.ends == null || (await savedDoc(ENERGY)).meeting.ends === '', 'the end date cleared');
  eq(await ends.inputValue(), '', 'an empty date looks empty');
  eq(await ends.getAttribute('placeholder'), 'dd/mm/yyyy', 'and shows only the pattern');
});

test('dates: "Dates typed as" follows the chosen locale; a French release reads jj/mm/aaaa', async ({ page, open, tid, savedDoc }) => {
  await open(standardSeed());
  await tid('dates-as').selectOption('en-US');
  await until(async () => (await tid('meeting-starts').inputValue()) === '10/14/2026', 'US form on choice');
  await tid('meeting-starts').fill('4/27/2018');
  await until(async () => (await savedDoc(ENERGY)).meeting.starts === '2018-04-27', 'read month first');
  await tid('dates-as').selectOption('release');
  await tid('meeting-language').selectOption('fr');
  await until(async () => (await tid('meeting-starts').inputValue()) === '27/04/2018', 'French: day first');
  eq(await tid('meeting-starts').getAttribute('placeholder'), 'jj/mm/aaaa', 'French pattern');
  await tid('meeting-starts').fill('27 avril 2018');
  await tid('meeting-location').click();
  eq(await tid('meeting-starts').inputValue(), '27/04/2018', 'French month names read');
});

test('dates: the time zone field offers the IANA list as you type and shows the whole zone', async ({ page, open, tid, savedDoc }) => {
  await open(standardSeed());
  const zone = tid('meeting-timezone');
  await zone.fill('');
  await zone.pressSequentially('oslo', { delay: 10 });
  await until(async () => (await tid('meeting-timezone-list').innerText()).includes('Europe/Oslo'), 'Oslo offered');
  eq((await savedDoc(ENERGY)).meeting.timezone, 'Europe/Tallinn', 'what names no zone is not stored');
  eq(await tid('meeting-timezone-error').isVisible(), true, 'and is marked');
  await page.keyboard.press('Enter');
  await until(async () => (await savedDoc(ENERGY)).meeting.timezone === 'Europe/Oslo', 'picked with Enter');
  eq(await zone.inputValue(), 'Europe/Oslo', 'the whole zone shown');
  eq(await tid('preview-error').count(), 0, 'the preview never saw a wrong zone');
  const fits = await zone.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  assert(fits, 'not cut');
});

test('keyboard: Mod+Enter and Mod+Shift+Enter work from an item’s release text, and from the time zone field with its list open', async ({ page, open, tid, savedDoc, waitSaved, itemTitles, mod }) => {
  await open(standardSeed());
  const quotes = () => item(page, 1).locator('[data-testid="quote"]').count();
  const before = await quotes();
  await item(page, 1).locator('[data-testid="item-summary"]').click();
  await page.keyboard.press(`${mod}+Shift+Enter`);
  await until(async () => (await active(page)).testid === 'speaker-picker', 'capturing a quote in the item of the text');
  eq(await quotes(), before + 1, 'a quote of that item');
  await page.keyboard.press('Escape');
  eq((await active(page)).testid, 'quote-text', 'its words');
  await page.keyboard.type('Connected by 2031.');
  await item(page, 1).locator('[data-testid="item-summary"]').click();
  await page.keyboard.press(`${mod}+Enter`);
  await until(async () => (await active(page)).testid === 'item-title', 'a new item, its title');
  eq((await itemTitles()).length, 5, 'one more item');
  eq(await item(page, 2).locator('[data-testid="item-title"]').evaluate((el) => el === document.activeElement), true, 'after the item of the text');
  // The zone list open: Mod+Enter takes the zone marked and adds the item.
  const zone = tid('meeting-timezone');
  await zone.fill('');
  await zone.pressSequentially('oslo', { delay: 10 });
  await tid('meeting-timezone-list').waitFor();
  await page.keyboard.press(`${mod}+Enter`);
  await until(async () => (await active(page)).testid === 'item-title', 'a new item');
  eq(await zone.inputValue(), 'Europe/Oslo', 'the zone taken');
  eq((await itemTitles()).length, 6, 'and the item added');
  await waitSaved();
  eq((await savedDoc(ENERGY)).meeting.timezone, 'Europe/Oslo', 'saved');
});

test('new meeting on a French desktop in Brussels: in French and in Brussels’ zone; the release is dated the meeting’s last day until its own date is typed', async ({ page, open, tid, savedDoc, waitSaved, mod }) => {
  await open(standardSeed());
  await page.keyboard.press(`${mod}+n`);
  await until(async () => (await active(page)).testid === 'meeting-title', 'title focused');
  eq(await tid('meeting-language').inputValue(), 'fr', 'the desktop’s language');
  eq(await tid('meeting-timezone').inputValue(), 'Europe/Brussels', 'the desktop’s zone');
  eq(await tid('release-published').inputValue(), '', 'no date of its own yet');
  await tid('meeting-starts').fill('27/04/2018');
  await until(async () => (await tid('release-published').inputValue()) === '27/04/2018', 'dated the meeting’s day');
  await tid('meeting-ends').fill('28/04/2018');
  await until(async () => (await tid('release-published').inputValue()) === '28/04/2018', 'then its last day');
  await waitSaved();
  const id = Number(await tid('meeting-item').first().getAttribute('data-id'));
  let doc = await savedDoc(id);
  eq([doc.meeting.languages, doc.meeting.timezone, doc.meeting.starts, doc.releases[0].published], [['fr'], 'Europe/Brussels', '2018-04-27', '2018-04-28'], 'saved');
  // A date typed for the release is its own: the meeting's dates no longer move it.
  await tid('release-published').fill('29/04/2018');
  await tid('meeting-ends').fill('30/04/2018');
  await waitSaved();
  doc = await savedDoc(id);
  eq([doc.meeting.ends, doc.releases[0].published], ['2018-04-30', '2018-04-29'], 'its own date kept');
}, { locale: 'fr-FR', timezoneId: 'Europe/Brussels' });

test('new meeting: a language chosen once is kept over the desktop’s; a desktop in UTC leaves the zone empty', async ({ page, open, tid, mod }) => {
  await open(standardSeed(), { storage: { 'communique.lastLanguage': 'en' } });
  await page.keyboard.press(`${mod}+n`);
  await until(async () => (await active(page)).testid === 'meeting-title', 'title focused');
  eq(await tid('meeting-language').inputValue(), 'en', 'the language last chosen');
  eq(await tid('meeting-timezone').inputValue(), '', 'no zone (UTC)');
}, { locale: 'fr-FR', timezoneId: 'UTC' });

test('release: a time typed with no date is on the release’s day; Tab goes from a photo’s caption to its credit', async ({ page, open, tid, savedDoc, waitSaved }) => {
  const doc = { ...energyCouncil, release: { ...energyCouncil.release, updated: undefined } };
  await open({ meetings: [{ id: 1, doc }] });
  eq(await tid('release-updated-date').inputValue(), '', 'no update yet');
  await tid('release-updated-time').click();
  await page.keyboard.type('21 h 11');
  await until(async () => (await tid('release-updated-date').inputValue()) === '15/10/2026', 'on the day the release is dated');
  await waitSaved();
  eq((await savedDoc(1)).releases[0].updated, '2026-10-15T21:11:00+03:00', 'saved, in the meeting’s zone');
  await tid('add-photo').click();
  await until(async () => (await active(page)).testid === 'photo-caption', 'the new caption');
  await page.keyboard.type('Ministers on the quay');
  await page.keyboard.press('Tab');
  eq((await active(page)).testid, 'photo-credit', 'then its credit');
  await page.keyboard.type('Council press office');
  await waitSaved();
  eq((await savedDoc(1)).releases[0].photos.at(-1), { id: (await savedDoc(1)).releases[0].photos.at(-1).id, caption: ['Ministers on the quay'], credit: 'Council press office' }, 'saved');
});

test('release: the house style is set with the organisation (saved with it, one undo step), and waits for it to be named', async ({ page, open, tid, savedDoc, waitSaved }) => {
  await open({ meetings: [{ id: 1, doc: energyCouncil }] });
  if (!(await tid('release-fields-toggle').evaluate((s) => s.parentElement.open))) await tid('release-fields-toggle').click();
  const fieldset = tid('house-style');
  eq(await fieldset.evaluate((f) => f.disabled), false, 'the meeting names its organisation');
  await fieldset.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'house-style.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SHOTS, 'house-style-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  eq(await tid('style-apostrophe').inputValue(), 'as-typed', 'the default shown');
  eq(await tid('style-time').count(), 0, 'no time form for an English release');
  await tid('style-apostrophe').selectOption('curly');
  await tid('style-dateline_place').selectOption('as-typed');
  await waitSaved();
  const org = (d) => d.organisations.find((o) => o.id === d.meeting.organisation);
  eq(org(await savedDoc(1)).style, { apostrophe: 'curly', dateline_place: 'as-typed' }, 'saved with the organisation, in the schema’s order');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await waitSaved();
  eq(org(await savedDoc(1)).style, { apostrophe: 'curly' }, 'one choice undone');
  await tid('meeting-organisation').fill('');
  await until(async () => await fieldset.evaluate((f) => f.disabled), 'no organisation: nothing to hold a style');
});

test('dates: a click into a date or time field that shows one selects it, so what is typed replaces it; a second click places the caret', async ({ page, open, tid, savedDoc, waitSaved }) => {
  await open({ meetings: [{ id: 1, doc: energyCouncil }] });
  const starts = tid('meeting-starts');
  eq(await starts.inputValue(), '14/10/2026', 'a date shown');
  await starts.click();
  await page.keyboard.type('13/10/2026');
  eq(await starts.inputValue(), '13/10/2026', 'replaced, not appended to');
  await starts.click();
  await page.keyboard.type('x');
  assert((await starts.inputValue()) !== 'x', 'a click in the focused field places the caret');
  await page.keyboard.press('Backspace');
  const time = tid('release-updated-time');
  await time.click();
  await page.keyboard.type('21 h 11');
  eq(await time.inputValue(), '21 h 11', 'the time replaced');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await waitSaved();
  eq((await savedDoc(1)).meeting.starts, '2026-10-13', 'saved');
});
