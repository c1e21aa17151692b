// Fixture folders per rule: files named bad-* must have findings of the rule,
// files named good-* must have none. The language follows the extension.

import * as fs from 'node:fs';
import * as path from 'node:path';

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
