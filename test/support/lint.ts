// Helpers the rule tests share: lint a text, apply a finding's fix, read fixture files.

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
