// A small LSP client for the protocol tests: spawns the built server with
// --stdio and speaks JSON-RPC over its real pipes. Every wait is on a message,
// with a generous timeout that fails with a clear description.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type ProgressType,
  type Diagnostic,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = path.resolve(__dirname, '..', '..', 'server', 'out', 'server.js');
export const TIMEOUT = 15_000;

interface Waiter {
  test: () => boolean;
  resolve: () => void;
}

export interface ClientOptions {
  /** Settings the client answers workspace/configuration with (section "rapport"). */
  settings?: Record<string, unknown>;
  /** A workspace folder to open; none by default. */
  workspace?: string;
  capabilities?: ClientCapabilities;
  /** Ask for rapport/status notifications, as the VS Code client does (default: yes). */
  statusNotifications?: boolean;
  /** More initializationOptions. */
  initializationOptions?: Record<string, unknown>;
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  settings: Record<string, unknown>;
  configurationRequests = 0;
  /** How many workspace/diagnostic/refresh requests the server sent. */
  refreshes = 0;
  initializeResult?: InitializeResult;
  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private stderr = '';
  exitCode: number | null | undefined;
  private readonly exited: Promise<void>;

  private constructor(readonly child: ChildProcess, options: ClientOptions) {
    this.settings = options.settings ?? {};
    child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        this.exitCode = code;
        this.notify();
        resolve();
      }),
    );
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.notify();
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.notify();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.notify();
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.notify();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'rapport' ? this.settings : null));
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      this.notify();
    });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
      this.notify();
    });
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first.`);
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new TestClient(child, options);
    const capabilities: ClientCapabilities = options.capabilities ?? {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
      },
      textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] } },
      window: { workDoneProgress: true, showMessage: {} },
    };
    const workspace = options.workspace;
    client.initializeResult = await client.within(
      client.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: workspace ? pathToFileURL(workspace).toString() : null,
        workspaceFolders: workspace ? [{ uri: pathToFileURL(workspace).toString(), name: path.basename(workspace) }] : null,
        capabilities,
        initializationOptions: { statusNotifications: options.statusNotifications ?? true, ...options.initializationOptions },
      }),
      'the answer to initialize',
    );
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Fails with a description of what never came, and what the server said meanwhile. */
  private within<T>(promise: Promise<T>, what: string, timeout = TIMEOUT): Promise<T> {
    let timer: NodeJS.Timeout;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${timeout} ms waiting for ${what}.${this.context()}`)), timeout);
    });
    return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
  }

  private context(): string {
    const lines = [...this.logs.slice(-5), this.stderr.slice(-500)].filter(Boolean);
    return lines.length ? `\nServer output:\n${lines.join('\n')}` : '';
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.test()) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Collects the partial results (or work-done progress) the server sends for `token`. */
  progress<T>(type: ProgressType<T>, token: string): T[] {
    const values: T[] = [];
    this.connection.onProgress(type, token, (value) => {
      values.push(value);
      this.notify();
    });
    return values;
  }

  /** Waits until `test` holds (checked after every message from the server). */
  waitFor(test: () => boolean, what: string, timeout = TIMEOUT): Promise<void> {
    if (test()) return Promise.resolve();
    let waiter!: Waiter;
    const done = new Promise<void>((resolve) => {
      waiter = { test, resolve };
      this.waiters.add(waiter);
    });
    return this.within(done, what, timeout).finally(() => this.waiters.delete(waiter));
  }

  /** Waits for diagnostics of `uri` published for `version` (or any, if none given) that satisfy `test`. */
  async diagnosticsFor(uri: string, what: string, test: (diagnostics: Diagnostic[]) => boolean = () => true, version?: number): Promise<Diagnostic[]> {
    await this.waitFor(() => {
      const published = this.diagnostics.get(uri);
      return !!published && (version === undefined || published.version === version) && test(published.diagnostics);
    }, what);
    return this.diagnostics.get(uri)!.diagnostics;
  }

  /** Opens a document; resolves with its first diagnostics. */
  async open(uri: string, text: string, languageId = 'markdown'): Promise<Diagnostic[]> {
    await this.didOpen(uri, text, languageId);
    return this.diagnosticsFor(uri, `diagnostics after opening ${uri}`, () => true, 1);
  }

  /** Opens a document without waiting for diagnostics (a pull client asks for them). */
  async didOpen(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.diagnostics.delete(uri);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (or applies range changes); resolves with the diagnostics of the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[] | string): Promise<Diagnostic[]> {
    const version = await this.didChange(uri, changes);
    return this.diagnosticsFor(uri, `diagnostics for version ${version} of ${uri}`, () => true, version);
  }

  /** Sends a change without waiting for diagnostics; resolves with the new version. */
  async didChange(uri: string, changes: TextDocumentContentChangeEvent[] | string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const contentChanges = typeof changes === 'string' ? [{ text: changes }] : changes;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Sends new settings the way VS Code does: a didChangeConfiguration, then answers workspace/configuration. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { rapport: settings } });
  }

  request<R>(method: string, params: unknown, what = `the answer to ${method}`): Promise<R> {
    return this.within(this.connection.sendRequest(method, params) as Promise<R>, what);
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** shutdown + exit; resolves with the exit code. */
  async stop(): Promise<number | null | undefined> {
    if (this.alive) {
      await this.within(this.connection.sendRequest(ShutdownRequest.type), 'the answer to shutdown');
      await this.connection.sendNotification(ExitNotification.type);
      await this.within(this.exited, 'the server process to exit');
    }
    this.connection.dispose();
    return this.exitCode;
  }

  /** Ends the process if a test failed before stop(). */
  kill(): void {
    if (this.alive) this.child.kill();
    this.connection.dispose();
  }
}

/** What VS Code's language client declares for pull diagnostics (LSP 3.17), with the usual rest. */
export const PULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    hover: { contentFormat: ['markdown'] },
  },
  window: { workDoneProgress: true, showMessage: {} },
};

export function tempWorkspace(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-protocol-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

export function uriOf(root: string, name: string): string {
  return pathToFileURL(path.join(root, name)).toString();
}

/** Applies a code action's workspace edit to the document's text, as an editor would. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  if (!edit) throw new Error('the code action has no edit');
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change) || change.textDocument.uri !== uri) continue;
    for (const e of change.edits) edits.push('snippet' in e ? { range: e.range, newText: e.snippet.value } : e);
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}
