// Phrase data for missing-name: what tells the customer is upset, which
// placeholders render a name, and how a greeting takes the name.

import { ownCopy } from '../text';

/** Words that say the customer is upset or complaining (not merely asking). Sorry for a slow reply is routine, not a sign. */
export const UPSET_SIGNALS = /\b(?:frustrat\w*|upset\w*|angry|anger|annoy\w*|disappoint\w*|unhappy|dissatisf\w*|complain\w*|unacceptable|let\s+(?:you|them)\s+down|(?:i|we)\s+apologi[sz]e\s+for\s+(?!any\b|(?:the|our)\s+(?:delay(?:ed)?|wait|late|slow)\b)|(?:i'm|i’m|i\s+am|we're|we’re|we\s+are)\s+(?:so\s+|very\s+|really\s+|truly\s+)?sorry\s+(?:to\s+hear|that)\b|sorry\s+to\s+hear)\b/i;

/** Macro titles that name an upset customer or a complaint. */
export const UPSET_TITLE = /\b(?:complaint|angry|upset|frustrat\w*|apology|apologi[sz]e|disappoint\w*|unhappy)\b/i;

/** Path segments that name a person by themselves: customer.first_name, user.username. */
const PERSONAL_NAME = /(?:^|[._\->])(?:first_?name|firstname|given_?name|full_?name|fullname|real_?name|realname|display_?name|nick_?name|user_?name|username)$/i;
/** A bare name segment ("name", "name.first") counts when the path is about the customer. */
const NAME_SEGMENT = /(?:^|[._\->])(?:name|first|given)(?:[._](?:first|full|given))?$/i;
const CUSTOMER = /(?:^|[._\->])(?:customers?|requesters?|recipients?|users?|contacts?|authors?|clients?|members?|persons?|visitors?|leads?|end_?users?|submitters?|reporters?|people)(?:$|[._\->])/i;
/** Whole paths that are the customer: {{name}}, {{ author }}. */
const CUSTOMER_ALONE = /^(?:name|first_?name|firstname|author|requester|recipient|customer|user|contact|reporter)$/i;
/** Paths about someone or something else: the agent's signature, the company, the site. */
const NOT_CUSTOMER = /(?:^|[._\->])(?:agents?|assignees?|staff|senders?|current_?user|currentuser|signature|company|organi[sz]ation|brand|site|product|team|group|account_?manager|owner|event)(?:$|[._\->])/i;

/** Answers by path: a library uses a few paths thousands of times. Cleared when full. */
const customerNamePaths = new Map<string, boolean>();
/**
 * The paths last answered, searched first: each document's paths are new strings, which the Map
 * must hash before it can find them, and a few comparisons cost less.
 */
const RECENT = 16;
const recentPaths: string[] = [];
const recentAnswers: boolean[] = [];
let nextRecent = 0;

/** Whether a placeholder path renders the customer's name. */
export function isCustomerNamePath(path: string): boolean {
  for (let i = 0; i < recentPaths.length; i++) if (recentPaths[i] === path) return recentAnswers[i];
  // One copy of the path for both lists: the document's own string would keep the document alive.
  const own = ownCopy(path);
  let answer = customerNamePaths.get(own);
  if (answer === undefined) {
    if (customerNamePaths.size >= 1024) customerNamePaths.clear();
    answer = !NOT_CUSTOMER.test(path) && (CUSTOMER_ALONE.test(path) || PERSONAL_NAME.test(path) || (NAME_SEGMENT.test(path) && CUSTOMER.test(path)));
    customerNamePaths.set(own, answer);
  }
  recentPaths[nextRecent] = own;
  recentAnswers[nextRecent] = answer;
  nextRecent = (nextRecent + 1) % RECENT;
  return answer;
}

/** Greeting words, and the generic addressee after them the name replaces ("Hi there," -> "Hi {{…}},"). */
export { GREETING as GREETING_WORDS } from '../document/parse';
export const GENERIC_ADDRESSEE = /^[ \t]+(?:there|all|everyone|everybody|folks|friend|team|(?:valued\s+)?(?:customer|client|user|member|sir\s+or\s+madam|sir\/madam))\b/i;

export const DEFAULT_NAME_PLACEHOLDER = '{{customer.first_name}}';

export const missingNameExamples: Array<{ bad: string; better: string }> = [
  {
    bad: "Hi,\n\nI'm sorry to hear your order arrived damaged. I'll send a replacement today.\n",
    better: "Hi {{customer.first_name}},\n\nI'm sorry to hear your order arrived damaged. I'll send a replacement today.\n",
  },
  {
    bad: "Hello there,\n\nI understand how frustrating the delay is. I'll call the courier this morning.\n",
    better: "Hello {{customer.first_name}},\n\nI understand how frustrating the delay is. I'll call the courier this morning.\n",
  },
  {
    bad: "I'm sorry to hear the update let you down. I'll roll your account back today.\n",
    better: "Hi {{customer.first_name}},\n\nI'm sorry to hear the update let you down. I'll roll your account back today.\n",
  },
];
