// Where an offset falls in a document: its macro, the placeholders of a range.
// Units and placeholders are in text order, so these are binary searches (a
// library file can hold thousands of macros).

import type { MacroDocument, MacroUnit, Placeholder } from '../../document/model';
import type { OffsetRange } from '../../types';

/** The index of the first range in `ranges` (sorted by start) that starts at or after `offset`. */
export function firstFrom(ranges: readonly OffsetRange[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The macro containing an offset, if any. */
export function unitContaining(units: readonly MacroUnit[], offset: number): MacroUnit | undefined {
  const next = firstFrom(units, offset + 1);
  const unit = units[next - 1];
  return unit && offset >= unit.start && offset < unit.end ? unit : undefined;
}

/** The macro containing an offset, or the first (an offset before every macro belongs to the file's first). */
export function unitAt(doc: MacroDocument, offset: number): MacroUnit {
  return unitContaining(doc.units, offset) ?? doc.units[0];
}

/** The placeholders that lie wholly inside a range. */
export function placeholdersWithin(doc: MacroDocument, range: OffsetRange): Placeholder[] {
  const found: Placeholder[] = [];
  for (let i = firstFrom(doc.placeholders, range.start); i < doc.placeholders.length && doc.placeholders[i].start < range.end; i++) {
    if (doc.placeholders[i].end <= range.end) found.push(doc.placeholders[i]);
  }
  return found;
}
