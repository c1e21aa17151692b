// Output formats: text for people, JSON for scripts, SARIF 2.1.0 for code
// scanning, and GitHub workflow commands for annotations on a pull request.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules, type Severity } from '../engine';
import type { FileResult, PositionedFinding } from './lint-file';
import manifest from '../../../package.json';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * One file's part of the report, built on the thread that linted the file (a
 * worker, for a big library), so only this small summary and a string travel back.
 */
export interface FileReport {
  file: string;
  /** Why the file was skipped (too big, binary). */
  notice?: string;
  /** Why the file could not be linted. */
  error?: string;
  findingsBySeverity: Record<Severity, number>;
  /** How many fixes --fix wrote to the file. */
  fixesApplied: number;
  /** The file's lines (text, github), entry (json) or results (sarif) in the report; '' when it has none. */
  output: string;
}

/** Notes not tied to a linted file (unreadable folders). */
export type RunNotice = { file: string; message: string };

/** The project's web address, from package.json's "repository". */
function repositoryUrl(): string | undefined {
  const url = (manifest as { repository?: { url?: string } }).repository?.url;
  return url && /^(?:git\+)?https?:/.test(url) ? url.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
}

/** Where a rule's page lives in the repository (SARIF helpUri). */
export function docsUrl(rule: string): string | undefined {
  const base = repositoryUrl();
  return base ? `${base}/blob/main/docs/rules/${rule}.md` : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Items of a JSON list, one a line: a comma ends each but the last. */
function withCommas(items: string[]): string[] {
  return items.map((item, i) => (i < items.length - 1 ? `${item},` : item));
}

function macroNote(finding: { macro?: string }): string {
  return finding.macro ? ` (macro "${finding.macro}")` : '';
}

// ---------------------------------------------------------------- text

function fileText(r: FileResult): string {
  const out: string[] = [];
  if (r.notice) out.push(`${r.file}: ${r.notice}`);
  if (r.error) out.push(`${r.file}: error: ${r.error}`);
  if (r.fixProblem) out.push(`${r.file}: ${r.fixProblem}`);
  for (const fix of r.applied) {
    out.push(`${r.file}:${fix.position.line + 1}:${fix.position.character + 1}  fixed    ${fix.title}${macroNote(fix)}  [${fix.rule}]`);
  }
  for (const f of r.findings) {
    const p = f.range.start;
    out.push(`${r.file}:${p.line + 1}:${p.character + 1}  ${f.severity.padEnd(7)}  ${f.message}${macroNote(f)}  [${f.rule}]`);
    for (const fix of f.fixes) out.push(`    fix${fix.needsInput ? ' (needs you)' : ''}: ${fix.title}`);
  }
  return out.join('\n');
}

function formatText(reports: FileReport[], notices: RunNotice[]): string {
  const out: string[] = notices.map((note) => `${note.file}: ${note.message}`);
  for (const r of reports) if (r.output) out.push(r.output);
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) for (const severity of SEVERITIES) bySeverity[severity] += r.findingsBySeverity[severity];
  const checked = reports.filter((r) => !r.notice && !r.error).length;
  const skipped = reports.filter((r) => r.notice).length;
  const failed = reports.filter((r) => r.error).length;
  const total = Object.values(bySeverity).reduce((a, b) => a + b, 0);
  const applied = reports.reduce((n, r) => n + r.fixesApplied, 0);
  const parts = [`${plural(checked, 'file')} checked`];
  parts.push(
    total === 0
      ? 'no findings'
      : `${plural(total, 'finding')} (${Object.entries(bySeverity).filter(([, n]) => n > 0).map(([s, n]) => (s === 'info' ? `${n} info` : plural(n, s))).join(', ')})`,
  );
  if (applied > 0) parts.push(`${applied} ${applied === 1 ? 'fix' : 'fixes'} applied in ${plural(reports.filter((r) => r.fixesApplied > 0).length, 'file')}`);
  if (skipped > 0) parts.push(`${skipped} skipped`);
  if (failed > 0) parts.push(`${failed} could not be linted`);
  if (out.length > 0) out.push('');
  out.push(`${parts.join(', ')}.`, '');
  return out.join('\n');
}

