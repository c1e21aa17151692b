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
// settings generation (bumped when the effective settings change) and a hash
// of the language and text. The same text under the same settings gives the
// same resultId, so re-linting a file that did not really change sends nothing.
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

/** Identifies this server process, so a resultId from an earlier one is never mistaken for current. */
const INSTANCE = Date.now().toString(36);
/** Partial results are sent in batches, at most this often, so a full scan is not thousands of messages. */
const BATCH_DELAY = 50;
const NO_DIAGNOSTICS: Diagnostic[] = [];

export class ResultIds {
  /** Bumped whenever the effective settings change: every report computed before is stale. */
  generation = 0;

  /** The resultId of a report on `content` (a text and its language, or what stands in for a skipped file). */
  of(content: string, generation = this.generation): string {
    const hash = createHash('sha1').update(content).digest('base64url').slice(0, 16);
    return `${INSTANCE}.${generation}.${hash}`;
  }
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The diagnostic pull was cancelled.');
}

interface Report {
  resultId: string;
  diagnostics: Diagnostic[];
}

/** One workspace pull in progress: what its client holds, and what it is owed. */
interface WorkspacePull {
  /** The resultId of every report the client holds for a closed file. */
  known: Map<string, string>;
  /** Files whose report may have to be sent. */
  dirty: Set<string>;
  flush(): void;
}

/**
 * The latest report of every macro file on disk, for workspace pulls, and the
 * workspace pulls waiting for news. Keeps the diagnostics of files that have
 * some (a few small objects each), never their text.
 */
export class WorkspaceReports {
  private readonly reports = new Map<string, Report>();
  private readonly pulls = new Set<WorkspacePull>();
  /**
   * Closed files the client may still show diagnostics for, with no report to
   * replace them (a file outside the workspace, or now ignored): the next
   * workspace pull clears them.
   */
  private readonly toClear = new Set<string>();

  constructor(
    readonly resultIds: ResultIds,
    private readonly isOpen: (uri: string) => boolean,
    /** Resolves once the background scan has linted everything it has queued. */
    private readonly scanIdle: () => Promise<void>,
  ) {}

  /** The diagnostics of a file on disk, linted from `content` (see ResultIds.of). */
  report(uri: string, diagnostics: Diagnostic[], content: string): void {
    const resultId = this.resultIds.of(content);
    if (this.reports.get(uri)?.resultId === resultId) return;
    this.reports.set(uri, { resultId, diagnostics: diagnostics.length > 0 ? diagnostics : NO_DIAGNOSTICS });
    this.toClear.delete(uri);
    this.changed(uri);
  }

  /** A file that is gone or no longer a macro: its diagnostics go. */
  remove(uri: string): void {
    // Even without a report: the client may still show the diagnostics of a document closed since.
    this.reports.delete(uri);
    this.toClear.add(uri);
    this.changed(uri);
  }

  /** Every file with a report. */
  uris(): Iterable<string> {
    return this.reports.keys();
  }

  get(uri: string): Report | undefined {
    return this.reports.get(uri);
  }

  /**
   * A document was closed. The client drops what it knew of it from the
   * workspace pulls, and keeps showing the document's last diagnostics until
   * a workspace report replaces them: forget the old report so the next one
   * (from disk, or an empty one) is sent whatever its resultId.
   */
  closed(uri: string, willRelint: boolean): void {
    this.reports.delete(uri);
    if (!willRelint) this.toClear.add(uri);
    for (const pull of this.pulls) {
      pull.known.delete(uri);
      if (!willRelint) pull.known.set(uri, ''); // cleared by the next flush
    }
    this.changed(uri);
  }

  private changed(uri: string): void {
    for (const pull of this.pulls) {
      pull.dirty.add(uri);
      pull.flush();
    }
  }

  /** The report a client lacks for `uri`, given the resultId it holds (undefined: none). */
  private reportFor(uri: string, known: string | undefined, unchanged: boolean): WorkspaceDocumentDiagnosticReport | undefined {
    if (this.isOpen(uri)) return undefined; // the document pulls own open documents
    const report = this.reports.get(uri);
    if (!report) {
      // Gone: an empty report without a resultId, so the client stops asking about it.
      return known !== undefined || this.toClear.has(uri) ? { kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] } : undefined;
    }
    if (report.resultId !== known) return { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: report.resultId, items: report.diagnostics };
    return unchanged ? { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: report.resultId } : undefined;
  }

  /** Answers a workspace/diagnostic request (see the top of this file). */
  async pull(previous: PreviousResultId[], token: CancellationToken, progress: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined): Promise<WorkspaceDiagnosticReport> {
    const known = new Map(previous.map((p) => [p.uri, p.value]));
    const everything = () => new Set([...this.reports.keys(), ...known.keys(), ...this.toClear]);
    if (!progress) {
      await new Promise<void>((resolve) => {
        const stop = token.onCancellationRequested(() => resolve());
        void this.scanIdle().finally(() => (stop.dispose(), resolve()));
      });
      if (token.isCancellationRequested) throw cancelled();
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const uri of everything()) {
        const item = this.reportFor(uri, known.get(uri), true);
        if (item) items.push(item);
      }
      this.toClear.clear();
      return { items };
    }

    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const pull: WorkspacePull = {
        known,
        dirty: everything(),
        flush: () => {
          timer ??= setTimeout(send, BATCH_DELAY);
        },
      };
      let first = true;
      const send = () => {
        timer = undefined;
        const items: WorkspaceDocumentDiagnosticReport[] = [];
        for (const uri of pull.dirty) {
          const item = this.reportFor(uri, known.get(uri), first && known.has(uri));
          if (!item) continue;
          items.push(item);
          if (item.kind === DocumentDiagnosticReportKind.Full && item.resultId === undefined) known.delete(uri);
          else known.set(uri, item.resultId!);
        }
        pull.dirty.clear();
        this.toClear.clear();
        // The first partial result is the report itself (even an empty one): the rest add to it.
        if (items.length > 0 || first) progress.report({ items });
        first = false;
      };
      const stop = token.onCancellationRequested(() => {
        if (timer) clearTimeout(timer);
        this.pulls.delete(pull);
        stop.dispose();
        reject(cancelled());
      });
      this.pulls.add(pull);
      send();
    });
  }

  /** The report for a document pull of a file that is not open (e.g. one shown in a tab but not loaded). */
  closedDocumentReport(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const report = this.reports.get(uri);
    if (!report) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (report.resultId === previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.diagnostics };
  }
}
