import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixed, flagged, assertExamples, assertClean } from '../support/lint';
import { fixtureSuite } from '../support/expectations';
import { acknowledgementExamples } from '../../server/src/engine/phrases/acknowledgement';

const RULE = 'missing-acknowledgement';

test('every bad example in the phrase data is flagged, and its fix gives the better text, which is clean', () => {
  assertExamples(RULE, acknowledgementExamples.flagged);
});

test('every clean example in the phrase data is left alone', () => {
  assertClean(RULE, acknowledgementExamples.clean);
});

test('a problem title in the front matter makes the reply a problem reply', () => {
  const text = '---\ntitle: Refund request\n---\n\nHi {{customer.first_name}},\n\nThe money is back on your card by Friday.';
  assert.deepEqual(flagged(text, RULE), ['Hi {{customer.first_name}},']);
  const informational = '---\ntitle: Refund request\nrapport:\n  informational: true\n---\n\nHi {{customer.first_name}},\n\nThe money is back on your card by Friday.';
  assert.deepEqual(flagged(informational, RULE), []);
});

test('front matter can mark a reply as a complaint whatever its wording', () => {
  const text = '---\nrapport:\n  complaint: true\n---\n\nHi {{customer.first_name}},\n\nYour new card ships today.';
  assert.equal(findingsOf(text, RULE).length, 1);
});

test('a weak apology is left to weak-apology, whose fix makes it a full apology that acknowledges', () => {
  const text = 'Hi Ana,\n\nWe apologize for any inconvenience. Your card was charged twice, so I refunded one charge.';
  assert.deepEqual(flagged(text, RULE), []);
  assert.equal(findingsOf(text, 'weak-apology').length, 1);
  const afterFix = fixed(text, 'weak-apology');
  assert.deepEqual(flagged(afterFix, RULE), []);
  assert.deepEqual(flagged(text.replace('We apologize for any inconvenience. ', ''), RULE), ['Hi Ana,']);
});

test('a full apology that names what went wrong counts as acknowledgement', () => {
  for (const apology of ["We're sorry for the late reply.", 'Sorry we missed you!', 'I am sorry for the trouble with your login.', "I'm so sorry, that is not what we promised."]) {
    assert.deepEqual(flagged(`Hi Ana,\n\n${apology} Your card was charged twice, so I refunded one charge.`, RULE), [], apology);
  }
});

test('does not treat tracker and triage words as a customer problem', () => {
  assertClean(RULE, [
    'Thanks for the report! Could you add the steps to reproduce the problem and any error messages you see?',
    "I'm sorry but we can't reproduce the issue with the project you attached. Please share a smaller sample.",
    'This issue has been fixed in version 2.4. Please update and let us know if the problem comes back.',
    'Please attach a screenshot of the error so we can look into the bug.',
  ]);
});

test('any genuine acknowledgement is enough', () => {
  for (const ack of [
    "I can see why you're upset about the double charge.",
    'That must have been a stressful morning.',
    'I hear that the new layout makes your daily report slower.',
    "I think you're saying the invoice should have listed five seats.",
    'Thank you for letting us know about the damaged box.',
  ]) {
    assert.deepEqual(flagged(`Hi {{customer.first_name}},\n\n${ack} Your order was damaged in transit, so a new one ships today.`, RULE), [], ack);
  }
});

test('a bare "I understand." is weak acknowledgement, reported on its own sentence', () => {
  const text = 'Hi {{customer.first_name}},\n\nI understand! Your order was damaged in transit, so a new one ships today.';
  const findings = findingsOf(text, RULE);
  assert.equal(findings.length, 1);
  assert.equal(text.slice(findings[0].start, findings[0].end), 'I understand');
  assert.match(findings[0].message, /"I understand!" on its own reads as a formula/);
  assert.equal(fixed(text, RULE), 'Hi {{customer.first_name}},\n\nI understand how frustrating [[their situation]] must be! Your order was damaged in transit, so a new one ships today.');
  assert.equal(findings[0].fixes[0].needsInput, true);
});

test('"We see." and "I hear you." are bare too; a sentence that goes on is not', () => {
  assert.equal(fixed('We see.', RULE), 'I understand how frustrating [[their situation]] must be.');
  assert.equal(findingsOf('I hear you.', RULE).length, 1);
  assert.deepEqual(flagged('I understand the invoice listed ten seats instead of five.', RULE), []);
  assert.deepEqual(flagged('I see your order is on its way.', RULE), []);
});

test('the acknowledgement goes after the greeting line, with the file\'s line breaks', () => {
  const text = 'Hi {{customer.first_name}},\r\n\r\nYou were charged twice. The refund is on its way.\r\n';
  assert.equal(fixed(text, RULE), 'Hi {{customer.first_name}},\r\n\r\nI understand how frustrating [[their situation]] must be. You were charged twice. The refund is on its way.\r\n');
});

test('a reply with only a greeting gets the acknowledgement on a new paragraph', () => {
  const text = '---\ntitle: Damaged item\n---\nHi {{customer.first_name}},';
  assert.equal(fixed(text, RULE), '---\ntitle: Damaged item\n---\nHi {{customer.first_name}},\n\nI understand how frustrating [[their situation]] must be.');
});

test('a branch without acknowledgement is reported on its branch tag with its condition', () => {
  const text = "Hi {{customer.first_name}},\n\n{{#if order.damaged}}\nI'm sorry to hear your order was damaged. A new one ships today.\n{{else}}\nYour order was damaged in transit. A new one ships today.\n{{/if}}\n";
  const findings = findingsOf(text, RULE, 'handlebars');
  assert.equal(findings.length, 1);
  assert.equal(text.slice(findings[0].start, findings[0].end), '{{else}}');
  assert.match(findings[0].message, /when order\.damaged is not set/);
});

test('each macro of a library is judged on its own', () => {
  const text = "## Damaged item\n\nA new one ships today.\n\n## Opening hours\n\nWe are open 9 to 5.\n\n## Late parcel\n\nI'm sorry to hear your parcel is late. It ships today.\n";
  assert.deepEqual(flagged(text, RULE), ['Damaged item']);
});

test('automated notices are not replies to a complaint', () => {
  assert.deepEqual(flagged('This is an automated message. Your payment was declined, so your order was damaged... no, delayed.', RULE), []);
});

fixtureSuite(RULE, test, assert);

test("the guide's other acknowledgements are offered as alternatives, and each one satisfies the rule", () => {
  const text = 'Hi {{customer.first_name}},\n\nYour order was damaged in transit. A replacement ships today.';
  const [finding] = findingsOf(text, RULE);
  assert.equal(finding.fixes.length, 3);
  assert.deepEqual(finding.fixes.map((f) => f.preferred), [true, false, false]);
  assert.equal(fixed(text, RULE, 1), "Hi {{customer.first_name}},\n\nI can see why you're upset about [[their situation]]. Your order was damaged in transit. A replacement ships today.");
  for (let i = 0; i < 3; i++) assert.deepEqual(flagged(fixed(text, RULE, i), RULE), [], `fix ${i}`);
  const bare = findingsOf('Hi Sam,\n\nI understand. Your parcel was lost.', RULE)[0];
  assert.equal(bare.fixes.length, 3);
  assert.equal(fixed('Hi Sam,\n\nI understand. Your parcel was lost.', RULE, 2), 'Hi Sam,\n\nI hear that [[their concern, in their words]]. Your parcel was lost.');
});

