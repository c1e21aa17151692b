// The language server: an adapter between LSP and the engine. It lints open
// documents as they change, lints the rest of the workspace's macro library in
// the background, and turns findings into diagnostics, code actions and hovers.
// Diagnostics are pulled (LSP 3.17: textDocument/diagnostic and
// workspace/diagnostic, see lsp/pull.ts) by clients that declare
// textDocument.diagnostic, and pushed (publishDiagnostics) to the others;
// never both to one client, which would list every problem twice.
// Run it with --stdio (any editor) or --node-ipc (VS Code).

import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  ExecuteCommandRequest,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  type ExecuteCommandParams,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './engine';
import { CONFIG_FILE } from './config';
import { IGNORE_FILE } from './cli/files';
import { FIX_ALL_KIND, codeActions, type EditSupport } from './lsp/actions';
import { analyse, countByRule, MACRO_FILE, toDiagnostics, WATCHED_GLOBS, type Analysis } from './lsp/files';
import { hoverAt } from './lsp/hover';
import { cancelled, ResultIds, WorkspaceReports } from './lsp/pull';
import { SettingsStore, uriToPath } from './lsp/settings';
import { contentKey, WorkspaceScanner, type ScanSummary } from './lsp/workspace';

const REVIEW_COMMAND = 'rapport.reviewLibrary';
const SETTINGS_FILES = new Set([CONFIG_FILE, IGNORE_FILE]);
/** Documents above this size wait a moment after a change, so a burst of typing is linted once. */
const LARGE_DOCUMENT = 200 * 1024;
const LARGE_DOCUMENT_DELAY = 100;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const isOpen = (uri: string) => documents.get(uri) !== undefined;
const scanner = new WorkspaceScanner(connection, settings, isOpen);
const resultIds = new ResultIds();
/** The library's reports for workspace pulls (used only when the client pulls). */
const reports = new WorkspaceReports(resultIds, isOpen, {
  settled: () => librarySettled(),
  relint: (uri) => {
    const file = uriToPath(uri);
    if (file) scanner.enqueue(file);
  },
  lint: async (uri) => {
    const file = uriToPath(uri);
    return file && MACRO_FILE.test(file) ? scanner.lintFromDisk(file) : undefined;
  },
});

interface Result extends Analysis {
  version: number;
  /** The settings generation it was linted under (ResultIds.generation). */
  generation: number;
  /** Names the text and settings it was linted from, for pull diagnostics ('' when pushing). */
  resultId: string;
}

/** The latest lint of each open document, for diagnostics, code actions and hovers. */
const results = new Map<string, Result>();
/** Lints scheduled but not yet run; `settled` resolves once it ran or was replaced. */
const pending = new Map<string, { cancel(): void; settled: Promise<void> }>();
const editSupport: EditSupport = { documentChanges: false, snippets: false };
/** Whether the client pulls diagnostics (LSP 3.17) instead of taking them pushed. */
let pullDiagnostics = false;
let refreshSupported = false;
let watchFilesDynamically = false;
let configurationDynamically = false;
let workspaceFoldersSupported = false;

function log(message: string): void {
  connection.console.log(message);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  const options = params.initializationOptions as { statusNotifications?: unknown; pullDiagnostics?: unknown } | undefined;
  scanner.statusNotifications = options?.statusNotifications === true;
  // A client may opt out of pulls (initializationOptions.pullDiagnostics: false), e.g. one that
  // pulls open documents but never the workspace, and so would not list unopened macros.
  pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined && options?.pullDiagnostics !== false;
  refreshSupported = pullDiagnostics && capabilities.workspace?.diagnostics?.refreshSupport === true;
  if (pullDiagnostics) scanner.sink = reports;
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
      diagnosticProvider: pullDiagnostics ? { identifier: 'rapport', interFileDependencies: false, workspaceDiagnostics: true } : undefined,
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
  log(`Rapport server started (workspace: ${settings.roots.join(', ') || 'none'}; diagnostics ${pullDiagnostics ? 'pulled by the editor' : 'pushed'}).`);
  void backgroundScan();
});

const logged = new WeakSet<ScanSummary>();
/** The newest library scan, from before it starts (while its progress indicator is being created). */
let libraryScan: Promise<ScanSummary> | undefined;

/** Resolves once the newest library scan, and every file queued since, is linted. */
async function librarySettled(): Promise<void> {
  while (libraryScan) {
    const scan = libraryScan;
    await scan;
    if (scan === libraryScan) break; // else a newer scan started meanwhile
  }
  await scanner.settled();
}

/** Reviews the whole library in the background, with progress where the client shows it. */
async function backgroundScan(reporter?: WorkDoneProgressReporter): Promise<ScanSummary> {
  if (settings.roots.length === 0) return scanner.summary(0);
  const started = Date.now();
  const scan = (async () => scanner.scanAll(reporter ?? (await connection.window.createWorkDoneProgress().catch(() => undefined))))();
  libraryScan = scan;
  const summary = await scan;
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
  requestRefresh();
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
  // Every earlier result may be stale (the fingerprint covers the workspace folders only).
  resultIds.generation++;
  for (const document of documents.all()) schedule(document, 0);
  const rescan = forceScan || (await settings.fingerprint()) !== before;
  requestRefresh(); // open documents are pulled again at once; the library follows as it is re-linted
  if (rescan) await backgroundScan();
}

let refreshRequested = false;

