// Drives the built language server over stdio, as an editor would, to time
// didChange -> publishDiagnostics and read the server's peak memory.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export class ServerSession {
  private readonly waiters = new Map<string, Array<(params: PublishDiagnosticsParams) => void>>();
  /** Every publishDiagnostics seen, for the workspace-scan count. */
  published = 0;
  lastPublishAt = performance.now();
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published++;
      this.lastPublishAt = performance.now();
      const list = this.waiters.get(params.uri);
      const next = list?.shift();
      if (next) next(params);
    });
    // Requests a server may make of its client; answer them plainly.
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
  }

  static async start(serverJs: string, rootDir: string): Promise<ServerSession> {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const session = new ServerSession(child, connection);
    const rootUri = pathToFileURL(rootDir).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'library' }],
      // No textDocument.diagnostic: the server pushes diagnostics, which is what the figures time.
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Waits until the server has published nothing for quietMs (a workspace scan, if it does one). */
  async settle(quietMs: number, maxMs: number): Promise<void> {
    const start = performance.now();
    while (performance.now() - start < maxMs) {
      await new Promise((r) => setTimeout(r, 100));
      if (performance.now() - this.lastPublishAt >= quietMs) return;
    }
  }

  private nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push(resolve);
      this.waiters.set(uri, list);
    });
  }

  async open(file: string, text: string): Promise<string> {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    const first = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await first;
    return uri;
  }

  /** Types `inserted` at the end of the document, as an editor's incremental change; resolves with the milliseconds until its diagnostics arrive. */
  async append(uri: string, inserted: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const text = this.texts.get(uri) ?? '';
    const lines = text.split(/\r\n|\r|\n/);
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    this.texts.set(uri, text + inserted);
    const started = performance.now();
    const arrived = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: end, end }, text: inserted }] });
    await arrived;
    return performance.now() - started;
  }

  /** Peak resident memory of the server process, from /proc (Linux), in bytes. */
  peakRss(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    setTimeout(() => this.process.kill(), 500).unref();
  }
}
