// Helpers for the document-model tests: what the rules read, with where it is in the original text.

import { parseDocument } from '../../server/src/engine/document/parse';
import type { MacroDocument } from '../../server/src/engine/document/model';

export function parse(text: string, language: 'markdown' | 'handlebars' = 'markdown'): MacroDocument {
  return parseDocument(text, language);
}

/** Each sentence as [its text in the original, its start offset]. */
export function sentencesOf(text: string, language: 'markdown' | 'handlebars' = 'markdown'): Array<[string, number]> {
  return parse(text, language).sentences.map((s) => [text.slice(s.start, s.end), s.start]);
}

/** The words the rules read, in order (placeholders and URLs read as X-words). */
export function proseWords(text: string): string[] {
  return parse(text).prose.split(/[\s\u2029]+/).filter(Boolean);
}
