// Fixture files with their expected findings written inside them.
//
// A comment on the line before a finding says which rule flags that line:
//   Markdown:    <!-- expect: weak-apology -->
//   Handlebars:  {{!-- expect: weak-apology --}}
// Several rules: `expect: weak-apology, oversharing`. The document model hides
// comments, so the expectation never changes what is linted. A fixture with no
// expect comment must have no finding of the rule under test.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, lint, LineIndex, type Finding } from '../../server/src/engine';

const EXPECT = /(?:<!--|\{\{!--)\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*(?:-->|--\}\})/g;

export interface FixtureCase {
  name: string;
  text: string;
  language: 'markdown' | 'handlebars';
}

export function fixtureCases(rule: string): FixtureCase[] {
  const dir = path.join(__dirname, '..', 'fixtures', rule);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md') || name.endsWith('.hbs'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8'), language: name.endsWith('.hbs') ? 'handlebars' : 'markdown' }));
}

/** "line:rule" for every expectation in the text (0-based line of the finding). */
export function expectedFindings(text: string, rule: string): string[] {
  const lines = new LineIndex(text);
  const expected: string[] = [];
  for (const m of text.matchAll(EXPECT)) {
    const line = lines.positionAt(m.index!).line + 1;
    for (const id of m[1].split(/\s*,\s*/)) if (id === rule) expected.push(`${line}:${id}`);
  }
  return expected.sort();
}

export function actualFindings(text: string, rule: string, findings: Finding[]): string[] {
  const lines = new LineIndex(text);
  return findings.filter((f) => f.rule === rule).map((f) => `${lines.positionAt(f.start).line}:${f.rule}`).sort();
}

/**
 * Applies the preferred fix of every finding of the rule (fill-ins included),
 * re-linting between rounds, and returns the final text and what is left.
 */
export function fixAll(text: string, language: string, rule: string): { text: string; left: Finding[] } {
  let current = text;
  for (let round = 0; round < 5; round++) {
    const findings = lint(current, language).findings.filter((f) => f.rule === rule);
    const fixes = findings.map((f) => f.fixes.find((x) => x.preferred) ?? f.fixes[0]).filter((x) => x !== undefined);
    if (fixes.length === 0) return { text: current, left: findings };
    const next = applyFixes(current, fixes).text;
    if (next === current) return { text: current, left: findings };
    current = next;
  }
  return { text: current, left: lint(current, language).findings.filter((f) => f.rule === rule) };
}

/** The fixture suite every rule runs: expectations match, and fixing leaves nothing of the rule behind. */
export function fixtureSuite(rule: string, test: (name: string, fn: () => void) => unknown, assert: { deepEqual(a: unknown, b: unknown, m?: string): void }): void {
  for (const fixture of fixtureCases(rule)) {
    test(`fixture ${rule}/${fixture.name}: findings are where the expect comments say`, () => {
      const findings = lint(fixture.text, fixture.language).findings;
      assert.deepEqual(actualFindings(fixture.text, rule, findings), expectedFindings(fixture.text, rule));
    });
    test(`fixture ${rule}/${fixture.name}: the fixed text does not trigger the rule again`, () => {
      const { left } = fixAll(fixture.text, fixture.language, rule);
      // Findings without a fix (template-syntax) stay; every fixable one must be gone.
      assert.deepEqual(left.filter((f) => f.fixes.length > 0).map((f) => f.message), []);
    });
  }
}
