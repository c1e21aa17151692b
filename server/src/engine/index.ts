// The engine: from (text, language, settings) to findings with fixes. It
// knows nothing of editors; the server, the CLI and the tests all call lint().

import { parseDocument } from './document/parse';
import type { MacroDocument, MacroUnit, Variant } from './document/model';
import { LineIndex } from './text';
import { hasFillIn } from './fill-in';
import { rules, ruleById } from './rules';
import type { Report, Rule, RuleContext } from './rules/support/rule';
import { sentenceFact } from './rules/support/memo';
import { unitContaining } from './rules/support/where';
import type { Finding, Fix, LanguageId, RuleSetting, Settings, Severity, SeveritySetting } from './types';

export * from './types';
export { applyFixes } from './fixes';
export { LineIndex } from './text';
export { parseDocument } from './document/parse';
export { rules, ruleById } from './rules';
export type { Rule, RuleMeta } from './rules/support/rule';
export { describeRule } from './rules/support/describe';

export interface LintResult {
  findings: Finding[];
  document: MacroDocument;
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** The options of a rule configured without any: one object for all, never written to. */
const NO_OPTIONS: Record<string, unknown> = Object.freeze({});

/** The severity a rule runs at, or 'off'; front-matter settings win over the workspace's. */
export function resolveRule(rule: Rule, settings: Settings, fileRules?: Record<string, unknown>): { severity: SeveritySetting; options: Record<string, unknown> } {
  // The common case: nothing configured for the rule.
  if (settings.rules?.[rule.id] == null && fileRules?.[rule.id] == null) return { severity: rule.defaultSeverity, options: NO_OPTIONS };
  let severity: SeveritySetting = rule.defaultSeverity;
  let options: Record<string, unknown> = NO_OPTIONS;
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

const NO_REPORTS: readonly Report[] = [];

/** A rule that runs on a document, at the severity its settings give. */
interface PlannedRule {
  rule: Rule;
  severity: Severity;
  /** Its context, when the settings give it options; otherwise the document's shared context. */
  context: RuleContext | undefined;
  /** Its bit in hintedRules (sentence rules). */
  bit: number;
}

/** The rules that run on a document, by the kind of check they make, each list in catalogue order. */
interface RulePlan {
  documentRules: PlannedRule[];
  /** The sentence rules by their bit's place in hintedRules (1 << i is sentenceRules[i]'s bit; unplanned ones undefined). */
  sentenceRules: Array<PlannedRule | undefined>;
  variantRules: PlannedRule[];
  /** The bits of sentenceRules in hintedRules: a sentence none of them may concern is skipped. */
  sentenceBits: number;
}

/** The rules with sentence checks; a rule's bit in hintedRules is 1 << its index here. */
const SENTENCE_RULES = rules.filter((rule) => rule.checkSentence !== undefined);
if (SENTENCE_RULES.length > 31) throw new Error('hintedRules holds 31 rules: make it two masks');

/** Which sentence rules a text may concern (their sentenceHint matches): found once per distinct text. */
const hintedRules = sentenceFact((text: string): number => {
  let mask = 0;
  for (let i = 0; i < SENTENCE_RULES.length; i++) {
    const hint = SENTENCE_RULES[i].sentenceHint;
    if (!hint || hint.test(text)) mask |= 1 << i;
  }
  return mask;
});

if (rules.length > 31) throw new Error('idleRules holds 31 rules: make it two masks');
/** idleRules of settings that set nothing (the common case), found once: asking every rule costs more than the rest of the plan. */
let idleWithoutSettings: number | undefined;

/** The rules idle under these settings (Rule.idleWith), as bits by their place in the catalogue. */
function idleRules(settings: Settings): number {
  if (isEmpty(settings)) return (idleWithoutSettings ??= idleUnder(settings));
  return idleUnder(settings);
}

function idleUnder(settings: Settings): number {
  let idle = 0;
  for (let i = 0; i < rules.length; i++) if (rules[i].idleWith?.(settings)) idle |= 1 << i;
  return idle;
}

function planRules(doc: MacroDocument, settings: Settings, fileRules: Record<string, unknown> | undefined, idle: number): RulePlan {
  const plan: RulePlan = { documentRules: [], sentenceRules: SENTENCE_RULES.map(() => undefined), variantRules: [], sentenceBits: 0 };
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if ((idle >> i) & 1) continue;
    const { severity, options } = resolveRule(rule, settings, fileRules);
    if (severity === 'off') continue;
    const context = options === NO_OPTIONS ? undefined : { doc, settings, options };
    const sentenceIndex = rule.checkSentence ? SENTENCE_RULES.indexOf(rule) : -1;
    const planned: PlannedRule = { rule, severity, context, bit: sentenceIndex >= 0 ? 1 << sentenceIndex : 0 };
    if (rule.checkDocument) plan.documentRules.push(planned);
    if (sentenceIndex >= 0) {
      plan.sentenceRules[sentenceIndex] = planned;
      plan.sentenceBits |= planned.bit;
    }
    if (rule.checkVariant) plan.variantRules.push(planned);
  }
  return plan;
}

/**
 * The plans when neither the settings nor the file configure a rule (the common case), by the rules
 * idle under the settings: each made once. No rule has options there, so none holds a document's context.
 */
const defaultPlans = new Map<number, RulePlan>();

function planFor(doc: MacroDocument, settings: Settings, fileRules: Record<string, unknown> | undefined): RulePlan {
  const idle = idleRules(settings);
  if (fileRules !== undefined || !isEmpty(settings.rules)) return planRules(doc, settings, fileRules, idle);
  let plan = defaultPlans.get(idle);
  if (plan === undefined) defaultPlans.set(idle, (plan = planRules(doc, {}, undefined, idle)));
  return plan;
}

function isEmpty(record: object | undefined): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return false;
  return true;
}

