import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/engine';
import { findingsOf, fixed, fixture, assertExamples } from '../support/lint';
import { assertFixtures } from '../support/fixtures';
import { nextStepExamples, NEXT_STEP_SENTENCE } from '../../server/src/engine/phrases/no-next-step';

const RULE = 'no-next-step';

test('every example is flagged, its fix gives the better text, and the better text is clean', () => {
  assertExamples(RULE, nextStepExamples);
});

test('fixtures: bad-* files are flagged, good-* files are not', () => assertFixtures(RULE));

test('the fix puts the plan above the sign-off, and the fixed macro re-lints clean', () => {
  const text = fixture(RULE, 'bad-damaged-order.md');
  const after = fixed(text, RULE);
  assert.ok(after.includes(`disappointing after waiting a week for it.\n\n${NEXT_STEP_SENTENCE}\n\nKind regards,\n{{agent.first_name}}`), after);
  assert.deepEqual(findingsOf(after, RULE), []);
});

test('the fix adds its own paragraph when the sign-off follows the text directly, and keeps CRLF', () => {
  const text = "Hi,\r\n\r\nI'm sorry to hear your order is late.\r\nThanks,\r\nSam\r\n";
  assert.equal(fixed(text, RULE), `Hi,\r\n\r\nI'm sorry to hear your order is late.\r\n\r\n${NEXT_STEP_SENTENCE}\r\n\r\nThanks,\r\nSam\r\n`);
});

test('the fix is a fill-in, so it is never applied unattended', () => {
  const [finding] = findingsOf(fixture(RULE, 'bad-damaged-order.md'), RULE);
  assert.equal(finding.fixes[0].needsInput, true);
});

test('in a library, only the macro without a plan is flagged, and the fix stays inside it', () => {
  const text = fixture(RULE, 'bad-library.md');
  const found = findingsOf(text, RULE);
  assert.equal(found.length, 1);
  assert.equal(found[0].macro, 'Parcel arrived damaged');
  const after = applyFixes(text, found[0].fixes).text;
  assert.ok(after.includes(`not the experience we want you to have.\n\n${NEXT_STEP_SENTENCE}\n\nBest,\nThe Support Team\n`), after);
  assert.equal(after.split(NEXT_STEP_SENTENCE).length, 2);
});

test('a branch without a plan is flagged with its condition', () => {
  const found = findingsOf(fixture(RULE, 'bad-branch.hbs'), RULE, 'handlebars');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /order\.shipped/);
  assert.ok(found[0].condition);
});

test('replies that act, promise or ask for what they need are not flagged', () => {
  for (const good of [
    "I'm sorry to hear the parcel is late. I'll chase the courier and update you by Friday.",
    "I'm sorry to hear the app crashed. Could you send us a screenshot of the error?",
    "I'm sorry to hear your login failed. Please reset your password from the sign-in page.",
    "I apologize for the double charge. The second payment has been refunded.",
    "I'm sorry to hear the export failed. If it happens again, contact us from the Help menu.",
    "I'm sorry to hear the download broke. You can grab a fresh copy from your account page.",
  ]) {
    assert.deepEqual(findingsOf(good, RULE), [], good);
  }
});

test('replies that answer no problem are not flagged', () => {
  for (const good of [
    'Thanks for your order! It ships from our warehouse in Leeds.',
    'Our office is open Monday to Friday, 9 am to 5 pm.',
    '---\nrapport:\n  informational: true\n---\nThe outage on Sunday is over and the error pages are gone.',
  ]) {
    assert.deepEqual(findingsOf(good, RULE), [], good);
  }
});

test('a rapport-disable comment and the rule setting turn it off', () => {
  const bad = nextStepExamples[0].bad;
  assert.deepEqual(findingsOf(`<!-- rapport-disable-file no-next-step -->\n${bad}`, RULE), []);
  assert.deepEqual(findingsOf(bad, RULE, 'markdown', { rules: { 'no-next-step': 'off' } }), []);
});

test('a stock "any other questions, let us know" offer is not a plan, but a real step beside it is', () => {
  assert.equal(findingsOf("I'm sorry to hear the invoice was wrong. Don't hesitate to contact us if you need anything else.", RULE).length, 1);
  assert.deepEqual(findingsOf("I'm sorry to hear the invoice was wrong. I'll send a corrected one today; let me know if you have any other questions.", RULE), []);
  assert.deepEqual(findingsOf("I'm sorry to hear the invoice was wrong. If it is still wrong next month, please contact us.", RULE), []);
});

test('"to let you know" informs; it is not a plan', () => {
  assert.equal(findingsOf("Hello,\n\nThis message is to let you know that your account was suspended. We apologize for the suspension.", RULE).length, 1);
});

test('work under way counts as the next step', () => {
  assert.deepEqual(findingsOf("I'm sorry the export keeps failing. Our engineers are looking into it.", RULE), []);
  assert.deepEqual(findingsOf("I'm sorry the export keeps failing. We're investigating the cause.", RULE), []);
});

test('a confusion explained needs no plan, but a problem explained still does', () => {
  assert.deepEqual(findingsOf("I'm sorry for the confusion about the invoice. The total includes VAT, which is why it looks higher.", RULE), []);
  assert.equal(findingsOf("I'm sorry your parcel is late. This is because of the courier strike.", RULE).length, 1);
});

test('a triage reply that asks for a reproduction is not flagged', () => {
  const text = "Thanks for the report! We couldn't reproduce the crash.\n\nPlease share a minimal project that shows the error, and we'll take another look.";
  assert.deepEqual(findingsOf(text, RULE), []);
});

test('steps in a numbered list count as the plan', () => {
  const text = "I'm sorry to hear the sync failed.\n\n1. Sign out of the app.\n2. Sign back in with your work e-mail.\n";
  assert.deepEqual(findingsOf(text, RULE), []);
});

test('something already scheduled is a next step: "a replacement ships today"', () => {
  for (const plan of ['A replacement ships today.', 'Your new card arrives on Thursday.', 'Your parcel is on its way.', 'Your refund is being processed.']) {
    const text = `---\ntitle: Damaged item\n---\nHi {{customer.first_name}},\n\nI'm sorry to hear the mug arrived broken. ${plan}\n`;
    assert.deepEqual(findingsOf(text, RULE), [], plan);
  }
});
