// The VS Code side: starts the bundled language server over IPC for Markdown
// and Handlebars macros, and shows Rapport's state in the status bar. The
// server does the work: "Rapport: Review Library" is its command
// (rapport.reviewLibrary, registered by the language client).

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

interface Status {
  state: 'idle' | 'scanning';
  findings: number;
  files: number;
  done?: number;
  total?: number;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Rapport', { log: true });
  const statusItem = vscode.window.createStatusBarItem('rapport.status', vscode.StatusBarAlignment.Left, 0);
  statusItem.name = 'Rapport';
  statusItem.command = 'workbench.actions.view.problems';
  showStatus(statusItem, 'starting');
  statusItem.show();
  context.subscriptions.push(output, statusItem);

  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['markdown', 'handlebars'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // The server registers its own file watchers (macro files and .rapport.json).
    initializationOptions: { statusNotifications: true },
    // Diagnostics are pulled (LSP 3.17): an open macro on open and after each
    // change, and the whole library through one workspace pull that the server
    // holds open and streams into (server/src/lsp/pull.ts). A save or a change
    // of focus leaves the text as it was, so those pulls could only come back
    // "unchanged"; tabs that were never loaded are covered by the workspace pull.
    // No filter: the document selector already keeps to macros in files and
    // untitled buffers, and the server answers a large document's burst of
    // changes once, after its short debounce.
    diagnosticPullOptions: { onChange: true, onSave: false, onFocus: false, onTabs: false },
    outputChannel: output,
  };
  client = new LanguageClient('rapport', 'Rapport', serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Stopped) showStatus(statusItem, 'stopped');
  });
  context.subscriptions.push(
    client.onNotification('rapport/status', (status: Status) => showStatus(statusItem, status)),
    vscode.commands.registerCommand('rapport.restartServer', async () => {
      output.info('Restarting the Rapport server…');
      showStatus(statusItem, 'starting');
      await client?.restart();
    }),
    vscode.commands.registerCommand('rapport.showOutput', () => output.show(true)),
  );
  await client.start();
}

function showStatus(item: vscode.StatusBarItem, status: Status | 'starting' | 'stopped'): void {
  if (status === 'starting') {
    item.text = '$(loading~spin) Rapport';
    item.tooltip = 'Rapport is starting';
  } else if (status === 'stopped') {
    item.text = '$(circle-slash) Rapport';
    item.tooltip = 'The Rapport server stopped: run "Rapport: Restart Server"';
  } else {
    const findings = `${status.findings} finding${status.findings === 1 ? '' : 's'}`;
    item.text = status.state === 'scanning' ? `$(sync~spin) Rapport: ${findings}` : `$(checklist) Rapport: ${findings}`;
    item.tooltip = status.state === 'scanning'
      ? `Rapport is reviewing the macro library (${status.done ?? 0}/${status.total ?? '?'} files). Click to open the Problems panel.`
      : `Rapport: ${findings} in ${status.files} file${status.files === 1 ? '' : 's'}. Click to open the Problems panel.`;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
