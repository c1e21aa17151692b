// Quick local timing of the document model and the whole engine against one
// precompiled phrase-regex pass over the same bytes. Not a test: run with
//   npx esbuild scripts/bench-document.ts --bundle --platform=node --outfile=/tmp/bench.js && node /tmp/bench.js
// (bundled as the extension ships; tsx adds overhead of its own)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../server/src/engine/document/parse';
import { lint } from '../server/src/engine';
import { weakApologyPhrases } from '../server/src/engine/phrases/weak-apology';

const dir = path.resolve('examples', 'macros');
const macros = fs.readdirSync(dir).map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
let macro = '';
while (macro.length < 2048) macro += macros.join('\n\n');
macro = macro.slice(0, 2048);
const corpus = Array.from({ length: 2000 }, () => macro);
const bytes = corpus.reduce((n, m) => n + Buffer.byteLength(m), 0);
const phrase = new RegExp(weakApologyPhrases.map((p) => `(?:${p.pattern})`).join('|'), 'gi');

/** MB/s of CPU time (process.cpuUsage), best of five rounds: steadier than wall time on a busy machine. */
function rate(label: string, run: (text: string) => unknown): number {
  for (const text of corpus) run(text);
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const before = process.cpuUsage();
    for (const text of corpus) run(text);
    const used = process.cpuUsage(before);
    best = Math.max(best, bytes / ((used.user + used.system) / 1e6) / 1e6);
  }
  console.log(`${label.padEnd(28)} ${best.toFixed(1)} MB/s`);
  return best;
}

const regex = rate('phrase regex pass', (text) => text.match(phrase));
const model = rate('parseDocument', (text) => parseDocument(text, 'markdown'));
const engine = rate('lint (whole engine)', (text) => lint(text, 'markdown'));
console.log(`engine is ${(regex / engine).toFixed(1)}x slower than the regex pass; model alone ${(regex / model).toFixed(1)}x`);
