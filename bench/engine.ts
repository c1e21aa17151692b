// The engine as it ships: bundled by esbuild the way scripts/build.mjs bundles
// the server and the CLI. Timing the TypeScript sources through tsx would time
// its transform too (it wraps every function created at run time to keep its name).

import { buildSync } from 'esbuild';
import * as path from 'node:path';

type Engine = typeof import('../server/src/engine');

export function loadBuiltEngine(outDir: string): Engine {
  const outfile = path.join(outDir, 'engine.js');
  buildSync({
    entryPoints: [path.resolve(__dirname, '../server/src/engine/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as Engine;
}
