// Settings per resource: the workspace's .rapport.json under the editor's
// rapport.* settings, read once per workspace folder and cached until either
// changes. Broken values are reported to the user once and ignored.

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { CONFIG_FILE, DEFAULT_MAX_FILE_SIZE, isIgnored, mergeConfigs, readConfigFile, validateConfig, type RapportConfig } from '../config';
import { sharedSettings } from '../config-schema';
import { loadIgnoreRules, type IgnoreRules } from '../cli/files';
import { MACRO_FILE } from './files';

export interface EffectiveSettings {
  config: RapportConfig;
  /** The workspace folder the resource belongs to, if any. */
  root?: string;
  maxFileSize: number;
  /** Globs of files that are not macros, beyond the names that never are (DEFAULT_IGNORE). */
  ignore: readonly string[];
  /** The same rules the CLI applies: .rapportignore, the ignore globs, README.md & co. */
  ignoreRules: IgnoreRules;
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class SettingsStore {
  roots: string[] = [];
  supportsConfiguration = false;
  /** Settings sent with workspace/didChangeConfiguration by clients that cannot be asked. */
  pushed: unknown;
  private readonly cache = new Map<string, Promise<EffectiveSettings>>();
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  clear(): void {
    this.cache.clear();
  }

  /** The effective settings of every workspace folder, to tell whether a change changed anything. */
  async fingerprint(): Promise<string> {
    const all = await Promise.all(this.roots.map((root) => this.get(pathToFileURL(root).toString())));
    return JSON.stringify(all.map((s) => s.config));
  }

  rootOf(file: string): string | undefined {
    return this.roots.filter((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  /** Settings for a document or file URI. Resource settings vary per workspace folder, so that is the cache key. */
  get(uri: string): Promise<EffectiveSettings> {
    const file = uriToPath(uri);
    const root = file ? this.rootOf(file) : undefined;
    const key = root ?? uri;
    let cached = this.cache.get(key);
    if (!cached) {
      cached = this.load(root ? pathToFileURL(root).toString() : uri, root, file);
      this.cache.set(key, cached);
    }
    return cached;
  }

  /** Whether a file is a macro Rapport should lint: a macro extension, and not ignored. */
  isMacro(uri: string, settings: EffectiveSettings): boolean {
    const file = uriToPath(uri);
    return file ? this.isMacroFile(file, settings) : true; // unsaved documents the editor chose to send us
  }

  isMacroFile(file: string, settings: EffectiveSettings): boolean {
    if (!MACRO_FILE.test(file)) return false;
    const relative = path.relative(settings.root ?? path.dirname(file), file).split(path.sep).join('/');
    return !isIgnored(relative) && !settings.ignoreRules.ignores(file);
  }

  private async load(scopeUri: string, root: string | undefined, file: string | undefined): Promise<EffectiveSettings> {
    const folder = root ?? (file ? path.dirname(file) : undefined);
    const fromFile = folder ? readConfigFile(path.join(folder, CONFIG_FILE)) : { config: {}, problems: [] };
    let raw: unknown = this.pushed;
    if (this.supportsConfiguration) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri, section: 'rapport' });
      } catch (error) {
        this.connection.console.error(`Could not read the rapport settings: ${(error as Error).message}`);
      }
    }
    const fromEditor = validateConfig(explicitSettings(raw), 'Setting rapport');
    const config = mergeConfigs(fromFile.config, fromEditor.config);
    // Lists add up: the workspace's (the team's) and the user's globs and phrases both apply.
    const ignore = [...new Set([...(fromFile.config.ignore ?? []), ...(fromEditor.config.ignore ?? [])])];
    if (fromFile.config.phrases && fromEditor.config.phrases) {
      const own = new Set(fromEditor.config.phrases.map((p) => p.phrase.trim().toLowerCase()));
      config.phrases = [...fromFile.config.phrases.filter((p) => !own.has(p.phrase.trim().toLowerCase())), ...fromEditor.config.phrases];
    }
    const ignoreRules = folder ? loadIgnoreRules(folder, ignore) : { rules: { ignores: () => false }, problems: [] };
    this.report([...fromFile.problems, ...fromEditor.problems, ...ignoreRules.problems]);
    return { config, root, maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, ignore, ignoreRules: ignoreRules.rules };
  }

  /** Tells the user about each settings problem once; logs it every time. */
  private report(problems: string[]): void {
    for (const problem of problems) {
      this.connection.console.warn(`Settings: ${problem}`);
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Rapport: ${problem}` });
    }
  }
}

const DEFAULTS = sharedSettings();

/**
 * The editor's settings without the values that merely repeat the defaults
 * (VS Code sends every default), so a workspace .rapport.json is not
 * overridden by defaults; editor-only keys (trace) are dropped too.
 */
export function explicitSettings(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const schema = DEFAULTS[key];
    if (!schema || value === undefined || value === null) continue;
    if (JSON.stringify(value) === JSON.stringify(schema.default)) continue;
    picked[key] = value;
  }
  return picked;
}
