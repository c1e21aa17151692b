import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixed, flagged, assertExamples, assertClean } from '../support/lint';
import { checkFixture } from '../support/phrase-fixtures';
import { blameCustomerPhrases } from '../../server/src/engine/phrases/blame-customer';

const RULE = 'blame-customer';

test('every phrase example is flagged, and its fix gives the better text', () => {
  for (const phrase of blameCustomerPhrases.filter((p) => p.fix !== 'none')) assertExamples(RULE, phrase.examples, phrase.id);
});

test('flags telling the customer they caused it', () => {
  assert.deepEqual(flagged('You failed to make the payment.', RULE), ['You failed to make the payment']);
  assert.deepEqual(flagged('You should have backed up your files first.', RULE), ['You should have backed']);
  assert.deepEqual(flagged("I'm afraid that's your fault.", RULE), ["that's your fault"]);
  assert.deepEqual(flagged('If you had read the e-mail, you would have known the date.', RULE), ['If you had read']);
  assert.deepEqual(flagged('As we already told you, the store closes at six.', RULE), ['As we already told you']);
  assert.deepEqual(flagged('You obviously missed the warning.', RULE), ['You obviously missed']);
  assert.deepEqual(flagged('The parcel came back because you made a mistake in the address.', RULE), ['you made a mistake']);
});

test('rewrites the event, not the person, keeping case and the rest of the sentence', () => {
  assert.equal(fixed('You failed to make the payment.', RULE), "The payment wasn't made.");
  assert.equal(fixed('Unfortunately you forgot to fill in your shipping address, so the parcel came back.', RULE), "Unfortunately the shipping address wasn't filled in, so the parcel came back.");
  assert.equal(fixed('You neglected to send these forms before Friday.', RULE), "These forms weren't sent before Friday.");
  assert.equal(fixed('It seems you forgot to confirm your {{plan.name}} renewal.', RULE, 0, 'handlebars'), "It seems the {{plan.name}} renewal wasn't confirmed.");
});

test('without a neutral form, gives no fix but says what to write instead', () => {
  for (const text of ['You should have checked the reminder.', "It's your own fault.", 'You forgot to tell us.', 'You failed to comply with the terms.']) {
    const [finding] = findingsOf(text, RULE);
    assert.ok(finding, text);
    assert.deepEqual(finding.fixes, [], text);
    assert.match(finding.message, /Say what happened|Describe|Give the information/, text);
  }
});

test('leaves conditions, reassurance and information alone', () => {
  assertClean(RULE, [
    'You should have received a confirmation e-mail by now.',
    "You should've been charged only once.",
    'If you forgot to attach the receipt, just reply with it.',
    "Don't worry if you forgot to sign the form; I can add it.",
    "It isn't your fault: the reminder went to an old address.",
    'This is not your fault at all.',
    'Your error message says the card was declined.',
    'If you had saved a draft, it is in the Drafts folder.',
    'The payment failed to go through, so I have retried it.',
    'You need to have a valid ID at pickup.',
    'As you requested, I have closed the account.',
    'You could have the parcel sent to a locker instead.',
    'Could you send us a screenshot of your error?',
    'If you made a mistake in the address, reply with the right one.',
    'Your mistake report helped us find the bug.',
    'Your payment failed to go through, so I have sent a new link.',
    'Forgot your password? Use the link below to set a new one.',
    'If you forget to renew, the plan simply pauses.',
    'You should have access to the new dashboard now.',
    'You had asked about the invoice, so I have attached it.',
    'Even with express shipping, the parcel takes two days.',
    'I have told the courier to call before delivery.',
    'We made a mistake with your order, and I am sorry.',
  ]);
});

test('a fix never breaks a template branch', () => {
  const text = 'You forgot to attach {{#if many}}the receipts{{else}}the receipt{{/if}}, so I could not process the return.';
  const [finding] = findingsOf(text, RULE, 'handlebars');
  assert.ok(finding);
  assert.deepEqual(finding.fixes, []);
});

test('fixtures: flagged lines, fixed text, clean macros', () => {
  checkFixture(RULE, 'flagged.md');
  checkFixture(RULE, 'template.hbs');
  assert.deepEqual(findingsOf(checkFixture(RULE, 'clean.md'), RULE), []);
});
