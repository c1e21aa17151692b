// A customer-name placeholder with no fallback renders "Hi ," when the help
// desk has no name on file. The fix adds the platform's own fallback syntax;
// where the syntax does not say which platform it is (plain {{…}}), the
// alternatives are offered and none is preferred, so nothing is applied
// unattended to the wrong platform.

import type { Rule, Report } from './rule';
import type { MacroDocument, Placeholder, PlaceholderSyntax } from '../document/model';
import type { Fix, Settings } from '../types';

export const NAME_FALLBACK = 'there';

/**
 * Syntaxes whose platforms can give a placeholder a fallback. osTicket's %{…}, Salesforce's
 * {!…} and the like cannot in the template itself, so a finding there could not be acted on.
 */
const FALLBACK_SYNTAXES = new Set<PlaceholderSyntax>(['mustache', 'triple', 'liquid-output', 'intercom', 'helpscout']);

/** Fields that are a person's name wherever they sit (unless the person is the agent). */
const PERSONAL_NAME = /^(?:first_?name|firstname|given_?name|full_?name|fullname)$/i;
/** Fields that are a name only on a person: ticket.requester.name, but not ticket.dept.name. */
const ANY_NAME = /^(?:name|display_?name|nickname|first)$/i;
const PERSON = /^(?:customer|user|requester|contact|recipient|client|visitor|lead|person|member|end_?user|subscriber|buyer|shopper|guest|reporter|from|name)$/i;
/** Placeholders of the agent, the team or the company, not the customer. */
const NOT_CUSTOMER = /^(?:current_user|agent|assignee|staff|sender|teammate|admin|company|organization|organisation|brand|account|mailbox|satisfaction|ticket\.assignee|ticket\.organization|ticket\.group|ticket\.brand|owner)\b/i;

export function isCustomerName(placeholder: Placeholder, settings: Settings): boolean {
  if (settings.namePlaceholder && placeholder.raw.replace(/\s+/g, '') === settings.namePlaceholder.replace(/\s+/g, '')) return true;
  const path = placeholder.path;
  if (NOT_CUSTOMER.test(path)) return false;
  const segments = path.split('.');
  const last = segments[segments.length - 1];
  if (PERSONAL_NAME.test(last)) return true;
  if (!ANY_NAME.test(last)) return false;
  if (segments.length === 1) return last.toLowerCase() !== 'first';
  return PERSON.test(segments[segments.length - 2]);
}

/** Whether the placeholder sits inside an {{#if}} / {% if %} that tests the same field. */
function isGuarded(doc: MacroDocument, placeholder: Placeholder): boolean {
  return doc.blocks.some(
    (block) =>
      block.start <= placeholder.start &&
      placeholder.end <= block.end &&
      (block.helper === 'if' || block.helper === 'with') &&
      doc.text.slice(block.branches[0].tag.start, block.branches[0].tag.end).includes(placeholder.path) &&
      placeholder.start >= block.branches[0].content.start &&
      placeholder.end <= block.branches[0].content.end,
  );
}

function fixesFor(placeholder: Placeholder, doc: MacroDocument): Fix[] {
  const { start, end, raw, path } = placeholder;
  const replace = (title: string, newText: string, preferred = false): Fix => ({ title, preferred: preferred || undefined, edits: [{ start, end, newText }] });
  switch (placeholder.syntax) {
    case 'liquid-output':
      return [replace(`Add a Liquid fallback: | default: "${NAME_FALLBACK}"`, raw.replace(/\s*(-?\}\})$/, ` | default: "${NAME_FALLBACK}" $1`), true)];
    case 'helpscout':
      return [replace(`Add a Help Scout fallback: ,fallback=${NAME_FALLBACK}`, raw.replace(/\s*(-?%\})$/, `,fallback=${NAME_FALLBACK}$1`), true)];
    case 'mustache':
    case 'triple': {
      const handlebars = replace(`Wrap in {{#if ${path}}} … {{else}}${NAME_FALLBACK}{{/if}} (Handlebars)`, `{{#if ${path}}}${raw}{{else}}${NAME_FALLBACK}{{/if}}`, doc.language === 'handlebars');
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
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    quote: "It's also good practice to use the customers name in a difficult situation.",
  },
  example: { bad: 'Hi {{customer.first_name}},', better: 'Hi {{customer.first_name | default: "there"}},' },

  checkDocument({ doc, settings }) {
    const reports: Report[] = [];
    for (const placeholder of doc.placeholders) {
      if (placeholder.fallback !== undefined || !FALLBACK_SYNTAXES.has(placeholder.syntax) || !isCustomerName(placeholder, settings)) continue;
      // Only placeholders the customer reads (not in code, quotes or front matter).
      if (doc.prose.charCodeAt(placeholder.start) !== 88 /* X */) continue;
      if (isGuarded(doc, placeholder)) continue;
      reports.push({
        start: placeholder.start,
        end: placeholder.end,
        message: `${placeholder.raw} has no fallback: when the customer's name is empty the reply reads "Hi ,". Add a fallback such as "${NAME_FALLBACK}".`,
        fixes: fixesFor(placeholder, doc),
      });
    }
    return reports;
  },
};
