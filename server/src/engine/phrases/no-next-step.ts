// Phrase data for no-next-step: what tells the customer what happens next,
// and the paragraph the fix adds when nothing does.

/**
 * A sentence that commits to an action or tells the customer what to do next.
 * Precision first: any of these is enough for a reply to count as having a plan.
 */
export const NEXT_STEP = new RegExp(
  [
    // The agent commits to an action: "I'll refund it today", "we will look into this".
    String.raw`\b(?:i|we)(?:'ll|’ll|\s+will|\s+shall|\s+am\s+going\s+to|\s+are\s+going\s+to|'m\s+going\s+to|’m\s+going\s+to|'re\s+going\s+to|’re\s+going\s+to)\s+(?!not\b|never\b)\w`,
    String.raw`\blet\s+me\s+(?!know\b)\w`,
    String.raw`\blet's\s+\w|\blet’s\s+\w`,
    // The agent has already acted: "I've refunded", "we have escalated", "your refund has been issued".
    String.raw`\b(?:i|we)(?:'ve|’ve|\s+have|\s+just|\s+already)\s+(?:just\s+|already\s+|now\s+)?(?:refunded|issued|sent|shipped|re-?sent|fixed|resolved|escalated|forwarded|reported|passed|credited|cancel+ed|updated|reset|restored|reopened|closed|merged|moved|added|removed|applied|arranged|booked|scheduled|opened|created|asked|contacted|raised|filed|flagged|marked|labell?ed|assigned|replaced|unlocked|reactivated|extended|waived)\b`,
    String.raw`\b(?:has|have)\s+(?:now\s+|just\s+|already\s+)?been\s+(?:refunded|issued|sent|shipped|re-?sent|fixed|resolved|escalated|forwarded|reported|passed|credited|cancel+ed|updated|reset|restored|reopened|closed|merged|moved|added|removed|applied|arranged|scheduled|created|raised|filed|flagged|marked|assigned|replaced|unlocked|reactivated|extended|waived|processed|approved|received|logged)\b`,
    // Work under way: "our engineers are looking into it", "I'm checking with the courier".
    String.raw`\b(?:i'm|i’m|i\s+am|we're|we’re|we\s+are|(?:our|the)\s+(?:\w+\s+)?(?:team|engineers?|developers?|specialists?|staff|courier|warehouse)\s+(?:is|are))\s+(?:now\s+|already\s+|currently\s+|actively\s+)?(?:looking\s+into|investigating|working\s+on|checking|reviewing|escalating|processing|preparing|sending|shipping|fixing|following\s+up)\b`,
    // What will happen, and when: "you'll receive", "should arrive by Friday", "within 2 business days".
    String.raw`\b(?:you(?:'ll|’ll|\s+will|\s+should)|it\s+(?:will|should)|they(?:'ll|’ll|\s+will)|this\s+(?:will|should)|(?:a|an|the|your)\s+(?:\w+\s+){0,2}(?:will|should))\s+(?:now\s+|soon\s+|shortly\s+)?(?:receive|get|see|arrive|be|hear|have|show|appear|reach|follow|take|land|update|work)\b`,
    // Something already scheduled: "a replacement ships today", "it arrives on Thursday", "your parcel is on its way".
    String.raw`\b(?:ships|arrives|goes\s+out|is\s+on\s+(?:its|the)\s+way|(?:is|are)\s+being\s+(?:shipped|sent|dispatched|processed|prepared|reviewed))\b`,
    String.raw`\bwithin\s+(?:the\s+next\s+)?(?:\d+|one|two|three|four|five|a\s+few|24|48|72)\s+(?:business\s+|working\s+)?(?:hours?|days?|weeks?|minutes?)\b|\b(?:by|before)\s+(?:tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|end\s+of\s+(?:the\s+)?(?:day|week))\b`,
    String.raw`\b(?:next\s+steps?|action\s+plan|here(?:'s|’s|\s+is)\s+what|what\s+happens\s+next|in\s+the\s+meantime|as\s+soon\s+as)\b`,
    // The customer is told what to do: "please reply with", "click Reset", "you can open a new issue".
    String.raw`\bplease\s+(?!note\b|be\s+(?:advised|aware)\b|accept\b|excuse\b|understand\b|don't\b|don’t\b|do\s+not\b|never\b|bear\b|forgive\b)\w`,
    String.raw`\b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?!imagine\b)\w|\bwould\s+you\s+mind\b`,
    String.raw`\b(?:you\s+(?:can|could|may|might\s+want\s+to|should|need\s+to|must|have\s+to|(?:'ll|’ll|\s*will)\s+need\s+to)|feel\s+free\s+to|to\s+(?:fix|resolve|solve|work\s+around|get\s+around|avoid|continue|proceed|get\s+started|reset|restore|recover|unlock|cancel|update|change|request))\s+\w`,
    String.raw`^(?:(?:to|if|when|once|after|before|until|whenever)\s[^,]*,\s*)?(?:click|tap|go\s+to|open|select|choose|navigate|visit|follow|try|restart|clear|update|upgrade|reinstall|install|reset|enter|type|reply|respond|send|attach|include|provide|check|sign\s+(?:back\s+)?(?:in|out)|log\s+(?:back\s+)?(?:in|out)|contact|call|email|search|read|see|refer|use|add|remove|head\s+over|re-?open|file|submit|download|run|make\s+sure|ensure|activate|verify|wait|let\s+(?:us|me)\s+know|get\s+in\s+touch|reach\s+out|ask|post|comment|share|create|join|upgrade)\b`,
    String.raw`\b(?:reply\s+to\s+this|respond\s+to\s+this|get\s+back\s+to\s+(?:you|us)|follow\s+up|keep\s+you\s+(?:posted|updated|informed)|be\s+in\s+touch|reach\s+out)\b`,
  ].join('|'),
  'i',
);

