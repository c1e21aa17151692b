import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, flagged, fixed, assertClean } from '../support/lint';

const RULE = 'name-fallback';

test('flags a customer-name placeholder with no fallback, at the placeholder', () => {
  const text = 'Hi {{ticket.requester.first_name}},\n\nYour parcel ships today.\n';
  assert.deepEqual(flagged(text, RULE), ['{{ticket.requester.first_name}}']);
  const [finding] = findingsOf(text, RULE);
  assert.equal(finding.start, 3);
  assert.match(finding.message, /Hi ,/);
});

test('leaves placeholders that have a fallback, that are guarded, or that are not the customer alone', () => {
  assertClean(RULE, [
    'Hi {{user.name|fallback:"there"}},',
    'Hi {%customer.firstName,fallback=there%},',
    'Hi {{ customer.first_name | default: "there" }},',
    'Hi {{#if customer.first_name}}{{customer.first_name}}{{else}}there{{/if}},',
    'Thanks,\n{{current_user.first_name}}',
    'Your order {{ticket.id}} ships today.',
    'Write `{{customer.first_name}}` in your macros.',
  ]);
});

test('in a library file, a guard covers the placeholders inside its first branch only', () => {
  const text = [
    '## Late parcel',
    '',
    '{{#if customer.first_name}}Hi {{customer.first_name}},{{else}}Hi {{customer.first_name}} there,{{/if}}',
    '',
    'Sorry, {{customer.first_name}}.',
    '',
    '## Refund',
    '',
    '{{#if ticket.id}}{{#if customer.first_name}}Dear {{customer.first_name}},{{/if}} ticket {{ticket.id}}{{/if}}',
    '',
    'Thanks, {{customer.first_name}}.',
    '',
  ].join('\n');
  const found = findingsOf(text, RULE).map((f) => f.start);
  const at = (needle: string, from = 0) => text.indexOf('{{customer.first_name}}', text.indexOf(needle, from));
  // Unguarded: the else branch, the sentence after the first block, the last sentence.
  assert.deepEqual(found, [at('{{else}}'), at('Sorry'), at('Thanks')]);
});

test('adds the platform\'s own fallback syntax', () => {
  assert.equal(fixed('Hi {{ customer.first_name | capitalize }},', RULE), 'Hi {{ customer.first_name | capitalize | default: "there" }},');
  assert.equal(fixed('Hi {%customer.firstName%},', RULE), 'Hi {%customer.firstName,fallback=there%},');
  assert.equal(fixed('Hi {{customer.first_name}},', RULE, 0), 'Hi {{#if customer.first_name}}{{customer.first_name}}{{else}}there{{/if}},');
  assert.equal(fixed('Hi {{user.name}},', RULE, 1), 'Hi {{user.name|fallback:"there"}},');
  assert.equal(fixed('Hi {{user.name}},', RULE, 2), 'Hi {{user.name | default: "there"}},');
});

test('prefers a fix only where the syntax names the platform', () => {
  for (const language of ['markdown', 'handlebars']) {
    const [plain] = findingsOf('Hi {{customer.first_name}},', RULE, language);
    assert.equal(plain.fixes.length, 3);
    assert.equal(plain.fixes.some((f) => f.preferred), false, language);
    assert.ok(plain.fixes.every((f) => f.needsInput), 'the author chooses the platform');
  }
  const [liquid] = findingsOf('Hi {{ name | upcase }},', RULE);
  assert.equal(liquid.fixes[0].preferred, true);
  assert.equal(liquid.fixes[0].needsInput, false);
  const [helpscout] = findingsOf('Hi {%customer.firstName%},', RULE);
  assert.equal(helpscout.fixes[0].preferred, true);
});

test('reports at info severity by default, and not handles or person objects', () => {
  assert.equal(findingsOf('Hi {{customer.first_name}},', RULE)[0].severity, 'info');
  assert.deepEqual(flagged('Thanks @{{ author }}! {{user}}', RULE), []);
});

test('the fixed text has no finding left', () => {
  const once = fixed('Hi {{ customer.first_name | capitalize }},', RULE);
  assert.deepEqual(flagged(once, RULE), []);
  const wrapped = fixed('Hi {{customer.first_name}},', RULE, 0, 'handlebars');
  assert.deepEqual(flagged(wrapped, RULE, 'handlebars'), []);
});

test('uses the team\'s own name placeholder from the settings', () => {
  const settings = { namePlaceholder: '{{ticket.requester.nick}}' };
  assert.deepEqual(flagged('Hi {{ticket.requester.nick}},', RULE, 'markdown', settings), ['{{ticket.requester.nick}}']);
});

test('a name is the customer\'s only on a person: departments and topics have names too', () => {
  assert.deepEqual(flagged('Hi {{ticket.requester.name}}, {{recipient.name.first}} and {{name}}.', RULE), ['{{ticket.requester.name}}', '{{recipient.name.first}}', '{{name}}']);
  assert.deepEqual(flagged('Your ticket went to %{ticket.dept.name} about %{ticket.topic.name} in {{ticket.brand.name}}.', RULE), []);
});

test('leaves syntaxes that have no fallback of their own (osTicket, Salesforce)', () => {
  assert.deepEqual(flagged('Dear %{recipient.name.first}, hi {!Contact.FirstName},', RULE), []);
});

test('the message shows the sentence as it reads with the name empty', () => {
  const [greeting] = findingsOf('Hi {{customer.first_name}},\n\nThanks.', RULE);
  assert.match(greeting.message, /reads "Hi ,"/);
  const [later] = findingsOf('Thanks, {{customer.first_name}}.', RULE);
  assert.match(later.message, /reads "Thanks, \."/);
});
