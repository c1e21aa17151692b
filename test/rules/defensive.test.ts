import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixed, flagged, assertExamples, assertClean } from '../support/lint';
import { checkFixture } from '../support/phrase-fixtures';
import { defensivePhrases, WHAT_I_CAN_DO } from '../../server/src/engine/phrases/defensive';

const RULE = 'defensive';

test('every phrase example is flagged, and its fix gives the better text', () => {
  for (const phrase of defensivePhrases) assertExamples(RULE, phrase.examples, phrase.id);
});

test('flags hiding behind rules and justifying yourself', () => {
  assert.deepEqual(flagged("Sorry, it's company policy.", RULE), ["it's company policy"]);
  assert.deepEqual(flagged("That's against our policy.", RULE), ["That's against our policy"]);
  assert.deepEqual(flagged('There is nothing more we can do.', RULE), ['There is nothing more we can do']);
  assert.deepEqual(flagged('My hands are tied here.', RULE), ['My hands are tied']);
  assert.deepEqual(flagged("It isn't my job to track parcels.", RULE), ["It isn't my job"]);
  assert.deepEqual(flagged('Calm down.', RULE), ['Calm down']);
  assert.deepEqual(flagged('I need you to calm down before we continue.', RULE), ['I need you to calm down']);
  assert.deepEqual(flagged("Due to company policy, we can't refund it.", RULE), ['Due to company policy']);
  assert.deepEqual(flagged("Like I said, the shop opens at nine.", RULE), ['Like I said']);
  assert.deepEqual(flagged("I've already explained this to you twice.", RULE), ["I've already explained this to you twice"]);
});

test('the "what I can do" fix leaves a fill-in and is never applied unattended', () => {
  const [finding] = findingsOf("There's nothing I can do.", RULE);
  assert.equal(finding.fixes[0].needsInput, true);
  assert.equal(fixed("There's nothing I can do.", RULE), WHAT_I_CAN_DO);
  // A clause before the defensive one says something and stays.
  assert.equal(fixed('Exchanges are handled in store, so that is not my department.', RULE), `Exchanges are handled in store. ${WHAT_I_CAN_DO}`);
});

test('removing "calm down" or "as I already said" keeps the rest, capitalized', () => {
  assert.equal(fixed('Please calm down, we will sort this out.', RULE), 'We will sort this out.');
  assert.equal(fixed('As I have already explained, the refund takes five days.', RULE), 'The refund takes five days.');
  assert.equal(fixed('The refund, as I already said, takes five days.', RULE), 'The refund takes five days.');
  assert.equal(fixed('Hi {{name}}, as I already said, the refund takes five days.', RULE, 0, 'handlebars'), 'Hi {{name}}, the refund takes five days.');
  assert.equal(findingsOf('We will sort this out.', RULE).length, 0);
  // No clean removal when the phrase is the sentence's own subject and verb.
  assert.deepEqual(findingsOf('I need you to calm down before we continue.', RULE)[0].fixes, []);
});

test('leaves policy facts, offers and plain references alone', () => {
  assertClean(RULE, [
    'Our refund policy covers 30 days from delivery.',
    'You can read the full returns policy here.',
    "There's nothing you need to do right now.",
    "Here's what I can do: I'll send a prepaid label today.",
    'As I mentioned in my last message, the label is attached.',
    'As noted in the update, the fix ships on Monday.',
    "It's not my intention to rush you.",
    "That's not a problem at all.",
    'The storm should calm the markets down.',
    "I can't do the exchange myself, so I've asked the store to call you.",
    'Per the terms you accepted, the trial ends on Friday.',
    "It's our policy to reply within one business day.",
    'Our company policy on data retention is on the website.',
    'Things should settle down after the launch.',
    'Once the holiday rush calms down, deliveries speed up again.',
    'Nothing else is needed from you.',
    'I explained the delay to the courier, and they will call you.',
    'As you said, the box was damaged, so I have sent a new one.',
    "There's little chance of another delay: the parcel is in your town.",
    'It is not my intention to close the ticket before you are happy.',
    'Our team will settle the invoice today.',
    'You can read the rules of the contest here.',
    "I've already refunded the fee, so no action is needed.",
  ]);
});

test('fixtures: flagged lines, fixed text, clean macros', () => {
  checkFixture(RULE, 'flagged.md');
  assert.deepEqual(findingsOf(checkFixture(RULE, 'clean.md'), RULE), []);
});
