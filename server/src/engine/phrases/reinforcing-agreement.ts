// Phrase data for reinforcing-agreement. Each entry: a pattern (matched
// against one sentence, case-insensitive), the message and bad -> better
// examples that the tests run. {match} in a message is the flagged text.
// Every entry's fix is the same: "I hear that …" keeping the rest of the sentence.

import { fillIn } from '../fill-in';

export interface AgreementPhrase {
  id: string;
  pattern: string;
  message: string;
  examples: Array<{ bad: string; better: string }>;
}

const A = "['’]";
const IS = String.raw`(?:${A}s|\s+is|\s+was)`;
/** "…, that's terrible": agreeing that it is bad, taken with the agreement it follows. */
const REINFORCEMENT = String.raw`(?:,?\s*(?:and\s+)?(?:that|this|it)${IS}\s+(?:really\s+|just\s+|absolutely\s+|completely\s+|totally\s+|so\s+)?(?:terrible|awful|unacceptable|ridiculous|outrageous|horrible|appalling|shocking|bad|poor|a\s+disgrace|not\s+(?:ok|okay|acceptable|good\s+enough))(?:\s+service)?)?`;
/** What may follow the agreement: the end of the sentence, a separator, or a clause. */
const THEN = String.raw`(?=\s*(?:[,.!…—–;:-]|$)|\s+(?:that|about|and|but|so|the|this|it|we|you|your|our)\b)`;

export const reinforcingAgreementPhrases: AgreementPhrase[] = [
  {
    id: 'i-agree',
    pattern: String.raw`\b(?:i|we)\s+(?:(?:completely|totally|fully|absolutely|really|do|definitely|wholeheartedly|100%)\s+)?agree\b(?!\s+to\b)(?:\s+with\s+(?:you|your\s+(?:point|assessment|frustration|concern|view))\b(?:\s+(?:completely|entirely|totally|100%))?)?${THEN}${REINFORCEMENT}|\b(?:i|we)\s+(?:couldn${A}t|could\s+not)\s+agree\s+(?:with\s+you\s+)?more\b${REINFORCEMENT}`,
    message: '"{match}" agrees with the complaint and reinforces it. Rephrase their concern instead: "I hear that …", "I understand …".',
    examples: [
      { bad: 'I agree that the wait was far too long.', better: 'I hear that the wait was far too long.' },
      { bad: 'I completely agree with you, the delay was unacceptable.', better: 'I hear that the delay was unacceptable.' },
    ],
  },
  {
    id: 'agreed',
    pattern: String.raw`^(?:yes,?\s+)?agreed(?=\s*[,.!…—–-])${REINFORCEMENT}`,
    message: '"{match}" agrees with the complaint and reinforces it. Rephrase their concern instead: "I hear that …".',
    examples: [{ bad: 'Agreed, the new layout is confusing.', better: 'I hear that the new layout is confusing.' }],
  },
  {
    id: 'thats-true',
    pattern: String.raw`^(?:(?:yes|yeah|yep|oh|well|sadly|unfortunately)[,!]?\s+)*(?:that|it|this)${IS}\s+(?:so\s+|very\s+|absolutely\s+|completely\s+|quite\s+|all\s+)?true(?=\s*(?:[,.!…—–;-]|$))${REINFORCEMENT}`,
    message: '"{match}" confirms the complaint instead of acknowledging it. Rephrase it: "I hear that …", "I understand …".',
    examples: [{ bad: "Yes, that's true, the export has been slow this week.", better: 'I hear that the export has been slow this week.' }],
  },
  {
    id: 'youre-right',
    pattern: String.raw`\b(?:(?:yes|yeah|oh),?\s+)?you(?:${A}re|\s+are)\s+(?:absolutely\s+|completely\s+|totally\s+|quite\s+|so\s+|100%\s+)?right\b(?=\s*(?:[,.!…—–;-]|$)|\s+(?:that|about\s+(?:that|this|it|the))\b)${REINFORCEMENT}`,
    message: '"{match}" sides with the complaint and reinforces it. Rephrase their concern instead: "I hear that …", "I understand …".',
    examples: [{ bad: "You're right, that's terrible.", better: `I hear that ${fillIn('their concern in your words')}.` }],
  },
];

/** Cheap pre-check: a sentence without one of these words agrees with nothing. */
export const AGREEMENT_HINT = /\b(?:agree|true|right)/i;

/** The agent owning a mistake ("you're right, we charged you twice"): accountability, not reinforcement. */
export const OWNS_MISTAKE = new RegExp(
  String.raw`\b(?:we|i)\s+(?:made\s+(?:a|an|the)\s+(?:mistake|error)|messed\s+up|got\s+(?:it|this|that)\s+wrong|should\s+have|should${A}ve|charged\s+you|missed|forgot|dropped\s+the\s+ball)\b|\b(?:our|my)\s+(?:mistake|fault|error|bad)\b|\bon\s+(?:us|me)\b`,
  'i',
);

/**
 * Words for a problem or complaint in the macro: only where there is one does
 * agreeing reinforce a concern ("I agree, the new dashboard is great" does not).
 */
export const COMPLAINT_CONTEXT = new RegExp(
  String.raw`\b(?:problems?|trouble|errors?|broken|not\s+working|(?:doesn|didn|won|can|couldn|hasn|haven)${A}t\s+(?:work|load|open|arrive|connect|receive|been)|damaged|defective|faulty|missing|delay\w*|late|slow\w*|wait(?:ed|ing)?|too\s+long|(?:is|was|went|been)\s+down|outage|crash\w*|never\s+(?:arrived|came|received)|refunds?|charged\s+twice|double[-\s]charged|overcharged|complain\w*|frustrat\w*|upset|angry|annoy\w*|disappoint\w*|unhappy|confusing|wrong|mistake|lost|stolen|locked\s+out|failed|declined|bug|terrible|awful|unacceptable|ridiculous|outrageous|poor|concern\w*)\b`,
  'i',
);

/** Words that make the rest of the sentence a clause the fix cannot keep after "I hear that". */
export const NOT_A_CLAUSE = /^(?:completely|totally|entirely|fully|100%|with\b|more\b|on\s+this\b|there\b)/i;

export const HEAR_THAT = 'I hear that ';
export const UNDERSTAND_THAT = 'I understand that ';
export const SAYING_THAT = "I think you're saying that ";
export const CONCERN = fillIn('their concern in your words');