// ---------------------------------------------------------------- JSON

function fileJson(r: FileResult): string {
  return JSON.stringify({
    file: r.file,
    ...(r.notice ? { notice: r.notice } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.fixProblem ? { fixProblem: r.fixProblem } : {}),
    findings: r.findings,
    ...(r.applied.length > 0 ? { fixed: r.applied.map((a) => ({ rule: a.rule, title: a.title, position: a.position, ...(a.macro ? { macro: a.macro } : {}) })) } : {}),
  });
}

/** An array with one file a line: compact (a big library's report is tens of MB), yet easy to grep. */
function formatJson(reports: FileReport[]): string {
  return ['[', ...withCommas(reports.map((r) => r.output)), ']', ''].join('\n');
}

// ---------------------------------------------------------------- SARIF

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const RULE_INDEX = new Map(rules.map((rule, i) => [rule.id, i]));

/** A relative file reference when the file is under the working folder, else a file: URI. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(process.cwd(), path.resolve(file));
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(path.resolve(file)).href };
}

function sarifRegion(range: PositionedFinding['range']) {
  // SARIF lines and columns are 1-based; columns count UTF-16 code units (run.columnKind).
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** The fixes a tool could apply unattended, as SARIF fix objects (fixes needing the author's words are left out). */
function sarifFixes(location: ReturnType<typeof artifactLocation>, f: PositionedFinding) {
  const fixes = f.fixes
    .filter((fix) => !fix.needsInput)
    .map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [
        {
          artifactLocation: location,
          replacements: fix.edits.map((edit) => ({ deletedRegion: sarifRegion(edit.range), insertedContent: { text: edit.newText } })),
        },
      ],
    }));
  return fixes.length > 0 ? { fixes } : {};
}

/** The file's SARIF results, one a line. */
function fileSarif(r: FileResult): string {
  const location = artifactLocation(r.file);
  return r.findings
    .map((f) =>
      JSON.stringify({
        ruleId: f.rule,
        ...(RULE_INDEX.has(f.rule) ? { ruleIndex: RULE_INDEX.get(f.rule) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: `${f.message}${macroNote(f)}` },
        locations: [{ physicalLocation: { artifactLocation: location, region: sarifRegion(f.range) } }],
        ...sarifFixes(location, f),
        ...(f.macro || f.condition ? { properties: { ...(f.macro ? { macro: f.macro } : {}), ...(f.condition ? { condition: f.condition } : {}) } } : {}),
      }),
    )
    .join(',\n');
}

function formatSarif(reports: FileReport[], notices: RunNotice[]): string {
  const driverRules = rules.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.why.quote} (${rule.why.source})` },
    help: {
      text: `${rule.description}\n\nWhy: ${rule.why.quote} (${rule.why.source})\n\nInstead of: ${rule.example.bad}\nWrite: ${rule.example.better}`,
      markdown: `${rule.description}\n\n> ${rule.why.quote}\n>\n> — ${rule.why.source}\n\n| Instead of | Write |\n|---|---|\n| ${rule.example.bad.replace(/\|/g, '\\|')} | ${rule.example.better.replace(/\|/g, '\\|')} |`,
    },
    ...(docsUrl(rule.id) ? { helpUri: docsUrl(rule.id) } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
    properties: { tags: ['support-macros'], fixable: rule.fixable },
  }));
  const notifications = [
    ...notices.map((n) => ({ file: n.file, message: n.message, level: 'warning' as const })),
    ...reports.filter((r) => r.notice || r.error).map((r) => ({ file: r.file, message: (r.error ?? r.notice)!, level: r.error ? ('error' as const) : ('warning' as const) })),
  ].map((n) => ({
    level: n.level,
    message: { text: `${n.file}: ${n.message}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.file) } }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rapport',
            version: manifest.version,
            ...(repositoryUrl() ? { informationUri: repositoryUrl() } : {}),
            rules: driverRules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: [],
      },
    ],
  };
  // The results, built with their files, one a line, go into the empty list
  // that ends the log (a JSON string cannot hold this unescaped text).
  const envelope = JSON.stringify(log, null, 2);
  const results = reports.filter((r) => r.output).map((r) => r.output);
  if (results.length === 0) return `${envelope}\n`;
  const empty = '"results": []';
  const at = envelope.lastIndexOf(empty);
  return [`${envelope.slice(0, at)}"results": [`, ...withCommas(results), `]${envelope.slice(at + empty.length)}`, ''].join('\n');
}

