// Linting a big library on several cores: worker threads run the same bundle
// (cli.js) and lint batches of files handed out as they finish, so a slow file
// does not hold up the rest. Each file's part of the report is formatted in the
// worker: a string crosses threads far faster than tens of thousands of finding
// objects. Reports come back in the order of the file list.

import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { lintTarget, type LintFileOptions } from './lint-file';
import { reportFile, type FileReport, type Format } from './formats';
import type { Target } from './files';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;
const BATCH_SIZE = 25;
/** Each worker has its next batch queued while it works, so it never waits for the main thread. */
const BATCHES_IN_FLIGHT = 2;

interface Batch {
  start: number;
  targets: Target[];
}

export function defaultJobs(fileCount: number): number {
  if (fileCount < PARALLEL_THRESHOLD) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 8));
}

export function isLintWorker(): boolean {
  return parentPort !== null && (workerData as { rapportLintWorker?: boolean } | undefined)?.rapportLintWorker === true;
}

/** The worker side: lint each batch it is sent; an empty message means no more work. */
export function runLintWorker(): void {
  const { options, format } = workerData as { options: LintFileOptions; format: Format };
  parentPort!.on('message', (batch: Batch | null) => {
    if (!batch) {
      parentPort!.close();
      return;
    }
    parentPort!.postMessage({ start: batch.start, reports: batch.targets.map((target) => reportFile(lintTarget(target, options), format)) });
  });
}

/** Lints the targets in `jobs` worker threads running `script` (the CLI bundle). */
export function lintInWorkers(script: string, targets: Target[], options: LintFileOptions, format: Format, jobs: number): Promise<FileReport[]> {
  return new Promise((resolve, reject) => {
    const reports: FileReport[] = new Array(targets.length);
    let next = 0;
    let received = 0;
    let running = Math.max(1, Math.min(jobs, Math.ceil(targets.length / BATCH_SIZE)));
    let failed = false;
    const workerCount = running;
    for (let w = 0; w < workerCount; w++) {
      const worker = new Worker(script, { workerData: { rapportLintWorker: true, options, format } });
      const feed = () => {
        if (next >= targets.length) {
          worker.postMessage(null);
          return;
        }
        const start = next;
        next = Math.min(targets.length, next + BATCH_SIZE);
        worker.postMessage({ start, targets: targets.slice(start, next) } satisfies Batch);
      };
      worker.on('message', (message: { start: number; reports: FileReport[] }) => {
        message.reports.forEach((report, i) => (reports[message.start + i] = report));
        received += message.reports.length;
        feed();
      });
      worker.on('error', (error) => {
        failed = true;
        reject(error);
      });
      worker.on('exit', (code) => {
        running--;
        if (running > 0 || failed) return;
        if (received === targets.length) resolve(reports);
        else reject(new Error(`a lint worker stopped early (exit code ${code})`));
      });
      for (let i = 0; i < BATCHES_IN_FLIGHT; i++) feed();
    }
  });
}
