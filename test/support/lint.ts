// Helpers the rule tests share: lint a text, apply a finding's fix, read fixture files.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, lint, type Finding, type Settings } from '../../server/src/engine';

export function findingsOf(text: string, rule?: string, language = 'markdown', settings: Settings = {}): Finding[] {
  const findings = lint(text, language, settings).findings;
  return rule ? findings.filter((f) => f.rule === rule) : findings;
}

/** The flagged text of each finding of a rule. */
export function flagged(text: string, rule: string, language = 'markdown', settings: Settings = {}): string[] {
  return findingsOf(text, rule, language, settings).map((f) => text.slice(f.start, f.end));
}

/** Applies the fix at `index` (default: the first) of the first finding of `rule`. */
export function fixed(text: string, rule: string, index = 0, language = 'markdown', settings: Settings = {}): string {
  const finding = findingsOf(text, rule, language, settings)[0];
  if (!finding) throw new Error(`no ${rule} finding in: ${text}`);
  const fix = finding.fixes[index];
  if (!fix) throw new Error(`the ${rule} finding has no fix #${index}`);
  return applyFixes(text, [fix]).text;
}

export function fixture(...parts: string[]): string {
  return fs.readFileSync(path.join(__dirname, '..', 'fixtures', ...parts), 'utf8');
}

/** Each bad example gets exactly one finding of `rule`; its first fix gives the better text, which is clean. */
export function assertExamples(rule: string, examples: ReadonlyArray<{ bad: string; better: string }>, label = rule): void {
  assert.ok(examples.length > 0, `${label} has examples`);
  for (const { bad, better } of examples) {
    assert.equal(findingsOf(bad, rule).length, 1, `${label}: expected one finding in ${bad}`);
    assert.equal(fixed(bad, rule), better, `${label}: fix of ${bad}`);
    assert.deepEqual(flagged(better, rule), [], `${label}: the better text is clean: ${better}`);
  }
}

/** None of these texts has a finding of `rule`. */
export function assertClean(rule: string, texts: readonly string[]): void {
  for (const text of texts) assert.deepEqual(flagged(text, rule), [], text);
}
