// Settings over the protocol: the server asks with workspace/configuration,
// re-lints on didChangeConfiguration, reports a broken setting once and
// keeps working; a workspace .rapport.json applies unless a setting overrides it.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, MessageType } from 'vscode-languageserver-protocol/node';
import { TestClient, tempWorkspace, uriOf } from './client';

const REPLY = "Hi {{customer.first_name}},\n\nSorry about the wait. I reset your password, so you can sign in now.\n";
/** What VS Code sends for untouched settings: every default. */
const VSCODE_DEFAULTS = { rules: {}, namePlaceholder: '', library: 'auto', phrases: [], maxFileSize: 1048576, ignore: [], trace: { server: 'off' } };

function apology(diagnostics: { code?: string | number; severity?: number }[]) {
  return diagnostics.find((d) => d.code === 'weak-apology');
}

describe('protocol: settings', () => {
  let client: TestClient | undefined;
  const roots: string[] = [];
  afterEach(() => client?.kill());
  after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it('reads settings with workspace/configuration and re-lints when they change', async () => {
    client = await TestClient.start({ settings: { ...VSCODE_DEFAULTS, rules: { 'weak-apology': 'error' } } });
    const uri = 'file:///virtual/settings.md';
    const first = await client.open(uri, REPLY);
    assert.ok(client.configurationRequests > 0, 'the server asked for its settings');
    assert.equal(apology(first)?.severity, DiagnosticSeverity.Error);

    await client.changeSettings({ ...VSCODE_DEFAULTS, rules: { 'weak-apology': 'hint' } });
    await client.diagnosticsFor(uri, 'weak-apology as a hint after the settings change', (d) => apology(d)?.severity === DiagnosticSeverity.Hint);

    await client.changeSettings({ ...VSCODE_DEFAULTS, rules: { 'weak-apology': 'off' } });
    const off = await client.diagnosticsFor(uri, 'no weak-apology once it is off', (d) => !apology(d));
    assert.ok(off.every((d) => d.code !== 'weak-apology'));
  });

  it('reports a broken setting once, clearly, ignores it and keeps linting', async () => {
    const broken = { ...VSCODE_DEFAULTS, rules: { 'weak-apology': 'loud', 'no-such-rule': 'off' }, library: 'many', maxFileSize: -3 };
    client = await TestClient.start({ settings: broken });
    const uri = 'file:///virtual/broken-settings.md';
    const diagnostics = await client.open(uri, REPLY);
    assert.equal(apology(diagnostics)?.severity, DiagnosticSeverity.Warning, 'the rule runs at its default severity');
    await client.waitFor(() => client!.messages.length >= 4, 'a message per broken setting');
    const texts = client.messages.map((m) => m.message);
    assert.ok(client.messages.every((m) => m.type === MessageType.Warning));
    assert.ok(texts.some((t) => /rules\.weak-apology must be one of error, warning, info, hint, off; found "loud"/.test(t)), texts.join('\n'));
    assert.ok(texts.some((t) => /unknown rule "no-such-rule"/.test(t)), texts.join('\n'));
    assert.ok(texts.some((t) => /"library" must be "auto", "single" or "headings"; found "many"/.test(t)), texts.join('\n'));
    assert.ok(texts.some((t) => /"maxFileSize" must be a positive number/.test(t)), texts.join('\n'));

    // The same problem again is logged, not shown again.
    const shown = client.messages.length;
    await client.changeSettings({ ...broken });
    await client.waitFor(() => client!.configurationRequests >= 2 && client!.diagnostics.get(uri) !== undefined, 'settings read again');
    await client.change(uri, REPLY + '\n');
    assert.equal(client.messages.length, shown);
    assert.ok(client.alive);
  });

  it('applies a workspace .rapport.json; editor defaults do not override it, explicit settings do', async () => {
    const root = tempWorkspace({ '.rapport.json': JSON.stringify({ $schema: './schema.json', rules: { 'weak-apology': 'error' } }) });
    roots.push(root);
    client = await TestClient.start({ workspace: root, settings: VSCODE_DEFAULTS });
    const uri = uriOf(root, 'reply.md');
    assert.equal(apology(await client.open(uri, REPLY))?.severity, DiagnosticSeverity.Error);
    await client.changeSettings({ ...VSCODE_DEFAULTS, rules: { 'weak-apology': 'info' } });
    await client.diagnosticsFor(uri, 'the editor setting wins over .rapport.json', (d) => apology(d)?.severity === DiagnosticSeverity.Information);
  });

  it('reports a broken .rapport.json, lints with the defaults, and picks up the repaired file', async () => {
    const root = tempWorkspace({ '.rapport.json': '{ "rules": { "weak-apology": "off", } ' });
    roots.push(root);
    client = await TestClient.start({ workspace: root, settings: VSCODE_DEFAULTS });
    const uri = uriOf(root, 'reply.md');
    assert.equal(apology(await client.open(uri, REPLY))?.severity, DiagnosticSeverity.Warning);
    await client.waitFor(() => client!.messages.some((m) => /\.rapport\.json: is not valid JSON/.test(m.message)), 'a message about the broken .rapport.json');

    fs.writeFileSync(path.join(root, '.rapport.json'), JSON.stringify({ rules: { 'weak-apology': 'off' } }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(root, '.rapport.json'), type: FileChangeType.Changed }] });
    await client.diagnosticsFor(uri, 'weak-apology off after .rapport.json is repaired', (d) => !apology(d));
  });

  it('applies the team\'s phrases from .rapport.json and the user\'s from the editor together', async () => {
    const root = tempWorkspace({ '.rapport.json': JSON.stringify({ phrases: [{ phrase: 'ASAP', preferred: 'by the end of the day' }] }) });
    roots.push(root);
    client = await TestClient.start({ workspace: root, settings: { ...VSCODE_DEFAULTS, phrases: [{ phrase: 'kindly note', message: 'Say it plainly.' }] } });
    const text = 'Hi {{customer.first_name}},\n\nKindly note that I will reset your password ASAP.\n';
    const diagnostics = (await client.open(uriOf(root, 'reply.md'), text)).filter((d) => d.code === 'team-phrase');
    assert.deepEqual(diagnostics.map((d) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)), ['Kindly note', 'ASAP']);
    assert.match(String(diagnostics[0].message), /Say it plainly\./);
  });

  it('does not lint files that are not macros: README.md & co, and the ignore globs of both settings', async () => {
    const root = tempWorkspace({ '.rapport.json': JSON.stringify({ ignore: ['drafts/**'] }) });
    roots.push(root);
    client = await TestClient.start({ workspace: root, settings: { ...VSCODE_DEFAULTS, ignore: ['*.tmp.md'] } });
    assert.deepEqual(await client.open(uriOf(root, 'drafts/reply.md'), REPLY), []);
    assert.deepEqual(await client.open(uriOf(root, 'macros/reply.tmp.md'), REPLY), []);
    assert.deepEqual(await client.open(uriOf(root, 'README.md'), REPLY), []);
    assert.deepEqual(await client.open(uriOf(root, 'docs/CHANGELOG.md'), REPLY), []);
    assert.ok(apology(await client.open(uriOf(root, 'macros/reply.md'), REPLY)));
  });
});
