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
  message: string;
  fix: ApologyFix;
  examples: Array<{ bad: string; better: string }>;
}

const APOSTROPHE = `['’]`;
/** "I'm", "we're", "I am", "we are" or nothing: who apologizes. */
const SUBJECT = String.raw`(?:(?:i|we)(?:${APOSTROPHE}m|${APOSTROPHE}re|\s+am|\s+are)?\s+)?`;
const INTENSIFIER = String.raw`(?:(?:so|very|really|truly|terribly|deeply|extremely|sincerely|awfully)\s+)?`;
/** "this may have caused (you)", "caused", "it has caused": the stock tail of a stock apology. */
const CAUSED_TAIL = String.raw`(?:\s+(?:(?:this|that|it|we|i)\s+)?(?:(?:may|might|could|will|would|has|have)\s+)?(?:have\s+)?(?:caused|cause|created)\b(?:\s+(?:to\s+)?you\b)?)?`;
/** What an apology says when it names nothing. */
const VAGUE_OBJECT = String.raw`(?:any|the|all\s+the|any\s+and\s+all)\s+(?:inconvenience|trouble|hassle|confusion|frustration|disruption|disappointment)(?:\s+or\s+(?:inconvenience|trouble|hassle|confusion|frustration|disruption|disappointment))?`;

export const weakApologyPhrases: ApologyPhrase[] = [
  {
    id: 'throwaway',
    pattern: String.raw`\b${INTENSIFIER}sorry\s+(?:${APOSTROPHE}bout|bout|about)\s+(?:that|this)\b[!.,]*`,
    message: '"{match}" is a throwaway apology. Say what you apologize for in a full sentence: "I apologize for …".',
    fix: 'full-apology',
    examples: [
      { bad: "Sorry 'bout that, send me the details.", better: 'I apologize for [[what went wrong]]. Send me the details.' },
      { bad: 'Sorry about that! I have sent a new link.', better: 'I apologize for [[what went wrong]]. I have sent a new link.' },
    ],
  },
  {
    id: 'any-inconvenience',
    // Not when the sentence goes on to name the trouble ("the inconvenience of the late delivery").
    pattern: String.raw`\b(?:${SUBJECT}${INTENSIFIER}(?:sorry|apologi[sz]e)|(?:(?:our|my)\s+)?(?:sincere(?:st)?\s+)?apologies)\s+for\s+${VAGUE_OBJECT}${CAUSED_TAIL}(?!\s+(?:of|with|around|from|in|by|caused\s+by|due\s+to|while|when)\b)`,
    message: '"{match}" is a stock apology that names nothing. Apologize for what actually went wrong: "I apologize for …".',
    fix: 'full-apology',
    examples: [
      { bad: 'We apologize for any inconvenience this may have caused.', better: 'I apologize for [[what went wrong]].' },
      { bad: 'Sorry for any inconvenience.', better: 'I apologize for [[what went wrong]].' },
      { bad: 'We apologise for the inconvenience caused, {{customer.first_name}}.', better: 'I apologize for [[what went wrong]], {{customer.first_name}}.' },
    ],
  },
  {
    id: 'feel-that-way',
    pattern: String.raw`\b${SUBJECT}${INTENSIFIER}sorry\s+(?:that\s+)?you\s+(?:feel|felt)\s+(?:that\s+way|like\s+that|this\s+way|so)\b`,
    message: '"{match}" apologizes for the customer\'s feelings, not for what happened. Name what went wrong: "I apologize for …".',
    fix: 'full-apology',
    examples: [{ bad: "I'm sorry you feel that way.", better: 'I apologize for [[what went wrong]].' }],
  },
  {
    id: 'sorry-if',
    pattern: String.raw`\b${SUBJECT}${INTENSIFIER}sorry\s+if\s+(?=(?:you|this|that|it|we|i|our|your|the|there|my|anything|something)\b)(?:you\s+(?:feel|felt|think|thought|believe)\s+(?:that\s+)?(?=(?:we|i|our|your|the|this|that|it|you|there|my)\b))?`,
    message: '"{match}" makes the apology conditional, which reads as doubting the customer. Apologize for what happened.',
    fix: 'drop-condition',
    examples: [
      { bad: "I'm sorry if you feel we let you down.", better: "I'm sorry we let you down." },
      { bad: "I'm sorry if you were charged twice.", better: "I'm sorry you were charged twice." },
      { bad: "We're sorry if you feel frustrated.", better: 'I apologize for [[what went wrong]].' },
      { bad: 'Sorry if this caused you any trouble.', better: "I'm sorry this caused you any trouble." },
      { bad: 'So sorry if the instructions were confusing, here is a video.', better: "I'm so sorry the instructions were confusing, here is a video." },
    ],
  },
  {
    id: 'sorry-but',
    // Not when "but" goes on to name the mishap the apology is for ("sorry, but your export failed").
    pattern: String.raw`^(?:${SUBJECT}${INTENSIFIER}sorry|(?:my|our)\s+apologies),?\s+but\s+(?!${String.raw`(?:your|the)\s+[^.!?]{0,80}?\b(?:failed|did\s*n${APOSTROPHE}?t\s+work|did\s+not\s+work|could\s*n${APOSTROPHE}?t\s+be\s+(?:delivered|processed|completed|sent)|could\s+not\s+be\s+(?:delivered|processed|completed|sent)|bounced|went\s+missing|got\s+lost|(?:is|was|has\s+been)\s+(?:delayed|lost|damaged))|(?:we|i)(?:${APOSTROPHE}re|${APOSTROPHE}m|\s+are|\s+am)\s+having\s+(?:trouble|problems|issues|difficulty)|something\s+went\s+wrong|there\s+(?:was|has\s+been|is)\s+(?:a|an)\s+(?:problem|error|issue|outage)`})`,
    message: '"{match}" takes the apology back with "but". Keep the apology whole: "I\'m sorry that …".',
    fix: 'sorry-that',
    examples: [
      { bad: "Sorry, but we can't refund digital orders.", better: "I'm sorry that we can't refund digital orders." },
      { bad: "We're sorry, but this plan doesn't include phone support.", better: "We're sorry that this plan doesn't include phone support." },
    ],
  },
  {
    id: 'bare',
    pattern: String.raw`^(?:oh\s+|oops,?\s+|ah,?\s+)?(?:${INTENSIFIER}sorry(?:\s+again)?|(?:i|we)\s+(?:do\s+)?apologi[sz]e(?:\s+again)?|(?:my|our)\s+apologies)[!.…]*$`,
    message: 'A bare "{match}" is an overused word on its own. Say what you apologize for in a full sentence.',
    fix: 'full-apology',
    examples: [
      { bad: 'Sorry!', better: 'I apologize for [[what went wrong]].' },
      { bad: 'So sorry. Your new card is on its way.', better: 'I apologize for [[what went wrong]]. Your new card is on its way.' },
      { bad: 'We apologize. The link we sent had expired.', better: 'I apologize for [[what went wrong]]. The link we sent had expired.' },
    ],
  },
  {
    id: 'subjectless',
    pattern: String.raw`^(?:${INTENSIFIER}sorry|(?:(?:my|our)\s+)?(?:sincere(?:st)?\s+)?apologies)\s+(?:for|about)\s+(?!any\b)(?=\S)`,
    message: '"{match}" has no one doing the apologizing. Make it a full sentence: "I apologize for …".',
    fix: 'keep-object',
    examples: [
      { bad: 'Sorry for the delay.', better: 'I apologize for the delay.' },
      { bad: 'Apologies for the wait in getting back to you!', better: 'I apologize for the wait in getting back to you!' },
      { bad: 'Sorry about the mix-up with your order.', better: 'I apologize for the mix-up with your order.' },
    ],
  },
];

