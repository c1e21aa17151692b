// Marks what in a Markdown macro is not the agent's prose: front matter,
// code, HTML, link destinations, quoted customer text, headings, table
// delimiters. The block structure follows the CommonMark algorithm (a stack of
// open containers — block quotes and list items — matched line by line, with
// lazy continuation lines, then leaf blocks); inline constructs are read per
// paragraph, after every link reference definition is known. One pass over
// the lines, one over each paragraph: linear in the text size.
//
// The scanner is checked against a real CommonMark parser (commonmark.js) by
// test/document/commonmark-differential.test.ts. Deliberate differences:
// heading text is the macro's title, not its prose (hidden); the text inside
// HTML blocks of elements (<p>, <div>, …) is prose, as the customer reads it
// (tags, comments and script/style/pre hidden); GFM tables are
// read (cells are separate pieces of prose); bare URLs and e-mail addresses
// (GFM autolinks) read as values; entity references stay as written; alt text
// of images is hidden.

import type { Mask } from './mask';
import type { OffsetRange } from '../types';
import { NextCharacter, NOT_FOUND } from './next-character';

export interface Heading extends OffsetRange {
  level: number;
  /** The heading's text (without the #s). */
  title: string;
  titleRange: OffsetRange;
}

export interface MarkdownScan {
  frontMatter?: { range: OffsetRange; body: string };
  headings: Heading[];
  htmlComments: Array<OffsetRange & { body: string }>;
}

/** An open container block; `quoted` says whether it is (inside) a block quote. */
type Container = { kind: 'quote'; quoted: true } | { kind: 'item'; quoted: boolean; contentIndent: number; blankStart: boolean; hasContent: boolean };

type Leaf =
  | { kind: 'paragraph'; start: number; end: number; lines: number; inQuote: boolean; firstLineStart: number; firstLineEnd: number }
  | { kind: 'fence'; char: number; length: number }
  | { kind: 'indented' }
  | { kind: 'html'; type: number; start: number; end: number; inQuote: boolean }
  | { kind: 'table'; inQuote: boolean };

const ATX = /^(#{1,6})(?:[ \t]+|$)/;
const FENCE_OPEN = /^(`{3,}|~{3,})/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

const HTML_BLOCK_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const OPEN_TAG = `<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*/?>`;
const CLOSE_TAG = `</[A-Za-z][A-Za-z0-9-]*\\s*>`;
const HTML_BLOCK_START: RegExp[] = [
  /./, // (types are 1-based)
  /^<(?:script|pre|style|textarea)(?:\s|>|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  new RegExp(`^</?(?:${HTML_BLOCK_NAMES})(?:\\s|/?>|$)`, 'i'),
  new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`),
];
const HTML_BLOCK_END: RegExp[] = [/./, /<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/];

