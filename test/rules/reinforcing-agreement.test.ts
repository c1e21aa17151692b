import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixed, flagged, assertExamples, assertClean } from '../support/lint';
import { checkFixture } from '../support/phrase-fixtures';
import { reinforcingAgreementPhrases } from '../../server/src/engine/phrases/reinforcing-agreement';

const RULE = 'reinforcing-agreement';
const CONCERN = '[[their concern in your words]]';

test('every phrase example is flagged, and its fix gives the better text', () => {
  for (const phrase of reinforcingAgreementPhrases) assertExamples(RULE, phrase.examples, phrase.id);
});

test('flags agreeing with a complaint', () => {
  const complaint = 'The new invoice layout is confusing. ';
  assert.deepEqual(flagged(`${complaint}I agree.`, RULE), ['I agree']);
  assert.deepEqual(flagged(`${complaint}I couldn't agree more.`, RULE), ["I couldn't agree more"]);
  assert.deepEqual(flagged(`${complaint}Yes, that's so true!`, RULE), ["Yes, that's so true"]);
  assert.deepEqual(flagged("You're absolutely right, this is unacceptable service.", RULE), ["You're absolutely right, this is unacceptable service"]);
  assert.deepEqual(flagged(`${complaint}You are right about that.`, RULE), ['You are right']);
});

test('rephrases with "I hear that …" (preferred) or "I understand that …", keeping the rest', () => {
  const text = "I agree, the checkout has been down too long.";
  assert.equal(fixed(text, RULE), 'I hear that the checkout has been down too long.');
  assert.equal(fixed(text, RULE, 1), 'I understand that the checkout has been down too long.');
  assert.equal(fixed(text, RULE, 2), "I think you're saying that the checkout has been down too long.");
  assert.equal(fixed('Honestly, I agree that {{product.name}} has been slow this week.', RULE, 0, 'handlebars'), 'Honestly, I hear that {{product.name}} has been slow this week.');
  // Nothing of the customer's concern in the sentence: the author fills it in.
  const bare = fixed("That's terrible. You're right, that's awful!", RULE);
  assert.equal(bare, `That's terrible. I hear that ${CONCERN}!`);
  assert.equal(findingsOf("The wait was too long. You're right, that's awful!", RULE)[0].fixes[0].needsInput, true);
  // "but …" stays as written after the rephrased concern.
  assert.equal(fixed("The wait was too long. You're right, but the courier sets the dates.", RULE), `The wait was too long. I hear that ${CONCERN}, but the courier sets the dates.`);
});

test('leaves terms, facts, owned mistakes and non-complaints alone', () => {
  assertClean(RULE, [
    'Once you agree to the terms, the refund is issued. The delay was too long.',
    "That's true for annual plans only; monthly plans renew each month.",
    'Is that true? The update broke the export.',
    "You're right on track: the export is slow only for files over 1 GB.",
    "You're right, we charged you twice, and I have refunded the second charge.",
    "You're right, that was our mistake, and the refund is on its way.",
    'I agree with the plan you suggested.',
    'I hear that the export has been slow, and I understand why that is frustrating.',
    'We agree to refund the delivery fee for the late parcel.',
    "Yes, that's true: annual plans renew on the date you subscribed.",
    'If you agree, I will close the ticket.',
    "You're right here in the queue, and the delay should clear soon.",
    'The delay is over, and the right size is on its way.',
    'Turn right at the front desk to collect the broken parcel.',
    'Your complaint is true to what our logs show, and I have fixed it.',
    'Is it true that the refund failed? Let me check.',
    'The export was slow; by agreement with the carrier, we now ship daily.',
    'Please confirm you agree with the new delivery date for the late order.',
    "If that's true, the charge was a mistake and I'll refund it.",
  ]);
});

test('agreement is not reinforcement where there is no complaint, or the macro only informs', () => {
  assert.deepEqual(flagged('I agree, the new dashboard is a big step forward.', RULE), []);
  assert.deepEqual(flagged('---\nrapport:\n  informational: true\n---\nI agree, the late fee is high.\n', RULE), []);
  assert.deepEqual(flagged('---\nrapport:\n  complaint: true\n---\nI agree, the new dashboard is different.\n', RULE), ['I agree']);
});

test('fixtures: flagged lines, fixed text, clean macros', () => {
  checkFixture(RULE, 'flagged.md');
  assert.deepEqual(findingsOf(checkFixture(RULE, 'clean.md'), RULE), []);
  assert.deepEqual(findingsOf(checkFixture(RULE, 'informational.md'), RULE), []);
});
