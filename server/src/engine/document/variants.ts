// The replies a macro can render: every way its branches can be chosen (bounded),
// each with the sentences that rendering holds. Sentences outside the branches
// are the macro's own objects in every variant; only the stretches the branches
// change are read again, and most often not even split (keptSentences).

import type { OffsetRange } from '../types';
import { stringOfCodes, zoneScratch } from './mask';
import { endsAtPunctuation, splitSentences } from './sentences';
import type { BranchBlock, MacroDocument, Sentence, Variant } from './model';

/** Rendered variants judged per macro; beyond it, a covering set is judged instead. */
export const MAX_VARIANTS = 16;

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
  // The blocks are in text order (scanTemplates sorts them, and a macro's are taken in order).
  for (const block of top) {
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

/**
 * The sentences of a zone rendered with `inZone` blanked, from the macro's own when they are the same
 * (keptSentences), else split; each distinct rendering once (`done` holds those found so far).
 * `first`: the index in `unitSentences` of the zone's first sentence.
 */
function renderZone(doc: MacroDocument, zone: OffsetRange, done: Array<{ blanks: OffsetRange[]; sentences: Sentence[] }>, inZone: OffsetRange[], proseCodes: Uint16Array | undefined, unitSentences: Sentence[], first: number): Sentence[] {
  for (const split of done) if (sameRanges(split.blanks, inZone)) return split.sentences;
  const kept = keptSentences(doc.prose, zone, inZone, unitSentences, first);
  if (kept !== undefined) {
    done.push({ blanks: inZone, sentences: kept });
    return kept;
  }
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
 * The sentences of a zone's rendering when they are the macro's own, found without splitting: each
 * sentence of the zone lies wholly inside the text the rendering leaves out or wholly outside it, and
 * nothing left out can move where a kept sentence ends. A sentence ended by its terminal punctuation
 * ends there whatever follows (sentences.ts endsAtPunctuation); one ended by a line break or a
 * paragraph mark could run on, so nothing may be left out between it and the next kept sentence.
 * Left-out ranges that blank nothing new (template tags, already hidden) do not count.
 * Undefined when the zone must be split.
 */
export function keptSentences(prose: string, zone: OffsetRange, inZone: OffsetRange[], unitSentences: Sentence[], first: number): Sentence[] | undefined {
  // The left-out text, clamped to the zone, where it changes the prose; merged where ranges touch.
  const out: OffsetRange[] = [];
  for (const blank of inZone) {
    const start = Math.max(blank.start, zone.start);
    const end = Math.min(blank.end, zone.end);
    if (!blanksSomething(prose, start, end)) continue;
    const last = out[out.length - 1];
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  const kept: Sentence[] = [];
  let b = 0;
  /** Whether the last kept sentence could run on into text left out after it. */
  let mayRunOn = false;
  for (let i = first; i < unitSentences.length && unitSentences[i].start < zone.end; i++) {
    const sentence = unitSentences[i];
    while (b < out.length && out[b].end <= sentence.start) {
      if (mayRunOn) return undefined;
      b++;
    }
    const blank = out[b];
    if (blank !== undefined && blank.start < sentence.end) {
      if (blank.start > sentence.start || blank.end < sentence.end || mayRunOn) return undefined;
      continue; // left out whole
    }
    kept.push(sentence);
    mayRunOn = !endsAtPunctuation(sentence.text);
  }
  if (mayRunOn && b < out.length) return undefined;
  return kept;
}

/** Whether blanking [start, end) of the prose changes it: some character there is not a space or a line break. */
function blanksSomething(prose: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = prose.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13) return true;
  }
  return false;
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

/**
 * The variants of a macro (its range, its blocks and its sentences) that has branches.
 * `proseCodes`: the prose's code units, when the caller has them (the mask's, when they equal the prose).
 */
export function buildVariants(doc: MacroDocument, range: OffsetRange, blocks: BranchBlock[], unitSentences: Sentence[], proseCodes?: Uint16Array): Variant[] {
  const top = blocks.filter((b) => !b.nested);
  const tagRanges: OffsetRange[] = [];
  for (const block of blocks) for (const branch of block.branches) if (branch.tag.end > branch.tag.start) tagRanges.push(branch.tag);
  const zones = zonesOf(top, unitSentences, range);
  // Each zone is rendered once per distinct way it renders (which ranges it blanks), not once per variant.
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
      for (const sentence of renderZone(doc, zones[z], splits[z], inZone, proseCodes, unitSentences, k)) sentences.push(sentence);
      while (k < unitSentences.length && unitSentences[k].start < zone.end) k++;
    }
    while (k < unitSentences.length) sentences.push(unitSentences[k++]);
    // Joined by concatenation: join() costs more than the rest of the variant.
    let condition = choice.conditions[0] ?? '';
    for (let i = 1; i < choice.conditions.length; i++) condition += ' and ' + choice.conditions[i];
    return { condition, conditions: choice.conditions, chosen: choice.chosen, sentences };
  });
}
