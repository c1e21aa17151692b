import type { Rule, Report, RuleContext } from './rule';
import type { Sentence, Variant } from '../document/model';
import type { Fix, TextEdit } from '../types';
import { APOLOGY_WORD, FULL_APOLOGY, NOT_AN_APOLOGY, PROMISED_APOLOGY, weakApologyPhrases, type ApologyPhrase } from '../phrases/weak-apology';
import { capitalize, matchCase } from '../text';

const compiled = weakApologyPhrases.map((phrase) => ({ phrase, regex: new RegExp(phrase.pattern, 'i') }));
/** Cheap pre-check: most sentences have no apology word at all. */
const MAYBE = /sorry|apolog/i;
const LEADING_SYMBOLS = /^[^\p{L}\p{N}]*/u;

function isApology(sentence: Sentence): boolean {
  return APOLOGY_WORD.test(sentence.text) && !NOT_AN_APOLOGY.test(sentence.text);
}

/** The weak-apology phrase a sentence contains, if any. */
export function weakMatch(sentence: Sentence): { phrase: ApologyPhrase; match: RegExpExecArray } | undefined {
  if (!MAYBE.test(sentence.text) || NOT_AN_APOLOGY.test(sentence.text)) return undefined;
  // Sentence-start patterns read past a leading emoji, bullet or quote mark.
  const lead = LEADING_SYMBOLS.exec(sentence.text)![0].length;
  const body = lead > 0 ? sentence.text.slice(lead) : sentence.text;
  for (const { phrase, regex } of compiled) {
    const match = regex.exec(body);
    if (match) {
      match.index += lead;
      return { phrase, match };
    }
  }
  return undefined;
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

  checkSentence(sentence, context) {
    const found = weakMatch(sentence);
    if (!found) return undefined;
    const { phrase, match } = found;
    let trimmed = match[0].replace(/[\s,]+$/, '');
    // "Sorry for the delay": the flagged phrase runs on to its object, up to a comma or the end.
    if (phrase.fix === 'keep-object') trimmed = sentence.text.slice(match.index).replace(/[,;:(][\s\S]*$/, '').replace(/[\s.!?…]+$/, '');
    const start = sentence.start + match.index;
    const end = start + trimmed.length;
    return {
      start,
      end,
      message: phrase.message.replace('{match}', context.doc.text.slice(start, end).replace(/\s+/g, ' ')),
      fixes: fixesFor(phrase, sentence, match.index, match[0].length, context),
    };
  },

  checkVariant(variant: Variant) {
    const apologies = variant.sentences.filter(isApology);
    if (apologies.length < 2) return undefined;
    // A sentence already flagged for its wording is not flagged again for being one more apology.
    const repeated = apologies.slice(1).filter((s) => !weakMatch(s));
    return repeated.map<Report>((s) => {
      const m = APOLOGY_WORD.exec(s.text)!;
      return {
        start: s.start + m.index,
        end: s.start + m.index + m[0].length,
        message: `This reply apologizes ${apologies.length} times ("${m[0]}" again here). One sincere apology that names what went wrong is enough.`,
      };
    });
  },
};

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
        { title: `Rewrite as "${shorten(apology)}"`, preferred: true, edits: [{ start, end: sentence.end, newText: apology }] },
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
          { title: `Drop the condition: "${shorten(`${kept.trim()} ${clause}`)}"`, preferred: true, edits: [{ start, end, newText: kept }] },
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

function namePlaceholder(context: RuleContext): string | undefined {
  if (context.settings.namePlaceholder) return context.settings.namePlaceholder;
  const used = context.doc.placeholders.find((p) => /(?:first_?name|firstname|\bname)$/i.test(p.path));
  return used?.raw;
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}
