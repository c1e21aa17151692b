// The workspace's macro library in the Problems panel, opened or not: a
// background scan lints every macro file on disk and keeps its diagnostics
// current as files change, handing them to a sink: pushed to the client
// (publishDiagnostics), or kept for its workspace pulls (pull.ts). It lints one
// file per turn of the event loop (setImmediate), so edits in the editor are
// never kept waiting, and keeps per-rule counts of each file, never its text.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { LineIndex } from '../engine';
import { analyse, countByRule, languageOf, MACRO_FILE, sizeNotice, toDiagnostics } from './files';
import type { SettingsStore } from './settings';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface ScanSummary {
  files: number;
  skipped: number;
  findings: number;
  byRule: Record<string, number>;
}

export interface Status {
  state: 'idle' | 'scanning';
  findings: number;
  files: number;
  done?: number;
  total?: number;
}

/** Where the scan's diagnostics go. */
export interface DiagnosticsSink {
  /** The diagnostics of a file on disk, linted from `content` (its language and text, or what stands in for them). */
  report(uri: string, diagnostics: Diagnostic[], content: Content): void;
  /** A file that is gone or no longer a macro: its diagnostics go. */
  remove(uri: string): void;
  /** Every file with diagnostics reported. */
  uris(): Iterable<string>;
}

/** Pushes diagnostics to the client; files without findings are published only to clear earlier ones. */
export class PushSink implements DiagnosticsSink {
  private readonly published = new Set<string>();

  constructor(private readonly connection: Connection) {}

