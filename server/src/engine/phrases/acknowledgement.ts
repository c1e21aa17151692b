// Phrase data for missing-acknowledgement: what tells a reply answers a
// customer's problem or complaint, and what counts as acknowledging their
// situation. Generic tracker words ("issue", "problem", "error", "bug") are
// deliberately not signals on their own: bot and triage replies use them for
// the report, not for the customer's trouble.

/** Words for what goes wrong for a customer: two of them (outside "if …" sentences) make a problem reply. */
export const PROBLEM_WORDS = new RegExp(
    String.raw`\b(?:damaged|defective|faulty|arrived\s+late|charged\s+twice|double[-\s]charged|overcharged|billed\s+twice|never\s+(?:arrived|came|showed\s+up)|locked\s+out|went\s+missing|(?:is|was)\s+missing|wrong\s+(?:item|size|colou?r|order|product|address|amount))\b`,
  'gi',
);

/**
 * A word every match of PROBLEM_WORDS starts with: a cheap test first (the full
 * pattern costs several times more, and most sentences have none of them).
 */
export const PROBLEM_WORDS_HINT = /\b(?:damaged|defective|faulty|arrived|charged|double|overcharged|billed|never|locked|went|missing|wrong)/i;

/** The customer's trouble or feelings, said about them: one of these makes a problem reply. */
export const CUSTOMER_TROUBLE = new RegExp(
  [
    // Their order/parcel/payment … not arriving, not working, being late.
    String.raw`\byour\s+(?:order|parcel|package|delivery|shipment|item|refund|payment|card|account|subscription|booking|replacement|device|app|login)\b[^.!?]{0,40}?\b(?:(?:has|have)(?:n['’]t|\s+not)\s+(?:arrived|been\s+(?:delivered|processed|refunded|shipped))|did(?:n['’]t|\s+not)\s+(?:arrive|work|go\s+through)|(?:is|was)\s+(?:late|delayed|lost|declined|cancel+ed|damaged|broken|stuck)|(?:stopped|isn['’]t|is\s+not)\s+working|was\s+(?:charged|rejected))`,
    String.raw`\byou\s+(?:were|have\s+been|got|['’]ve\s+been)\s+(?:charged|billed)\s+(?:twice|double|two\s+times|again)\b`,
    // Trouble they are having or reported.
    String.raw`\byou(?:['’]re|\s+are|['’]ve\s+been|\s+have\s+been|\s+were)\s+(?:still\s+)?(?:having|experiencing|facing|running\s+into|dealing\s+with)\s+(?:some\s+|a\s+lot\s+of\s+|more\s+)?(?:trouble|problems?|issues?|difficult(?:y|ies)|an?\s+(?:error|problem|issue|outage))`,
    String.raw`\byou\s+(?:cannot|can['’]t|couldn['’]t|could\s+not|were\s+unable\s+to|are\s+unable\s+to)\s+(?:log\s*in|sign\s*in|access|open|connect|pay|check\s*out|download|use)\b`,
    // Their feelings.
    String.raw`\byou(?:['’]re|\s+are|\s+were|\s+feel|['’]ve\s+been|\s+have\s+been)\s+(?:so\s+|very\s+|really\s+)?(?:upset|frustrated|angry|annoyed|disappointed|unhappy|let\s+down)\b`,
    String.raw`\byour\s+(?:complaint|frustration|disappointment)\b`,
  ].join('|'),
  'i',
);

/** Sentences that only set a condition ("If your parcel arrives damaged, …") say nothing about this customer. */
export const CONDITIONAL = /^(?:if|when|whenever|should|in\s+case|in\s+the\s+event)\b/i;

