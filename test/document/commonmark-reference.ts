// What a real CommonMark parser (commonmark.js) renders as the agent's prose:
// the text nodes outside code, HTML, block quotes, headings and images, with
// autolinks read as values. Used by the differential test of our scanner.

import { Parser, type Node } from 'commonmark';
import { parseDocument } from '../../server/src/engine/document/parse';
import { BARE_LINK } from '../../server/src/engine/document/markdown';

const EXCLUDED = new Set(['block_quote', 'heading', 'image', 'code_block', 'html_block', 'code', 'html_inline']);

export function referenceProse(markdown: string): string {
  const root = new Parser().parse(markdown);
  const walker = root.walker();
  let out = '';
  let excludedDepth = 0;
  let event;
  while ((event = walker.next())) {
    const node: Node = event.node;
    if (node.type === 'html_block' && excludedDepth === 0 && event.entering) {
      out += ` ${htmlBlockText(node.literal ?? '')} `;
      continue;
    }
    if (EXCLUDED.has(node.type)) {
      if (node.isContainer) excludedDepth += event.entering ? 1 : -1;
      continue;
    }
    if (!event.entering || excludedDepth > 0) continue;
    if (node.type === 'link' && node.firstChild && node.firstChild === node.lastChild && node.firstChild.type === 'text') {
      const label = node.firstChild.literal ?? '';
      if (node.destination === label || node.destination === `mailto:${label}` || (node.destination ?? '').endsWith(encodeURI(label))) {
        out += ` ${'X'.repeat(Math.max(1, label.length))} `;
        walker.resumeAt(node, false);
        continue;
      }
    }
    if (node.type === 'text') out += node.literal ?? '';
    if (node.type === 'softbreak' || node.type === 'linebreak' || node.type === 'paragraph' || node.type === 'item') out += ' ';
  }
  return normalizeProse(out.replace(BARE_LINK, (url) => 'X'.repeat(url.length)));
}

/**
 * The text a reader sees in an HTML block of elements (<p>, <div>, …): without
 * comments, script/style/textarea/pre elements and tags. Blocks of raw HTML,
 * comments, processing instructions and declarations show nothing.
 */
function htmlBlockText(literal: string): string {
  if (/^ {0,3}(?:<!--|<\?|<![A-Za-z]|<!\[CDATA\[|<(?:script|pre|style|textarea)(?:\s|>|$))/i.test(literal)) return '';
  return literal
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|textarea|pre)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
}

export function scannerProse(markdown: string): string {
  return normalizeProse(parseDocument(markdown, 'markdown').prose);
}

/** Compares modulo white space, emphasis delimiters and the length of value words. */
export function normalizeProse(prose: string): string {
  return prose.replace(/[\s\u2029*_~]+/g, '').replace(/X+/g, 'X');
}
