import type { Rule } from './rule';
import type { MacroUnit, Variant } from '../document/model';
import { ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_SENTENCE, PROBLEM_SIGNALS, PROBLEM_TITLE } from '../phrases/acknowledgement';
import { APOLOGY_WORD } from '../phrases/weak-apology';
import { detectEol } from '../text';
import type { Fix } from '../types';

/** Whether the macro answers a problem or complaint: from its title, its apologies, and problem words. */
export function answersProblem(unit: MacroUnit, variant: Variant): boolean {
  if (unit.meta.informational) return false;
  if (unit.meta.complaint) return true;
  if (unit.title && PROBLEM_TITLE.test(unit.title)) return true;
  let signals = 0;
  for (const sentence of variant.sentences) {
    if (APOLOGY_WORD.test(sentence.text)) return true;
    PROBLEM_SIGNALS.lastIndex = 0;
    const found = sentence.text.match(PROBLEM_SIGNALS);
    if (found) signals += found.length;
  }
  return signals >= 2;
}

export const missingAcknowledgement: Rule = {
  id: 'missing-acknowledgement',
  description: "A reply to a problem or complaint that never acknowledges the customer's situation or feelings.",
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '001_206c2b37550dfc6e.txt',
    quote:
      'Whenever a customer is aggrieved or has already established an adverse experience, the most crucial factor on their behalf would be to believe that their perspective continues to be heard and understood.',
  },
  example: {
    bad: 'Hi {{customer.first_name}},\n\nYour replacement ships today.',
    better: "Hi {{customer.first_name}},\n\nI understand how frustrating it is to wait for a parcel that didn't arrive. Your replacement ships today.",
  },

  checkVariant(variant, unit, context) {
    if (variant.sentences.length === 0 || !answersProblem(unit, variant)) return undefined;
    if (variant.sentences.some((s) => ACKNOWLEDGEMENT.test(s.text))) return undefined;
    const where = variant.chosen.length > 0 && unit.variants.length > 1 ? variant.chosen[variant.chosen.length - 1] : unit.anchor;
    const what = unit.title ? `"${unit.title}" answers a problem` : 'This reply answers a problem';
    return {
      start: where.start,
      end: where.end,
      message: `${what} but never acknowledges the customer's situation. Add a sentence that rephrases their concern, e.g. "I understand how frustrating …".`,
      fixes: [insertAcknowledgement(unit, variant, context.doc.text)],
    };
  },
};

function insertAcknowledgement(unit: MacroUnit, variant: Variant, text: string): Fix {
  const greeting = unit.greeting && variant.sentences.includes(unit.greeting) ? unit.greeting : undefined;
  const firstBody = variant.sentences.find((s) => s !== greeting);
  if (greeting && (!firstBody || text.slice(greeting.end, firstBody.start).includes('\n'))) {
    // The greeting stands on its own line: the acknowledgement opens the first paragraph after it.
    if (firstBody) {
      return { title: 'Acknowledge the customer\'s situation after the greeting', preferred: true, edits: [{ start: firstBody.start, end: firstBody.start, newText: `${ACKNOWLEDGEMENT_SENTENCE} ` }] };
    }
    const eol = detectEol(text);
    return { title: 'Acknowledge the customer\'s situation after the greeting', preferred: true, edits: [{ start: greeting.end, end: greeting.end, newText: `${eol}${eol}${ACKNOWLEDGEMENT_SENTENCE}` }] };
  }
  const at = firstBody ?? variant.sentences[0];
  return { title: 'Open with an acknowledgement of the customer\'s situation', preferred: true, edits: [{ start: at.start, end: at.start, newText: `${ACKNOWLEDGEMENT_SENTENCE} ` }] };
}