function asArray(result: Report[] | Report | undefined): readonly Report[] {
  return result === undefined ? NO_REPORTS : Array.isArray(result) ? result : [result];
}

export function lint(text: string, languageId: LanguageId | string = 'markdown', settings: Settings = {}): LintResult {
  const language = languageId === 'handlebars' ? 'handlebars' : 'markdown';
  const doc = parseDocument(text, language, settings);
  const fileRules = doc.units.length === 1 ? doc.units[0].meta.rules : undefined;
  const findings: Finding[] = [];

  const { documentRules, sentenceRules, variantRules, sentenceBits } = planFor(doc, settings, fileRules);
  // Rules without options of their own share one context.
  const shared: RuleContext = { doc, settings, options: NO_OPTIONS };

  // Each rule's reports keep their order (document, sentences, variants), and the final sort
  // orders different rules, so the sentence checks run sentence by sentence: every rule asks
  // about the same sentence in turn, and shared sentence facts are found while they are at hand.
  for (const { rule, severity, context } of documentRules) {
    for (const report of asArray(rule.checkDocument!(context ?? shared))) findings.push(toFinding(rule, severity, report));
  }
  const sentences = doc.sentences;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    const hinted = hintedRules.of(sentence) & sentenceBits;
    if (hinted === 0) continue;
    // Only the rules whose bit is set, lowest first (catalogue order): a sentence concerns one or two.
    for (let bits = hinted; bits !== 0; bits &= bits - 1) {
      const check = sentenceRules[31 - Math.clz32(bits & -bits)]!;
      const result = check.rule.checkSentence!(sentence, check.context ?? shared);
      if (result === undefined) continue;
      if (Array.isArray(result)) for (const report of result) findings.push(toFinding(check.rule, check.severity, report));
      else findings.push(toFinding(check.rule, check.severity, result));
    }
  }
  // Macro checks run variant by variant, every rule in turn, so the rules share what they find
  // about a variant while it is at hand; each rule's reports are then merged across the variants.
  for (const unit of doc.units) {
    const checks = unit.meta.rules ? withUnitSeverity(variantRules, unit, settings) : variantRules;
    if (checks.length === 0) continue;
    const variants = unit.variants;
    if (variants.length === 1) {
      // One rendering, the common case: nothing to merge, so no lists per rule.
      for (const { rule, severity, context } of checks) {
        const result = rule.checkVariant!(variants[0], unit, context ?? shared);
        if (result === undefined) continue;
        if (!Array.isArray(result)) findings.push(toFinding(rule, severity, result));
        else for (const { report } of withoutRepeats(result)) findings.push(toFinding(rule, severity, report));
      }
      continue;
    }
    const reports: Array<Array<readonly Report[]>> = checks.map(() => []);
    for (const variant of variants) {
      for (let r = 0; r < checks.length; r++) reports[r].push(asArray(checks[r].rule.checkVariant!(variant, unit, checks[r].context ?? shared)));
    }
    for (let r = 0; r < checks.length; r++) {
      const { rule, severity } = checks[r];
      for (const merged of mergeVariants(unit, reports[r])) findings.push(toFinding(rule, severity, merged.report, merged.condition));
    }
  }

  const visible = applyDirectives(findings, doc, text);
  if (doc.units.length > 1) {
    for (const finding of visible) {
      const unit = unitContaining(doc.units, finding.start);
      if (unit?.title) finding.macro = unit.title;
    }
  }
  sortFindings(visible);
  return { findings: visible, document: doc };
}

