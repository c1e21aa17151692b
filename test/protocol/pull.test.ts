// Pull diagnostics (LSP 3.17) for a client that declares them, as VS Code's
// language client does: document pulls with resultIds, workspace pulls that
// cover unopened macros, refresh requests after changes, and no
// publishDiagnostics at all (the Problems panel would list everything twice).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  WorkDoneProgress,
  WorkspaceDiagnosticRequest,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { PULL_CAPABILITIES, TestClient, tempWorkspace, uriOf } from './client';

const BAD = "Hi {{customer.first_name}},\n\nSorry about the wait. I reset your password, so you can sign in now.\n";
const GOOD = "Hi {{customer.first_name | default: \"there\"}},\n\nI reset your password, so you can sign in now.\n";
const SORRY_ABOUT = { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } };

const apologies = (items: Diagnostic[]) => items.filter((d) => d.code === 'weak-apology');

describe('protocol: pull diagnostics', () => {
  let client: TestClient;
  let root: string;
  const uri = (name: string) => uriOf(root, name);
  /** The resultId the client holds for each file, as an editor keeps them between workspace pulls. */
  const known = new Map<string, string>();

  /** A workspace pull without a partialResultToken: answered once the scan has caught up. */
  async function pullWorkspace(): Promise<Map<string, WorkspaceDocumentDiagnosticReport>> {
    const report = await client.request<WorkspaceDiagnosticReport>(WorkspaceDiagnosticRequest.method, {
      previousResultIds: [...known].map(([uri, value]) => ({ uri, value })),
    });
    return remember(report.items);
  }

  function remember(items: WorkspaceDocumentDiagnosticReport[]): Map<string, WorkspaceDocumentDiagnosticReport> {
    for (const item of items) {
      if (item.resultId === undefined) known.delete(item.uri);
      else known.set(item.uri, item.resultId);
    }
    return new Map(items.map((item) => [item.uri, item]));
  }

  const pullDocument = (name: string, previousResultId?: string) =>
    client.request<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, { textDocument: { uri: uri(name) }, previousResultId });

  function full(report: WorkspaceDocumentDiagnosticReport | DocumentDiagnosticReport | undefined, what: string): Diagnostic[] {
    assert.ok(report, `a report for ${what}`);
    assert.equal(report.kind, 'full', `a full report for ${what}: ${JSON.stringify(report)}`);
    return report.items;
  }

  const notify = (changes: Array<{ name: string; type: FileChangeType }>) =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map((c) => ({ uri: uri(c.name), type: c.type })) });

  before(async () => {
    root = tempWorkspace({
      'shipping/late.md': BAD,
      'shipping/good.md': GOOD,
      'billing/refund.hbs': BAD,
      'README.md': BAD,
    });
    client = await TestClient.start({ workspace: root, capabilities: PULL_CAPABILITIES });
  });
  after(() => {
    client.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('offers document and workspace pulls to a client that declares them', () => {
    assert.deepEqual(client.initializeResult!.capabilities.diagnosticProvider, { identifier: 'rapport', interFileDependencies: false, workspaceDiagnostics: true });
  });

  it('workspace/diagnostic reports every unopened macro file, with a resultId each', async () => {
    const reports = await pullWorkspace();
    const late = reports.get(uri('shipping/late.md'));
    assert.deepEqual(apologies(full(late, 'shipping/late.md')).map((d) => d.range), [SORRY_ABOUT]);
    assert.equal(apologies(full(reports.get(uri('billing/refund.hbs')), 'billing/refund.hbs')).length, 1);
    assert.deepEqual(full(reports.get(uri('shipping/good.md')), 'shipping/good.md'), [], 'a clean macro gets an empty report');
    assert.equal(reports.has(uri('README.md')), false, 'README.md is never a macro');
    for (const item of reports.values()) {
      assert.equal(item.version, null, 'unopened files have no version');
      assert.equal(typeof item.resultId, 'string');
    }
  });

  it('a workspace pull with the previous resultIds gets "unchanged" reports', async () => {
    const before = new Map(known);
    const reports = await pullWorkspace();
    assert.equal(reports.size, 3);
    for (const [uri, item] of reports) {
      assert.equal(item.kind, 'unchanged', uri);
      assert.equal(item.resultId, before.get(uri));
    }
  });

  it('a workspace pull without resultIds gets every report in full again (diagnostics are linted again, not kept)', async () => {
    const report = await client.request<WorkspaceDiagnosticReport>(WorkspaceDiagnosticRequest.method, { previousResultIds: [] });
    const reports = new Map(report.items.map((item) => [item.uri, item]));
    assert.equal(apologies(full(reports.get(uri('shipping/late.md')), 'shipping/late.md')).length, 1);
    assert.equal(reports.get(uri('shipping/late.md'))!.resultId, known.get(uri('shipping/late.md')), 'the same text gets the same resultId');
    assert.equal(apologies(full(reports.get(uri('billing/refund.hbs')), 'billing/refund.hbs')).length, 1);
  });

  it('textDocument/diagnostic answers for a file that is not open too', async () => {
    const report = await pullDocument('shipping/late.md');
    assert.deepEqual(apologies(full(report, 'the unopened file')).map((d) => d.range), [SORRY_ABOUT]);
    assert.deepEqual(await pullDocument('shipping/late.md', report.resultId), { kind: 'unchanged', resultId: report.resultId });
  });

  it('textDocument/diagnostic reports an open document, then "unchanged" for its resultId, then its edits', async () => {
    await client.didOpen(uri('shipping/good.md'), BAD);
    const first = await pullDocument('shipping/good.md');
    assert.deepEqual(apologies(full(first, 'the open document')).map((d) => d.range), [SORRY_ABOUT], 'the unsaved text is linted, not the disk');
    const firstId = first.resultId!;
    assert.equal(typeof firstId, 'string');

    assert.deepEqual(await pullDocument('shipping/good.md', firstId), { kind: 'unchanged', resultId: firstId });

    await client.didChange(uri('shipping/good.md'), GOOD);
    const edited = await pullDocument('shipping/good.md', firstId);
    assert.deepEqual(apologies(full(edited, 'the edited document')), []);
    assert.notEqual(edited.resultId, firstId);

    const reports = await pullWorkspace();
    assert.equal(reports.has(uri('shipping/good.md')), false, 'an open document is left to the document pulls');
  });

  it('after files change on disk it asks for a refresh, and the next pull has the new content', async () => {
    const refreshes = client.refreshes;
    fs.writeFileSync(path.join(root, 'shipping/late.md'), GOOD);
    fs.writeFileSync(path.join(root, 'shipping/new.md'), BAD);
    fs.rmSync(path.join(root, 'billing/refund.hbs'));
    await notify([
      { name: 'shipping/late.md', type: FileChangeType.Changed },
      { name: 'shipping/new.md', type: FileChangeType.Created },
      { name: 'billing/refund.hbs', type: FileChangeType.Deleted },
    ]);
    await client.waitFor(() => client.refreshes > refreshes, 'workspace/diagnostic/refresh after the changes on disk');
    const reports = await pullWorkspace();
    assert.deepEqual(full(reports.get(uri('shipping/late.md')), 'the file fixed on disk'), []);
    assert.equal(apologies(full(reports.get(uri('shipping/new.md')), 'the created file')).length, 1);
    const deleted = reports.get(uri('billing/refund.hbs'));
    assert.deepEqual(full(deleted, 'the deleted file'), [], 'a deleted file is cleared');
    assert.equal(deleted!.resultId, undefined, 'and has no resultId, so it is not asked about again');
    assert.equal(known.has(uri('billing/refund.hbs')), false);
  });

  it('a workspace pull with a partialResultToken stays open and streams what changes, until cancelled', async () => {
    const token = 'workspace-pull-stream';
    const partials = client.progress(WorkspaceDiagnosticRequest.partialResult, token);
    const streamed = (name: string) => partials.flatMap((p) => p.items).filter((item) => item.uri === uri(name));
    const cancel = new CancellationTokenSource();
    const response = client.connection.sendRequest(
      WorkspaceDiagnosticRequest.type,
      { previousResultIds: [...known].map(([uri, value]) => ({ uri, value })), partialResultToken: token },
      cancel.token,
    );
    await client.waitFor(() => partials.length > 0, 'the first partial result');
    assert.ok(
      partials[0].items.every((item) => item.kind === 'unchanged'),
      `nothing changed since the last pull: ${JSON.stringify(partials[0].items)}`,
    );

    // Renamed on disk: the old name is cleared, the new one reported.
    fs.renameSync(path.join(root, 'shipping/new.md'), path.join(root, 'shipping/renamed.md'));
    await notify([
      { name: 'shipping/new.md', type: FileChangeType.Deleted },
      { name: 'shipping/renamed.md', type: FileChangeType.Created },
    ]);
    await client.waitFor(() => streamed('shipping/renamed.md').length > 0 && streamed('shipping/new.md').length > 1, 'reports for the renamed file');
    assert.equal(apologies(full(streamed('shipping/renamed.md').at(-1), 'the renamed file')).length, 1);
    assert.deepEqual(full(streamed('shipping/new.md').at(-1), 'the old name'), []);

    // Closed with unsaved text that had a finding: the file on disk (clean) replaces it.
    await client.didChange(uri('shipping/good.md'), BAD);
    assert.equal(apologies(full(await pullDocument('shipping/good.md'), 'the open document')).length, 1);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri('shipping/good.md') } });
    await client.waitFor(() => streamed('shipping/good.md').length > 0, 'the report from disk once the document is closed');
    assert.deepEqual(full(streamed('shipping/good.md').at(-1), 'the closed document'), []);
    remember(partials.flatMap((p) => p.items));

    cancel.cancel();
    await assert.rejects(response, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
  });

  it('after a settings change it asks for a refresh, and pulls report under the new settings', async () => {
    await client.didOpen(uri('shipping/late.md'), BAD);
    const before = await pullDocument('shipping/late.md');
    assert.equal(apologies(full(before, 'the open document')).length, 1);

    const refreshes = client.refreshes;
    await client.changeSettings({ rules: { 'weak-apology': 'off' } });
    await client.waitFor(() => client.refreshes > refreshes, 'workspace/diagnostic/refresh after the settings change');
    const after = await pullDocument('shipping/late.md', before.resultId);
    assert.deepEqual(apologies(full(after, 'the same text under new settings')), []);

    const reports = await pullWorkspace();
    assert.deepEqual(apologies(full(reports.get(uri('shipping/renamed.md')), 'an unopened file under new settings')), []);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri('shipping/late.md') } });
  });

  it('"Review Library" still reports progress and a summary, and asks for a refresh', async () => {
    const token = 'review-library-pull';
    const progress = client.progress(WorkDoneProgress.type, token);
    const refreshes = client.refreshes;
    const summary = await client.request<{ files: number }>(ExecuteCommandRequest.method, { command: 'rapport.reviewLibrary', arguments: [], workDoneToken: token });
    // shipping/late.md, good.md and renamed.md.
    assert.equal(summary.files, 3);
    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress.at(-1)?.kind, 'end');
    await client.waitFor(() => client.messages.some((m) => m.type === MessageType.Info && /^Rapport reviewed 3 macro files/.test(m.message)), 'the summary message');
    await client.waitFor(() => client.refreshes > refreshes, 'workspace/diagnostic/refresh after the review');
  });

  it('never pushes diagnostics to a client that pulls them', () => {
    assert.deepEqual([...client.diagnostics.keys()], []);
  });
});

