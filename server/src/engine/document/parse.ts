// Builds the MacroDocument: masks template expressions and Markdown
// structure, splits sentences, finds the macros in the file and the replies
// each macro can render.

import type { Settings, OffsetRange } from '../types';
import { LineIndex } from '../text';
import { Mask } from './mask';
import { readFrontMatter } from './front-matter';
import { scanMarkdown, type Heading } from './markdown';
import { scanTemplates } from './templates';
import { splitSentences } from './sentences';
import type { BranchBlock, Directive, LanguageKind, MacroDocument, MacroMeta, MacroUnit, Sentence, Variant } from './model';

/** Rendered variants judged per macro; beyond it, a covering set is judged instead. */
export const MAX_VARIANTS = 16;

const GREETING = /^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)|howdy|hiya)\b/i;
const DIRECTIVE = /\brapport-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*)/;

export function parseDocument(text: string, language: LanguageKind, settings: Settings = {}): MacroDocument {
  const mask = new Mask(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (bom) mask.hide(0, 1);

  const templates = scanTemplates(text);
  for (const tag of templates.tags) mask.hide(tag.start, tag.end);
  for (const placeholder of templates.placeholders) mask.value(placeholder.start, placeholder.end);
  for (const separator of templates.separators) mask.markBreak(separator.start);

  const markdown = scanMarkdown(text, mask, { skipFrontMatter: bom, tags: templates.tags });
  const prose = mask.toString();
  let lines: LineIndex | undefined;

  const doc: MacroDocument = {
    text,
    language,
    prose,
    sentences: [],
    units: [],
    placeholders: templates.placeholders,
    blocks: templates.blocks,
    problems: templates.problems,
    directives: [],
  };

  if (markdown.frontMatter) {
    const { range, body } = markdown.frontMatter;
    try {
      doc.frontMatter = { range, data: readFrontMatter(body) };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      doc.frontMatter = { range, data: {}, error: reason };
      doc.problems.push({ start: range.start, end: Math.min(range.start + 3, range.end), message: `The front matter is not valid YAML (${reason}); its settings are ignored.` });
    }
  }

  const comments = [
    ...markdown.htmlComments.map((c) => ({ start: c.start, body: c.body })),
    ...templates.tags.filter((t) => t.comment !== undefined).map((t) => ({ start: t.start, body: t.comment! })),
  ];
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    const rules = m[2].replace(/--\s*$/, '').split(/[\s,]+/).filter((r) => /^[a-z][a-z-]*$/.test(r));
    doc.directives.push({ kind: m[1] as Directive['kind'], rules, line: (lines ??= new LineIndex(text)).positionAt(comment.start).line });
  }
  doc.directives.sort((a, b) => a.line - b.line);

  const fileMeta = readMeta(doc.frontMatter?.data ?? {});
  const libraryMode = (fileMeta.library as Settings['library']) ?? settings.library ?? 'auto';
  // Sentences never cross a heading (it is hidden behind a paragraph mark), so one split serves the file and its units.
  doc.sentences = splitSentences(prose, 0, prose.length);
  doc.units = findUnits(doc, markdown.headings, libraryMode, fileMeta, bom, comments);
  return doc;
}

function readMeta(data: Record<string, unknown>): MacroMeta & { library?: string } {
  const rapport = (data.rapport && typeof data.rapport === 'object' ? data.rapport : {}) as Record<string, unknown>;
  const tags = Array.isArray(data.tags) ? data.tags.map(String) : typeof data.tags === 'string' ? data.tags.split(/[,\s]+/) : undefined;
  const kind = typeof rapport.kind === 'string' ? rapport.kind : undefined;
  return {
    title: typeof data.title === 'string' ? data.title : undefined,
    tags,
    informational: rapport.informational === true || kind === 'informational',
    complaint: rapport.complaint === true || kind === 'complaint',
    rules: rapport.rules && typeof rapport.rules === 'object' ? (rapport.rules as Record<string, unknown>) : undefined,
    library: rapport.library === true ? 'headings' : rapport.library === false ? 'single' : typeof rapport.library === 'string' ? rapport.library : undefined,
  };
}

