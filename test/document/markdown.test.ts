import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse, proseWords, sentencesOf } from './support';

test('the prose is the same length as the text, line breaks in place', () => {
  const text = '---\r\ntitle: A\r\n---\r\n# Head\r\n\r\nHi there,\r\n\r\n```\r\ncode\r\n```\r\n> quoted\r\n';
  const { prose } = parse(text);
  assert.equal(prose.length, text.length);
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') assert.equal(prose[i], text[i]);
});

test('front matter is not prose; it describes the macro', () => {
  const text = '---\ntitle: Late parcel\ntags: [shipping, delay]\nrapport:\n  informational: true\n---\nYour parcel ships today.\n';
  const doc = parse(text);
  assert.deepEqual(proseWords(text), ['Your', 'parcel', 'ships', 'today.']);
  assert.equal(doc.units[0].meta.title, 'Late parcel');
  assert.deepEqual(doc.units[0].meta.tags, ['shipping', 'delay']);
  assert.equal(doc.units[0].meta.informational, true);
  assert.deepEqual(doc.frontMatter?.range, { start: 0, end: text.indexOf('Your') - 1 });
});

test('broken front matter is a problem of its own, and the body is still read', () => {
  const text = '---\ntitle: [unclosed\n---\nSorry about that.\n';
  const doc = parse(text);
  assert.equal(doc.problems.length, 1);
  assert.match(doc.problems[0].message, /front matter/);
  assert.deepEqual(sentencesOf(text), [['Sorry about that.', text.indexOf('Sorry')]]);
});

test('fenced, indented and inline code are not prose', () => {
  const text = 'Run this:\n\n```sh\nsorry --force\n```\n\n~~~\nsorry\n~~~\n\n    sorry indented\n\nThen type `sorry` and\n`a code span\nacross lines` wait.\n';
  assert.deepEqual(proseWords(text), ['Run', 'this:', 'Then', 'type', 'and', 'wait.']);
});

test('lists keep their text and hide the code nested in them', () => {
  const text = '1. Open settings.\n2. Paste this:\n\n   ```\n   sorry\n   ```\n\n       indented sorry\n3. Save.\n- Item with `code`\n';
  assert.deepEqual(proseWords(text), ['Open', 'settings.', 'Paste', 'this:', 'Save.', 'Item', 'with']);
  assert.deepEqual(sentencesOf(text).map(([s]) => s), ['Open settings.', 'Paste this:', 'Save.', 'Item with']);
});

test('HTML: tags, comments, scripts and styles are hidden; the text of block elements is prose; comments hold directives', () => {
  const text = '<div class="note">\n<style>p { color: red }</style>\nWe refunded you.\n</div>\n\nHi <b>there</b>,\n\n<!-- rapport-disable-next-line weak-apology\n-->\nSorry!\n';
  const doc = parse(text);
  assert.deepEqual(proseWords(text), ['We', 'refunded', 'you.', 'Hi', 'there', ',', 'Sorry!']);
  assert.deepEqual(doc.directives, [{ kind: 'disable-next-line', rules: ['weak-apology'], line: 7 }]);
});

test('an HTML macro body: each block element is its own sentence', () => {
  const text = "<p>Hello,</p>\n<p>The truck broke down. Sorry 'bout that!</p>";
  assert.deepEqual(sentencesOf(text), [['Hello,', 3], ['The truck broke down.', 17], ["Sorry 'bout that!", 39]]);
});

test('links keep their text; destinations, titles and reference definitions are hidden; autolinks are values', () => {
  const text = 'See [our guide](https://example.com/a_(b) "Sorry title") or [the FAQ][faq], <https://x.io/sorry> and help@example.com.\n\n[faq]: https://example.com/faq "Sorry"\n![sorry alt](img.png)\n';
  assert.deepEqual(proseWords(text), ['See', 'our', 'guide', 'or', 'the', 'FAQ', ',', 'X'.repeat('https://x.io/sorry'.length), 'and', 'XXXXXXXXXXXXXXXX.']);
});

