import type { Rule, RuleContext } from './support/rule';
import type { MacroDocument, MacroUnit, Placeholder, Variant } from '../document/model';
import { isCustomerNamePath, DEFAULT_NAME_PLACEHOLDER, GENERIC_ADDRESSEE, GREETING_WORDS, UPSET_SIGNALS, UPSET_TITLE } from '../phrases/missing-name';
import { detectEol } from '../text';
import type { Fix } from '../types';
import { factsOf, lastAnswered, sentenceFact } from './support/memo';
import { placeholdersWithin } from './support/where';
import { isNoticeReply } from './missing-acknowledgement';

/**
 * Whether the macro answers an upset customer: its front matter, its title, or
 * complaint words. An automated notice ("This is an automated message") speaks
 * to no one in particular, as missing-acknowledgement also decides.
 */
export function answersUpsetCustomer(unit: MacroUnit, variant: Variant): boolean {
  if (unit.meta.informational) return false;
  if (unit.meta.complaint) return true;
  if (isNoticeReply(variant)) return false;
  if (unit.title !== undefined && titleShowsUpset(unit.title)) return true;
  return factsOf(variant.sentences).some(showsUpset);
}

const showsUpset = sentenceFact((text: string) => UPSET_SIGNALS.test(text));

// What depends on the macro alone is found once for all its variants.
/** The macro's title shows an upset customer. */
const titleShowsUpset = lastAnswered((title: string) => UPSET_TITLE.test(title));
/** The placeholders of the macro that stand for the customer's name. */
const namePlaceholdersOf = lastAnswered((unit: MacroUnit, doc: MacroDocument): Placeholder[] => placeholdersWithin(doc, unit).filter((p) => isCustomerNamePath(p.path)));

/** A greeting with a written-out name ("Dear Ms Lee,") already names the customer. */
const greetingNamesCustomer = sentenceFact((text: string): boolean => {
  const words = GREETING_WORDS.exec(text);
  if (!words) return false;
  const rest = text.slice(words[0].length);
  return !GENERIC_ADDRESSEE.test(rest) && /^[ \t]+\p{Lu}\p{Ll}/u.test(rest);
});

/**
 * The placeholder the team greets customers with: the setting, the one the file
 * uses, or the default. The default is a guess at the help desk's syntax, so a
 * fix built on it is never applied unattended.
 */
export function namePlaceholderFor(context: RuleContext): { placeholder: string; guessed: boolean } {
  if (context.settings.namePlaceholder?.trim()) return { placeholder: context.settings.namePlaceholder.trim(), guessed: false };
  const used = context.doc.placeholders.find((p) => isCustomerNamePath(p.path));
  return used ? { placeholder: used.raw, guessed: false } : { placeholder: DEFAULT_NAME_PLACEHOLDER, guessed: true };
}

export const missingName: Rule = {
  id: 'missing-name',
  description: "A reply to an upset customer that never uses the customer's name.",
  defaultSeverity: 'info',
  fixable: true,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    quote: "It's also good practice to use the customers name in a difficult situation",
  },
  example: {
    bad: "Hi,\n\nI'm sorry to hear your order arrived damaged.",
    better: "Hi {{customer.first_name}},\n\nI'm sorry to hear your order arrived damaged.",
  },

  checkVariant(variant, unit, context) {
    if (variant.sentences.length === 0 || !answersUpsetCustomer(unit, variant)) return undefined;
    if (usesName(variant, unit, context)) return undefined;
    const { placeholder: name, guessed } = namePlaceholderFor(context);
    const what = unit.title ? `"${unit.title}" answers an upset customer` : 'This reply answers an upset customer';
    return {
      start: unit.anchor.start,
      end: unit.anchor.end,
      message: `${what} but never uses their name. Greet them by name: "Hi ${name},".`,
      fixes: () => [{ ...addName(unit, context.doc, name), needsInput: guessed }],
    };
  },
};

function usesName(variant: Variant, unit: MacroUnit, context: RuleContext): boolean {
  const { doc, settings } = context;
  // Plain loops, no closures: this runs for every variant of every macro.
  for (const placeholder of namePlaceholdersOf(unit, doc)) if (renders(variant, placeholder.start)) return true;
  const own = settings.namePlaceholder?.trim();
  if (own) {
    for (let at = doc.text.indexOf(own, unit.start); at >= 0 && at < unit.end; at = doc.text.indexOf(own, at + 1)) {
      if (renders(variant, at)) return true;
    }
  }
  const greeting = unit.greeting;
  return greeting !== undefined && greetingNamesCustomer.of(greeting) && variant.sentences.includes(greeting);
}

/** Whether a variant renders the text at `at`: one of its sentences holds it. */
function renders(variant: Variant, at: number): boolean {
  for (const sentence of variant.sentences) if (at >= sentence.start && at < sentence.end) return true;
  return false;
}

/** Puts the name into the greeting ("Hi," -> "Hi {{…}},"), or opens the macro with a greeting. */
function addName(unit: MacroUnit, doc: MacroDocument, name: string): Fix {
  const text = doc.text;
  const greeting = unit.greeting;
  const words = greeting ? GREETING_WORDS.exec(text.slice(greeting.start, greeting.end)) : null;
  if (greeting && words) {
    const wordEnd = greeting.start + words[0].length;
    const generic = GENERIC_ADDRESSEE.exec(text.slice(wordEnd, greeting.end));
    return {
      title: `Greet the customer by name: "${words[0]} ${name}"`,
      preferred: true,
      edits: [{ start: wordEnd, end: wordEnd + (generic ? generic[0].length : 0), newText: ` ${name}` }],
    };
  }
  const first = unit.sentences[0];
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  const at = Math.max(lineStart, unit.start);
  const eol = detectEol(text);
  return { title: `Open with a greeting by name: "Hi ${name},"`, preferred: true, edits: [{ start: at, end: at, newText: `Hi ${name},${eol}${eol}` }] };
}
