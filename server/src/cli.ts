// The command line: the same engine for CI and for reviewing a library.
//   rapport lint <files, directories or globs…> [--format text|json|sarif|github] [--fix]
//                [--max-warnings N] [--max-file-size SIZE] [--config file]
// Modules: cli/files.ts (which files), cli/exports.ts (help-desk exports),
// cli/lint-file.ts (one file, --fix), cli/formats.ts (output).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, findConfigFile, readConfigFile } from './config';
import { collectFiles, loadIgnoreRules } from './cli/files';
import { formatReport, FORMATS, reportFile, type Format } from './cli/formats';
import { formatSize, lintTarget } from './cli/lint-file';
import { defaultJobs, isLintWorker, lintInParallel, runLintWorker } from './cli/parallel';

export { collectFiles, MACRO_EXTENSIONS } from './cli/files';
export { languageOf } from './cli/lint-file';

const USAGE = `Usage: rapport lint <files, directories or globs…> [options]

Directories are searched for .md, .markdown, .hbs and .handlebars macros, and for
help-desk exports (.json Zendesk macro exports, .csv files with title and body
columns). Files named on the command line are always linted.

Options:
  --format <format>      text (default), json, sarif or github (workflow annotations)
  -o, --output <file>    write the report to a file instead of standard output
  --fix                  apply safe fixes in place (never fixes that need your words)
  --max-warnings <n>     exit 1 when there are more than n warnings
  --max-file-size <size> skip larger files (bytes, or with KB/MB; default ${formatSize(DEFAULT_MAX_FILE_SIZE)})
  --config <file>        settings file (default: the nearest .rapport.json)
  --jobs <n>             lint on n threads (default: one per core but one, for big libraries)
  -h, --help             show this help

Ignored when searching folders: paths in .rapportignore (gitignore syntax, next to
.rapport.json or in the current folder), the config's "ignore" globs, and README.md,
CHANGELOG.md, LICENSE.md, CONTRIBUTING.md.

Exit codes: 0 no error-severity findings, 1 error-severity findings (or too many
warnings), 2 usage or config error, or nothing could be linted.`;

interface Options {
  format: Format;
  output?: string;
  config?: string;
  fix: boolean;
  maxWarnings?: number;
  maxFileSize?: number;
  jobs?: number;
  inputs: string[];
}

class UsageError extends Error {}

/** "500000", "500KB", "2.5 MB" -> bytes. */
export function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
  const bytes = Math.floor(parseFloat(m[1]) * factor);
  return bytes > 0 ? bytes : undefined;
}

function parseArgs(argv: string[]): Options | 'help' {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'lint') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  const options: Options = { format: 'text', fix: false, inputs: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--format' || flag === '-f') {
      const name = value();
      if (!(FORMATS as readonly string[]).includes(name)) throw new UsageError(`Unknown format "${name}"; use ${FORMATS.join(', ')}.`);
      options.format = name as Format;
    } else if (flag === '--output' || flag === '-o') options.output = value();
    else if (flag === '--config' || flag === '-c') options.config = value();
    else if (flag === '--fix') options.fix = true;
    else if (flag === '--max-warnings') {
      const raw = value();
      if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings needs a whole number, not "${raw}".`);
      options.maxWarnings = Number(raw);
    } else if (flag === '--max-file-size') {
      const raw = value();
      const bytes = parseSize(raw);
      if (bytes === undefined) throw new UsageError(`--max-file-size needs a size such as 1000000, 500KB or 5MB, not "${raw}".`);
      options.maxFileSize = bytes;
    } else if (flag === '--jobs' || flag === '-j') {
      const raw = value();
      if (!/^[1-9]\d*$/.test(raw)) throw new UsageError(`--jobs needs a whole number of at least 1, not "${raw}".`);
      options.jobs = Number(raw);
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`Unknown option "${flag}".`);
    else options.inputs.push(arg);
  }
  if (options.inputs.length === 0) throw new UsageError('Name at least one file, directory or glob to lint.');
  return options;
}

export async function main(argv: string[]): Promise<number> {
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

  if (options.config && !fs.existsSync(options.config)) {
    process.stderr.write(`rapport: config file ${options.config} does not exist.\n`);
    return 2;
  }
  const configFile = options.config ?? findConfigFile(process.cwd());
  const { config, problems } = configFile ? readConfigFile(configFile) : { config: {}, problems: [] };
  // The project folder: where .rapport.json is, else the current folder. .rapportignore lives there.
  const baseDir = configFile ? path.dirname(path.resolve(configFile)) : process.cwd();
  const ignore = loadIgnoreRules(baseDir, config.ignore);
  const setupProblems = [...problems, ...ignore.problems];
  if (setupProblems.length > 0) {
    // The editor carries on with defaults; CI stops, so a broken config never passes silently.
    for (const problem of setupProblems) process.stderr.write(`rapport: ${problem.replace(/; using the default settings\.$/, '.')}\n`);
    process.stderr.write('rapport: fix the settings above and run again.\n');
    return 2;
  }

  const { targets, missing, notices } = collectFiles(options.inputs, ignore.rules);
  for (const input of missing) process.stderr.write(`rapport: no such file, directory or matching glob: ${input}\n`);
  if (targets.length === 0) {
    if (missing.length === 0) process.stderr.write('rapport: nothing to lint (no macro files found).\n');
    return 2;
  }

  const maxFileSize = options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const lintOptions = { config, maxFileSize, fix: options.fix };
  const jobs = options.jobs ?? defaultJobs(targets.length);
  const reports =
    jobs > 1
      ? await lintInParallel(__filename, targets, lintOptions, options.format, jobs)
      : targets.map((target) => reportFile(lintTarget(target, lintOptions), options.format));
  const report = formatReport(options.format, reports, notices);
  if (options.output) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
      fs.writeFileSync(options.output, report);
    } catch (error) {
      process.stderr.write(`rapport: cannot write the report to ${options.output} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n`);
      return 2;
    }
  } else {
    process.stdout.write(report);
  }

  // Files that could not be linted are reported; they fail the run only when nothing else was linted.
  const linted = reports.filter((r) => !r.error && !r.notice).length;
  const failed = reports.filter((r) => r.error);
  if (failed.length > 0 && options.format !== 'text') {
    for (const r of failed) process.stderr.write(`rapport: ${r.file}: ${r.error}\n`);
  }
  if (missing.length > 0) return 2;
  if (failed.length > 0 && linted === 0) return 2;
  if (reports.some((r) => r.findingsBySeverity.error > 0)) return 1;
  const warnings = reports.reduce((n, r) => n + r.findingsBySeverity.warning, 0);
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`rapport: ${warnings} warnings, more than the ${options.maxWarnings} allowed (--max-warnings).\n`);
    return 1;
  }
  return 0;
}

if (isLintWorker()) {
  runLintWorker();
} else if (require.main === module) {
  // A reader that stops early (`rapport lint … | head`) closes the pipe: not an error of the run.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`rapport: unexpected error: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
