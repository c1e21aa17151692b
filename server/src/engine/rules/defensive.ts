import type { Rule } from './support/rule';
import { DEFENSIVE_HINT, WHAT_I_CAN_DO, defensivePhrases } from '../phrases/defensive';
import type { Sentence } from '../document/model';
import type { TextEdit } from '../types';
import { inSentence, phraseMatcher, quote, removePhraseEdits, replaceSentenceEdits, safeFixes, trimmed } from './support/phrase-edits';
import { withMatch } from '../text';

/** What may lead into the defensive clause and goes with it ("…, so", "I'm afraid"). */
const LEAD_IN = /^([\s\S]*?[^\s,;:—–-])?[\s,;:—–-]*(?:(?:so|and|but|because|as)\s+)?(?:(?:i['’]m\s+afraid|i\s+am\s+afraid|unfortunately|sadly|honestly|sorry)[\s,]*)?$/i;

const compiled = defensivePhrases.map((phrase) => ({ phrase, regex: new RegExp(phrase.pattern, 'i') }));

const defensiveIn = phraseMatcher(DEFENSIVE_HINT, compiled);

export const defensive: Rule = {
  id: 'defensive',
  description: 'Justifying yourself or hiding behind rules: "it\'s our policy", "there\'s nothing I can do", "calm down".',
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '001_206c2b37550dfc6e.txt',
    quote:
      'It requires character for the company to help keep calm when faced by having an angry customer. The human response will be defensive, and return aggression with aggression.',
  },
  example: { bad: "I'm afraid there's nothing I can do, it's our policy.", better: "Here's what I can do: I'll send you a prepaid label today." },

  sentenceHint: DEFENSIVE_HINT,

  checkSentence(sentence, context) {
    const { doc } = context;
    for (const candidate of defensiveIn.of(sentence)) {
      const { phrase } = candidate;
      const match = inSentence(sentence, candidate);
      const found = quote(doc, match);
      const fixes = () =>
        safeFixes(doc, [
          phrase.fix === 'remove'
            ? { title: `Remove "${found}"`, preferred: true, edits: removePhraseEdits(doc, sentence, match) }
            : { title: 'Say what you can do: "Here\'s what I can do: …"', preferred: true, edits: whatICanDoEdits(sentence, match.start, doc.text) },
        ]);
      return { ...trimmed(doc, match), message: withMatch(phrase.message, found), fixes };
    }
    return undefined;
  },
};

/**
 * Replaces the defensive clause, and the rest of its sentence, with what the
 * agent can do; a clause before it that says something ("Exchanges are
 * handled by the stores, so …") stays as its own sentence.
 */
function whatICanDoEdits(sentence: Sentence, matchStart: number, text: string): TextEdit[] {
  const head = text.slice(sentence.start, matchStart);
  const kept = LEAD_IN.exec(head)?.[1];
  if (!kept || /^(?:i['’]m|i\s+am)\s+afraid$/i.test(kept.trim())) return replaceSentenceEdits(sentence, WHAT_I_CAN_DO);
  const keptEnd = sentence.start + kept.length;
  return [{ start: keptEnd, end: sentence.end, newText: `. ${WHAT_I_CAN_DO}` }];
}
