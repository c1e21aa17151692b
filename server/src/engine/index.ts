// The engine: from (text, language, settings) to findings with fixes. It
// knows nothing of editors; the server, the CLI and the tests all call lint().

import { parseDocument } from './document/parse';
import type { MacroDocument, MacroUnit } from './document/model';
import { LineIndex } from './text';
import { hasFillIn } from './fill-in';
import { rules, ruleById } from './rules';
import type { Report, Rule, RuleContext } from './rules/rule';
import type { Finding, LanguageId, RuleSetting, Settings, Severity, SeveritySetting } from './types';

export * from './types';
export { applyFixes } from './fixes';
export { LineIndex } from './text';
export { parseDocument } from './document/parse';
export { rules, ruleById } from './rules';
export type { Rule, RuleMeta } from './rules/rule';
export { describeRule } from './rules/describe';

export interface LintResult {
  findings: Finding[];
  document: MacroDocument;
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** The severity a rule runs at, or 'off'; front-matter settings win over the workspace's. */
export function resolveRule(rule: Rule, settings: Settings, fileRules?: Record<string, unknown>): { severity: SeveritySetting; options: Record<string, unknown> } {
  let severity: SeveritySetting = rule.defaultSeverity;
  let options: Record<string, unknown> = {};
  for (const source of [settings.rules?.[rule.id], fileRules?.[rule.id] as RuleSetting | undefined]) {
    if (source === undefined || source === null) continue;
    if (typeof source === 'string' || typeof source === 'boolean') {
      if (source === false) severity = 'off';
      else if (source === true) severity = rule.defaultSeverity;
      else if (isSeveritySetting(source)) severity = source;
    } else if (typeof source === 'object') {
      const { severity: own, ...rest } = source;
      if (isSeveritySetting(own)) severity = own;
      options = { ...options, ...rest };
    }
  }
  return { severity, options };
}

function asArray(result: Report[] | Report | undefined): Report[] {
  return result === undefined ? [] : Array.isArray(result) ? result : [result];
}

export function lint(text: string, languageId: LanguageId | string = 'markdown', settings: Settings = {}): LintResult {
  const language = languageId === 'handlebars' ? 'handlebars' : 'markdown';
  const doc = parseDocument(text, language, settings);
  const fileRules = doc.units.length === 1 ? doc.units[0].meta.rules : undefined;
  const findings: Finding[] = [];

  for (const rule of rules) {
    const { severity, options } = resolveRule(rule, settings, fileRules);
    if (severity === 'off') continue;
    const context: RuleContext = { doc, settings, options };
    const emit = (report: Report, condition?: string) => findings.push(toFinding(rule, severity, report, condition));

    if (rule.checkDocument) for (const report of asArray(rule.checkDocument(context))) emit(report);
    if (rule.checkSentence) {
      for (const sentence of doc.sentences) for (const report of asArray(rule.checkSentence(sentence, context))) emit(report);
    }
    if (rule.checkVariant) {
      for (const unit of doc.units) {
        const unitSeverity = unit.meta.rules ? resolveRule(rule, settings, unit.meta.rules).severity : severity;
        if (unitSeverity === 'off') continue;
        for (const merged of mergeVariants(rule, unit, context)) {
          findings.push(toFinding(rule, unitSeverity, merged.report, merged.condition));
        }
      }
    }
  }

  const lines = new LineIndex(text);
  const visible = applyDirectives(findings, doc, lines);
  for (const finding of visible) {
    const unit = doc.units.length > 1 ? unitAt(doc.units, finding.start) : undefined;
    if (unit?.title) finding.macro = unit.title;
  }
  visible.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { findings: visible, document: doc };
}

/** The macro containing an offset; units are in document order, so a binary search (libraries can be large). */
function unitAt(units: MacroUnit[], offset: number): MacroUnit | undefined {
  let low = 0;
  let high = units.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < units[mid].start) high = mid - 1;
    else if (offset >= units[mid].end) low = mid + 1;
    else return units[mid];
  }
  return undefined;
}

function toFinding(rule: Rule, severity: Severity, report: Report, condition?: string): Finding {
  const fixes = (report.fixes ?? []).map((fix) => ({ ...fix, needsInput: fix.needsInput ?? fix.edits.some((e) => hasFillIn(e.newText)) }));
  const finding: Finding = { rule: rule.id, severity: report.severity ?? severity, message: report.message, start: report.start, end: report.end, fixes };
  if (condition) {
    finding.condition = condition;
    finding.message = `${report.message} (${condition})`;
  }
  return finding;
}

/** Runs a macro rule on every variant and merges the reports. */
function mergeVariants(rule: Rule, unit: MacroUnit, context: RuleContext): Array<{ report: Report; condition?: string }> {
  const byKey = new Map<string, { report: Report; conditions: string[] }>();
  for (const variant of unit.variants) {
    for (const report of asArray(rule.checkVariant!(variant, unit, context))) {
      const key = `${report.start}:${report.end}:${report.message}`;
      const entry = byKey.get(key);
      if (entry) entry.conditions.push(variant.condition ?? '');
      else byKey.set(key, { report, conditions: [variant.condition ?? ''] });
    }
  }
  const merged: Array<{ report: Report; condition?: string }> = [];
  for (const { report, conditions } of byKey.values()) {
    if (unit.variants.length <= 1 || conditions.length === unit.variants.length) {
      merged.push({ report });
    } else {
      merged.push({ report, condition: conditions.filter(Boolean).join('; or ') || undefined });
    }
  }
  return merged;
}

function applyDirectives(findings: Finding[], doc: MacroDocument, lines: LineIndex): Finding[] {
  if (doc.directives.length === 0) return findings;
  const covers = (rulesListed: string[], rule: string) => rulesListed.length === 0 || rulesListed.includes(rule);
  return findings.filter((finding) => {
    const line = lines.positionAt(finding.start).line;
    let disabledByRange = false;
    for (const d of doc.directives) {
      if (d.kind === 'disable-file' && covers(d.rules, finding.rule)) return false;
      if (d.kind === 'disable-next-line' && d.line + 1 === line && covers(d.rules, finding.rule)) return false;
      if (d.kind === 'disable-line' && d.line === line && covers(d.rules, finding.rule)) return false;
      if (d.line <= line) {
        if (d.kind === 'disable' && covers(d.rules, finding.rule)) disabledByRange = true;
        if (d.kind === 'enable' && covers(d.rules, finding.rule)) disabledByRange = false;
      }
    }
    return !disabledByRange;
  });
}

export { ruleById as findRule };
