// Edits shared by the phrase rules (reinforcing-agreement, blame-customer,
// defensive, hollow-cliche): remove a phrase without leaving double spaces or
// orphan commas, replace a whole sentence, and refuse any edit that would cut
// into a template expression. All text comes from doc.text, never the prose.

import type { MacroDocument, Sentence } from '../../document/model';
import type { Fix, TextEdit } from '../../types';
import { capitalize, oneLine } from '../../text';
import { sentenceFact, type SentenceFact } from './memo';

/** A regex match inside a sentence, as offsets into the document. */
export interface PhraseMatch {
  start: number;
  end: number;
}

/** Where a phrase's pattern matched in a sentence's text. */
export interface TextMatch<P> {
  phrase: P;
  index: number;
  length: number;
}

/**
 * Every phrase whose pattern matches a sentence's text, in list order (none
 * when the hint does not match): a fact of the text, so a sentence repeated in
 * a file or across a library is matched once. keep filters matches by the text.
 */
export function phraseMatcher<P>(
  hint: RegExp,
  compiled: ReadonlyArray<{ phrase: P; regex: RegExp }>,
  keep?: (text: string, m: RegExpExecArray) => boolean,
): SentenceFact<ReadonlyArray<TextMatch<P>>> {
  const none: ReadonlyArray<TextMatch<P>> = [];
  return sentenceFact((text: string) => {
    if (!hint.test(text)) return none;
    let found: Array<TextMatch<P>> | undefined;
    for (const { phrase, regex } of compiled) {
      const m = regex.exec(text);
      if (m && (!keep || keep(text, m))) (found ??= []).push({ phrase, index: m.index, length: m[0].length });
    }
    return found ?? none;
  });
}

/** A TextMatch as document offsets in the sentence. */
export function inSentence(sentence: Sentence, found: TextMatch<unknown>): PhraseMatch {
  const start = sentence.start + found.index;
  return { start, end: start + found.length };
}

/** The match without the trailing separators some patterns take along for removal. */
export function trimmed(doc: MacroDocument, range: PhraseMatch): PhraseMatch {
  let end = range.end;
  while (end > range.start && /[\s,;:.!?…]/.test(doc.text.charAt(end - 1))) end--;
  return { start: range.start, end };
}

/** The matched words as the author wrote them, on one line, for messages. */
export function quote(doc: MacroDocument, range: PhraseMatch): string {
  const { start, end } = trimmed(doc, range);
  return oneLine(doc.text.slice(start, end)).trim();
}

/** True when an offset falls strictly inside something the model masked (a placeholder or template tag). */
function insideMasked(doc: MacroDocument, offset: number): boolean {
  if (offset <= 0 || offset >= doc.text.length) return false;
  return doc.text.charCodeAt(offset - 1) !== doc.prose.charCodeAt(offset - 1) && doc.text.charCodeAt(offset) !== doc.prose.charCodeAt(offset);
}

/**
 * True when the edit would drop a template tag, comment or other masked
 * non-placeholder text ({{#if}}, {{/if}}, <!-- -->) that its new text does
 * not carry over. Placeholders (masked as X-words) may go with their words.
 */
function dropsTemplateTag(doc: MacroDocument, start: number, end: number, newText: string): boolean {
  let i = start;
  while (i < end) {
    if (doc.text.charCodeAt(i) !== doc.prose.charCodeAt(i) && /\s/.test(doc.prose.charAt(i))) {
      let j = i;
      while (j < end && doc.text.charCodeAt(j) !== doc.prose.charCodeAt(j) && /\s/.test(doc.prose.charAt(j))) j++;
      if (!newText.includes(doc.text.slice(i, j).trim())) return true;
      i = j;
    } else i++;
  }
  return false;
}

/** A fix is only offered when none of its edits cuts into or drops a template expression. */
function safeFix(doc: MacroDocument, fix: Fix): Fix | undefined {
  for (const edit of fix.edits) {
    if (insideMasked(doc, edit.start) || insideMasked(doc, edit.end)) return undefined;
    if (dropsTemplateTag(doc, edit.start, edit.end, edit.newText)) return undefined;
  }
  return fix;
}

export function safeFixes(doc: MacroDocument, fixes: Array<Fix | undefined>): Fix[] {
  return fixes.filter((f): f is Fix => f !== undefined && f.edits.length > 0).map((f) => safeFix(doc, f)).filter((f): f is Fix => f !== undefined);
}

const SPACE = /[ \t]/;

/**
 * Removes a whole sentence: its trailing spaces too, or the spaces before it
 * when it ends a line; a sentence alone on its line takes the line with it.
 */
export function removeSentenceEdits(doc: MacroDocument, sentence: Sentence): TextEdit[] {
  const text = doc.text;
  let start = sentence.start;
  let end = sentence.end;
  let after = end;
  while (after < text.length && SPACE.test(text.charAt(after))) after++;
  let before = start;
  while (before > 0 && SPACE.test(text.charAt(before - 1))) before--;
  const atLineStart = before === 0 || text.charAt(before - 1) === '\n' || text.charAt(before - 1) === '\r';
  const atLineEnd = after === text.length || text.charAt(after) === '\n' || text.charAt(after) === '\r';
  if (atLineStart && atLineEnd) {
    // Alone on its line: remove the line and its line break.
    start = before;
    end = after;
    if (text.startsWith('\r\n', end)) end += 2;
    else if (end < text.length) end += 1;
    if (end < text.length) {
      // A paragraph of its own: also drop one of the blank lines around it.
      const blankBefore = start === 0 || /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)$/.test(text.slice(Math.max(0, start - 8), start));
      const blankAfter = /^[ \t]*(?:\r\n|\n|\r)/.exec(text.slice(end, end + 8));
      if (blankBefore && blankAfter) end += blankAfter[0].length;
    } else if (start > 0) {
      // Last line of the file: take the line break before it instead.
      start -= text.charAt(start - 1) === '\n' && text.charAt(start - 2) === '\r' ? 2 : 1;
    }
    return [{ start, end, newText: '' }];
  }
  if (after > end && !atLineEnd) return [{ start, end: after, newText: '' }];
  // Last sentence on its line: remove the space before it.
  return [{ start: before, end: after, newText: '' }];
}

