// Hover text for a rule: the guide's reason, a bad and a better example, and
// where to read more. Plain Markdown, no editor types: the server passes it
// on as MarkupContent and may give the docs page's link.

import type { Rule } from './rule';

/** The first one or two sentences of a guide quote, so a hover stays short. */
export function shortReason(quote: string, maxSentences = 2): string {
  // An ellipsis inside a quote joins two cut parts; it does not end a sentence.
  const sentences = quote.match(/[^.!?]+(?:[.!?]+["'”’)]*|$)\s*/g) ?? [quote];
  let reason = '';
  for (const sentence of sentences.slice(0, maxSentences)) {
    if (reason && reason.length + sentence.length > 300) break;
    reason += sentence;
  }
  return reason.trim() || quote.trim();
}

/** A fenced block that can hold any example text (it never closes early). */
function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/** Markdown describing a rule for a hover: why (the guide), bad -> better, and the docs page. */
export function describeRule(rule: Rule, docsLink?: string): string {
  const page = `${rule.id}.md`;
  const more = docsLink ? `[${page}](${docsLink})` : `\`docs/rules/${page}\``;
  return [
    `**${rule.id}**: ${rule.description}`,
    `> ${shortReason(rule.why.quote).replace(/\n+/g, ' ')}\n>\n> — guide \`${rule.why.source}\``,
    `Instead of:\n\n${fenced(rule.example.bad)}`,
    `Better:\n\n${fenced(rule.example.better)}`,
    `More: ${more}`,
  ].join('\n\n');
}
