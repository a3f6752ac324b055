// The real app ($CARGO_TARGET_DIR or target/, debug/communique-desktop) under Xvfb, driven through tauri-driver and
// WebKitWebDriver; the database it wrote is then read back with the real CLI.
// Run by tests/e2e/run, which builds both binaries and starts Xvfb.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { sleep } from './webdriver.mjs';
import { APP, appPids, artifacts, CLI, cli, closeWindow, focusedTestid, killLeftovers, PYTHON, root, sel, shownText, typeInto, untilTitle, waitSaved, withApp } from './harness.mjs';

const FISHERIES = join(root, 'core/tests/fixtures/examples/fisheries-en.meeting.json');

/** A database of its own holding the fisheries example (meeting 1). */
function importFisheries(name) {
  const db = join(dir, `${name}.sqlite3`);
  assert.equal(cli(db, 'import', FISHERIES).trim(), '1');
  return { db, meeting: FISHERIES };
}

/** Meeting `id` as its meeting file v2 (the CLI exports v1 while the meeting says nothing more). */
function exportV2(db, id) {
  const file = join(dir, `export-${id}-${Date.now()}.json`);
  writeFileSync(file, cli(db, 'export', String(id), '--format', 'json'));
  return JSON.parse(cli(db, 'upgrade', file));
}

/** The plain text of a list of runs (spans left out). */
const textOf = (runs) => (runs ?? []).filter((r) => typeof r === 'string').join('');

/** The text of the last paragraph of what the first release says of agenda item `index`. */
function itemText(v2, index = 0) {
  const id = v2.agenda[index].id;
  const part = v2.releases[0].items.find((p) => p.item === id);
  return textOf(part.blocks.filter((b) => 'p' in b).at(-1).p);
}

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'communique-e2e-'));
});
after(killLeftovers);

