// CPU profile of a piece of work, taken in-process with the V8 inspector (the
// same .cpuprofile `node --cpu-prof` writes; open it in Chrome DevTools or VS
// Code), and summarised as the functions with the most self time.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export async function profileEngine(work: () => void, outFile: string, top = 15): Promise<string[]> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  work();
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  session.disconnect();
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(profile));
  return summarise(profile, top, outFile);
}

export function summarise(profile: CpuProfile, top: number, outFile: string): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    total += delta;
    const { functionName, url, lineNumber } = node.callFrame;
    // Lines of .ts files run through tsx are those of the transpiled code: show the file only.
    const file = url ? path.relative(process.cwd(), url.replace(/^file:\/\//, '')) : '';
    const where = !file ? '(native)' : file.endsWith('.ts') ? file : `${file}:${lineNumber + 1}`;
    const key = `${functionName || '(anonymous)'}  ${where}`;
    self.set(key, (self.get(key) ?? 0) + delta);
  });
  const lines = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  lines.push(`(${(total / 1000).toFixed(0)} ms sampled; full profile: ${path.relative(process.cwd(), outFile)})`);
  return lines;
}
