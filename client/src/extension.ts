// The VS Code side: starts the bundled language server for Markdown and
// Handlebars files and offers a command to restart it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Rapport', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'handlebars' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'handlebars' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.rapport.json') },
    outputChannel: output,
  };
  client = new LanguageClient('rapport', 'Rapport', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('rapport.restartServer', async () => {
      output.appendLine('Restarting the Rapport server…');
      await client?.restart();
    }),
    vscode.commands.registerCommand('rapport.showOutput', () => output.show(true)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
