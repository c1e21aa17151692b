import type { Rule } from './rule';
import { DEFENSIVE_HINT, WHAT_I_CAN_DO, defensivePhrases } from '../phrases/defensive';
import { matchIn, quote, removePhraseEdits, replaceSentenceEdits, safeFixes, trimmed } from './phrase-edits';

const compiled = defensivePhrases.map((phrase) => ({ phrase, regex: new RegExp(phrase.pattern, 'i') }));

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

  checkSentence(sentence, context) {
    if (!DEFENSIVE_HINT.test(sentence.text)) return undefined;
    const { doc } = context;
    for (const { phrase, regex } of compiled) {
      const match = matchIn(sentence, regex);
      if (!match) continue;
      const found = quote(doc, match);
      const fix =
        phrase.fix === 'remove'
          ? { title: `Remove "${found}"`, preferred: true, edits: removePhraseEdits(doc, sentence, match) }
          : { title: 'Say what you can do: "Here\'s what I can do: …"', preferred: true, edits: replaceSentenceEdits(sentence, WHAT_I_CAN_DO) };
      return { ...trimmed(doc, match), message: phrase.message.replace('{match}', found), fixes: safeFixes(doc, [fix]) };
    }
    return undefined;
  },
};
