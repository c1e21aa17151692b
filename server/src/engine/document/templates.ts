// Finds template expressions of the help desks' placeholder syntaxes and the
// branch blocks of Handlebars and Liquid. It only reads the text; the caller
// decides how each expression is masked.

import type { BranchBlock, Placeholder, PlaceholderSyntax, TemplateProblem } from './model';
import type { OffsetRange } from '../types';

export interface TemplateScan {
  placeholders: Placeholder[];
  /** Expressions that render nothing the customer reads: tags, comments, partials. */
  tags: Array<OffsetRange & { comment?: string }>;
  blocks: BranchBlock[];
  /** Tags that separate alternatives ({{else}}, {% when %}): sentence boundaries. */
  separators: OffsetRange[];
  problems: TemplateProblem[];
}

const LIQUID_OPEN = new Set(['if', 'unless', 'case', 'for']);
const LIQUID_CLOSE: Record<string, string> = { endif: 'if', endunless: 'unless', endcase: 'case', endfor: 'for' };
const LIQUID_TAGS = new Set([
  'assign', 'capture', 'endcapture', 'include', 'render', 'liquid', 'cycle', 'break', 'continue',
  'tablerow', 'endtablerow', 'increment', 'decrement', 'echo', 'layout', 'block', 'endblock',
]);
/**
 * The next expression opener at or after `from`: {{{ {{ {% {!Name %{ {$ ${ #{ — every one holds a
 * brace, so the scan jumps from brace to brace (indexOf) instead of testing each character.
 */
function nextOpener(text: string, from: number): { start: number; opener: string } | undefined {
  for (let brace = text.indexOf('{', from); brace >= 0; brace = text.indexOf('{', brace + 1)) {
    const before = brace > from ? text.charCodeAt(brace - 1) : -1;
    if (before === 37 /* % */ || before === 36 /* $ */ || before === 35 /* # */) return { start: brace - 1, opener: text.slice(brace - 1, brace + 1) };
    const next = text.charCodeAt(brace + 1);
    if (next === 123 /* { */) return { start: brace, opener: text.charCodeAt(brace + 2) === 123 ? '{{{' : '{{' };
    if (next === 37 /* % */ || next === 36 /* $ */) return { start: brace, opener: text.slice(brace, brace + 2) };
    if (next === 33 /* ! */ && /[A-Za-z$]/.test(text.charAt(brace + 2))) return { start: brace, opener: '{!' };
  }
  return undefined;
}
const MAX_TAG_LENGTH = 2000;

interface OpenBlock {
  block: BranchBlock;
  subject: string;
}

function describe(helper: string, args: string, isElse: boolean): string {
  const subject = args.trim() || helper;
  switch (helper) {
    case 'unless':
      return isElse ? `when ${subject} is set` : `unless ${subject}`;
    case 'each':
    case 'for':
      return isElse ? `when ${subject} is empty` : `for each of ${subject}`;
    case 'with':
      return isElse ? `when ${subject} is not set` : `with ${subject}`;
    default:
      return isElse ? `when ${subject} is not set` : `when ${subject}`;
  }
}

function isPathCode(c: number): boolean {
  // [\w.$\[\]-]
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 36 || c === 91 || c === 93 || c === 45;
}

function parsePath(inner: string): { path: string; fallback?: string } {
  if (!inner.includes('|') && !inner.includes(',')) {
    // The common case, {{ticket.requester.first_name}}: the first run of path characters.
    let i = 0;
    while (i < inner.length && !isPathCode(inner.charCodeAt(i))) i++;
    let j = i;
    while (j < inner.length && isPathCode(inner.charCodeAt(j))) j++;
    return { path: j > i ? inner.slice(i, j) : inner.trim() };
  }
  const intercom = /^\s*([\w.$\[\]-]+)\s*\|\s*fallback\s*:\s*"([^"]*)"/.exec(inner);
  if (intercom) return { path: intercom[1], fallback: intercom[2] };
  const liquid = /^\s*([\w.$\[\]-]+)\s*\|.*?\bdefault\s*:\s*["']([^"']*)["']/.exec(inner);
  if (liquid) return { path: liquid[1], fallback: liquid[2] };
  // Jinja-style (Gorgias): {{ ticket.customer.firstname|default("there") }}
  const jinja = /^\s*([\w.$\[\]-]+)\s*\|.*?\b(?:default|d)\s*\(\s*["']([^"']*)["']/.exec(inner);
  if (jinja) return { path: jinja[1], fallback: jinja[2] };
  const helpscout = /^\s*([\w.$-]+)\s*,\s*fallback\s*=\s*([^%]*)$/.exec(inner);
  if (helpscout) return { path: helpscout[1], fallback: helpscout[2].trim() };
  const path = /[\w.$\[\]-]+/.exec(inner.trim());
  return { path: path ? path[0] : inner.trim() };
}

