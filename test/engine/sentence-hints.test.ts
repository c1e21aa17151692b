// The engine asks a rule about a sentence only when the rule's sentenceHint
// matches it, and some long patterns run only behind a cheap hint. A hint that missed a sentence the rule would report would hide
// that finding: here every rule is asked about every sentence of every fixture
// and example, and whatever it reports must be in a sentence its hint matches.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, rules } from '../../server/src/engine';
import { weakApologyPhrases } from '../../server/src/engine/phrases/weak-apology';
import { ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_HINT, PROBLEM_WORDS, PROBLEM_WORDS_HINT } from '../../server/src/engine/phrases/acknowledgement';
import { SOLUTION, SOLUTION_HINT } from '../../server/src/engine/phrases/acknowledgement-order';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function fixtureTexts(dir: string): Array<{ name: string; text: string }> {
  const found: Array<{ name: string; text: string }> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...fixtureTexts(file));
    else if (/\.(?:md|hbs)$/.test(entry.name)) found.push({ name: path.relative(FIXTURES, file), text: fs.readFileSync(file, 'utf8') });
  }
  return found;
}

const texts = [
  ...fixtureTexts(FIXTURES),
  ...rules.map((rule) => ({ name: `${rule.id} example`, text: rule.example.bad })),
  ...weakApologyPhrases.flatMap((phrase) => phrase.examples.map((example, i) => ({ name: `${phrase.id} example ${i}`, text: example.bad }))),
];

test('sentence hints never hide a finding', () => {
  const hinted = rules.filter((rule) => rule.checkSentence && rule.sentenceHint);
  assert.ok(hinted.length >= 6, 'the sentence rules declare hints');
  let reported = 0;
  for (const { name, text } of texts) {
    const language = name.endsWith('.hbs') ? 'handlebars' : 'markdown';
    const doc = parseDocument(text, language);
    for (const rule of hinted) {
      for (const sentence of doc.sentences) {
        const result = rule.checkSentence!(sentence, { doc, settings: {}, options: {} });
        if (result === undefined || (Array.isArray(result) && result.length === 0)) continue;
        reported++;
        assert.ok(rule.sentenceHint!.test(sentence.text), `${rule.id} reports "${sentence.text}" (${name}), which its hint misses`);
      }
    }
  }
  assert.ok(reported > 50, `the fixtures exercise the sentence rules (${reported} reports)`);
});

// Patterns that run behind a cheap hint: the hint must match wherever the pattern does.
const GUARDED: Array<{ name: string; hint: RegExp; pattern: RegExp; matches: string[] }> = [
  {
    name: 'ACKNOWLEDGEMENT',
    hint: ACKNOWLEDGEMENT_HINT,
    pattern: ACKNOWLEDGEMENT,
    matches: [
      'We totally understand the rush.',
      'I can see why the wait annoyed you.',
      'We hear you.',
      'I know how it feels.',
      'I can imagine the stress.',
      'We appreciate your patience.',
      'I realize the timing is bad.',
      'We recognize the trouble this caused.',
      "I think you're saying the form is broken.",
      'That must have been a long day.',
      'This sounds like a bad week.',
      'It is so frustrating.',
      "I'm sorry to hear about the parcel.",
      "We're truly sorry that the parcel was late.",
      'We apologize for missing your call.',
      "I know where you're coming from.",
      'Your reaction is understandable.',
      'How disappointing for you.',
      'A worrying start.',
      'Thanks for letting us know.',
      'Thank you for flagging the bug.',
    ],
  },
  {
    name: 'SOLUTION',
    hint: SOLUTION_HINT,
    pattern: SOLUTION,
    matches: [
      "I've refunded the charge.",
      'We have re-sent the code.',
      'We have already waived the fee.',
      'Your order has been processed.',
      'The parcel was shipped.',
      "We'll investigate it today.",
      "I'll look into the delay.",
      'Please click Reset.',
      'To fix this, restart the app.',
      'Go to Settings.',
      'Log out and in again.',
      'Here is how to work around it.',
      'Your new card is on its way.',
      'Your replacement will arrive soon.',
    ],
  },
  {
    name: 'PROBLEM_WORDS',
    hint: PROBLEM_WORDS_HINT,
    pattern: new RegExp(PROBLEM_WORDS.source, 'i'),
    matches: [
      'The vase was damaged.',
      'A defective charger.',
      'The faulty cable.',
      'It arrived late.',
      'You were charged twice.',
      'You were double-charged.',
      'You were overcharged.',
      'We billed twice.',
      'It never showed up.',
      'You are locked out.',
      'The parcel went missing.',
      'One item is missing.',
      'We sent the wrong size.',
    ],
  },
];

test('a pattern behind a hint: the hint matches wherever the pattern does', () => {
  const sentences = texts.flatMap(({ name, text }) => parseDocument(text, name.endsWith('.hbs') ? 'handlebars' : 'markdown').sentences.map((s) => s.text));
  for (const { name, hint, pattern, matches } of GUARDED) {
    for (const text of matches) {
      assert.ok(pattern.test(text), `${name} matches "${text}" (keep the list meaningful)`);
      assert.ok(hint.test(text), `${name}'s hint misses "${text}"`);
    }
    let matched = 0;
    for (const text of sentences) {
      if (!pattern.test(text)) continue;
      matched++;
      assert.ok(hint.test(text), `${name}'s hint misses "${text}"`);
    }
    assert.ok(matched > 0, `${name} matches some fixture sentence`);
  }
});
