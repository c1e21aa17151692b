import type { Report, Rule } from './support/rule';
import type { MacroDocument } from '../document/model';
import { FILL_IN_PATTERN } from '../fill-in';
import { ANGLE_FILL_IN, BARE_MARKER, BARE_MARKER_HINTS, BRACKET_FILL_IN, MAX_FILL_IN_WORDS, UI_LABEL } from '../phrases/unfilled-placeholder';
import { countWords } from '../text';

const FILL_IN = new RegExp(FILL_IN_PATTERN.source, 'g');
const BRACKETED = /\[([^\[\]\r\n]{1,80})\](?![\[(:\]])/g;
/** An angle-bracket gap, tried at each "<" (found with indexOf, which is several times faster than a global pattern's scan). */
const ANGLED_AT = /<([^<>\r\n]{1,60})>/y;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** Every marker BARE_MARKER finds is in the original text too: most texts have none. */
function mayHaveMarker(text: string): boolean {
  for (const hint of BARE_MARKER_HINTS) if (text.includes(hint)) return true;
  return false;
}

export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  description: 'A gap left to fill in: a fix\'s [[…]] fill-in, "[customer name]", "[INSERT DATE]", "<fill in>", TODO or XXX.',
  defaultSeverity: 'error',
  fixable: false,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    quote: "Obviously this has to be a genuine response, the customer will realize if you're insincere and they'll feel patronized.",
  },
  example: {
    bad: 'Hi [customer name], your replacement ships on [INSERT DATE].',
    better: 'Hi {{customer.first_name}}, your replacement ships on Friday.',
  },

  checkDocument({ doc }) {
    const reports: Report[] = [];
    const text = doc.text;
    const seen = new Set<number>();
    const report = (start: number, end: number, message: string) => {
      if (seen.has(start)) return;
      seen.add(start);
      reports.push({ start, end, message });
    };

    // Each pass runs only when the text has the character its matches start with. Bracketed gaps
    // must be prose, so the prose must hold a bracket: in most macros only links have them, and
    // the model hides those.
    const hasBracket = doc.prose.includes('[');
    // Fill-ins a fix left: the brackets are prose (not code, a comment or a template expression).
    let m: RegExpExecArray | null;
    if (hasBracket && doc.prose.includes('[[')) for (FILL_IN.lastIndex = 0; (m = FILL_IN.exec(text)); ) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isProse(doc, start, 2) || !isProse(doc, end - 2, 2)) continue;
      report(start, end, `The fill-in "${m[0]}" is still here: replace it with your own words before the macro is used.`);
    }

    // [customer name], [INSERT DATE]: square brackets whose words name a gap, and that are not links.
    let references: Set<string> | undefined;
    if (hasBracket) for (BRACKETED.lastIndex = 0; (m = BRACKETED.exec(text)); ) {
      const start = m.index;
      const end = start + m[0].length;
      if (text.charAt(start - 1) === '[' || text.charAt(start - 1) === '\\' || text.charAt(start - 1) === '!') continue;
      const inside = m[1];
      if (!BRACKET_FILL_IN.test(inside) || countWords(inside) > MAX_FILL_IN_WORDS || UI_LABEL.test(inside)) continue;
      if (!isProse(doc, start, 1) || !isProse(doc, end - 1, 1)) continue;
      if ((references ??= referenceLabels(text)).has(normalizeLabel(inside))) continue;
      report(start, end, `"${m[0]}" looks like a gap left to fill in. Write the words, or use a placeholder the help desk fills (e.g. {{customer.first_name}}).`);
    }

    // <fill in>, <customer name>: the HTML scanner hides these as tags, so check where they sit instead.
    let comments: Array<{ start: number; end: number }> | undefined;
    for (let at = text.indexOf('<'); at >= 0; ) {
      ANGLED_AT.lastIndex = at;
      m = ANGLED_AT.exec(text);
      if (!m) {
        at = text.indexOf('<', at + 1);
        continue;
      }
      const start = at;
      const end = start + m[0].length;
      at = text.indexOf('<', end);
      if (!ANGLE_FILL_IN.test(m[1]) || countWords(m[1]) > MAX_FILL_IN_WORDS) continue;
      comments ??= [...text.matchAll(HTML_COMMENT)].map((c) => ({ start: c.index!, end: c.index! + c[0].length }));
      if (comments.some((c) => start >= c.start && start < c.end) || !onProseLine(doc, start, end)) continue;
      report(start, end, `"${m[0]}" looks like a gap left to fill in. Write the words, or use a placeholder the help desk fills (e.g. {{customer.first_name}}).`);
    }

    // TODO, FIXME, TBD, XXX written in the prose itself (not a masked placeholder or code).
    if (mayHaveMarker(text)) for (BARE_MARKER.lastIndex = 0; (m = BARE_MARKER.exec(doc.prose)); ) {
      const start = m.index;
      const end = start + m[0].length;
      if (text.slice(start, end) !== m[0] || !isProse(doc, start, m[0].length)) continue;
      report(start, end, `"${m[0]}" marks unfinished text. Finish it before the macro is used.`);
    }
    return reports.sort((a, b) => a.start - b.start);
  },
};

/** Whether text[at, at + length) is the agent's prose, unmasked (not code, a comment, a tag or a URL). */
function isProse(doc: MacroDocument, at: number, length: number): boolean {
  if (doc.frontMatter && at >= doc.frontMatter.range.start && at < doc.frontMatter.range.end) return false;
  return doc.prose.slice(at, at + length) === doc.text.slice(at, at + length);
}

/**
 * For text the model hides as inline HTML: the line must have prose left (so it is
 * not code, a heading or a quote) and the match must not sit in a code span.
 */
function onProseLine(doc: MacroDocument, start: number, end: number): boolean {
  const text = doc.text;
  if (doc.frontMatter && start >= doc.frontMatter.range.start && start < doc.frontMatter.range.end) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  if (doc.prose.slice(lineStart, lineEnd).trim() === '') return false;
  for (const span of text.slice(lineStart, lineEnd).matchAll(/(`+)[^`]*?\1/g)) {
    const spanStart = lineStart + span.index!;
    if (start >= spanStart && start < spanStart + span[0].length) return false;
  }
  // Inside a template expression ({{#if (eq a "<x y>")}}) the model hides it as a tag too.
  const before = text.slice(lineStart, start);
  if (before.lastIndexOf('{{') > before.lastIndexOf('}}') || before.lastIndexOf('{%') > before.lastIndexOf('%}')) return false;
  return true;
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Labels of reference-link definitions ("[returns]: https://…"): "[returns]" elsewhere is a link. */
function referenceLabels(text: string): Set<string> {
  return new Set([...text.matchAll(/^ {0,3}\[([^\]\r\n]+)\]:/gm)].map((m) => normalizeLabel(m[1])));
}
