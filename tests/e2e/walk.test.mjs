// The walk: a press officer new to Communiqué enters a whole release of a ministerial meeting in
// French through the real window — keyboard and mouse only — and every action it takes is
// counted (the goal: under 55). The release is then read back through the real CLI, and its
// paragraphs must be exactly what a French release prints.
// Run by tests/e2e/run, which builds both binaries and starts Xvfb.
//
// The meeting and every word of it are made up, in the shape of a foreign ministers' meeting of
// an alliance: a lead, four agenda items, three quotes of its secretary general placed at the end
// of their item's text (named in full first, then by her short form, each later quote with a verb
// of its own), a closing, a photo with its credit, the release dated and updated at 21 h 11.
// The user is new: a first start (the sample removed), a WebView profile of their own, on a
// French desktop in Brussels (the app takes the language and zone of new meetings from it).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Element } from './webdriver.mjs';
import { artifacts, cli, focusedTestid, killLeftovers, previewText, sel, waitSaved, withApp } from './harness.mjs';

const KEY = { tab: '\uE004', enter: '\uE007', ctrl: '\uE009', shift: '\uE008' };

/**
 * Everything the user does goes through here, and is counted: a click, a key chord (Tab, Enter,
 * Ctrl+Enter…), or one stretch of typing into the field that has the focus. Waiting for the app
 * (and scrolling a pane so that a field can be seen) is no action.
 */
class Walk {
  constructor(s) {
    this.s = s;
    this.actions = [];
  }

  /** Clicks the element `css` (the last of them, or the one at `index`). */
  async click(css, what, index = -1) {
    const all = await this.s.findAll(css, { atLeast: 1 });
    const el = all.at(index);
    // In view first: WebKitWebDriver does not scroll a field inside a nested pane into view.
    await this.s.execute('[...document.querySelectorAll(arguments[0])].at(arguments[1]).scrollIntoView({ block: "center" })', [css, index]);
    await el.click();
    this.actions.push(`click ${what}`);
  }

  /** One key or chord, to what has the focus: `\uE009\uE007` is Ctrl+Enter. */
  async key(keys, what) {
    await this.s.keys(keys);
    this.actions.push(`key ${what}`);
  }

  /** Types `text` into the field that has the focus (which must be `testid`, when given). */
  async type(text, what, testid) {
    if (testid) await this.focusIs(testid);
    const ref = await this.s.execute('return document.activeElement');
    await new Element(this.s, Object.values(ref)[0]).type(text);
    this.actions.push(`type ${what}: ${text}`);
  }

  /** Waits until what has the focus is `testid` (no action). */
  async focusIs(testid) {
    try {
      await this.s.until(`${testid} focused`, async () => (await focusedTestid(this.s)) === testid);
    } catch (e) {
      const at = await this.s.execute('const a = document.activeElement; return a ? a.outerHTML.slice(0, 300) : null');
      writeFileSync(join(artifacts, 'walk-failed.png'), await this.s.screenshot());
      throw new Error(`${e.message}; after ${this.actions.length} actions (${this.actions.at(-1)}) the focus is on ${at}`);
    }
  }
}

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'communique-e2e-walk-'));
});
after(killLeftovers);

// The release, made up (the speaker, the alliance, the words).
const M = {
  title: 'Réunion des ministres des Affaires étrangères de l\'Alliance des mers du Nord',
  location: 'Bruxelles',
  zone: 'Europe/Brussels',
  date: '27/04/2018',
  time: '21 h 11',
  items: [
    {
      title: 'Voisinage oriental',
      text: 'Les ministres ont ouvert leurs travaux par un tour d\'horizon de la situation dans le voisinage oriental de l\'Alliance. Ils ont confirmé une ligne qui associe une vigilance accrue et un dialogue suivi avec les pays de la région.',
    },
    {
      title: 'Mission de surveillance côtière',
      text: 'Les ministres ont arrêté le cadre d\'une mission de surveillance côtière qui aidera les garde-côtes de trois pays partenaires à former leurs équipages et à entretenir leurs navires.',
      quote: { words: 'Nos partenaires doivent pouvoir protéger eux-mêmes leurs côtes, et nous les y aiderons' },
    },
    {
      title: 'Pêche durable',
      text: 'Les Alliés ont aussi redit leur soutien aux accords régionaux sur la pêche durable et salué le travail des observateurs embarqués.',
      quote: { words: 'La protection des stocks de poissons relève aussi de notre sécurité. Aucun pays n\'y parviendra seul', verb: 'a ajouté' },
    },
    {
      title: 'Élargissement',
      text: 'Enfin, les ministres ont fait le point sur les demandes d\'adhésion de trois pays candidats.',
      quote: { words: 'Notre porte reste ouverte à tous ceux qui partagent nos valeurs et acceptent nos règles', verb: 'a souligné' },
    },
  ],
  speaker: {
    name: 'Ingrid Halvorsen',
    full: 'la secrétaire générale de l\'Alliance, Ingrid Halvorsen',
    role: 'la secrétaire générale',
    short: 'Mme Halvorsen',
  },
  headline: 'L\'Alliance des mers du Nord lance une mission de surveillance côtière',
  lead: 'Réunis à Bruxelles le vendredi 27 avril 2018, les ministres des Affaires étrangères de l\'Alliance des mers du Nord ont décidé de lancer une mission de surveillance côtière et fait le point sur la sécurité maritime dans la région.',
  closing: 'La prochaine réunion des ministres se tiendra à Reykjavik en décembre, dans le nouveau centre de conférences de l\'Alliance.',
  caption: 'La secrétaire générale Ingrid Halvorsen ouvre la séance de travail des ministres',
  credit: 'Alliance des mers du Nord',
};

