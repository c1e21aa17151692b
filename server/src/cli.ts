// The command line: the same engine for CI and for reviewing a library.
//   rapport lint <files, directories or globs…> [--format text|json] [--config file]

import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import picomatch from 'picomatch';
import { lint, LineIndex, type Finding } from './engine';
import { DEFAULT_MAX_FILE_SIZE, findConfigFile, looksBinary, readConfigFile, type RapportConfig } from './config';

export const MACRO_EXTENSIONS = ['.md', '.markdown', '.hbs', '.handlebars'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

const USAGE = `Usage: rapport lint <files, directories or globs…> [options]

Options:
  --format text|json   output format (default: text)
  --config <file>      settings file (default: the nearest .rapport.json)
  -h, --help           show this help

Exit codes: 0 no error-severity findings, 1 error-severity findings, 2 usage or config error.`;

interface Options {
  format: 'text' | 'json';
  config?: string;
  inputs: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'lint') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  const options: Options = { format: 'text', inputs: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') throw new UsageError(`Unknown format "${format}"; use text or json.`);
      options.format = format;
    } else if (flag === '--config') options.config = value();
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`Unknown option "${flag}".`);
    else options.inputs.push(arg);
  }
  if (options.inputs.length === 0) throw new UsageError('Name at least one file, directory or glob to lint.');
  return options;
}

function isMacroFile(file: string): boolean {
  return MACRO_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && isMacroFile(entry.name)) {
      out.push(full);
    }
  }
}

/** Files to lint: named files always; directories walked for macro files; globs expanded. */
export function collectFiles(inputs: string[], ignore: string[] = []): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const ignored = ignore.length ? picomatch(ignore, { dot: true }) : () => false;
  for (const input of inputs) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      files.push(input);
    } else if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(input, found);
      files.push(...found.filter((f) => !ignored(path.relative(process.cwd(), f).split(path.sep).join('/'))));
    } else if (/[*?[{]/.test(input)) {
      const matched = globSync(input, { dot: false, ignore: ['**/node_modules/**', '**/.git/**'] }).filter(isMacroFile).sort();
      if (matched.length === 0) missing.push(input);
      files.push(...matched.filter((f) => !ignored(f)));
    } else {
      missing.push(input);
    }
  }
  return { files: [...new Set(files)], missing };
}

export function languageOf(file: string): 'markdown' | 'handlebars' {
  return /\.(?:hbs|handlebars)$/i.test(file) ? 'handlebars' : 'markdown';
}

interface FileReport {
  file: string;
  findings: Finding[];
  text: string;
  notice?: string;
}

function lintFile(file: string, config: RapportConfig): FileReport {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    return { file, findings: [], text: '', notice: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const maxSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (buffer.length > maxSize) return { file, findings: [], text: '', notice: `skipped: ${buffer.length} bytes is over the limit of ${maxSize} (maxFileSize)` };
  // Positions are those an editor shows: after the byte-order mark.
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (looksBinary(text)) return { file, findings: [], text: '', notice: 'skipped: binary data, not a macro' };
  return { file, findings: lint(text, languageOf(file), config).findings, text };
}

function toJson(reports: FileReport[]) {
  return reports.map((report) => {
    const lines = new LineIndex(report.text);
    const range = (start: number, end: number) => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
    return {
      file: report.file,
      ...(report.notice ? { notice: report.notice } : {}),
      findings: report.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: range(f.start, f.end),
        ...(f.macro ? { macro: f.macro } : {}),
        ...(f.condition ? { condition: f.condition } : {}),
        fixes: f.fixes.map((fix) => ({
          title: fix.title,
          ...(fix.needsInput ? { needsInput: true } : {}),
          edits: fix.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })),
        })),
      })),
    };
  });
}

function toText(reports: FileReport[]): string {
  const out: string[] = [];
  let total = 0;
  const bySeverity: Record<string, number> = {};
  for (const report of reports) {
    if (report.notice) out.push(`${report.file}: ${report.notice}`);
    if (report.findings.length === 0) continue;
    const lines = new LineIndex(report.text);
    for (const f of report.findings) {
      const p = lines.positionAt(f.start);
      total++;
      bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
      out.push(`${report.file}:${p.line + 1}:${p.character + 1}  ${f.severity.padEnd(7)}  ${f.message}  [${f.rule}]`);
      for (const fix of f.fixes) out.push(`    fix: ${fix.title}`);
    }
  }
  const files = reports.length;
  const summary = total === 0
    ? `${files} file${files === 1 ? '' : 's'} checked, no findings.`
    : `${files} file${files === 1 ? '' : 's'} checked, ${total} finding${total === 1 ? '' : 's'} (${Object.entries(bySeverity).map(([s, n]) => `${n} ${s}`).join(', ')}).`;
  out.push('', summary);
  return out.join('\n');
}

export function main(argv: string[]): number {
  let options: Options | 'help';
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`rapport: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const configFile = options.config ?? findConfigFile(process.cwd());
  if (options.config && !fs.existsSync(options.config)) {
    process.stderr.write(`rapport: config file ${options.config} does not exist.\n`);
    return 2;
  }
  const { config, problems } = configFile ? readConfigFile(configFile) : { config: {}, problems: [] };
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`rapport: ${problem}\n`);
    return 2;
  }
  const { files, missing } = collectFiles(options.inputs, config.ignore);
  for (const input of missing) process.stderr.write(`rapport: no such file, directory or matching glob: ${input}\n`);
  if (missing.length > 0) return 2;
  if (files.length === 0) {
    process.stderr.write('rapport: nothing to lint.\n');
    return 2;
  }
  const reports = files.map((file) => lintFile(file, config));
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(toJson(reports), null, 2)}\n` : `${toText(reports)}\n`);
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`rapport: unexpected error: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  }
}
