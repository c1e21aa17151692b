import type { Rule } from './support/rule';
import type { MacroUnit } from '../document/model';
import { CLICHE_HINT, WAITING, hollowClichePhrases } from '../phrases/hollow-cliche';
import { inSentence, phraseMatcher, quote, trimmed, removePhraseEdits, safeFixes } from './support/phrase-edits';
import { unitAt } from './support/where';
import { factsOf, sentenceFact } from './support/memo';
import { withMatch } from '../text';

const compiled = hollowClichePhrases.map((phrase) => ({ phrase, regex: new RegExp(phrase.pattern, 'i') }));

const speaksOfWait = sentenceFact((text: string) => WAITING.test(text));

/** Whether the macro mentions a wait anywhere. */
function mentionsWait(unit: MacroUnit): boolean {
  return factsOf(unit.sentences).some(speaksOfWait);
}

const clichesIn = phraseMatcher(CLICHE_HINT, compiled);

export const hollowCliche: Rule = {
  id: 'hollow-cliche',
  description: 'Pat expressions used as filler: "we value your business", "please be advised", "your call is important to us".',
  defaultSeverity: 'info',
  fixable: true,
  why: {
    source: '001_206c2b37550dfc6e.txt',
    quote:
      'It isn’t enough to utter a couple of well meant clichés, wishing this can placate an upset or angry customer. … The worst factor that you can do would be to fob the client served by a couple of pat expressions.',
  },
  example: { bad: 'Please be advised that your refund was issued today. We value your business.', better: 'Your refund was issued today.' },

  sentenceHint: CLICHE_HINT,

  checkSentence(sentence, context) {
    const { doc } = context;
    for (const candidate of clichesIn.of(sentence)) {
      const { phrase } = candidate;
      const match = inSentence(sentence, candidate);
      if (phrase.unlessWaiting) {
        // Patience is earned when the macro speaks of a wait anywhere.
        if (mentionsWait(unitAt(doc, sentence.start))) continue;
      }
      const found = quote(doc, match);
      const fixes = () => (phrase.fix === 'remove' ? safeFixes(doc, [{ title: `Remove "${found}"`, preferred: true, edits: removePhraseEdits(doc, sentence, match) }]) : []);
      return { ...trimmed(doc, match), message: withMatch(phrase.message, found), fixes };
    }
    return undefined;
  },
};
