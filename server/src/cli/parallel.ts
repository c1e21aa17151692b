// Linting a big library on several cores: this thread and worker threads running
// the same bundle (cli.js) lint batches of files handed out as they finish, so a
// slow file does not hold up the rest. Each file's part of the report is formatted
// on the thread that linted it: a string crosses threads far faster than tens of
// thousands of finding objects. Reports come back in the order of the file list.

import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { lintTarget, type LintFileOptions } from './lint-file';
import { reportFile, type FileReport, type Format } from './formats';
import type { Target } from './files';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;
const BATCH_SIZE = 25;
/** Each worker has its next batch queued while it works, so it never waits for this (busy) thread. */
const BATCHES_IN_FLIGHT = 2;

interface Batch {
  start: number;
  targets: Target[];
}

/**
 * One thread per core but one: a linting thread keeps V8's compiler and garbage
 * collector threads busy on another core, and each thread warms up the engine
 * anew (~1 s of CPU). On two cores one thread is as fast as two, for a third less CPU.
 */
export function defaultJobs(fileCount: number): number {
  if (fileCount < PARALLEL_THRESHOLD) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores - 1, 8));
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

/**
 * Lints the targets on `jobs` threads: this one and jobs - 1 workers running
 * `script` (the CLI bundle). This thread starts at once and lints a batch at a
 * time, letting the workers' messages in between, so no core waits while the
 * workers start.
 */
export function lintInParallel(script: string, targets: Target[], options: LintFileOptions, format: Format, jobs: number): Promise<FileReport[]> {
  return new Promise((resolve, reject) => {
    const reports: FileReport[] = new Array(targets.length);
    let next = 0;
    let received = 0;
    let failed = false;
    const fail = (error: Error) => {
      failed = true;
      reject(error);
    };
    const takeBatch = (): Batch | undefined => {
      if (failed || next >= targets.length) return undefined;
      const start = next;
      next = Math.min(targets.length, next + BATCH_SIZE);
      return { start, targets: targets.slice(start, next) };
    };
    const store = (start: number, batchReports: FileReport[]) => {
      batchReports.forEach((report, i) => (reports[start + i] = report));
      received += batchReports.length;
      if (received === targets.length) resolve(reports);
    };

    const threads = Math.max(1, Math.min(jobs, Math.ceil(targets.length / BATCH_SIZE)));
    for (let w = 1; w < threads; w++) {
      const worker = new Worker(script, { workerData: { rapportLintWorker: true, options, format } });
      let pending = 0;
      let stopped = false;
      const feed = () => {
        const batch = takeBatch();
        if (batch) {
          pending++;
          worker.postMessage(batch);
        } else if (pending === 0 && !stopped) {
          stopped = true;
          worker.postMessage(null);
        }
      };
      worker.on('message', (message: { start: number; reports: FileReport[] }) => {
        pending--;
        store(message.start, message.reports);
        feed();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (pending > 0 && !failed) fail(new Error(`a lint worker stopped early (exit code ${code})`));
      });
      for (let i = 0; i < BATCHES_IN_FLIGHT; i++) feed();
    }

    const lintHere = () => {
      const batch = takeBatch();
      if (!batch) return;
      try {
        store(batch.start, batch.targets.map((target) => reportFile(lintTarget(target, options), format)));
      } catch (error) {
        fail(error as Error);
        return;
      }
      setImmediate(lintHere);
    };
    lintHere();
  });
}
