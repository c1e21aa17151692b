// `npm run test:electron`: the extension in VS Code desktop via @vscode/test-electron.
//
// NOT RUN IN CI HERE. @vscode/test-electron downloads a VS Code build from
// Microsoft's update server, which needs internet access; CI and the
// development machines of this project reach only the npm registry and Debian
// packages, so their real-editor test is test/e2e/editor.test.ts (code-server +
// Chromium). Use this suite on a machine with internet, e.g. hosted CI:
//   npm ci && npm run test:electron        (add xvfb-run on Linux without a display)
// The VS Code download is cached in .e2e-cache/vscode/.

import { cp, mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { cacheDir, repoRoot, run } from '../provision';

async function main(): Promise<void> {
  await run('node', ['scripts/build.mjs'], { cwd: repoRoot });
  const suite = path.join(cacheDir, 'electron', 'suite.js');
  await build({
    entryPoints: [path.join(__dirname, 'suite.ts')],
    outfile: suite,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'rapport-electron-'));
  try {
    const workspace = path.join(scratch, 'macros');
    await cp(path.join(__dirname, '..', 'workspace'), workspace, { recursive: true });
    await runTests({
      cachePath: path.join(cacheDir, 'vscode'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--user-data-dir',
        path.join(scratch, 'user-data'),
      ],
    });
    console.log('1 passed, 0 failed');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(message)) {
    console.error('This suite downloads VS Code and needs internet access; offline, run `npm run test:e2e` instead.');
  }
  console.log('0 passed, 1 failed');
  process.exit(1);
});
