// Proves the fast scanner against a real CommonMark parser (commonmark.js):
// over the spec examples and our own fixtures, the text the mask leaves as
// prose equals the text commonmark.js renders as text nodes outside code,
// HTML, block quotes, headings and images (link destinations are not text
// nodes; autolinks read as values). Compared modulo white space, emphasis
// delimiters (* _ ~) and the length of value words.
//
// Deliberate differences, excluded here and documented in markdown.ts:
// - entity references (&amp; &#42;) stay as written in the prose;
// - an e-mail autolink with a backslash escape (spec example 606) is not an autolink to us.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import spec from 'commonmark-spec';
import { referenceProse, scannerProse } from './commonmark-reference';

interface SpecExample {
  markdown: string;
  section: string;
  number: number;
}

const DELIBERATE_SECTIONS = new Set(['Entity and numeric character references']);
const DELIBERATE_EXAMPLES = new Set([606]);

const examples: SpecExample[] = spec.tests.filter(
  (example) => !DELIBERATE_SECTIONS.has(example.section) && !DELIBERATE_EXAMPLES.has(example.number),
);

test('covers the spec sections of the constructs that matter', () => {
  const sections = new Set(examples.map((e) => e.section));
  for (const section of ['Tabs', 'Backslash escapes', 'Thematic breaks', 'ATX headings', 'Setext headings', 'Indented code blocks', 'Fenced code blocks', 'HTML blocks', 'Link reference definitions', 'Paragraphs', 'Block quotes', 'List items', 'Lists', 'Code spans', 'Emphasis and strong emphasis', 'Links', 'Images', 'Autolinks', 'Raw HTML', 'Hard line breaks', 'Soft line breaks']) {
    assert.ok(sections.has(section), section);
  }
  assert.ok(examples.length > 600);
});

test('every CommonMark spec example: the mask leaves exactly the text commonmark.js renders as prose', () => {
  const mismatches: string[] = [];
  for (const example of examples) {
    const expected = referenceProse(example.markdown);
    const actual = scannerProse(example.markdown);
    if (expected !== actual) mismatches.push(`#${example.number} (${example.section}) ${JSON.stringify(example.markdown)}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
  }
  assert.deepEqual(mismatches, []);
});

test('the same holds on our own fixtures, with CRLF line ends too', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'document');
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    assert.equal(scannerProse(text), referenceProse(text), name);
    const crlf = text.replace(/\r?\n/g, '\r\n');
    assert.equal(scannerProse(crlf), referenceProse(crlf), `${name} (CRLF)`);
  }
});

test('the differential check itself notices a difference', () => {
  assert.notEqual(scannerProse('Hi `code` there'), referenceProse('Hi code there'));
  assert.notEqual(referenceProse('> quoted'), referenceProse('quoted'));
});