// ---------------------------------------------------------------- GitHub annotations

const GITHUB_LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escapes a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also ':' and ','). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function githubFile(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/') || file;
}

function githubWarning(file: string, message: string): string {
  return `::warning file=${escapeProperty(githubFile(file))},title=${escapeProperty('rapport')}::${escapeData(message)}`;
}

/** The file's annotations; a skipped file's notice goes first in the log, with the others (see formatGithub). */
function fileGithub(r: FileResult): string {
  const out: string[] = [];
  const file = escapeProperty(githubFile(r.file));
  if (r.error) out.push(`::error file=${file},title=rapport::${escapeData(r.error)}`);
  if (r.fixProblem) out.push(`::warning file=${file},title=rapport::${escapeData(r.fixProblem)}`);
  for (const fix of r.applied) out.push(`Fixed ${githubFile(r.file)}:${fix.position.line + 1}:${fix.position.character + 1}: ${fix.title} [${fix.rule}]`);
  for (const f of r.findings) {
    const region = sarifRegion(f.range);
    out.push(
      `::${GITHUB_LEVEL[f.severity]} file=${file},line=${region.startLine},col=${region.startColumn},endLine=${region.endLine},endColumn=${region.endColumn},title=${escapeProperty(`rapport(${f.rule})`)}::${escapeData(`${f.message}${macroNote(f)}`)}`,
    );
  }
  return out.join('\n');
}

function formatGithub(reports: FileReport[], notices: RunNotice[]): string {
  const out: string[] = notices.map((note) => githubWarning(note.file, note.message));
  for (const r of reports) if (r.notice) out.push(githubWarning(r.file, r.notice));
  for (const r of reports) if (r.output) out.push(r.output);
  const total = reports.reduce((n, r) => n + SEVERITIES.reduce((m, severity) => m + r.findingsBySeverity[severity], 0), 0);
  out.push(`rapport: ${plural(reports.filter((r) => !r.notice && !r.error).length, 'file')} checked, ${plural(total, 'finding')}.`, '');
  return out.join('\n');
}

// ---------------------------------------------------------------- the report

const FILE_OUTPUT: Record<Format, (r: FileResult) => string> = { text: fileText, json: fileJson, sarif: fileSarif, github: fileGithub };

/** One linted file's part of a report in the given format. */
export function reportFile(r: FileResult, kind: Format): FileReport {
  const findingsBySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of r.findings) findingsBySeverity[f.severity]++;
  return {
    file: r.file,
    ...(r.notice ? { notice: r.notice } : {}),
    ...(r.error ? { error: r.error } : {}),
    findingsBySeverity,
    fixesApplied: r.applied.length,
    output: FILE_OUTPUT[kind](r),
  };
}

/**
 * The whole report, ending with a line break, from the files' parts (in file
 * order) and the run's notices. Each format joins its lines once: a big
 * library's report is tens of MB, and every concatenation would copy it again.
 */
export function formatReport(kind: Format, reports: FileReport[], notices: RunNotice[]): string {
  switch (kind) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, notices);
    case 'github':
      return formatGithub(reports, notices);
    default:
      return formatText(reports, notices);
  }
}
