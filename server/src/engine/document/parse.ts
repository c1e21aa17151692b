// Builds the MacroDocument: masks template expressions and Markdown
// structure, splits sentences, finds the macros in the file and the replies
// each macro can render.

import type { Settings, OffsetRange } from '../types';
import { LineIndex } from '../text';
import { Mask, stringOfCodes, zoneScratch } from './mask';
import { readFrontMatter } from './front-matter';
import { scanMarkdown, type Heading } from './markdown';
import { scanTemplates } from './templates';
import { splitSentences } from './sentences';
import type { BranchBlock, Directive, LanguageKind, MacroDocument, MacroMeta, MacroUnit, Sentence, Variant } from './model';

/** Rendered variants judged per macro; beyond it, a covering set is judged instead. */
export const MAX_VARIANTS = 16;

/** The words that open a greeting ("Hi …,", "Good morning …"): the model finds each macro's greeting with them. */
export const GREETING = /^(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening)|howdy|hiya)\b/i;
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

interface Choice {
  excluded: OffsetRange[];
  chosen: OffsetRange[];
  conditions: string[];
}

/** Nesting deeper than this is not expanded into variants (all its branches render). */
const MAX_NESTING = 12;

/** Every way a list of sibling blocks can render, bounded by MAX_VARIANTS. */
function choicesOf(blocks: BranchBlock[], depth: number): Choice[] {
  // One block (the common case): its own choices, fresh arrays that nothing else holds, are the combinations.
  if (blocks.length === 1) return blockChoices(blocks[0], depth);
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
  // Plain loops: flatMap costs more than the rest of the variant building on a small macro.
  const merged: Choice = { excluded: [], chosen: [], conditions: [] };
  for (const choice of choices) {
    for (const range of choice.excluded) merged.excluded.push(range);
    for (const range of choice.chosen) merged.chosen.push(range);
    for (const condition of choice.conditions) merged.conditions.push(condition);
  }
  return merged;
}

function blockChoices(block: BranchBlock, depth: number): Choice[] {
  const none: Choice = { excluded: [], chosen: [], conditions: [] };
  if (depth > MAX_NESTING) return [none];
  const options: Choice[] = [];
  const branches = block.branches;
  for (let i = 0; i < branches.length && options.length < MAX_VARIANTS; i++) {
    const branch = branches[i];
    const nested = branch.blocks ?? [];
    if (nested.length === 0) {
      // The common case, without nested blocks: plain arrays, no spreads.
      const excluded: OffsetRange[] = [];
      for (let j = 0; j < branches.length; j++) if (j !== i) excluded.push(branches[j].content);
      options.push({ excluded, chosen: [branch.tag], conditions: [branch.condition] });
      continue;
    }
    const others: OffsetRange[] = [];
    for (let j = 0; j < branches.length; j++) if (j !== i) others.push(branches[j].content);
    for (const inner of choicesOf(nested, depth + 1)) {
      options.push({
        excluded: [...others, ...inner.excluded],
        chosen: [branch.tag, ...inner.chosen],
        conditions: [branch.condition, ...inner.conditions],
      });
    }
  }
  if (block.canBeEmpty) {
    const excluded: OffsetRange[] = [];
    for (const b of branches) excluded.push(b.content);
    options.push({ excluded, chosen: [branches[0]?.tag ?? block], conditions: [block.otherwise] });
  }
  return options.length > MAX_VARIANTS ? options.slice(0, MAX_VARIANTS) : options;
}

/**
 * The stretches of a macro that differ between its variants: from the sentence where a top-level
 * block starts to the sentence where it ends, merged where they overlap. Sentences between them
 * are the same in every variant.
 */
function zonesOf(top: BranchBlock[], unitSentences: Sentence[], range: OffsetRange): OffsetRange[] {
  const zones: OffsetRange[] = [];
  let k = 0;
  for (const block of [...top].sort((a, b) => a.start - b.start)) {
    while (k < unitSentences.length && unitSentences[k].end <= block.start) k++;
    const around = unitSentences[k];
    const start = around && around.start < block.start ? around.start : block.start;
    let j = k;
    while (j < unitSentences.length && unitSentences[j].end < block.end) j++;
    const end = j < unitSentences.length ? Math.max(block.end, unitSentences[j].end) : block.end;
    const zone = { start: Math.max(range.start, start), end: Math.min(range.end, end) };
    const previous = zones[zones.length - 1];
    if (previous && zone.start < previous.end) previous.end = Math.max(previous.end, zone.end);
    else zones.push(zone);
  }
  return zones;
}

/**
 * A stable sort by start. Lists are nearly always short, where an insertion sort beats Array#sort's
 * set-up; long ones (a macro of many branches) go to Array#sort, stable too, so the order is the same.
 */
