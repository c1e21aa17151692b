import type { Rule, Report, RuleContext } from './support/rule';
import type { Sentence, Variant } from '../document/model';
import type { Fix, TextEdit } from '../types';
import { APOLOGY_WORD, FULL_APOLOGY, NOT_AN_APOLOGY, PROMISED_APOLOGY, weakApologyPhrases, type ApologyPhrase } from '../phrases/weak-apology';
import { capitalize, matchCase, oneLine, withMatch } from '../text';
import { factsOf, sentenceFact } from './support/memo';
import { firstFrom, unitContaining } from './support/where';
import { shorten } from './support/phrase-edits';

/** The longest rewrite a fix's title quotes whole. */
const TITLE_QUOTE = 48;

const compiled = weakApologyPhrases.map((phrase) => ({ phrase, regex: new RegExp(phrase.pattern, 'i') }));
/** Cheap pre-check: most sentences have no apology word at all. */
const MAYBE = /sorry|apolog/i;
const LEADING_SYMBOLS = /^[^\p{L}\p{N}]*/u;
const SPACE_OR_COMMA = /[\s,]/;
const SPACE_OR_STOP = /[\s.!?…]/;
const CLAUSE_BREAK = /[,;:(]/;

/** text without the trailing characters that match `trailing` (a one-character class): a regex anchored at the end would try every position. */
function trimEndOf(text: string, trailing: RegExp): string {
  let end = text.length;
  while (end > 0 && trailing.test(text.charAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

const isApologyText = sentenceFact((text: string) => MAYBE.test(text) && APOLOGY_WORD.test(text) && !NOT_AN_APOLOGY.test(text));

/** Where a sentence's apology word is ("sorry", "apologize"), if it has one. */
const apologyWordOf = sentenceFact((text: string): { index: number; text: string } | undefined => {
  const m = APOLOGY_WORD.exec(text);
  return m ? { index: m.index, text: m[0] } : undefined;
});

export interface WeakMatch {
  readonly phrase: ApologyPhrase;
  readonly match: RegExpExecArray;
  /** The words the finding flags, from the sentence's text: the match, or for "Sorry for the delay" the match and its object. */
  readonly flagged: string;
  /** The finding's message when the text flagged reads the same in the document (no placeholder in it). */
  readonly message: string;
}

export const weakMatchOf = sentenceFact((text: string): WeakMatch | undefined => {
  if (!MAYBE.test(text) || NOT_AN_APOLOGY.test(text)) return undefined;
  // Sentence-start patterns read past a leading emoji, bullet or quote mark.
  const lead = LEADING_SYMBOLS.exec(text)![0].length;
  const body = lead > 0 ? text.slice(lead) : text;
  for (const { phrase, regex } of compiled) {
    const match = regex.exec(body);
    if (match) {
      match.index += lead;
      const flagged = flaggedWords(phrase, match, text);
      return { phrase, match, flagged, message: withMatch(phrase.message, oneLine(flagged)) };
    }
  }
  return undefined;
});

function flaggedWords(phrase: ApologyPhrase, match: RegExpExecArray, text: string): string {
  // "Sorry for the delay": the flagged phrase runs on to its object, up to a comma or the end.
  if (phrase.fix === 'keep-object') {
    const object = text.slice(match.index);
    const clauseEnd = object.search(CLAUSE_BREAK);
    return trimEndOf(clauseEnd < 0 ? object : object.slice(0, clauseEnd), SPACE_OR_STOP);
  }
  return trimEndOf(match[0], SPACE_OR_COMMA);
}

/** The weak-apology phrase a sentence contains, if any (shared by callers: do not modify it). */
export function weakMatch(sentence: Sentence): WeakMatch | undefined {
  return weakMatchOf.of(sentence);
}

export const weakApology: Rule = {
  id: 'weak-apology',
  description: 'Throwaway, conditional or stock apologies, and more than one apology in a reply.',
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    quote:
      'Sorry is an overused word, everyone says it when something goes wrong and it\'s lost its value. … Far better to say "I apologize for ......" And if you really need to use the sorry word, make sure to include it as part of a full sentence.',
  },
  example: { bad: "Sorry 'bout that, give me the details and I'll sort this out for you.", better: "I apologize for the mix-up. Give me the details and I'll sort this out for you." },

  sentenceHint: MAYBE,

  checkSentence(sentence, context) {
    const found = weakMatch(sentence);
    if (!found) return undefined;
    const { phrase, match, flagged } = found;
    const start = sentence.start + match.index;
    const end = start + flagged.length;
    // The message quotes the document's words: a placeholder reads as itself, not as the sentence's stand-in.
    // (Told by a slice and a comparison: startsWith with a sliced string to look for cost several times more.)
    const written = context.doc.text.slice(start, end);
    return {
      start,
      end,
      message: written === flagged ? found.message : withMatch(phrase.message, oneLine(written)),
      fixes: () => {
        const fixes = fixesFor(phrase, sentence, match.index, match[0].length, context);
        // One apology per reply: when an earlier sentence already apologizes, dropping this one is the better fix.
        // It comes first only after a sound apology; after a weak one, rewriting that one may be the better choice.
        const removal = removalAfterEarlierApology(sentence, start, context);
        return !removal ? fixes : removal.preferred ? [removal, ...fixes.map((fix) => ({ ...fix, preferred: false }))] : [...fixes, removal];
      },
    };
  },

  checkVariant(variant: Variant) {
    const sentences = variant.sentences;
    const facts = factsOf(sentences);
    // One pass: the apologies after the first, in a scratch list (most replies apologize once, or not at all).
    let count = 0;
    for (let i = 0; i < sentences.length; i++) {
      if (!facts.get(isApologyText, i)) continue;
      if (count > 0) laterApologies[count - 1] = i;
      count++;
    }
    if (count < 2) return undefined;
    const reports: Report[] = [];
    for (let k = 0; k < count - 1; k++) {
      const i = laterApologies[k];
      // A sentence already flagged for its wording is not flagged again for being one more apology.
      if (facts.get(weakMatchOf, i)) continue;
      const s = sentences[i];
      const word = facts.get(apologyWordOf, i)!;
      reports.push({ start: s.start + word.index, end: s.start + word.index + word.text.length, message: repeatMessage(word.text, count) });
    }
    return reports;
  },
};

/** The message for one more apology, by the word and the count: the same few, made once (a library repeats them in every variant). */
const repeatMessages = new Map<string, string[]>();

function repeatMessage(word: string, count: number): string {
  let byCount = repeatMessages.get(word);
  if (byCount === undefined) {
    if (repeatMessages.size >= 256) repeatMessages.clear();
    repeatMessages.set(word, (byCount = []));
  }
  return (byCount[count] ??= `This reply apologizes ${count} times ("${word}" again here). One sincere apology that names what went wrong is enough.`);
}

/** The indexes of a variant's apologies after its first (checkVariant's scratch list: variants are checked one at a time). */
const laterApologies: number[] = [];

function fixesFor(phrase: ApologyPhrase, sentence: Sentence, index: number, length: number, context: RuleContext): Fix[] {
  const text = context.doc.text;
  const start = sentence.start + index;
  const end = start + length;
  const original = text.slice(start, end);
  // The words of the sentence after the match, from the original text (placeholders intact).
  const rest = text.slice(end, sentence.end);
  switch (phrase.fix) {
    case 'keep-object': {
      const object = rest.replace(/[\s.!…]+$/, '');
      const closing = /!\s*$/.test(rest) ? '!' : '.';
      const apology = `I apologize for ${object}${closing}`;
      return [
        { title: `Rewrite as "${shorten(apology, TITLE_QUOTE)}"`, preferred: true, edits: [{ start, end: sentence.end, newText: apology }] },
        promisedAlternative(sentence, start, context),
      ];
    }
    case 'sorry-that': {
      const who = /^\s*we\b/i.test(original) ? "We're sorry that " : "I'm sorry that ";
      return [
        { title: `Rewrite as "${who.trim()} …"`, preferred: true, edits: [{ start, end, newText: who }, ...lowerFirst(text, end)] },
        ...sentenceReplacements(sentence, start, end, context).slice(0, 1).map((fix) => ({ ...fix, preferred: false })),
      ];
    }
    case 'drop-condition': {
      // The conditional clause runs to the first comma or semicolon; what follows stays as its own sentence.
      const comma = rest.search(/[,;]/);
      const clauseEnd = comma >= 0 ? end + comma : sentence.end;
      const clause = text.slice(end, clauseEnd).trim();
      const aboutFeelings = /^you\s+(?:feel|felt|think|thought|believe)\b/i.test(clause);
      const replacements = sentenceReplacements(sentence, start, clauseEnd, context);
      // What follows must read as a clause of its own once "if" goes: "we let you down", "you were charged twice".
      if (!aboutFeelings && /^(?:we|i|our|your|the|this|that|it|you|there|my)\b/i.test(clause) && clause.split(/\s+/).length >= 3) {
        let kept = original.replace(/\s+if\s+[\s\S]*$/i, ' ');
        // "Sorry if …" has nobody apologizing: give it a subject.
        if (!/^\s*(?:i|we)\b/i.test(kept)) kept = `I'm ${kept.trimStart().charAt(0).toLowerCase()}${kept.trimStart().slice(1)}`;
        return [
          { title: `Drop the condition: "${shorten(`${kept.trim()} ${clause}`, TITLE_QUOTE)}"`, preferred: true, edits: [{ start, end, newText: kept }] },
          ...replacements.map((fix) => ({ ...fix, preferred: false })),
        ];
      }
      return replacements;
    }
    case 'full-apology':
    default:
      return sentenceReplacements(sentence, start, end, context);
  }
}

/**
 * A fix that deletes a weak apology standing alone as a sentence, offered when
 * an earlier sentence of the same rendered reply already apologizes.
 */
function removalAfterEarlierApology(sentence: Sentence, start: number, context: RuleContext): Fix | undefined {
  const text = context.doc.text;
  // Only a sentence that is nothing but the apology can go whole.
  if (start !== sentence.start || !/^[\s.!?…]*$/.test(sentence.text.slice(weakEnd(sentence) - sentence.start))) return undefined;
  const sentences = context.doc.sentences;
  let index = firstFrom(sentences, sentence.start);
  if (sentences[index] !== sentence) return undefined;
  const unit = unitContaining(context.doc.units, sentence.start);
  for (index--; index >= 0 && (!unit || sentences[index].start >= unit.start); index--) {
    const earlier = sentences[index];
    if (!isApologyText.of(earlier) || !renderTogether(context, earlier.start, sentence.start)) continue;
    // Deleting a sentence is the author's call: offered first when the earlier apology is sound, never applied unattended.
    const preferred = !weakMatchOf.of(earlier);
    // Delete the sentence and the spaces after it on its line.
    let end = sentence.end;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, sentence.start)) && /^(?:\r?\n|$)/.test(text.slice(end))) {
      // The apology is alone on its line: remove the line.
      end = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end) + 1;
      return { title: 'Remove this apology: the reply already apologizes once', preferred, needsInput: true, edits: [{ start: lineStart, end, newText: '' }] };
    }
    // Last on its line: take the spaces before it instead, so no trailing space is left.
    let from = sentence.start;
    if (/^(?:\r?\n|$)/.test(text.slice(end))) {
      end = sentence.end;
      while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    }
    return { title: 'Remove this apology: the reply already apologizes once', preferred, needsInput: true, edits: [{ start: from, end, newText: '' }] };
  }
  return undefined;
}

