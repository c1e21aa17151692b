import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixed, flagged, assertExamples, assertClean } from '../support/lint';
import { applyFixes } from '../../server/src/engine';
import { fixtureSuite } from '../support/expectations';
import { goodApologies, weakApologyPhrases } from '../../server/src/engine/phrases/weak-apology';

const RULE = 'weak-apology';

test('every phrase example is flagged once, and its fix gives the better text, which is clean', () => {
  for (const phrase of weakApologyPhrases) assertExamples(RULE, phrase.examples, phrase.id);
});

test('every good apology in the phrase data is left alone', () => {
  assertClean(RULE, goodApologies);
});

test('flags the throwaway and stock apologies the guide names', () => {
  assert.deepEqual(flagged("Sorry 'bout that, give me the details and I'll sort this out for you.", RULE), ["Sorry 'bout that"]);
  assert.deepEqual(flagged('We apologize for any inconvenience this may have caused.', RULE), ['We apologize for any inconvenience this may have caused']);
  assert.deepEqual(flagged("I'm sorry you feel that way.", RULE), ["I'm sorry you feel that way"]);
  assert.deepEqual(flagged('Sorry!', RULE), ['Sorry!']);
  assert.deepEqual(flagged('Our sincere apologies for the inconvenience.', RULE), ['Our sincere apologies for the inconvenience']);
  assert.deepEqual(flagged("I'm sorry if you feel we rushed you.", RULE), ["I'm sorry if you feel"]);
});

test('flags "sorry, but" when the but softens a refusal', () => {
  assert.deepEqual(flagged("I'm sorry but we can't reproduce the problem with these steps.", RULE), ["I'm sorry but"]);
  assert.deepEqual(flagged('My apologies, but that discount has expired.', RULE), ['My apologies, but']);
});

test('leaves full-sentence apologies that name what went wrong alone', () => {
  assertClean(RULE, [
    "I'm sorry to hear your parcel arrived damaged.",
    'I apologize for the delay.',
    "I'm sorry you haven't received that information as promised, {{customer.first_name}}.",
    "We're sorry that your order arrived late.",
    "We're sorry, but your message to the support address didn't work because the attachment was too large.",
    "We're sorry, but we're having trouble reaching you by email.",
    'Sorry to bother you again: could you confirm the delivery address?',
    'You never need to apologize for asking.',
  ]);
});

test('does not read apologies in quotes, code or comments', () => {
  assert.deepEqual(flagged('> Sorry! I think I ordered the wrong size.\n\nNo problem, I have swapped it for a medium.', RULE), []);
  assert.deepEqual(flagged('Use the `sorry for any inconvenience` snippet only in tests.', RULE), []);
  assert.deepEqual(flagged('<!-- Sorry! -->\nYour parcel is on its way.', RULE), []);
});

test('keeps the sentence object and the placeholders in it', () => {
  assert.equal(fixed('Sorry for the delay, {{customer.first_name}}!', RULE), 'I apologize for the delay, {{customer.first_name}}!');
  assert.equal(fixed('Sorry about the mix-up with order {{order.id}}.', RULE), 'I apologize for the mix-up with order {{order.id}}.');
});

test('the flagged phrase of "Sorry for the delay" is the phrase with its object, and the message names it', () => {
  const [finding] = findingsOf('Sorry for the delay, {{customer.first_name}}!', RULE);
  assert.equal(finding.message.startsWith('"Sorry for the delay" has no one doing the apologizing'), true, finding.message);
});

test('the message quotes the words as the document has them, placeholders included, in every file that repeats the sentence', () => {
  const withOrder = findingsOf('Sorry about the mix-up with order {{order.id}}.', RULE);
  assert.match(withOrder[0].message, /^"Sorry about the mix-up with order \{\{order\.id\}\}" /);
  // The same sentence text without a placeholder in another file quotes its own words.
  const plain = findingsOf('Sorry about the mix-up with order XXXXXXXXXXXX.', RULE);
  assert.match(plain[0].message, /^"Sorry about the mix-up with order XXXXXXXXXXXX" /);
  assert.match(findingsOf('Sorry about the mix-up with order {{order.id}}.', RULE)[0].message, /\{\{order\.id\}\}/);
});

test('offers the guide\'s "as promised" apology with the name placeholder the file uses', () => {
  const text = 'Hi {{ticket.requester.first_name}},\n\nSorry for the delay.';
  assert.equal(fixed(text, RULE, 1), "Hi {{ticket.requester.first_name}},\n\nI'm sorry you haven't received [[what was promised]] as promised, {{ticket.requester.first_name}}.");
  assert.equal(fixed('Sorry for the delay.', RULE, 1), "I'm sorry you haven't received [[what was promised]] as promised.");
  assert.equal(fixed('Sorry for the delay.', RULE, 1, 'markdown', { namePlaceholder: '{{first_name}}' }), "I'm sorry you haven't received [[what was promised]] as promised, {{first_name}}.");
});

