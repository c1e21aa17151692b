// Splits masked prose into sentences. Paragraph breaks (blank lines and the
// U+2029 marks the model leaves where a block such as a heading or list item
// starts) always end a sentence; terminal punctuation ends one when followed by
// white space; a line break ends one when the next line starts a new thought.

import type { Sentence } from './model';

export const PARAGRAPH_MARK = 0x2029;

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'e.g', 'i.e', 'etc', 'vs', 'approx', 'no', 'st', 'jr', 'sr', 'inc', 'ltd', 'co']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || c === PARAGRAPH_MARK || c === 0xfeff;
}

function isUpperStart(prose: string, i: number): boolean {
  const ch = prose.charAt(i);
  return ch !== ch.toLowerCase() || (ch >= '0' && ch <= '9');
}

function endsAbbreviation(prose: string, dot: number, start: number): boolean {
  let i = dot - 1;
  while (i >= start && /[A-Za-z.]/.test(prose.charAt(i))) i--;
  return ABBREVIATIONS.has(prose.slice(i + 1, dot).toLowerCase());
}

export function splitSentences(prose: string, from: number, to: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = -1;
  let lastNonSpace = -1;
  const push = (end: number) => {
    if (start >= 0 && end > start) sentences.push({ start, end, text: prose.slice(start, end) });
    start = -1;
  };
  for (let i = from; i < to; i++) {
    const c = prose.charCodeAt(i);
    if (isSpace(c)) {
      if (c === PARAGRAPH_MARK) {
        push(lastNonSpace + 1);
        continue;
      }
      if (c === 10 || c === 13) {
        // A blank line ends the paragraph.
        let j = i + 1;
        if (c === 13 && prose.charCodeAt(j) === 10) j++;
        let k = j;
        while (k < to && (prose.charCodeAt(k) === 32 || prose.charCodeAt(k) === 9)) k++;
        const next = prose.charCodeAt(k);
        if (k >= to || next === 10 || next === 13 || next === PARAGRAPH_MARK) {
          push(lastNonSpace + 1);
        } else if (start >= 0) {
          const prev = prose.charAt(lastNonSpace);
          if (/[,:;]/.test(prev) && isUpperStart(prose, k)) push(lastNonSpace + 1);
        }
      }
      continue;
    }
    if (start < 0) start = i;
    lastNonSpace = i;
    if (c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */) {
      let j = i + 1;
      while (j < to && /[.!?…"'’”)\]*_]/.test(prose.charAt(j))) j++;
      if (j >= to || isSpace(prose.charCodeAt(j))) {
        if (c === 46 && j === i + 1 && endsAbbreviation(prose, i, start)) continue;
        lastNonSpace = j - 1;
        i = j - 1;
        push(j);
      }
    }
  }
  push(lastNonSpace + 1);
  return sentences;
}
