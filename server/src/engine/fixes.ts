// Applying fixes: shared by the CLI (--fix), the server (fix all) and the tests.

import type { Fix, TextEdit } from './types';

export interface ApplyResult {
  text: string;
  /** Fixes applied, in document order. */
  applied: Fix[];
  /** Fixes left out because they overlapped an earlier one. */
  skipped: Fix[];
}

function span(fix: Fix): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const edit of fix.edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  return { start, end };
}

/**
 * Applies fixes to text. A fix whose edits overlap an already accepted fix is
 * skipped whole (never half-applied), so the result is what the accepted
 * fixes describe. Two insertions at the same offset count as overlapping.
 */
export function applyFixes(text: string, fixes: Fix[]): ApplyResult {
  const ordered = fixes.filter((f) => f.edits.length > 0).map((fix) => ({ fix, ...span(fix) }));
  ordered.sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: typeof ordered = [];
  const skipped: Fix[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  for (const item of ordered) {
    const overlaps = item.fix.edits.some((edit) =>
      taken.some((t) => (edit.start < t.end && edit.end > t.start) || edit.start === t.start || (edit.start === edit.end && edit.start > t.start && edit.start < t.end)),
    );
    if (overlaps) {
      skipped.push(item.fix);
      continue;
    }
    accepted.push(item);
    for (const edit of item.fix.edits) taken.push({ start: edit.start, end: edit.end });
  }
  const edits: TextEdit[] = accepted.flatMap((a) => a.fix.edits).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return { text: out, applied: accepted.map((a) => a.fix), skipped };
}
