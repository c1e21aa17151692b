import type { Rule, Report } from './support/rule';
import type { MacroUnit, Sentence, Variant } from '../document/model';
import {
  hasAcknowledgement,
  ACKNOWLEDGEMENT_ALTERNATIVES,
  ACKNOWLEDGEMENT_EXTENSION,
  ACKNOWLEDGEMENT_SENTENCE,
  BARE_ACKNOWLEDGEMENT,
  CONDITIONAL,
  CUSTOMER_TROUBLE,
  PROBLEM_TITLE,
  PROBLEM_WORDS,
  PROBLEM_WORDS_HINT,
  SYSTEM_NOTICE,
} from '../phrases/acknowledgement';
import { APOLOGY_WORD, NOT_AN_APOLOGY } from '../phrases/weak-apology';
import { detectEol } from '../text';
import { weakMatchOf } from './weak-apology';
import { factsOf, lastAnswered, sentenceFact } from './support/memo';
import type { Fix } from '../types';

/** "Sorry, but we can't …" softens a refusal; it says nothing about the customer's trouble. */
const SOFTENED_REFUSAL = /\bsorry,?\s+but\b/i;

/** Whether the macro answers a customer's problem or complaint (see answersProblemOnce); found once per variant. */
export const answersProblem = (unit: MacroUnit, variant: Variant): boolean => answersProblemOf(variant, unit);
const answersProblemOf = lastAnswered((variant: Variant, unit: MacroUnit) => answersProblemOnce(unit, variant));

// Facts about one sentence's words, asked of the same sentence in every variant that renders it.
/** Every system-notice phrase has one of these words: most sentences skip the long pattern. */
const MAY_BE_NOTICE = /auto|reply/i;
/**
 * An automated notice or auto-reply ("This is an automated message", "Please do not reply").
 * Each notice phrase is read within a sentence: none has punctuation a sentence could end at.
 */
const isNotice = sentenceFact((text: string) => MAY_BE_NOTICE.test(text) && SYSTEM_NOTICE.test(text));

/** Whether a sentence of the variant is an automated notice ("This is an automated message"): two rules ask, in turn. */
export const isNoticeReply = lastAnswered((variant: Variant) => factsOf(variant.sentences).some(isNotice));

const apologizesSincerely = sentenceFact((text: string) => APOLOGY_WORD.test(text) && !NOT_AN_APOLOGY.test(text) && !SOFTENED_REFUSAL.test(text));
/** The sentence names the customer's trouble or apologizes for it: that alone makes a problem reply. */
const DECIDES = -1;
/** DECIDES, or how many problem words the sentence has; a sentence that only sets a condition has none. */
const problemSignal = sentenceFact((text: string): number => {
  if (CONDITIONAL.test(text)) return 0;
  if (CUSTOMER_TROUBLE.test(text) || apologizesSincerely(text)) return DECIDES;
  if (!PROBLEM_WORDS_HINT.test(text)) return 0;
  PROBLEM_WORDS.lastIndex = 0;
  return text.match(PROBLEM_WORDS)?.length ?? 0;
});

/**
 * Whether the macro answers a customer's problem or complaint: from the
 * front matter, its title, what it says about the customer's trouble, and an
 * apology for something that went wrong. Automated notices never do.
 */
function answersProblemOnce(unit: MacroUnit, variant: Variant): boolean {
  if (unit.meta.informational) return false;
  if (unit.meta.complaint) return true;
  const sentences = variant.sentences;
  const facts = factsOf(sentences);
  if (isNoticeReply(variant)) return false;
  if (unit.title !== undefined && titleSaysProblem(unit.title)) return true;
  // A sentence that names trouble or apologizes decides; problem words count across the reply.
  let words = 0;
  for (let i = 0; i < sentences.length; i++) {
    const signal = facts.get(problemSignal, i);
    if (signal === DECIDES) return true;
    words += signal;
  }
  if (words < 2) return false;
  // Problem words count only when the whole reply has two of them too.
  PROBLEM_WORDS.lastIndex = 0;
  return (wholeReply(sentences).match(PROBLEM_WORDS)?.length ?? 0) >= 2;
}

/** A macro's title names a problem: read once for all its variants. */
const titleSaysProblem = lastAnswered((title: string) => PROBLEM_TITLE.test(title));

function wholeReply(sentences: readonly Sentence[]): string {
  let whole = '';
  for (let i = 0; i < sentences.length; i++) whole += i === 0 ? sentences[i].text : `\n${sentences[i].text}`;
  return whole;
}

/**
 * An acknowledgement of the customer's situation, not a bare formula. A sincere
 * apology that names what went wrong acknowledges it too ("I'm sorry we missed you").
 */
const acknowledgesSituation = sentenceFact((text: string) => !isBareText(text) && (hasAcknowledgement(text) || (apologizesSincerely(text) && !weakMatchOf(text))));

const isBareText = sentenceFact((text: string) => BARE_ACKNOWLEDGEMENT.test(text.trim()));