/** A French desktop for the app (LANG fr_FR.UTF-8): the locale made with localedef, in `dir`. */
function frenchDesktop(dir) {
  const locales = join(dir, 'locales');
  mkdirSync(locales);
  execFileSync('localedef', ['-i', 'fr_FR', '-f', 'UTF-8', join(locales, 'fr_FR.UTF-8')]);
  return { LOCPATH: locales, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr_FR:fr' };
}

test('the walk: a French ministerial release entered through the real window as a new user does, under 55 actions; the CLI export is exactly right', { timeout: 600000 }, async () => {
  const db = join(dir, 'walk.sqlite3'); // no file yet: a first start
  // A new user: a WebView profile of their own (nothing remembered from an earlier run: the
  // release's language, how dates are typed, which panes are folded), on a press officer's
  // computer in Brussels with a French desktop.
  const profile = join(dir, 'profile');
  mkdirSync(profile);
  const env = { XDG_DATA_HOME: profile, XDG_CACHE_HOME: join(profile, 'cache'), TZ: M.zone, ...frenchDesktop(dir) };
  let walk;
  await withApp(db, async (s) => {
    walk = new Walk(s);
    const w = walk;
    const value = async (id) => String(await (await s.find(sel(id))).property('value'));

    // First start: the sample, and "start empty".
    await s.find(sel('sample-bar'));
    await w.click(sel('remove-sample'), 'Remove the sample and start empty');
    await s.find(sel('empty-list'));

    // The meeting: in French and in Brussels' zone from the start (the computer's), dated as typed.
    await w.key(`${KEY.ctrl}n`, 'Ctrl+N (new meeting)');
    await w.type(M.title, 'meeting title', 'meeting-title');
    await w.click(sel('meeting-location'), 'location');
    await w.type(M.location, 'location', 'meeting-location');
    await w.key(KEY.tab, 'Tab (to language: French already)');
    await w.key(KEY.tab, 'Tab (to starts: today, selected)');
    await w.type(M.date, 'starts', 'meeting-starts');
    assert.equal(await value('meeting-language'), 'fr', 'a French release');
    assert.equal(await value('meeting-timezone'), M.zone);

    // The agenda: titles typed as a list (Enter adds the next item).
    await w.key(`${KEY.ctrl}${KEY.enter}`, 'Ctrl+Enter (new agenda item)');
    for (const [i, item] of M.items.entries()) {
      if (i > 0) await w.key(KEY.enter, 'Enter (next agenda item)');
      await w.type(item.title, `item ${i + 1} title`, 'item-title');
    }

    // Each item's release text and its quote, which goes into the release at the end of the
    // text. The first is captured from the text (Ctrl+Shift+Enter: who speaks — a new speaker,
    // with how the release names her — then the words); the others are hers, offered by "Add quote".
    for (const [i, item] of M.items.entries()) {
      await w.click(sel('item-summary'), `item ${i + 1} release text`, i);
      await w.type(item.text, `item ${i + 1} text`, 'item-summary');
      if (!item.quote) continue;
      if (i === 1) {
        const p = M.speaker;
        await w.key(`${KEY.ctrl}${KEY.shift}${KEY.enter}`, 'Ctrl+Shift+Enter (capture a quote)');
        await w.type(p.name, 'who speaks: a new name', 'speaker-picker');
        await w.key(KEY.enter, 'Enter (a new speaker of that name)');
        await w.type(p.full, 'speaker full form', 'new-speaker-full');
        await w.key(KEY.tab, 'Tab (to role)');
        await w.type(p.role, 'speaker role', 'new-speaker-role');
        await w.key(KEY.tab, 'Tab (to short)');
        await w.type(p.short, 'speaker short form', 'new-speaker-short');
        await w.key(KEY.enter, 'Enter (add the speaker)');
      } else {
        await w.click(sel('add-quote'), `item ${i + 1} Add quote`, i);
      }
      await w.type(item.quote.words, `quote words`, 'quote-text');
      if (item.quote.verb) {
        await w.key(KEY.enter, 'Enter (to the verb)');
        await w.type(item.quote.verb, 'quote verb', 'quote-verb');
      }
    }

    // The release: headline, lead, closing, the updated time (on the release's day), the photo.
    await w.click(sel('release-headline'), 'headline');
    await w.type(M.headline, 'headline', 'release-headline');
    await w.click(sel('release-lead'), 'lead');
    await w.type(M.lead, 'lead', 'release-lead');
    await w.click(sel('release-closing'), 'closing');
    await w.type(M.closing, 'closing', 'release-closing');
    await w.click(sel('release-updated-time'), 'updated time');
    await w.type(M.time, 'updated time', 'release-updated-time');
    await w.click(sel('add-photo'), 'Add photo');
    await w.type(M.caption, 'photo caption', 'photo-caption');
    await w.key(KEY.tab, 'Tab (to credit)');
    await w.type(M.credit, 'photo credit', 'photo-credit');

    await waitSaved(s);
    await s.until('the credit in the preview', async () => (await previewText(s)).includes(M.credit));
    assert.equal(await value('release-published'), M.date, 'the release dated the meeting’s day');
    assert.equal(await value('release-updated-date'), M.date);
    writeFileSync(join(artifacts, 'walk.png'), await s.screenshot());
  }, { env });

  console.log(`the walk: ${walk.actions.length} actions\n${walk.actions.map((a, i) => `${String(i + 1).padStart(3)}. ${a}`).join('\n')}`);

  const listed = cli(db, 'list').trim().split('\n');
  assert.equal(listed.length, 1, listed.join('\n'));
  const id = listed[0].split('\t')[0];
  const md = cli(db, 'export', id, '--format', 'md');
  writeFileSync(join(artifacts, 'walk.md'), md);
  const html = cli(db, 'export', id, '--format', 'html');
  writeFileSync(join(artifacts, 'walk.html'), html);

  // What was stored: the meeting, the speaker's forms, the quotes, the dates.
  const file = join(dir, 'walk.json');
  writeFileSync(file, cli(db, 'export', id, '--format', 'json'));
  const v2 = JSON.parse(cli(db, 'upgrade', file));
  assert.deepEqual(v2.meeting, { title: M.title, location: M.location, starts: '2018-04-27', timezone: M.zone, languages: ['fr'] });
  assert.deepEqual(v2.people, [{ id: 'ingrid-halvorsen', name: M.speaker.name, forms: { fr: { full: M.speaker.full, role: M.speaker.role, short: M.speaker.short } } }]);
  assert.deepEqual(
    v2.agenda.map((it) => [it.title, (it.quotes ?? []).map((q) => [q.speaker, q.words.fr, q.verb?.fr])]),
    M.items.map((it) => [it.title, it.quote ? [['ingrid-halvorsen', it.quote.words, it.quote.verb]] : []]),
  );
  const r = v2.releases[0];
  assert.deepEqual([r.language, r.published, r.updated], ['fr', '2018-04-27', '2018-04-27T21:11:00+02:00']);

  // The release, exactly: French quotation marks with no-break spaces inside, the comma after the
  // closing mark, the speaker named in full first and by her short form after, the date in words.
  const NB = '\u00a0';
  assert.equal(md.slice(md.indexOf('\n# ')), `
# L\\'Alliance des mers du Nord lance une mission de surveillance côtière

27 avril 2018 · Mis à jour le${NB}: 27 avril 2018 21:11

Réunis à Bruxelles le vendredi 27 avril 2018, les ministres des Affaires étrangères de l\\'Alliance des mers du Nord ont décidé de lancer une mission de surveillance côtière et fait le point sur la sécurité maritime dans la région.

Les ministres ont ouvert leurs travaux par un tour d\\'horizon de la situation dans le voisinage oriental de l\\'Alliance. Ils ont confirmé une ligne qui associe une vigilance accrue et un dialogue suivi avec les pays de la région.

Les ministres ont arrêté le cadre d\\'une mission de surveillance côtière qui aidera les garde-côtes de trois pays partenaires à former leurs équipages et à entretenir leurs navires. «${NB}Nos partenaires doivent pouvoir protéger eux-mêmes leurs côtes, et nous les y aiderons${NB}», a déclaré la secrétaire générale de l\\'Alliance, Ingrid Halvorsen.

Les Alliés ont aussi redit leur soutien aux accords régionaux sur la pêche durable et salué le travail des observateurs embarqués. «${NB}La protection des stocks de poissons relève aussi de notre sécurité. Aucun pays n\\'y parviendra seul${NB}», a ajouté Mme Halvorsen.

Enfin, les ministres ont fait le point sur les demandes d\\'adhésion de trois pays candidats. «${NB}Notre porte reste ouverte à tous ceux qui partagent nos valeurs et acceptent nos règles${NB}», a souligné Mme Halvorsen.

La prochaine réunion des ministres se tiendra à Reykjavik en décembre, dans le nouveau centre de conférences de l\\'Alliance.

Photo${NB}: La secrétaire générale Ingrid Halvorsen ouvre la séance de travail des ministres
`);
  // The photo's credit is in the Markdown's front matter only; the HTML prints it with the caption.
  assert.match(md, /^photo_credits: \["Alliance des mers du Nord"\]$/m);
  assert.ok(html.includes('<figure><small class="credit">© Alliance des mers du Nord</small><figcaption>La secrétaire générale Ingrid Halvorsen ouvre la séance de travail des ministres</figcaption></figure>'), html);

  assert.ok(walk.actions.length < 55, `${walk.actions.length} actions: ${walk.actions.join(' · ')}`);
});