/** Sentences the rule leaves alone: full apologies that name what went wrong. Run as tests. */
export const goodApologies: string[] = [
  "I'm sorry to hear your parcel arrived damaged.",
  'I apologize for the delay.',
  "I'm sorry you haven't received that information as promised, {{customer.first_name}}.",
  "We're sorry that your order arrived late.",
  'I apologize for the inconvenience of the late delivery.',
  "We're sorry, but your data export failed. Please try again from your account page.",
  "I'm sorry we missed your call yesterday.",
  'No need to apologize, these things happen!',
  "Sorry, I missed your earlier message: here's the tracking link.",
  'I apologize for the mix-up with your invoice, {{customer.first_name}}.',
  'We apologize for the inconvenience caused by the outage on Monday.',
  "We're sorry for the late reply.",
  "I'm sorry the replacement didn't fit either, {{customer.first_name}}.",
  'I apologize that the courier left your parcel outside in the rain.',
  "We're truly sorry we charged your card twice.",
  "I'm so sorry, that is not what we promised.",
  'Sorry we missed you! The driver will try again tomorrow.',
  'Sorry, I forgot to attach the invoice: here it is.',
  "We're sorry to see you go! Your account stays open until the 1st.",
  'You can read our apology policy on the help centre.',
  'Thanks for your patience while we looked into this.',
];

/** Words that make a sentence an apology, for counting apologies in one reply. */
export const APOLOGY_WORD = /\b(?:sorry|apologi[sz]e|apologies)\b/i;

/** Sentences with an apology word that are not the agent apologizing ("no need to apologize"). */
export const NOT_AN_APOLOGY = /\b(?:no\s+need\s+to|(?:do\s+not|don['’]t|never)\s+(?:need\s+to\s+)?(?:be\s+)?|needn['’]t\s+)(?:apologi[sz]e|sorry)\b|\bsorry\s+to\s+(?:bother|interrupt)\b/i;

/** The apology that names what went wrong: the fix's main text. */
export const FULL_APOLOGY = 'I apologize for [[what went wrong]]';
/** The guide's alternative form, with the customer's name when the file uses one. */
export const PROMISED_APOLOGY = "I'm sorry you haven't received [[what was promised]] as promised";