/** A placeholder object of one fixed shape (object spreads here cost microseconds each). */
function placeholder(start: number, end: number, syntax: PlaceholderSyntax, text: string, inner: string): Placeholder {
  const { path, fallback } = parsePath(inner);
  const result: Placeholder = { start, end, syntax, path, fallback, raw: text.slice(start, end) };
  return result;
}

// Block bookkeeping: plain functions, not closures made afresh for every document.
function openBlock(stack: OpenBlock[], helper: string, args: string, tag: OffsetRange): void {
  const block: BranchBlock = { helper, start: tag.start, end: tag.end, branches: [], canBeEmpty: true, otherwise: helper === 'case' ? `when ${args.trim()} matches no case` : describe(helper, args, true) };
  block.branches.push({ condition: describe(helper, args, false), tag, content: { start: tag.end, end: tag.end }, blocks: [] });
  const parent = stack[stack.length - 1];
  if (parent) {
    const branches = parent.block.branches;
    branches[branches.length - 1].blocks!.push(block);
    block.nested = true;
  }
  stack.push({ block, subject: args.trim() });
}

function addBranch(scan: TemplateScan, stack: OpenBlock[], tag: OffsetRange, condition: string | undefined, isFinalElse: boolean): void {
  const open = stack[stack.length - 1];
  if (!open) {
    scan.problems.push({ ...tag, message: 'This else has no open {{#if}} or {% if %} block around it.' });
    return;
  }
  const branches = open.block.branches;
  branches[branches.length - 1].content.end = tag.start;
  let otherwise: string | undefined;
  if (isFinalElse) {
    // An else after several branches is what remains when none of them holds (a case's first branch is its subject, not a condition).
    const first = open.block.helper === 'case' ? 1 : 0;
    if (branches.length - first > 1) {
      const earlier: string[] = [];
      for (let i = first; i < branches.length; i++) earlier.push(branches[i].condition.replace(/^when /, ''));
      otherwise = `otherwise (none of: ${earlier.join('; ')})`;
    } else {
      otherwise = open.block.helper === 'case' ? open.block.otherwise : undefined;
    }
  }
  branches.push({ condition: condition ?? otherwise ?? describe(open.block.helper, open.subject, true), tag, content: { start: tag.end, end: tag.end }, blocks: [] });
  if (isFinalElse) open.block.canBeEmpty = false;
  scan.separators.push(tag);
}

function closeBlock(scan: TemplateScan, stack: OpenBlock[], text: string, helper: string, tag: OffsetRange, spelled: string): void {
  const open = stack[stack.length - 1];
  if (!open) {
    scan.problems.push({ ...tag, message: `${spelled} closes a block that was never opened.` });
    return;
  }
  if (open.block.helper !== helper) {
    scan.problems.push({ ...tag, message: `${spelled} does not match the open ${open.block.helper} block (${text.slice(open.block.start, open.block.branches[0].tag.end)}); close that block first.` });
  }
  stack.pop();
  const branches = open.block.branches;
  branches[branches.length - 1].content.end = tag.start;
  open.block.end = tag.end;
  if (open.block.branches[0].content.start === open.block.branches[0].content.end && helper === 'case') {
    open.block.branches.shift();
  }
  scan.blocks.push(open.block);
}