function weakEnd(sentence: Sentence): number {
  const found = weakMatch(sentence);
  return found ? sentence.start + found.match.index + found.match[0].length : sentence.start;
}

/** Two offsets render in the same reply unless they sit in different branches of one block. */
function renderTogether(context: RuleContext, a: number, b: number): boolean {
  for (const block of context.doc.blocks) {
    if (a < block.start || b >= block.end) continue;
    const branchOf = (offset: number) => block.branches.findIndex((br) => offset >= br.content.start && offset < br.content.end);
    const first = branchOf(a);
    const second = branchOf(b);
    if (first >= 0 && second >= 0 && first !== second) return false;
  }
  return true;
}

/**
 * Replace [start, end) with the full apology. What is left of the sentence
 * becomes its own sentence, or, when it is only a name ("…, {{name}}."), stays
 * as the apology's vocative.
 */
function sentenceReplacements(sentence: Sentence, start: number, end: number, context: RuleContext): Fix[] {
  const text = context.doc.text;
  const rest = text.slice(end, sentence.end).replace(/^[\s,;:!.…-]+/, '');
  const restStart = sentence.end - rest.length;
  const restProse = sentence.text.slice(restStart - sentence.start);
  const vocative = rest !== '' && /^X+[.!…]*$/.test(restProse.trim());
  const build = (apology: string, title: string, preferred: boolean): Fix => {
    if (rest.trim() === '') return { title, preferred, edits: [{ start, end: sentence.end, newText: `${apology}.` }] };
    if (vocative) {
      const name = rest.replace(/[\s.!…]+$/, '');
      return { title, preferred, edits: [{ start, end: sentence.end, newText: `${apology}, ${name}.` }] };
    }
    const edits: TextEdit[] = [{ start, end: restStart, newText: `${apology}. ` }];
    if (/^\p{Ll}/u.test(rest)) edits.push({ start: restStart, end: restStart + 1, newText: capitalize(rest.charAt(0)) });
    return { title, preferred, edits };
  };
  const name = namePlaceholder(context);
  const promised = name && !vocative ? `${PROMISED_APOLOGY}, ${name}` : PROMISED_APOLOGY;
  return [
    build(matchCase(text.slice(start, end), FULL_APOLOGY), 'Apologize for what went wrong: "I apologize for …"', true),
    build(promised, 'Apologize for the broken promise: "I\'m sorry you haven\'t received … as promised"', false),
  ];
}

