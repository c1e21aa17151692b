// Marks what in a Markdown macro is not the agent's prose: front matter,
// code, HTML, link destinations, quoted customer text, headings. Works line
// by line for blocks and with small patterns for inline constructs, writing
// into the shared mask so offsets never move.

import type { Mask } from './mask';
import type { OffsetRange } from '../types';

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

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  text: string;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl >= text.length) break;
    start = nl + 1;
  }
  return lines;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BLOCKQUOTE = /^ {0,3}>/;
const LIST_MARKER = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const REFERENCE = /^ {0,3}\[[^\]]+\]:\s*\S+/;
const TABLE_DELIMITER = /^ {0,3}\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const HTML_BLOCK = /^ {0,3}<(?:script|pre|style|textarea)\b/i;
const HTML_BLOCK_END = /<\/(?:script|pre|style|textarea)>/i;

export function scanMarkdown(text: string, mask: Mask, options: { skipFrontMatter: number }): MarkdownScan {
  const scan: MarkdownScan = { headings: [], htmlComments: [] };
  let from = options.skipFrontMatter;

  // Front matter: a --- line at the very top, closed by --- or ... .
  const fm = /^---[ \t]*\r?\n/.exec(text.slice(from, from + 8));
  if (fm) {
    const close = /^(?:---|\.\.\.)[ \t]*$/m;
    const bodyStart = from + fm[0].length;
    const rest = text.slice(bodyStart);
    const found = close.exec(rest);
    if (found) {
      const end = bodyStart + found.index + found[0].length;
      scan.frontMatter = { range: { start: from, end }, body: rest.slice(0, found.index) };
      mask.hideBlock(from, end);
      from = end;
    }
  }

  // HTML comments first: they may span lines and hold disable directives.
  const commentPattern = /<!--([\s\S]*?)(?:-->|$)/g;
  commentPattern.lastIndex = from;
  let comment: RegExpExecArray | null;
  while ((comment = commentPattern.exec(text))) {
    const range = { start: comment.index, end: comment.index + comment[0].length };
    scan.htmlComments.push({ ...range, body: comment[1] });
    mask.hide(range.start, range.end);
    if (comment[0].length === 0) commentPattern.lastIndex++;
  }

  const lines = splitLines(text, from);
  let fence: { char: string; length: number } | undefined;
  let htmlBlock = false;
  let previousBlank = true;
  let inList = false;
  let inTable = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const lineText = mask.read(line.start, line.end);
    const blank = lineText.trim() === '';
    if (fence) {
      mask.hideBlock(line.start, line.end);
      const closing = FENCE.exec(lineText);
      if (closing && closing[1][0] === fence.char && closing[1].length >= fence.length && lineText.trim() === closing[1]) fence = undefined;
      continue;
    }
    if (htmlBlock) {
      mask.hideBlock(line.start, line.end);
      if (HTML_BLOCK_END.test(lineText)) htmlBlock = false;
      continue;
    }
    if (blank) {
      previousBlank = true;
      inTable = false;
      continue;
    }
    const fenceOpen = FENCE.exec(lineText);
    if (fenceOpen && !(fenceOpen[1][0] === '`' && lineText.slice(fenceOpen[0].length).includes('`'))) {
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length };
      mask.hideBlock(line.start, line.end);
      continue;
    }
    if (HTML_BLOCK.test(lineText)) {
      htmlBlock = !HTML_BLOCK_END.test(lineText);
      mask.hideBlock(line.start, line.end);
      continue;
    }
    const indent = /^[ \t]*/.exec(lineText)![0];
    const indentWidth = indent.replace(/\t/g, '    ').length;
    if (indentWidth >= 4 && previousBlank && !inList) {
      // Indented code: stays code until a non-indented, non-blank line.
      mask.hideBlock(line.start, line.end);
      continue;
    }
    const atx = ATX.exec(lineText);
    if (atx) {
      const titleOffset = lineText.indexOf(atx[2], atx[1].length + lineText.indexOf('#'));
      const titleStart = line.start + (atx[2] ? titleOffset : line.end - line.start);
      scan.headings.push({
        start: line.start,
        end: line.end,
        level: atx[1].length,
        title: atx[2].trim(),
        titleRange: { start: titleStart, end: titleStart + atx[2].length },
      });
      mask.hideBlock(line.start, line.end);
      previousBlank = false;
      inList = false;
      continue;
    }
    if (/^ {0,3}=+[ \t]*$/.test(lineText) && !previousBlank && index > 0) {
      // A setext heading: the line above is the title.
      const above = lines[index - 1];
      scan.headings.push({ start: above.start, end: line.end, level: 1, title: above.text.trim(), titleRange: { start: above.start, end: above.end } });
      mask.hideBlock(above.start, line.end);
      previousBlank = false;
      continue;
    }
    if (THEMATIC.test(lineText) || REFERENCE.test(lineText)) {
      mask.hideBlock(line.start, line.end);
      previousBlank = false;
      continue;
    }
    if (BLOCKQUOTE.test(lineText)) {
      // Quoted text is the customer's words (or someone else's), never the agent's.
      mask.hideBlock(line.start, line.end);
      previousBlank = false;
      continue;
    }
    if (lineText.includes('|') && (inTable || (index + 1 < lines.length && TABLE_DELIMITER.test(lines[index + 1].text)))) {
      inTable = true;
      if (TABLE_DELIMITER.test(lineText)) {
        mask.hideBlock(line.start, line.end);
      } else {
        // Each cell is its own piece of prose.
        for (let i = lineText.indexOf('|'); i >= 0; i = lineText.indexOf('|', i + 1)) {
          if (lineText.charAt(i - 1) !== '\\') mask.breakAt(line.start + i);
        }
      }
      previousBlank = false;
      continue;
    }
    const list = LIST_MARKER.exec(lineText);
    if (list) {
      inList = true;
      mask.hideBlock(line.start, line.start + list[0].length);
    } else if (previousBlank) {
      inList = inList && indentWidth > 0;
    }
    hideInline(text, line, mask);
    previousBlank = false;
  }
  return scan;
}

