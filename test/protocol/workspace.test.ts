// The macro library in the Problems panel, opened or not: the background scan
// publishes diagnostics for every macro file, follows changes on disk, and
// "Review Library" reports progress and a summary.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  ExecuteCommandRequest,
  FileChangeType,
  MessageType,
  WorkDoneProgress,
  type DidChangeWatchedFilesRegistrationOptions,
} from 'vscode-languageserver-protocol/node';
import { TestClient, tempWorkspace, uriOf } from './client';

const BAD = "Hi {{customer.first_name}},\n\nSorry about the wait. I reset your password, so you can sign in now.\n";
const GOOD = "Hi {{customer.first_name | default: \"there\"}},\n\nI reset your password, so you can sign in now.\n";

describe('protocol: workspace diagnostics', () => {
  let client: TestClient;
  let root: string;
  const uri = (name: string) => uriOf(root, name);
  const apologies = (name: string) => (client.diagnostics.get(uri(name))?.diagnostics ?? []).filter((d) => d.code === 'weak-apology');

  before(async () => {
    root = tempWorkspace({
      '.rapport.json': JSON.stringify({ maxFileSize: 4000 }),
      'shipping/late.md': BAD,
      'shipping/good.md': GOOD,
      'billing/refund.hbs': BAD,
      'README.md': BAD,
      'node_modules/some-package/notes.md': BAD,
      'notes.txt': BAD,
      'archive/big.md': BAD.repeat(60),
    });
    client = await TestClient.start({ workspace: root });
  });
  after(() => {
    client.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes diagnostics for macro files that were never opened', async () => {
    await client.diagnosticsFor(uri('shipping/late.md'), 'diagnostics for shipping/late.md without opening it', (d) => d.some((x) => x.code === 'weak-apology'));
    await client.diagnosticsFor(uri('billing/refund.hbs'), 'diagnostics for billing/refund.hbs', (d) => d.some((x) => x.code === 'weak-apology'));
    const big = await client.diagnosticsFor(uri('archive/big.md'), 'a notice for the file over maxFileSize');
    assert.match(String(big[0].message), /skipped this file: \d+ KB is over the limit of 4 KB/);
    await client.waitFor(() => client.notifications.some((n) => n.method === 'rapport/status' && (n.params as { state: string }).state === 'idle'), 'the scan to finish');
    for (const name of ['README.md', 'node_modules/some-package/notes.md', 'notes.txt', 'shipping/good.md']) {
      assert.equal(client.diagnostics.get(uri(name)), undefined, `${name} is not reported`);
    }
  });

  it('asks the client to watch macro files and .rapport.json', () => {
    const watchers = client.registrations.filter((r) => r.method === DidChangeWatchedFilesNotification.method);
    assert.equal(watchers.length, 1);
    const globs = (watchers[0].registerOptions as DidChangeWatchedFilesRegistrationOptions).watchers.map((w) => w.globPattern);
    assert.deepEqual(globs, ['**/*.{md,markdown,hbs,handlebars}', '**/.rapport.json', '**/.rapportignore']);
  });

  it('tells the client the totals for its status bar', () => {
    const statuses = client.notifications.filter((n) => n.method === 'rapport/status').map((n) => n.params as { state: string; findings: number });
    assert.ok(statuses.some((s) => s.state === 'scanning'), 'a scanning state');
    const last = statuses.at(-1)!;
    assert.equal(last.state, 'idle');
    assert.ok(last.findings >= 2, JSON.stringify(last));
  });

  it('follows files created, changed, renamed and deleted on disk', async () => {
    const notify = (changes: Array<{ uri: string; type: FileChangeType }>) => client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    fs.writeFileSync(path.join(root, 'shipping/new.md'), BAD);
    await notify([{ uri: uri('shipping/new.md'), type: FileChangeType.Created }]);
    await client.waitFor(() => apologies('shipping/new.md').length === 1, 'diagnostics for a created file');

    fs.writeFileSync(path.join(root, 'shipping/late.md'), GOOD);
    await notify([{ uri: uri('shipping/late.md'), type: FileChangeType.Changed }]);
    await client.waitFor(() => apologies('shipping/late.md').length === 0, 'diagnostics cleared for a file fixed on disk');

    fs.renameSync(path.join(root, 'shipping/new.md'), path.join(root, 'shipping/renamed.md'));
    await notify([
      { uri: uri('shipping/new.md'), type: FileChangeType.Deleted },
      { uri: uri('shipping/renamed.md'), type: FileChangeType.Created },
    ]);
    await client.waitFor(() => apologies('shipping/new.md').length === 0 && apologies('shipping/renamed.md').length === 1, 'diagnostics moved with the renamed file');

    fs.rmSync(path.join(root, 'billing/refund.hbs'));
    await notify([{ uri: uri('billing/refund.hbs'), type: FileChangeType.Deleted }]);
    await client.waitFor(() => client.diagnostics.get(uri('billing/refund.hbs'))?.diagnostics.length === 0, 'diagnostics cleared for a deleted file');
  });

  it('an open document is linted live, and from disk again once closed', async () => {
    await client.open(uri('shipping/good.md'), BAD);
    assert.equal(apologies('shipping/good.md').length, 1, 'the unsaved text is linted');
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri('shipping/good.md') } });
    await client.waitFor(() => client.diagnostics.get(uri('shipping/good.md'))?.diagnostics.length === 0, 'the file on disk (clean) once closed');
  });

  it('"Review Library" scans everything with progress and shows a summary', async () => {
    const token = 'review-library-1';
    const progress: Array<{ kind: string; message?: string; percentage?: number }> = [];
    const listener = client.connection.onProgress(WorkDoneProgress.type, token, (value) => void progress.push(value));
    const summary = await client.request<{ files: number; findings: number; skipped: number; byRule: Record<string, number> }>(ExecuteCommandRequest.method, {
      command: 'rapport.reviewLibrary',
      arguments: [],
      workDoneToken: token,
    });
    listener.dispose();
    // shipping/late.md (now clean), good.md, renamed.md, archive/big.md.
    assert.equal(summary.files, 4);
    assert.equal(summary.skipped, 1);
    assert.equal(summary.byRule['weak-apology'], 1, JSON.stringify(summary));
    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress.at(-1)?.kind, 'end');
    await client.waitFor(() => client.messages.some((m) => m.type === MessageType.Info && /^Rapport reviewed 4 macro files: \d+ findings? \(.*weak-apology: 1/.test(m.message)), 'the summary message');
    assert.ok(client.logs.some((l) => /^Reviewed 4 macro files/.test(l)), 'the summary is logged');
  });

  it('re-lints the library when .rapport.json changes', async () => {
    fs.writeFileSync(path.join(root, '.rapport.json'), JSON.stringify({ maxFileSize: 4000, rules: { 'weak-apology': 'off' } }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('.rapport.json'), type: FileChangeType.Changed }] });
    await client.waitFor(() => apologies('shipping/renamed.md').length === 0, 'weak-apology gone from closed files once it is off');
  });
});

