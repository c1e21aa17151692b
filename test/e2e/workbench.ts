// Starts a real VS Code workbench (code-server on 127.0.0.1) with the packaged
// extension installed, opens it in headless Chromium, and offers the few
// user-level actions the end-to-end test needs. Everything runs with HOME and
// the XDG folders pointed at a temporary folder, and every process started
// here is stopped by its process id in `close()`, also after a failure.

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { PageElement } from './page-types';
import { run, withNode, type Tools } from './provision';

/** Generous: the first diagnostics need the extension host and the language server to start. */
export const UI_TIMEOUT = 60_000;

export interface WorkbenchOptions {
  tools: Tools;
  vsix: string;
  workspace: string;
  /** A fresh temporary folder: HOME, XDG folders, profiles and logs go there. */
  scratch: string;
}

export class Workbench {
  private codeServer?: ChildProcess;
  private context?: BrowserContext;
  page!: Page;
  readonly codeServerLog: string;

  constructor(private readonly options: WorkbenchOptions) {
    this.codeServerLog = path.join(options.scratch, 'code-server.log');
  }

  async start(): Promise<void> {
    const { tools, scratch } = this.options;
    const env = await this.isolatedEnv();
    const dirs = {
      extensions: path.join(scratch, 'extensions'),
      userData: path.join(scratch, 'user-data'),
      config: path.join(scratch, 'code-server.yaml'),
    };
    await mkdir(path.join(dirs.userData, 'User'), { recursive: true });
    await writeFile(dirs.config, 'auth: none\n');
    await writeFile(
      path.join(dirs.userData, 'User', 'settings.json'),
      JSON.stringify(
        {
          'security.workspace.trust.enabled': false,
          'workbench.startupEditor': 'none',
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'workbench.tips.enabled': false,
          'extensions.ignoreRecommendations': true,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'chat.disableAIFeatures': true,
          'files.autoSave': 'off',
        },
        null,
        2,
      ),
    );
    const common = ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--config', dirs.config];
    await run(tools.codeServer, ['--install-extension', this.options.vsix, ...common], { cwd: scratch, env });

    const port = await freePort();
    const log = createWriteStream(this.codeServerLog);
    this.codeServer = spawn(
      tools.codeServer,
      [
        ...common,
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        this.options.workspace,
      ],
      // Its own process group, so that stopping it also stops the extension host and the language server.
      { cwd: scratch, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.codeServer.stdout?.pipe(log);
    this.codeServer.stderr?.pipe(log);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, this.codeServer);

    this.context = await chromium.launchPersistentContext(path.join(scratch, 'chromium-profile'), {
      executablePath: tools.chromium,
      headless: true,
      env,
      viewport: { width: 1280, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.setDefaultTimeout(UI_TIMEOUT);
    await this.page.goto(`${url}/?folder=${encodeURIComponent(this.options.workspace)}`);
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible' });
    // The explorer shows the workspace once the workbench has restored the folder.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible' });
  }

  private async isolatedEnv(): Promise<NodeJS.ProcessEnv> {
    const home = path.join(this.options.scratch, 'home');
    const xdg = {
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_STATE_HOME: path.join(home, '.local', 'state'),
      XDG_RUNTIME_DIR: path.join(home, 'runtime'),
    };
    for (const folder of [home, ...Object.values(xdg)]) await mkdir(folder, { recursive: true, mode: 0o700 });
    return withNode(this.options.tools.nodeDir, { ...process.env, HOME: home, ...xdg });
  }

  /** Opens a workspace file the way a user does: Ctrl+P, the name, Enter. */
  async openFile(name: string): Promise<void> {
    const page = this.page;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    // Enter opens the focused row: wait until the filter has put the file there.
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible' });
    await this.activeEditor().locator('.view-lines').waitFor({ state: 'visible' });
    await this.activeEditor().locator('textarea, .native-edit-context').first().focus();
  }

  /** The editor of the active editor group. */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** The visible text of the active editor, with the editor's non-breaking spaces made plain. */
  async editorText(): Promise<string> {
    const lines = await this.activeEditor().locator('.view-lines .view-line').evaluateAll((elements) =>
      elements
        .map((element) => ({ top: parseFloat((element as PageElement).style.top) || 0, text: element.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }

  /** Stops Chromium and code-server (with its process group); safe to call more than once. */
  async close(): Promise<void> {
    const context = this.context;
    this.context = undefined;
    if (context) await context.close().catch(() => undefined);
    const server = this.codeServer;
    this.codeServer = undefined;
    if (server?.pid !== undefined && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      killGroup(server.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(server.pid!, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      // Children that outlived code-server (its extension host, our language server).
      killGroup(server.pid, 'SIGKILL');
    }
  }

  /** Synchronous last resort for process exit: kills code-server's process group. */
  killNow(): void {
    if (this.codeServer?.pid !== undefined) killGroup(this.codeServer.pid, 'SIGKILL');
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode} before it was healthy (see its log).`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${UI_TIMEOUT / 1000} s (see its log).`);
}