test('smoke: one imported meeting, its title in the window, its preview paragraphs reported', async () => {
  const db = join(dir, 'smoke.sqlite3');
  const meeting = join(root, 'core/tests/fixtures/examples/fisheries-en.meeting.json');
  assert.equal(cli(db, 'import', meeting).trim(), '1');
  const out = execFileSync(APP, ['--smoke'], {
    env: { ...process.env, COMMUNIQUE_DB: db, WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
    encoding: 'utf8',
    timeout: 120000,
  });
  const report = JSON.parse(out.trim().split('\n').at(-1));
  assert.equal(report.meetings, 1);
  assert.equal(report.preview_paragraphs, 4, 'lead, two items, closing');
  assert.ok(report.ready_ms > 0);
  console.log(`smoke: ${out.trim()}`);

  await withApp(db, async (s) => {
    const title = await s.find(sel('meeting-title'));
    await s.until('the meeting title', async () => (await title.property('value')) === 'Spring Council of Fisheries Ministers');
    const listed = await (await s.find(sel('meeting-item'))).property('textContent');
    assert.match(listed, /Spring Council of Fisheries Ministers/);
    // The window and core's preview (in its shadow root) are set in the app's own fonts, loaded
    // from the app: nothing depends on the fonts this machine has.
    const fonts = await s.until('the preview, its fonts loaded', async () => {
      const seen = await s.execute(`
        const first = (el) => el && getComputedStyle(el).fontFamily.split(',')[0].trim().replace(/["']/g, '');
        const shown = document.querySelector('[data-testid="preview"]')?.shadowRoot;
        return {
          ui: first(document.body),
          field: first(document.querySelector('[data-testid="release-headline"]')),
          preview: first(shown?.querySelector('h1')),
          dateline: first(shown?.querySelector('.dateline')),
          loaded: [...new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, '')))].sort(),
        };`);
      return seen.preview && ['Inter Variable', 'Source Serif 4 Variable'].every((f) => seen.loaded.includes(f)) && seen;
    });
    assert.deepEqual(
      [fonts.ui, fonts.field, fonts.preview, fonts.dateline],
      ['Inter Variable', 'Source Serif 4 Variable', 'Source Serif 4 Variable', 'Inter Variable'],
    );
    writeFileSync(join(artifacts, 'window.png'), await s.screenshot());
  });
});

test('a meeting typed in the app is in the CLI export after closing', async () => {
  const db = join(dir, 'typed.sqlite3');
  await withApp(db, async (s) => {
    // First start: the sample meeting is there.
    await s.until('the sample meeting', async () => (await s.findAll(sel('meeting-item'))).length === 1);
    await (await s.find(sel('new-meeting'))).click();
    const title = await s.find(sel('meeting-title'));
    await s.until('a new meeting', async () => (await s.findAll(sel('meeting-item'))).length === 2);
    await title.click();
    await title.clear();
    await title.type('Council of Trade Ministers');
    await (await s.find(sel('add-item'))).click();
    await typeInto(s, sel('item-title'), 'Tariffs');
    await typeInto(s, sel('item-summary'), 'Ministers agreed to halve tariffs on medicines.');
    await (await s.find(sel('add-quote'))).click();
    await typeInto(s, sel('quote-text'), 'Medicines should cross borders freely.');
    await (await s.find(`${sel('quote-speaker')} option[value="__new"]`)).click();
    await typeInto(s, sel('new-speaker-name'), 'Ana Lima');
    await typeInto(s, sel('new-speaker-full'), 'Trade Minister Ana Lima');
    await typeInto(s, sel('new-speaker-short'), 'Ms Lima');
    await (await s.find(sel('new-speaker-add'))).click();
    await typeInto(s, sel('release-headline'), 'Trade ministers halve tariffs on medicines');
    await waitSaved(s);
    // The preview (a shadow root) is updated in place: read what it shows.
    await s.until('the quote in the preview', async () =>
      String(await s.execute(`return document.querySelector('[data-testid="preview"]').shadowRoot?.textContent ?? ''`))
        .includes('Medicines should cross borders freely,” said Trade Minister Ana Lima.'));
  });
  const list = cli(db, 'list');
  const line = list.split('\n').find((l) => l.endsWith('\tCouncil of Trade Ministers'));
  assert.ok(line, list);
  const id = line.split('\t')[0];
  const md = cli(db, 'export', id, '--format', 'md');
  assert.match(md, /^# Trade ministers halve tariffs on medicines$/m);
  assert.ok(md.includes('Ministers agreed to halve tariffs on medicines. “Medicines should cross borders freely,” said Trade Minister Ana Lima.'), md);
  const json = JSON.parse(cli(db, 'export', id, '--format', 'json'));
  assert.deepEqual(json.people.map((p) => p.name), ['Ana Lima']);
});

test('kill -9 two seconds after typing stops: the text is in the database, and in the window after a restart', async () => {
  const db = join(dir, 'killed.sqlite3');
  const words = 'Quillwort habitats get a new protection order';
  await withApp(db, async (s) => {
    await s.until('the sample meeting', async () => (await s.findAll(sel('agenda-item'))).length > 0);
    const summary = (await s.findAll(sel('item-summary'), { atLeast: 1 }))[0];
    await summary.click();
    await summary.type('\uE009\uE010\uE000'); // Ctrl+End: the caret to the end of the text
    await summary.type(` ${words}.`);
    await sleep(2000);
    const pids = appPids();
    assert.ok(pids.length > 0, 'the app is running');
    for (const pid of pids) process.kill(pid, 'SIGKILL');
  });
  // The sample of the first start is never searched: it is the one meeting listed.
  const listed = cli(db, 'list');
  assert.equal(listed.split('\n').filter(Boolean).length, 1, listed);
  const text = itemText(exportV2(db, listed.split('\t')[0]));
  assert.ok(text.endsWith(` ${words}.`), text);
  const check = execFileSync('sqlite3', [db, 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim();
  assert.equal(check, 'ok');
  // Restarted, the app shows what it had shown as saved.
  await withApp(db, async (s) => {
    const summary = await s.find(sel('item-summary'));
    await s.until('the edit after a restart', async () => (await shownText(summary)).endsWith(` ${words}.`));
  });
});

test('notes: Ctrl+Shift+T stamps the line with the meeting’s time in the real window; the CLI export has it', async () => {
  const { db } = importFisheries('stamps');
  // The fisheries meeting is in Oslo: its clock, whatever the machine's zone.
  const clock = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
  let line;
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    const notes = (await s.findAll(sel('item-notes'), { atLeast: 1 }))[0];
    await notes.click();
    await notes.type('\uE009\uE010\uE000'); // Ctrl+End
    await notes.type('\uE007The chair calls the vote'); // Enter, then the line
    const before = clock();
    await notes.type('\uE009\uE008t\uE000'); // Ctrl+Shift+T
    const after = clock();
    line = String(await notes.property('value')).split('\n').at(-1);
    assert.ok([before, after].some((t) => line === `${t} The chair calls the vote`), `${JSON.stringify(line)} (${before}/${after})`);
    await waitSaved(s);
  });
  const json = JSON.parse(cli(db, 'export', '1', '--format', 'json'));
  assert.equal(json.agenda[0].notes.split('\n').at(-1), line);
});

test('capture in the real window: Ctrl+Shift+Enter asks who speaks, Enter keeps the one offered, then the words; the CLI export has the quote', async () => {
  const { db } = importFisheries('capture');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    const title = (await s.findAll(sel('item-title'), { atLeast: 1 }))[0];
    await title.click();
    await title.type('\uE009\uE008\uE007\uE000'); // Ctrl+Shift+Enter
    const picker = await s.find(sel('speaker-picker'));
    await s.until('the picker focused', async () => (await s.execute('return document.activeElement?.dataset?.testid ?? null')) === 'speaker-picker');
    await picker.type('\uE007'); // Enter: the item's last speaker, offered first
    await s.until('the words focused', async () => (await s.execute('return document.activeElement?.dataset?.testid ?? null')) === 'quote-text');
    const texts = await s.findAll(sel('quote-text'), { atLeast: 3 });
    await texts[2].type('Every boat will carry an observer by 2027.');
    await waitSaved(s);
  });
  const v2 = exportV2(db, 1);
  const q = v2.agenda[0].quotes.at(-1);
  assert.equal(q.speaker, 'commissioner');
  assert.deepEqual(q.words, { en: 'Every boat will carry an observer by 2027.' });
  // Stamped with when it was said, in the meeting's zone (Oslo), and placed at the end of the item's text.
  assert.match(q.said, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  const part = v2.releases[0].items.find((p) => p.item === v2.agenda[0].id);
  assert.deepEqual(part.blocks.at(-1).p.at(-1), { quote: q.id });
  const md = cli(db, 'export', '1', '--format', 'md');
  assert.ok(md.includes('“Every boat will carry an observer by 2027,” said Mr Varga.'), md);
});

test('release text in the real window: a sub-heading, a quote placed and attributed before, an @ mention, a list, a heading; the CLI export has exactly those paragraphs', async () => {
  const db = join(dir, 'editor.sqlite3');
  const file = join(dir, 'editor.meeting.json');
  writeFileSync(file, JSON.stringify({
    format: 'communique.meeting.v2',
    meeting: { title: 'Energy Ministers', starts: '2026-10-14', timezone: 'Europe/Tallinn', languages: ['en'] },
    people: [
      { id: 'tamm', name: 'Kadri Tamm', forms: { en: { full: 'Council President Kadri Tamm', short: 'Ms Tamm', pronoun: 'she' } } },
      { id: 'berg', name: 'Jonas Berg', forms: { en: { full: 'Energy Commissioner Jonas Berg', short: 'Mr Berg' } } },
    ],
    agenda: [{ id: 'item-1', title: 'Winter preparedness', quotes: [{ id: 'q-1', speaker: 'berg', words: { en: 'Storage is full for the winter' } }] }],
    releases: [{ language: 'en', headline: ['Ministers prepare for winter'], published: '2026-10-14' }],
  }));
  assert.equal(cli(db, 'import', file).trim(), '1');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Energy Ministers');
    await typeInto(s, sel('item-heading'), 'Winter');
    const text = await s.find(sel('item-summary'));
    await text.click();
    await s.keys('Ministers met in Tallinn. ');
    // Ctrl+Shift+Q: the quotes not placed yet; Enter places the one offered.
    await s.keys('\uE009\uE008Q\uE000');
    await s.until('the quote picker', async () => (await focusedTestid(s)) === 'quote-picker');
    await s.keys('\uE007');
    await s.until('back in the text', async () => (await focusedTestid(s)) === 'item-summary');
    // Ctrl+Shift+A: its attribution, "after" → "after the subject" → "before"; Escape: back to the text.
    await s.keys('\uE009\uE008A\uE000');
    await s.until('the attribution popover', async () => (await focusedTestid(s)) === 'attribution-popover');
    await s.keys('\uE015\uE015'); // ArrowDown twice
    await s.until('attributed before', async () => String(await s.execute(`return document.querySelector('[data-testid="attribution-popover"] input:checked')?.value ?? ''`)) === 'before');
    await s.keys('\uE00C'); // Escape
    await s.until('back in the text', async () => (await focusedTestid(s)) === 'item-summary');
    // A new paragraph naming a person (@), a list, a heading, a last paragraph.
    await s.keys('\uE007@Tam');
    await s.find(sel('mention-picker'));
    await s.keys('\uE007 opened the meeting.\uE007- Gas storage\uE007Power grids\uE007\uE007## Next steps\uE007Ministers meet again in March.');
    await waitSaved(s);
    await s.until('the preview', async () =>
      String(await s.execute(`return document.querySelector('[data-testid="preview"]').shadowRoot?.textContent ?? ''`)).includes('Ministers meet again in March.'));
    writeFileSync(join(artifacts, 'editor-light.png'), await s.screenshot());
  });
  const v2 = exportV2(db, 1);
  const strip = (blocks) => blocks.map(({ id: _id, ...b }) => b);
  assert.deepEqual(v2.releases[0].items.map((p) => ({ ...p, blocks: strip(p.blocks) })), [
    {
      item: 'item-1',
      heading: ['Winter'],
      blocks: [
        { p: ['Ministers met in Tallinn. ', { quote: 'q-1', attribution: 'before' }] },
        { p: [{ person: 'tamm' }, ' opened the meeting.'] },
        { list: 'bulleted', entries: [['Gas storage'], ['Power grids']] },
        { h: ['Next steps'] },
        { p: ['Ministers meet again in March.'] },
      ],
    },
  ]);
  const md = cli(db, 'export', '1', '--format', 'md');
  const body = md.slice(md.indexOf('\n## Winter'));
  assert.equal(body, `
## Winter

Ministers met in Tallinn. Energy Commissioner Jonas Berg said: “Storage is full for the winter.”

Council President Kadri Tamm opened the meeting.

- Gas storage
- Power grids

## Next steps

Ministers meet again in March.
`);
  // The editor in the dark theme (the window follows the desktop's).
  await withApp(db, async (s) => {
    await untilTitle(s, 'Energy Ministers');
    await s.find(sel('item-summary'));
    const dark = await s.execute("return matchMedia('(prefers-color-scheme: dark)').matches");
    writeFileSync(join(artifacts, `editor-${dark ? 'dark' : 'not-dark'}.png`), await s.screenshot());
  }, { env: { GTK_THEME: 'Adwaita:dark' } });
});