describe('protocol: push diagnostics for clients that do not pull', () => {
  it('a client without textDocument.diagnostic gets publishDiagnostics and no diagnosticProvider', async () => {
    const root = tempWorkspace({ 'late.md': BAD });
    const client = await TestClient.start({ workspace: root });
    try {
      assert.equal(client.initializeResult!.capabilities.diagnosticProvider, undefined);
      await client.diagnosticsFor(uriOf(root, 'late.md'), 'pushed diagnostics for an unopened file', (d) => apologies(d).length === 1);
      assert.equal(apologies(await client.open(uriOf(root, 'late.md'), BAD)).length, 1, 'pushed diagnostics for an open document');
    } finally {
      client.kill();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a pull-capable client can ask for pushes (initializationOptions.pullDiagnostics: false)', async () => {
    const root = tempWorkspace({ 'late.md': BAD });
    const client = await TestClient.start({ workspace: root, capabilities: PULL_CAPABILITIES, initializationOptions: { pullDiagnostics: false } });
    try {
      assert.equal(client.initializeResult!.capabilities.diagnosticProvider, undefined);
      await client.diagnosticsFor(uriOf(root, 'late.md'), 'pushed diagnostics for an unopened file', (d) => apologies(d).length === 1);
    } finally {
      client.kill();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
