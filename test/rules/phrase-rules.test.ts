// Properties the four phrase rules share: every fix leaves clean text (no
// double spaces, orphan commas or space before punctuation), keeps template
// tags balanced and placeholders intact, and the fixed text is not flagged
// again for the same phrase.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/engine';
import { findingsOf, fixture } from '../support/lint';

const RULES = ['reinforcing-agreement', 'blame-customer', 'defensive', 'hollow-cliche'];

const PHRASES = [
  'I agree, the delay was too long',
  "you're right, that's terrible",
  'you failed to pay the invoice',
  'as you were told, the refund takes a week',
  "it's our policy",
  'please calm down',
  'as I already said, the refund takes a week',
  'please be advised that the refund takes a week',
  'we value your business',
  'rest assured, the refund takes a week',
];

/** Each phrase in several places: alone, starting a sentence, after a greeting, ending one, inside a branch. */
function contexts(phrase: string): string[] {
  const cap = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return [
    `${cap}.`,
    `The parcel was late. ${cap}. I have sent a new one.`,
    `Hi {{customer.first_name}}, ${phrase}.\n\nI have sent a new one.`,
    `The parcel was late, and ${phrase}.`,
    `The parcel was late.{{#if order.vip}} ${cap}.{{/if}} I have sent a new one.`,
    `The parcel was late.\r\n\r\n${cap}.\r\n\r\nBest,\r\n{{agent.name}}\r\n`,
  ];
}

const count = (text: string, part: string) => text.split(part).length - 1;

test('every fix of the phrase rules leaves clean, template-safe text', () => {
  let fixesChecked = 0;
  for (const phrase of PHRASES) {
    for (const text of contexts(phrase)) {
      for (const finding of findingsOf(text, undefined, 'handlebars').filter((f) => RULES.includes(f.rule))) {
        for (const fix of finding.fixes) {
          const after = applyFixes(text, [fix]).text;
          const where = `${finding.rule} "${fix.title}" on ${JSON.stringify(text)} -> ${JSON.stringify(after)}`;
          assert.doesNotMatch(after, /[^\S\r\n]{2,}(?![\r\n])/, `no double space: ${where}`);
          assert.doesNotMatch(after, /\s,|,,|,\.|\s\.(?!\w)/, `no orphan comma or space before a full stop: ${where}`);
          assert.equal(count(after, '{{#if'), count(after, '{{/if}}'), `branch tags balanced: ${where}`);
          assert.ok(after.includes('{{customer.first_name}}') === text.includes('{{customer.first_name}}'), `placeholder kept: ${where}`);
          assert.doesNotMatch(after, /(?:^|[.!?]\s+)[a-z]/, `sentences start with a capital: ${where}`);
          assert.doesNotMatch(after, /\b(?:and|but|so|or)[\s.]*$/, `no dangling link word: ${where}`);
          assert.doesNotMatch(after, /\{\{customer\.first_name\}\}(?![,.!])/, `the greeting keeps its punctuation: ${where}`);
          const again = findingsOf(after, finding.rule, 'handlebars').filter((f) => f.start === finding.start && f.message === finding.message);
          assert.deepEqual(again, [], `not flagged again: ${where}`);
          fixesChecked++;
        }
      }
    }
  }
  assert.ok(fixesChecked >= 40, `checked ${fixesChecked} fixes`);
});


test('quoted customer text, code and comments are never flagged', () => {
  const text = [
    '> You failed to ship it. I agree with my friend: your call is important to us, they said. Calm down? It is our policy to ignore me.',
    '',
    '`please be advised` is the old banner text.',
    '',
    '<!-- we value your business -->',
    '',
    'I have sent the replacement today.',
  ].join('\n');
  for (const rule of RULES) assert.deepEqual(findingsOf(text, rule), [], rule);
});

test('curly apostrophes read like straight ones', () => {
  assert.equal(findingsOf('The delay was too long. You’re right, that’s terrible.', 'reinforcing-agreement').length, 1);
  assert.equal(findingsOf('I’m afraid there’s nothing I can do.', 'defensive').length, 1);
  assert.equal(findingsOf('Honestly, that’s your fault.', 'blame-customer').length, 1);
  assert.equal(findingsOf('You’ve been a loyal customer, and we truly value your business.', 'hollow-cliche').length, 1);
});

test('a library of good macros full of near misses has no findings', () => {
  const text = fixture('phrase-rules', 'good-library.md');
  for (const rule of RULES) assert.deepEqual(findingsOf(text, rule).map((f) => text.slice(f.start, f.end)), [], rule);
});