test('undo and redo of typing in text fields, in the real window (WebKitGTK never hands them Ctrl+Z): the CLI export has what is left', async () => {
  const { db } = importFisheries('undo');
  const original = JSON.parse(cli(db, 'export', '1', '--format', 'json'));
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    const value = async (el) => String(await el.property('value'));
    // A textarea (private notes) and an input (an item's title), each its own undo.
    const notes = (await s.findAll(sel('item-notes'), { atLeast: 1 }))[0];
    const before = await value(notes);
    await notes.click();
    await s.keys('\uE009\uE010\uE000 Typed, then undone.');
    await s.until('typed', async () => (await value(notes)) === `${before} Typed, then undone.`);
    await s.keys('\uE009z\uE000');
    await s.until('Ctrl+Z undid the typing', async () => (await value(notes)) === before);
    await s.keys('\uE009\uE008z\uE000');
    await s.until('Ctrl+Shift+Z redid it', async () => (await value(notes)) === `${before} Typed, then undone.`);
    await s.keys('\uE009z\uE000');
    await s.until('undone again', async () => (await value(notes)) === before);
    const title = (await s.findAll(sel('item-title'), { atLeast: 2 }))[1];
    // Below the fold (WebKitWebDriver does not scroll a text area in a nested pane into view).
    await s.execute(`document.querySelectorAll('[data-testid="item-title"]')[1].scrollIntoView({ block: 'center' })`);
    const titleBefore = await value(title);
    await title.click();
    await s.keys('\uE010 (draft)');
    await s.until('typed in the title', async () => (await value(title)) === `${titleBefore} (draft)`);
    await s.keys('\uE009z\uE000');
    await s.until('the title undone', async () => (await value(title)) === titleBefore);
    await s.keys('\uE009y\uE000');
    await s.until('Ctrl+Y redid it', async () => (await value(title)) === `${titleBefore} (draft)`);
    await waitSaved(s);
  });
  const json = JSON.parse(cli(db, 'export', '1', '--format', 'json'));
  assert.equal(json.agenda[0].notes, original.agenda[0].notes, 'the undone typing is not stored');
  assert.equal(json.agenda[1].title, `${original.agenda[1].title} (draft)`, 'the redone typing is');
});

test('dates and times typed as a French release writes them, in the real window; the zone picked from the IANA list as typed; the CLI export has them', async () => {
  const db = join(dir, 'dates.sqlite3');
  const file = join(dir, 'dates.meeting.json');
  writeFileSync(file, JSON.stringify({
    format: 'communique.meeting.v2',
    meeting: { title: 'Réunion des ministres', starts: '2026-10-14', timezone: 'Europe/Brussels', languages: ['fr'] },
    agenda: [{ id: 'point-1', title: 'Ouverture' }],
    releases: [{ language: 'fr', headline: ['Les ministres se réunissent'], published: '2026-10-14' }],
  }));
  assert.equal(cli(db, 'import', file).trim(), '1');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Réunion des ministres');
    const value = async (css) => String(await (await s.find(css)).property('value'));
    assert.equal(await value(sel('meeting-starts')), '14/10/2026', 'shown day first, as French writes it');
    const replace = async (css, text) => {
      await s.execute(`document.querySelector('${css}').scrollIntoView({ block: 'center' })`);
      const el = await s.find(css);
      await el.click();
      await s.keys('\uE009a\uE000');
      await el.type(text);
    };
    await replace(sel('meeting-starts'), '27/04/2018');
    await replace(sel('meeting-timezone'), 'oslo');
    await s.until('Oslo offered', async () => String(await s.execute(`return document.querySelector('[data-testid="meeting-timezone-list"]')?.textContent ?? ''`)).includes('Europe/Oslo'));
    await s.keys('\uE007');
    await s.until('the zone picked', async () => (await value(sel('meeting-timezone'))) === 'Europe/Oslo');
    await replace(sel('release-published'), '27 avril 2018');
    await replace(sel('release-updated-date'), '27.4.18');
    await replace(sel('release-updated-time'), '21 h 11');
    await waitSaved(s);
    writeFileSync(join(artifacts, 'dates-light.png'), await s.screenshot());
  });
  const v2 = exportV2(db, 1);
  assert.equal(v2.meeting.starts, '2018-04-27');
  assert.equal(v2.meeting.timezone, 'Europe/Oslo');
  assert.equal(v2.releases[0].published, '2018-04-27');
  assert.equal(v2.releases[0].updated, '2018-04-27T21:11:00+02:00', 'the time typed, in the meeting\'s zone, with its offset');
});