/** A link reference definition at the start of a paragraph. */
const REFERENCE_DEFINITION =
  /^[ \t]{0,3}\[((?:[^\\[\]]|\\.){0,999})\]:[ \t]*(?:\r?\n)?[ \t]*(?:<[^<>\n]*>|[^\s<][^\s]*)(?:(?:[ \t]+(?:\r?\n)?[ \t]*|[ \t]*\r?\n[ \t]*)(?:"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|\((?:[^()\\]|\\[\s\S])*\)))?[ \t]*(?:\r?\n|$)/;

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** First characters of the leaf and list starts below: # ` ~ < = - * _ + and digits. */
const BLOCK_START_CHAR = new Uint8Array(128);
for (const ch of '#`~<=-*_+0123456789') BLOCK_START_CHAR[ch.charCodeAt(0)] = 1;

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/**
 * Where a template tag ({{#if}}, {{else}}, {{!-- --}}) stood: no width for the block structure, so a line that holds only tags is blank and a tag before text does not indent it.
 * DEL: neither white space nor punctuation, and one byte, so the scanned text of Latin-1 source stays a one-byte string.
 */
const TAG_MARK = 0x7f;
/** What a DEL of the text itself is read as, so it keeps its width: a control character of no meaning to Markdown, one byte too. */
const DEL_STAND_IN = 0x1f;

// The state of the block scan in progress. Scanning is synchronous, one document at a time, so
// the state lives at module level and the helpers below are plain functions: closures made afresh
// for every document (and named, under a keep-names transform) cost more than scanning a small macro.
let scan: MarkdownScan = { headings: [], htmlComments: [] };
let mask: Mask;
/** The text as the templates left it (their expressions are values or blanks), and its code units. */
let src = '';
const NO_CODES = new Uint16Array(0);
let srcCodes: Uint16Array = NO_CODES;
let containers: Container[] = [];
let leaf: Leaf | undefined;
let paragraphs: OffsetRange[] = [];
let tableRows: OffsetRange[] = [];
let htmlTexts: OffsetRange[] = [];
const references = new Set<string>();
// Per-line cursor: offset and column (tabs advance to the next multiple of 4).
let pos = 0;
let col = 0;
let lineEnd = 0;
let matched = 0;
// Per line and per character (- * _): the last offset that could not belong to a thematic break,
// so that nested list markers ("- - - x") do not rescan the line at every marker.
// A typed array by character (not a Map, whose clear() at every list line cost more than the rest of it); -2: not read yet.
let thematicLine = -1;
const lastNonThematic = new Int32Array(3);

function advanceColumns(count: number): void {
  while (count > 0 && pos < lineEnd) {
    const c = srcCodes[pos];
    if (c === TAG_MARK) {
      pos++;
    } else if (c === 9) {
      const toTab = 4 - (col % 4);
      if (toTab > count) {
        col += count;
        return;
      }
      col += toTab;
      pos++;
      count -= toTab;
    } else {
      col++;
      pos++;
      count--;
    }
  }
}

/** Columns of white space from the cursor (in `spaceIndent`), and the offset of the next non-space character (returned). */
let spaceIndent = 0;
function nextNonSpace(): number {
  let p = pos;
  let c = col;
  while (p < lineEnd) {
    const code = srcCodes[p];
    if (code === 32) c++;
    else if (code === 9) c += 4 - (c % 4);
    else if (code !== TAG_MARK) break;
    p++;
  }
  spaceIndent = c - col;
  return p;
}

function inQuote(depth = containers.length): boolean {
  return depth > 0 && containers[depth - 1].quoted;
}

function closeLeaf(): void {
  if (!leaf) return;
  if (leaf.kind === 'paragraph') {
    closeParagraph(leaf);
  } else if (leaf.kind === 'html') {
    if (leaf.type >= 6 && !leaf.inQuote) htmlTexts.push({ start: leaf.start, end: leaf.end });
    else collectComments(leaf.start, leaf.end);
  }
  leaf = undefined;
}

/** Reads the link reference definitions at a paragraph's start (they are not rendered); returns where its text starts, or -1. */
function extractDefinitions(paragraph: Extract<Leaf, { kind: 'paragraph' }>): number {
  let start = paragraph.start;
  for (;;) {
    // Only a line that opens with [ (after up to three spaces) can hold a definition.
    let p = start;
    while (p < start + 3 && (srcCodes[p] === 32 || srcCodes[p] === 9)) p++;
    if (srcCodes[p] !== 91 /* [ */) return start;
    const rest = src.slice(start, Math.min(paragraph.end, start + 4000));
    const def = REFERENCE_DEFINITION.exec(rest);
    if (!def || def[1].trim() === '') return start;
    references.add(normalizeLabel(def[1]));
    const end = start + def[0].length;
    mask.hideBlock(start, end);
    start = end;
    if (start >= paragraph.end) return -1;
  }
}

function closeParagraph(paragraph: Extract<Leaf, { kind: 'paragraph' }>): void {
  const start = extractDefinitions(paragraph);
  if (start >= 0 && !paragraph.inQuote) paragraphs.push({ start, end: paragraph.end });
}

function collectComments(start: number, end: number): void {
  // indexOf only, and stop at the first comment that never closes: linear however many "<!--" there are.
  for (let open = src.indexOf('<!--', start); open >= 0 && open < end; open = src.indexOf('<!--', open)) {
    const bodyStart = open + 4;
    const short = src.startsWith('>', bodyStart) ? 1 : src.startsWith('->', bodyStart) ? 2 : 0;
    const close = short ? bodyStart + short - 3 : src.indexOf('-->', bodyStart);
    if (close < 0 || close + 3 > end) return;
    scan.htmlComments.push({ start: open, end: close + 3, body: short ? '' : src.slice(bodyStart, close) });
    open = close + 3;
  }
}

function hideLine(start: number, end: number): void {
  mask.hideBlock(start, end);
}

/** Whether only spaces and tabs follow `from` on the line. */
function nothingAfter(from: number): boolean {
  let p = from;
  while (p < lineEnd && (srcCodes[p] === 32 || srcCodes[p] === 9)) p++;
  return p >= lineEnd;
}

function onlyThematicFrom(from: number, c: number): boolean {
  if (thematicLine !== lineEnd) {
    thematicLine = lineEnd;
    lastNonThematic.fill(-2);
  }
  const slot = c === 42 /* * */ ? 0 : c === 45 /* - */ ? 1 : 2;
  let last = lastNonThematic[slot];
  if (last === -2) {
    last = lineEnd - 1;
    while (last >= 0 && last >= from) {
      const code = srcCodes[last];
      if (code !== c && code !== 32 && code !== 9) break;
      last--;
    }
    if (last < from) last = -1;
    lastNonThematic[slot] = last;
  }
  return last < from;
}

/** Drops the containers after the matched ones (pop: setting the length takes a slow path). */
function truncateContainers(): void {
  while (containers.length > matched) containers.pop();
}

function closeUnmatched(): void {
  if (matched < containers.length) {
    closeLeaf();
    truncateContainers();
  }
}

function closeUnmatchedIfBlank(): void {
  // A blank line keeps list items open (they may continue, indented); it ends nothing else but paragraphs.
  if (matched < containers.length) {
    let keep = true;
    for (let k = matched; k < containers.length; k++) {
      const c = containers[k];
      if (!(c.kind === 'item' && !(c.blankStart && !c.hasContent))) keep = false;
    }
    if (!keep) {
      closeLeaf();
      truncateContainers();
    }
  }
}

function markContent(): void {
  for (const container of containers) if (container.kind === 'item') container.hasContent = true;
}

/** Empties the scanner's module-wide state: before a document, and after it so none of it stays reachable. */
function clearScanState(): void {
  src = '';
  srcCodes = NO_CODES;
  containers = [];
  leaf = undefined;
  paragraphs = [];
  tableRows = [];
  htmlTexts = [];
  // One set for every document, emptied only when used: a new set is a table to allocate, twice a document.
  if (references.size > 0) references.clear();
}

/** The line that closes front matter (--- or ...), searched from the body's start. */
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/gm;

/**
 * Where the front matter's body starts when text[from] opens a --- line (spaces or tabs may follow,
 * all within eight characters with its line break), or -1. Read by char codes: most macros have
 * front matter, and a pattern made afresh on each call costs more than the test.
 */
function frontMatterBodyStart(text: string, from: number): number {
  if (!text.startsWith('---', from)) return -1;
  const limit = Math.min(text.length, from + 8);
  let i = from + 3;
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i < limit && text.charCodeAt(i) === 13) i++;
  return i < limit && text.charCodeAt(i) === 10 ? i + 1 : -1;
}

export function scanMarkdown(text: string, textMask: Mask, options: { skipFrontMatter: number; tags?: ReadonlyArray<OffsetRange> }): MarkdownScan {
  scan = { headings: [], htmlComments: [] };
  mask = textMask;
  let from = options.skipFrontMatter;

  // Front matter: a --- line at the very top, closed by --- or ... .
  const bodyStart = frontMatterBodyStart(text, from);
  if (bodyStart >= 0) {
    FRONT_MATTER_CLOSE.lastIndex = bodyStart;
    const found = FRONT_MATTER_CLOSE.exec(text);
    if (found) {
      const closing = found[0];
      const end = found.index + closing.length - (closing.charCodeAt(closing.length - 1) === 13 ? 1 : 0);
      scan.frontMatter = { range: { start: from, end }, body: text.slice(bodyStart, found.index) };
      mask.hideBlock(from, end);
      from = end;
    }
  }

  // The block structure is read from the text as the templates left it (their expressions are values or blanks).
  // Its code units too: scanning loops read a typed array faster than charCodeAt (the same values
  // but where a lone surrogate reads U+FFFD in the string, and both are beyond ASCII).
  clearScanState();
  // A DEL is all but unheard of in a macro: the text is searched for one (natively) before any is replaced.
  ({ text: src, codes: srcCodes } = mask.snapshotWith(options.tags ?? [], TAG_MARK, text.includes('\x7f') ? DEL_STAND_IN : undefined));
  pos = 0;
  col = 0;
  lineEnd = 0;
  matched = 0;
  thematicLine = -1;

  let lineStart = from;
  while (lineStart <= src.length) {
    // Masking keeps every line break where it is, so the lines are found in the original text
    // (usually stored one byte a character, where indexOf is faster than in the masked copy).
    let newline = text.indexOf('\n', lineStart);
    if (newline < 0) newline = text.length;
    lineEnd = newline > lineStart && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    pos = lineStart;
    col = 0;

    // The common lines, outside any container and any leaf but a paragraph: an empty line, and a
    // line that starts with an ASCII letter (it can start no block, nor be a table's delimiter row,
    // so it is paragraph text). This does what the steps below would, without reading the line.
    if (containers.length === 0 && (leaf === undefined || leaf.kind === 'paragraph')) {
      if (lineEnd === lineStart) {
        closeLeaf();
        if (newline >= src.length) break;
        lineStart = newline + 1;
        continue;
      }
      if (((srcCodes[lineStart] | 32) - 97) >>> 0 < 26) {
        if (leaf) {
          leaf.end = lineEnd;
          leaf.lines++;
        } else {
          leaf = { kind: 'paragraph', start: lineStart, end: lineEnd, lines: 1, inQuote: false, firstLineStart: lineStart, firstLineEnd: lineEnd };
          mask.markBreak(lineStart);
        }
        if (newline >= src.length) break;
        lineStart = newline + 1;
        continue;
      }
    }

    // 1. Which open containers does this line continue?
    matched = 0;
    let at = nextNonSpace();
    let indent = spaceIndent;
    let blank = at >= lineEnd;
    for (; matched < containers.length; matched++) {
      const container = containers[matched];
      at = nextNonSpace();
      indent = spaceIndent;
      blank = at >= lineEnd;
      if (container.kind === 'quote') {
        if (indent <= 3 && src.charCodeAt(at) === 62 /* > */) {
          advanceColumns(indent);
          pos = at + 1;
          col += 1;
          const c = src.charCodeAt(pos);
          if (pos < lineEnd && (c === 32 || c === 9)) advanceColumns(1);
          continue;
        }
        break;
      }
      if (blank) {
        if (container.blankStart && !container.hasContent) break;
        advanceColumns(indent);
        continue;
      }
      if (indent >= container.contentIndent) {
        advanceColumns(container.contentIndent);
        continue;
      }
      break;
    }
    at = nextNonSpace();
    indent = spaceIndent;
    blank = at >= lineEnd;
    const allMatched = matched === containers.length;

    // 2. Leaves that own their lines: fenced code, HTML blocks, indented code.
    if (leaf && allMatched) {
      if (leaf.kind === 'fence') {
        hideLine(lineStart, lineEnd);
        const close = indent <= 3 ? FENCE_OPEN.exec(src.slice(at, lineEnd)) : null;
        if (close && close[1].charCodeAt(0) === leaf.char && close[1].length >= leaf.length && src.slice(at + close[1].length, lineEnd).trim() === '') {
          leaf = undefined;
        }
        lineStart = newline + 1;
        continue;
      }
      if (leaf.kind === 'html') {
        if (leaf.type >= 6 && blank) {
          closeLeaf();
        } else {
          if (leaf.type <= 5 || leaf.inQuote) hideLine(lineStart, lineEnd);
          leaf.end = lineEnd;
          if (leaf.type <= 5 && HTML_BLOCK_END[leaf.type].test(src.slice(pos, lineEnd))) closeLeaf();
        }
        lineStart = newline + 1;
        continue;
      }
      if (leaf.kind === 'indented') {
        if (blank || indent >= 4) {
          hideLine(lineStart, lineEnd);
          lineStart = newline + 1;
          continue;
        }
        closeLeaf();
      }
    }

    // 3. New container and leaf starts.
    const paragraphOpen = leaf?.kind === 'paragraph';
    let opened = false;
    let handled = false;
    for (;;) {
      at = nextNonSpace();
      indent = spaceIndent;
      blank = at >= lineEnd;
      if (blank) break;
      const canInterrupt = paragraphOpen && !opened;
      if (indent >= 4) {
        if (canInterrupt || (leaf?.kind === 'table' && !opened && allMatched)) break;
        // Indented code.
        closeUnmatched();
        closeLeaf();
        leaf = { kind: 'indented' };
        hideLine(lineStart, lineEnd);
        handled = true;
        break;
      }
      const c = src.charCodeAt(at);
      // Only a line that may start a block (or may be a table's delimiter row) is read further: most are plain text.
      const rest = (c < 128 && BLOCK_START_CHAR[c] !== 0) || (leaf?.kind === 'paragraph' && leaf.lines === 1) ? src.slice(at, lineEnd) : '';
      if (c === 62 /* > */) {
        closeUnmatched();
        closeLeaf();
        advanceColumns(indent);
        pos = at + 1;
        col += 1;
        if (pos < lineEnd && (src.charCodeAt(pos) === 32 || src.charCodeAt(pos) === 9)) advanceColumns(1);
        containers.push({ kind: 'quote', quoted: true });
        matched = containers.length;
        opened = true;
        continue;
      }
      let m: RegExpExecArray | null;
      if (c === 35 /* # */ && (m = ATX.exec(rest))) {
        closeUnmatched();
        closeLeaf();
        const quoted = inQuote();
        const content = rest.slice(m[0].length).replace(/(?:(?:^|[ \t]+)#+)?[ \t]*$/, '');
        const titleStart = at + m[0].length;
        if (!quoted) {
          scan.headings.push({ start: at, end: lineEnd, level: m[1].length, title: text.slice(titleStart, titleStart + content.length).trim(), titleRange: { start: titleStart, end: titleStart + content.length } });
        }
        hideLine(lineStart, lineEnd);
        handled = true;
        break;
      }
      if ((c === 96 || c === 126) && (m = FENCE_OPEN.exec(rest)) && !(c === 96 && rest.indexOf('`', m[1].length) >= 0)) {
        closeUnmatched();
        closeLeaf();
        leaf = { kind: 'fence', char: c, length: m[1].length };
        hideLine(lineStart, lineEnd);
        handled = true;
        break;
      }
      if (c === 60 /* < */) {
        let type = 0;
        for (let t = 1; t <= 7; t++) {
          if (HTML_BLOCK_START[t].test(rest) && !(t === 7 && canInterrupt)) {
            type = t;
            break;
          }
        }
        if (type) {
          closeUnmatched();
          closeLeaf();
          leaf = { kind: 'html', type, start: at, end: lineEnd, inQuote: inQuote() };
          // Raw HTML, comments and declarations are hidden; the text of block elements (<p>, <div>, …) is what the customer reads.
          if (type <= 5 || leaf.inQuote) hideLine(lineStart, lineEnd);
          if (type <= 5 && HTML_BLOCK_END[type].test(rest)) closeLeaf();
          handled = true;
          break;
        }
      }
      if (canInterrupt && allMatched && (c === 61 || c === 45) && SETEXT.test(rest) && leaf?.kind === 'paragraph') {
        // A setext heading: the paragraph above is its title (unless it was all reference definitions).
        const paragraph = leaf;
        leaf = undefined;
        const titleStart = extractDefinitions(paragraph);
        if (titleStart >= 0) {
          if (!paragraph.inQuote) {
            const title = text.slice(titleStart, paragraph.end);
            scan.headings.push({ start: titleStart, end: lineEnd, level: c === 61 ? 1 : 2, title: title.trim().replace(/\s+/g, ' '), titleRange: { start: titleStart, end: paragraph.end } });
          }
          mask.hideBlock(titleStart, paragraph.end);
          hideLine(lineStart, lineEnd);
          handled = true;
          break;
        }
        // Only definitions above: this line starts over as an ordinary line.
      }
      if ((c === 42 || c === 45 || c === 95) && onlyThematicFrom(at, c) && THEMATIC.test(rest)) {
        closeUnmatched();
        closeLeaf();
        hideLine(lineStart, lineEnd);
        handled = true;
        break;
      }
      const item = c === 45 || c === 43 || c === 42 || (c >= 48 && c <= 57) ? listItemAt(rest) : undefined;
      if (item) item.empty = nothingAfter(at + item.marker.length);
      if (item && !(canInterrupt && allMatched && (item.empty || (item.ordered && item.number !== 1)))) {
        closeUnmatched();
        closeLeaf();
        // The content indent is counted from where the enclosing container's content starts.
        const parentColumn = col;
        advanceColumns(indent);
        pos = at + item.marker.length;
        col += item.marker.length;
        const afterAt = nextNonSpace();
        const afterIndent = spaceIndent;
        let contentIndent: number;
        if (afterAt >= lineEnd) {
          contentIndent = col + 1 - parentColumn;
        } else if (afterIndent >= 5) {
          advanceColumns(1);
          contentIndent = col - parentColumn;
        } else {
          advanceColumns(afterIndent);
          contentIndent = col - parentColumn;
        }
        containers.push({ kind: 'item', quoted: inQuote(), contentIndent, blankStart: afterAt >= lineEnd, hasContent: false });
        mask.hideBlock(at, at + item.marker.length);
        matched = containers.length;
        opened = true;
        continue;
      }
      if (leaf?.kind === 'table' && !opened && allMatched) break;
      if (canInterrupt && allMatched && leaf?.kind === 'paragraph' && leaf.lines === 1 && rest.includes('-') && TABLE_DELIMITER.test(rest) && src.slice(leaf.firstLineStart, leaf.firstLineEnd).includes('|') && countCells(rest) === countCells(src.slice(leaf.firstLineStart, leaf.firstLineEnd))) {
        // GFM table: the paragraph's only line was the header row.
        const header = { start: leaf.firstLineStart, end: leaf.firstLineEnd };
        const quoted: boolean = leaf.inQuote;
        leaf = { kind: 'table', inQuote: quoted };
        if (!quoted) tableRows.push(header);
        hideLine(lineStart, lineEnd);
        handled = true;
        break;
      }
      break;
    }

    // 4. The rest of the line: text, or a blank line.
    if (!handled) {
      if (blank) {
        if (leaf?.kind === 'paragraph' || leaf?.kind === 'table') closeLeaf();
        closeUnmatchedIfBlank();
        if (inQuote(matched)) hideLine(lineStart, lineEnd);
      } else {
        const lazy = !opened && !allMatched && leaf?.kind === 'paragraph';
        if (!lazy) closeUnmatched();
        markContent();
        if (leaf?.kind === 'paragraph') {
          leaf.end = lineEnd;
          leaf.lines++;
        } else if (leaf?.kind === 'table') {
          if (!leaf.inQuote) tableRows.push({ start: at, end: lineEnd });
        } else {
          closeLeaf();
          leaf = { kind: 'paragraph', start: at, end: lineEnd, lines: 1, inQuote: inQuote(), firstLineStart: at, firstLineEnd: lineEnd };
          mask.markBreak(at - 1 >= lineStart ? at - 1 : at);
        }
        if (lazy ? (leaf as { inQuote?: boolean }).inQuote : inQuote()) hideLine(lineStart, lineEnd);
      }
    } else {
      markContent();
      if (inQuote()) hideLine(lineStart, lineEnd);
    }
    if (newline >= src.length) break;
    lineStart = newline + 1;

  }
  closeLeaf();

  // Inline constructs, now that every reference definition is known.
  inlineSyntax.reset(src);
  hintSearchFrom[EMAIL] = hintSearchFrom[WWW] = hintSearchFrom[LINK_COLON] = NOT_SEARCHED;
  for (const paragraph of paragraphs) maskInline(src, srcCodes, paragraph.start, paragraph.end, mask, references, scan);
  for (const block of htmlTexts) maskHtmlText(src, block.start, block.end, mask, scan);
  for (const row of tableRows) {
    maskInline(src, srcCodes, row.start, row.end, mask, references, scan);
    maskTableRow(src, row, mask);
  }
  if (scan.htmlComments.length > 1) scan.htmlComments.sort((a, b) => a.start - b.start);
  const result = scan;
  // Nothing of this document stays reachable from the module once it is scanned.
  clearScanState();
  scan = { headings: [], htmlComments: [] };
  return result;
}

interface ListItemStart {
  marker: string;
  ordered: boolean;
  number: number;
  empty: boolean;
}

function listItemAt(rest: string): ListItemStart | undefined {
  // A bullet (- + *) or 1 to 9 digits and . or ), then a space, a tab or the end of the line. Read by hand: a regular expression per list line cost more.
  const c = rest.charCodeAt(0);
  if (c === 45 || c === 43 || c === 42) return markerEndsAt(rest, 1) ? { marker: rest.charAt(0), ordered: false, number: 0, empty: false } : undefined;
  let digits = 0;
  while (digits < rest.length && digits <= 9 && isDigitCode(rest.charCodeAt(digits))) digits++;
  if (digits === 0 || digits > 9) return undefined;
  const delimiter = rest.charCodeAt(digits);
  if ((delimiter !== 46 /* . */ && delimiter !== 41) /* ) */ || !markerEndsAt(rest, digits + 1)) return undefined;
  return { marker: rest.slice(0, digits + 1), ordered: true, number: Number(rest.slice(0, digits)), empty: false };
}

function markerEndsAt(rest: string, at: number): boolean {
  return at >= rest.length || rest.charCodeAt(at) === 32 || rest.charCodeAt(at) === 9;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

const BLOCK_TAG = new RegExp(`^</?(?:${HTML_BLOCK_NAMES}|br|pre|script|style|textarea)\\b`, 'i');
const RAW_ELEMENT = /^<(script|style|textarea|pre)\b/i;

/** An HTML block of elements (<p>, <div>, <table>…): tags, comments and raw elements are hidden, the text stays; block tags end sentences. */
function maskHtmlText(src: string, start: number, end: number, mask: Mask, scan: MarkdownScan): void {
  mask.markBreak(start);
  let i = start;
  while (i < end) {
    const lt = src.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    if (src.startsWith('<!--', lt)) {
      const close = src.indexOf('-->', lt + 4);
      const commentEnd = close < 0 || close + 3 > end ? end : close + 3;
      scan.htmlComments.push({ start: lt, end: commentEnd, body: src.slice(lt + 4, close < 0 ? end : close) });
      mask.hide(lt, commentEnd);
      i = commentEnd;
      continue;
    }
    const rest = src.slice(lt, Math.min(end, lt + 2000));
    const raw = RAW_ELEMENT.exec(rest);
    if (raw) {
      const found = new RegExp(`</${raw[1]}\\s*>`, 'i').exec(src.slice(lt, end));
      const elementEnd = found ? lt + found.index + found[0].length : end;
      mask.hide(lt, elementEnd);
      mask.markBreak(lt);
      i = elementEnd;
      continue;
    }
    const tag = INLINE_HTML.exec(rest);
    if (tag) {
      mask.hide(lt, lt + tag[0].length);
      if (BLOCK_TAG.test(tag[0])) mask.markBreak(lt);
      i = lt + tag[0].length;
      continue;
    }
    i = lt + 1;
  }
}

function countCells(row: string): number {
  const cells = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
  return cells.length;
}

function maskTableRow(src: string, row: OffsetRange, mask: Mask): void {
  mask.markBreak(row.start);
  for (let i = row.start; i < row.end; i++) {
    if (src.charCodeAt(i) === 124 /* | */ && src.charCodeAt(i - 1) !== 92) mask.breakAt(i);
  }
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const SCHEME_AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/;
const EMAIL_AUTOLINK = /^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/;
const INLINE_HTML = new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG}|<!--(?:>|->|[\\s\\S]*?-->)|<[?][\\s\\S]*?[?]>|<![A-Za-z][^>]*>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>)`);
/** Bare URLs and e-mail addresses (GFM's extended autolinks) read as values. */
export const BARE_LINK = /\b(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s<>]*[^\s<>?!.,:*_~'")\]]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b/g;

/** ASCII characters maskInline stops at: those that may start inline syntax (\ ` < ! [ ] * _ ~). */
const INLINE_CHARACTERS = [...'\\`<![]*_~'];
const INLINE_SYNTAX = 1;
const INLINE_CHAR = new Uint8Array(128);
for (const ch of INLINE_CHARACTERS) INLINE_CHAR[ch.charCodeAt(0)] = INLINE_SYNTAX;

/** The next of the characters of INLINE_CHAR in this document's src (scanMarkdown resets it): ranges are read in order, so the text is searched once. */
const inlineSyntax = new NextCharacter(INLINE_CHARACTERS);

/** The offset of the first INLINE_CHAR at or after `from` (src.length if none). */
function nextInlineChar(src: string, from: number): number {
  const at = inlineSyntax.at(from);
  return at === NOT_FOUND ? src.length : at;
}

interface Opener {
  at: number;
  image: boolean;
  active: boolean;
}

// The backtick runs of the range maskInline is reading, by length (gathered at its first backtick), for linear code-span matching.
let runsByLength: Map<number, number[]> | undefined;
let runCursor: Map<number, number> | undefined;

/** Where the code span opened by the backtick run of `length` at `at` closes, or -1. */
function codeSpanEnd(src: string, at: number, to: number, length: number): number {
  if (!runsByLength) {
    runsByLength = new Map();
    for (let i = at; i < to; ) {
      if (src.charCodeAt(i) !== 96) {
        i++;
        continue;
      }
      let j = i;
      while (j < to && src.charCodeAt(j) === 96) j++;
      const list = runsByLength.get(j - i) ?? [];
      list.push(i);
      runsByLength.set(j - i, list);
      i = j;
    }
  }
  const list = runsByLength.get(length);
  if (!list) return -1;
  runCursor ??= new Map();
  let k = runCursor.get(length) ?? 0;
  while (k < list.length && list[k] <= at) k++;
  runCursor.set(length, k);
  return k < list.length ? list[k] : -1;
}

/** Masks the inline syntax of one paragraph (or table row): code spans, autolinks, HTML, link destinations, escapes, emphasis. */
function maskInline(src: string, codes: Uint16Array, from: number, to: number, mask: Mask, references: Set<string>, scan: MarkdownScan): void {
  const openers: Opener[] = [];
  runsByLength = undefined;
  runCursor = undefined;

  let i = from;
  while (i < to) {
    const c = codes[i];
    const kind = c < 128 ? INLINE_CHAR[c] : 0;
    if (kind === 0) {
      // Plain text: jump to the next character that may start inline syntax.
      i = nextInlineChar(src, i + 1);
      if (i > to) i = to;
      continue;
    }
    if (c === 92 /* \ */) {
      const next = src.charAt(i + 1);
      if (i + 1 < to && ASCII_PUNCTUATION.test(next)) {
        mask.hide(i, i + 1);
        i += 2;
        continue;
      }
      if (i + 1 < to && (next === '\n' || next === '\r')) mask.hide(i, i + 1); // hard line break
      i++;
      continue;
    }
    if (c === 96 /* ` */) {
      let j = i;
      while (j < to && src.charCodeAt(j) === 96) j++;
      const close = codeSpanEnd(src, i, to, j - i);
      if (close >= 0) {
        mask.hide(i, close + (j - i));
        i = close + (j - i);
      } else {
        i = j;
      }
      continue;
    }
    if (c === 60 /* < */) {
      const rest = src.slice(i, Math.min(to, i + 2000));
      let m = SCHEME_AUTOLINK.exec(rest) ?? EMAIL_AUTOLINK.exec(rest);
      if (m) {
        mask.hide(i, i + 1);
        mask.value(i + 1, i + m[0].length - 1);
        mask.hide(i + m[0].length - 1, i + m[0].length);
        i += m[0].length;
        continue;
      }
      m = INLINE_HTML.exec(rest);
      if (m) {
        mask.hide(i, i + m[0].length);
        if (m[0].startsWith('<!--')) scan.htmlComments.push({ start: i, end: i + m[0].length, body: m[0].slice(4).replace(/-->$/, '').replace(/^-?>$/, '') });
        i += m[0].length;
        continue;
      }
      i++;
      continue;
    }
    if (c === 33 /* ! */ && src.charCodeAt(i + 1) === 91) {
      openers.push({ at: i, image: true, active: true });
      i += 2;
      continue;
    }
    if (c === 91 /* [ */) {
      openers.push({ at: i, image: false, active: true });
      i++;
      continue;
    }
    if (c === 93 /* ] */) {
      const opener = openers.pop();
      if (!opener) {
        i++;
        continue;
      }
      if (!opener.active) {
        i++;
        continue;
      }
      const textStart = opener.at + (opener.image ? 2 : 1);
      const end = linkTail(src, i + 1, to, references, src.slice(textStart, i));
      if (end < 0) {
        i++;
        continue;
      }
      if (opener.image) {
        mask.hide(opener.at, end);
      } else {
        mask.hide(opener.at, textStart);
        mask.hide(i, end);
        // Links may not contain links: earlier openers become plain text.
        for (const earlier of openers) if (!earlier.image) earlier.active = false;
      }
      i = end;
      continue;
    }
    if (c === 42 || c === 95 || c === 126) {
      // Emphasis and strike-through delimiters (underscores only at a word's edge).
      let j = i;
      while (j < to && src.charCodeAt(j) === c) j++;
      if (c !== 95 || !isWordChar(src.charAt(i - 1)) || !isWordChar(src.charAt(j))) {
        if (c !== 126 || j - i >= 2) mask.hide(i, j);
      }
      i = j;
      continue;
    }
    i++;
  }

  // Bare links: read from the masked text of this range (code and HTML already gone).
  if (!mayHoldBareLink(src, from, to, codes, mask.codeUnits)) return;
  const current = mask.read(from, to);
  BARE_LINK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BARE_LINK.exec(current))) mask.value(from + m.index, from + m.index + m[0].length);
}