export function scanTemplates(text: string): TemplateScan {
  const scan: TemplateScan = { placeholders: [], tags: [], blocks: [], separators: [], problems: [] };
  const search = new ForwardSearch(text);
  const stack: OpenBlock[] = [];

  let pos = 0;
  for (let found = nextOpener(text, pos); found; found = nextOpener(text, pos)) {
    const { start, opener } = found;
    pos = start + opener.length;
    if (opener === '{{{') {
      const end = search.indexOf('}}}', start + 3);
      if (end < 0) {
        scan.problems.push(unterminated(text, start, '{{{', '}}}'));
        scan.tags.push({ start, end: lineEnd(text, start) });
        pos = lineEnd(text, start);
        continue;
      }
      const inner = text.slice(start + 3, end);
      scan.placeholders.push(placeholder(start, end + 3, 'triple', text, inner));
      pos = end + 3;
    } else if (opener === '{{') {
      if (text.charCodeAt(start + 2) === 33 /* ! */ && text.startsWith('{{!--', start)) {
        const close = text.indexOf('--}}', start + 5);
        const end = close < 0 ? -1 : close + 4;
        if (end < 0) {
          scan.problems.push(unterminated(text, start, '{{!--', '--}}'));
          scan.tags.push({ start, end: text.length, comment: text.slice(start + 5) });
          break;
        }
        scan.tags.push({ start, end, comment: text.slice(start + 5, close) });
        pos = end;
        continue;
      }
      const close = search.indexOf('}}', start + 2);
      const nextOpen = search.indexOf('{{', start + 2);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        scan.problems.push(unterminated(text, start, '{{', '}}'));
        const end = lineEnd(text, start);
        scan.tags.push({ start, end: nextOpen >= 0 && nextOpen < end ? nextOpen : end });
        pos = nextOpen >= 0 && nextOpen < end ? nextOpen : end;
        continue;
      }
      const end = close + 2;
      pos = end;
      const tag = { start, end };
      let inner = text.slice(start + 2, close);
      if (inner.includes('~')) inner = inner.replace(/^~|~$/g, '');
      inner = inner.trim();
      // What the expression is, by its first character (compared as a code: startsWith costs more, once per expression).
      const first = inner.charCodeAt(0);
      if (first === 33 /* ! */) {
        scan.tags.push({ start, end, comment: inner.slice(1) });
      } else if ((first === 35 /* # */ || first === 94 /* ^ */) && inner !== '^' /* {{^}} alone is an {{else}}, below */) {
        const m = /^[#^]\s*([\w-]+)\s*([\s\S]*)$/.exec(inner);
        const helper = first === 94 ? 'unless' : m ? m[1] : 'if';
        scan.tags.push(tag);
        openBlock(stack, helper, m ? m[2] : '', tag);
      } else if (first === 47 /* / */) {
        scan.tags.push(tag);
        closeBlock(scan, stack, text, inner.slice(1).trim(), tag, text.slice(start, end));
      } else if (inner === 'else' || inner === '^' || (inner.startsWith('else') && /^else\s+if\b/.test(inner))) {
        scan.tags.push(tag);
        const elseIf = /^else\s+if\s+([\s\S]*)$/.exec(inner);
        addBranch(scan, stack, tag, elseIf ? `when ${elseIf[1].trim()}` : undefined, !elseIf);
      } else if (first === 62 /* > */) {
        scan.tags.push(tag);
      } else {
        const syntax = !inner.includes('|') ? 'mustache' : /\|\s*fallback\s*:/.test(inner) ? 'intercom' : 'liquid-output';
        scan.placeholders.push(placeholder(start, end, syntax, text, inner));
      }
    } else if (opener === '{%') {
      const close = search.indexOf('%}', start + 2);
      if (close < 0) {
        scan.problems.push(unterminated(text, start, '{%', '%}'));
        scan.tags.push({ start, end: lineEnd(text, start) });
        pos = lineEnd(text, start);
        continue;
      }
      const end = close + 2;
      pos = end;
      const tag = { start, end };
      const inner = text.slice(start + 2, close).replace(/^-|-$/g, '').trim();
      const word = /^\w+/.exec(inner)?.[0] ?? '';
      const args = inner.slice(word.length).trim();
      if (word === 'comment' || word === 'raw') {
        const endWord = word === 'comment' ? 'endcomment' : 'endraw';
        const closing = new RegExp(`\\{%-?\\s*${endWord}\\s*-?%\\}`, 'g');
        closing.lastIndex = end;
        const found = closing.exec(text);
        const blockEnd = found ? found.index + found[0].length : text.length;
        scan.tags.push({ start, end: blockEnd, comment: word === 'comment' ? text.slice(end, found ? found.index : text.length) : undefined });
        pos = blockEnd;
      } else if (LIQUID_OPEN.has(word)) {
        scan.tags.push(tag);
        openBlock(stack, word, args, tag);
      } else if (word in LIQUID_CLOSE) {
        scan.tags.push(tag);
        closeBlock(scan, stack, text, LIQUID_CLOSE[word], tag, text.slice(start, end));
      } else if (word === 'else' || word === 'elsif' || word === 'when') {
        scan.tags.push(tag);
        const open = stack[stack.length - 1];
        const subject = open?.subject ?? '';
        const condition = word === 'elsif' ? `when ${args}` : word === 'when' ? `when ${subject} is ${args}` : undefined;
        addBranch(scan, stack, tag, condition, word === 'else');
      } else if (LIQUID_TAGS.has(word)) {
        scan.tags.push(tag);
      } else {
        scan.placeholders.push(placeholder(start, end, 'helpscout', text, inner));
      }
    } else {
      // {!Salesforce.Field}, %{osTicket.var}, {$RT->Var}, ${var}, #{zammad.var}: single-line values.
      const close = text.indexOf('}', start + opener.length);
      const newline = lineEnd(text, start);
      if (close < 0 || close > newline || close - start > 200) continue;
      const inner = text.slice(start + opener.length, close);
      if (!/^[\w.$>\-\[\]()'" ]+$/.test(inner)) continue;
      const end = close + 1;
      const syntax = opener === '{!' ? 'salesforce' : 'other';
      scan.placeholders.push({ start, end, syntax, raw: text.slice(start, end), path: inner.trim() });
      pos = end;
    }
  }
  for (const open of stack.reverse()) {
    const tag = open.block.branches[0].tag;
    scan.problems.push({ ...tag, message: `${text.slice(tag.start, tag.end)} is never closed.` });
    const branches = open.block.branches;
    branches[branches.length - 1].content.end = text.length;
    open.block.end = text.length;
    scan.blocks.push(open.block);
  }
  // Blocks are pushed as they close, so only nesting puts them out of order: sort only then (stable, as sort is).
  let sorted = true;
  for (let i = 1; i < scan.blocks.length && sorted; i++) if (scan.blocks[i - 1].start > scan.blocks[i].start) sorted = false;
  if (!sorted) scan.blocks.sort((a, b) => a.start - b.start);
  return scan;
}

/**
 * indexOf(needle, from) limited to MAX_TAG_LENGTH ahead, remembering the last
 * answer per needle: the scan only moves forward, so a remembered position at
 * or after `from` is still the first one, and the whole scan stays linear even
 * with thousands of unclosed expressions. The needles are few (a handful of
 * delimiters), so they are kept in two short arrays rather than a Map.
 */
class ForwardSearch {
  private readonly needles: string[] = [];
  private readonly found: number[] = [];

  constructor(private readonly text: string) {}

  indexOf(needle: string, from: number): number {
    let k = this.needles.indexOf(needle);
    if (k < 0) {
      k = this.needles.push(needle) - 1;
      this.found.push(-2);
    }
    let at = this.found[k];
    if (at === -2 || (at >= 0 && at < from)) {
      at = this.text.indexOf(needle, from);
      this.found[k] = at;
    }
    return at >= 0 && at - from <= MAX_TAG_LENGTH ? at : -1;
  }
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  const end = n < 0 ? text.length : n;
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

function unterminated(text: string, start: number, open: string, close: string): TemplateProblem {
  return { start, end: Math.min(start + open.length, text.length), message: `${open} is never closed with ${close}; the help desk will show it as text.` };
}
