// The generated TypeScript of the meeting file v2 (`MeetingFileV2` in src/lib/bindings.ts, from
// core's types by specta) against what core's serde writes: the worked example, core's canonical
// output of every construct (core checks it is, `v2::tests`), type-checks as a `MeetingFileV2`
// object literal, and what core refuses does not (TypeScript's excess-property check stands in
// for `deny_unknown_fields`). Run by the TypeScript compiler itself, on an in-memory file beside
// the bindings.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import parsed from '../../../core/tests/fixtures/v2/ministers-en-fr.meeting.json';

const example = JSON.stringify(parsed, null, 2);

// ui/src/lib/, from this file's URL (jsdom's URL does not resolve `..` against file: URLs).
const lib = decodeURIComponent(import.meta.url.replace(/^file:\/\//, '').replace(/tests\/unit\/[^/]+$/, 'src/lib/'));

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
};

/** The compiler's errors for `const file: MeetingFileV2 = <json>`, one line each. */
function errors(json: string): string[] {
  const name = `${lib}__v2_check.ts`;
  const text = `import type { MeetingFileV2 } from './bindings';\nexport const file: MeetingFileV2 = ${json};\n`;
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v, ...rest) => (f === name ? ts.createSourceFile(f, text, v) : getSourceFile(f, v, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => f === name || fileExists(f);
  const program = ts.createProgram([name], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(name))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

/** The example with one edit made to its parsed value. */
function edited(edit: (m: any) => void): string {
  const m = JSON.parse(example);
  edit(m);
  return JSON.stringify(m, null, 2);
}

describe('MeetingFileV2 in the bindings', () => {
  it('types the worked example as core writes it', () => {
    expect(errors(example)).toEqual([]);
  }, 30_000);

  it.each<[string, (m: any) => void, RegExp]>([
    ['an unknown field in a block', (m) => (m.releases[0].lead[0].colour = 'red'), /colour/],
    ['an unknown attribution', (m) => (m.releases[0].items[0].blocks[1].p[0].attribution = 'sideways'), /sideways|not assignable/],
    ['a block without its id', (m) => delete m.releases[0].items[0].blocks[2].id, /not assignable/],
    ['a link without its text', (m) => delete m.releases[0].closing[0].p[1].text, /not assignable/],
    ['runs written as one string', (m) => (m.releases[0].headline = 'Ministers agree'), /not assignable/],
    ['an unknown list kind', (m) => (m.releases[0].items[0].blocks[2].list = 'dashed'), /dashed|not assignable/],
    ['a language not supported', (m) => (m.meeting.languages = ['en', 'ja']), /"ja"|not assignable/],
    ['a form not in v2', (m) => (m.releases[0].items[1].blocks[1].byline[0].form = 'nickname'), /nickname|not assignable/],
    ['the v1 format', (m) => (m.format = 'communique.meeting.v1'), /communique\.meeting\.v1/],
  ])('refuses %s, as core does', (_what, edit, message) => {
    const found = errors(edited(edit));
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(message);
  }, 30_000);
});
