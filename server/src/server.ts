// The language server: an adapter between LSP and the engine. It keeps the
// open documents, lints them as they change, and turns findings into
// diagnostics and fixes into code actions.

import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeActionParams,
  type InitializeParams,
  type InitializeResult,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type Finding, type Severity, type Fix } from './engine';
import { CONFIG_FILE, DEFAULT_MAX_FILE_SIZE, looksBinary, mergeConfigs, readConfigFile, validateConfig, type RapportConfig } from './config';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** Where the rule pages ship: beside the bundle in the extension (server/out/../../docs). */
const DOCS_ROOT = path.resolve(__dirname, '..', '..', 'docs', 'rules');
/** Documents above this size wait a little after a change, so typing in them is not slowed down. */
const LARGE_DOCUMENT = 200 * 1024;

let supportsConfiguration = false;
let pushedSettings: unknown;
const settingsCache = new Map<string, Promise<RapportConfig>>();
const results = new Map<string, { version: number; findings: Finding[] }>();
const pending = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
const reported = new Set<string>();
let workspaceRoots: string[] = [];

function log(message: string): void {
  connection.console.log(message);
}

/** Tells the user about a settings problem once, and logs it each time it is met. */
function reportProblems(problems: string[]): void {
  for (const problem of problems) {
    log(`Settings: ${problem}`);
    if (!reported.has(problem)) {
      reported.add(problem);
      void connection.window.showWarningMessage(`Rapport: ${problem}`);
    }
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  workspaceRoots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (workspaceRoots.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) workspaceRoots.push(root);
  }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'rapport' },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rapport' });
  }
  log(`Rapport server started (workspace: ${workspaceRoots.join(', ') || 'none'}).`);
});

connection.onDidChangeConfiguration((change) => {
  pushedSettings = (change.settings as { rapport?: unknown } | undefined)?.rapport;
  settingsCache.clear();
  for (const document of documents.all()) schedule(document, 0);
});

connection.onDidChangeWatchedFiles((change) => {
  if (change.changes.some((c) => c.uri.endsWith(CONFIG_FILE))) {
    settingsCache.clear();
    for (const document of documents.all()) schedule(document, 0);
  }
});

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The workspace's .rapport.json under the editor's settings for one document. */
function settingsFor(uri: string): Promise<RapportConfig> {
  let cached = settingsCache.get(uri);
  if (!cached) {
    cached = (async () => {
      const file = uriToPath(uri);
      const root = file ? workspaceRoots.find((r) => file.startsWith(r + path.sep)) ?? path.dirname(file) : workspaceRoots[0];
      const fromFile = root ? readConfigFile(path.join(root, CONFIG_FILE)) : { config: {}, problems: [] };
      let raw: unknown = pushedSettings;
      if (supportsConfiguration) {
        try {
          raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'rapport' });
        } catch (error) {
          log(`Could not read settings: ${(error as Error).message}`);
        }
      }
      const fromEditor = validateConfig(editorSettings(raw), 'VS Code setting rapport');
      reportProblems([...fromFile.problems, ...fromEditor.problems]);
      return mergeConfigs(fromFile.config, fromEditor.config);
    })();
    settingsCache.set(uri, cached);
  }
  return cached;
}

/** VS Code's settings carry defaults and editor-only keys; keep what the engine reads. */
function editorSettings(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const { rules, namePlaceholder, library, phrases, maxFileSize, ignore } = raw as Record<string, unknown>;
  const picked: Record<string, unknown> = { rules, namePlaceholder, library, phrases, maxFileSize, ignore };
  if (Array.isArray(phrases) && phrases.length === 0) delete picked.phrases;
  if (Array.isArray(ignore) && ignore.length === 0) delete picked.ignore;
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined && v !== null));
}

function schedule(document: TextDocument, delay = document.getText().length > LARGE_DOCUMENT ? 150 : 0): void {
  const uri = document.uri;
  const previous = pending.get(uri);
  if (previous) {
    clearTimeout(previous as NodeJS.Timeout);
    clearImmediate(previous as NodeJS.Immediate);
  }
  // Changes that arrive before the lint runs are folded into one lint of the latest text.
  const run = () => {
    pending.delete(uri);
    void validate(uri);
  };
  pending.set(uri, delay > 0 ? setTimeout(run, delay) : setImmediate(run));
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const config = await settingsFor(uri);
  const current = documents.get(uri);
  if (!current || current.version !== version) return; // a newer edit will be linted instead
  const text = current.getText();
  const diagnostics: Diagnostic[] = [];
  let findings: Finding[] = [];
  const maxSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxSize) {
    diagnostics.push(notice(`Rapport skipped this file: ${formatSize(text.length)} is over the limit of ${formatSize(maxSize)} (setting rapport.maxFileSize).`));
  } else if (looksBinary(text)) {
    diagnostics.push(notice('Rapport skipped this file: it holds binary data, not a macro.'));
  } else {
    try {
      findings = lint(text, current.languageId, config).findings;
    } catch (error) {
      log(`Linting ${uri} failed: ${(error as Error).stack ?? error}`);
    }
  }
  results.set(uri, { version, findings });
  for (const finding of findings) diagnostics.push(toDiagnostic(current, finding));
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function notice(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'rapport', message };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function docsUri(rule: string): string {
  return pathToFileURL(path.join(DOCS_ROOT, `${rule}.md`)).toString();
}

function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    source: 'rapport',
    code: finding.rule,
    codeDescription: { href: docsUri(finding.rule) },
    message: finding.message,
    data: { start: finding.start, end: finding.end, rule: finding.rule },
  };
}

function toLspEdits(document: TextDocument, fix: Fix): LspTextEdit[] {
  return fix.edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText }));
}

connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
  const document = documents.get(params.textDocument.uri);
  const result = results.get(params.textDocument.uri);
  if (!document || !result || result.version !== document.version) return [];
  const actions: CodeAction[] = [];
  const from = document.offsetAt(params.range.start);
  const to = document.offsetAt(params.range.end);
  for (const finding of result.findings) {
    if (finding.end < from || finding.start > to) continue;
    const diagnostic = toDiagnostic(document, finding);
    finding.fixes.forEach((fix, i) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && fix.preferred === true,
        edit: { changes: { [document.uri]: toLspEdits(document, fix) } },
      });
    });
    actions.push(disableLineAction(document, finding, diagnostic));
  }
  return actions;
});

/** "Disable <rule> for this line": a comment on the line above, in the file's own comment syntax. */
function disableLineAction(document: TextDocument, finding: Finding, diagnostic: Diagnostic): CodeAction {
  const line = document.positionAt(finding.start).line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = lineText.endsWith('\r\n') ? '\r\n' : '\n';
  const comment = document.languageId === 'handlebars' ? `{{!-- rapport-disable-next-line ${finding.rule} --}}` : `<!-- rapport-disable-next-line ${finding.rule} -->`;
  return {
    title: `Disable ${finding.rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}${eol}` }] } },
  };
}

documents.onDidOpen((event) => schedule(event.document, 0));
documents.onDidChangeContent((event) => schedule(event.document));
documents.onDidClose((event) => {
  results.delete(event.document.uri);
  settingsCache.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

process.on('uncaughtException', (error) => log(`Unexpected error: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => log(`Unexpected error: ${(error as Error)?.stack ?? error}`));

documents.listen(connection);
connection.listen();