function sortByStart(ranges: OffsetRange[]): void {
  if (ranges.length > 16) {
    ranges.sort((a, b) => a.start - b.start);
    return;
  }
  for (let i = 1; i < ranges.length; i++) {
    const range = ranges[i];
    let j = i - 1;
    while (j >= 0 && ranges[j].start > range.start) {
      ranges[j + 1] = ranges[j];
      j--;
    }
    ranges[j + 1] = range;
  }
}

function sameRanges(a: OffsetRange[], b: OffsetRange[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end) return false;
  return true;
}

/** The sentences of a zone rendered with `inZone` blanked; each distinct rendering is split once (`done` holds those split so far). */
function splitZone(doc: MacroDocument, zone: OffsetRange, done: Array<{ blanks: OffsetRange[]; sentences: Sentence[] }>, inZone: OffsetRange[], proseCodes: Uint16Array | undefined, unitSentences: Sentence[]): Sentence[] {
  for (const split of done) if (sameRanges(split.blanks, inZone)) return split.sentences;
  // The zone's prose with the branches this rendering leaves out blanked (line breaks kept).
  const length = zone.end - zone.start;
  const codes = zoneScratch(length);
  if (proseCodes) {
    codes.set(proseCodes.subarray(zone.start, zone.end));
  } else {
    const prose = doc.prose;
    for (let i = 0; i < length; i++) codes[i] = prose.charCodeAt(zone.start + i);
  }
  for (const blank of inZone) {
    const end = Math.min(blank.end, zone.end) - zone.start;
    for (let i = Math.max(blank.start, zone.start) - zone.start; i < end; i++) if (codes[i] !== 10 && codes[i] !== 13) codes[i] = 32;
  }
  const sentences = sameAsUnit(splitSentences(stringOfCodes(codes), 0, length, zone.start, codes), unitSentences);
  done.push({ blanks: inZone, sentences });
  return sentences;
}

/**
 * A sentence of a rendering at the same place and with the same text as one of the macro's own is
 * that sentence, and keeps what the rules have found out about it (most branches hold whole sentences).
 */
function sameAsUnit(split: Sentence[], unitSentences: Sentence[]): Sentence[] {
  let k = 0;
  for (let i = 0; i < split.length; i++) {
    const sentence = split[i];
    while (k < unitSentences.length && unitSentences[k].start < sentence.start) k++;
    const own = unitSentences[k];
    if (own !== undefined && own.start === sentence.start && own.end === sentence.end && own.text === sentence.text) split[i] = own;
  }
  return split;
}

/** `proseCodes`: the prose's code units, when the caller has them (the mask's, when they equal the prose). */
function buildVariants(doc: MacroDocument, range: OffsetRange, blocks: BranchBlock[], unitSentences: Sentence[], proseCodes?: Uint16Array): Variant[] {
  const top = blocks.filter((b) => !b.nested);
  const tagRanges: OffsetRange[] = [];
  for (const block of blocks) for (const branch of block.branches) if (branch.tag.end > branch.tag.start) tagRanges.push(branch.tag);
  const zones = zonesOf(top, unitSentences, range);
  // Each zone is split once per distinct way it renders (which ranges it blanks), not once per variant.
  const splits: Array<Array<{ blanks: OffsetRange[]; sentences: Sentence[] }>> = zones.map(() => []);

  return choicesOf(top, 0).map((choice) => {
    const blanks: OffsetRange[] = [];
    for (const range of choice.excluded) if (range.end > range.start) blanks.push(range);
    for (const range of tagRanges) blanks.push(range);
    sortByStart(blanks);
    const sentences: Sentence[] = [];
    let k = 0;
    let b = 0;
    for (let z = 0; z < zones.length; z++) {
      const zone = zones[z];
      while (k < unitSentences.length && unitSentences[k].end <= zone.start) sentences.push(unitSentences[k++]);
      // Blanks are sorted by start, zones too: one pointer walks both.
      while (b < blanks.length && blanks[b].end <= zone.start) b++;
      const inZone: OffsetRange[] = [];
      for (let i = b; i < blanks.length && blanks[i].start < zone.end; i++) if (blanks[i].end > zone.start) inZone.push(blanks[i]);
      for (const sentence of splitZone(doc, zones[z], splits[z], inZone, proseCodes, unitSentences)) sentences.push(sentence);
      while (k < unitSentences.length && unitSentences[k].start < zone.end) k++;
    }
    while (k < unitSentences.length) sentences.push(unitSentences[k++]);
    // A single condition is the common case, where join costs more than the rest of the variant.
    const condition = choice.conditions.length === 1 ? choice.conditions[0] : choice.conditions.join(' and ');
    return { condition, conditions: choice.conditions, chosen: choice.chosen, sentences };
  });
}