  report(uri: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  remove(uri: string): void {
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  uris(): Iterable<string> {
    return this.published;
  }
}

export class WorkspaceScanner {
  /** Findings per rule of every file that has some, open or not. */
  private readonly counts = new Map<string, Record<string, number>>();
  /** Where diagnostics go: pushed by default; the server swaps in its pull reports for clients that pull. */
  sink: DiagnosticsSink;
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private draining = false;
  private generation = 0;
  private scan: { done: number; total: number; reporter?: WorkDoneProgressReporter } | undefined;
  private lastStatus = '';
  /** Whether the client asked for rapport/status notifications (initializationOptions.statusNotifications). */
  statusNotifications = false;

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsStore,
    private readonly isOpen: (uri: string) => boolean,
  ) {
    this.sink = new PushSink(connection);
  }

  /** Records what the live linter found in an open document. */
  setCounts(uri: string, counts: Record<string, number> | undefined): void {
    this.record(uri, counts);
    this.sendStatus();
  }

  /** Keeps the per-file counts and the running totals in step, so a status update costs nothing per file. */
  private record(uri: string, counts: Record<string, number> | undefined): void {
    const previous = this.counts.get(uri);
    if (previous) this.addTotals(previous, -1);
    if (counts && Object.keys(counts).length > 0) {
      this.counts.set(uri, counts);
      this.addTotals(counts, 1);
    } else {
      this.counts.delete(uri);
    }
  }

  private readonly totals = new Map<string, number>();
  private totalFindings = 0;

  private addTotals(counts: Record<string, number>, sign: 1 | -1): void {
    for (const [rule, n] of Object.entries(counts)) {
      const next = (this.totals.get(rule) ?? 0) + sign * n;
      if (next > 0) this.totals.set(rule, next);
      else this.totals.delete(rule);
      this.totalFindings += sign * n;
    }
  }

  /** Lints (again) one file on disk, in the background. */
  enqueue(file: string): void {
    if (this.queued.has(file)) return;
    this.queued.add(file);
    this.queue.push(file);
    if (this.scan) this.scan.total++;
    this.drain();
  }

  /** A file was deleted: its problems go with it. */
  forget(uri: string): void {
    this.record(uri, undefined);
    this.sink.remove(uri);
    this.sendStatus();
  }

  /** Scans every workspace folder; resolves with a summary once every file is linted. */
  scanAll(reporter?: WorkDoneProgressReporter): Promise<ScanSummary> {
    this.latest = this.runScan(reporter);
    return this.latest;
  }

  /** The newest scan: a scan that a newer one replaces resolves with the newer one's summary. */
  private latest: Promise<ScanSummary> | undefined;

  private async runScan(reporter?: WorkDoneProgressReporter): Promise<ScanSummary> {
    const generation = ++this.generation;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.queue.length = 0;
    this.queued.clear();
    this.scan?.reporter?.done();
    this.scan = { done: 0, total: 0, reporter };
    reporter?.begin('Rapport: reviewing the macro library', 0, 'finding macro files…', false);
    this.sendStatus(true);
    this.skippedCount = 0;
    const seen = new Set<string>();
    for (const root of this.settings.roots) {
      await this.walk(root, root, generation, (file) => {
        seen.add(pathToFileURL(file).toString());
        this.enqueue(file);
      });
      if (generation !== this.generation) return this.latest!;
    }
    // Files reported before that are gone or now ignored.
    for (const uri of [...this.sink.uris()]) if (!seen.has(uri)) this.forget(uri);
    await this.idle();
    if (generation !== this.generation) return this.latest!;
    reporter?.done();
    this.scan = undefined;
    this.sendStatus(true);
    return this.summary(seen.size, this.skippedCount);
  }

  /** Resolves once the newest scan and every file queued since are linted. */
  async settled(): Promise<void> {
    if (this.latest) await this.latest;
    await this.idle();
  }

  /** Resolves when the queue is empty (or a newer scan replaced this one). */
  private idle(): Promise<void> {
    if (this.queue.length === 0 && !this.draining) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private idleWaiters: Array<() => void> = [];
  private skippedCount = 0;

  summary(files: number, skipped = 0): ScanSummary {
    return { files, skipped, findings: this.totalFindings, byRule: Object.fromEntries(this.totals) };
  }

  private async walk(root: string, dir: string, generation: number, found: (file: string) => void): Promise<void> {
    const settings = await this.settings.get(pathToFileURL(path.join(root, '.rapport.json')).toString());
    const stack = [dir];
    let visited = 0;
    while (stack.length > 0) {
      if (generation !== this.generation) return;
      const current = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(current, { withFileTypes: true });
      } catch {
        continue; // unreadable folder: nothing to lint there
      }
      for (const entry of entries) {
        const full = path.join(current, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name) && !settings.ignoreRules.ignores(full, true)) stack.push(full);
        } else if (entry.isFile() && MACRO_FILE.test(entry.name) && this.settings.isMacroFile(full, settings)) {
          found(full);
        }
      }
      if (++visited % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    const next = () => {
      const file = this.queue.shift();
      if (file === undefined) {
        this.draining = false;
        for (const resolve of this.idleWaiters.splice(0)) resolve();
        this.sendStatus();
        return;
      }
      this.queued.delete(file);
      void this.lintFile(file).finally(() => {
        if (this.scan) {
          this.scan.done++;
          if (this.scan.done % 25 === 0 || this.queue.length === 0) {
            this.scan.reporter?.report(Math.round((this.scan.done / Math.max(this.scan.total, 1)) * 100), `${this.scan.done}/${this.scan.total} files`);
            this.sendStatus();
          }
        }
        setImmediate(next); // let edits and requests in between files
      });
    };
    setImmediate(next);
  }

  private async lintFile(file: string): Promise<void> {
    const uri = pathToFileURL(file).toString();
    if (this.isOpen(uri)) return; // the live linter owns open documents
    const linted = await this.lintFromDisk(file);
    if (this.isOpen(uri)) return; // opened while it was being read
    if (!linted) return this.forget(uri);
    if (linted.skipped) this.skippedCount++;
    this.record(uri, linted.counts);
    this.sink.report(uri, linted.diagnostics, linted.content);
  }

  /** Lints a file on disk; undefined if it is gone, unreadable or not a macro. */
  async lintFromDisk(file: string): Promise<{ diagnostics: Diagnostic[]; content: Content; counts?: Record<string, number>; skipped: boolean } | undefined> {
    const uri = pathToFileURL(file).toString();
    const settings = await this.settings.get(uri);
    if (!this.settings.isMacro(uri, settings)) return undefined;
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      return undefined; // deleted since it was queued
    }
    if (stat.size > settings.maxFileSize) {
      const diagnostics = toDiagnostics({ findings: [], notice: sizeNotice(stat.size, settings.maxFileSize) }, () => ({ line: 0, character: 0 }));
      return { diagnostics, content: ['skipped', String(stat.size)], skipped: true };
    }
    let text: string;
    try {
      text = (await fs.promises.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
    const language = languageOf(file);
    const analysis = analyse(text, language, settings, (message) => this.connection.console.error(`${file}: ${message}`));
    const lines = new LineIndex(text);
    const diagnostics = toDiagnostics(analysis, (offset) => lines.positionAt(offset));
    return { diagnostics, content: contentKey(language, text), counts: countByRule(analysis.findings), skipped: !!analysis.notice };
  }

  /** Tells the client (status bar) the totals; only when they changed. */
  sendStatus(force = false): void {
    if (!this.statusNotifications) return;
    const findings = this.totalFindings;
    const files = this.counts.size;
    const status: Status = this.scan ? { state: 'scanning', findings, files, done: this.scan.done, total: this.scan.total } : { state: 'idle', findings, files };
    const key = JSON.stringify(status);
    if (!force && key === this.lastStatus) return;
    this.lastStatus = key;
    void this.connection.sendNotification('rapport/status', status);
  }
}

/** What a report depends on besides the settings: for a text, its language and the text. */
export type Content = readonly string[];

export function contentKey(language: string, text: string): Content {
  return [language, text];
}
