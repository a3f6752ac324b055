// A small W3C WebDriver client (fetch only), enough to drive the real app through tauri-driver:
// sessions, element lookup, clicks, typing, attributes, screenshots.

const W3C_ELEMENT = 'element-6066-11e4-a52e-4f2fcd3c0e4e';

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(base, application) {
    // tauri-driver wants only `tauri:options` in the capabilities.
    const res = await request(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application } } },
    });
    return new Session(base, res.sessionId);
  }

  cmd(method, path, body, timeout) {
    return request(this.base, method, `/session/${this.id}${path}`, body, timeout);
  }

  async end() {
    await this.cmd('DELETE', '', undefined, 15000).catch(() => {});
  }

  async find(css, { timeout = 15000 } = {}) {
    return (await this.findAll(css, { timeout, atLeast: 1 }))[0];
  }

  async findAll(css, { timeout = 15000, atLeast = 0 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const els = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
      if (els.length >= atLeast) return els.map((e) => new Element(this, e[W3C_ELEMENT] ?? e.ELEMENT ?? Object.values(e)[0]));
      if (Date.now() > deadline) throw new Error(`no element ${css} after ${timeout} ms`);
      await sleep(100);
    }
  }

  /** Waits until `check()` returns a truthy value, and returns it. */
  async until(what, check, timeout = 15000) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await check();
        if (last) return last;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`);
      await sleep(100);
    }
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  /**
   * Keys to whatever has the focus (the Actions API: element send keys would move the focus to its
   * element), written as for element send keys: Shift `\uE008`, Ctrl `\uE009` and Alt `\uE00A`
   * are held until `\uE000` (or the end).
   */
  async keys(text) {
    const MODS = new Set(['\uE008', '\uE009', '\uE00A']);
    const held = [];
    const actions = [];
    const release = () => {
      while (held.length) actions.push({ type: 'keyUp', value: held.pop() });
    };
    for (const ch of text) {
      if (ch === '\uE000') release();
      else if (MODS.has(ch)) {
        held.push(ch);
        actions.push({ type: 'keyDown', value: ch });
      } else actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    }
    release();
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions').catch(() => {});
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }
}

export class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }
  cmd(method, path, body) {
    return this.s.cmd(method, `/element/${this.id}${path}`, body);
  }
  click() {
    return this.cmd('POST', '/click', {});
  }
  clear() {
    return this.cmd('POST', '/clear', {});
  }
  type(text) {
    return this.cmd('POST', '/value', { text });
  }
  text() {
    return this.cmd('GET', '/text');
  }
  property(name) {
    return this.cmd('GET', `/property/${name}`);
  }
  attribute(name) {
    return this.cmd('GET', `/attribute/${name}`);
  }
}

/** No WebDriver command takes this long: one that does is a hang, and fails the test. */
export const COMMAND_TIMEOUT = 60000;

async function request(base, method, path, body, timeout = COMMAND_TIMEOUT) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  }).catch((e) => {
    throw new Error(`${method} ${path}: ${e.name === 'TimeoutError' ? `no answer after ${timeout} ms` : e.message}`);
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.value ?? json)}`);
  return json.value;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the driver at `base` answers (about ten seconds), else throws. */
export async function untilDriver(base) {
  for (let i = 0; ; i += 1) {
    try {
      await fetch(`${base}/status`);
      return;
    } catch {
      if (i > 100) throw new Error('tauri-driver did not start');
      await sleep(100);
    }
  }
}
