// Phrase data for weak-apology. Each entry: a pattern (matched against one
// sentence, case-insensitive), why it is weak, how the fix rewrites it, and
// bad -> better examples that the tests run.

export type ApologyFix =
  /** Replace the match with a full apology that names what went wrong (a fill-in). */
  | 'full-apology'
  /** "Sorry for the delay" -> "I apologize for the delay.": keep the sentence's own object. */
  | 'keep-object'
  /** "Sorry, but we can't" -> "I'm sorry that we can't". */
  | 'sorry-that'
  /** "sorry if you feel we let you down" -> "sorry we let you down". */
  | 'drop-condition';

export interface ApologyPhrase {
  id: string;
  pattern: string;
  /** Match against the whole sentence only. */
  wholeSentence?: boolean;
  message: string;
  fix: ApologyFix;
  examples: Array<{ bad: string; better: string }>;
}

const SUBJECT = String.raw`(?:(?:i|we)(?:'m|’m|'re|’re|\s+am|\s+are)?\s+)?`;
const INTENSIFIER = String.raw`(?:(?:so|very|really|truly|terribly|deeply|extremely|sincerely)\s+)?`;

export const weakApologyPhrases: ApologyPhrase[] = [
  {
    id: 'throwaway',
    pattern: String.raw`\b${INTENSIFIER}sorry\s+(?:'bout|’bout|bout|about)\s+(?:that|this)\b[!.,]*`,
    message: '"{match}" is a throwaway apology. Say what you apologize for in a full sentence.',
    fix: 'full-apology',
    examples: [{ bad: "Sorry 'bout that, send me the details.", better: 'I apologize for [[what went wrong]]. Send me the details.' }],
  },
  {
    id: 'any-inconvenience',
    pattern: String.raw`\b(?:${SUBJECT}${INTENSIFIER}(?:sorry|apologi[sz]e)|(?:(?:our|my)\s+)?(?:sincere(?:st)?\s+)?apologies)\s+for\s+(?:any|the|all\s+the)\s+(?:inconvenience|trouble|hassle)(?:\s+(?:this|that|it|we)\s+(?:may|might|could|has|have|will|would)(?:\s+have)?\s+caused(?:\s+you)?)?`,
    message: '"{match}" is a stock apology that names nothing. Apologize for what actually went wrong.',
    fix: 'full-apology',
    examples: [
      { bad: 'We apologize for any inconvenience this may have caused.', better: 'I apologize for [[what went wrong]].' },
      { bad: 'Sorry for any inconvenience.', better: 'I apologize for [[what went wrong]].' },
    ],
  },
  {
    id: 'feel-that-way',
    pattern: String.raw`\b${SUBJECT}${INTENSIFIER}sorry\s+(?:that\s+)?you\s+feel\s+(?:that\s+way|like\s+that|so)\b`,
    message: '"{match}" apologizes for the customer\'s feelings, not for what happened. Name what went wrong.',
    fix: 'full-apology',
    examples: [{ bad: "I'm sorry you feel that way.", better: 'I apologize for [[what went wrong]].' }],
  },
  {
    id: 'sorry-if',
    pattern: String.raw`\b${SUBJECT}${INTENSIFIER}sorry\s+if\s+(?:you\s+(?:feel|felt|think|thought|believe|were|are|have\s+been)|(?:this|that|it|we|i)\s+(?:has|have|may\s+have|might\s+have|caused|was|were))\s+(?:that\s+)?`,
    message: '"{match}" makes the apology conditional, which reads as doubting the customer. Apologize for what happened.',
    fix: 'drop-condition',
    examples: [{ bad: "I'm sorry if you feel we let you down.", better: "I'm sorry we let you down." }],
  },
  {
    id: 'sorry-but',
    pattern: String.raw`^${SUBJECT}${INTENSIFIER}sorry,?\s+but\s+`,
    message: '"{match}" takes the apology back with "but". Keep the apology whole.',
    fix: 'sorry-that',
    examples: [{ bad: "Sorry, but we can't refund digital orders.", better: "I'm sorry that we can't refund digital orders." }],
  },
  {
    id: 'bare',
    pattern: String.raw`^(?:oh\s+|oops,?\s+|ah,?\s+)?${INTENSIFIER}sorry(?:\s+again)?[!.…]*$`,
    wholeSentence: true,
    message: 'A bare "{match}" is an overused word on its own. Say what you apologize for in a full sentence.',
    fix: 'full-apology',
    examples: [{ bad: 'Sorry!', better: 'I apologize for [[what went wrong]].' }],
  },
  {
    id: 'subjectless',
    pattern: String.raw`^(?:${INTENSIFIER}sorry|(?:(?:my|our)\s+)?apologies)\s+(?:for|about)\s+(?!any\b)(?=\S)`,
    message: '"{match}" has no one doing the apologizing. Make it a full sentence: "I apologize for …".',
    fix: 'keep-object',
    examples: [
      { bad: 'Sorry for the delay.', better: 'I apologize for the delay.' },
      { bad: 'Apologies for the wait in getting back to you!', better: 'I apologize for the wait in getting back to you!' },
    ],
  },
];

/** Words that make a sentence an apology, for counting apologies in one reply. */
export const APOLOGY_WORD = /\b(?:sorry|apologi[sz]e|apologies)\b/i;

/** The apology that names what went wrong: the fix's main text. */
export const FULL_APOLOGY = 'I apologize for [[what went wrong]]';
/** The guide's alternative form, with the customer's name when the file uses one. */
export const PROMISED_APOLOGY = "I'm sorry you haven't received [[what was promised]] as promised";