/** `<!-- rapport: informational -->` or `{{!-- rapport: complaint --}}` inside a macro: its own metadata. */
const META_COMMENT = /^\s*rapport:\s*([\w\s,-]*?)\s*(?:--)?\s*$/;

function metaFromComments(comments: Array<{ start: number; body: string }>, range: OffsetRange, base: MacroMeta): MacroMeta {
  let meta = base;
  for (const comment of comments) {
    if (comment.start < range.start || comment.start >= range.end) continue;
    const m = META_COMMENT.exec(comment.body);
    if (!m) continue;
    const words = m[1].toLowerCase().split(/[\s,]+/);
    meta = { ...meta };
    if (words.includes('informational')) meta.informational = true;
    if (words.includes('complaint')) meta.complaint = true;
  }
  return meta;
}

function findUnits(doc: MacroDocument, headings: Heading[], mode: NonNullable<Settings['library']>, fileMeta: MacroMeta, bom: number, comments: Array<{ start: number; body: string }>): MacroUnit[] {
  const text = doc.text;
  const contentStart = doc.frontMatter ? doc.frontMatter.range.end : bom;
  let library = false;
  let level = 0;
  if (mode !== 'single' && headings.length > 0) {
    // Macros are the shallowest level of heading that occurs at least twice (a lone # title above them is the library's name).
    const levels = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
    level = levels.find((l) => headings.filter((h) => h.level === l).length >= 2) ?? levels[0];
    library = mode === 'headings' || headings.filter((h) => h.level === level).length >= 2;
  }
  if (!library) {
    const range = { start: contentStart, end: text.length };
    return [buildUnit(doc, range, fileMeta.title, undefined, metaFromComments(comments, range, fileMeta))];
  }
  const top = headings.filter((h) => h.level === level);
  return top.map((heading, i) => {
    const end = i + 1 < top.length ? top[i + 1].start : text.length;
    const range = { start: heading.start, end };
    return buildUnit(doc, range, heading.title, heading.titleRange, metaFromComments(comments, range, Object.assign({}, fileMeta, { title: heading.title })));
  });
}

function buildUnit(doc: MacroDocument, range: OffsetRange, title: string | undefined, titleRange: OffsetRange | undefined, meta: MacroMeta): MacroUnit {
  const sentences = sentencesWithin(doc.sentences, range);
  const greeting = sentences.length > 0 && GREETING.test(sentences[0].text) ? sentences[0] : undefined;
  const first = greeting ?? sentences[0];
  const anchor = titleRange ?? (first ? { start: first.start, end: first.end } : { start: range.start, end: range.start });
  const blocks = doc.blocks.filter((b) => b.start >= range.start && b.end <= range.end);
  const unit: MacroUnit = { start: range.start, end: range.end, title, anchor, meta, sentences, variants: [], greeting };
  unit.variants = blocks.length === 0 ? [{ chosen: [], sentences }] : buildVariants(doc, range, blocks, sentences);
  return unit;
}

/** The sentences inside a range, found by binary search in the file's sentences. */
function sentencesWithin(sentences: Sentence[], range: OffsetRange): Sentence[] {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sentences[mid].start < range.start) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < sentences.length && sentences[end].end <= range.end) end++;
  return sentences.slice(low, end);
}

interface Choice {
  excluded: OffsetRange[];
  chosen: OffsetRange[];
  conditions: string[];
}

/** Nesting deeper than this is not expanded into variants (all its branches render). */
const MAX_NESTING = 12;