test('first start in the real window: the sample opens marked, "Start empty" removes it in one step; search marks private notes and can leave them out', async () => {
  const db = join(dir, 'first-start.sqlite3'); // no file yet: a first start
  await withApp(db, async (s) => {
    await s.find(sel('sample-bar'));
    await s.find(sel('sample-tag'));
    writeFileSync(join(artifacts, 'sample-light.png'), await s.screenshot());
    await (await s.find(sel('remove-sample'))).click();
    await s.find(sel('empty-list'));
  });
  assert.equal(cli(db, 'list'), '', 'the archive is empty');
  const { db: fisheries } = importFisheries('private-search');
  await withApp(fisheries, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    assert.equal((await s.findAll(sel('sample-bar'), { atLeast: 0 })).length, 0, 'an imported meeting is no sample');
    // The choice is kept by the window between runs: private notes searched to begin with.
    const toggle = await s.find(sel('search-private'));
    if ((await toggle.attribute('aria-pressed')) !== 'true') await toggle.click();
    await s.until('private notes searched', async () => (await toggle.attribute('aria-pressed')) === 'true');
    await typeInto(s, sel('meeting-search'), 'delegations');
    await s.find(sel('search-private-mark'));
    await toggle.click();
    await s.until('left out', async () => (await s.findAll(sel('search-hit'), { atLeast: 0 })).length === 0);
  });
});

test('house style set in the real window: the organisation keeps it, and core applies it to the CLI export', async () => {
  const { db } = importFisheries('house-style');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    await (await s.find(`${sel('style-apostrophe')} option[value="curly"]`)).click();
    await (await s.find(`${sel('style-date')} option[value="abbreviated"]`)).click();
    await waitSaved(s);
    writeFileSync(join(artifacts, 'house-style.png'), await s.screenshot());
  });
  const md = cli(db, 'export', '1', '--format', 'md');
  assert.match(md, /next season’s catch limits/, 'curly apostrophes');
  assert.match(md, /^1 Mar\. 2025 · Updated: 1 Mar\. 2025 18:05$/m, 'abbreviated dates');
  const v2 = exportV2(db, 1);
  assert.deepEqual(v2.organisations.find((o) => o.id === v2.meeting.organisation).style, { apostrophe: 'curly', date: 'abbreviated' });
});

test('the real window at 1024×700 and at its minimum size: nothing cut, nothing scrolls sideways, text areas fit their text', async () => {
  const { db } = importFisheries('small-window');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    for (const [width, height] of [[1024, 700], [960, 600]]) {
      await s.cmd('POST', '/window/rect', { width, height });
      const inner = await s.until(`the window at ${width}×${height}`, async () => {
        const size = await s.execute('return [window.innerWidth, window.innerHeight]');
        return Math.abs(size[0] - width) <= 16 && Math.abs(size[1] - height) <= 64 && size;
      });
      await sleep(500); // layout and the text areas' regrow settle
      const problems = await s.execute(`
        const out = [];
        for (const sc of document.querySelectorAll('.editor .scroll, .release .scroll')) sc.scrollTop = 0;
        if (document.documentElement.scrollWidth > window.innerWidth) out.push('page ' + document.documentElement.scrollWidth);
        for (const el of document.querySelectorAll('.sidebar, .brand, .search, .editor, .release, .scroll, .toolbar, .page, [data-testid="agenda-item"], .attrib, .head .meta, .dates, .photo, .menuwrap, [data-testid="person"]')) {
          if (el.scrollWidth > el.clientWidth + 1) out.push((el.className.split(' ')[0] || el.dataset.testid) + ': ' + el.scrollWidth + ' > ' + el.clientWidth);
        }
        // Buttons whole, inside the window and their pane.
        for (const b of document.querySelectorAll('[data-testid="new-meeting"], [data-testid="export-button"], [data-testid="versions-button"], [data-testid="copy-release"]')) {
          const r = b.getBoundingClientRect();
          const pane = b.closest('.sidebar, .release, .editor')?.getBoundingClientRect() ?? { left: 0, right: innerWidth };
          if (r.width === 0 || r.left < pane.left - 1 || r.right > pane.right + 1 || r.right > innerWidth) out.push('cut: ' + b.dataset.testid);
        }
        return out;`);
      // Text areas in view show all their text (no inner scroll bar): at the top of both panes,
      // then at their ends (a field is fitted when it first comes into view).
      const cut = [];
      for (const end of [false, true]) {
        await s.execute(`for (const sc of document.querySelectorAll('.editor .scroll, .release .scroll')) sc.scrollTop = arguments[0] ? sc.scrollHeight : 0;`, [end]);
        await sleep(500);
        cut.push(...(await s.execute(`
          return [...document.querySelectorAll('textarea')].filter((t) => {
            const r = t.getBoundingClientRect();
            return t.offsetParent && r.bottom > 0 && r.top < innerHeight && t.scrollHeight > t.clientHeight + 2;
          }).map((t) => 'textarea cut: ' + (t.dataset.testid || t.id) + ' ' + t.scrollHeight + ' > ' + t.clientHeight);`)));
      }
      problems.push(...new Set(cut));
      writeFileSync(join(artifacts, `window-${width}x${height}.png`), await s.screenshot());
      assert.deepEqual(problems, [], `at ${inner.join('×')}`);
    }
  });
});

