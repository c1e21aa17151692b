// Output formats: text for people, JSON for scripts, SARIF 2.1.0 for code
// scanning, and GitHub workflow commands for annotations on a pull request.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules, type Severity } from '../engine';
import type { FileResult, PositionedFinding } from './lint-file';
import manifest from '../../../package.json';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface RunSummary {
  results: FileResult[];
  /** Notes not tied to a linted file (unreadable folders). */
  notices: Array<{ file: string; message: string }>;
}

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

function count(results: FileResult[]) {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) bySeverity[f.severity]++;
  return bySeverity;
}

function macroNote(finding: { macro?: string }): string {
  return finding.macro ? ` (macro "${finding.macro}")` : '';
}

// ---------------------------------------------------------------- text

export function formatText(run: RunSummary): string {
  const out: string[] = [];
  for (const note of run.notices) out.push(`${note.file}: ${note.message}`);
  for (const r of run.results) {
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
  }
  const checked = run.results.filter((r) => !r.notice && !r.error).length;
  const skipped = run.results.filter((r) => r.notice).length;
  const failed = run.results.filter((r) => r.error).length;
  const bySeverity = count(run.results);
  const total = Object.values(bySeverity).reduce((a, b) => a + b, 0);
  const applied = run.results.reduce((n, r) => n + r.applied.length, 0);
  const parts = [`${plural(checked, 'file')} checked`];
  parts.push(
    total === 0
      ? 'no findings'
      : `${plural(total, 'finding')} (${Object.entries(bySeverity).filter(([, n]) => n > 0).map(([s, n]) => (s === 'info' ? `${n} info` : plural(n, s))).join(', ')})`,
  );
  if (applied > 0) parts.push(`${applied} ${applied === 1 ? 'fix' : 'fixes'} applied in ${plural(run.results.filter((r) => r.applied.length > 0).length, 'file')}`);
  if (skipped > 0) parts.push(`${skipped} skipped`);
  if (failed > 0) parts.push(`${failed} could not be linted`);
  if (out.length > 0) out.push('');
  out.push(`${parts.join(', ')}.`);
  return out.join('\n');
}

// ---------------------------------------------------------------- JSON

export function formatJson(run: RunSummary): string {
  const files = run.results.map((r) => ({
    file: r.file,
    ...(r.notice ? { notice: r.notice } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.fixProblem ? { fixProblem: r.fixProblem } : {}),
    findings: r.findings,
    ...(r.applied.length > 0 ? { fixed: r.applied.map((a) => ({ rule: a.rule, title: a.title, position: a.position, ...(a.macro ? { macro: a.macro } : {}) })) } : {}),
  }));
  return JSON.stringify(files, null, 2);
}

// ---------------------------------------------------------------- SARIF

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

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
function sarifFixes(file: string, f: PositionedFinding) {
  const fixes = f.fixes
    .filter((fix) => !fix.needsInput)
    .map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [
        {
          artifactLocation: artifactLocation(file),
          replacements: fix.edits.map((edit) => ({ deletedRegion: sarifRegion(edit.range), insertedContent: { text: edit.newText } })),
        },
      ],
    }));
  return fixes.length > 0 ? { fixes } : {};
}

export function formatSarif(run: RunSummary): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
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
  const results = run.results.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.rule,
      ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
      level: SARIF_LEVEL[f.severity],
      message: { text: `${f.message}${macroNote(f)}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file), region: sarifRegion(f.range) } }],
      ...sarifFixes(r.file, f),
      ...(f.macro || f.condition ? { properties: { ...(f.macro ? { macro: f.macro } : {}), ...(f.condition ? { condition: f.condition } : {}) } } : {}),
    })),
  );
  const notifications = [
    ...run.notices.map((n) => ({ file: n.file, message: n.message, level: 'warning' as const })),
    ...run.results.filter((r) => r.notice || r.error).map((r) => ({ file: r.file, message: (r.error ?? r.notice)!, level: r.error ? ('error' as const) : ('warning' as const) })),
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
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
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

export function formatGithub(run: RunSummary): string {
  const out: string[] = [];
  for (const note of [...run.notices, ...run.results.filter((r) => r.notice).map((r) => ({ file: r.file, message: r.notice! }))]) {
    out.push(`::warning file=${escapeProperty(githubFile(note.file))},title=${escapeProperty('rapport')}::${escapeData(note.message)}`);
  }
  for (const r of run.results) {
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
  }
  const total = run.results.reduce((n, r) => n + r.findings.length, 0);
  out.push(`rapport: ${plural(run.results.filter((r) => !r.notice && !r.error).length, 'file')} checked, ${plural(total, 'finding')}.`);
  return out.join('\n');
}

export function format(run: RunSummary, kind: Format): string {
  switch (kind) {
    case 'json':
      return formatJson(run);
    case 'sarif':
      return formatSarif(run);
    case 'github':
      return formatGithub(run);
    default:
      return formatText(run);
  }
}
