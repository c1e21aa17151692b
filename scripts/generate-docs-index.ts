// Writes docs/rules/README.md, the index of rule pages, from the rule registry
// so the two cannot drift. Run: npm run docs (or npx tsx scripts/generate-docs-index.ts).
// With --check it writes nothing and exits 1 when the index is out of date.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../server/src/engine/rules';
import type { Rule } from '../server/src/engine/rules/support/rule';

export const DOCS_INDEX = path.join(__dirname, '..', 'docs', 'rules', 'README.md');

/** Table cells: no pipes, no raw HTML, one line. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').trim();
}

export function renderDocsIndex(list: readonly Rule[] = rules): string {
  const rows = list.map((rule) => `| [${rule.id}](${rule.id}.md) | ${cell(rule.description)} | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'no'} |`);
  return [
    '# Rules',
    '',
    '<!-- Generated from the rule registry by `npm run docs`; edit the rules, not this file. -->',
    '',
    'Each page says why the rule exists (quoting the guides), what it flags and what it leaves alone, with examples, options and how to disable it.',
    '',
    '| rule | flags | default severity | fixable |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (require.main === module) {
  const expected = renderDocsIndex();
  const current = fs.existsSync(DOCS_INDEX) ? fs.readFileSync(DOCS_INDEX, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== expected) {
      console.error(`${path.relative(process.cwd(), DOCS_INDEX)} is out of date: run npm run docs.`);
      process.exit(1);
    }
  } else if (current !== expected) {
    fs.writeFileSync(DOCS_INDEX, expected);
    console.log(`Wrote ${path.relative(process.cwd(), DOCS_INDEX)} (${rules.length} rules).`);
  } else {
    console.log(`${path.relative(process.cwd(), DOCS_INDEX)} is up to date.`);
  }
}