test('another writer (the CLI) changed the meeting: the app asks, it never overwrites silently', async () => {
  const { db, meeting } = importFisheries('two-writers');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    // The CLI replaces the meeting while the app has it open.
    const edited = JSON.parse(readFileSync(meeting, 'utf8'));
    edited.release.headline = 'Headline written with the CLI';
    const file = join(dir, 'edited.json');
    writeFileSync(file, JSON.stringify(edited));
    cli(db, 'import', '--replace', '1', file);
    // Then the officer types in the app.
    const summary = (await s.findAll(sel('item-summary'), { atLeast: 1 }))[0];
    await summary.click();
    await summary.type(' Typed in the app.');
    await s.find(sel('conflict-dialog'), { timeout: 20000 });
    // Nothing was overwritten: the CLI's headline is still stored.
    const v2 = exportV2(db, 1);
    assert.deepEqual(v2.releases[0].headline, ['Headline written with the CLI']);
    assert.ok(!itemText(v2).endsWith('Typed in the app.'));
  });
});

test('hostile text in every field runs nothing in the app window or its preview', async () => {
  const db = join(dir, 'hostile.sqlite3');
  // The payloads the export test opens in Chromium (OWASP and PortSwigger cheat sheets), plus
  // ones aimed at the UI itself (closing its textarea, template syntax).
  const payloads = [
    ...JSON.parse(readFileSync(join(root, 'tests/xss-payloads.json'), 'utf8')),
    `</textarea><img src=x onerror="document.documentElement.setAttribute('data-xss','textarea')">`,
    `{{constructor.constructor('alert(1)')()}} \${alert(2)}`,
  ].join(' ');
  const m = JSON.parse(readFileSync(join(root, 'core/samples/water-council-en.meeting.json'), 'utf8'));
  m.meeting.title = `Hostile ${payloads}`;
  m.meeting.organisation = payloads;
  m.meeting.location = payloads;
  for (const p of m.people) Object.assign(p, { name: `N ${payloads}`, full: payloads, role: payloads, short: payloads });
  for (const item of m.agenda) {
    Object.assign(item, { title: payloads, notes: payloads, summary: payloads });
    for (const q of item.quotes) Object.assign(q, { text: payloads, verb: payloads });
  }
  Object.assign(m.release, { headline: payloads, lead: payloads, closing: payloads });
  for (const p of m.release.photos) Object.assign(p, { caption: payloads, credit: payloads });
  const v1 = join(dir, 'hostile.v1.json');
  writeFileSync(v1, JSON.stringify(m));
  // Then every field v2 adds: label, deck, dateline place, sub-headings, links (text and address),
  // a block quote's byline, a statement, contact, notes to editors, the organisation's boilerplate.
  const v2 = JSON.parse(cli(db, 'upgrade', v1));
  const r = v2.releases[0];
  const hostileUrl = `https://example.org/"onmouseover="document.documentElement.setAttribute('data-xss','href')"`;
  const para = (id) => ({ id, p: [payloads, ' ', { link: hostileUrl, text: [payloads] }, ' ', { person: v2.people[0].id }] });
  Object.assign(r, { label: payloads, deck: [payloads], dateline: { place: payloads, position: 'lead' } });
  r.items.forEach((part, i) => Object.assign(part, { heading: [payloads] }, i === 0 ? { blocks: [...part.blocks, { id: 'hb', h: [payloads] }, { id: 'hl', list: 'numbered', entries: [[payloads], [payloads]] }] } : {}));
  const quote = v2.agenda.flatMap((it) => it.quotes ?? []).find((q) => !JSON.stringify(r).includes(`"quote":"${q.id}"`) && q.in_release !== false);
  r.closing = [...(r.closing ?? []), para('hc'), ...(quote ? [{ id: 'hq', blockquote: quote.id, byline: [payloads] }] : []), { id: 'hs', statement: [payloads], paragraphs: [[payloads]] }];
  r.contact = [para('hk')];
  r.notes_to_editors = [para('hn')];
  v2.organisations[0].boilerplate = { en: [para('hbp')] };
  const file = join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify(v2));
  cli(db, 'import', file);
  await withApp(db, async (s) => {
    const title = await s.find(sel('meeting-title'));
    await s.until('the hostile meeting', async () => String(await title.property('value')).startsWith('Hostile '));
    await s.until('the preview', async () =>
      String(await s.execute(`return document.querySelector('[data-testid="preview"]')?.shadowRoot?.textContent ?? ''`)).includes('onerror'));
    await sleep(1000);
    // Hover every link, in the editors and the preview: a handler the payload smuggled in would fire.
    await s.execute(`
      const shown = document.querySelector('[data-testid="preview"]').shadowRoot;
      for (const a of [...document.querySelectorAll('a'), ...shown.querySelectorAll('a')]) a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));`);
    await sleep(500);
    const marks = await s.execute(`
      const shown = document.querySelector('[data-testid="preview"]').shadowRoot;
      const all = [...document.querySelectorAll('*'), ...shown.querySelectorAll('*')];
      // The editors' links hold the address as an attribute, inert; the preview keeps no address
      // at all (preview.ts: nothing there navigates the window).
      const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      // ProseMirror's own <img class="ProseMirror-separator"> (no source) after inline atoms.
      const media = [...document.querySelectorAll('img, object, embed')].filter((el) => !(el.matches('img.ProseMirror-separator') && !el.hasAttribute('src')));
      return [document.documentElement.getAttribute('data-xss'), document.querySelectorAll('iframe').length,
              media.length,
              all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
              shown.querySelectorAll('img, svg, iframe, object, embed').length,
              shown.querySelectorAll('script').length,
              hrefs.length > 0, hrefs.every((h) => h === ${JSON.stringify(hostileUrl)}),
              shown.querySelectorAll('a').length > 0, shown.querySelectorAll('a[href], a:not([rel="noopener noreferrer"])').length];`);
    assert.deepEqual(marks, [null, 0, 0, 0, 0, 0, true, true, true, 0]);
  });
});

