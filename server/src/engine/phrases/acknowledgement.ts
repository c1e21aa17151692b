// Phrase data for missing-acknowledgement: what tells a reply answers a
// problem, and what counts as acknowledging the customer's situation.

/** Words that say the customer has a problem or complaint (each match is one signal). */
export const PROBLEM_SIGNALS = new RegExp(
  String.raw`\b(?:problems?|issues?\s+(?:with|you)|trouble|errors?|broken|not\s+working|(?:doesn't|does\s+not|didn't|did\s+not|won't|can't|cannot|couldn't)\s+(?:work|load|open|log|sign|access|arrive|connect|receive)|damaged|defective|faulty|missing|delay(?:ed|s)?|late|never\s+(?:arrived|came|received)|(?:hasn't|has\s+not|haven't|have\s+not)\s+(?:arrived|received|been\s+delivered)|refunds?|charged\s+twice|double[-\s]charged|overcharged|complain(?:t|ts|ed)?|frustrat\w*|upset|angry|disappoint\w*|unhappy|wrong|mistake|outage|down\s+time|downtime|crash\w*|lost|stolen|locked\s+out|cancel+ed|failed|failure|declined|bug)\b`,
  'gi',
);

/** Titles that name a problem (a macro called "Damaged item" answers one). */
export const PROBLEM_TITLE = /\b(?:damaged|late|delay(?:ed)?|missing|refund|complaint|broken|outage|error|wrong|lost|not\s+(?:received|working|arrived)|double\s+charge|overcharge|faulty|defective|cancel+ation|angry|upset|apology|escalat\w*|bug|crash|failed|declined)\b/i;

/** Sentences that acknowledge the customer's situation or feelings. */
export const ACKNOWLEDGEMENT = new RegExp(
  String.raw`\b(?:i|we)\s+(?:can\s+|completely\s+|totally\s+|fully\s+|really\s+|certainly\s+|do\s+)?(?:understand|see\s+(?:why|how|what\s+you\s+mean|that)|hear\s+(?:you|that|how)|know\s+how|imagine|appreciate\s+(?:how|that|what|your\s+patience)|realize|recogni[sz]e)\b` +
    String.raw`|\b(?:that|this|it)\s+(?:must\s+(?:be|have\s+been)|sounds|is\s+(?:really\s+)?(?:frustrating|annoying|disappointing|stressful))\b` +
    String.raw`|\bsorry\s+to\s+hear\b|\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:so\s+|very\s+|really\s+|truly\s+)?sorry\s+(?:that\s+)?(?:you|your|the|this|it)\b|\bi\s+apologi[sz]e\s+(?:for|that)\s+(?!any\b)\w` +
    String.raw`|\bknow\s+where\s+you(?:'re|’re|\s+are)\s+coming\s+from\b|\bunderstandabl[ey]\b|\b(?:how\s+)?(?:frustrating|annoying|disappointing|stressful|upsetting|worrying)\b|\bthank(?:s|\s+you)\s+for\s+(?:letting\s+(?:us|me)\s+know|bringing\s+this|flagging|reporting|telling\s+us|your\s+patience)`,
  'i',
);

/** The sentence the fix inserts; the fill-in is the customer's concern in their words. */
export const ACKNOWLEDGEMENT_SENTENCE = 'I understand how frustrating [[their situation]] must be.';
