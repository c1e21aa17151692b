// Phrase data for acknowledgement-order: what counts as the solution part of
// a reply (so an acknowledgement after it comes too late), and the bad ->
// better examples the tests run.

/**
 * A sentence that solves or acts: the agent did or will do something, or the
 * customer is told what to do. Questions and thanks are not solutions.
 */
export const SOLUTION = new RegExp(
  [
    String.raw`\b(?:i|we)(?:'ve|’ve|\s+have)\s+(?:just\s+|already\s+|now\s+)?(?:refunded|issued|sent|shipped|re-?sent|fixed|resolved|escalated|credited|cancel+ed|updated|reset|restored|reopened|replaced|unlocked|reactivated|extended|waived|arranged|applied)\b`,
    String.raw`\b(?:(?:has|have)\s+(?:now\s+|just\s+|already\s+)?been|was|were)\s+(?:refunded|issued|sent|shipped|re-?sent|fixed|resolved|credited|cancel+ed|reset|restored|replaced|unlocked|reactivated|extended|waived|processed|approved)\b`,
    String.raw`\b(?:i|we)(?:'ll|’ll|\s+will)\s+(?:now\s+|also\s+|gladly\s+|happily\s+)?(?:refund|issue|send|ship|re-?send|fix|resolve|credit|cancel|reset|restore|replace|unlock|reactivate|extend|waive|arrange|process|upgrade|escalate|look\s+into|investigate)\b`,
    String.raw`^(?:to\s+(?:fix|resolve|solve|work\s+around|get\s+around)\s+(?:this|that|it)[^,]*,\s*)?(?:please\s+)?(?:click|tap|go\s+to|navigate\s+to|select|restart|clear|reinstall|reset|update|upgrade|log\s+out|sign\s+out)\b`,
    String.raw`\bto\s+(?:fix|resolve|solve|work\s+around)\s+(?:this|that|it)\b`,
    String.raw`\byour\s+(?:refund|replacement|credit|new\s+\w+)\s+(?:has|is|will)\b`,
  ].join('|'),
  'i',
);

/** A word every match of SOLUTION has: a cheap test first (the full pattern costs several times more). */
export const SOLUTION_HINT = /\b(?:refund|issu|sen[dt]|ship|re-?sen|fix|resolv|solv|escalat|credit|cancel|updat|reset|restor|reopen|replac|unlock|reactivat|extend|waiv|arrang|appli|process|approv|upgrad|look|investigat|click|tap|go|navigat|select|restart|clear|reinstall|log|sign|work|new)/i;

/** Thanks-for clauses: a courtesy, not the acknowledgement CARP asks for first. */
export const THANKS_CLAUSE = /\bthank(?:s|\s+you)\s+(?:so\s+much\s+|again\s+)?for\s+[^,.;!?]*/gi;

/** What makes an acknowledgement phrase speak to the customer: a speaker, a "that must be", a "sorry". */
export const SPOKEN_TO_CUSTOMER = /\b(?:i|we)\b|\b(?:that|this|it)\s+(?:must|sounds|is|was)\b|\bsorry\b|\bunderstandabl[ey]\b|\bcoming\s+from\b/i;

export const acknowledgementOrderExamples: Array<{ bad: string; better: string }> = [
  {
    bad: "I've refunded the second charge. I understand how worrying a double charge is.",
    better: "I understand how worrying a double charge is. I've refunded the second charge.",
  },
  {
    bad: "Hi {{customer.first_name}},\n\nYour replacement has shipped.\n\nI'm sorry to hear the first one arrived broken.\n\nBest,\nSam\n",
    better: "Hi {{customer.first_name}},\n\nI'm sorry to hear the first one arrived broken. Your replacement has shipped.\n\nBest,\nSam\n",
  },
];