/** The guide's "I'm sorry you haven't received … as promised" as a whole-sentence alternative. */
function promisedAlternative(sentence: Sentence, start: number, context: RuleContext): Fix {
  const name = namePlaceholder(context);
  const newText = name ? `${PROMISED_APOLOGY}, ${name}.` : `${PROMISED_APOLOGY}.`;
  return { title: 'Apologize for the broken promise: "I\'m sorry you haven\'t received … as promised"', preferred: false, edits: [{ start, end: sentence.end, newText }] };
}

function lowerFirst(text: string, at: number): TextEdit[] {
  const ch = text.charAt(at);
  // Keep "I" and proper-looking words; lower a capital that only started the sentence.
  if (ch && ch !== ch.toLowerCase() && !/^I\b/.test(text.slice(at)) && /^[A-Z][a-z]/.test(text.slice(at, at + 2))) {
    return [{ start: at, end: at + 1, newText: ch.toLowerCase() }];
  }
  return [];
}

const NAME_PATH = /(?:first_?name|firstname|\bname)$/i;
// Asked for every fix of every finding: the document's answer is found once.
const namePlaceholders = new WeakMap<object, { name: string | undefined }>();

function namePlaceholder(context: RuleContext): string | undefined {
  if (context.settings.namePlaceholder) return context.settings.namePlaceholder;
  let found = namePlaceholders.get(context.doc);
  if (!found) namePlaceholders.set(context.doc, (found = { name: context.doc.placeholders.find((p) => NAME_PATH.test(p.path))?.raw }));
  return found.name;
}