test('a stock apology before more words becomes its own sentence', () => {
  assert.equal(fixed("Sorry 'bout that, give me the details and I'll sort this out.", RULE), "I apologize for [[what went wrong]]. Give me the details and I'll sort this out.");
  assert.equal(fixed("We're sorry, but this plan has no phone support.", RULE), "We're sorry that this plan has no phone support.");
});

test('fixes that leave a fill-in are marked as needing input; keep-object fixes are not', () => {
  assert.equal(findingsOf('Sorry!', RULE)[0].fixes[0].needsInput, true);
  assert.equal(findingsOf('Sorry for the delay.', RULE)[0].fixes[0].needsInput, false);
});

test('flags a second apology in the same reply once, and not a weak one twice', () => {
  const text = "I'm sorry to hear the parcel was late. I apologize for the mix-up with the courier.";
  const findings = findingsOf(text, RULE);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /apologizes 2 times/);
  assert.equal(text.slice(findings[0].start, findings[0].end), 'apologize');
  assert.equal(findingsOf("I'm sorry to hear the parcel was late. Sorry for the delay.", RULE).length, 1);
});

test('apologies in different macros of a library, or in different branches, are not repeats', () => {
  const library = "## Late parcel\n\nI'm sorry to hear the parcel was late.\n\n## Damaged parcel\n\nI'm sorry to hear the parcel arrived damaged.\n";
  assert.deepEqual(flagged(library, RULE), []);
  const branches = "{{#if vip}}\nI'm sorry your parcel was late.\n{{else}}\nI apologize for the late parcel.\n{{/if}}\n";
  assert.deepEqual(flagged(branches, RULE, 'handlebars'), []);
  const both = "I'm sorry your parcel was late.\n{{#if vip}}\nI apologize for the wait.\n{{/if}}\n";
  assert.equal(findingsOf(both, RULE, 'handlebars').length, 1);
  assert.match(findingsOf(both, RULE, 'handlebars')[0].message, /when vip/);
});

test('positions are exact with CRLF and emoji before the apology', () => {
  const text = 'Hi 👋 {{customer.first_name}},\r\n\r\n📦 Sorry for the delay.\r\n';
  assert.deepEqual(flagged(text, RULE), ['Sorry for the delay']);
  assert.equal(fixed(text, RULE), 'Hi 👋 {{customer.first_name}},\r\n\r\n📦 I apologize for the delay.\r\n');
});

fixtureSuite(RULE, test, assert);

test('disable comments and front matter switch the rule off where the author says', () => {
  assert.deepEqual(flagged('<!-- rapport-disable-next-line weak-apology -->\nSorry!\n', RULE), []);
  assert.deepEqual(flagged('{{!-- rapport-disable-next-line weak-apology --}}\nSorry!\n', RULE, 'handlebars'), []);
  assert.deepEqual(flagged('---\nrapport:\n  rules:\n    weak-apology: off\n---\nSorry!\n', RULE), []);
  assert.deepEqual(flagged('<!-- rapport-disable-next-line oversharing -->\nSorry!\n', RULE), ['Sorry!']);
});


test('after a sound apology, a second weak one is best removed; never unattended', () => {
  const text = "Hi {{customer.first_name}},\n\nI apologize for the delay. Sorry for any inconvenience.\n\nA replacement ships today.\n";
  const [finding] = findingsOf(text, RULE);
  const removal = finding.fixes[0];
  assert.match(removal.title, /Remove this apology/);
  assert.equal(removal.needsInput, true, 'deleting a sentence is the author\'s call');
  const after = applyFixes(text, [removal]).text;
  assert.equal(after, 'Hi {{customer.first_name}},\n\nI apologize for the delay.\n\nA replacement ships today.\n');
  assert.deepEqual(findingsOf(after, RULE), []);
});

test('after a weak apology, removing the second is offered last: rewriting the first may be better', () => {
  const text = "Sorry 'bout that! We apologize for any inconvenience this may have caused.\n";
  const [first, second] = findingsOf(text, RULE);
  assert.match(first.fixes[0].title, /I apologize for/);
  const removal = second.fixes[second.fixes.length - 1];
  assert.match(removal.title, /Remove this apology/);
  assert.notEqual(removal.preferred, true);
  assert.equal(applyFixes(text, [first.fixes[0], removal]).text, 'I apologize for [[what went wrong]].\n');
});

test('an apology in the other branch of an if does not make this one redundant', () => {
  const text = '{{#if vip}}\nI apologize for the delay.\n{{else}}\nSorry!\n{{/if}}\n';
  const [finding] = findingsOf(text, RULE);
  assert.ok(finding);
  assert.doesNotMatch(finding.fixes[0].title, /Remove this apology/);
});
