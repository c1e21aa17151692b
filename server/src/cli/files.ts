// Which files the CLI lints. Named files are always linted; directories are
// walked for macro files (and for help-desk exports that look like exports);
// globs are expanded. Walks and globs honour .rapportignore (gitignore syntax),
// the config's "ignore" globs and a few default ignores (README.md & co.).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import picomatch from 'picomatch';
import ignoreFactory from 'ignore';
import { looksLikeCsvExport, looksLikeJsonExport } from './exports';

export const MACRO_EXTENSIONS = ['.md', '.markdown', '.hbs', '.handlebars'];
export const EXPORT_EXTENSIONS = ['.json', '.csv'];
export const IGNORE_FILE = '.rapportignore';
/** Repository documents that are not macros: skipped in walks and globs, linted when named. */
export const DEFAULT_IGNORED_NAMES = ['readme.md', 'changelog.md', 'license.md', 'contributing.md'];
const SKIPPED_DIRECTORIES = new Set(['node_modules']);
/** How much of a .json file a walk reads to tell an export: its keys come early. */
const JSON_SNIFF_BYTES = 64 * 1024;

export type FileKind = 'macro' | 'json-export' | 'csv-export';

export interface Target {
  file: string;
  kind: FileKind;
  /** Named on the command line (rather than found by a walk or glob). */
  named: boolean;
}

export interface Collected {
  targets: Target[];
  /** Inputs that matched nothing. */
  missing: string[];
  /** Directories that could not be read, and similar notes. */
  notices: Array<{ file: string; message: string }>;
}

export function kindOf(file: string): FileKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if (MACRO_EXTENSIONS.includes(ext)) return 'macro';
  if (ext === '.json') return 'json-export';
  if (ext === '.csv') return 'csv-export';
  return undefined;
}

/** Reads the start of a file without reading all of it. */
function readHead(file: string, bytes: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** For files found by a walk: is this .json/.csv a help-desk export? Reads as little as it can. */
export function looksLikeExport(file: string, kind: FileKind): boolean {
  try {
    if (kind === 'csv-export') return looksLikeCsvExport(readHead(file, 4096).split(/\r?\n/, 1)[0]);
    return looksLikeJsonExport(readHead(file, JSON_SNIFF_BYTES));
  } catch {
    return false;
  }
}

export interface IgnoreRules {
  /** Whether a file (or, with directory set, a folder) is ignored. */
  ignores(file: string, directory?: boolean): boolean;
}

/**
 * The ignore rules of a project: .rapportignore in the base folder (gitignore
 * syntax, paths relative to it), the config's "ignore" globs, and the default names.
 */
export function loadIgnoreRules(baseDir: string, globs: string[] = []): { rules: IgnoreRules; problems: string[] } {
  const problems: string[] = [];
  const gitignore = ignoreFactory();
  const ignoreFile = path.join(baseDir, IGNORE_FILE);
  let hasIgnoreFile = false;
  try {
    const patterns = fs.readFileSync(ignoreFile, 'utf8');
    gitignore.add(patterns);
    hasIgnoreFile = patterns.trim() !== '';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problems.push(`${ignoreFile}: cannot be read (${code ?? (error as Error).message}).`);
  }
  // As in .gitignore, a glob without a slash matches a file name in any folder.
  const withSlash = globs.filter((g) => g.replace(/\/$/, '').includes('/'));
  const nameOnly = globs.filter((g) => !withSlash.includes(g));
  const matchPath = withSlash.length ? picomatch(withSlash, { dot: true }) : () => false;
  const matchName = nameOnly.length ? picomatch(nameOnly, { dot: true }) : () => false;
  const configured = (relative: string) => matchPath(relative) || matchName(path.posix.basename(relative));
  const rules: IgnoreRules = {
    ignores(file, directory = false) {
      if (!directory && DEFAULT_IGNORED_NAMES.includes(path.basename(file).toLowerCase())) return true;
      // Most projects have no ignore patterns: skip the path arithmetic for each of their files.
      if (!hasIgnoreFile && globs.length === 0) return false;
      const relative = path.relative(baseDir, path.resolve(file)).split(path.sep).join('/');
      if (configured(relative)) return true;
      // Files outside the base folder are not under its .rapportignore.
      if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
      return gitignore.ignores(directory ? `${relative}/` : relative);
    },
  };
  return { rules, problems };
}

function walk(root: string, ignore: IgnoreRules, out: Target[], notices: Collected['notices']): void {
  // An explicit stack: deep trees must not exhaust the call stack.
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      notices.push({ file: dir, message: `directory cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); skipped` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirectories: string[] = [];
    for (const entry of entries) {
      // Hidden files and folders (.github, .vscode) hold templates and settings, not macros; globs skip them too.
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !ignore.ignores(full, true)) subdirectories.push(full);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const kind = kindOf(entry.name);
      if (!kind || ignore.ignores(full)) continue;
      if (entry.isSymbolicLink()) {
        try {
          if (!fs.statSync(full).isFile()) continue;
        } catch {
          continue; // a dangling link
        }
      }
      if (kind !== 'macro' && !looksLikeExport(full, kind)) continue;
      out.push({ file: full, kind, named: false });
    }
    // Push in reverse so the walk visits folders in name order.
    for (let i = subdirectories.length - 1; i >= 0; i--) stack.push(subdirectories[i]);
  }
}

export function collectFiles(inputs: string[], ignore: IgnoreRules): Collected {
  const targets: Target[] = [];
  const missing: string[] = [];
  const notices: Collected['notices'] = [];
  for (const input of inputs) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      targets.push({ file: input, kind: kindOf(input) ?? 'macro', named: true });
    } else if (stat?.isDirectory()) {
      walk(input, ignore, targets, notices);
    } else if (/[*?[{]/.test(input)) {
      const matched = globSync(input, { dot: false, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
      if (matched.length === 0) missing.push(input);
      for (const file of matched) {
        const kind = kindOf(file);
        if (!kind || ignore.ignores(file)) continue;
        if (kind !== 'macro' && !looksLikeExport(file, kind)) continue;
        targets.push({ file, kind, named: false });
      }
    } else {
      missing.push(input);
    }
  }
  const seen = new Set<string>();
  const unique = targets.filter((t) => {
    const key = path.resolve(t.file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { targets: unique, missing, notices };
}
