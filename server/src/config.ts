// Settings from VS Code and from a workspace's .rapport.json, checked so that
// a broken value is reported clearly and ignored instead of breaking linting.

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { isSeveritySetting, ruleById } from './engine';
import type { CustomPhrase, Settings } from './engine';

export const CONFIG_FILE = '.rapport.json';
/** Macros are short; a file over 1 MB is data or a dump, and linting it would only stall the editor. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/**
 * Files in a macro repository that are never macros, whatever the settings add
 * (the CLI skips the same names). A pattern without a slash matches a file name anywhere.
 */
export const DEFAULT_IGNORE: readonly string[] = ['README.md', 'CHANGELOG.md', 'LICENSE.md', 'CONTRIBUTING.md', '**/node_modules/**'];

/** Engine settings plus what the server and CLI use to choose files. */
export interface RapportConfig extends Settings {
  /** Files larger than this many bytes are skipped with a notice. */
  maxFileSize?: number;
  /** Globs of files that are not macros (a README, a changelog). */
  ignore?: string[];
}

export interface ConfigResult {
  config: RapportConfig;
  problems: string[];
}

/** Keeps the valid parts of a raw settings object and describes the rest. */
export function validateConfig(raw: unknown, origin: string): ConfigResult {
  const problems: string[] = [];
  const config: RapportConfig = {};
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config, problems: [`${origin}: expected an object of settings, found ${Array.isArray(raw) ? 'an array' : typeof raw}.`] };
  }
  const input = raw as Record<string, unknown>;
  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) {
      problems.push(`${origin}: "rules" must be an object of rule id to severity.`);
    } else {
      config.rules = {};
      for (const [id, value] of Object.entries(input.rules as Record<string, unknown>)) {
        if (!ruleById(id)) {
          problems.push(`${origin}: unknown rule "${id}" in "rules".`);
        } else if (isSeveritySetting(value)) {
          config.rules[id] = value;
        } else if (value && typeof value === 'object' && !Array.isArray(value)) {
          const severity = (value as Record<string, unknown>).severity;
          if (severity !== undefined && !isSeveritySetting(severity)) {
            problems.push(`${origin}: rules.${id}.severity must be one of error, warning, info, hint, off; found ${JSON.stringify(severity)}.`);
          } else {
            config.rules[id] = value as Record<string, unknown>;
          }
        } else {
          problems.push(`${origin}: rules.${id} must be one of error, warning, info, hint, off; found ${JSON.stringify(value)}.`);
        }
      }
    }
  }
  if (input.namePlaceholder !== undefined) {
    if (typeof input.namePlaceholder === 'string' && input.namePlaceholder.trim()) config.namePlaceholder = input.namePlaceholder.trim();
    else if (input.namePlaceholder !== '') problems.push(`${origin}: "namePlaceholder" must be a string such as "{{customer.first_name}}".`);
  }
  if (input.library !== undefined) {
    if (input.library === 'auto' || input.library === 'single' || input.library === 'headings') config.library = input.library;
    else problems.push(`${origin}: "library" must be "auto", "single" or "headings"; found ${JSON.stringify(input.library)}.`);
  }
  if (input.phrases !== undefined) {
    if (!Array.isArray(input.phrases)) {
      problems.push(`${origin}: "phrases" must be a list of { "phrase": …, "preferred": … } entries.`);
    } else {
      config.phrases = [];
      input.phrases.forEach((entry, i) => {
        const problem = phraseProblem(entry);
        if (problem) problems.push(`${origin}: phrases[${i}] ${problem}; the entry is ignored.`);
        else config.phrases!.push(entry as CustomPhrase);
      });
    }
  }
  if (input.maxFileSize !== undefined) {
    if (typeof input.maxFileSize === 'number' && input.maxFileSize > 0) config.maxFileSize = input.maxFileSize;
    else problems.push(`${origin}: "maxFileSize" must be a positive number of bytes.`);
  }
  if (input.ignore !== undefined) {
    if (Array.isArray(input.ignore) && input.ignore.every((g) => typeof g === 'string')) config.ignore = input.ignore as string[];
    else problems.push(`${origin}: "ignore" must be a list of glob strings.`);
  }
  return { config, problems };
}

function phraseProblem(entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return 'must be an object such as { "phrase": "…", "preferred": "…" }';
  const { phrase, preferred, message, severity } = entry as Record<string, unknown>;
  if (typeof phrase !== 'string' || !phrase.trim()) return 'needs a non-empty "phrase" string';
  if (preferred !== undefined && typeof preferred !== 'string') return '"preferred" must be a string';
  if (message !== undefined && typeof message !== 'string') return '"message" must be a string';
  if (severity !== undefined && !(isSeveritySetting(severity) && severity !== 'off')) return `"severity" must be one of error, warning, info, hint; found ${JSON.stringify(severity)}`;
  return undefined;
}

/**
 * Whether a file is left alone: `relativePath` uses forward slashes and is
 * relative to the workspace (or the config file's folder).
 */
export function isIgnored(relativePath: string, ignore: readonly string[] = []): boolean {
  return ignoreMatcher([...DEFAULT_IGNORE, ...ignore])(relativePath);
}

const matchers = new Map<string, (file: string) => boolean>();

function ignoreMatcher(ignore: readonly string[]): (file: string) => boolean {
  const key = JSON.stringify(ignore);
  let matcher = matchers.get(key);
  if (!matcher) {
    const options = { dot: true, nocase: true };
    const names = ignore.filter((glob) => !glob.includes('/'));
    const paths = ignore.filter((glob) => glob.includes('/'));
    const byName = names.length ? picomatch(names, options) : () => false;
    const byPath = paths.length ? picomatch(paths, options) : () => false;
    matcher = (file: string) => byPath(file) || byName(file.slice(file.lastIndexOf('/') + 1));
    if (matchers.size > 20) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}

/** Reads and checks a .rapport.json; a missing file is no problem, a broken one is described. */
export function readConfigFile(file: string): ConfigResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {}, problems: [] };
    return { config: {}, problems: [`${file}: cannot be read (${(error as Error).message}).`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { config: {}, problems: [`${file}: is not valid JSON (${(error as Error).message}); using the default settings.`] };
  }
  const { $schema: _schema, ...rest } = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return validateConfig(raw && typeof raw === 'object' && !Array.isArray(raw) ? rest : raw, file);
}

/** The nearest .rapport.json at or above a folder. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Later settings win; rule entries are merged one by one. */
export function mergeConfigs(...configs: RapportConfig[]): RapportConfig {
  const merged: RapportConfig = {};
  for (const config of configs) {
    const { rules, ...rest } = config;
    Object.assign(merged, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    if (rules) merged.rules = { ...merged.rules, ...rules };
  }
  return merged;
}

/** Text that is not a macro: NUL bytes or a run of control characters. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f]/g);
  return controls !== null && controls.length > sample.length / 100 + 4;
}
