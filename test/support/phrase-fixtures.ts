// Fixture checks for the phrase rules: a line preceded by an
// `expect-next-line: <rule>` comment must hold exactly one finding of the rule,
// every other line none; applying the preferred fixes gives the .fixed file,
// which lints clean.

import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { applyFixes, LineIndex } from '../../server/src/engine';
import { findingsOf, fixture } from './lint';

const MARKER = /expect-next-line:\s*([\w-]+)/;

export function expectedLines(text: string, rule: string): number[] {
  const lines = text.split(/\r?\n/);
  const expected: number[] = [];
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (m && m[1] === rule) expected.push(i + 1);
  });
  return expected;
}

function languageOf(file: string): string {
  return file.endsWith('.hbs') ? 'handlebars' : 'markdown';
}

/** Lints a fixture and checks its findings sit on the marked lines; returns the text after the preferred fixes. */
export function checkFixture(rule: string, file: string): string {
  const text = fixture(rule, file);
  const language = languageOf(file);
  const findings = findingsOf(text, rule, language);
  const lines = new LineIndex(text);
  const found = findings.map((f) => lines.positionAt(f.start).line);
  assert.deepEqual(found, expectedLines(text, rule), `${rule}/${file}: lines with findings`);
  const preferred = findings.map((f) => f.fixes.find((fix) => fix.preferred) ?? f.fixes[0]).filter((f) => f !== undefined);
  const result = applyFixes(text, preferred);
  assert.equal(result.skipped.length, 0, `${rule}/${file}: no fix overlaps another`);
  const fixedName = file.replace(/(\.\w+)$/, '.fixed$1');
  const fixedPath = path.join(__dirname, '..', 'fixtures', rule, fixedName);
  if (fs.existsSync(fixedPath)) {
    assert.equal(result.text, fs.readFileSync(fixedPath, 'utf8'), `${rule}/${file}: fixed text`);
    assert.deepEqual(findingsOf(result.text, rule, language).filter((f) => f.fixes.length > 0), [], `${rule}/${fixedName}: nothing fixable left`);
  }
  return result.text;
}
