// Pull diagnostics (LSP 3.17) for clients that ask for them: the editor
// requests a document's diagnostics (textDocument/diagnostic) and the
// workspace's (workspace/diagnostic) instead of the server pushing them.
//
// How VS Code's language client (vscode-languageclient 11) drives pulls
// decides the design here:
// - it pulls an open document on open and after each change, sending the
//   resultId of its last answer; a report whose resultId matches is answered
//   'unchanged', so it costs a comparison, not a conversion;
// - it sends one workspace pull and, 2 s after any answer ends, the next one,
//   with the resultIds of every file it knows. Answering at once would have
//   both sides parse and compare every file's resultId every 2 s, forever. So
//   a workspace pull that came with a partialResultToken is held open (long
//   polling): the reports the client lacks go out as partial results at once,
//   and later ones (a file changed, created, deleted or closed, new settings)
//   as they are linted. It ends only when the client cancels it.
//   A pull without a partialResultToken is answered as soon as the background
//   scan has caught up, with a full report for each file that changed since
//   the client's resultId and 'unchanged' for the rest.
// - workspace/diagnostic/refresh makes it pull its open documents again (not
//   the workspace), which is what a settings change needs.
//
// A resultId names what a report was computed from: the server instance, the
// settings generation (bumped when the settings change) and a hash of the
// language and text. The same text under the same settings gives the same
// resultId, so re-linting a file that did not really change sends nothing.
// Only resultIds are kept, not diagnostics (memory: a large library has tens
// of thousands): a pull that lacks a file's report has the file linted again.
// Open documents belong to the document pulls: the workspace reports leave
// them out, and report them again from disk once they are closed.

import { createHash } from 'node:crypto';
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type PreviousResultId,
  type ResultProgressReporter,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { Content, DiagnosticsSink } from './workspace';

/** Identifies this server process, so a resultId from an earlier one is never mistaken for current. */
const INSTANCE = Date.now().toString(36);
/** Partial results are sent in batches, at most this often, so a full scan is not thousands of messages. */
const BATCH_DELAY = 50;

export class ResultIds {
  /** Bumped whenever the effective settings change: every report computed before is stale. */
  generation = 0;

  /** The resultId of a report on `content` (a text and its language, or what stands in for a skipped file). */
  of(content: Content, generation = this.generation): string {
    const hash = createHash('sha1');
    for (const part of content) hash.update(part).update('\0');
    return `${INSTANCE}.${generation}.${hash.digest('base64url').slice(0, 16)}`;
  }
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The diagnostic pull was cancelled.');
}

/** One workspace pull in progress: what its client holds, and how to give it more. */
interface WorkspacePull {
  /** The resultId of every report the client holds for a closed file ('' : one we no longer know). */
  known: Map<string, string>;
  add(item: WorkspaceDocumentDiagnosticReport): void;
}

/** A file on disk, linted again for a pull that lacks its diagnostics. */
export interface DiskLint {
  diagnostics: Diagnostic[];
  content: Content;
}

/**
 * The workspace pulls in progress, and the latest resultId of every macro file
 * on disk. The diagnostics themselves are not kept (a 5,000-file library
 * holds tens of thousands): each report goes to the pulls in progress as the
 * scan produces it, and a later pull that lacks a file's report has it linted
 * again.
 */
export class WorkspaceReports implements DiagnosticsSink {
  private readonly latest = new Map<string, string>();
  private readonly pulls = new Set<WorkspacePull>();
  /** Files the client may still show diagnostics for, with nothing to replace them: the next pull clears them. */
  private readonly toClear = new Set<string>();

  constructor(
    readonly resultIds: ResultIds,
    private readonly isOpen: (uri: string) => boolean,
    private readonly scanner: {
      /** Resolves once the background scan has linted everything it has queued. */
      settled(): Promise<void>;
      /** Queues a file to be linted again (its report then comes through report()). */
      relint(uri: string): void;
      /** Lints a file on disk now. */
      lint(uri: string): Promise<DiskLint | undefined>;
    },
  ) {}

