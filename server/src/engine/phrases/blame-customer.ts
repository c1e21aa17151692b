// Phrase data for blame-customer. Each entry: a pattern (matched against one
// sentence, case-insensitive), the message, how the fix works and bad ->
// better examples that the tests run. {match} in a message is the flagged text.

export type BlameFix =
  /** "you failed to make the payment" -> "the payment wasn't made": the event, not the person. */
  | 'neutral-event'
  /** "As you were told, …" -> "…": drop the aside. */
  | 'remove'
  /** No safe edit: the message says what to write instead. */
  | 'none';

export interface BlamePhrase {
  id: string;
  pattern: string;
  message: string;
  fix: BlameFix;
  /** A condition or negation before it ("if you forgot to…", "it isn't your fault") means no blame. */
  negatable?: boolean;
  examples: Array<{ bad: string; better: string }>;
}

const A = "['’]";
/** Words before the phrase that make it a condition or reassurance, not blame ("if you forgot to…"). */
export const NOT_BLAME_BEFORE = new RegExp(String.raw`(?:\b(?:if|in\s+case|whether|unless|when(?:ever)?|not|never|no\s+one|nobody)|n${A}t)\b[^.!?]*$`, 'i');

/** A past participle after "you should have" that names something the customer did (not "received", "been"). */
const PARTICIPLE = String.raw`(?!(?:received|need|been|gotten)\b)(?:[a-z]+ed|known|read|sent|paid|made|done|told|taken|written|chosen|kept|left|bought|understood|given|seen\s+(?:the|our|that|this)\s+(?:warning|notice|message|terms))\b`;

export const blameCustomerPhrases: BlamePhrase[] = [
  {
    id: 'failed-to',
    negatable: true,
    // Group 1: the verb; 2: its particle ("fill in"); 3: its object, up to a comma or a clause that follows.
    pattern: String.raw`\byou\s+(?:have\s+|had\s+|simply\s+|unfortunately\s+)?(?:failed|forgot|neglected|omitted)\s+to\s+([a-z]+)\b(?:\s+(in|out|up)\b)?(?:\s+((?:the|your|a|an|this|that|these|those|any)\s+[^,;:.!?]*?)(?=\s+(?:on\s+time|in\s+time|as\s+well|too|either|again|properly|correctly|in\s+full|before|by|within|until|after|when|so|and|but|because|which|yet)\b|[,;:.!?]|$))?`,
    message: '"{match}" tells the customer they caused it. Describe the event instead: "the payment wasn\'t made", not "you failed to make the payment".',
    fix: 'neutral-event',
    examples: [
      { bad: 'You failed to make the payment on time, so the account was paused.', better: "The payment wasn't made on time, so the account was paused." },
      { bad: 'It seems you forgot to attach the receipts.', better: "It seems the receipts weren't attached." },
    ],
  },
  {
    id: 'should-have',
    negatable: true,
    pattern: String.raw`\byou\s+(?:really\s+|clearly\s+)?(?:should|ought\s+to|needed\s+to)\s+have\s+${PARTICIPLE}|\byou\s+should${A}ve\s+${PARTICIPLE}`,
    message: '"{match}" tells the customer what they did wrong after the fact. Say what happened and what they can do now.',
    fix: 'none',
    examples: [],
  },
  {
    id: 'as-you-were-told',
    pattern: String.raw`\bas\s+(?:you\s+(?:were|have\s+been|had\s+been)\s+(?:already\s+|previously\s+|clearly\s+)?(?:told|informed|advised|warned|notified)|(?:we|i)\s+(?:have\s+|had\s+)?(?:already\s+|previously\s+|clearly\s+)?(?:told|warned|informed|advised)\s+you)(?:\s+(?:before|earlier|previously|already|twice|several\s+times))?,?`,
    message: '"{match}" reminds the customer they were told, which reads as blame. Remove it and give the information again.',
    fix: 'remove',
    examples: [{ bad: 'As you were told, the refund takes five days.', better: 'The refund takes five days.' }],
  },
  {
    id: 'your-fault',
    negatable: true,
    // "your error" alone is usually the error they see ("send us a screenshot of your error").
    pattern: String.raw`\b(?:(?:it|this|that)(?:\s+is|\s+was|${A}s)\s+)?your\s+(?:own\s+)?(?:fault|doing)\b|\b(?:(?:it|this|that)(?:\s+is|\s+was|${A}s)\s+)your\s+(?:own\s+)?(?:mistake|error)\b|\byour\s+own\s+(?:mistake|error)\b|\b(?:due\s+to|because\s+of|caused\s+by)\s+your\s+(?:mistake|error|negligence)\b|\byou\s+made\s+(?:a|an)\s+(?:mistake|error)\b|\buser\s+error\b|\byour\s+responsibility\s+to\s+(?:check|read|know|make\s+sure)\b`,
    message: '"{match}" tells the customer they caused it. Describe what happened without naming who did it, then what you will do.',
    fix: 'none',
    examples: [],
  },
  {
    id: 'if-you-had',
    // Only the counterfactual ("…, you would have known"): "if you had saved a draft, it is in Drafts" informs.
    pattern: String.raw`\b(?:if\s+you\s+had|had\s+you)\s+(?:just\s+|only\s+|simply\s+|actually\s+)?(?:read|checked|followed|looked|listened|paid\s+attention|contacted|called|updated|backed\s+up|saved)\b(?=[^.!?]*\b(?:would|could|might)(?:n${A}t|\s+not)?\s+(?:have|be|know)\b)`,
    message: '"{match}" tells the customer they caused it. Give the information the document holds instead of pointing at what they missed.',
    fix: 'none',
    examples: [],
  },
  {
    id: 'you-obviously',
    pattern: String.raw`\byou\s+(?:clearly|obviously|evidently|apparently)\s+(?:did\s+not|didn${A}t|have\s+not|haven${A}t|failed|forgot|missed|ignored|misunderstood|misread|did\s+not\s+read|didn${A}t\s+read)\b|\byou\s+(?:did\s+not|didn${A}t)\s+(?:bother\s+to|even)\b`,
    message: '"{match}" tells the customer they caused it. Describe the situation neutrally and what happens next.',
    fix: 'none',
    examples: [],
  },
];

/** Cheap pre-check: a sentence without one of these words blames no one. */
export const BLAME_HINT = /\b(?:failed|forgot|neglected|omitted|should|ought|needed|told|informed|advised|warned|notified|fault|mistake|error|doing|responsib|had|obvious|clearly|evident|apparent|bother|even)/i;

/** Past participles for the neutral rewrite; verbs not listed get no automatic fix. */
export const PARTICIPLES: Record<string, string> = {
  make: 'made', pay: 'paid', send: 'sent', submit: 'submitted', provide: 'provided', include: 'included',
  update: 'updated', renew: 'renewed', confirm: 'confirmed', complete: 'completed', enter: 'entered',
  attach: 'attached', follow: 'followed', return: 'returned', sign: 'signed', verify: 'verified',
  activate: 'activated', cancel: 'cancelled', add: 'added', upload: 'uploaded', select: 'selected',
  save: 'saved', fill: 'filled', accept: 'accepted', register: 'registered', enable: 'enabled',
  check: 'checked', tick: 'ticked', read: 'read', reply: 'answered', respond: 'answered', book: 'booked',
  schedule: 'scheduled', print: 'printed', ship: 'shipped', post: 'posted', apply: 'applied', use: 'used',
  change: 'changed', reset: 'reset', install: 'installed', download: 'downloaded', set: 'set', mention: 'mentioned',
};
