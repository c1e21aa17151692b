// Runs inside VS Code's extension host, started by ./run.ts (@vscode/test-electron).
// NOT part of CI: see run.ts. The same open-diagnose-fix scenario as
// test/e2e/editor.test.ts, through the vscode API instead of the screen.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const TIMEOUT_MS = 60_000;
const QUICK_FIX_TITLE = /Apologize for what went wrong/i;

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'VS Code was started without the test workspace folder');

  const markdown = vscode.Uri.joinPath(folder, 'late-order.md');
  const apology = await waitForDiagnostic(markdown, 'weak-apology', async () => {
    await vscode.window.showTextDocument(markdown);
  });
  assert.equal(apology.source, 'rapport');
  const lines = (await vscode.workspace.openTextDocument(markdown)).getText().split('\n');
  assert.equal(apology.range.start.line, lines.findIndex((line) => line.startsWith("Sorry 'bout that!")), 'reported where the apology starts');
  await waitForDiagnostic(markdown, 'missing-acknowledgement', async () => undefined);

  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      markdown,
      apology.range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  const fix = actions.find((action) => QUICK_FIX_TITLE.test(action.title));
  assert.ok(fix, `no quick fix matching ${QUICK_FIX_TITLE}; offered: ${JSON.stringify(actions.map((action) => action.title))}`);
  await waitForDiagnostics(markdown, (diagnostics) => !diagnostics.some((d) => codeOf(d) === 'weak-apology'), async () => {
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  });
  const text = (await vscode.workspace.openTextDocument(markdown)).getText();
  assert.match(text, /I apologize for .*Your order left our warehouse this morning\./);
  assert.doesNotMatch(text, /Sorry 'bout that/);

  const handlebars = vscode.Uri.joinPath(folder, 'long-wait.hbs');
  await waitForDiagnostic(handlebars, 'weak-apology', async () => {
    await vscode.window.showTextDocument(handlebars);
  });
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

async function waitForDiagnostic(uri: vscode.Uri, code: string, trigger: () => Promise<void>): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === code), trigger);
  return diagnostics.find((d) => codeOf(d) === code)!;
}

/** Resolves with the file's diagnostics once `done` accepts them; listens before triggering, so no update is missed. */
function waitForDiagnostics(
  uri: vscode.Uri,
  done: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  trigger: () => Promise<void>,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!done(diagnostics)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)} at line ${d.range.start.line + 1}`);
      reject(new Error(`${uri.fsPath}: diagnostics not as expected within ${TIMEOUT_MS / 1000} s; has: ${JSON.stringify(seen)}`));
    }, TIMEOUT_MS);
    trigger().then(() => check(), reject);
  });
}