/** Asks a pulling client to pull again (workspace/diagnostic/refresh), once per burst of changes. */
function requestRefresh(): void {
  if (!refreshSupported || refreshRequested) return;
  refreshRequested = true;
  setImmediate(() => {
    refreshRequested = false;
    connection.languages.diagnostics.refresh().catch((error) => log(`Diagnostic refresh failed: ${error?.message ?? error}`));
  });
}

connection.onDidChangeConfiguration((change) => {
  settings.pushed = (change.settings as { rapport?: unknown } | undefined)?.rapport;
  void settingsChanged();
});

connection.onDidChangeWatchedFiles((change) => {
  // Which files are macros may have changed even where the settings did not: rescan.
  if (change.changes.some((c) => SETTINGS_FILES.has(path.basename(uriToPath(c.uri) ?? c.uri)))) return void settingsChanged(true);
  let libraryChanged = false;
  for (const { uri, type } of change.changes) {
    const file = uriToPath(uri);
    if (!file || !MACRO_FILE.test(file)) continue;
    if (type === FileChangeType.Deleted) scanner.forget(uri);
    else if (!documents.get(uri)) scanner.enqueue(file);
    else continue; // an open document's text comes from the editor, not the disk
    libraryChanged = true;
  }
  // A workspace pull waits for the queued files, so the pull this asks for sees their new content.
  if (libraryChanged) requestRefresh();
});

/** Lints on the next turn of the event loop: a burst of changes is linted once, at its latest text. */
function schedule(document: TextDocument, delay = document.getText().length > LARGE_DOCUMENT ? LARGE_DOCUMENT_DELAY : 0): void {
  const uri = document.uri;
  pending.get(uri)?.cancel();
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const run = () => {
    pending.delete(uri);
    void validate(uri)
      .catch((error) => log(`Linting ${uri} failed: ${error?.stack ?? error}`))
      .finally(settle);
  };
  if (delay > 0) {
    const timer = setTimeout(run, delay);
    pending.set(uri, { cancel: () => (clearTimeout(timer), settle()), settled });
  } else {
    const immediate = setImmediate(run);
    pending.set(uri, { cancel: () => (clearImmediate(immediate), settle()), settled });
  }
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const generation = resultIds.generation;
  const effective = await settings.get(uri);
  const current = documents.get(uri);
  if (!current || current.version !== version) return; // a newer edit is linted instead
  const text = current.getText();
  const macro = settings.isMacro(uri, effective);
  const analysis: Analysis = macro ? analyse(text, current.languageId, effective, (message) => connection.console.error(`${uri}: ${message}`)) : { findings: [] };
  const resultId = pullDiagnostics ? resultIds.of(macro ? contentKey(current.languageId, text) : ['not a macro'], generation) : '';
  results.set(uri, { ...analysis, version, generation, resultId });
  scanner.setCounts(uri, macro ? countByRule(analysis.findings) : undefined);
  if (pullDiagnostics) return; // the client asks for them (textDocument/diagnostic)
  void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(analysis, (offset) => current.positionAt(offset)) });
}

/** The lint of the document's current text under the current settings, or none (never act on stale offsets). */
function currentResult(uri: string): { document: TextDocument; result: Result } | undefined {
  const document = documents.get(uri);
  const result = results.get(uri);
  if (!document || !result || result.version !== document.version || result.generation !== resultIds.generation) return undefined;
  return { document, result };
}

function currentFindings(uri: string): { document: TextDocument; findings: Finding[] } | undefined {
  const current = currentResult(uri);
  return current && { document: current.document, findings: current.result.findings };
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

/**
 * The lint of the latest text, for a document pull: waits for a scheduled lint
 * (so a large document's burst of typing is still linted once), or lints now.
 */
async function pulledResult(uri: string, token: CancellationToken): Promise<{ document: TextDocument; result: Result } | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (token.isCancellationRequested) throw cancelled();
    const current = currentResult(uri);
    if (current || !documents.get(uri)) return current;
    const waiting = pending.get(uri);
    if (waiting) await waiting.settled;
    else await validate(uri);
  }
  return currentResult(uri);
}

connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
  const uri = params.textDocument.uri;
  if (!documents.get(uri)) return reports.closedDocumentReport(uri, params.previousResultId);
  const current = await pulledResult(uri, token);
  if (!current) {
    if (!documents.get(uri)) return reports.closedDocumentReport(uri, params.previousResultId);
    // Still being edited: the client asks again for the newer text.
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was linted.', { retriggerRequest: true });
  }
  const { document, result } = current;
  if (result.resultId === params.previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: toDiagnostics(result, (offset) => document.positionAt(offset)) };
});

connection.languages.diagnostics.onWorkspace((params, token, _workDone, partialResults) => reports.pull(params.previousResultIds, token, partialResults));

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
  // A workspace macro keeps its place in the Problems panel: lint it again from disk.
  const file = uriToPath(uri);
  const workspaceMacro = !!file && MACRO_FILE.test(file) && !!settings.rootOf(file);
  if (pullDiagnostics) reports.closed(uri, workspaceMacro);
  else void connection.sendDiagnostics({ uri, diagnostics: [] });
  if (workspaceMacro) scanner.enqueue(file!);
});

process.on('uncaughtException', (error) => log(`Unexpected error: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => log(`Unexpected error: ${(error as Error)?.stack ?? error}`));

documents.listen(connection);
connection.listen();
