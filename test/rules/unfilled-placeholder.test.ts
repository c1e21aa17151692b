import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes, lint } from '../../server/src/engine';
import { findingsOf, flagged, fixture, assertClean } from '../support/lint';
import { assertFixtures } from '../support/fixtures';
import { BARE_MARKER_HINTS, BARE_MARKERS, unfilledExamples } from '../../server/src/engine/phrases/unfilled-placeholder';

const RULE = 'unfilled-placeholder';

test('is an error by default and offers no fix (only the author knows the words)', () => {
  const [finding] = findingsOf('Hi [customer name],', RULE);
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.fixes, []);
});

test('every example is flagged at the gap, and the clean examples are not', () => {
  for (const { text, match } of unfilledExamples.flagged) assert.deepEqual(flagged(text, RULE), [match], text);
  assertClean(RULE, unfilledExamples.clean);
});

test('fixtures: bad-* files are flagged, good-* files are not', () => assertFixtures(RULE));

test('finds every kind of gap in one macro, in order', () => {
  assert.deepEqual(flagged(fixture(RULE, 'bad-fill-ins.md'), RULE), ['[customer name]', '[[what went wrong]]', '[INSERT DATE]', '<fill in>', 'TODO', '[Your Name]']);
});

test('finds gaps inside template branches', () => {
  assert.deepEqual(flagged(fixture(RULE, 'bad-handlebars.hbs'), RULE, 'handlebars'), ['[date]', 'XXX']);
});

test('reports the fill-in a fix leaves, so the fixed text is not clean until it is filled', () => {
  const text = 'Sorry for any inconvenience.';
  const weak = lint(text).findings.find((f) => f.rule === 'weak-apology')!;
  const after = applyFixes(text, [weak.fixes[0]]).text;
  assert.deepEqual(flagged(after, RULE), ['[[what went wrong]]']);
  assert.deepEqual(flagged(after.replace('[[what went wrong]]', 'the late delivery'), RULE), []);
});

test('links, reference links, checkboxes, code, comments and template expressions are not gaps', () => {
  assert.deepEqual(flagged(fixture(RULE, 'good-links-and-lists.md'), RULE), []);
  assert.deepEqual(flagged(fixture(RULE, 'good-code-and-templates.hbs'), RULE, 'handlebars'), []);
  assert.deepEqual(flagged(fixture(RULE, 'good-prose.md'), RULE), []);
});

test('placeholders masked as X-words and lower-case words are not markers', () => {
  assertClean(RULE, [
    'Your order {{order.id}} ships today.',
    'Your code is %{code}, valid for an hour.',
    'The xxx-large size is back in stock.',
    'We will do it, todo or not.',
    'See [the guide](<https://example.com/a b>) for details.',
    '![your name here](https://example.com/badge.png) Thanks for your order.',
  ]);
});

test('a disable comment silences it', () => {
  assert.deepEqual(flagged('<!-- rapport-disable-next-line unfilled-placeholder -->\nHi [customer name],', RULE), []);
});

test('a fill-in in code, a comment or front matter is not reported', () => {
  const text = '---\nnote: "[[draft]]"\n---\nUse `[[name]]` in the editor.\n<!-- [[later]] -->\n\n```\n[[code]]\n```\n';
  assert.deepEqual(flagged(text, RULE), []);
});

test('a reference label is matched without regard to case or spacing', () => {
  assert.deepEqual(flagged('Read the [Order  Number] page.\n\n[order number]: https://example.com/orders', RULE), []);
});

test('every bare marker holds one of the capitals the rule looks for first, so none is passed over', () => {
  for (const marker of BARE_MARKERS) assert.ok(BARE_MARKER_HINTS.some((hint) => marker.includes(hint)), marker);
  for (const marker of BARE_MARKERS) assert.deepEqual(flagged(`Your parcel ships on ${marker}.`, RULE), [marker]);
});
