// Splits masked prose into sentences. Paragraph breaks (blank lines and the
// U+2029 marks the model leaves where a block such as a heading or list item
// starts) always end a sentence; terminal punctuation ends one when followed by
// white space. A single line break is usually a hard wrap inside a sentence;
// it ends one only after a short line such as a greeting or a sign-off ("Hi
// {{name}},", "Best regards") when the next line starts with a capital.
// One pass over the characters, comparing char codes only.

import type { Sentence } from './model';

export const PARAGRAPH_MARK = 0x2029;

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'e.g', 'i.e', 'etc', 'vs', 'approx', 'no', 'st', 'jr', 'sr', 'inc', 'ltd', 'co']);
/** A line this short ends its sentence at the line break (greetings, sign-offs). */
const SHORT_LINE_WORDS = 4;

// Character classes by char code, one table lookup per character.
const SPACE = 1;
const TERMINAL = 2;
const CLOSER = 4;
const CLASSES = new Uint8Array(0x10000);
for (const c of [32, 9, 10, 13, 12, 0xa0, PARAGRAPH_MARK, 0xfeff]) CLASSES[c] |= SPACE;
for (const c of [46 /* . */, 33 /* ! */, 63 /* ? */, 0x2026 /* … */]) CLASSES[c] |= TERMINAL | CLOSER;
// Closing characters that may follow terminal punctuation: " ' ’ ” ) ] * _
for (const c of [34, 39, 0x2019, 0x201d, 41, 93, 42, 95]) CLASSES[c] |= CLOSER;

function isSpace(c: number): boolean {
  return (CLASSES[c] & SPACE) !== 0;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function startsUpper(prose: string, i: number): boolean {
  const c = prose.charCodeAt(i);
  if (c >= 48 && c <= 57) return true;
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = prose.charAt(i);
  return ch !== ch.toLowerCase();
}

/**
 * A word of ASCII letters and dots as a number (base 28, letters lower-cased): abbreviations are
 * looked up without slicing a string, and a word of up to six characters stays a small integer.
 */
function wordKey(codes: ArrayLike<number>, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) key = key * 28 + (codes[i] === 46 ? 27 : (codes[i] | 32) - 96);
  return key;
}
const ABBREVIATION_KEYS = new Set([...ABBREVIATIONS].map((a) => wordKey(Array.from(a, (ch) => ch.charCodeAt(0)), 0, a.length)));
/** Lengths of the abbreviations above: a word of another length ends its sentence without a look-up. */
const ABBREVIATION_LENGTH = new Uint8Array(16);
for (const a of ABBREVIATIONS) ABBREVIATION_LENGTH[a.length] = 1;
/** Letters and dots before a full stop worth reading back: one more than the longest abbreviation. */
const LOOK_BACK = Math.max(...[...ABBREVIATIONS].map((a) => a.length)) + 1;

function endsAbbreviation(codes: Uint16Array, dot: number, start: number): boolean {
  let i = dot - 1;
  while (i >= start && dot - i <= LOOK_BACK) {
    const c = codes[i];
    if (!isAsciiLetter(c) && c !== 46) break;
    i--;
  }
  if (dot - i > LOOK_BACK || ABBREVIATION_LENGTH[dot - i - 1] === 0) return false;
  return ABBREVIATION_KEYS.has(wordKey(codes, i + 1, dot));
}

/**
 * The sentences of prose[from, to). `offset` is added to every position (a
 * piece of prose cut out of a longer text reports positions in that text).
 * `codes` are prose's UTF-16 code units (the mask's, when the caller has them):
 * reading a typed array is cheaper than charCodeAt. Runs of word characters
 * and of plain spaces are skipped in tight loops; state lives in locals (no
 * closure), as this reads every character of the file.
 */
export function splitSentences(prose: string, from: number, to: number, offset = 0, codes: Uint16Array = codeUnits(prose)): Sentence[] {
  const sentences: Sentence[] = [];
  let start = -1;
  let lastNonSpace = -1;
  let words = 0;
  /** Whether the current sentence started on the current line. */
  let startedOnLine = false;
  let end = -1;
  let i = from;
  while (i < to) {
    const c = codes[i];
    const kind = CLASSES[c];
    if (kind === 0) {
      // The common case: a run of characters inside a word.
      if (start < 0) {
        start = i;
        words = 0;
        startedOnLine = true;
      }
      if (i === start || (CLASSES[codes[i - 1]] & SPACE) !== 0) words++;
      i++;
      // Words and the single spaces between them, in one tight loop: a space followed by an
      // ASCII letter only starts the next word (what the space and word branches would do).
      while (i < to) {
        const d = codes[i];
        // ASCII letters first, by arithmetic (the bulk of prose), then the table.
        if (((d | 32) - 97) >>> 0 < 26) {
          i++;
        } else if (d === 32) {
          if (i + 1 >= to || ((codes[i + 1] | 32) - 97) >>> 0 >= 26) break;
          words++;
          i += 2;
        } else if (CLASSES[d] === 0) {
          i++;
        } else {
          break;
        }
      }
      lastNonSpace = i - 1;
      continue;
    }
    if (kind & SPACE) {
      end = -1;
      if (c === PARAGRAPH_MARK) {
        end = lastNonSpace + 1;
        i++;
      } else if (c === 10 || c === 13) {
        let j = i + 1;
        if (c === 13 && j < codes.length && codes[j] === 10) j++;
        let k = j;
        while (k < to && (codes[k] === 32 || codes[k] === 9)) k++;
        const next = k < to ? codes[k] : -1;
        if (k >= to || next === 10 || next === 13 || next === PARAGRAPH_MARK) {
          end = lastNonSpace + 1; // a blank line ends the paragraph
        } else if (start >= 0 && startedOnLine && words <= SHORT_LINE_WORDS && startsUpper(prose, k)) {
          end = lastNonSpace + 1; // a greeting or sign-off line
        }
        startedOnLine = false;
        i = j;
      } else {
        i++;
        while (i < to && codes[i] === 32) i++;
      }
      if (end >= 0) {
        if (start >= 0 && end > start) sentences.push({ start: start + offset, end: end + offset, text: prose.slice(start, end) });
        start = -1;
      }
      continue;
    }
    if (start < 0) {
      start = i;
      words = 0;
      startedOnLine = true;
    }
    if (i === start || isSpace(codes[i - 1])) words++;
    lastNonSpace = i;
    if (kind & TERMINAL) {
      let j = i + 1;
      while (j < to && (CLASSES[codes[j]] & CLOSER) !== 0) j++;
      if ((j >= to || isSpace(codes[j])) && !(c === 46 && j === i + 1 && endsAbbreviation(codes, i, start))) {
        lastNonSpace = j - 1;
        if (j > start) sentences.push({ start: start + offset, end: j + offset, text: prose.slice(start, j) });
        start = -1;
        i = j;
        continue;
      }
    }
    i++;
  }
  end = lastNonSpace + 1;
  if (start >= 0 && end > start) sentences.push({ start: start + offset, end: end + offset, text: prose.slice(start, end) });
  return sentences;
}

function codeUnits(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}
