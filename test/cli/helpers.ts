// Runs the built CLI (server/out/cli.js, from `npm run build`) as a process, in a
// temporary project folder written by the test.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '..', '..', 'server', 'out', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cwd: string, ...args: string[]): CliRun {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first.`);
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder with the given files (relative path -> content). */
export function project(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

export interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  macro?: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: Array<{ title: string; needsInput?: boolean; edits: Array<{ range: JsonFinding['range']; newText: string }> }>;
}

export interface JsonFile {
  file: string;
  notice?: string;
  error?: string;
  findings: JsonFinding[];
  fixed?: Array<{ rule: string; title: string }>;
}

export function lintJson(cwd: string, ...args: string[]): { run: CliRun; files: JsonFile[] } {
  const run = runCli(cwd, 'lint', '--format', 'json', ...args);
  return { run, files: JSON.parse(run.stdout) as JsonFile[] };
}

/** The text a range covers; lines end at \r\n, \r or \n as in LSP. */
export function textAt(text: string, range: JsonFinding['range']): string {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(match.index! + match[0].length);
  const offsetOf = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  return text.slice(offsetOf(range.start), offsetOf(range.end));
}

/** What weak-apology flags in "Sorry for the delay.": the opening words or the whole clause. */
export const FLAGGED_DELAY = /^Sorry for(?: the delay)?$/;
