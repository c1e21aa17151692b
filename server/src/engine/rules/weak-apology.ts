import type { Rule, Report, RuleContext } from './rule';
import type { Sentence, Variant } from '../document/model';
import type { Fix } from '../types';
import { APOLOGY_WORD, FULL_APOLOGY, PROMISED_APOLOGY, weakApologyPhrases, type ApologyPhrase } from '../phrases/weak-apology';
import { capitalize, matchCase } from '../text';

const compiled = weakApologyPhrases.map((phrase) => ({ phrase, regex: new RegExp(phrase.pattern, 'i') }));
const MAYBE = /sorry|apolog/i;

export const weakApology: Rule = {
  id: 'weak-apology',
  description: 'Throwaway, conditional or stock apologies, and more than one apology in a reply.',
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    quote:
      'Sorry is an overused word, everyone says it when something goes wrong and it\'s lost its value. … Far better to say "I apologize for ......" And if you really need to use the sorry word, make sure to include it as part of a full sentence.',
  },
  example: { bad: "Sorry 'bout that, give me the details and I'll sort this out for you.", better: "I apologize for the mix-up. Give me the details and I'll sort this out for you." },

  checkSentence(sentence, context) {
    if (!MAYBE.test(sentence.text)) return undefined;
    for (const { phrase, regex } of compiled) {
      const m = regex.exec(sentence.text);
      if (!m) continue;
      const trimmed = m[0].replace(/[\s,]+$/, '');
      const start = sentence.start + m.index;
      const end = start + trimmed.length;
      return {
        start,
        end,
        message: phrase.message.replace('{match}', context.doc.text.slice(start, end).replace(/\s+/g, ' ')),
        fixes: fixesFor(phrase, sentence, m.index, m[0].length, context),
      };
    }
    return undefined;
  },

  checkVariant(variant: Variant) {
    const apologies = variant.sentences.filter((s) => APOLOGY_WORD.test(s.text));
    if (apologies.length < 2) return undefined;
    // A sentence already flagged for its wording is not flagged again for being one more apology.
    const repeated = apologies.slice(1).filter((s) => !compiled.some(({ regex }) => regex.test(s.text)));
    return repeated.map<Report>((s) => {
      const m = APOLOGY_WORD.exec(s.text)!;
      return {
        start: s.start + m.index,
        end: s.start + m.index + m[0].length,
        message: `This reply apologizes ${apologies.length} times. One sincere apology that names what went wrong is enough.`,
      };
    });
  },
};

function fixesFor(phrase: ApologyPhrase, sentence: Sentence, index: number, length: number, context: RuleContext): Fix[] {
  const text = context.doc.text;
  const start = sentence.start + index;
  const end = start + length;
  const original = text.slice(start, end);
  // The words of the sentence after the match, from the original text (placeholders intact).
  const rest = text.slice(end, sentence.end);
  switch (phrase.fix) {
    case 'keep-object': {
      const object = rest.replace(/[.!…\s]+$/, '');
      const closing = /[!]$/.test(rest.trim()) ? '!' : '.';
      return [{ title: `Rewrite as "I apologize for ${shorten(object)}${closing}"`, preferred: true, edits: [{ start, end: sentence.end, newText: `I apologize for ${object}${closing}` }] }];
    }
    case 'sorry-that': {
      return [{ title: 'Rewrite as "I\'m sorry that …"', preferred: true, edits: [{ start, end, newText: "I'm sorry that " }, ...lowerFirst(text, end)] }];
    }
    case 'drop-condition': {
      const words = rest.trim().split(/\s+/).filter(Boolean);
      if (words.length >= 2) {
        const kept = original.replace(/\s+if\s+[\s\S]*$/i, ' ');
        return [{ title: `Rewrite as "${kept.trim()} ${shorten(rest.trim())}"`, preferred: true, edits: [{ start, end, newText: kept }] }];
      }
      return sentenceReplacements(sentence, start, end, context);
    }
    case 'full-apology':
    default:
      return sentenceReplacements(sentence, start, end, context);
  }
}

/** Replace the match with the full apology; the rest of the sentence, if any, becomes its own sentence. */
function sentenceReplacements(sentence: Sentence, start: number, end: number, context: RuleContext): Fix[] {
  const text = context.doc.text;
  const rest = text.slice(end, sentence.end).replace(/^[\s,;:!.…-]+/, '');
  const restStart = sentence.end - rest.length;
  const build = (apology: string, title: string, preferred: boolean): Fix => {
    if (rest.trim() === '') {
      return { title, preferred, edits: [{ start, end: sentence.end, newText: `${apology}.` }] };
    }
    return {
      title,
      preferred,
      edits: [
        { start, end: restStart, newText: `${apology}. ` },
        ...(rest.charAt(0) !== rest.charAt(0).toUpperCase() ? [{ start: restStart, end: restStart + 1, newText: capitalize(rest.charAt(0)) }] : []),
      ],
    };
  };
  const name = namePlaceholder(context);
  const promised = name ? `${PROMISED_APOLOGY}, ${name}` : PROMISED_APOLOGY;
  return [
    build(matchCase(text.slice(start, end), FULL_APOLOGY), 'Apologize for what went wrong: "I apologize for …"', true),
    build(promised, 'Apologize for the broken promise: "I\'m sorry you haven\'t received … as promised"', false),
  ];
}

function lowerFirst(text: string, at: number) {
  const ch = text.charAt(at);
  // Keep "I" and proper-looking words; lower a capital that only started the sentence.
  if (ch && ch !== ch.toLowerCase() && !/^I\b/.test(text.slice(at)) && /^[A-Z][a-z]/.test(text.slice(at, at + 2))) {
    return [{ start: at, end: at + 1, newText: ch.toLowerCase() }];
  }
  return [];
}

function namePlaceholder(context: RuleContext): string | undefined {
  if (context.settings.namePlaceholder) return context.settings.namePlaceholder;
  const used = context.doc.placeholders.find((p) => /(?:first_?name|firstname|\bname)$/i.test(p.path));
  return used?.raw;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
