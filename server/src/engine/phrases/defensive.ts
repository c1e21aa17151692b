// Phrase data for defensive. Each entry: a pattern (matched against one
// sentence, case-insensitive), the message, how the fix works and bad ->
// better examples that the tests run. {match} in a message is the flagged text.

import { fillIn } from '../fill-in';

export type DefensiveFix =
  /** Replace the sentence with "Here's what I can do: [[…]]." (the author supplies the offer). */
  | 'what-i-can-do'
  /** Drop the phrase ("As I already said, …", "Please calm down, …"). */
  | 'remove';

export interface DefensivePhrase {
  id: string;
  pattern: string;
  message: string;
  fix: DefensiveFix;
  examples: Array<{ bad: string; better: string }>;
}

const A = "['’]";
const IS = String.raw`(?:${A}s|\s+is|\s+was)`;

/** The sentence the fix writes: what the agent can do instead. */
export const WHAT_I_CAN_DO = `Here's what I can do: ${fillIn('what you can do for them')}.`;

export const defensivePhrases: DefensivePhrase[] = [
  {
    id: 'our-policy',
    // "It's our policy to protect your data" states a policy; only the policy as a wall is flagged.
    pattern: String.raw`\b(?:(?:it|that|this)${IS}\s+(?:just\s+|simply\s+|strictly\s+)?against\s+(?:our|the|company|store)\s+policy\b|(?:it|that|this)${IS}\s+(?:just\s+|simply\s+|strictly\s+)?(?:our|the|company|store)\s+policy(?=\s*(?:[,.!;:—–-]|$)|\s+not\s+to\b|\s+that\s+(?:we|you|i)\s+(?:can${A}t|cannot|can\s+not|don${A}t|do\s+not|won${A}t|must|have\s+to)\b)|\b(?:due\s+to|because\s+of|under|(?:as\s+)?per)\s+company\s+policy\b|\bcompany\s+policy\s+(?:does\s+not|doesn${A}t|won${A}t|will\s+not|prevents|prohibits|forbids|says|states|is\s+clear)\b|\bpolicy\s+is\s+policy\b|\brules\s+are\s+rules\b|\bi\s+(?:don${A}t|do\s+not)\s+make\s+the\s+rules\b)`,
    message: '"{match}" hides behind a rule. Say what you can do for the customer within it.',
    fix: 'what-i-can-do',
    examples: [{ bad: "It's our policy, so I can't change it.", better: WHAT_I_CAN_DO }],
  },
  {
    id: 'nothing-i-can-do',
    pattern: String.raw`\b(?:there${IS}|there\s+(?:really\s+)?is)\s+(?:really\s+)?(?:nothing|not\s+much|little)\s+(?:more\s+|else\s+|further\s+)?(?:that\s+)?(?:i|we)\s+(?:can|could)\s+do\b|\b(?:i|we)\s+(?:can${A}t|cannot|can\s+not)\s+do\s+anything\s+(?:more\s+|else\s+)?(?:about|for|to\s+help)\b|\b(?:my|our)\s+hands\s+are\s+tied\b|\b(?:it${IS}|that${IS})\s+out\s+of\s+(?:my|our)\s+hands\b`,
    message: '"{match}" closes the door. Say what you can do, even if it is small.',
    fix: 'what-i-can-do',
    examples: [{ bad: "I'm afraid there's nothing I can do.", better: WHAT_I_CAN_DO }],
  },
  {
    id: 'not-my-department',
    pattern: String.raw`\b(?:(?:that|this|it)${IS}\s+not|(?:that|this|it)\s+isn${A}t)\s+(?:my|our)\s+(?:department|job|area|team|responsibility|problem|fault|call|decision)\b|\bnot\s+(?:my|our)\s+(?:department|problem|fault|responsibility)\b|\bi${A}m\s+(?:just|only)\s+(?:the\s+messenger|following\s+(?:the\s+)?(?:rules|policy|procedure|orders))\b|\bi${A}m\s+just\s+doing\s+my\s+job\b`,
    message: '"{match}" tells the customer it is not your concern. Say who will help and what you will do to get them there.',
    fix: 'what-i-can-do',
    examples: [{ bad: "That's not my department.", better: WHAT_I_CAN_DO }],
  },
  {
    id: 'calm-down',
    // Said to the customer (an imperative or "you need to"), not "things will settle down".
    pattern: String.raw`(?:^(?:(?:ok(?:ay)?|now|look|sir|ma${A}am)[,!]?\s+)?(?:please\s+|just\s+)?|\b(?:you\s+(?:need|have|must|should)\s+(?:to\s+)?|i\s+need\s+you\s+to\s+|try\s+to\s+|please\s+)(?:just\s+)?)(?:calm|settle)\s+down\b[,!.]?|\bthere${IS}\s+no\s+need\s+to\s+(?:shout|yell|be\s+rude|get\s+(?:upset|angry|worked\s+up)|use\s+that\s+(?:tone|language))\b[,!.]?`,
    message: '"{match}" tells the customer their feelings are the problem. Acknowledge them instead: "I understand how frustrating this is."',
    fix: 'remove',
    examples: [{ bad: "Please calm down, I'm trying to help you.", better: "I'm trying to help you." }],
  },
  {
    id: 'as-i-already-said',
    pattern: String.raw`\b(?:as|like)\s+(?:i|we)${A}?(?:ve|\s+have)?\s+(?:already|previously|clearly)\s+(?:said|stated|explained|mentioned|told\s+you|pointed\s+out)(?:\s+(?:before|earlier|twice|several\s+times))?,?|\blike\s+i\s+said,?|\bas\s+i\s+(?:said|told\s+you)(?:\s+(?:before|earlier))?,?|\bas\s+(?:previously|already)\s+(?:stated|explained|mentioned)\b,?|\b(?:i|we)(?:\s+have|${A}ve)?\s+already\s+(?:told|explained\s+(?:this|it|that)\s+to)\s+you\b(?:\s+(?:twice|before|several\s+times))?`,
    message: '"{match}" justifies you instead of helping them. Remove it and give the answer again, plainly.',
    fix: 'remove',
    examples: [{ bad: 'As I already said, the refund takes five days.', better: 'The refund takes five days.' }],
  },
];

/** Cheap pre-check: a sentence without one of these words is not defensive. */
export const DEFENSIVE_HINT = /\b(?:polic|rules|nothing|not\s+much|little|anything|hands|not\s+(?:my|our)|isn['’]t\s+(?:my|our)|messenger|my\s+job|calm|settle|no\s+need|(?:as|like)\s+(?:i|we|previously|already)\b|already\s+(?:told|explained))/i;
