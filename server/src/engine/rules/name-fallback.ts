// A customer-name placeholder with no fallback renders "Hi ," when the help
// desk has no name on file. The fix adds the platform's own fallback syntax;
// where the syntax does not say which platform it is (plain {{…}}), the
// alternatives are offered and none is preferred, so nothing is applied
// unattended to the wrong platform.

import type { Rule, Report } from './support/rule';
import type { BranchBlock, MacroDocument, Placeholder, PlaceholderSyntax } from '../document/model';
import type { Fix, Settings } from '../types';
import { isCustomerNamePath } from '../phrases/missing-name';
import { oneLine } from '../text';

export const NAME_FALLBACK = 'there';

/**
 * Syntaxes whose platforms can give a placeholder a fallback. osTicket's %{…}, Salesforce's
 * {!…} and the like cannot in the template itself, so a finding there could not be acted on.
 */
const FALLBACK_SYNTAXES = new Set<PlaceholderSyntax>(['mustache', 'triple', 'liquid-output', 'intercom', 'helpscout']);

const NAME_FIELD = /name|^first$|^given$/i;

function lastSegment(path: string): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const c = path.charCodeAt(i);
    if (c === 46 /* . */ || c === 62 /* > */ || c === 45 /* - */) return path.slice(i + 1);
  }
  return path;
}

/** The customer's name: the team's own placeholder, or a name field of the customer (shared with missing-name). */
export function isCustomerName(placeholder: Placeholder, settings: Settings): boolean {
  const own = settings.namePlaceholder?.replace(/\s+/g, '');
  if (own && placeholder.raw.replace(/\s+/g, '') === own) return true;
  // A name field, not the person object or a handle ({{author}}, {{user}}).
  return isCustomerNamePath(placeholder.path) && NAME_FIELD.test(lastSegment(placeholder.path));
}

/**
 * Whether placeholders sit inside an {{#if}} / {% if %} (or a with) that tests the same field. Asked
 * in text order, it walks the blocks in text order beside them: a library file has thousands of both.
 */
class Guards {
  private readonly blocks: BranchBlock[];
  private next = 0;
  /** The blocks that started at or before the last placeholder asked about and had not ended. */
  private open: BranchBlock[] = [];

  constructor(private readonly doc: MacroDocument) {
    this.blocks = doc.blocks.filter((block) => block.helper === 'if' || block.helper === 'with').sort((a, b) => a.start - b.start);
  }

  guard(placeholder: Placeholder): boolean {
    while (this.next < this.blocks.length && this.blocks[this.next].start <= placeholder.start) this.open.push(this.blocks[this.next++]);
    this.open = this.open.filter((block) => block.end > placeholder.start);
    const text = this.doc.text;
    return this.open.some(
      (block) =>
        placeholder.end <= block.end &&
        text.slice(block.branches[0].tag.start, block.branches[0].tag.end).includes(placeholder.path) &&
        placeholder.start >= block.branches[0].content.start &&
        placeholder.end <= block.branches[0].content.end,
    );
  }
}

/** The sentence as it reads with the name empty, e.g. "Hi ,". */
function emptied(text: string, placeholder: Placeholder, sentence: { start: number; end: number } | undefined): string {
  if (!sentence) return 'Hi ,';
  // At most 30 characters either side (a bounded slice: a huge sentence costs no more).
  const from = Math.max(sentence.start, placeholder.start - 30);
  const to = Math.min(sentence.end, placeholder.end + 30);
  const before = oneLine(text.slice(from, placeholder.start));
  const after = oneLine(text.slice(placeholder.end, to));
  const reads = `${from > sentence.start ? '…' : ''}${before}${after}${to < sentence.end ? '…' : ''}`;
  return reads.trim() || 'Hi ,';
}

function fixesFor(placeholder: Placeholder): Fix[] {
  const { start, end, raw, path } = placeholder;
  // A fix is applied unattended (fix-all, --fix) only where the syntax names the platform; the
  // alternatives for plain {{…}} need the author's choice (needsInput), so none is applied blindly.
  const replace = (title: string, newText: string, preferred = false): Fix => ({ title, preferred: preferred || undefined, needsInput: preferred ? undefined : true, edits: [{ start, end, newText }] });
  switch (placeholder.syntax) {
    case 'liquid-output':
      return [replace(`Add a Liquid fallback: | default: "${NAME_FALLBACK}"`, raw.replace(/\s*(-?\}\})$/, ` | default: "${NAME_FALLBACK}" $1`), true)];
    case 'helpscout':
      return [replace(`Add a Help Scout fallback: ,fallback=${NAME_FALLBACK}`, raw.replace(/\s*(-?%\})$/, `,fallback=${NAME_FALLBACK}$1`), true)];
    case 'mustache':
    case 'triple': {
      // Plain {{…}} does not say which help desk renders it (Zendesk and Freshdesk read Liquid,
      // Intercom its own filters, Handlebars block helpers): the alternatives, none preferred.
      const handlebars = replace(`Wrap in {{#if ${path}}} … {{else}}${NAME_FALLBACK}{{/if}} (Handlebars)`, `{{#if ${path}}}${raw}{{else}}${NAME_FALLBACK}{{/if}}`);
      if (placeholder.syntax === 'triple') return [handlebars];
      const inner = raw.slice(2, -2).trim();
      return [
        handlebars,
        replace(`Add an Intercom fallback: |fallback:"${NAME_FALLBACK}"`, `{{${inner}|fallback:"${NAME_FALLBACK}"}}`),
        replace(`Add a Liquid fallback: | default: "${NAME_FALLBACK}" (Zendesk, Freshdesk)`, `{{${inner} | default: "${NAME_FALLBACK}"}}`),
      ];
    }
    default:
      return [];
  }
}

export const nameFallback: Rule = {
  id: 'name-fallback',
  description: 'A customer-name placeholder without a fallback, which renders "Hi ," when the name is empty.',
  defaultSeverity: 'info',
  fixable: true,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    quote: "It's also good practice to use the customers name in a difficult situation.",
  },
  example: { bad: 'Hi {{customer.first_name}},', better: 'Hi {{customer.first_name | default: "there"}},' },

  checkDocument({ doc, settings }) {
    const reports: Report[] = [];
    let sentenceIndex = 0;
    let guards: Guards | undefined;
    for (const placeholder of doc.placeholders) {
      // Only placeholders the customer reads (not in code, quotes or front matter).
      if (placeholder.fallback !== undefined || doc.prose.charCodeAt(placeholder.start) !== 88 /* X */) continue;
      if (!FALLBACK_SYNTAXES.has(placeholder.syntax) || !isCustomerName(placeholder, settings)) continue;
      if ((guards ??= new Guards(doc)).guard(placeholder)) continue;
      // Placeholders and sentences are both in text order: one pointer finds the sentence.
      while (sentenceIndex < doc.sentences.length && doc.sentences[sentenceIndex].end <= placeholder.start) sentenceIndex++;
      const sentence = doc.sentences[sentenceIndex];
      const inSentence = sentence && sentence.start <= placeholder.start ? sentence : undefined;
      reports.push({
        start: placeholder.start,
        end: placeholder.end,
        message: `${placeholder.raw} has no fallback: when the customer's name is empty the reply reads "${emptied(doc.text, placeholder, inSentence)}". Add a fallback such as "${NAME_FALLBACK}".`,
        fixes: () => fixesFor(placeholder),
      });
    }
    return reports;
  },
};
