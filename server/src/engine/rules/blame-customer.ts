import type { Rule, RuleContext } from './support/rule';
import type { Sentence } from '../document/model';
import type { Fix } from '../types';
import { BLAME_HINT, NOT_BLAME_BEFORE, PARTICIPLES, blameCustomerPhrases, type BlamePhrase } from '../phrases/blame-customer';
import { matchCase } from '../text';
import { quote, removePhraseEdits, safeFixes, shorten, trimmed } from './support/phrase-edits';
import { sentenceFact } from './support/memo';
import { withMatch } from '../text';

// 'd' gives the offsets of the groups (the verb and its object) for the neutral rewrite.
const compiled = blameCustomerPhrases.map((phrase) => ({ phrase, regex: new RegExp(phrase.pattern, 'id') }));

/** The first phrase that blames the customer in a sentence's text, and its match (shared: do not modify). */
const blameIn = sentenceFact((text: string): { phrase: BlamePhrase; m: RegExpExecArray } | undefined => {
  if (!BLAME_HINT.test(text)) return undefined;
  for (const { phrase, regex } of compiled) {
    const m = regex.exec(text);
    if (!m) continue;
    if (phrase.negatable && NOT_BLAME_BEFORE.test(text.slice(0, m.index))) continue;
    return { phrase, m };
  }
  return undefined;
});

export const blameCustomer: Rule = {
  id: 'blame-customer',
  description: 'Telling the customer they caused the problem: "you failed to", "you should have", "as you were told".',
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '001_206c2b37550dfc6e.txt',
    quote:
      'The client may not continually be right. … The task here’s to not tell the client that they’re the reason for getting missed making the payment promptly, but to try and understand their feelings and respond.',
  },
  example: { bad: 'You failed to make the payment on time, so your card was declined.', better: "The payment wasn't made on time, so your card was declined." },

  sentenceHint: BLAME_HINT,

  checkSentence(sentence, context) {
    const blame = blameIn.of(sentence);
    if (!blame) return undefined;
    const { doc } = context;
    const { phrase, m } = blame;
    const match = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
    const found = quote(doc, match);
    return { ...trimmed(doc, match), message: withMatch(phrase.message, found), fixes: () => fixesFor(phrase, sentence, m, match, context) };
  },
};

function fixesFor(phrase: BlamePhrase, sentence: Sentence, m: RegExpExecArray, match: { start: number; end: number }, context: RuleContext): Fix[] {
  const { doc } = context;
  switch (phrase.fix) {
    case 'remove':
      return safeFixes(doc, [{ title: `Remove "${quote(doc, match)}"`, preferred: true, edits: removePhraseEdits(doc, sentence, match) }]);
    case 'neutral-event': {
      const neutral = neutralEvent(m, sentence, context);
      if (!neutral) return [];
      return safeFixes(doc, [{ title: `Describe the event: "${shorten(neutral)}"`, preferred: true, edits: [{ start: match.start, end: match.end, newText: neutral }] }]);
    }
    default:
      return [];
  }
}

/** "you failed to make the payment" -> "the payment wasn't made", from the original text. */
function neutralEvent(m: RegExpExecArray, sentence: Sentence, context: RuleContext): string | undefined {
  const verb = m[1]?.toLowerCase();
  const objectAt = m.indices?.[3];
  const participle = verb ? PARTICIPLES[verb] : undefined;
  if (!participle || !objectAt) return undefined;
  const text = context.doc.text;
  const object = text.slice(sentence.start + objectAt[0], sentence.start + objectAt[1]).replace(/^your\b/i, 'the').replace(/^Your\b/, 'The');
  const lastWord = /([A-Za-z]+)\W*$/.exec(object)?.[1] ?? '';
  const plural = /[^su]s$/i.test(lastWord) && !/(?:ss|us|is)$/i.test(lastWord) || /^(?:these|those)\b/i.test(object);
  const particle = m[2] ? ` ${m[2].toLowerCase()}` : '';
  const original = text.slice(sentence.start + m.index, sentence.start + m.index + m[0].length);
  return matchCase(original, `${object} ${plural ? "weren't" : "wasn't"} ${participle}${participle.endsWith(particle.trim()) ? '' : particle}`);
}
