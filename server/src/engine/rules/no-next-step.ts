import type { Rule } from './support/rule';
import type { MacroDocument, MacroUnit, Variant } from '../document/model';
import { answersProblem } from './missing-acknowledgement';
import { CLOSING_OFFER, CONFUSION, CONTACT_US, EXPLANATION, NEXT_STEP, NEXT_STEP_SENTENCE, SIGN_OFF } from '../phrases/no-next-step';
import { detectEol, LineIndex } from '../text';
import { PARAGRAPH_MARKS } from '../document/sentences';
import type { Fix } from '../types';
import { factsOf, sentenceFact } from './support/memo';

export const noNextStep: Rule = {
  id: 'no-next-step',
  description: 'A reply to a problem that never says what happens next: no action plan, no next step for the customer.',
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    quote: 'If they do, then continue empathizing and tell the customer what you\'ll do about the situation.',
  },
  example: {
    bad: "Hi {{customer.first_name}},\n\nI'm sorry to hear your parcel arrived damaged.",
    better: "Hi {{customer.first_name}},\n\nI'm sorry to hear your parcel arrived damaged. I'll send a replacement today, and you'll get the tracking number by e-mail.",
  },

  checkVariant(variant, unit, context) {
    if (variant.sentences.length === 0 || !answersProblem(unit, variant)) return undefined;
    const facts = factsOf(variant.sentences);
    if (facts.some(givesNextStep)) return undefined;
    // A confusion is resolved by explaining it: nothing is left to do.
    if (facts.some(isConfusion) && facts.some(isExplanation)) return undefined;
    const where = variant.chosen.length > 0 && unit.variants.length > 1 ? variant.chosen[variant.chosen.length - 1] : unit.anchor;
    const what = unit.title ? `"${unit.title}" answers a problem` : 'This reply answers a problem';
    return {
      start: where.start,
      end: where.end,
      message: `${what} but never says what happens next. Propose an action plan: "Here's what I'll do next: …".`,
      fixes: () => [insertNextStep(unit, variant, context.doc)],
    };
  },
};

/** Whether a sentence gives a next step; a stock "any other questions, let us know" offer does not. */
const HAS_CLOSING_OFFER = new RegExp(CLOSING_OFFER.source, 'i');
const CLAUSE_END = /[,;.!?]/;

export const givesNextStep = sentenceFact((sentence: string): boolean => {
  if (!NEXT_STEP.test(sentence)) return false;
  if (!HAS_CLOSING_OFFER.test(sentence)) return true;
  return NEXT_STEP.test(withoutClosingOffers(sentence).replace(CONTACT_US, ' '));
});

/**
 * The text with every clause that holds a closing offer (from the punctuation
 * before it to the punctuation after it) turned into a space. Found from the
 * offer's words outwards: a pattern that tried every start of a clause cost
 * tens of microseconds a sentence.
 */
function withoutClosingOffers(text: string): string {
  let kept = '';
  let from = 0;
  CLOSING_OFFER.lastIndex = 0;
  for (let m = CLOSING_OFFER.exec(text); m !== null; m = CLOSING_OFFER.exec(text)) {
    let start = m.index;
    while (start > from && !CLAUSE_END.test(text.charAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < text.length && !CLAUSE_END.test(text.charAt(end))) end++;
    kept += `${text.slice(from, start)} `;
    from = end;
    CLOSING_OFFER.lastIndex = end;
  }
  return kept + text.slice(from);
}

const isConfusion = sentenceFact((text: string) => CONFUSION.test(text));
const isExplanation = sentenceFact((text: string) => EXPLANATION.test(text));

// One line index per document: a library file may have many macros to fix.
const lineIndexes = new WeakMap<MacroDocument, LineIndex>();
function linesOf(doc: MacroDocument): LineIndex {
  let lines = lineIndexes.get(doc);
  if (!lines) lineIndexes.set(doc, (lines = new LineIndex(doc.text)));
  return lines;
}

/** Adds the plan as its own paragraph above the sign-off, or at the end of the macro. */
function insertNextStep(unit: MacroUnit, variant: Variant, doc: MacroDocument): Fix {
  const text = doc.text;
  const eol = detectEol(text);
  const title = 'Add a next step: "Here\'s what I\'ll do next: …"';
  const signOff = signOffLine(unit, doc, variant.sentences[0].end);
  if (signOff !== undefined) {
    const lines = linesOf(doc);
    const line = lines.positionAt(signOff).line;
    const previousBlank = line === 0 || text.slice(lines.lineStart(line - 1), lines.lineEnd(line - 1)).trim() === '';
    return { title, preferred: true, edits: [{ start: signOff, end: signOff, newText: `${previousBlank ? '' : eol}${NEXT_STEP_SENTENCE}${eol}${eol}` }] };
  }
  let end = unit.end;
  while (end > unit.start && /\s/.test(text.charAt(end - 1))) end--;
  return { title, preferred: true, edits: [{ start: end, end, newText: `${eol}${eol}${NEXT_STEP_SENTENCE}` }] };
}

/**
 * The start of the sign-off line ("Best," / "Kind regards," / "Thanks,") at the
 * end of the macro, read from the prose so code and comments never count. A
 * sign-off stacked under another ("Thanks!" then "Best,") moves up to the first.
 */
function signOffLine(unit: MacroUnit, doc: MacroDocument, after: number): number | undefined {
  const lines = linesOf(doc);
  const first = lines.positionAt(unit.start).line;
  const last = lines.positionAt(unit.end).line;
  const isSignOff = (line: number) => {
    const start = lines.lineStart(line);
    return start >= after && SIGN_OFF.test(doc.prose.slice(start, lines.lineEnd(line)).replace(PARAGRAPH_MARKS, ' '));
  };
  let found: number | undefined;
  for (let line = last; line >= first; line--) {
    const start = lines.lineStart(line);
    if (start < unit.start || start >= unit.end) continue;
    if (isSignOff(line)) {
      found = line;
      break;
    }
  }
  if (found === undefined) return undefined;
  // Move up over stacked sign-offs, skipping blank lines between them.
  for (let line = found - 1; line >= first; line--) {
    const content = doc.prose.slice(lines.lineStart(line), lines.lineEnd(line)).trim();
    if (content === '') continue;
    if (isSignOff(line)) found = line;
    else break;
  }
  return lines.lineStart(found);
}
