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
import { buildVariants } from './variants';
import type { BranchBlock, Directive, LanguageKind, MacroDocument, MacroMeta, MacroUnit, Sentence } from './model';

/** The words that open a greeting ("Hi …,", "Good morning …"): the model finds each macro's greeting with them. */
export const GREETING = /^(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening)|howdy|hiya)\b/i;
const DIRECTIVE = /\brapport-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*)/;

export function parseDocument(text: string, language: LanguageKind, settings: Settings = {}): MacroDocument {
  const mask = new Mask(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (bom) mask.hide(0, 1);
  // A vertical tab of the text is white space within a line, not the mark the model writes where a block starts.
  for (let at = text.indexOf('\v'); at >= 0; at = text.indexOf('\v', at + 1)) mask.hide(at, at + 1);

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

  const comments: Array<{ start: number; body: string }> = [];
  for (const c of markdown.htmlComments) comments.push({ start: c.start, body: c.body });
  for (const t of templates.tags) if (t.comment !== undefined) comments.push({ start: t.start, body: t.comment });
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    const rules = m[2].replace(/--\s*$/, '').split(/[\s,]+/).filter((r) => /^[a-z][a-z-]*$/.test(r));
    doc.directives.push({ kind: m[1] as Directive['kind'], rules, line: (lines ??= new LineIndex(text)).positionAt(comment.start).line });
  }
  if (doc.directives.length > 1) doc.directives.sort((a, b) => a.line - b.line);

  const fileMeta = readMeta(doc.frontMatter?.data ?? {});
  const libraryMode = (fileMeta.library as Settings['library']) ?? settings.library ?? 'auto';
  // Sentences never cross a heading (it is hidden behind a paragraph mark), so one split serves the file and its units.
  doc.sentences = splitSentences(prose, 0, prose.length, 0, mask.codeUnits);
  doc.units = findUnits(doc, markdown.headings, libraryMode, fileMeta, bom, comments, mask.plainCodes());
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

function findUnits(doc: MacroDocument, headings: Heading[], mode: NonNullable<Settings['library']>, fileMeta: MacroMeta, bom: number, comments: Array<{ start: number; body: string }>, proseCodes: Uint16Array | undefined): MacroUnit[] {
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
    const blocks = doc.blocks.filter((block) => block.start >= range.start && block.end <= range.end);
    return [buildUnit(doc, range, fileMeta.title, undefined, metaFromComments(comments, range, fileMeta), blocks, proseCodes)];
  }
  const top = headings.filter((h) => h.level === level);
  // Units, meta comments and blocks are all in text order: pointers keep this linear in a big library.
  const metas = comments.filter((c) => META_COMMENT.test(c.body)).sort((a, b) => a.start - b.start);
  let m = 0;
  let b = 0;
  return top.map((heading, i) => {
    const end = i + 1 < top.length ? top[i + 1].start : text.length;
    const range = { start: heading.start, end };
    while (m < metas.length && metas[m].start < range.start) m++;
    const own: typeof metas = [];
    while (m < metas.length && metas[m].start < range.end) own.push(metas[m++]);
    while (b < doc.blocks.length && doc.blocks[b].start < range.start) b++;
    const blocks: BranchBlock[] = [];
    for (let j = b; j < doc.blocks.length && doc.blocks[j].start < range.end; j++) if (doc.blocks[j].end <= range.end) blocks.push(doc.blocks[j]);
    return buildUnit(doc, range, heading.title, heading.titleRange, metaFromComments(own, range, Object.assign({}, fileMeta, { title: heading.title })), blocks, proseCodes);
  });
}

function buildUnit(doc: MacroDocument, range: OffsetRange, title: string | undefined, titleRange: OffsetRange | undefined, meta: MacroMeta, blocks: BranchBlock[], proseCodes: Uint16Array | undefined): MacroUnit {
  const sentences = sentencesWithin(doc.sentences, range);
  const greeting = sentences.length > 0 && GREETING.test(sentences[0].text) ? sentences[0] : undefined;
  const first = greeting ?? sentences[0];
  const anchor = titleRange ?? (first ? { start: first.start, end: first.end } : { start: range.start, end: range.start });
  const unit: MacroUnit = { start: range.start, end: range.end, title, anchor, meta, sentences, variants: [], greeting };
  unit.variants = blocks.length === 0 ? [{ chosen: [], sentences }] : buildVariants(doc, range, blocks, sentences, proseCodes);
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
