import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixed, flagged } from '../support/lint';
import { weakApologyPhrases } from '../../server/src/engine/phrases/weak-apology';

const RULE = 'weak-apology';

test('every phrase example is flagged, and its fix gives the better text', () => {
  for (const phrase of weakApologyPhrases) {
    for (const { bad, better } of phrase.examples) {
      assert.equal(findingsOf(bad, RULE).length, 1, `${phrase.id}: expected one finding in ${bad}`);
      assert.equal(fixed(bad, RULE), better, `${phrase.id}: fix of ${bad}`);
      assert.deepEqual(flagged(better, RULE), [], `${phrase.id}: the better text is clean: ${better}`);
    }
  }
});

test('flags the throwaway and stock apologies the guide names', () => {
  assert.deepEqual(flagged("Sorry 'bout that, give me the details and I'll sort this out for you.", RULE), ["Sorry 'bout that"]);
  assert.deepEqual(flagged('We apologize for any inconvenience this may have caused.', RULE), ['We apologize for any inconvenience this may have caused']);
  assert.deepEqual(flagged("I'm sorry you feel that way.", RULE), ["I'm sorry you feel that way"]);
});

test('leaves full-sentence apologies that name what went wrong alone', () => {
  for (const good of [
    "I'm sorry to hear your parcel arrived damaged.",
    'I apologize for the delay.',
    "I'm sorry you haven't received that information as promised, {{customer.first_name}}.",
    "We're sorry that your order arrived late.",
  ]) {
    assert.deepEqual(flagged(good, RULE), [], good);
  }
});

test('keeps the sentence object and the placeholders in it', () => {
  assert.equal(fixed('Sorry for the delay, {{customer.first_name}}!', RULE), 'I apologize for the delay, {{customer.first_name}}!');
});

test('flags a second apology in the same reply once', () => {
  const text = "I'm sorry to hear the parcel was late. I apologize for the mix-up with the courier.";
  const findings = findingsOf(text, RULE);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /apologizes 2 times/);
  assert.equal(text.slice(findings[0].start, findings[0].end), 'apologize');
});