  report(uri: string, diagnostics: Diagnostic[], content: Content): void {
    const resultId = this.resultIds.of(content);
    this.latest.set(uri, resultId);
    this.toClear.delete(uri);
    for (const pull of this.pulls) {
      if (pull.known.get(uri) === resultId) continue;
      pull.known.set(uri, resultId);
      pull.add({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: diagnostics });
    }
  }

  remove(uri: string): void {
    this.latest.delete(uri);
    this.toClear.add(uri);
    for (const pull of this.pulls) if (pull.known.has(uri)) clear(pull, uri);
  }

  uris(): Iterable<string> {
    return this.latest.keys();
  }

  /**
   * A document was closed. The client forgets what the workspace pulls told
   * it about the file, and shows the document's last diagnostics until a
   * workspace report replaces them: the next report for it (from disk, when
   * the scan has linted it again) is sent whatever its resultId, and without
   * one to come, an empty report now.
   */
  closed(uri: string, willRelint: boolean): void {
    if (!willRelint) {
      this.latest.delete(uri);
      this.toClear.add(uri);
    }
    for (const pull of this.pulls) {
      if (willRelint) pull.known.set(uri, '');
      else clear(pull, uri);
    }
  }

  /** Answers a workspace/diagnostic request (see the top of this file). */
  async pull(previous: PreviousResultId[], token: CancellationToken, progress: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined): Promise<WorkspaceDiagnosticReport> {
    const known = new Map(previous.map((p) => [p.uri, p.value]));
    if (!progress) {
      const items = new Map<string, WorkspaceDocumentDiagnosticReport>();
      const pull: WorkspacePull = { known, add: (item) => items.set(item.uri, item) };
      this.pulls.add(pull);
      try {
        this.start(pull);
        await new Promise<void>((resolve) => {
          const stop = token.onCancellationRequested(() => resolve());
          void this.scanner.settled().finally(() => (stop.dispose(), resolve()));
        });
      } finally {
        this.pulls.delete(pull);
      }
      if (token.isCancellationRequested) throw cancelled();
      return { items: [...items.values()] };
    }

    return new Promise((resolve, reject) => {
      let outbox = new Map<string, WorkspaceDocumentDiagnosticReport>();
      let timer: NodeJS.Timeout | undefined;
      const send = () => {
        timer = undefined;
        const items = [...outbox.values()];
        outbox = new Map();
        progress.report({ items });
      };
      const pull: WorkspacePull = {
        known,
        add: (item) => {
          outbox.set(item.uri, item);
          timer ??= setTimeout(send, BATCH_DELAY);
        },
      };
      const stop = token.onCancellationRequested(() => {
        if (timer) clearTimeout(timer);
        this.pulls.delete(pull);
        stop.dispose();
        reject(cancelled());
      });
      this.pulls.add(pull);
      this.start(pull);
      // The first partial result is the report itself, even an empty one: the rest add to it.
      if (timer) clearTimeout(timer);
      send();
    });
  }

  /** What a new pull's client lacks: 'unchanged' for what it holds, the rest linted again or cleared. */
  private start(pull: WorkspacePull): void {
    for (const [uri, resultId] of this.latest) {
      if (this.isOpen(uri)) continue; // the document pulls own open documents
      if (pull.known.get(uri) === resultId) pull.add({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
      else this.scanner.relint(uri);
    }
    for (const uri of new Set([...pull.known.keys(), ...this.toClear])) {
      if (!this.latest.has(uri) && !this.isOpen(uri)) clear(pull, uri);
    }
    this.toClear.clear();
  }

  /** The report for a document pull of a file that is not open (an editor may ask about any file). */
  async closedDocumentReport(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    const resultId = this.latest.get(uri);
    if (resultId !== undefined && resultId === previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    const linted = await this.scanner.lint(uri);
    if (!linted) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: this.resultIds.of(linted.content), items: linted.diagnostics };
  }
}

/** An empty report without a resultId: the client drops the file's diagnostics and stops asking about it. */
function clear(pull: WorkspacePull, uri: string): void {
  pull.known.delete(uri);
  pull.add({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
}