/**
 * What every bare link holds (BARE_LINK): "@", "www.", or a colon that is the one of "://" or
 * "mailto:". A range of the source without one has no bare link in its prose.
 */
const EMAIL = 0;
const WWW = 1;
const LINK_COLON = 2;
/**
 * The last search for each kind of hint in this document's src (scanMarkdown resets them): the
 * first one at or after hintSearchFrom[k] is [hintAt[k], hintEnd[k]) (hintAt -1: none). Native
 * indexOf searches for rare characters read the text several times faster than a pattern.
 */
const NOT_SEARCHED = Number.MAX_SAFE_INTEGER;
const hintSearchFrom = new Float64Array(3).fill(NOT_SEARCHED);
const hintAt = new Int32Array(3);
const hintEnd = new Int32Array(3);

function findHint(src: string, kind: number, from: number): void {
  let at = -1;
  let end = -1;
  if (kind === EMAIL) {
    at = src.indexOf('@', from);
    end = at + 1;
  } else if (kind === WWW) {
    at = src.indexOf('www.', from);
    end = at + 4;
  } else {
    for (let colon = src.indexOf(':', from); colon >= 0; colon = src.indexOf(':', colon + 1)) {
      if (src.startsWith('//', colon + 1)) {
        at = colon;
        end = colon + 3;
        break;
      }
      if (colon - 6 >= from && src.startsWith('mailto', colon - 6)) {
        at = colon - 6;
        end = colon + 1;
        break;
      }
    }
  }
  hintSearchFrom[kind] = from;
  hintAt[kind] = at;
  hintEnd[kind] = end;
}

