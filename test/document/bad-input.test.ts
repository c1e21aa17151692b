// Bad input: no crash, bounded work (counted, not timed), exact positions.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { MAX_VARIANTS } from '../../server/src/engine/document/variants';
import { parse } from './support';

test('deeply nested branches: bounded variants, no stack overflow', () => {
  const depth = 3000;
  const text = '{{#if a}}Sorry about that. '.repeat(depth) + '{{/if}}'.repeat(depth);
  const doc = parse(text, 'handlebars');
  assert.equal(doc.blocks.length, depth);
  assert.equal(doc.problems.length, 0);
  assert.ok(doc.units[0].variants.length <= MAX_VARIANTS);
});

test('thousands of sibling branches and placeholders keep exact ranges', () => {
  const piece = 'Hi {{customer.first_name}}, {{#if vip}}thanks{{else}}hello{{/if}}. ';
  const text = piece.repeat(4000);
  const doc = parse(text, 'handlebars');
  assert.equal(doc.placeholders.length, 4000);
  const last = doc.placeholders[3999];
  assert.equal(last.start, piece.length * 3999 + 3);
  assert.equal(text.slice(last.start, last.end), '{{customer.first_name}}');
  assert.ok(doc.units[0].variants.length <= MAX_VARIANTS);
});

test('thousands of name placeholders in one long sentence: one finding each, exact ranges', () => {
  const piece = 'Hi {{customer.first_name}}, ';
  const text = piece.repeat(20000);
  const findings = lint(text, 'markdown').findings.filter((f) => f.rule === 'name-fallback');
  assert.equal(findings.length, 20000);
  assert.equal(findings[19999].start, piece.length * 19999 + 3);
});

test('a 5 MB library file is read macro by macro', () => {
  const macro = (i: number) => `## Macro ${i}\n\nHi {{customer.first_name | default: "there"}},\n\nSorry about that. We sent a replacement today.\n\n> the customer's words\n\n- step \`code\`\n\n`;
  let text = '# Library\n\n';
  let count = 0;
  while (text.length < 5_000_000) text += macro(count++);
  const { findings, document } = lint(text, 'markdown');
  assert.equal(document.units.length, count);
  const apologies = findings.filter((f) => f.rule === 'weak-apology');
  assert.equal(apologies.length, count);
  const lastApology = apologies[apologies.length - 1];
  assert.equal(text.slice(lastApology.start, lastApology.end).toLowerCase().startsWith('sorry about that'), true);
  assert.equal(lastApology.macro, `Macro ${count - 1}`);
});

test('unclosed and mismatched expressions: one problem each, the rest still read', () => {
  const opens = '{{ '.repeat(20000);
  const doc = parse(`${opens}\nSorry about that.`, 'handlebars');
  assert.equal(doc.problems.length, 20000);
  assert.ok(doc.sentences.some((s) => s.text === 'Sorry about that.'));
  for (const text of ['Hi {{', 'Hi {{{', 'Hi {%', 'Hi {{!--', '{{#if a}}', '{{/if}}', '{% endif %}', '{{else}}']) {
    const broken = parse(text, 'handlebars');
    assert.equal(broken.problems.length, 1, text);
    assert.ok(broken.problems[0].end <= text.length && broken.problems[0].start >= 0, text);
  }
});

test('pathological Markdown: nested containers, unclosed constructs', () => {
  for (const text of ['- '.repeat(10000) + 'x', '> '.repeat(10000) + 'x', '<!-- '.repeat(20000), '`a '.repeat(20000), '[a '.repeat(20000) + ']'.repeat(20000), '[a](b '.repeat(20000), '\u0000\uD800\uFFFF'.repeat(1000)]) {
    const doc = parse(text);
    assert.equal(doc.prose.length, text.length);
  }
});

test('a document reads the same whatever was parsed before it (small, large, lone surrogates)', () => {
  const small = '---\ntitle: Refund\n---\n\nHi {{customer.first_name}},\n\n{{#if vip}}Thanks for waiting.{{else}}Sorry about that.{{/if}} See https://example.com/a.\n';
  const large = `# Library\n\n${'## Reply\n\nSorry for the delay with your order. Email help@example.com today.\n\n'.repeat(2000)}`;
  const odd = 'Hi \uD800 there. {{#if a}}Sorry \uDC00 again.{{/if}} Thanks 😀 a lot.';
  const first = [small, large, odd].map((text) => JSON.stringify(parse(text, 'handlebars')));
  const again = [odd, small, large, small, odd].map((text) => JSON.stringify(parse(text, 'handlebars')));
  assert.deepEqual(again, [first[2], first[0], first[1], first[0], first[2]]);
  assert.ok(large.length > 65536);
});

test('a DEL in the text is a character like any other, not the mark of a hidden template tag', () => {
  // The block scan reads a template tag as a DEL of no width: a DEL of the text itself must keep its
  // width, or the four spaces after it would make an indented code block of the sentence.
  const text = 'Hello there.\n\n\u007f    Sorry for any inconvenience.\n';
  const doc = parse(text);
  assert.ok(doc.sentences.some((s) => s.text.includes('Sorry for any inconvenience')), JSON.stringify(doc.sentences.map((s) => s.text)));
  // A tag in the same place still has no width: rendered, the line is indented code, which is no prose.
  const tagged = 'Hello there.\n\n{{#if a}}    Sorry for any inconvenience.{{/if}}\n';
  assert.ok(!parse(tagged, 'handlebars').sentences.some((s) => s.text.includes('Sorry')));
});

test('a vertical tab in the text is white space inside a sentence, not a paragraph break', () => {
  // The model marks where a block starts with a vertical tab: the text's own must not split a sentence.
  const doc = parse('I am so sorry\vfor the delay with your order.\n');
  assert.deepEqual(doc.sentences.map((s) => s.text), ['I am so sorry for the delay with your order.']);
  const apology = lint('Sorry\vfor the delay.\n').findings.filter((f) => f.rule === 'weak-apology');
  assert.deepEqual(apology.map((f) => [f.start, f.end]), [[0, 'Sorry\vfor the delay'.length]]);
  assert.match(apology[0].message, /"Sorry for the delay"/);
});
