import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixed, flagged, assertExamples, assertClean } from '../support/lint';
import { fixtureSuite } from '../support/expectations';
import { oversharingExamples } from '../../server/src/engine/phrases/oversharing';

const RULE = 'oversharing';

test('every bad example in the phrase data is flagged, and its fix gives the better text, which is clean', () => {
  assertExamples(RULE, oversharingExamples.flagged);
});

test('every clean example in the phrase data is left alone', () => {
  assertClean(RULE, oversharingExamples.clean);
});

test("flags the guide's too-long story from its first sentence to its last", () => {
  const story = "I know where you are coming from. I just hate it when I get delayed just because there's long lines, and I worry about being late for my kids. They get really anxious if I'm late. Sometimes I don't know what to do.";
  assert.deepEqual(flagged(`${story} I've booked you the next slot.`, RULE), [story]);
  const [finding] = findingsOf(story, RULE);
  assert.match(finding.message, /^The story from "I know where you are coming from\." \(4 sentences, \d+ words\)/);
  assert.match(finding.message, /So, let's see what we can do to/);
});

test("keeps the guide's better form: one short shared-experience clause and a refocus", () => {
  assert.deepEqual(flagged("I have kids too, and it's frustrating being late to pick them up. So, let's see what we can do to get you finished here fast.", RULE), []);
});

test('actions for the customer are not narrative, whatever their pronouns', () => {
  assertClean(RULE, [
    "I've checked your account and I'll refund it today. I've also sent you a new invoice.",
    "I've asked my manager to approve the refund. I'll email you as soon as she does.",
    'We have updated your address. We will ship the parcel tomorrow.',
  ]);
});

test('two short remarks are still one passing remark', () => {
  assert.deepEqual(flagged('I have kids too. I get it.', RULE), []);
  assert.deepEqual(flagged('Me too! I love that show.', RULE), []);
});

test('one long sentence of story is flagged on its own', () => {
  const text = 'When I was a student I used to wait for hours at the post office every single week, and I remember how my whole weekend would disappear because of one missing parcel and a rude clerk.';
  assert.equal(findingsOf(text, RULE).length, 1);
});

test('the fix keeps an existing refocus sentence instead of adding another', () => {
  const text = "My own laptop died last week, right before a trip. I was so upset I couldn't sleep that night. Let's get your files back.";
  assert.equal(fixed(text, RULE), "My own laptop died last week, right before a trip. Let's get your files back.");
});

test('the fix shortens a long first sentence at its first clause break', () => {
  const text = 'I just hate it when the bus is late, and I always worry about my kids waiting outside school. They get so upset when it happens.';
  assert.equal(fixed(text, RULE), "I just hate it when the bus is late. So, let's see what we can do to [[solve this for you]].");
  assert.equal(findingsOf(text, RULE)[0].fixes[0].needsInput, true);
});

test('a story in one branch is reported with its condition', () => {
  const text = "Hi {{customer.first_name}},\n\n{{#if chatty}}\nMy dog ate my charger last week. I was so upset I nearly cried at the vet. My husband laughed for hours.\n{{/if}}\nYour new charger ships today.\n";
  const findings = findingsOf(text, RULE, 'handlebars');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /when chatty/);
});

test('stories in quoted customer text are not the agent\'s', () => {
  assert.deepEqual(flagged('> My dog ate my charger last week. I was so upset I nearly cried. My husband laughed for hours.\n\nYour new charger ships today.', RULE), []);
});

fixtureSuite(RULE, test, assert);

test('the alternative fix drops the whole story', () => {
  const text = "Hi Sam,\n\nMy own laptop died last week, right before a trip. I was so upset I couldn't sleep that night. Let's get your files back.";
  assert.equal(fixed(text, RULE, 1), "Hi Sam,\n\nLet's get your files back.");
  const noRefocus = "My dog ate my charger last week. I was so upset I nearly cried at the vet. Your new charger ships today.";
  assert.equal(fixed(noRefocus, RULE, 1), "So, let's see what we can do to [[solve this for you]]. Your new charger ships today.");
  assert.equal(findingsOf(noRefocus, RULE)[0].fixes[1].preferred, false);
});

