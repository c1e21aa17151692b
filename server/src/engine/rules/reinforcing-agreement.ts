import type { Rule, RuleContext } from './support/rule';
import type { MacroUnit, Sentence } from '../document/model';
import type { Fix } from '../types';
import { AGREEMENT_HINT, COMPLAINT_CONTEXT, CONCERN, HEAR_THAT, NOT_A_CLAUSE, OWNS_MISTAKE, SAYING_THAT, UNDERSTAND_THAT, reinforcingAgreementPhrases } from '../phrases/reinforcing-agreement';
import { inSentence, phraseMatcher, quote, safeFixes, type PhraseMatch } from './support/phrase-edits';
import { unitAt } from './support/where';
import { factsOf, sentenceFact } from './support/memo';
import { withMatch } from '../text';

const compiled = reinforcingAgreementPhrases.map((phrase) => ({ phrase, regex: new RegExp(phrase.pattern, 'i') }));

const speaksOfComplaint = sentenceFact((text: string) => COMPLAINT_CONTEXT.test(text));

/** Whether the macro mentions a problem or complaint anywhere. */
function mentionsComplaint(unit: MacroUnit): boolean {
  return factsOf(unit.sentences).some(speaksOfComplaint);
}

/** Agreements in the text; one that owns a mistake ("I agree we got this wrong") is not reinforcing. */
const agreementsIn = phraseMatcher(AGREEMENT_HINT, compiled, (text, m) => !OWNS_MISTAKE.test(text.slice(m.index + m[0].length)));

export const reinforcingAgreement: Rule = {
  id: 'reinforcing-agreement',
  description: 'Agreeing with a complaint ("I agree", "Yes, that\'s true", "you\'re right, that\'s terrible") instead of acknowledging it.',
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '003_3df12f0c809dc8d0.txt',
    quote:
      'If you are practicing being empathetic you should avoid phrases like, "I agree" or "Yes, that\'s true." Don\'t reinforce a concern, either. You can express your empathy by rephrasing the key topic of the person\'s statement. Try phrases like, "I hear...", "I understand...", "I think you\'re saying...".',
  },
  example: { bad: "You're right, the app has been really slow.", better: 'I hear that the app has been really slow.' },

  sentenceHint: AGREEMENT_HINT,

  checkSentence(sentence, context) {
    const { doc } = context;
    for (const candidate of agreementsIn.of(sentence)) {
      const { phrase } = candidate;
      const match = inSentence(sentence, candidate);
      const unit = unitAt(doc, sentence.start);
      if (unit.meta.informational) continue;
      if (!unit.meta.complaint && !mentionsComplaint(unit)) continue;
      const found = quote(doc, match);
      return {
        start: match.start,
        end: match.end,
        message: withMatch(phrase.message, found),
        fixes: () =>
          safeFixes(doc, [
            rephrase(sentence, match, HEAR_THAT, context, true),
            rephrase(sentence, match, UNDERSTAND_THAT, context, false),
            rephrase(sentence, match, SAYING_THAT, context, false),
          ]),
      };
    }
    return undefined;
  },
};

/** "I agree that the wait was too long." -> "I hear that the wait was too long.", keeping the rest from the original text. */
function rephrase(sentence: Sentence, match: PhraseMatch, lead: string, context: RuleContext, preferred: boolean): Fix {
  const text = context.doc.text;
  const rest = text.slice(match.end, sentence.end);
  const separators = /^(?:\s*[,;:—–-]+\s*|\s+)(?:that\s+)?/i.exec(rest)?.[0] ?? '';
  const body = rest.slice(separators.length);
  const title = `Rephrase their concern: "${lead.trim()} …"`;
  const bodyIsEmpty = /^[\s.!?…"'’”)]*$/.test(body);
  if (bodyIsEmpty || NOT_A_CLAUSE.test(body)) {
    // Nothing of theirs to keep: the author rephrases the concern in the fill-in.
    const closing = /[.!?…]+$/.exec(rest.trimEnd())?.[0] ?? '.';
    return { title, preferred, edits: [{ start: match.start, end: sentence.end, newText: `${lead}${CONCERN}${closing}` }] };
  }
  if (/^(?:and|but|so)\b/i.test(body)) {
    // "You're right, but …": the concern is missing; keep what follows as it is.
    return { title, preferred, edits: [{ start: match.start, end: match.end, newText: `${lead}${CONCERN}` }] };
  }
  return { title, preferred, edits: [{ start: match.start, end: match.end + separators.length, newText: lead }] };
}