test('bare links read as values in every block that has one, whatever comes between them', () => {
  const text = [
    'Write to help@example.com today.',
    '',
    'A link [here](https://example.com/x) and nothing bare.',
    '',
    '| Where | How |',
    '| --- | --- |',
    '| Online | www.example.com/help |',
    '',
    'Plain words only.',
    '',
    'Or mailto:team@example.com and https://example.org/status.',
    '',
  ].join('\n');
  assert.deepEqual(proseWords(text), [
    'Write', 'to', 'X'.repeat('help@example.com'.length), 'today.',
    'A', 'link', 'here', 'and', 'nothing', 'bare.',
    'Where', 'How',
    'Online', 'X'.repeat('www.example.com/help'.length),
    'Plain', 'words', 'only.',
    'Or', 'X'.repeat('mailto:team@example.com'.length), 'and', 'X'.repeat('https://example.org/status'.length) + '.',
  ]);
});

test('a bare link after one the markup already hid, in the same paragraph, still reads as a value', () => {
  // The first hint of each kind (a destination's "://", a code span's "@" and "www.") is masked; the bare link after it is not.
  const text = 'See [the guide](https://example.com/a) or https://example.org/b, not `ops@example.com` but help@example.com, not `www.a.io` but www.example.net.\n';
  assert.deepEqual(proseWords(text), [
    'See', 'the', 'guide', 'or', 'X'.repeat('https://example.org/b'.length) + ',', 'not', 'but', 'X'.repeat('help@example.com'.length) + ',', 'not', 'but', 'X'.repeat('www.example.net'.length) + '.',
  ]);
});

test('block quotes are the customer\'s words, lazy continuation lines too', () => {
  const text = '> I am so angry, sorry\nthis line continues the quote\n\nI understand.\n\n- > quoted in a list\n';
  assert.deepEqual(proseWords(text), ['I', 'understand.']);
});

test('table cells are separate pieces of prose; the delimiter row is hidden', () => {
  const text = '| Plan | What happens |\n|------|:------------:|\n| Free | We refund you |\n| Pro  | We call you |\n';
  assert.deepEqual(sentencesOf(text).map(([s]) => s), ['Plan', 'What happens', 'Free', 'We refund you', 'Pro', 'We call you']);
});

test('ATX and setext headings split a library and are not prose', () => {
  const text = 'Late parcel\n-----------\n\nHi there,\n\nWrong item\n----------\n\nHello,\n';
  const doc = parse(text);
  assert.deepEqual(doc.units.map((u) => u.title), ['Late parcel', 'Wrong item']);
  assert.deepEqual(doc.units.map((u) => text.slice(u.anchor.start, u.anchor.end)), ['Late parcel', 'Wrong item']);
  assert.deepEqual(proseWords(text), ['Hi', 'there,', 'Hello,']);
});

test('a hard-wrapped sentence is one sentence; a greeting line is its own', () => {
  const text = 'Hi {{customer.first_name}}\nThanks for writing in. Your refund was\nsent today, and it should\narrive soon.\n\nBest regards\nSam\n';
  assert.deepEqual(sentencesOf(text), [
    ['Hi {{customer.first_name}}', 0],
    ['Thanks for writing in.', text.indexOf('Thanks')],
    ['Your refund was\nsent today, and it should\narrive soon.', text.indexOf('Your')],
    ['Best regards', text.indexOf('Best')],
    ['Sam', text.indexOf('Sam')],
  ]);
});

test('exact offsets after emoji, on CRLF lines and with a BOM', () => {
  const emoji = '🎉🎉 Great news! Sorry about that.\n';
  assert.deepEqual(sentencesOf(emoji), [['🎉🎉 Great news!', 0], ['Sorry about that.', '🎉🎉 Great news! '.length]]);
  const crlf = 'Hi there,\r\n\r\nSorry about that.\r\nWe fixed it.\r\n';
  assert.deepEqual(sentencesOf(crlf), [['Hi there,', 0], ['Sorry about that.', 13], ['We fixed it.', 32]]);
  const bom = '\uFEFF---\ntitle: T\n---\n# Macro\n\nSorry about that.\n';
  const doc = parse(bom);
  assert.equal(doc.frontMatter?.data.title, 'T');
  assert.deepEqual(sentencesOf(bom), [['Sorry about that.', bom.indexOf('Sorry')]]);
});