/** Sorts by byPosition: in place, stable. A file has a few findings, where an insertion sort beats Array#sort's set-up. */
function sortFindings(findings: Finding[]): void {
  if (findings.length > 16) {
    findings.sort(byPosition);
    return;
  }
  for (let i = 1; i < findings.length; i++) {
    const finding = findings[i];
    let j = i - 1;
    while (j >= 0 && byPosition(findings[j], finding) > 0) {
      findings[j + 1] = findings[j];
      j--;
    }
    findings[j + 1] = finding;
  }
}

/** Document order, then by rule id (ids are lower-case ASCII words and hyphens, so code-unit order is alphabetical). */
function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** A fix that leaves a fill-in needs the author's words. */
function needsInput(fix: Fix): boolean {
  for (const edit of fix.edits) if (edit.newText.includes('[[') && hasFillIn(edit.newText)) return true;
  return false;
}

/** Marks the fixes that need the author (see Fix.needsInput); they are the report's own objects. */
function withNeedsInput(fixes: Fix[]): Fix[] {
  for (const fix of fixes) fix.needsInput ??= needsInput(fix);
  return fixes;
}

/**
 * A finding whose fixes are built when first read (most findings are shown and
 * never fixed). The fixes are not an own property: JSON.stringify carries them
 * (toJSON), but a spread or structured clone must read `fixes` explicitly.
 */
class LazyFinding implements Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  declare condition?: string;
  declare macro?: string;
  #build: (() => Fix[]) | undefined;
  #fixes: Fix[] | undefined;

  constructor(rule: string, severity: Severity, message: string, report: Report) {
    this.rule = rule;
    this.severity = severity;
    this.message = message;
    this.start = report.start;
    this.end = report.end;
    const fixes = report.fixes;
    if (typeof fixes === 'function') this.#build = fixes;
    else this.#fixes = fixes ? withNeedsInput(fixes) : [];
  }

  get fixes(): Fix[] {
    if (this.#fixes === undefined) {
      this.#fixes = withNeedsInput(this.#build!());
      this.#build = undefined;
    }
    return this.#fixes;
  }

  set fixes(fixes: Fix[]) {
    this.#fixes = fixes;
    this.#build = undefined;
  }

  toJSON(): Finding {
    return { ...this, fixes: this.fixes };
  }
}

function toFinding(rule: Rule, severity: Severity, report: Report, condition?: string): Finding {
  const finding = new LazyFinding(rule.id, report.severity ?? severity, condition ? `${report.message} (${condition})` : report.message, report);
  if (condition) finding.condition = condition;
  return finding;
}