function isBare(sentence: Sentence): boolean {
  return isBareText.of(sentence);
}

export const missingAcknowledgement: Rule = {
  id: 'missing-acknowledgement',
  description: "A reply to a problem or complaint that never acknowledges the customer's situation or feelings, or only with a bare \"I understand.\"",
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '001_206c2b37550dfc6e.txt',
    quote:
      'Whenever a customer is aggrieved or has already established an adverse experience, the most crucial factor on their behalf would be to believe that their perspective continues to be heard and understood.',
  },
  example: {
    bad: 'Hi {{customer.first_name}},\n\nYour parcel was lost by the courier. A replacement ships today.',
    better: "Hi {{customer.first_name}},\n\nI understand how frustrating it is to wait for a parcel that never arrives. Your parcel was lost by the courier. A replacement ships today.",
  },

  // A bare "I understand." anywhere is weak: the guide asks for a genuine response.
  sentenceHint: /\b(?:understand|see|hear|get)\b/i,

  checkSentence(sentence, context) {
    if (sentence.text.length > 40 || !isBare(sentence)) return undefined;
    const text = context.doc.text;
    const original = text.slice(sentence.start, sentence.end);
    const verb = /\b(understand|see|hear\s+you|get\s+it)\b/i.exec(original);
    const stop = /[.!…]+\s*$/.exec(original);
    const bodyEnd = stop ? sentence.start + stop.index : sentence.end;
    const fixes: Fix[] = [];
    if (verb && /^understand$/i.test(verb[1])) {
      // "I understand." -> "I understand how frustrating [[their situation]] must be."
      const after = sentence.start + verb.index + verb[0].length;
      fixes.push({ title: 'Say what you understand: "I understand how frustrating … must be."', preferred: true, edits: [{ start: after, end: bodyEnd, newText: ` ${ACKNOWLEDGEMENT_EXTENSION}` }] });
    } else {
      fixes.push({ title: 'Say what you understand: "I understand how frustrating … must be."', preferred: true, edits: [{ start: sentence.start, end: sentence.end, newText: ACKNOWLEDGEMENT_SENTENCE }] });
    }
    fixes.push(
      ...ACKNOWLEDGEMENT_ALTERNATIVES.map((alternative) => ({
        title: `Say what you understand: "${alternative.replace(/ \[\[.*$/, ' …')}"`,
        preferred: false,
        edits: [{ start: sentence.start, end: sentence.end, newText: alternative }],
      })),
    );
    return {
      start: sentence.start,
      end: bodyEnd,
      message: `"${original.trim()}" on its own reads as a formula. Rephrase what the customer is going through: "I understand how frustrating … must be."`,
      fixes,
    };
  },

  checkVariant(variant, unit, context) {
    if (variant.sentences.length === 0 || !answersProblem(unit, variant)) return undefined;
    const facts = factsOf(variant.sentences);
    if (facts.some(acknowledgesSituation)) return undefined;
    // A bare "I understand." is reported on its own sentence (checkSentence), and a weak apology by
    // weak-apology, whose fix makes it a full apology that acknowledges: one finding is enough.
    if (facts.some(isBareText) || facts.some(weakMatchOf)) return undefined;
    const where = variant.chosen.length > 0 && unit.variants.length > 1 ? variant.chosen[variant.chosen.length - 1] : unit.anchor;
    const what = unit.title ? `"${unit.title}" answers a problem` : 'This reply answers a problem';
    const report: Report = {
      start: where.start,
      end: where.end,
      message: `${what} but never acknowledges the customer's situation. Add a sentence that rephrases their concern, e.g. "I understand how frustrating …".`,
      fixes: () => [
        insertAcknowledgement(unit, variant, context.doc.text, ACKNOWLEDGEMENT_SENTENCE, true),
        ...ACKNOWLEDGEMENT_ALTERNATIVES.map((sentence) => insertAcknowledgement(unit, variant, context.doc.text, sentence, false)),
      ],
    };
    return report;
  },
};

function insertAcknowledgement(unit: MacroUnit, variant: Variant, text: string, sentence: string, preferred: boolean): Fix {
  const greeting = unit.greeting && variant.sentences.includes(unit.greeting) ? unit.greeting : undefined;
  const firstBody = variant.sentences.find((s) => s !== greeting);
  const title = `Acknowledge the customer's situation after the greeting: "${sentence.replace(/ \[\[.*$/, ' …')}"`;
  if (greeting && (!firstBody || text.slice(greeting.end, firstBody.start).includes('\n'))) {
    // The greeting stands on its own line: the acknowledgement opens the first paragraph after it.
    if (firstBody) return { title, preferred, edits: [{ start: firstBody.start, end: firstBody.start, newText: `${sentence} ` }] };
    const eol = detectEol(text);
    return { title, preferred, edits: [{ start: greeting.end, end: greeting.end, newText: `${eol}${eol}${sentence}` }] };
  }
  const at = firstBody ?? variant.sentences[0];
  return { title, preferred, edits: [{ start: at.start, end: at.start, newText: `${sentence} ` }] };
}