test('versions: save, change, compare and restore in the real app; the CLI sees the history', async () => {
  const { db } = importFisheries('versions');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    await (await s.find(sel('versions-button'))).click();
    await (await s.find(sel('save-version'))).click();
    await s.until('version 1', async () => (await s.findAll(sel('version'))).length === 1);
    await (await s.find(sel('versions-close'))).click();
    const headline = await s.find(sel('release-headline'));
    await headline.click();
    await headline.type(' today');
    await waitSaved(s);
    await (await s.find(sel('versions-button'))).click();
    await (await s.find(sel('save-version'))).click();
    await s.until('version 2', async () => (await s.findAll(sel('version'))).length === 2);
    // Version 1 against the release now: the headline changed, what was typed marked as added
    // (core's word diff, as the shell returns it).
    await (await s.find(`${sel('version')}[data-number="1"]`)).click();
    await s.until('a changed headline in the diff, what was typed marked', async () => {
      for (const p of await s.findAll(`${sel('diff-para')}[data-kind="changed"] ins`)) {
        if (String(await p.property('textContent')).includes('today')) return true;
      }
      return false;
    });
    await (await s.find(sel('restore-version'))).click();
    await (await s.find(sel('restore-confirm'))).click();
    await s.until('the versions after the restore', async () => (await s.findAll(sel('version'))).length >= 3);
    await (await s.find(sel('versions-close'))).click();
    await s.until('the old headline back', async () =>
      (await (await s.find(sel('release-headline'))).property('value')) === 'Fisheries ministers cut cod quotas and fund two research vessels');
    await waitSaved(s);
  });
  const history = cli(db, 'history', '1').trim().split('\n').map((l) => l.split('\t'));
  assert.equal(history[0][2], 'Restored version 1', JSON.stringify(history));
  assert.ok(history.some((v) => v[2] === 'Saved by hand'));
  assert.deepEqual(exportV2(db, 1).releases[0].headline, ['Fisheries ministers cut cod quotas and fund two research vessels']);
});

/** Types `text` at the end of the text field `testid` (a click would put the caret where it lands). */
async function typeAtEnd(s, testid, text) {
  const el = await s.find(sel(testid));
  await el.click();
  await s.execute(`const e = document.querySelector('[data-testid="${testid}"]'); e.setSelectionRange(e.value.length, e.value.length);`);
  await el.type(text);
}

test('language versions in the real app: a French version added, each text beside its source; marked translated, then an English edit outdates it, shown word by word; the CLI agrees', async () => {
  const { db } = importFisheries('language-versions');
  const row = (key) => `${sel('translation-row')}[data-key="${key}"]`;
  const statusOf = async (s, key) => (await s.find(row(key))).attribute('data-status');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    await (await s.find(`${sel('meeting-language')} option[value="add:fr"]`)).click();
    await s.until('the French release opened', async () => (await (await s.find(sel('meeting-language'))).property('value')) === 'fr');
    await (await s.find(sel('translation-button'))).click();
    await s.until('every text to translate', async () => {
      const rows = await s.findAll(sel('translation-row'));
      return rows.length > 5 && (await Promise.all(rows.map((r) => r.attribute('data-status')))).every((x) => x === 'to-translate');
    });
    writeFileSync(join(artifacts, 'translation-new.png'), await s.screenshot());
    // The headline translated (in the editor), then marked translated in the view.
    await (await s.find(sel('translation-close'))).click();
    await typeAtEnd(s, 'release-headline', ' : version française');
    await waitSaved(s);
    await (await s.find(sel('translation-button'))).click();
    await s.until('the French headline beside the English one', async () =>
      (await shownText(await s.find(`${row('headline')} ${sel('translation-target')}`))).endsWith('version française'));
    await (await s.find(`${row('headline')} ${sel('mark-translated')}`)).click();
    await (await s.find(sel('translation-all'))).click();
    await s.until('the headline translated', async () => (await statusOf(s, 'headline')) === 'translated');
    await waitSaved(s);
    // The English headline corrected: the French one is outdated, the change shown.
    await (await s.find(`${sel('meeting-language')} option[value="en"]`)).click();
    await s.until('the English release opened', async () => (await (await s.find(sel('meeting-language'))).property('value')) === 'en');
    await typeAtEnd(s, 'release-headline', ' today');
    await waitSaved(s);
    await (await s.find(`${sel('meeting-language')} option[value="fr"]`)).click();
    await s.until('the French release opened again', async () => (await (await s.find(sel('meeting-language'))).property('value')) === 'fr');
    await (await s.find(sel('translation-button'))).click();
    await s.until('the headline outdated, what English added marked', async () => {
      if ((await statusOf(s, 'headline')) !== 'outdated') return false;
      const ins = await s.findAll(`${row('headline')} ${sel('translation-change')} ins`);
      return ins.length === 1 && (await shownText(ins[0])).includes('today');
    });
    writeFileSync(join(artifacts, 'translation-outdated.png'), await s.screenshot());
    // The French headline itself did not move.
    assert.ok((await shownText(await s.find(`${row('headline')} ${sel('translation-target')}`))).endsWith(': version française'));
    // Exporting the French release asks first, saying what is left.
    await (await s.find(sel('translation-close'))).click();
    await (await s.find(sel('export-button'))).click();
    await (await s.find(sel('export-html'))).click();
    const ask = await s.find(sel('export-outdated-dialog'));
    await s.until('the question says what is left', async () => /not fully translated: \d+ to translate, 1 outdated/.test(await shownText(ask)));
    await (await s.find(sel('export-show-left'))).click();
    await s.find(sel('translation-view'));
  });
  // The view in the dark theme (the window follows the desktop's).
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    if ((await (await s.find(sel('meeting-language'))).property('value')) !== 'fr') {
      await (await s.find(`${sel('meeting-language')} option[value="fr"]`)).click();
    }
    await (await s.find(sel('translation-button'))).click();
    await s.find(row('headline'));
    const dark = await s.execute("return matchMedia('(prefers-color-scheme: dark)').matches");
    writeFileSync(join(artifacts, `translation-${dark ? 'dark' : 'not-dark'}.png`), await s.screenshot());
  }, { env: { GTK_THEME: 'Adwaita:dark' } });
  const status = cli(db, 'status', '1').trim().split('\n');
  assert.equal(status[0], 'en\toriginal\t0 translated\t0 to translate\t0 outdated');
  assert.match(status[1], /^fr\ten\t0 translated\t\d+ to translate\t1 outdated$/, status[1]);
  assert.match(cli(db, 'status', '1', '--lang', 'fr'), /^outdated\theadline\tHeadline$/m);
  // Exporting the French release: refused while texts are left, written with --allow-outdated.
  assert.throws(() => execFileSync(CLI, ['--db', db, 'export', '1', '--format', 'md', '--lang', 'fr'], { stdio: 'pipe' }), /--allow-outdated/);
  assert.match(cli(db, 'export', '1', '--format', 'md', '--lang', 'fr', '--allow-outdated'), /^title: "Fisheries ministers cut cod quotas and fund two research vessels[\u00a0 ]: version française"$/m);
  assert.match(cli(db, 'export', '1', '--format', 'md', '--lang', 'en'), /^title: "Fisheries ministers cut cod quotas and fund two research vessels today"$/m);
});