/** Titles that name a customer's problem (a macro called "Damaged item" answers one). */
export const PROBLEM_TITLE =
  /\b(?:damaged|late\s+(?:delivery|order|parcel|package|shipment)|delay(?:ed)?\s+(?:delivery|order|shipment|parcel|refund)|missing\s+(?:item|order|parcel|package|refund)|refund\s+(?:request|delay(?:ed)?|missing|not\s+received)|(?:delayed|missing)\s+refund|complaint|broken|outage|wrong\s+(?:item|order|size)|lost\s+(?:parcel|package|order)|not\s+(?:received|working|arrived)|never\s+(?:arrived|came|received)|arrived\s+(?:late|damaged|broken)|double\s+charge|charged\s+twice|overcharge\w*|faulty|defective|angry|upset|apology|escalat\w*|payment\s+failed|failed\s+payment|locked\s+out|can['’]?t\s+log\s*in)\b/i;

/**
 * Replies that are not an answer to someone's complaint, whatever they mention:
 * automated system notices and auto-replies.
 */
export const SYSTEM_NOTICE = /\b(?:this\s+is\s+an?\s+(?:automated|automatic|auto-generated)\s+(?:message|e-?mail|notification|reply)|(?:has\s+been|was)\s+automatically\s+generated|auto-?reply|please\s+do\s+not\s+reply|do\s+not\s+reply\s+to\s+this)\b/i;

/** Sentences that acknowledge the customer's situation or feelings. */
export const ACKNOWLEDGEMENT = new RegExp(
  [
    String.raw`\b(?:i|we)\s+(?:can\s+|completely\s+|totally\s+|fully\s+|really\s+|certainly\s+|do\s+|absolutely\s+)?(?:understand|see\s+(?:why|how|what\s+you\s+mean|that)|hear\s+(?:you|that|how|what)|know\s+how|imagine|appreciate\s+(?:how|that|what|your\s+patience)|realize|recogni[sz]e)\b`,
    String.raw`\b(?:i\s+think\s+you['’]re\s+saying)\b`,
    String.raw`\b(?:that|this|it)\s+(?:must\s+(?:be|have\s+been)|sounds|is\s+(?:really\s+|so\s+)?(?:frustrating|annoying|disappointing|stressful|upsetting))\b`,
    String.raw`\bsorry\s+to\s+hear\b`,
    String.raw`\b(?:i['’]m|i\s+am|we['’]re|we\s+are)\s+(?:so\s+|very\s+|really\s+|truly\s+)?sorry(?:\s+that|,?\s+but)?\s+(?:you|your|the|this|it|we|our)\b`,
    String.raw`\b(?:i|we)\s+apologi[sz]e\s+(?:for|that)\s+(?!any\b|the\s+inconvenience\b)\w`,
    String.raw`\bknow\s+where\s+you(?:['’]re|\s+are)\s+coming\s+from\b|\bunderstandabl[ey]\b`,
    String.raw`\b(?:how\s+)?(?:frustrating|annoying|disappointing|stressful|upsetting|worrying)\b`,
    String.raw`\bthank(?:s|\s+you)\s+for\s+(?:letting\s+(?:us|me)\s+know|bringing\s+this|flagging|reporting|telling\s+us|your\s+patience)`,
  ].join('|'),
  'i',
);

/** A word every match of ACKNOWLEDGEMENT has: a cheap test first (the full pattern costs several times more). */
export const ACKNOWLEDGEMENT_HINT = /\b(?:understand|see|hear|know|imagin|apprecia|reali[sz]|recogni|saying|must|sound|frustrat|annoy|disappoint|stress|upset|worr|sorry|apologi|thank)/i;

/** Whether a text has an acknowledgement phrase (ACKNOWLEDGEMENT, behind its hint). */
export function hasAcknowledgement(text: string): boolean {
  return ACKNOWLEDGEMENT_HINT.test(text) && ACKNOWLEDGEMENT.test(text);
}

/**
 * A formula with nothing after it: "I understand." "I see." "We hear you."
 * The guide wants empathy to be genuine, so these count as weak acknowledgement.
 */
export const BARE_ACKNOWLEDGEMENT = /^(?:(?:ok(?:ay)?|yes|sure),?\s+)?(?:i|we)\s+(?:totally\s+|completely\s+|fully\s+|do\s+)?(?:understand|see|hear\s+you|get\s+it)(?:\s+(?:that|completely|totally))?[.!…]*$/i;

/** The sentence the fix inserts; the fill-in is the customer's concern in their words. */
export const ACKNOWLEDGEMENT_SENTENCE = 'I understand how frustrating [[their situation]] must be.';

/** The guide's other ways to acknowledge, offered as alternative fixes. */
export const ACKNOWLEDGEMENT_ALTERNATIVES = ["I can see why you're upset about [[their situation]].", 'I hear that [[their concern, in their words]].'];

/** What a bare acknowledgement is extended with. */
export const ACKNOWLEDGEMENT_EXTENSION = 'how frustrating [[their situation]] must be';

/**
 * Bad -> better: a problem reply without acknowledgement and what the fix
 * makes of it; and replies the rule leaves alone. Run as tests.
 */
export const acknowledgementExamples: { flagged: Array<{ bad: string; better: string }>; clean: string[] } = {
  flagged: [
    {
      bad: 'Hi {{customer.first_name}},\n\nYour order was damaged in transit. A replacement ships today.',
      better: 'Hi {{customer.first_name}},\n\nI understand how frustrating [[their situation]] must be. Your order was damaged in transit. A replacement ships today.',
    },
    {
      bad: "Hello,\n\nYou were charged twice for the March invoice. I've refunded the second charge.",
      better: "Hello,\n\nI understand how frustrating [[their situation]] must be. You were charged twice for the March invoice. I've refunded the second charge.",
    },
    {
      bad: '---\ntitle: Late delivery\n---\n\nHi {{customer.first_name}},\n\nThe courier now says Friday. I will send the tracking link once it moves.',
      better: '---\ntitle: Late delivery\n---\n\nHi {{customer.first_name}},\n\nI understand how frustrating [[their situation]] must be. The courier now says Friday. I will send the tracking link once it moves.',
    },
    {
      bad: 'Hi Sam,\n\nI understand. Your parcel was lost by the courier, so a new one ships today.',
      better: 'Hi Sam,\n\nI understand how frustrating [[their situation]] must be. Your parcel was lost by the courier, so a new one ships today.',
    },
  ],
  clean: [
    'Hi {{customer.first_name}},\n\nTo reset your password, open Settings and choose "Reset password".',
    "Hi {{customer.first_name}},\n\nI'm sorry to hear your order was damaged in transit. A replacement ships today.",
    "Hello,\n\nI can see why you're upset about the double charge. I've refunded the second one.",
    'Hi there,\n\nThanks for asking! Our opening hours are 9 to 5, Monday to Friday.',
    'This is an automated message: your account was locked out after five failed sign-ins. Reset your password to unlock it.',
    'We closed this issue because we could not reproduce the problem. Please reopen it with a sample project.',
    'If your parcel arrives damaged, reply with a photo and we will send a new one.',
    'Hi {{customer.first_name}},\n\nI understand how stressful a missing parcel is, especially before a trip. Your parcel was lost by the courier, so a new one ships today.',
  ],
};