/**
 * Whether src[from, to) holds a bare link's hint that the masking of the range left as it was.
 * The mask only ever turns characters into spaces, X's and paragraph marks, so a link in the
 * masked text has its hint in the source at the same place, unmasked (`masked`, the mask's code
 * units, hold the source's `srcCodes` there). The hints of a kind are visited in order from the
 * first at or after `from`; a search may run past the range, so its answer is remembered for the
 * ranges after it. A hint the range masked (a link's destination, code) is passed over: the
 * pattern would find nothing there.
 */
function mayHoldBareLink(src: string, from: number, to: number, srcCodes: Uint16Array, masked: Uint16Array): boolean {
  for (let kind = EMAIL; kind <= LINK_COLON; kind++) {
    if (!(from >= hintSearchFrom[kind] && (hintAt[kind] < 0 || from <= hintAt[kind]))) findHint(src, kind, from);
    while (hintAt[kind] >= 0 && hintEnd[kind] <= to) {
      if (unmasked(srcCodes, masked, hintAt[kind], hintEnd[kind])) return true;
      findHint(src, kind, hintAt[kind] + 1);
    }
  }
  return false;
}

/** Whether the masking of the paragraph left [start, end) as the source has it. */
function unmasked(srcCodes: Uint16Array, masked: Uint16Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (masked[i] !== srcCodes[i]) return false;
  return true;
}