const INLINE_PATTERNS: Array<[RegExp, (m: RegExpExecArray, start: number, mask: Mask) => void]> = [
  // Code spans: a run of backticks up to the same run.
  [/(`+)[\s\S]*?\1/g, (m, start, mask) => mask.hide(start, start + m[0].length)],
  // Images: alt text is not read as the reply.
  [/!\[[^\]]*\]\([^)]*\)/g, (m, start, mask) => mask.hide(start, start + m[0].length)],
  // Links: the text stays prose; the brackets and the destination do not.
  [/\[([^\[\]]*)\](\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?:\s+"[^"]*")?\)|\[[^\]]*\])/g, (m, start, mask) => {
    mask.hide(start, start + 1);
    mask.hide(start + 1 + m[1].length, start + m[0].length);
  }],
  // Autolinks, bare URLs and e-mail addresses.
  [/<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>|\b(?:https?|ftp|mailto):[^\s<>()]+[^\s<>().,;:!?'"]|\bwww\.[^\s<>()]+[^\s<>().,;:!?'"]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gi, (m, start, mask) => mask.value(start, start + m[0].length)],
  // Inline HTML tags (the text between them stays prose).
  [/<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>/g, (m, start, mask) => mask.hide(start, start + m[0].length)],
  // Emphasis and strike-through markers.
  [/\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, (m, start, mask) => mask.hide(start, start + m[0].length)],
];

function hideInline(text: string, line: Line, mask: Mask): void {
  const lineText = mask.read(line.start, line.end);
  if (!/[`!\]<:@*~_w]/.test(lineText)) return;
  for (const [pattern, apply] of INLINE_PATTERNS) {
    pattern.lastIndex = 0;
    const current = mask.read(line.start, line.end);
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(current))) {
      apply(m, line.start + m.index, mask);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  void text;
}
