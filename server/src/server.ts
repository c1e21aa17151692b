// The language server: an adapter between LSP and the engine. It lints open
// documents as they change, lints the rest of the workspace's macro library in
// the background, and turns findings into diagnostics, code actions and hovers.
// Run it with --stdio (any editor) or --node-ipc (VS Code).

import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ExecuteCommandRequest,
  FileChangeType,
  ResponseError,
  type ExecuteCommandParams,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './engine';
import { CONFIG_FILE } from './config';
import { IGNORE_FILE } from './cli/files';
import { FIX_ALL_KIND, codeActions, type EditSupport } from './lsp/actions';
import { analyse, countByRule, MACRO_FILE, toDiagnostics, WATCHED_GLOBS } from './lsp/files';
import { hoverAt } from './lsp/hover';
import { SettingsStore, uriToPath } from './lsp/settings';
import { WorkspaceScanner, type ScanSummary } from './lsp/workspace';

const REVIEW_COMMAND = 'rapport.reviewLibrary';
const SETTINGS_FILES = new Set([CONFIG_FILE, IGNORE_FILE]);
/** Documents above this size wait a moment after a change, so a burst of typing is linted once. */
const LARGE_DOCUMENT = 200 * 1024;
const LARGE_DOCUMENT_DELAY = 100;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const scanner = new WorkspaceScanner(connection, settings, (uri) => documents.get(uri) !== undefined);
/** The latest findings of each open document, for code actions and hovers. */
const results = new Map<string, { version: number; findings: Finding[] }>();
const pending = new Map<string, { cancel(): void }>();
const editSupport: EditSupport = { documentChanges: false, snippets: false };
let watchFilesDynamically = false;
let configurationDynamically = false;
let workspaceFoldersSupported = false;

function log(message: string): void {
  connection.console.log(message);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  scanner.statusNotifications = (params.initializationOptions as { statusNotifications?: unknown } | undefined)?.statusNotifications === true;
  settings.supportsConfiguration = capabilities.workspace?.configuration === true;
  editSupport.documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
  editSupport.snippets = editSupport.documentChanges && capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
  watchFilesDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  configurationDynamically = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  workspaceFoldersSupported = capabilities.workspace?.workspaceFolders === true;
  settings.roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (settings.roots.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) settings.roots.push(root);
  }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      executeCommandProvider: { commands: [REVIEW_COMMAND] },
      workspace: workspaceFoldersSupported ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
    },
    serverInfo: { name: 'rapport' },
  };
});

connection.onInitialized(() => {
  if (configurationDynamically) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rapport' });
  if (watchFilesDynamically) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
  }
  if (workspaceFoldersSupported) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      settings.roots = settings.roots.filter((root) => !removed.has(root));
      for (const folder of event.added) {
        const root = uriToPath(folder.uri);
        if (root) settings.roots.push(root);
      }
      void settingsChanged(true);
    });
  }
  log(`Rapport server started (workspace: ${settings.roots.join(', ') || 'none'}).`);
  void backgroundScan();
});

const logged = new WeakSet<ScanSummary>();

/** Reviews the whole library in the background, with progress where the client shows it. */
async function backgroundScan(reporter?: WorkDoneProgressReporter): Promise<ScanSummary> {
  if (settings.roots.length === 0) return scanner.summary(0);
  const progress = reporter ?? (await connection.window.createWorkDoneProgress().catch(() => undefined));
  const started = Date.now();
  const summary = await scanner.scanAll(progress);
  if (!logged.has(summary)) {
    logged.add(summary); // a scan replaced by a newer one shares its summary
    log(`Reviewed ${describeSummary(summary)} in ${Date.now() - started} ms.`);
  }
  return summary;
}

function describeSummary(summary: ScanSummary): string {
  const files = `${summary.files} macro file${summary.files === 1 ? '' : 's'}`;
  const rules = Object.entries(summary.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const findings = summary.findings === 0 ? 'no findings' : `${summary.findings} finding${summary.findings === 1 ? '' : 's'} (${rules.map(([rule, n]) => `${rule}: ${n}`).join(', ')})`;
  const skipped = summary.skipped ? `; ${summary.skipped} skipped (too large, binary or unreadable)` : '';
  return `${files}: ${findings}${skipped}`;
}

// Registered by method name so the client's workDoneToken reaches us untouched:
// with one, progress goes to the client's own indicator; without, the server creates one.
connection.onRequest(ExecuteCommandRequest.method, async (params: ExecuteCommandParams) => {
  if (params.command !== REVIEW_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}`);
  const reporter = params.workDoneToken !== undefined ? connection.window.attachWorkDoneProgress(params.workDoneToken) : undefined;
  if (settings.roots.length === 0) {
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: 'Rapport: open a folder to review its macro library; open files are checked as you edit them.' });
    return scanner.summary(0);
  }
  const summary = await backgroundScan(reporter);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Rapport reviewed ${describeSummary(summary)}.` });
  return summary;
});