/** The macro checks at the severity a macro's own front matter gives them; those it turns off are left out. */
function withUnitSeverity(checks: PlannedRule[], unit: MacroUnit, settings: Settings): PlannedRule[] {
  const own: typeof checks = [];
  for (const check of checks) {
    const severity = resolveRule(check.rule, settings, unit.meta.rules).severity;
    if (severity !== 'off') own.push({ ...check, severity });
  }
  return own;
}

/** Merges what a macro rule reported for each of a macro's variants (reportsPerVariant[i] is what unit.variants[i] reported). */
function mergeVariants(unit: MacroUnit, reportsPerVariant: ReadonlyArray<readonly Report[]>): Array<{ report: Report; condition?: string }> {
  // The common case: every variant reports the same thing, or nothing.
  const first = reportsPerVariant[0];
  let allAlike = first.length <= 1;
  for (let i = 1; allAlike && i < reportsPerVariant.length; i++) allAlike = sameReports(reportsPerVariant[i], first);
  if (allAlike) return first.length === 0 ? [] : [{ report: first[0] }];
  return mergeReports(unit, reportsPerVariant);
}

/** A variant's reports, each said once (lists are short: pairs are compared). */
function withoutRepeats(reports: readonly Report[]): Array<{ report: Report }> {
  const kept: Array<{ report: Report }> = [];
  for (const report of reports) {
    if (!kept.some(({ report: k }) => k.start === report.start && k.end === report.end && k.message === report.message)) kept.push({ report });
  }
  return kept;
}

function sameReports(a: readonly Report[], b: readonly Report[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].message !== b[i].message) return false;
  return true;
}

/**
 * The condition shared by the variants that reported something: the branch
 * choices they all made ("when ticket.vip is not set"), or, when they share
 * none, each variant's conditions.
 */
function describeVariants(variants: readonly Variant[], all: readonly Variant[]): string | undefined {
  const partsOf = (v: Variant) => v.conditions ?? (v.condition ? [v.condition] : []);
  const parts = variants.map(partsOf);
  const shared = parts[0].filter((part) => parts.every((p) => p.includes(part)));
  // Only when exactly the variants under those conditions reported it.
  const matching = all.filter((v) => shared.every((part) => partsOf(v).includes(part))).length;
  if (shared.length > 0 && matching === variants.length) return shared.join(' and ');
  return variants.map((v) => v.condition).filter(Boolean).join('; or ') || undefined;
}

/** Merges what each variant reported (reportsPerVariant[i] is what unit.variants[i] reported). */
function mergeReports(unit: MacroUnit, reportsPerVariant: ReadonlyArray<readonly Report[]>): Array<{ report: Report; condition?: string }> {
  // A macro has a few reports in a few variants: a list searched in order beats keyed lookups.
  const entries: Array<{ report: Report; variants: Variant[] }> = [];
  for (let i = 0; i < unit.variants.length; i++) {
    const variant = unit.variants[i];
    for (const report of reportsPerVariant[i]) {
      let entry: (typeof entries)[number] | undefined;
      for (const candidate of entries) {
        const r = candidate.report;
        if (r.start === report.start && r.end === report.end && r.message === report.message) {
          entry = candidate;
          break;
        }
      }
      if (entry) entry.variants.push(variant);
      else entries.push({ report, variants: [variant] });
    }
  }
  const merged: Array<{ report: Report; condition?: string }> = [];
  for (const { report, variants } of entries) {
    if (unit.variants.length <= 1 || variants.length === unit.variants.length) merged.push({ report });
    else merged.push({ report, condition: describeVariants(variants, unit.variants) });
  }
  return merged;
}

function applyDirectives(findings: Finding[], doc: MacroDocument, text: string): Finding[] {
  if (doc.directives.length === 0 || findings.length === 0) return findings;
  const lines = new LineIndex(text);
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
