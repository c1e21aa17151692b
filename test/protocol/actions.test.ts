// Code actions over the protocol: a fix applied re-lints clean, fix all of a
// rule, source.fixAll.rapport, fill-ins never applied unattended, snippet tab
// stops where the client takes them, and disable comments.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DidChangeTextDocumentNotification, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit, TestClient } from './client';

const REPLY = "# Password reset\n\nHi {{customer.first_name}},\n\nSorry about the wait. I reset your password, so you can sign in now.\n\nSorry, but the link expires in an hour.\n";
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

function apologies(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'weak-apology');
}

describe('protocol: code actions', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.kill());

  async function actionsAt(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    const diagnostics = client.diagnostics.get(uri)?.diagnostics ?? [];
    return client.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  it('offers the fix first, and applying it leaves text that re-lints without that finding', async () => {
    const uri = 'file:///virtual/fix-one.md';
    const diagnostics = await client.open(uri, REPLY);
    const first = apologies(diagnostics)[0];
    const actions = await actionsAt(uri, first.range);
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.title, 'Rewrite as "I apologize for the wait."');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.diagnostics?.[0].code, 'weak-apology');
    const text = applyWorkspaceEdit(REPLY, uri, fix.edit);
    assert.match(text, /^I apologize for the wait\. I reset your password/m);
    const relinted = await client.change(uri, text);
    assert.equal(apologies(relinted).length, 1, 'only the other apology is left');
    assert.equal(apologies(relinted)[0].range.start.line, 6);
  });

  it('offers "Fix all weak-apology in this file", "Disable … for this line" and "for this file"', async () => {
    const uri = 'file:///virtual/fix-all-rule.md';
    const diagnostics = await client.open(uri, REPLY);
    const actions = await actionsAt(uri, apologies(diagnostics)[0].range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Fix all weak-apology in this file'), titles.join(' | '));
    assert.ok(titles.includes('Disable weak-apology for this line'), titles.join(' | '));
    assert.ok(titles.includes('Disable weak-apology for this file'), titles.join(' | '));

    const fixAll = actions.find((a) => a.title === 'Fix all weak-apology in this file')!;
    const fixed = applyWorkspaceEdit(REPLY, uri, fixAll.edit);
    assert.match(fixed, /I apologize for the wait\./);
    assert.match(fixed, /I'm sorry that the link expires in an hour\./);
    // The two fixed phrases are gone (two full apologies may still count as one too many).
    assert.deepEqual(apologies(await client.change(uri, fixed)).filter((d) => /"Sorry/.test(String(d.message))), []);
  });

  it('disables a rule for a line and for the file with comments the engine honours', async () => {
    const uri = 'file:///virtual/disable.md';
    const text = `---\ntitle: Password reset\n---\n${REPLY}`;
    const diagnostics = await client.open(uri, text);
    const actions = await actionsAt(uri, apologies(diagnostics)[0].range);
    const line = applyWorkspaceEdit(text, uri, actions.find((a) => a.title === 'Disable weak-apology for this line')!.edit);
    assert.match(line, /\n<!-- rapport-disable-next-line weak-apology -->\nSorry about the wait/);
    assert.equal(apologies(await client.change(uri, line)).length, 1);

    const file = applyWorkspaceEdit(text, uri, actions.find((a) => a.title === 'Disable weak-apology for this file')!.edit);
    assert.ok(file.startsWith('---\ntitle: Password reset\n---\n<!-- rapport-disable-file weak-apology -->\n'), file);
    assert.deepEqual(apologies(await client.change(uri, file)), []);
  });

  it('writes Handlebars comments in .hbs files', async () => {
    const uri = 'file:///virtual/disable.hbs';
    const diagnostics = await client.open(uri, REPLY, 'handlebars');
    const actions = await actionsAt(uri, apologies(diagnostics)[0].range);
    const line = applyWorkspaceEdit(REPLY, uri, actions.find((a) => a.title === 'Disable weak-apology for this line')!.edit);
    assert.match(line, /\{\{!-- rapport-disable-next-line weak-apology --\}\}\nSorry about/);
  });

  it('source.fixAll.rapport returns the edit directly and never applies a fill-in', async () => {
    const uri = 'file:///virtual/fix-all.md';
    const text = `${REPLY}\nSorry for any inconvenience.\n`;
    const diagnostics = await client.open(uri, text);
    assert.equal(apologies(diagnostics).length, 3, JSON.stringify(diagnostics));
    const actions = await actionsAt(uri, WHOLE, ['source.fixAll']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.rapport');
    assert.ok(actions[0].edit, 'the edit comes with the action (no resolve round trip)');
    const fixed = applyWorkspaceEdit(text, uri, actions[0].edit);
    assert.match(fixed, /I apologize for the wait\./);
    assert.match(fixed, /I'm sorry that the link expires/);
    assert.ok(!fixed.includes('[['), `no fill-in inserted unattended:\n${fixed}`);
    assert.match(fixed, /Sorry for any inconvenience\./, 'the finding whose fix needs the author\'s words is left for the author');
    const relinted = await client.change(uri, fixed);
    assert.deepEqual(apologies(relinted).filter((d) => /"Sorry about|"Sorry, but/.test(String(d.message))), []);
    // The quick-fix list does not include source actions unless asked.
    const quickFixes = await actionsAt(uri, WHOLE, ['quickfix']);
    assert.ok(quickFixes.length > 0 && quickFixes.every((a) => a.kind === 'quickfix'));
  });

  it('fix-on-save right after an edit fixes the latest text', async () => {
    const uri = 'file:///virtual/fix-on-save.md';
    await client.open(uri, 'Hi {{customer.first_name}},\n\nI reset your password, so you can sign in now.\n');
    // A large document (its lint waits a moment after each change), so the request surely comes first.
    const edited = REPLY + '\nI reset your password, so you can sign in now.\n'.repeat(5000);
    // The edit and the save's fix-all request go out back to back, as when typing then saving at once.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const [action] = await client.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only: ['source.fixAll'] } });
    const change = action.edit!.documentChanges![0] as { textDocument: { version: number } };
    assert.equal(change.textDocument.version, 2);
    assert.match(applyWorkspaceEdit(edited, uri, action.edit), /I apologize for the wait\./);
  });

  it('edits carry the document version, so a stale edit is refused by the editor', async () => {
    const uri = 'file:///virtual/versioned.md';
    const diagnostics = await client.open(uri, REPLY);
    const [action] = (await actionsAt(uri, apologies(diagnostics)[0].range)).filter((a) => a.isPreferred);
    const change = action.edit!.documentChanges![0] as { textDocument: { version: number } };
    assert.equal(change.textDocument.version, client.version(uri));
  });
});

describe('protocol: snippet edits', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({
      capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } },
    });
  });
  after(() => client.kill());

  it('turns a fill-in into a selected tab stop when the client takes snippet edits', async () => {
    const uri = 'file:///virtual/snippet.md';
    const text = 'Hi {{customer.first_name}},\n\nSorry for any inconvenience. I reset your password, so you can sign in now.\n';
    const diagnostics = await client.open(uri, text);
    const apology = apologies(diagnostics)[0];
    const actions = await client.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range: apology.range, context: { diagnostics } });
    const fix = actions.find((a) => a.title.startsWith('Apologize for what went wrong'))!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.notEqual(fix.isPreferred, true, 'a fix that needs the author\'s words is not applied as the preferred fix');
    const edit = (fix.edit!.documentChanges![0] as { edits: Array<{ snippet?: { kind: string; value: string } }> }).edits[0];
    assert.deepEqual(edit.snippet, { kind: 'snippet', value: 'I apologize for ${1:what went wrong}.' });
    // Text that is not a fill-in is escaped for the snippet syntax.
    const second = actions.find((a) => a.title.startsWith('Apologize for the broken promise'))!;
    const value = (second.edit!.documentChanges![0] as { edits: Array<{ snippet: { value: string } }> }).edits[0].snippet.value;
    assert.equal(value, "I'm sorry you haven't received ${1:what was promised} as promised, {{customer.first_name\\}\\}.");
  });
});