/**
 * Settings may have changed: re-lint the open documents, and the library if
 * the effective settings differ (VS Code also announces unchanged settings,
 * e.g. right after start-up, and a full rescan then would be wasted work).
 */
async function settingsChanged(forceScan = false): Promise<void> {
  const before = await settings.fingerprint();
  settings.clear();
  for (const document of documents.all()) schedule(document, 0);
  if (forceScan || (await settings.fingerprint()) !== before) await backgroundScan();
}

connection.onDidChangeConfiguration((change) => {
  settings.pushed = (change.settings as { rapport?: unknown } | undefined)?.rapport;
  void settingsChanged();
});

connection.onDidChangeWatchedFiles((change) => {
  // Which files are macros may have changed even where the settings did not: rescan.
  if (change.changes.some((c) => SETTINGS_FILES.has(path.basename(uriToPath(c.uri) ?? c.uri)))) return void settingsChanged(true);
  for (const { uri, type } of change.changes) {
    const file = uriToPath(uri);
    if (!file || !MACRO_FILE.test(file)) continue;
    if (type === FileChangeType.Deleted) scanner.forget(uri);
    else if (!documents.get(uri)) scanner.enqueue(file);
  }
});

/** Lints on the next turn of the event loop: a burst of changes is linted once, at its latest text. */
function schedule(document: TextDocument, delay = document.getText().length > LARGE_DOCUMENT ? LARGE_DOCUMENT_DELAY : 0): void {
  const uri = document.uri;
  pending.get(uri)?.cancel();
  const run = () => {
    pending.delete(uri);
    void validate(uri).catch((error) => log(`Linting ${uri} failed: ${error?.stack ?? error}`));
  };
  if (delay > 0) {
    const timer = setTimeout(run, delay);
    pending.set(uri, { cancel: () => clearTimeout(timer) });
  } else {
    const immediate = setImmediate(run);
    pending.set(uri, { cancel: () => clearImmediate(immediate) });
  }
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const effective = await settings.get(uri);
  const current = documents.get(uri);
  if (!current || current.version !== version) return; // a newer edit is linted instead
  if (!settings.isMacro(uri, effective)) {
    results.set(uri, { version, findings: [] });
    scanner.setCounts(uri, undefined);
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    return;
  }
  const analysis = analyse(current.getText(), current.languageId, effective, (message) => connection.console.error(`${uri}: ${message}`));
  results.set(uri, { version, findings: analysis.findings });
  scanner.setCounts(uri, countByRule(analysis.findings));
  void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(analysis, (offset) => current.positionAt(offset)) });
}

/** Findings that match the document's current text, or none (never act on stale offsets). */
function currentFindings(uri: string): { document: TextDocument; findings: Finding[] } | undefined {
  const document = documents.get(uri);
  const result = results.get(uri);
  if (!document || !result || result.version !== document.version) return undefined;
  return { document, findings: result.findings };
}

/** The findings of the latest text; asked before the lint of the latest edit ran (fix-on-save), lints now. */
async function latestFindings(uri: string): Promise<{ document: TextDocument; findings: Finding[] } | undefined> {
  const current = currentFindings(uri);
  if (current || !documents.get(uri)) return current;
  pending.get(uri)?.cancel();
  pending.delete(uri);
  await validate(uri);
  return currentFindings(uri);
}

connection.onCodeAction(async (params) => {
  const current = await latestFindings(params.textDocument.uri);
  return current ? codeActions(current.document, current.findings, params, editSupport) : [];
});

connection.onHover(async (params) => {
  const current = await latestFindings(params.textDocument.uri);
  return current ? hoverAt(current.document, current.findings, current.document.offsetAt(params.position)) : null;
});

documents.onDidOpen((event) => schedule(event.document, 0));
documents.onDidChangeContent((event) => schedule(event.document));
documents.onDidClose((event) => {
  const uri = event.document.uri;
  pending.get(uri)?.cancel();
  pending.delete(uri);
  results.delete(uri);
  scanner.setCounts(uri, undefined);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  // A workspace macro keeps its place in the Problems panel: lint it again from disk.
  const file = uriToPath(uri);
  if (file && MACRO_FILE.test(file) && settings.rootOf(file)) scanner.enqueue(file);
});

process.on('uncaughtException', (error) => log(`Unexpected error: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => log(`Unexpected error: ${(error as Error)?.stack ?? error}`));

documents.listen(connection);
connection.listen();
