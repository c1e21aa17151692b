import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixed, flagged, fixture, assertExamples } from '../support/lint';
import { assertFixtures } from '../support/fixtures';
import { acknowledgementOrderExamples } from '../../server/src/engine/phrases/acknowledgement-order';
import { ruleById } from '../../server/src/engine';

const RULE = 'acknowledgement-order';

test('is a hint by default', () => {
  assert.equal(ruleById(RULE)?.defaultSeverity, 'hint');
  assert.equal(findingsOf(acknowledgementOrderExamples[0].bad, RULE)[0].severity, 'hint');
});

test('every example is flagged, its fix gives the better text, and the better text is clean', () => {
  assertExamples(RULE, acknowledgementOrderExamples);
});

test('fixtures: bad-* files are flagged, good-* files are not', () => assertFixtures(RULE));

test('points at the late acknowledgement, and the fix moves it before the solution', () => {
  const text = fixture(RULE, 'bad-refund-first.md');
  assert.deepEqual(flagged(text, RULE), ['I understand how worrying it is to see the same payment twice.']);
  const after = fixed(text, RULE);
  assert.equal(
    after,
    'Hi {{customer.first_name}},\n\nI understand how worrying it is to see the same payment twice. I\'ve refunded the second charge to your card.\n\nBest,\nPriya\n',
  );
  assert.deepEqual(findingsOf(after, RULE), []);
});

test('moves a sentence within its paragraph and keeps placeholders in it', () => {
  const text = 'The refund has been processed. I understand how stressful this was, {{customer.first_name}}.';
  assert.equal(fixed(text, RULE), 'I understand how stressful this was, {{customer.first_name}}. The refund has been processed.');
});

test('offers no move across a block tag or out of a list item', () => {
  const branch = "Hi,\n\n{{#if vip}}\nI've refunded the order.\n{{/if}}\nI understand how frustrating the wait was.\n";
  const branchFindings = findingsOf(branch, RULE, 'handlebars');
  assert.equal(branchFindings.length, 1);
  assert.match(branchFindings[0].message, /when vip/);
  assert.deepEqual(branchFindings[0].fixes, []);
  const list = "- Click Reset on the billing page.\n\nI understand how frustrating the double charge is.";
  const listFindings = findingsOf(list, RULE);
  assert.equal(listFindings.length, 1);
  assert.deepEqual(listFindings[0].fixes, []);
});

test('a feeling word that describes the situation is an acknowledgement', () => {
  assert.equal(findingsOf("I've refunded the order. I know it's frustrating to wait.", RULE).length, 1);
  assert.equal(findingsOf("I've refunded the order. We know how annoying that was.", RULE).length, 1);
});

test('a solution told in the past tense comes first too', () => {
  assert.equal(findingsOf('Your refund was processed on Monday. I understand waiting for the money is stressful.', RULE).length, 1);
});

test('an acknowledgement before the solution is fine even with another one after it', () => {
  const text = "I'm sorry to hear the order is late. I've refunded the shipping fee. I understand how annoying the wait is.";
  assert.deepEqual(findingsOf(text, RULE), []);
});

test('thanks-for clauses and replies without a solution are not flagged', () => {
  for (const good of [
    "I've sent the invoice again. Thanks for letting us know it was missing.",
    "I've sent the invoice again. Thank you for your patience.",
    'I understand how frustrating the error is. Could you send a screenshot?',
    'Our shop opens at 9. We appreciate your business.',
    'To fix this, clear the cache. The new version stops those annoying pop-ups.',
    "I've updated the app. We removed the annoying pop-ups too.",
  ]) {
    assert.deepEqual(findingsOf(good, RULE), [], good);
  }
});

test('moving a paragraph at the very end keeps CRLF and leaves no trailing blank lines', () => {
  const text = "Hi,\r\n\r\nYour replacement has shipped.\r\n\r\nI'm sorry to hear the first one broke.";
  assert.equal(fixed(text, RULE), "Hi,\r\n\r\nI'm sorry to hear the first one broke. Your replacement has shipped.");
});

test('macros marked informational are not flagged', () => {
  assert.deepEqual(findingsOf(fixture(RULE, 'good-informational.md'), RULE), []);
  assert.deepEqual(findingsOf("---\nrapport:\n  informational: true\n---\nI've reset the demo data. I understand resets can be annoying.", RULE), []);
});

test('a stock apology or a hope after the solution is not an acknowledgement', () => {
  for (const good of [
    "I've refunded the order. Sorry for any inconvenience.",
    "I've refunded the order. I hope this helps!",
    "I've refunded the order. We apologize for the inconvenience.",
  ]) {
    assert.deepEqual(findingsOf(good, RULE), [], good);
  }
});

test('the rule setting and a disable comment turn it off', () => {
  const bad = acknowledgementOrderExamples[0].bad;
  assert.deepEqual(findingsOf(bad, RULE, 'markdown', { rules: { [RULE]: 'off' } }), []);
  assert.deepEqual(findingsOf(`<!-- rapport-disable-next-line ${RULE} -->\n${bad}`, RULE), []);
});
