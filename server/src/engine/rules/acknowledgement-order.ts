import type { Rule } from './support/rule';
import type { Sentence } from '../document/model';
import { ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_HINT } from '../phrases/acknowledgement';
import { SOLUTION, SOLUTION_HINT, SPOKEN_TO_CUSTOMER, THANKS_CLAUSE } from '../phrases/acknowledgement-order';
import type { Fix } from '../types';
import { factsOf, sentenceFact } from './support/memo';

const FEELING_WORD = /^(?:frustrating|annoying|disappointing|stressful|upsetting|worrying)$/i;
const FEELING_CONTEXT = /(?:\b(?:how|so|really|very|be|is|was|sounds|feels?|been|seem|seems)|'s|’s)\s+$/i;

/**
 * An acknowledgement in the CARP sense: someone speaks to the customer's situation.
 * A thanks-for clause alone is a courtesy, and a bare "annoying" ("this stops
 * annoying pop-ups") describes a thing, not the customer's feelings.
 */
export function acknowledges(sentence: Sentence): boolean {
  return acknowledgesText.of(sentence);
}

const offersSolution = sentenceFact((text: string) => SOLUTION_HINT.test(text) && SOLUTION.test(text));

const acknowledgesText = sentenceFact((sentenceText: string): boolean => {
  // Dropping a thanks clause takes words away and never joins two into a new one: the hint can go first.
  if (!ACKNOWLEDGEMENT_HINT.test(sentenceText)) return false;
  const text = sentenceText.replace(THANKS_CLAUSE, ' ');
  const m = ACKNOWLEDGEMENT.exec(text);
  if (!m || !SPOKEN_TO_CUSTOMER.test(text)) return false;
  // "We removed the annoying pop-ups": a feeling word only acknowledges when it describes the situation.
  if (FEELING_WORD.test(m[0].trim())) return FEELING_CONTEXT.test(text.slice(0, m.index));
  return true;
});

export const acknowledgementOrder: Rule = {
  id: 'acknowledgement-order',
  description: "The acknowledgement of the customer's situation only comes after the solution.",
  defaultSeverity: 'hint',
  fixable: true,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    quote: 'The important thing to realize when dealing with an upset customer, be they internal or external, is that you must -deal with their feelings, then deal with their problem.',
  },
  example: {
    bad: "I've refunded the second charge. I understand how worrying a double charge is.",
    better: "I understand how worrying a double charge is. I've refunded the second charge.",
  },

  checkVariant(variant, unit, context) {
    if (unit.meta.informational) return undefined;
    const sentences = variant.sentences;
    const facts = factsOf(sentences);
    const firstAcknowledgement = facts.findIndex(acknowledgesText);
    if (firstAcknowledgement <= 0) return undefined;
    const firstSolution = facts.findIndex(offersSolution);
    if (firstSolution < 0 || firstSolution >= firstAcknowledgement) return undefined;
    const acknowledgement = sentences[firstAcknowledgement];
    const solution = sentences[firstSolution];
    return {
      start: acknowledgement.start,
      end: acknowledgement.end,
      message: 'The acknowledgement comes after the solution. Acknowledge the customer\'s situation first, then solve: deal with their feelings, then with their problem.',
      fixes: () => {
        const fix = moveBefore(acknowledgement, solution, context.doc.text);
        return fix ? [fix] : [];
      },
    };
  },
};

const TEMPLATE_TAG = /\{\{[#/^!>]|\{\{\s*else\b|\{%/;

/** Moves the acknowledgement sentence to just before the solution sentence, from the original text. */
function moveBefore(acknowledgement: Sentence, solution: Sentence, text: string): Fix | undefined {
  const moved = text.slice(acknowledgement.start, acknowledgement.end);
  // Never carry or cross a block tag: the moved words must be plain prose and placeholders.
  if (TEMPLATE_TAG.test(text.slice(solution.start, acknowledgement.end))) return undefined;
  // Moving into or out of a list item or table cell would leave an empty bullet or a broken row.
  const linePrefix = (at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  const STRUCTURE = /^\s*(?:[-*+]|\d{1,9}[.)])\s|\|/;
  if (STRUCTURE.test(linePrefix(solution.start)) || STRUCTURE.test(linePrefix(acknowledgement.start))) return undefined;
  let start = acknowledgement.start;
  let end = acknowledgement.end;
  const after = /^[ \t]+(?=[^\s])/.exec(text.slice(end));
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  if (after) {
    // More prose follows on the same line: take the spaces after the sentence with it.
    end += after[0].length;
  } else if (before.trim() !== '') {
    // The sentence ends its line: take the spaces before it.
    start -= before.length - before.trimEnd().length;
  } else {
    // The sentence stands alone: take the line breaks after it too, or before it at the very end.
    const breaks = /^[ \t]*(?:\r?\n[ \t]*)*/.exec(text.slice(end))![0];
    if (end + breaks.length < text.length) end += breaks.length;
    else start = text.slice(0, start).trimEnd().length;
  }
  return {
    title: 'Move the acknowledgement before the solution',
    preferred: true,
    edits: [
      { start: solution.start, end: solution.start, newText: `${moved} ` },
      { start, end, newText: '' },
    ],
  };
}