describe('protocol: workspace folders', () => {
  it('follows folders added to and removed from the workspace', async () => {
    const first = tempWorkspace({ 'late.md': BAD });
    const second = tempWorkspace({ 'refund.md': BAD });
    const client = await TestClient.start({
      workspace: first,
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      statusNotifications: false,
    });
    try {
      await client.diagnosticsFor(uriOf(first, 'late.md'), 'diagnostics for the first folder', (d) => d.some((x) => x.code === 'weak-apology'));
      await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
        event: { added: [{ uri: pathToFileURL(second).toString(), name: 'second' }], removed: [{ uri: pathToFileURL(first).toString(), name: 'first' }] },
      });
      await client.diagnosticsFor(uriOf(second, 'refund.md'), 'diagnostics for the added folder', (d) => d.some((x) => x.code === 'weak-apology'));
      await client.diagnosticsFor(uriOf(first, 'late.md'), 'diagnostics cleared for the removed folder', (d) => d.length === 0);
      assert.deepEqual(client.notifications.filter((n) => n.method === 'rapport/status'), [], 'no status notifications unless asked for');
    } finally {
      client.kill();
      fs.rmSync(first, { recursive: true, force: true });
      fs.rmSync(second, { recursive: true, force: true });
    }
  });
});

describe('protocol: .rapportignore', () => {
  it('skips what .rapportignore lists, as the CLI does, and follows changes to it', async () => {
    const root = tempWorkspace({ '.rapportignore': 'drafts/\n', 'drafts/wip.md': BAD, 'live.md': BAD });
    const client = await TestClient.start({ workspace: root });
    try {
      await client.diagnosticsFor(uriOf(root, 'live.md'), 'diagnostics for live.md', (d) => d.some((x) => x.code === 'weak-apology'));
      await client.waitFor(() => client.notifications.some((n) => n.method === 'rapport/status' && (n.params as { state: string }).state === 'idle'), 'the scan to finish');
      assert.equal(client.diagnostics.get(uriOf(root, 'drafts/wip.md')), undefined, 'an ignored folder is not scanned');
      assert.deepEqual(await client.open(uriOf(root, 'drafts/wip.md'), BAD), [], 'an ignored file is not linted when opened');
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(root, 'drafts/wip.md') } });

      fs.writeFileSync(path.join(root, '.rapportignore'), 'live.md\n');
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(root, '.rapportignore'), type: FileChangeType.Changed }] });
      await client.diagnosticsFor(uriOf(root, 'drafts/wip.md'), 'drafts/wip.md linted once no longer ignored', (d) => d.some((x) => x.code === 'weak-apology'));
      await client.diagnosticsFor(uriOf(root, 'live.md'), 'live.md cleared once ignored', (d) => d.length === 0);
    } finally {
      client.kill();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
