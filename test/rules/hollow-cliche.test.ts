import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixed, flagged, assertExamples, assertClean } from '../support/lint';
import { checkFixture } from '../support/phrase-fixtures';
import { hollowClichePhrases } from '../../server/src/engine/phrases/hollow-cliche';

const RULE = 'hollow-cliche';

test('every phrase example is flagged, and its fix gives the better text', () => {
  for (const phrase of hollowClichePhrases) assertExamples(RULE, phrase.examples, phrase.id);
});

test('flags the pat expressions and names them in the message', () => {
  assert.deepEqual(flagged('Thanks for writing in. We value your business.', RULE), ['We value your business']);
  assert.deepEqual(flagged('Your call is important to us.', RULE), ['Your call is important to us']);
  assert.deepEqual(flagged('Please be advised, the portal is down tonight.', RULE), ['Please be advised']);
  const [finding] = findingsOf('We truly value your business.', RULE);
  assert.match(finding.message, /"We truly value your business"/);
  assert.equal(finding.severity, 'info');
});

test('leaves specific, earned phrases alone', () => {
  assertClean(RULE, [
    'We value your feedback on the new checkout, and I have passed it to the design team.',
    'Your time matters, so I have refunded the delivery fee.',
    'If this order is important to you for a date, tell me the date.',
    'Please be sure to keep the receipt.',
    'Thank you for your patience while we waited on the courier.',
    'Thank you for your patience and understanding while we fix the outage.',
    'You can rest assured knowing the refund is on its way.',
    'We strive to answer every message within a day.',
    'Customer satisfaction surveys go out on Mondays.',
    'I value the time you took to write this up.',
    'Your privacy is protected: we never share your address.',
    'Please be patient with the tracking page; it updates every evening.',
    'As a member, you can book the workshop a week early.',
    'The priority queue is open for urgent outages.',
    'I appreciate you sending the photos so quickly.',
    'Thanks for your understanding, and enjoy the new plan.',
    'We aim to ship every order within two working days.',
    'Feedback like yours helps us decide what to build next.',
    'Your loyalty points will be added by Friday.',
    'We are committed to refunding the fee today.',
  ]);
});

test('thanks for patience is earned when the macro speaks of a wait', () => {
  const waited = "Sorry for the long wait on this one. Your card has been updated. Thank you for your patience and understanding.";
  assert.deepEqual(flagged(waited, RULE), []);
  const nothingWaited = 'Your card has been updated. Thank you for your patience and understanding.';
  assert.deepEqual(flagged(nothingWaited, RULE), ['Thank you for your patience and understanding']);
});

test('removing a phrase leaves no double spaces, orphan commas or lower-case sentence start', () => {
  assert.equal(fixed('Please be advised that your order shipped today.', RULE), 'Your order shipped today.');
  assert.equal(fixed('Your order shipped today, as we value your business.', RULE), 'Your order shipped today.');
  assert.equal(fixed('Hi Sam, please be advised that your order shipped today.', RULE), 'Hi Sam, your order shipped today.');
  assert.equal(fixed('Your order, please be advised, shipped today.', RULE), 'Your order shipped today.');
  assert.equal(fixed('Your order shipped. We value your business. Tracking is below.', RULE), 'Your order shipped. Tracking is below.');
  assert.equal(fixed('Your order shipped. We value your business.', RULE), 'Your order shipped.');
  assert.equal(fixed('Hello,\n\nWe value your business.\n\nYour order shipped.\n', RULE), 'Hello,\n\nYour order shipped.\n');
  assert.equal(fixed('Hello,\r\n\r\nWe value your business.\r\n\r\nYour order shipped.\r\n', RULE), 'Hello,\r\n\r\nYour order shipped.\r\n');
});

test('keeps placeholders and never drops a template tag', () => {
  assert.equal(
    fixed('Your order shipped {{#if vip}}today, as we value your business{{else}}tomorrow{{/if}}.', RULE, 0, 'handlebars'),
    'Your order shipped {{#if vip}}today{{else}}tomorrow{{/if}}.',
  );
  assert.equal(fixed('Please be advised that {{customer.first_name}} is now the account owner.', RULE, 0, 'handlebars'), '{{customer.first_name}} is now the account owner.');
  for (const text of ['We value your business{{#if vip}} and your loyalty{{/if}}. Your order shipped.', 'Your order shipped{{#if vip}} today{{/if}}, as we value your business.', 'Your order shipped {{#if vip}}today, as we value your business{{else}}tomorrow{{/if}}.']) {
    const [finding] = findingsOf(text, RULE, 'handlebars');
    assert.ok(finding, `flagged: ${text}`);
    for (const fix of finding.fixes) {
      const after = fixed(text, RULE, finding.fixes.indexOf(fix), 'handlebars');
      assert.equal(after.split('{{#if').length, after.split('{{/if}}').length, `tags stay balanced: ${after}`);
      assert.ok(!after.includes('business'), after);
    }
  }
});

test('fixtures: flagged lines, fixed text, clean macros', () => {
  checkFixture(RULE, 'flagged.md');
  checkFixture(RULE, 'branches.hbs');
  assert.deepEqual(findingsOf(checkFixture(RULE, 'clean.md'), RULE), []);
});
