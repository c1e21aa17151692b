// Phrase data for oversharing: what marks a sentence as the agent's own story
// rather than the customer's situation or an action taken for them.

/** First-person words. */
export const FIRST_PERSON = /\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|me|my|mine|myself)\b/gi;

/** Cues of personal narrative: the agent's life, habits and feelings. */
export const NARRATIVE_CUES = new RegExp(
  String.raw`\b(?:i\s+(?:just\s+|really\s+|always\s+|also\s+|personally\s+)?(?:hate|love|remember|worry|wish|get\s+(?:so\s+|really\s+)?(?:annoyed|frustrated|anxious|stressed|upset|delayed|angry)|feel\s+(?:so\s+|really\s+)?(?:annoyed|frustrated|anxious|stressed|upset|angry)|had\s+(?:the\s+same|a\s+similar)|went\s+through|was\s+(?:once|in\s+the\s+same)|used\s+to|grew\s+up)` +
    String.raw`|when\s+i\s+was|happen(?:s|ed)\s+to\s+me(?:\s+too)?|me\s+too|i've\s+been\s+there|i\s+don't\s+know\s+what\s+to\s+do|i\s+know\s+where\s+you\s+are\s+coming\s+from|personally|in\s+my\s+(?:experience|life|case)` +
    String.raw`|my\s+(?:own\s+)?(?:kids?|children|son|daughter|husband|wife|partner|boyfriend|girlfriend|family|mom|mum|dad|mother|father|parents|brother|sister|dog|cat|friends?|weekend|holiday|vacation|commute|car|house|flat|apartment|neighbou?r|laptop|birthday|wedding)|if\s+i'm\s+late|i\s+have\s+(?:kids|children|a\s+(?:son|daughter|dog|cat))|they\s+get\s+(?:really\s+|so\s+)?(?:anxious|upset|worried))\b`,
  'i',
);

/**
 * The agent's own past, told as a story ("I lost a whole weekend", "last
 * year I …"). Counted only in sentences that do not speak to the customer:
 * "I tried your steps" is work on their case, not a story.
 */
export const PERSONAL_PAST = /\b(?:i\s+(?:once|lost|spent|waited|bought|went|was\s+(?:so|really|completely|totally)|couldn['’]t\s+(?:sleep|believe)|nearly|almost)|(?:last\s+(?:week|month|year|weekend|summer|winter|christmas)|years?\s+ago|the\s+other\s+day)\b[^.!?]{0,80}\b(?:i|me|my)|\b(?:i|me|my)\b[^.!?]{0,80}\b(?:last\s+(?:week|month|year|weekend|summer|winter|christmas)|years?\s+ago|the\s+other\s+day))\b/i;

/** Words that speak to the customer. */
export const SECOND_PERSON = /\b(?:you|your|you['’](?:re|ve|ll|d)|yours)\b/i;

/** Sentences that report an action for the customer: never narrative, whatever their pronouns. */
export const ACTION = /\b(?:i|we)(?:'ve|’ve|'ll|’ll|\s+have|\s+will|\s+can|\s+am\s+going\s+to|'m\s+going\s+to)\s+(?:gone\s+ahead|already\s+)?(?:checked|check|looked|look|refunded|refund|sent|send|escalated|escalate|updated|update|reset|fixed|fix|added|add|issued|issue|credited|credit|forwarded|forward|asked|ask|contacted|contact|processed|process|cancel+ed|cancel|arranged|arrange|confirmed|confirm|reviewed|review|created|create|opened|open|shipped|ship|replaced|replace|followed|follow|made|make|get|got|help|take)\b/i;

/** What a refocus sentence looks like: the reply turns back to the customer. */
export const REFOCUS = /\b(?:let's|let\s+us|let\s+me|here's\s+what|so,?\s+(?:let's|here's)|to\s+get\s+you)\b/i;

/** The sentence the fix adds after the one short shared-experience clause it keeps. */
export const REFOCUS_SENTENCE = "So, let's see what we can do to [[solve this for you]].";

/** A shared-experience clause longer than this is cut at its first comma. */
export const SHORT_CLAUSE_WORDS = 10;

/**
 * Bad -> better: a story and what the fix keeps of it; and sentences the rule
 * leaves alone (a short shared-experience clause, actions taken). Run as tests.
 */
export const oversharingExamples: { flagged: Array<{ bad: string; better: string }>; clean: string[] } = {
  flagged: [
    {
      bad: "I know where you are coming from. I just hate it when I get delayed at the shop, and I worry about being late for my kids. They get really anxious if I'm late. Sometimes I don't know what to do.",
      better: "I know where you are coming from. So, let's see what we can do to [[solve this for you]].",
    },
    {
      bad: "Hi Sam,\n\nMy own laptop died last week and I lost a whole weekend of photos. I was so upset I couldn't sleep. My husband had to drive me to the repair shop. Let's get your files back.",
      better: "Hi Sam,\n\nMy own laptop died last week. Let's get your files back.",
    },
  ],
  clean: [
    "I have kids too, and it's frustrating being late to pick them up. So, let's see what we can do to get you finished here fast.",
    "I've checked your account and I'll refund it today.",
    "I can understand how you feel, I don't like it either when I'm kept waiting. I'll report this to my manager.",
    'I have kids too. I get it. Let me sort this out.',
    'I tried your steps on my laptop last week and the export worked. Could you send a screenshot of the error?',
    "I've escalated this to my team lead and I'll update you by Friday.",
  ],
};
