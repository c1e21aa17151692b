// The built server over --stdio: initialize, diagnostics on open and change,
// hover, bad input, shutdown and exit.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionKind, DiagnosticSeverity, ExecuteCommandRequest, HoverRequest, MessageType, TextDocumentSyncKind, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { TestClient } from './client';

const REPLY = "# Password reset\n\nHi {{customer.first_name}},\n\nSorry about the wait. I reset your password, so you can sign in now.\n";
const SORRY_ABOUT = { start: { line: 4, character: 0 }, end: { line: 4, character: 20 } };

describe('protocol: lifecycle and diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.kill());

  it('answers initialize with its capabilities', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.equal(capabilities.textDocumentSync, TextDocumentSyncKind.Incremental);
    assert.equal(capabilities.hoverProvider, true);
    const kinds = (capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes(CodeActionKind.QuickFix), 'quick fixes');
    assert.ok(kinds.includes('source.fixAll.rapport'), 'source.fixAll.rapport for fix-on-save');
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['rapport.reviewLibrary']);
    assert.equal(client.initializeResult!.serverInfo?.name, 'rapport');
  });

  it('publishes diagnostics on open with exact ranges, the rule id, a docs link and source "rapport"', async () => {
    const uri = 'file:///virtual/password-reset.md';
    const diagnostics = await client.open(uri, REPLY);
    const apology = diagnostics.find((d) => d.code === 'weak-apology');
    assert.ok(apology, `a weak-apology diagnostic in ${JSON.stringify(diagnostics)}`);
    assert.deepEqual(apology.range, SORRY_ABOUT);
    assert.equal(apology.source, 'rapport');
    assert.equal(apology.severity, DiagnosticSeverity.Warning);
    assert.match(apology.codeDescription!.href, /docs\/rules\/weak-apology\.md$/);
    assert.match(String(apology.message), /Sorry about/);
  });

  it('publishes new diagnostics for each change, with ranges that follow the edit', async () => {
    const uri = 'file:///virtual/changing.md';
    const first = await client.open(uri, REPLY);
    assert.ok(first.some((d) => d.code === 'weak-apology'));
    // Insert a line above: the finding moves down one line.
    const moved = await client.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'Thanks for writing in.\n' }]);
    const apology = moved.find((d) => d.code === 'weak-apology');
    assert.deepEqual(apology?.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 20 } });
    // Rewrite the apology: the finding goes away.
    const fixed = await client.change(uri, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 21 } }, text: 'I apologize for the wait.' }]);
    assert.equal(fixed.filter((d) => d.code === 'weak-apology').length, 0, JSON.stringify(fixed));
  });

  it('positions are UTF-16 with CRLF and astral characters', async () => {
    const uri = 'file:///virtual/crlf.md';
    const diagnostics = await client.open(uri, 'Hi {{customer.first_name}} 👋,\r\n\r\nThanks 🎉. Sorry about the wait. I reset your password.\r\n');
    const apology = diagnostics.find((d) => d.code === 'weak-apology');
    assert.deepEqual(apology?.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 31 } });
  });

  it('shows the rule\'s reason, a better example and the docs link on hover', async () => {
    const uri = 'file:///virtual/hover.md';
    await client.open(uri, REPLY);
    const hover = await client.request<Hover | null>(HoverRequest.method, { textDocument: { uri }, position: { line: 4, character: 3 } });
    assert.ok(hover, 'a hover on the finding');
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*weak-apology\*\*/);
    assert.match(value, /guide `002_[0-9a-f]+\.txt`/);
    assert.match(value, /Better:/);
    assert.match(value, /\(file:[^)]*docs\/rules\/weak-apology\.md\)/);
    assert.deepEqual(hover.range, SORRY_ABOUT);
    const elsewhere = await client.request<Hover | null>(HoverRequest.method, { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(elsewhere, null);
  });

  it('handles an empty file, binary bytes and an unterminated {{ without crashing', async () => {
    assert.deepEqual(await client.open('file:///virtual/empty.md', ''), []);
    const binary = await client.open('file:///virtual/binary.md', 'PK\u0003\u0004\u0000\u0000\u0001\u0002garbage\u0000\u0000');
    assert.equal(binary.length, 1);
    assert.match(String(binary[0].message), /binary data/);
    assert.equal(binary[0].severity, DiagnosticSeverity.Information);
    const unterminated = await client.open('file:///virtual/broken.hbs', 'Hi {{customer.first_name,\n\nSorry about the wait. I reset your password.\n', 'handlebars');
    assert.ok(unterminated.some((d) => d.code === 'template-syntax'), `a template-syntax finding in ${JSON.stringify(unterminated)}`);
    // Deeply nested unterminated blocks, a parser's worst case.
    const nested = await client.open('file:///virtual/nested.hbs', '{{#if a}} Sorry about that {{ \n'.repeat(2000), 'handlebars');
    assert.ok(Array.isArray(nested));
    assert.ok(client.alive, 'the server is still running');
  });

  it('skips a 5 MB file with a clear notice and stays responsive', async () => {
    const line = 'I reset your password, so you can sign in now.\n';
    const big = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    const diagnostics = await client.open('file:///virtual/huge.md', big);
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /skipped this file: 5\.0 MB is over the limit of 1\.0 MB \(setting rapport\.maxFileSize\)/);
    const after = await client.open('file:///virtual/after-huge.md', REPLY);
    assert.ok(after.some((d) => d.code === 'weak-apology'));
  });

  it('"Review Library" without a folder says what to do', async () => {
    const summary = await client.request<{ files: number }>(ExecuteCommandRequest.method, { command: 'rapport.reviewLibrary', arguments: [] });
    assert.equal(summary.files, 0);
    await client.waitFor(() => client.messages.some((m) => /open a folder to review its macro library/.test(m.message)), 'a message about opening a folder');
  });

  it('never shows an error message for any of this', () => {
    assert.deepEqual(client.messages.filter((m) => m.type === MessageType.Error), []);
  });

  it('shuts down and exits with code 0', async () => {
    assert.equal(await client.stop(), 0);
  });
});
