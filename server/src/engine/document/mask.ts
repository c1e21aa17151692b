// The mask: a copy of the text, the same length, that the document model
// writes into. Hidden text becomes spaces (line breaks kept, so lines stay
// where they are); values such as placeholders and URLs become a word of
// X's, so a sentence reads across them; a paragraph mark (sentences.ts) where
// a new block starts keeps sentences from running across blocks.

import { PARAGRAPH_MARK } from './sentences';

const SPACE = 32;
const X = 88;

export class Mask {
  private readonly codes: Uint16Array;
  /** The text holds no surrogate code unit, so the codes can be copied into a string as they are. */
  private readonly plain: boolean;

  constructor(text: string) {
    this.codes = toCodes(text);
    this.plain = !SURROGATE.test(text);
  }

  /** Blank [start, end), keeping line breaks. */
  hide(start: number, end: number): void {
    const codes = this.codes;
    for (let i = start; i < end; i++) {
      const c = codes[i];
      if (c !== 10 && c !== 13) codes[i] = SPACE;
    }
  }

  /** Blank a block and start a new paragraph where it began. */
  hideBlock(start: number, end: number): void {
    this.hide(start, end);
    this.markBreak(start);
  }

  /** Show [start, end) as a single word. */
  value(start: number, end: number): void {
    const codes = this.codes;
    for (let i = start; i < end; i++) {
      const c = codes[i];
      if (c !== 10 && c !== 13) codes[i] = X;
    }
  }

  /** Sentences never run across this offset. Only a hidden character (a space) becomes the mark, so prose is never overwritten. */
  markBreak(at: number): void {
    if (at < this.codes.length && this.codes[at] === SPACE) this.codes[at] = PARAGRAPH_MARK;
  }

  /** Hide the character at `at` (a table pipe) and break sentences there. */
  breakAt(at: number): void {
    this.hide(at, at + 1);
    this.markBreak(at);
  }

  /** The masked text's UTF-16 code units, for readers that go character by character. Do not write into it. */
  get codeUnits(): Uint16Array {
    return this.codes;
  }

  /** The code units, when the masked text's string holds exactly them (no surrogates); else undefined. Do not write into it. */
  plainCodes(): Uint16Array | undefined {
    return this.plain ? this.codes : undefined;
  }

  read(start: number, end: number): string {
    return decode(this.codes.subarray(start, end), this.plain);
  }

  /**
   * A copy of the masked text with the given ranges (not their line breaks) shown as `code` instead: its
   * code units and its string. `standIn`, when the text itself holds `code`: what is shown there instead,
   * so that the code marks the ranges alone.
   */
  snapshotWith(ranges: ReadonlyArray<{ start: number; end: number }>, code: number, standIn?: number): { codes: Uint16Array; text: string } {
    const copy = this.codes.length <= SCRATCH_UNITS ? scratchCopy.subarray(0, this.codes.length) : new Uint16Array(this.codes.length);
    copy.set(this.codes);
    if (standIn !== undefined) for (let i = copy.indexOf(code); i >= 0; i = copy.indexOf(code, i + 1)) copy[i] = standIn;
    for (const range of ranges) {
      for (let i = range.start; i < range.end; i++) {
        const c = copy[i];
        if (c !== 10 && c !== 13) copy[i] = code;
      }
    }
    return { codes: copy, text: decode(copy, this.plain) };
  }

  toString(): string {
    return decode(this.codes, this.plain);
  }
}

/**
 * Masks of ordinary size reuse module-wide arrays (the codes, their snapshot copy, and the codes of
 * a variant zone's rendering): a document is parsed synchronously, one at a time, and nothing keeps
 * them once parsing ends. Fresh arrays for every small document cost more in allocation and
 * garbage collection than filling them.
 */
const SCRATCH_UNITS = 1 << 16;
const scratchCodes = new Uint16Array(SCRATCH_UNITS);
const scratchCopy = new Uint16Array(SCRATCH_UNITS);
const scratchZone = new Uint16Array(SCRATCH_UNITS);
/** Byte views of the scratch arrays, made once: a Buffer made for every string costs more than copying a small one. */
const scratchViews = typeof Buffer !== 'undefined' ? [scratchCodes, scratchCopy, scratchZone].map((codes) => ({ buffer: codes.buffer, bytes: Buffer.from(codes.buffer, 0, codes.byteLength) })) : [];
const scratchBytes = scratchViews[0]?.bytes;

/**
 * Code units to fill in for one rendering of a variant zone (variants.ts), from a module-wide array
 * when they fit: zones are split one at a time, and nothing keeps them.
 */
export function zoneScratch(length: number): Uint16Array {
  return length <= SCRATCH_UNITS ? scratchZone.subarray(0, length) : new Uint16Array(length);
}

/** The UTF-16 code units of the text (natively where Node's Buffer is there). */
function toCodes(text: string): Uint16Array {
  if (scratchBytes && text.length <= SCRATCH_UNITS) {
    scratchBytes.write(text, 0, 'utf16le');
    return scratchCodes.subarray(0, text.length);
  }
  if (typeof Buffer !== 'undefined' && text.length > 64) {
    const bytes = Buffer.from(text, 'utf16le');
    if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  }
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

// UTF-16LE decoding keeps the length: a lone surrogate becomes U+FFFD, one code unit for one.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The string of the codes. Without surrogates (hiding and masking never write one) they are copied
 * straight into a string (through Node's Buffer: several times faster than the TextDecoder, which
 * is kept for text with surrogates so that a lone one still becomes U+FFFD).
 */
function decode(codes: Uint16Array, plain: boolean): string {
  return plain ? stringOfCodes(codes) : UTF16.decode(codes);
}

/** The string of these code units exactly as they are (a lone surrogate stays one). */
export function stringOfCodes(codes: Uint16Array): string {
  if (typeof Buffer !== 'undefined') {
    for (const view of scratchViews) if (view.buffer === codes.buffer) return view.bytes.toString('utf16le', codes.byteOffset, codes.byteOffset + codes.byteLength);
    return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le');
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 4096) text += String.fromCharCode(...codes.subarray(i, i + 4096));
  return text;
}