/**
 * Removes a phrase from inside a sentence so the sentence still reads:
 * at the start, the separators after it go too and the next word is
 * capitalized; elsewhere, the separator before it goes (and a comma pair
 * around an aside collapses). A phrase that is the whole sentence removes
 * the sentence.
 */
export function removePhraseEdits(doc: MacroDocument, sentence: Sentence, found: PhraseMatch): TextEdit[] {
  const text = doc.text;
  // The sentence's closing punctuation stays with the sentence.
  let closingAt = found.end;
  while (closingAt > found.start && /[.!?…]/.test(text.charAt(closingAt - 1))) closingAt--;
  const match = { start: found.start, end: closingAt };
  const head = text.slice(sentence.start, match.start);
  const tail = text.slice(match.end, sentence.end);
  const headEmpty = /^[\s"'“‘(]*$/.test(head) || /^[\s"'“‘(]*(?:and|but|so|also)[\s,]*$/i.test(head);
  const tailEmpty = /^[\s,;:.!?…"'’”)—–-]*$/.test(tail);
  if (headEmpty && tailEmpty) return removeSentenceEdits(doc, sentence);

  if (headEmpty) {
    // "Please be advised that the office is closed." -> "The office is closed."
    const start = sentence.start + (head.length - head.trimStart().length);
    // The separators after it go too, and a link word left dangling after a comma ("…, so I have").
    const separators = /^(?:\s*[,;:—–-]+\s*(?:(?:so|and|but)\s+)?|\s*)/i.exec(tail)![0];
    const end = match.end + separators.length;
    const matched = text.slice(match.start, match.end);
    if (!/[,;:—–-]/.test(separators) && !/(?:[,:]|\bthat)\s*$/i.test(matched) && /^\s+\p{L}/u.test(tail)) {
      // The phrase is the sentence's own subject and verb ("I need you to calm down before…"): no clean removal.
      return [];
    }
    const next = text.charAt(end);
    const edits: TextEdit[] = [{ start, end, newText: '' }];
    if (next && next !== next.toUpperCase() && /^\p{Ll}/u.test(next)) {
      // Re-capitalize the word that now starts the sentence.
      edits[0] = { start, end: end + 1, newText: capitalize(next) };
    }
    return edits;
  }

  const closesAside = /,\s*$/.test(text.slice(match.start, match.end)) && !/^[\s"'“‘(]*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b/i.test(head);
  if (/,\s*$/.test(head) && /^\s+[^\s,;:.!?…]/.test(tail) && closesAside) {
    // ", please be advised, " as an aside: drop it with both commas.
    const start = match.start - /,\s*$/.exec(head)![0].length;
    const end = match.end - /\s*$/.exec(text.slice(match.start, match.end))![0].length;
    return [{ start, end, newText: '' }];
  }
  if (/,\s*$/.test(head) && /^\s+[^\s,;:.!?…]/.test(tail)) {
    // After a comma, before the rest of the clause: "Hi Sam, please be advised that your…" -> "Hi Sam, your…".
    const after = /^\s+/.exec(tail)![0];
    return [{ start: match.start, end: match.end + after.length, newText: '' }];
  }

  // In the middle or at the end: take the separator before the phrase with it.
  // A link word left dangling at the end ("…late, and [phrase].") goes too.
  const before = tailEmpty ? /(?:[\s,;:—–-]*\b(?:and|but|so|or|because)\b)?[\s]*[,;:—–-]?[\s]*$/i.exec(head)![0] : /[\s]*[,;:—–-]?[\s]*$/.exec(head)![0];
  let start = match.start - before.length;
  let end = match.end;
  const asideClosed = /^,/.test(tail) && /,\s*$/.test(before);
  if (asideClosed) {
    // ", please be advised," -> keep one space, drop both commas.
    end += 1;
  } else if (tailEmpty || atTemplateTag(doc, match.end)) {
    // Keep the closing punctuation.
  } else if (!/^\s/.test(tail) && !/^[,;:.!?]/.test(tail)) {
    start = match.start;
  }
  if (start === end) return [];
  // Never join two words: keep one space when both sides are letters.
  // (The prose shows a placeholder as a word and a block tag as blank.)
  const left = doc.prose.charAt(start - 1);
  const right = doc.prose.charAt(end);
  const needSpace = /[\p{L}\p{N}]/u.test(left) && /[\p{L}\p{N}]/u.test(right);
  if (!needSpace && /\s/.test(right) && /\s|^$/.test(left)) end += 1;
  return [{ start, end, newText: needSpace ? ' ' : '' }];
}

/** True when a template tag ({{else}}, {{/if}}) starts at the offset: the branch's text ends there. */
function atTemplateTag(doc: MacroDocument, offset: number): boolean {
  return doc.text.charCodeAt(offset) !== doc.prose.charCodeAt(offset) && /\s/.test(doc.prose.charAt(offset));
}

/** Replaces the whole sentence (keeping nothing of it) with new text. */
export function replaceSentenceEdits(sentence: Sentence, newText: string): TextEdit[] {
  return [{ start: sentence.start, end: sentence.end, newText }];
}

/** The text cut to `max` characters with an ellipsis, for a fix's title. */
export function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}

