// Phrase data for hollow-cliche. Each entry: a pattern (matched against one
// sentence, case-insensitive), the message, how the fix works and bad ->
// better examples that the tests run. {match} in a message is the flagged text.

export type ClicheFix =
  /** Remove the phrase (or its sentence) cleanly. */
  | 'remove'
  /** No safe edit: the message says what to write instead. */
  | 'none';

export interface ClichePhrase {
  id: string;
  pattern: string;
  message: string;
  fix: ClicheFix;
  /** Only flag when the macro never mentions a wait (for "thank you for your patience…"). */
  unlessWaiting?: boolean;
  examples: Array<{ bad: string; better: string }>;
}

const A = "['’]";
/** An optional link word before a mid-sentence cliché, removed with it ("…, as we value your business"). */
const LINK = String.raw`(?:(?:as|because|since|and)\s+)?`;
const INTENSIFIER = String.raw`(?:(?:really|truly|very|greatly|sincerely|always|genuinely)\s+)?`;

export const hollowClichePhrases: ClichePhrase[] = [
  {
    id: 'value-your-business',
    pattern: String.raw`\b${LINK}(?:we|i)\s+${INTENSIFIER}(?:value|appreciate)\s+(?:your\s+(?:business|custom|loyalty)|you\s+as\s+(?:a|our)\s+(?:valued\s+)?(?:customer|client))\b`,
    message: '"{match}" is a pat expression that tells the customer nothing. Remove it, or say something specific to their situation.',
    fix: 'remove',
    examples: [
      { bad: 'We value your business. Your replacement ships today.', better: 'Your replacement ships today.' },
      { bad: 'Your replacement ships today, as we value your business.', better: 'Your replacement ships today.' },
    ],
  },
  {
    id: 'important-to-us',
    pattern: String.raw`\b${LINK}(?:your\s+(?:call|email|e-mail|message|request|enquiry|inquiry|ticket|business|feedback|satisfaction|time)|you)\s+(?:is|are)\s+${INTENSIFIER}(?:extremely\s+|so\s+)?(?:important|valuable)\s+to\s+(?:us|me)\b`,
    message: '"{match}" is the stock line of a phone queue. Remove it; show that it matters by answering it.',
    fix: 'remove',
    examples: [{ bad: 'Your email is important to us. I have reset your password.', better: 'I have reset your password.' }],
  },
  {
    id: 'please-be-advised',
    pattern: String.raw`\bplease\s+be\s+(?:advised|informed|aware)(?:\s+that\b)?[,:]?`,
    message: '"{match}" is filler before the news. Remove it and say the news plainly.',
    fix: 'remove',
    examples: [{ bad: 'Please be advised that the office is closed on Monday.', better: 'The office is closed on Monday.' }],
  },
  {
    id: 'valued-customer',
    pattern: String.raw`\bas\s+(?:a|one\s+of\s+our)\s+(?:valued|loyal|treasured|important)\s+(?:customers?|clients?|members?)\b,?`,
    message: '"{match}" is a pat expression. Remove it and speak to the customer directly.',
    fix: 'remove',
    examples: [{ bad: 'As a valued customer, you can return it for free.', better: 'You can return it for free.' }],
  },
  {
    id: 'strive-to-provide',
    pattern: String.raw`\b${LINK}(?:we|i)\s+(?:always\s+)?(?:strive|aim|endeavou?r|are\s+committed|pride\s+ourselves)\s+(?:to|on)\s+(?:provid|deliver|offer|giv)(?:e|ing)\s+(?:you\s+)?(?:the\s+|an?\s+)?(?:very\s+)?(?:best|excellent|great|exceptional|outstanding|superior|top[-\s]notch|first[-\s]class|world[-\s]class|highest(?:\s+(?:level|quality|standard))?(?:\s+of)?|quality)\s+(?:possible\s+)?(?:customer\s+)?(?:service|experience|support|care)(?:\s+possible)?(?:\s+to\s+(?:all\s+)?(?:of\s+)?(?:our|every|each)\s+(?:customers?|clients?))?`,
    message: '"{match}" is a promise about the company, not about this customer. Remove it, or say what you are doing for them.',
    fix: 'remove',
    examples: [{ bad: "We strive to provide the best service possible. I've sent a new label.", better: "I've sent a new label." }],
  },
  {
    id: 'satisfaction-priority',
    pattern: String.raw`\b${LINK}(?:your\s+satisfaction|customer\s+satisfaction|our\s+customers)\s+(?:is|are)\s+(?:always\s+)?(?:our\s+)?(?:top|number\s+one|#1|first|highest|main)\s+priority\b`,
    message: '"{match}" is a slogan, not an answer. Remove it and show the priority in what you do next.',
    fix: 'remove',
    examples: [{ bad: 'Your satisfaction is our top priority, so I have refunded the fee.', better: 'I have refunded the fee.' }],
  },
  {
    id: 'rest-assured',
    pattern: String.raw`(?:^|(?<=,\s+(?:and\s+)?))(?:please\s+)?rest\s+assured,?(?:\s+that\b)?,?`,
    message: '"{match}" asks for trust without a reason. Remove it and state what will happen.',
    fix: 'remove',
    examples: [{ bad: "Rest assured, we're looking into it today.", better: "We're looking into it today." }],
  },
  {
    id: 'patience-and-understanding',
    pattern: String.raw`\b(?:(?:thank\s+you|thanks|many\s+thanks)(?:\s+(?:so\s+much|again))?|(?:we|i)\s+${INTENSIFIER}appreciate)\s+(?:for\s+)?(?:your|the)\s+(?:continued\s+)?(?:patience\s+and\s+understanding|understanding\s+and\s+patience)\b`,
    unlessWaiting: true,
    message: '"{match}" thanks the customer for waiting when nothing was waited for. Remove it, or thank them for something they did.',
    fix: 'remove',
    examples: [{ bad: 'Your card has been updated. Thank you for your patience and understanding.', better: 'Your card has been updated.' }],
  },
  {
    id: 'we-value-feedback',
    pattern: String.raw`\b${LINK}(?:we|i)\s+${INTENSIFIER}(?:value|appreciate)\s+(?:all\s+)?(?:of\s+)?(?:your|our\s+customers${A}?)\s+(?:valuable\s+)?(?:feedback|input|comments)\s+(?:and|as)\s+(?:it|they)\s+helps?\s+us\s+(?:to\s+)?(?:improve|grow|serve\s+you\s+better)\b`,
    message: '"{match}" is a stock line. Remove it, or say what you will do with this feedback.',
    fix: 'remove',
    examples: [{ bad: 'We value your feedback as it helps us improve. I have passed it to the app team.', better: 'I have passed it to the app team.' }],
  },
];

/** Cheap pre-check: a sentence without one of these words holds no cliché. */
export const CLICHE_HINT = /\b(?:valu|important|please\s+be|loyal|treasured|strive|aim|endeavo|committed|pride|priority|assured|patience)/i;

/** Words that say the customer did wait: then thanking them for patience is earned. */
export const WAITING = /\b(?:wait\w*|delay\w*|queue|backlog|hold|late|slow\w*|took\s+(?:a\s+while|longer|some\s+time)|taking\s+(?:a\s+while|longer|some\s+time)|get(?:ting)?\s+back\s+to\s+you|(?:long|longer)\s+than|(?:days?|weeks?|hours?)\s+(?:ago|to)|busy|high\s+volume|outage|maintenance|investigat\w*|looking\s+into|still|soon|as\s+soon\s+as)\b/i;