test('status in the real app: sent for clearance, cleared by a named person, an edit shows against the cleared text, cleared again, published, corrected; the CLI agrees', async () => {
  const { db } = importFisheries('clearance');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    await (await s.find(sel('status-button'))).click();
    await s.until('no status yet', async () => (await shownText(await s.find(sel('clearance-status')))) === 'No status');
    await (await s.find(sel('move-ready_for_clearance'))).click();
    await s.until('for clearance', async () => (await shownText(await s.find(sel('clearance-status')))) === 'For clearance');
    // Clearing asks who cleared it.
    assert.equal(await (await s.find(sel('move-cleared'))).attribute('disabled'), 'true');
    await (await s.find(sel('clearance-by'))).type('Ana Ruiz');
    await (await s.find(sel('move-cleared'))).click();
    await s.until('cleared by Ana Ruiz', async () => (await shownText(await s.find(sel('cleared-by')))).startsWith('Cleared by Ana Ruiz'));
    await s.find(sel('reads-as-cleared'));
    writeFileSync(join(artifacts, 'clearance-cleared.png'), await s.screenshot());
    // An edit after clearance: shown against the cleared text; publishing is refused.
    await (await s.find(sel('clearance-close'))).click();
    await typeAtEnd(s, 'release-headline', ' today');
    await waitSaved(s);
    await (await s.find(sel('status-button'))).click();
    await s.until('edited since cleared', async () => /Edited since it was cleared: 1 paragraph/.test(await shownText(await s.find(sel('since-cleared')))));
    const ins = await s.findAll(`${sel('clearance-view')} ${sel('diff-inline')} ins`);
    assert.ok((await Promise.all(ins.map(shownText))).some((t) => t.includes('today')));
    writeFileSync(join(artifacts, 'clearance-edited.png'), await s.screenshot());
    await (await s.find(sel('move-published'))).click();
    await s.until('publishing refused, said', async () => /clear it again/.test(await shownText(await s.find('.toasts'))));
    await (await s.find(sel('clearance-by'))).type('Ana Ruiz');
    await (await s.find(sel('move-cleared'))).click();
    await s.find(sel('reads-as-cleared'));
    await (await s.find(sel('move-published'))).click();
    await s.until('published', async () => (await shownText(await s.find(sel('clearance-status')))) === 'Published');
    await (await s.find(sel('correction-note'))).type('An earlier version gave the wrong quota.');
    await (await s.find(sel('correct-release'))).click();
    await s.until('corrected', async () => (await shownText(await s.find(sel('clearance-status')))) === 'Corrected');
    await s.until('the log has five entries', async () => (await s.findAll(sel('log-entry'))).length === 5);
    writeFileSync(join(artifacts, 'clearance-corrected.png'), await s.screenshot());
    // The editor took the correction in: typing on saves without a conflict.
    await (await s.find(sel('clearance-close'))).click();
    await typeAtEnd(s, 'release-headline', '!');
    await waitSaved(s);
    // The Export menu offers the PDF on both papers.
    await (await s.find(sel('export-button'))).click();
    assert.equal(await shownText(await s.find(sel('export-pdf'))), 'Release as PDF, A4 (.pdf)…');
    assert.equal(await shownText(await s.find(sel('export-pdf-letter'))), 'Release as PDF, US Letter (.pdf)…');
    writeFileSync(join(artifacts, 'export-menu.png'), await s.screenshot());
  });
  const show = cli(db, 'clearance', 'show', '1').trim().split('\n');
  assert.equal(show[0], 'corrected');
  assert.deepEqual(show.slice(1, 6).map((l) => l.split('\t')[1]), ['corrected', 'published', 'cleared', 'cleared', 'ready']);
  assert.equal(show[3].split('\t')[2], 'Ana Ruiz');
  const md = cli(db, 'export', '1', '--format', 'md');
  assert.match(md, /^\*\*Correction \([^)]+\):\*\* An earlier version gave the wrong quota\.$/m);
  assert.match(md, /^status: corrected$/m);
  assert.match(md, /^title: "Fisheries ministers cut cod quotas and fund two research vessels today!"$/m);
  // The PDF says the same, as pdftotext reads it: the corrected headline, the correction note.
  const pdf = join(dir, 'clearance.pdf');
  cli(db, 'export', '1', '--format', 'pdf', '-o', pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString().replace(/\s+/g, ' ');
  assert.match(text, /Fisheries ministers cut cod quotas and fund two research vessels today!/);
  assert.match(text, /Correction \([^)]+\): An earlier version gave the wrong quota\./);
});

/** A `width`×`height` PNG (RGB, a gradient of sea and sky): a real image for the photo tests. */
function gradientPng(width, height) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([40 + (x * 80) / width, 90 + (y * 100) / height, 160 + (y * 80) / height], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('photos in the real window: an image the CLI imported is its photo row’s thumbnail and in the preview, served by the photo: scheme', async () => {
  const { db } = importFisheries('photos');
  const file = join(dir, 'harbour.png');
  writeFileSync(file, gradientPng(320, 200));
  cli(db, 'photo', 'add', '1', file, '--photo', 'harbour', '--caption', 'Fishing boats in Bergen harbour at dawn', '--alt', 'Boats moored along a quay', '--credit', 'Northern Seas Council');
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    const loaded = (where) => s.execute(`${where}; return !!img && img.complete && img.naturalWidth === 320 && img.naturalHeight === 200;`);
    await s.until('the thumbnail loaded through photo:', () =>
      loaded("const img = [...document.querySelectorAll('[data-testid=\"photo-thumb\"]')].find((i) => i.naturalWidth > 0) ?? document.querySelector('[data-testid=\"photo-thumb\"]')"));
    await s.until('the preview shows the image, its alt text kept', () =>
      loaded("const host = document.querySelector('[data-testid=\"preview\"]'); const img = (host.shadowRoot ?? host).querySelector('figure img'); if (img && img.alt !== 'Boats moored along a quay') return false"));
    const alts = await s.findAll(sel('photo-alt'));
    assert.equal(await alts.at(-1).property('value'), 'Boats moored along a quay', 'the new photo comes last');
    await s.execute("[...document.querySelectorAll('[data-testid=\"photo\"]')].at(-1).scrollIntoView({ block: 'center' }); const host = document.querySelector('[data-testid=\"preview\"]'); (host.shadowRoot ?? host).querySelector('figure')?.scrollIntoView({ block: 'center' });");
    writeFileSync(join(artifacts, 'photos.png'), await s.screenshot());
  });
  // Every export from the archive carries the image's own bytes.
  const html = cli(db, 'export', '1', '--format', 'html');
  const src = /<img src="data:image\/png;base64,([^"]+)"/.exec(html);
  assert.ok(src, 'an embedded image');
  assert.deepEqual(Buffer.from(src[1], 'base64'), readFileSync(file));
});