/**
 * The words of a stock closing offer ("If you have any other questions, let us
 * know"): a courtesy, not a next step. The rule drops the clause they are in.
 */
export const CLOSING_OFFER = /\b(?:(?:any|other|more|further|additional)\s+(?:questions?|concerns?)|anything\s+else|(?:don't|don’t|do\s+not)\s+hesitate)\b/gi;
/** The contact words such an offer uses, removed with it so they cannot count as the plan. */
export const CONTACT_US = /\b(?:please\s+)?(?:feel\s+free\s+to\s+)?(?:let\s+(?:us|me)\s+know|contact\s+(?:us|me|our\s+\w+(?:\s+team)?)|reach\s+out(?:\s+to\s+(?:us|me))?|get\s+in\s+touch|write\s+(?:to\s+)?(?:us|me)|(?:e-?mail|call)\s+(?:us|me))\b/gi;

/** A reply about a confusion ("sorry for the confusion") is resolved by an explanation. */
export const CONFUSION = /\b(?:confus\w*|misunderst\w*|unclear|mix-?up)\b/i;
export const EXPLANATION = /\b(?:(?:this|that|it)(?:'s|’s|\s+is|\s+was)\s+because|which\s+is\s+why|the\s+reason\s+(?:is|was|for)|this\s+(?:means|happens\s+(?:when|because))|(?:includes?|included|covers?|means)\b)/i;

/** A sign-off line ("Best,", "Kind regards,", "Thanks!"): the fix inserts the plan above it. */
export const SIGN_OFF = /^[ \t]*(?:best(?:\s+(?:regards|wishes))?|(?:kind|warm|warmest|best|many)\s+(?:regards|thanks)|regards|thanks(?:\s+(?:again|so\s+much))?|thank\s+you(?:\s+(?:again|so\s+much))?|many\s+thanks|cheers|sincerely|yours\s+(?:sincerely|truly)|all\s+the\s+best|take\s+care|talk\s+soon|with\s+thanks)\s*[,.!]?[ \t]*$/i;

/** The paragraph the fix inserts; the fill-in is the author's own plan. */
export const NEXT_STEP_SENTENCE = "Here's what I'll do next: [[the next step, and when]].";

/** Bad -> better examples the tests run: the fix turns each bad reply into the better one. */
export const nextStepExamples: Array<{ bad: string; better: string }> = [
  {
    bad: "Hi {{customer.first_name}},\n\nI'm sorry to hear your parcel arrived damaged.\n\nBest,\nSam\n",
    better: "Hi {{customer.first_name}},\n\nI'm sorry to hear your parcel arrived damaged.\n\nHere's what I'll do next: [[the next step, and when]].\n\nBest,\nSam\n",
  },
  {
    bad: "I'm sorry to hear the invoice was wrong. If you have any other questions, please let us know.\n",
    better: "I'm sorry to hear the invoice was wrong. If you have any other questions, please let us know.\n\nHere's what I'll do next: [[the next step, and when]].\n",
  },
  {
    bad: 'I apologize for the delay with your refund.\n',
    better: "I apologize for the delay with your refund.\n\nHere's what I'll do next: [[the next step, and when]].\n",
  },
];
