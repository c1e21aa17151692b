// Small text helpers shared by the document model, the rules and the editors.

export interface Position {
  line: number;
  character: number;
}

/** Maps offsets to 0-based line/character (UTF-16) and back. Lines end at \n, \r\n or \r. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/**
 * A copy of the text that holds only its own characters. A text cut from a document (a sentence, a
 * placeholder's path) keeps all of the document alive; a copy kept in a table does not, and the
 * table's copies are small and lie together in memory. (Flattening a joined string copies it.)
 */
export function ownCopy(text: string): string {
  return (text + ' ').slice(0, -1);
}

/** The line break the document uses (its first one), so inserted lines match it. */
export function detectEol(text: string): '\n' | '\r\n' {
  // The first line break decides: rules call this per finding, so it must not scan a whole LF file.
  const newline = text.indexOf('\n');
  return newline > 0 && text.charCodeAt(newline - 1) === 13 ? '\r\n' : '\n';
}

/** Upper-cases the first letter of replacement when the original started with a capital. */
export function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = original.trimStart().charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Whether a code point is a letter or number; ASCII without a RegExp (most text is ASCII). */
function isLetterOrNumber(code: number, text: string, at: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Words: a letter or number, then letters, numbers, apostrophes and hyphens. Counted without building them. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const word = isLetterOrNumber(code, text, i);
    if (inWord) {
      if (!word && code !== 39 /* ' */ && code !== 0x2019 /* ’ */ && code !== 45 /* - */) inWord = false;
    } else if (word) {
      count++;
      inWord = true;
    }
    // A letter outside the BMP takes two code units.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return count;
}

/** text with each run of white space as one space, for quoting it in a message; most quotes have nothing to change. */
export function oneLine(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A tab, a line break, any non-ASCII character, or a second space in a row: do the real work.
    if (c < 32 || c > 126 || (c === 32 && text.charCodeAt(i + 1) === 32)) return text.replace(/\s+/g, ' ');
  }
  return text;
}

/** A phrase's message with the author's words in place of {match} (taken literally: `$` in them is not a pattern). */
export function withMatch(message: string, match: string): string {
  const at = message.indexOf('{match}');
  return at < 0 ? message : message.slice(0, at) + match + message.slice(at + '{match}'.length);
}

/**
 * A hash of code units for filing texts (rules/support/memo.ts): FNV-1a over pairs of code units in
 * two interleaved chains, as a multiply waits for the one before it. Texts that differ in a single
 * code unit never share a hash (each step of a chain is a bijection). hashText gives the same
 * number for a string of the same code units.
 *
 * `words` (wordsOf(codes)) holds the same code units two to a 32-bit word: a pair is read in one
 * load where the words cover it, which makes hashing a sentence about a third cheaper.
 */
export function hashCodeUnits(codes: Uint16Array, start: number, end: number, words: Int32Array = NO_WORDS): number {
  let a = 0x811c9dc5 | 0; // as an int32: the literal is above 2^31, which made the chain a float in the optimized loop
  let b = 0x050c5d1f;
  let i = start;
  // Groups of four code units the words cover: each pair is (first | second << 16), as a word holds them.
  const stop = Math.min(end, words.length * 2) - 3;
  if (i < stop) {
    let w = (i + 1) >> 1;
    if ((i & 1) === 0) {
      for (; i < stop; i += 4, w += 2) {
        a = Math.imul(a ^ words[w], 0x01000193);
        b = Math.imul(b ^ words[w + 1], 0x01000193);
      }
    } else {
      // An odd start: each pair straddles two words.
      let low = words[w - 1] >>> 16;
      for (; i < stop; i += 4, w += 2) {
        const first = words[w];
        const second = words[w + 1];
        a = Math.imul(a ^ (low | (first << 16)), 0x01000193);
        b = Math.imul(b ^ ((first >>> 16) | (second << 16)), 0x01000193);
        low = second >>> 16;
      }
    }
  }
  for (; i + 3 < end; i += 4) {
    a = Math.imul(a ^ (codes[i] | (codes[i + 1] << 16)), 0x01000193);
    b = Math.imul(b ^ (codes[i + 2] | (codes[i + 3] << 16)), 0x01000193);
  }
  for (; i < end; i++) a = Math.imul(a ^ codes[i], 0x01000193);
  return Math.imul(a, 0x9e3779b1) ^ b;
}

const NO_WORDS = new Int32Array(0);
/** Whether a 32-bit word holds its first code unit in its low half (every platform Node runs on). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The code units two to a word, for hashCodeUnits: a view, not a copy (none where the layout does not allow one). */
export function wordsOf(codes: Uint16Array): Int32Array {
  if (!LITTLE_ENDIAN || codes.byteOffset % 4 !== 0) return NO_WORDS;
  return new Int32Array(codes.buffer, codes.byteOffset, codes.length >> 1);
}

/** hashCodeUnits of a string's code units, for a fact asked of a bare text. */
export function hashText(text: string): number {
  let a = 0x811c9dc5 | 0; // an int32, as in hashCodeUnits
  let b = 0x050c5d1f;
  const end = text.length;
  let i = 0;
  for (; i + 3 < end; i += 4) {
    a = Math.imul(a ^ (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)), 0x01000193);
    b = Math.imul(b ^ (text.charCodeAt(i + 2) | (text.charCodeAt(i + 3) << 16)), 0x01000193);
  }
  for (; i < end; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(a, 0x9e3779b1) ^ b;
}
