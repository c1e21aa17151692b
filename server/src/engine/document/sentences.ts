// Splits masked prose into sentences. Paragraph breaks (blank lines and the
// marks the model leaves where a block such as a heading or list item starts)
// always end a sentence; terminal punctuation ends one when followed by
// white space. A single line break is usually a hard wrap inside a sentence;
// it ends one only after a short line such as a greeting or a sign-off ("Hi
// {{name}},", "Best regards") when the next line starts with a capital.
// The scan jumps from one character where a sentence may end to the next
// (native searches), comparing char codes only around them.

import type { Sentence } from './model';
import { hashCodeUnits, wordsOf } from '../text';
import { NextCharacter } from './next-character';

/**
 * The mark the model writes where a block starts: a vertical tab, white space to every pattern
 * (\s) and one byte, so prose of Latin-1 text stays a one-byte string, which the rules' patterns
 * read faster than a two-byte one. A paragraph separator (U+2029) in the text breaks sentences too.
 */
export const PARAGRAPH_MARK = 0x0b;
const PARAGRAPH_SEPARATOR = 0x2029;
/** Either mark, for readers of prose that want them as spaces. */
export const PARAGRAPH_MARKS = /[\v\u2029]/g;

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'e.g', 'i.e', 'etc', 'vs', 'approx', 'no', 'st', 'jr', 'sr', 'inc', 'ltd', 'co']);
/** A line this short ends its sentence at the line break (greetings, sign-offs). */
const SHORT_LINE_WORDS = 4;

// Character classes by char code, one table lookup per character.
const SPACE = 1;
const CLOSER = 2;
/** The characters of EVENT_CHARACTERS below. */
const EVENT = 4;
const CLASSES = new Uint8Array(0x10000);
for (const c of [32, 9, 10, 13, 12, 0xa0, PARAGRAPH_MARK, PARAGRAPH_SEPARATOR, 0xfeff]) CLASSES[c] |= SPACE;
for (const c of [46 /* . */, 33 /* ! */, 63 /* ? */, 0x2026 /* … */]) CLASSES[c] |= CLOSER;
// Closing characters that may follow terminal punctuation: " ' ’ ” ) ] * _
for (const c of [34, 39, 0x2019, 0x201d, 41, 93, 42, 95]) CLASSES[c] |= CLOSER;
for (const c of [46, 33, 63, 0x2026, 10, 13, PARAGRAPH_MARK, PARAGRAPH_SEPARATOR]) CLASSES[c] |= EVENT;

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
/** Letters and dots before a full stop worth reading back: one more than the longest abbreviation. */
const LOOK_BACK = Math.max(...[...ABBREVIATIONS].map((a) => a.length)) + 1;
/** Lengths of the abbreviations above: a word of another length ends its sentence without a look-up. */
const ABBREVIATION_LENGTH = new Uint8Array(LOOK_BACK + 1);
for (const a of ABBREVIATIONS) ABBREVIATION_LENGTH[a.length] = 1;

/** The last two characters of each abbreviation, by their wordKey: a word that ends otherwise is none of them. */
const ABBREVIATION_ENDINGS = new Uint8Array(28 * 28);
for (const a of ABBREVIATIONS) ABBREVIATION_ENDINGS[wordKey(Array.from(a, (ch) => ch.charCodeAt(0)), a.length - 2, a.length)] = 1;

function isWordCode(c: number): boolean {
  return isAsciiLetter(c) || c === 46;
}

function endsAbbreviation(codes: Uint16Array, dot: number, start: number): boolean {
  // Every abbreviation is at least two letters or dots long and ends in one of a few pairs; most words end otherwise.
  if (dot - 2 < start || !isWordCode(codes[dot - 1]) || !isWordCode(codes[dot - 2]) || ABBREVIATION_ENDINGS[wordKey(codes, dot - 2, dot)] === 0) return false;
  let i = dot - 1;
  while (i >= start && dot - i <= LOOK_BACK) {
    const c = codes[i];
    if (!isAsciiLetter(c) && c !== 46) break;
    i--;
  }
  if (dot - i > LOOK_BACK || ABBREVIATION_LENGTH[dot - i - 1] === 0) return false;
  return ABBREVIATION_KEYS.has(wordKey(codes, i + 1, dot));
}

/** Room for the end of a sentence's text read back for an abbreviation (endsAtPunctuation). */
const tail = new Uint16Array(LOOK_BACK + 1);

/**
 * Whether the splitter ended a sentence it made at its terminal punctuation: then nothing after
 * the sentence can move its end (one ended by a line break or a paragraph mark may run on when
 * what follows changes). The last run of closing characters holds a terminal mark, the first of
 * which ended it, unless that is a full stop right at the end of an abbreviation.
 */
export function endsAtPunctuation(text: string): boolean {
  const length = text.length;
  let i = length;
  while (i > 0 && (CLASSES[text.charCodeAt(i - 1)] & CLOSER) !== 0) i--;
  for (let e = i; e < length; e++) {
    const c = text.charCodeAt(e);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    if (c !== 46 || e !== length - 1) return true;
    // A full stop that ends the text: the splitter's abbreviation test, on the letters before it.
    const from = Math.max(0, e - LOOK_BACK);
    for (let k = from; k <= e; k++) tail[k - from] = text.charCodeAt(k);
    return !endsAbbreviation(tail, e - from, 0);
  }
  return false;
}

