// Fill-ins: the visible gaps a fix leaves where only the author knows the
// words ("I apologize for [[what went wrong]]."). unfilled-placeholder reports
// any left in the text, and fix-all never applies a fix that adds one.

export const FILL_IN_OPEN = '[[';
export const FILL_IN_CLOSE = ']]';
export const FILL_IN_PATTERN = /\[\[([^\[\]\n]{1,80})\]\]/g;

export function fillIn(hint: string): string {
  return `${FILL_IN_OPEN}${hint}${FILL_IN_CLOSE}`;
}

const ANY_FILL_IN = new RegExp(FILL_IN_PATTERN.source);

export function hasFillIn(text: string): boolean {
  // A non-global copy: test() on the shared global pattern would leave its lastIndex behind.
  return ANY_FILL_IN.test(text);
}