// Closing while the archive cannot be written.

/** lifecycle.rs CLOSE_GRACE: a close request the UI never answers is forced after this. */
const CLOSE_GRACE_MS = 4000;

// Another process holds the archive's write lock (BEGIN EXCLUSIVE; in WAL mode readers go on,
// no writer gets in) until its standard input closes, five minutes at most.
const LOCK_HOLDER = `
import select, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
select.select([sys.stdin], [], [], 300)
db.execute("ROLLBACK")
db.close()
print("released", flush=True)
`;

async function holdWriteLock(db) {
  const p = spawn(PYTHON, ['-c', LOCK_HOLDER, db], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  let closed = false;
  const exited = new Promise((r) =>
    p.once('close', (code, signal) => {
      closed = true;
      r({ code, signal });
    }),
  );
  const saw = async (word, ms) => {
    const deadline = Date.now() + ms;
    while (!out.split('\n').includes(word)) {
      if (Date.now() > deadline || closed) throw new Error(`the lock holder did not say ${word} after ${ms} ms (said: ${JSON.stringify(out)}, exit ${p.exitCode})`);
      await sleep(50);
    }
  };
  await saw('locked', 10000);
  return {
    async release() {
      p.stdin.end();
      await saw('released', 10000);
      assert.deepEqual(await exited, { code: 0, signal: null }, 'the lock holder let go cleanly');
    },
    kill() {
      if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    },
  };
}

/** What the close prompt shows (read by script: a screenshot hangs while a modal <dialog> is open). */
const closePrompt = (s) =>
  s.execute(`
    const d = document.querySelector('[data-testid="close-prompt"]');
    if (!d || !d.open) return null;
    return {
      step: d.querySelector('[data-step]')?.dataset.step ?? null,
      heading: d.querySelector('h2')?.textContent.trim() ?? '',
      reason: d.querySelector('[data-testid="close-reason"]')?.textContent.replace(/\\s+/g, ' ').trim() ?? '',
      buttons: [...d.querySelectorAll('button')].map((b) => [b.dataset.testid, b.textContent.trim(), b.disabled]),
      saveStatus: document.querySelector('[data-testid="save-status"]')?.dataset.state ?? null,
    };`);

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('closed while its save fails: the prompt keeps the window past the grace period; Retry saves, then it closes', { timeout: 240000 }, async () => {
  const { db } = importFisheries('close-locked');
  const words = 'Ministers will meet again in Reykjavik in the autumn';
  let lock;
  try {
    await withApp(db, async (s) => {
      await untilTitle(s, 'Spring Council of Fisheries Ministers');
      await waitSaved(s);
      lock = await holdWriteLock(db);
      const summary = (await s.findAll(sel('item-summary'), { atLeast: 1 }))[0];
      await summary.click();
      await summary.type('\uE009\uE010\uE000'); // Ctrl+End
      await summary.type(` ${words}.`);
      const pids = appPids();
      assert.equal(pids.length, 1, `one app process: ${pids}`);
      const [pid] = pids;

      // The window manager's close button, while the archive refuses the write.
      closeWindow(pid);
      const asked = Date.now();
      const steps = [];
      const prompt = await s.until('the close prompt asking what to do', async () => {
        if (!alive(pid)) return { gone: true };
        const p = await closePrompt(s);
        const step = `${p?.step ?? 'none'}/${p?.saveStatus}`;
        if (steps.at(-1)?.[1] !== step) steps.push([Date.now() - asked, step]);
        return p?.step === 'unsaved' && p;
      }, 45000);
      console.log(`close prompt (ms after the request, step/save status): ${JSON.stringify(steps)}`);
      assert.ok(!prompt.gone, `the app quit ${Date.now() - asked} ms after the close request, with the edit not stored`);
      assert.equal(prompt.heading, 'Your latest edits are not saved');
      assert.match(prompt.reason, /^The latest edits to “Spring Council of Fisheries Ministers” could not be stored in the archive \(storage: .*locked.*\)\. If you close now, they are lost\.$/);
      assert.equal(prompt.saveStatus, 'error');
      assert.deepEqual(
        prompt.buttons,
        [
          ['close-discard', 'Discard edits and close', false],
          ['close-keep-open', 'Don’t close', false],
          ['close-save-file', 'Save as meeting file…', false],
          ['close-retry', 'Retry', false],
        ],
      );

      // Well past the shell's grace period: the UI answered, so nothing closed the window.
      await sleep(Math.max(0, asked + CLOSE_GRACE_MS + 3000 - Date.now()));
      assert.ok(alive(pid), `the app is still running ${Date.now() - asked} ms after the close request`);
      assert.equal((await closePrompt(s))?.step, 'unsaved', 'and still asking');
      assert.equal(cli(db, 'search', 'reykjavik'), '', 'nothing stored yet (a reader gets in)');

      // The lock goes; Retry stores the edit and lets the window close.
      await lock.release();
      await (await s.find(sel('close-retry'))).click();
      await s.until('the app to close itself', async () => !alive(pid), 30000);
    });
  } finally {
    lock?.kill();
  }
  assert.deepEqual(appPids(), [], 'the app exited');
  assert.equal(cli(db, 'search', 'reykjavik').split('\n').filter(Boolean).length, 1, 'stored, and indexed');
  const text = itemText(exportV2(db, 1));
  assert.ok(text.endsWith(` ${words}.`), text);
  // Restarted on the same archive, the window shows it.
  await withApp(db, async (s) => {
    await untilTitle(s, 'Spring Council of Fisheries Ministers');
    const summary = await s.find(sel('item-summary'));
    await s.until('the edit after a restart', async () => (await shownText(summary)).endsWith(` ${words}.`));
  });
});

