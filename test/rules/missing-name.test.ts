import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/engine';
import { findingsOf, fixed, fixture, assertExamples } from '../support/lint';
import { assertFixtures } from '../support/fixtures';
import { isCustomerNamePath, missingNameExamples } from '../../server/src/engine/phrases/missing-name';

const RULE = 'missing-name';

test('every example is flagged, its fix gives the better text, and the better text is clean', () => {
  assertExamples(RULE, missingNameExamples);
});

test('fixtures: bad-* files are flagged, good-* files are not', () => assertFixtures(RULE));

test('the fix puts the name into the greeting the macro has', () => {
  const text = fixture(RULE, 'bad-no-name-greeting.md');
  const after = fixed(text, RULE);
  assert.ok(after.includes('\nHello {{customer.first_name}},\n'), after);
  assert.deepEqual(findingsOf(after, RULE), []);
});

test('a fix with the default placeholder is a guess at the help desk\'s syntax, so never applied unattended', () => {
  const text = "Hi,\n\nI'm sorry to hear the parcel is lost. I'll send another today.\n";
  assert.equal(findingsOf(text, RULE)[0].fixes[0].needsInput, true);
  assert.equal(findingsOf(text, RULE, 'markdown', { namePlaceholder: '{{ticket.requester.first_name}}' })[0].fixes[0].needsInput, false);
});

test('the fix uses the team placeholder from the settings', () => {
  const settings = { namePlaceholder: '{{ticket.requester.first_name}}' };
  const text = "Hi,\n\nI'm sorry to hear the parcel is lost. I'll send another today.\n";
  assert.equal(fixed(text, RULE, 0, 'markdown', settings), "Hi {{ticket.requester.first_name}},\n\nI'm sorry to hear the parcel is lost. I'll send another today.\n");
  // The team placeholder counts as the name even when its path is not a usual one.
  const own = { namePlaceholder: '{{ticket.who}}' };
  assert.deepEqual(findingsOf("Hi {{ticket.who}},\n\nI'm sorry to hear the parcel is lost.", RULE, 'markdown', own), []);
});

test('the fix reuses the placeholder the file already uses in another macro', () => {
  const text = fixture(RULE, 'bad-library-own-placeholder.md');
  const found = findingsOf(text, RULE);
  assert.equal(found.length, 1);
  assert.equal(found[0].macro, 'Broken charger');
  const after = applyFixes(text, found[0].fixes).text;
  assert.ok(after.includes('Hi {{ticket.requester.first_name}},\n\nI\'m sorry to hear your charger'), after);
  assert.deepEqual(findingsOf(after, RULE), []);
});

test('without a greeting, the fix opens the macro with one, after a leading comment', () => {
  const text = fixture(RULE, 'bad-no-greeting.hbs');
  const after = fixed(text, RULE, 0, 'handlebars');
  assert.ok(after.includes("--}}\nHi {{customer.first_name}},\n\nI'm so sorry that your booking"), after);
  assert.deepEqual(findingsOf(after, RULE, 'handlebars'), []);
});

test('placeholders for the agent, the company or the site are not the customer\'s name', () => {
  for (const path of ['agent.first_name', 'current_user.name', 'site_name', 'company.name', 'ticket.requester.email', 'product.name']) {
    assert.equal(isCustomerNamePath(path), false, path);
  }
  for (const path of ['customer.first_name', 'ticket.requester.name', 'recipient.name.first', 'author', 'user.firstName', 'contact.full_name', 'first_name', 'Contact.FirstName', 'ticket.customer.firstname', 'customer.firstName']) {
    assert.equal(isCustomerNamePath(path), true, path);
  }
  const signedByAgent = "Hi,\n\nI'm sorry to hear your order is late. I'll chase it today.\n\nBest,\n{{agent.first_name}}";
  assert.equal(findingsOf(signedByAgent, RULE).length, 1);
});

test('the help desks\' own name placeholders count as the name', () => {
  for (const greeting of ['Hi {%customer.firstName,fallback=there%},', 'Hi {{first_name|fallback:"there"}},', 'Dear {!Contact.FirstName},', 'Hi #{ticket.customer.firstname},', 'Hi {{ customer.first_name | default: "there" }},']) {
    assert.deepEqual(findingsOf(`${greeting}\n\nI'm sorry to hear the parcel is lost. I'll send another today.`, RULE), [], greeting);
  }
});

test('questions and routine replies are not flagged', () => {
  for (const good of [
    'Hi,\n\nYour order shipped today and should arrive on Friday.',
    'Hello,\n\nHow do I change my delivery address? Go to Account, then Addresses.',
    'Hi,\n\nThanks for the feature idea! I have passed it on to the product team.',
  ]) {
    assert.deepEqual(findingsOf(good, RULE), [], good);
  }
});

test('the greeting goes after a byte-order mark and keeps CRLF line breaks', () => {
  const text = "\ufeffI'm sorry to hear the parcel is lost. I'll send another today.\r\n";
  assert.equal(fixed(text, RULE), "\ufeffHi {{customer.first_name}},\r\n\r\nI'm sorry to hear the parcel is lost. I'll send another today.\r\n");
});

test('a name used later in the reply counts, not only in the greeting', () => {
  assert.deepEqual(findingsOf(fixture(RULE, 'good-name-later.md'), RULE), []);
});

test('a stock "apologize for any inconvenience" or a sorry for a slow reply does not make the customer upset', () => {
  assert.deepEqual(findingsOf('Hi,\n\nThe site is back up. We apologize for any inconvenience.', RULE), []);
  assert.deepEqual(findingsOf("Hi,\n\nWe're sorry for the wait. To reset your password, open Settings.", RULE), []);
  assert.deepEqual(findingsOf('Hi,\n\nWe apologize for the delay in getting back to you. Your invoice is attached.', RULE), []);
});

test('an automated notice is not flagged', () => {
  assert.deepEqual(findingsOf('Hello,\n\nThis is an automated message: your account is on hold. We apologize for the disruption.', RULE), []);
});

test('informational macros, the rule setting and a disable comment turn it off', () => {
  const bad = missingNameExamples[0].bad;
  assert.deepEqual(findingsOf(fixture(RULE, 'good-informational.md'), RULE), []);
  assert.deepEqual(findingsOf(bad, RULE, 'markdown', { rules: { [RULE]: 'off' } }), []);
  assert.deepEqual(findingsOf(`<!-- rapport-disable-next-line ${RULE} -->\n${bad}`, RULE), []);
});