function isWordChar(ch: string): boolean {
  return ch !== '' && /[\p{L}\p{N}]/u.test(ch);
}

/** After a `]`: an inline destination `(…)`, or a reference `[label]`, `[]`, or a shortcut. Returns the end, or -1. */
function linkTail(src: string, at: number, to: number, references: Set<string>, label: string): number {
  if (src.charCodeAt(at) === 40 /* ( */) {
    const end = inlineDestination(src, at + 1, to);
    if (end >= 0) return end;
  }
  if (src.charCodeAt(at) === 91 /* [ */) {
    const close = src.slice(at + 1, Math.min(to, at + 1002)).indexOf(']') + at + 1;
    if (close > at) {
      const inner = src.slice(at + 1, close);
      if (!/(?<!\\)[[]/.test(inner)) {
        if (inner === '' && label.length > 999) return -1;
        const key = normalizeLabel(inner === '' ? label : inner);
        if (references.has(key)) return close + 1;
        if (inner !== '') return -1;
      }
    }
  }
  return label.length <= 999 && references.has(normalizeLabel(label)) ? at : -1;
}

/** `(dest "title")` after the opening parenthesis; returns the end after `)`, or -1. */
function inlineDestination(src: string, at: number, to: number): number {
  let i = skipSpace(src, at, to);
  if (src.charCodeAt(i) === 60 /* < */) {
    i++;
    while (i < to) {
      const c = src.charCodeAt(i);
      if (c === 62) break;
      if (c === 10 || c === 60) return -1;
      i += c === 92 ? 2 : 1;
    }
    if (i >= to) return -1;
    i++;
  } else {
    let depth = 0;
    while (i < to) {
      const c = src.charCodeAt(i);
      if (c === 92 && i + 1 < to) {
        i += 2;
        continue;
      }
      if (c <= 32) break;
      if (c === 40) depth++;
      if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      i++;
    }
    if (depth !== 0) return -1;
  }
  const beforeTitle = i;
  i = skipSpace(src, i, to);
  const q = src.charCodeAt(i);
  if (i > beforeTitle && (q === 34 || q === 39 || q === 40)) {
    const closing = q === 40 ? 41 : q;
    let j = i + 1;
    while (j < to && src.charCodeAt(j) !== closing) {
      if (q === 40 && src.charCodeAt(j) === 40) return -1;
      j += src.charCodeAt(j) === 92 ? 2 : 1;
    }
    if (j >= to) return -1;
    i = skipSpace(src, j + 1, to);
  }
  return src.charCodeAt(i) === 41 ? i + 1 : -1;
}

function skipSpace(src: string, at: number, to: number): number {
  let i = at;
  let newlines = 0;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      if (++newlines > 1) break;
    } else if (!isBlankCode(c)) break;
    i++;
  }
  return i;
}
