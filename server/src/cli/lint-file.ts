// Linting one file for the CLI: read it (or skip it with a notice), lint a
// macro file or each reply in a help-desk export, apply safe fixes with --fix,
// and turn offsets into line/character positions.

import * as fs from 'node:fs';
import { applyFixes, lint, LineIndex, type Finding, type Fix } from '../engine';
import { detectEol, type Position } from '../engine/text';
import { looksBinary, type RapportConfig } from '../config';
import { ExportError, readCsvExport, readZendeskJson, type ExportBody } from './exports';
import type { FileKind, Target } from './files';

/** --fix stops after this many passes even if a pass still changed something. */
export const MAX_FIX_PASSES = 5;

export interface Range {
  start: Position;
  end: Position;
}

export interface PositionedFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  range: Range;
  macro?: string;
  condition?: string;
  fixes: Array<{ title: string; needsInput?: boolean; edits: Array<{ range: Range; newText: string }> }>;
}

export interface AppliedFix {
  rule: string;
  title: string;
  /** Where the fixed text started, in the file as it was before that fix. */
  position: Position;
  macro?: string;
}

export interface FileResult {
  file: string;
  kind: FileKind;
  findings: PositionedFinding[];
  /** Fixes --fix wrote to the file. */
  applied: AppliedFix[];
  /** Why the file was skipped (too big, binary): not an error. */
  notice?: string;
  /** Why the file could not be linted (unreadable, malformed export). */
  error?: string;
  /** Why --fix left a linted file unchanged (it would not survive being written back). */
  fixProblem?: string;
}

export interface LintFileOptions {
  config: RapportConfig;
  maxFileSize: number;
  fix: boolean;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Fix text uses the line break of the text it goes into. */
function withEol(findings: Finding[], eol: string): Finding[] {
  if (eol === '\n') return findings;
  for (const finding of findings) {
    for (const fix of finding.fixes) for (const edit of fix.edits) edit.newText = edit.newText.replace(/\r?\n/g, eol);
  }
  return findings;
}

/** Findings of one export reply, moved to file offsets; fixes whose text cannot be written back are dropped. */
function mapExportFindings(body: ExportBody, config: RapportConfig): Finding[] {
  const at = (offset: number) => body.rawOffsets[Math.max(0, Math.min(offset, body.text.length))];
  const findings = withEol(lint(body.text, 'markdown', config).findings, detectEol(body.text));
  return findings.map((finding) => {
    const fixes: Fix[] = [];
    for (const fix of finding.fixes) {
      const edits = fix.edits.map((edit) => {
        const newText = body.encode(edit.newText);
        return newText === undefined ? undefined : { start: at(edit.start), end: at(edit.end), newText };
      });
      if (edits.every((e) => e !== undefined)) fixes.push({ ...fix, edits: edits as Fix['edits'] });
    }
    return { ...finding, start: at(finding.start), end: at(finding.end), fixes, macro: body.title };
  });
}

/** Findings with offsets into text (the file's text without its BOM). Throws ExportError for broken exports. */
export function findingsFor(kind: FileKind, text: string, config: RapportConfig, language: string): Finding[] {
  if (kind === 'macro') return withEol(lint(text, language, config).findings, detectEol(text));
  const bodies = kind === 'json-export' ? readZendeskJson(text) : readCsvExport(text);
  return bodies.flatMap((body) => mapExportFindings(body, config)).sort((a, b) => a.start - b.start || a.end - b.end);
}

export function languageOf(file: string): 'markdown' | 'handlebars' {
  return /\.(?:hbs|handlebars)$/i.test(file) ? 'handlebars' : 'markdown';
}

/** The fix --fix may apply for a finding: the preferred one (or the only one), never one that needs the author's words. */
function safeFix(finding: Finding): Fix | undefined {
  const fix = finding.fixes.find((f) => f.preferred) ?? finding.fixes[0];
  return fix && !fix.needsInput ? fix : undefined;
}

function position(finding: Finding, lines: LineIndex): PositionedFinding {
  const range = (start: number, end: number): Range => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    range: range(finding.start, finding.end),
    ...(finding.macro ? { macro: finding.macro } : {}),
    ...(finding.condition ? { condition: finding.condition } : {}),
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      ...(fix.needsInput ? { needsInput: true } : {}),
      edits: fix.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })),
    })),
  };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

export function lintTarget(target: Target, options: LintFileOptions): FileResult {
  const { file, kind } = target;
  const result: FileResult = { file, kind, findings: [], applied: [] };
  // One open for the size check and the read, so a huge file is never loaded.
  let buffer: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > options.maxFileSize) {
      return { ...result, notice: `skipped: ${formatSize(size)} is over the size limit of ${formatSize(options.maxFileSize)} (set "maxFileSize" in .rapport.json or --max-file-size)` };
    }
    buffer = fs.readFileSync(fd);
  } catch (error) {
    return { ...result, error: `cannot be read (${errorCode(error)})` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const raw = buffer.toString('utf8');
  // Positions are those an editor shows: after the byte-order mark, which --fix keeps.
  const bom = raw.startsWith('\uFEFF');
  let text = bom ? raw.slice(1) : raw;
  if (looksBinary(text)) return { ...result, notice: 'skipped: binary data, not a macro' };

  const language = languageOf(file);
  let findings: Finding[];
  try {
    findings = findingsFor(kind, text, options.config, language);
  } catch (error) {
    if (error instanceof ExportError) {
      const what = kind === 'json-export' ? 'Zendesk macro export' : 'CSV macro export';
      return { ...result, error: `cannot be read as a ${what}: ${error.message}` };
    }
    // An engine failure on one file must not stop the review of the others.
    return { ...result, error: `Rapport failed on this file, please report it: ${(error as Error).message}` };
  }

  // Text that is not UTF-8 would come back changed everywhere; never write it.
  let fix = options.fix;
  if (fix && !Buffer.from(raw, 'utf8').equals(buffer)) {
    fix = false;
    result.fixProblem = 'fixes not applied: the file is not valid UTF-8, and writing it back would change other characters';
  }

  if (fix) {
    const original = text;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const chosen = new Map<Fix, Finding>();
      for (const finding of findings) {
        const fix = safeFix(finding);
        if (fix) chosen.set(fix, finding);
      }
      if (chosen.size === 0) break;
      const fixed = applyFixes(text, [...chosen.keys()]);
      if (fixed.applied.length === 0 || fixed.text === text) break;
      const lines = new LineIndex(text);
      for (const fix of fixed.applied) {
        const finding = chosen.get(fix)!;
        result.applied.push({ rule: finding.rule, title: fix.title, position: lines.positionAt(finding.start), ...(finding.macro ? { macro: finding.macro } : {}) });
      }
      text = fixed.text;
      try {
        findings = findingsFor(kind, text, options.config, language);
      } catch (error) {
        // A fix must never break an export; if one did, keep the file as it was.
        return { ...result, applied: [], error: `fixes not written: they would break the file (${(error as Error).message})` };
      }
    }
    if (text !== original) {
      try {
        fs.writeFileSync(file, (bom ? '\uFEFF' : '') + text);
      } catch (error) {
        return { ...result, applied: [], error: `fixes not written (${errorCode(error)})` };
      }
    }
  }

  const lines = new LineIndex(text);
  result.findings = findings.map((finding) => position(finding, lines));
  return result;
}
