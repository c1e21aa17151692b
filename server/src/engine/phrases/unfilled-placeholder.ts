// Phrase data for unfilled-placeholder: the shapes of a gap left for the
// author to fill ("[customer name]", "[INSERT DATE]", "<fill in>", "TODO").

/** Words that make bracketed text a gap to fill: they open it ("[insert date]", "[link to the article]"). */
const OPENS = String.raw`(?:insert|fill(?:\s+in)?|fill-in|paste|link\s+to|url\s+(?:of|to|for))`;
/** ... or close it ("[order number]", "[customer name]", "[date]"). */
const CLOSES = String.raw`(?:name|first\s+name|date|time|number|no\.|link|url|e-?mail(?:\s+address)?|address|amount|price|id|here|details|signature|phone(?:\s+number)?)`;
/** ... or are the whole of it ("[TODO]", "[TBD]", "[...]"). */
const WHOLE = String.raw`(?:todo|tbd|tbc|xxx+|fixme|placeholder|\.\.\.|…|\?\?\?+)`;

/** Button and menu labels in brackets ("Press [Edit Details]", "[Change Email]") are not gaps. */
export const UI_LABEL = /^\s*(?:change|edit|update|view|show|hide|add|save|set|reset|manage|select|choose|verify|confirm|send|resend|copy|download|open|go\s+to|click|submit|delete|remove|enter|my|account)\b/i;

/** The inside of a square-bracket fill-in: up to six words, matched as a whole. */
export const BRACKET_FILL_IN = new RegExp(String.raw`^\s*(?:${WHOLE}|${OPENS}\b[^\[\]]*|[^\[\]]*\b${CLOSES})\s*$`, 'i');
/** The inside of an angle-bracket fill-in: needs words an HTML tag never has ("<fill in>", "<customer name>"). */
export const ANGLE_FILL_IN = new RegExp(String.raw`^\s*(?:${WHOLE}|(?:insert|add|enter|fill(?:\s+in)?|fill-in|put|type|paste|your|customer(?:'s|’s)?|agent(?:'s|’s)?)\s[^<>]*|[^<>]*\s(?:name|date|number|link|url|e-?mail|details|here))\s*$`, 'i');

/** Bare markers an author leaves: upper case only, so "todo list" and "xxx" in a word never count. */
export const BARE_MARKERS = ['TODO', 'FIXME', 'TBD', 'XXX'];
export const BARE_MARKER = new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${BARE_MARKERS.join('|')})(?![\p{L}\p{N}_])`, 'gu');
/**
 * Capitals, alone or in pairs, of which every bare marker holds one: a text with none has no
 * marker, and native searches for rare capitals tell it faster than any pattern. Not a lone "D":
 * every "Dear" holds one, and a fifth of macros were read with the pattern for nothing (the tests
 * check the list).
 */
export const BARE_MARKER_HINTS = ['X', 'DO', 'BD'];

export const MAX_FILL_IN_WORDS = 6;

/** Texts the rule must flag, and texts it must leave alone, run as tests. */
export const unfilledExamples = {
  flagged: [
    { text: 'I apologize for [[what went wrong]].', match: '[[what went wrong]]' },
    { text: 'Hi [customer name], your refund is on its way.', match: '[customer name]' },
    { text: 'Your replacement ships on [INSERT DATE].', match: '[INSERT DATE]' },
    { text: 'Thanks, <fill in>', match: '<fill in>' },
    { text: 'TODO: add the returns address.', match: 'TODO' },
    { text: 'Your tracking number is XXX.', match: 'XXX' },
  ],
  clean: [
    'Read the [returns guide](https://example.com/returns) before you send it back.',
    'See the [returns guide][returns] for the steps.\n\n[returns]: https://example.com/returns',
    '- [x] Order received\n- [ ] Order shipped',
    'Your order {{order.number}} ships today.',
    'Run `[[ -f config ]]` in the terminal.',
    'Here is my todo list for the week.',
    'Press <kbd>Enter</kbd> to send.',
    'Press [Enter], then choose [Add to cart] or [Edit Details].',
    'Answer [yes or no] on the form.',
  ],
};
