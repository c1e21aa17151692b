// Fixture folders per rule: files named bad-* must have findings of the rule,
// files named good-* must have none. The language follows the extension.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/engine';

export interface FixtureFile {
  name: string;
  text: string;
  language: 'markdown' | 'handlebars';
  expectFindings: boolean;
}

export function fixtureFiles(rule: string): FixtureFile[] {
  const folder = path.join(__dirname, '..', 'fixtures', rule);
  return fs
    .readdirSync(folder)
    .filter((name) => /^(?:bad|good)-/.test(name))
    .sort()
    .map((name) => ({
      name,
      text: fs.readFileSync(path.join(folder, name), 'utf8'),
      language: name.endsWith('.hbs') ? 'handlebars' : 'markdown',
      expectFindings: name.startsWith('bad-'),
    }));
}

/** bad-* fixtures of `rule` have findings of it; good-* fixtures have none (listed by flagged text when they do). */
export function assertFixtures(rule: string): void {
  const files = fixtureFiles(rule);
  assert.ok(files.length > 0, `${rule} has fixtures`);
  for (const file of files) {
    const found = lint(file.text, file.language).findings.filter((f) => f.rule === rule);
    if (file.expectFindings) assert.ok(found.length > 0, `${file.name} should be flagged`);
    else assert.deepEqual(found.map((f) => `${file.text.slice(f.start, f.end)}: ${f.message}`), [], `${file.name} should be clean`);
  }
}