/** Where a sentence may end: terminal punctuation, line breaks, paragraph marks. */
const EVENT_CHARACTERS = ['.', '\n', '\v', '!', '?', '\r', '\u2026', '\u2029'];
/** The next of them in the prose being split (splitting is synchronous, one split at a time). */
const nextEvent = new NextCharacter(EVENT_CHARACTERS);

/**
 * The sentences of prose[from, to). `offset` is added to every position (a
 * piece of prose cut out of a longer text reports positions in that text).
 * `codes` are prose's UTF-16 code units (the mask's, when the caller has them):
 * reading a typed array is cheaper than charCodeAt.
 *
 * Only the characters where a sentence may end matter (EVENT_CHARACTERS); the
 * scan jumps from one to the next (next-character.ts: native searches, several
 * times faster than a loop over every character here). Between two of them,
 * the sentence's start (its first non-space character), its last non-space
 * character and, after a short line, its word count are read only when needed.
 */
function sentenceOf(start: number, end: number, text: string, codes: Uint16Array, words: Int32Array, from: number): Sentence {
  return { start, end, text, answers: undefined, hash: hashCodeUnits(codes, from, from + text.length, words) };
}

export function splitSentences(prose: string, from: number, to: number, offset = 0, codes: Uint16Array = codeUnits(prose)): Sentence[] {
  const sentences: Sentence[] = [];
  const words = wordsOf(codes);
  nextEvent.reset(prose);
  /** The current sentence's first character, or -1 while none has been seen. */
  let start = -1;
  /** Where to look for the next sentence's first character. */
  let seek = from;
  /** Where the current line starts (after the last line break). */
  let lineStart = from;
  let p = from;
  while (p < to) {
    // The next event character at or after p.
    let e = p;
    if ((CLASSES[codes[p]] & EVENT) === 0) {
      // Not right here (as the line break after a line break is): search.
      e = nextEvent.at(p);
    }
    if (e >= to) break;
    if (start < 0) {
      start = firstNonSpace(codes, seek, e);
      if (start < 0) seek = e; // all white space so far: not read again
    }
    const c = codes[e];
    if (c === PARAGRAPH_MARK || c === PARAGRAPH_SEPARATOR) {
      if (start >= 0) {
        const end = lastNonSpace(codes, e, start) + 1;
        if (end > start) sentences.push(sentenceOf(start + offset, end + offset, prose.slice(start, end), codes, words, start));
      }
      start = -1;
      seek = p = e + 1;
      continue;
    }
    if (c === 10 || c === 13) {
      let j = e + 1;
      if (c === 13 && j < codes.length && codes[j] === 10) j++;
      let k = j;
      while (k < to && (codes[k] === 32 || codes[k] === 9)) k++;
      const next = k < to ? codes[k] : -1;
      let ends = false;
      if (k >= to || next === 10 || next === 13 || next === PARAGRAPH_MARK || next === PARAGRAPH_SEPARATOR) {
        ends = true; // a blank line ends the paragraph
      } else if (start >= lineStart && wordsUpTo(codes, start, e, SHORT_LINE_WORDS + 1) <= SHORT_LINE_WORDS && startsUpper(prose, k)) {
        ends = true; // a greeting or sign-off line (the sentence started on this line)
      }
      if (ends) {
        if (start >= 0) {
          const end = lastNonSpace(codes, e, start) + 1;
          if (end > start) sentences.push(sentenceOf(start + offset, end + offset, prose.slice(start, end), codes, words, start));
        }
        start = -1;
        seek = j;
      }
      lineStart = p = j;
      continue;
    }
    // Terminal punctuation: the sentence ends if closers and then white space (or the end) follow, unless it is an abbreviation's dot.
    if (start < 0) start = e;
    let j = e + 1;
    while (j < to && (CLASSES[codes[j]] & CLOSER) !== 0) j++;
    if ((j >= to || isSpace(codes[j])) && !(c === 46 && j === e + 1 && endsAbbreviation(codes, e, start))) {
      if (j > start) sentences.push(sentenceOf(start + offset, j + offset, prose.slice(start, j), codes, words, start));
      start = -1;
      seek = p = j;
      continue;
    }
    p = e + 1;
  }
  if (start < 0) start = firstNonSpace(codes, seek, to);
  if (start >= 0) {
    const end = lastNonSpace(codes, to, start) + 1;
    if (end > start) sentences.push(sentenceOf(start + offset, end + offset, prose.slice(start, end), codes, words, start));
  }
  return sentences;
}

/** The first character in [from, to) that is not white space, or -1. */
function firstNonSpace(codes: Uint16Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if ((CLASSES[codes[i]] & SPACE) === 0) return i;
  return -1;
}

/** The last character before `before` that is not white space (there is one at or after `start`). */
function lastNonSpace(codes: Uint16Array, before: number, start: number): number {
  let i = before - 1;
  while (i > start && (CLASSES[codes[i]] & SPACE) !== 0) i--;
  return i;
}

/** The words (runs of non-space characters) in [from, to), counted up to `limit`. */
function wordsUpTo(codes: Uint16Array, from: number, to: number, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = (CLASSES[codes[i]] & SPACE) !== 0;
    if (!space && !inWord && ++words >= limit) return words;
    inWord = !space;
  }
  return words;
}

function codeUnits(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}
