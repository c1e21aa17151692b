// A large library is scanned in the background without keeping edits waiting:
// the diagnostics of a document typed in during the scan arrive before the
// scan ends (the scan yields between files), pushed or pulled.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  WorkspaceDiagnosticRequest,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { PULL_CAPABILITIES, TestClient, tempWorkspace } from './client';

const FILES = 1000;
const BAD = "Hi {{customer.first_name}},\n\nSorry about the wait. I reset your password, so you can sign in now.\n";

interface Status {
  state: string;
  done?: number;
  findings: number;
}

describe('protocol: large workspace', () => {
  let client: TestClient;
  let root: string;
  const statuses = () => client.notifications.filter((n) => n.method === 'rapport/status').map((n) => n.params as Status);

  before(async () => {
    const files: Record<string, string> = {};
    // Macros of a realistic size (~2 KB), so the scan takes a while.
    const macro = Array.from({ length: 8 }, (_, k) => `## Reply ${k}\n\n${BAD}`).join('\n');
    for (let i = 0; i < FILES; i++) files[`library/${i % 20}/macro-${i}.md`] = macro;
    root = tempWorkspace(files);
    client = await TestClient.start({ workspace: root });
  });
  after(() => {
    client.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers edits while the library scan is still running', async () => {
    await client.waitFor(() => statuses().some((s) => s.state === 'scanning' && (s.done ?? 0) > 0), 'the scan to start linting files');
    const uri = 'file:///virtual/typing.md';
    await client.open(uri, BAD);
    for (let i = 0; i < 5; i++) {
      const diagnostics = await client.change(uri, `${BAD}\nEdit ${i}.\n`);
      assert.ok(diagnostics.some((d) => d.code === 'weak-apology'));
    }
    assert.equal(statuses().at(-1)?.state, 'scanning', 'the edits were linted before the scan finished');
    // "Review Library" during the start-up scan replaces it and reports on the whole library.
    const summary = await client.request<{ files: number; byRule: Record<string, number> }>(ExecuteCommandRequest.method, { command: 'rapport.reviewLibrary', arguments: [] });
    assert.equal(summary.files, FILES);
    assert.ok(summary.byRule['weak-apology'] >= FILES, JSON.stringify(summary));
    await client.waitFor(() => statuses().at(-1)?.state === 'idle', 'the scan to finish', 120_000);
    const published = [...client.diagnostics.keys()].filter((key) => key.includes('/library/'));
    assert.equal(published.length, FILES);
    assert.ok(statuses().at(-1)!.findings >= FILES);
  });
});

describe('protocol: large workspace, pulled', () => {
  it('answers document pulls while a streamed workspace pull is still being filled', async () => {
    const files: Record<string, string> = {};
    const macro = Array.from({ length: 8 }, (_, k) => `## Reply ${k}\n\n${BAD}`).join('\n');
    for (let i = 0; i < FILES; i++) files[`library/${i % 20}/macro-${i}.md`] = macro;
    const root = tempWorkspace(files);
    const client = await TestClient.start({ workspace: root, capabilities: PULL_CAPABILITIES });
    try {
      const token = 'large-workspace-pull';
      const partials = client.progress(WorkspaceDiagnosticRequest.partialResult, token);
      const reported = () => new Set(partials.flatMap((p) => p.items).map((item) => item.uri));
      const cancel = new CancellationTokenSource();
      const response = client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: token }, cancel.token);
      const statuses = () => client.notifications.filter((n) => n.method === 'rapport/status').map((n) => n.params as Status);
      await client.waitFor(() => statuses().some((s) => s.state === 'scanning' && (s.done ?? 0) > 0), 'the scan to start linting files');

      const uri = 'file:///virtual/typing.md';
      await client.didOpen(uri, BAD);
      for (let i = 0; i < 5; i++) {
        await client.didChange(uri, `${BAD}\nEdit ${i}.\n`);
        const report = await client.request<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, { textDocument: { uri } });
        assert.ok(report.kind === 'full' && report.items.some((d) => d.code === 'weak-apology'));
      }
      assert.equal(statuses().at(-1)?.state, 'scanning', 'the pulls were answered before the scan finished');
      assert.ok(reported().size < FILES, 'the workspace pull was still being filled');

      await client.waitFor(() => reported().size === FILES, 'a report for every file in the workspace pull', 120_000);
      assert.deepEqual([...client.diagnostics.keys()], [], 'nothing pushed');
      cancel.cancel();
      await assert.rejects(response);
    } finally {
      client.kill();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
