// Linting one text for the server: the size and binary checks, the engine,
// and the conversion of findings to LSP diagnostics.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity, type Position } from 'vscode-languageserver/node';
import { lint, type Finding, type Severity } from '../engine';
import { looksBinary } from '../config';
import type { EffectiveSettings } from './settings';

export const MACRO_FILE = /\.(?:md|markdown|hbs|handlebars)$/i;
export const WATCHED_GLOBS = ['**/*.{md,markdown,hbs,handlebars}', '**/.rapport.json', '**/.rapportignore'];

/** Where the rule pages ship: beside the bundle in the extension (server/out/../../docs). */
const DOCS_ROOT = path.resolve(__dirname, '..', '..', 'docs', 'rules');

export function docsUri(rule: string): string {
  return pathToFileURL(path.join(DOCS_ROOT, `${rule}.md`)).toString();
}

export interface Analysis {
  findings: Finding[];
  /** Why the file was not (fully) checked, for the user. */
  notice?: string;
}

export function languageOf(file: string, languageId?: string): 'markdown' | 'handlebars' {
  if (languageId === 'handlebars' || languageId === 'markdown') return languageId;
  return /\.(?:hbs|handlebars)$/i.test(file) ? 'handlebars' : 'markdown';
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function sizeNotice(bytes: number, max: number): string {
  return `Rapport skipped this file: ${formatSize(bytes)} is over the limit of ${formatSize(max)} (setting rapport.maxFileSize).`;
}

/** Lints a text unless it is too large or binary; an engine failure becomes a notice, never a crash. */
export function analyse(text: string, languageId: string, settings: EffectiveSettings, log: (message: string) => void): Analysis {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > settings.maxFileSize) return { findings: [], notice: sizeNotice(bytes, settings.maxFileSize) };
  if (looksBinary(text)) return { findings: [], notice: 'Rapport skipped this file: it holds binary data, not a macro.' };
  try {
    return { findings: lint(text, languageId, settings.config).findings };
  } catch (error) {
    log(`Linting failed: ${(error as Error)?.stack ?? error}`);
    return { findings: [], notice: `Rapport could not check this file (${(error as Error)?.message ?? error}); the details are in the Rapport output.` };
  }
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, positionAt: (offset: number) => Position): Diagnostic {
  return {
    range: { start: positionAt(finding.start), end: positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    source: 'rapport',
    code: finding.rule,
    codeDescription: { href: docsUri(finding.rule) },
    message: finding.message,
  };
}

export function toDiagnostics(analysis: Analysis, positionAt: (offset: number) => Position): Diagnostic[] {
  const diagnostics = analysis.findings.map((finding) => toDiagnostic(finding, positionAt));
  if (analysis.notice) {
    diagnostics.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'rapport', message: analysis.notice });
  }
  return diagnostics;
}

/** Findings per rule: all the server keeps about a file it does not have open. */
export function countByRule(findings: Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  return counts;
}