/** Every way a list of sibling blocks can render, bounded by MAX_VARIANTS. */
function choicesOf(blocks: BranchBlock[], depth: number): Choice[] {
  const perBlock = blocks.map((block) => blockChoices(block, depth));
  let total = 1;
  for (const options of perBlock) {
    total *= options.length;
    if (total > MAX_VARIANTS) break;
  }
  if (total > MAX_VARIANTS) {
    // Too many combinations: judge a covering set in which every branch renders at least once.
    let width = 1;
    for (const options of perBlock) width = Math.max(width, options.length);
    width = Math.min(MAX_VARIANTS, width);
    const covering: Choice[] = [];
    for (let k = 0; k < width; k++) covering.push(merge(perBlock.map((options) => options[Math.min(k, options.length - 1)])));
    return covering;
  }
  let combined: Choice[] = [{ excluded: [], chosen: [], conditions: [] }];
  for (const options of perBlock) {
    const next: Choice[] = [];
    for (const left of combined) for (const right of options) next.push(merge([left, right]));
    combined = next;
  }
  return combined;
}

function merge(choices: Choice[]): Choice {
  return {
    excluded: choices.flatMap((c) => c.excluded),
    chosen: choices.flatMap((c) => c.chosen),
    conditions: choices.flatMap((c) => c.conditions),
  };
}

function blockChoices(block: BranchBlock, depth: number): Choice[] {
  const none: Choice = { excluded: [], chosen: [], conditions: [] };
  if (depth > MAX_NESTING) return [none];
  const options: Choice[] = [];
  block.branches.forEach((branch, i) => {
    if (options.length >= MAX_VARIANTS) return;
    const others = block.branches.filter((_, j) => j !== i).map((b) => b.content);
    const nested = branch.blocks ?? [];
    for (const inner of nested.length ? choicesOf(nested, depth + 1) : [none]) {
      options.push({
        excluded: [...others, ...inner.excluded],
        chosen: [branch.tag, ...inner.chosen],
        conditions: [branch.condition, ...inner.conditions],
      });
    }
  });
  if (block.canBeEmpty) {
    options.push({ excluded: block.branches.map((b) => b.content), chosen: [block.branches[0]?.tag ?? block], conditions: [block.otherwise] });
  }
  return options.slice(0, MAX_VARIANTS);
}

function buildVariants(doc: MacroDocument, range: OffsetRange, blocks: BranchBlock[], unitSentences: Sentence[]): Variant[] {
  const top = blocks.filter((b) => !b.nested);
  const tagRanges = blocks.flatMap((b) => b.branches.map((br) => br.tag));
  // Only the stretch from the sentence where the first block starts to the sentence where the last
  // one ends differs between variants; the sentences around it are shared.
  let first = Infinity;
  let last = -Infinity;
  for (const block of top) {
    first = Math.min(first, block.start);
    last = Math.max(last, block.end);
  }
  const before = unitSentences.filter((s) => s.end <= first);
  const around = unitSentences.find((s) => s.end > first);
  const regionStart = around && around.start < first ? around.start : first;
  const closing = unitSentences.find((s) => s.end >= last);
  const regionEnd = Math.max(last, closing ? closing.end : last);
  const after = unitSentences.filter((s) => s.start >= regionEnd);
  const region = { start: Math.max(range.start, regionStart), end: Math.min(range.end, regionEnd) };

  return choicesOf(top, 0).map((choice) => {
    const blanks = [...choice.excluded, ...tagRanges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
    let local = '';
    let cursor = region.start;
    for (const blank of blanks) {
      const start = Math.max(blank.start, cursor);
      const end = Math.min(blank.end, region.end);
      if (end <= start) continue;
      local += doc.prose.slice(cursor, start) + doc.prose.slice(start, end).replace(/[^\r\n]/g, ' ');
      cursor = end;
    }
    local += doc.prose.slice(cursor, region.end);
    const inside: Sentence[] = splitSentences(local, 0, local.length).map((s) => ({ start: s.start + region.start, end: s.end + region.start, text: s.text }));
    return { condition: choice.conditions.join(' and '), chosen: choice.chosen, sentences: [...before, ...inside, ...after] };
  });
}
