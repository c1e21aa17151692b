// The sentence splitter on its own: where sentences end, and where they do not.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { splitSentences, PARAGRAPH_MARK } from '../../server/src/engine/document/sentences';

function split(prose: string): string[] {
  return splitSentences(prose, 0, prose.length).map((s) => s.text);
}

test('terminal punctuation followed by white space ends a sentence; closers stay with it', () => {
  assert.deepEqual(split('We shipped it. It arrives Friday! Any questions? Thanks…'), ['We shipped it.', 'It arrives Friday!', 'Any questions?', 'Thanks…']);
  assert.deepEqual(split('She said "it is done." Then (we hope.) we wait?! Sure.'), ['She said "it is done."', 'Then (we hope.)', 'we wait?!', 'Sure.']);
  assert.deepEqual(split('Version 2.5 is out.See you'), ['Version 2.5 is out.See you']);
});

test('the dot of an abbreviation does not end a sentence, whatever its case', () => {
  assert.deepEqual(split('Dr. Lee will call, e.g. tomorrow. MRS. Kay and co. agree. No. 5 is next.'), ['Dr. Lee will call, e.g. tomorrow.', 'MRS. Kay and co. agree.', 'No. 5 is next.']);
  assert.deepEqual(split('We fixed it. Pro. Done.'), ['We fixed it.', 'Pro.', 'Done.']);
});

test('every abbreviation the splitter knows keeps its full stop inside the sentence, in either case', () => {
  for (const abbreviation of ['mr', 'mrs', 'ms', 'dr', 'e.g', 'i.e', 'etc', 'vs', 'approx', 'no', 'st', 'jr', 'sr', 'inc', 'ltd', 'co']) {
    for (const written of [abbreviation, abbreviation.toUpperCase()]) assert.deepEqual(split(`See ${written}. Lee now.`), [`See ${written}. Lee now.`], written);
  }
  // Words that share an abbreviation's last letters, or its length, still end their sentence.
  assert.deepEqual(split('We phoned the doctor. Then the actor. Then Bo. Then us.'), ['We phoned the doctor.', 'Then the actor.', 'Then Bo.', 'Then us.']);
});

test('a blank line or a paragraph mark ends a sentence; a hard wrap does not', () => {
  assert.deepEqual(split('The order left the warehouse\nthis morning and is on its way\n\nTrack it online'), ['The order left the warehouse\nthis morning and is on its way', 'Track it online']);
  assert.deepEqual(split(`First block${String.fromCharCode(PARAGRAPH_MARK)}Second block`), ['First block', 'Second block']);
  assert.deepEqual(split('One\r\n   \r\nTwo'), ['One', 'Two']);
});

test('a short line (a greeting or a sign-off) ends at its line break when the next line starts with a capital', () => {
  assert.deepEqual(split('Hi Sam,\nThanks for writing to us today.\nBest regards\nThe team'), ['Hi Sam,', 'Thanks for writing to us today.', 'Best regards', 'The team']);
  assert.deepEqual(split('Hi Sam,\r\nThanks for writing.'), ['Hi Sam,', 'Thanks for writing.']);
  assert.deepEqual(split('Hi Sam,\nthanks for writing.'), ['Hi Sam,\nthanks for writing.']);
  // Five words are not a short line; a line that continues a sentence begun above is not one either.
  assert.deepEqual(split('We are looking into it\nToday.'), ['We are looking into it\nToday.']);
  assert.deepEqual(split('We are looking into\nit now\nToday.'), ['We are looking into\nit now\nToday.']);
});

test('white space around sentences is not part of them, and long runs of it are skipped', () => {
  const prose = `${' '.repeat(50)}\n\n   Hello there.${' '.repeat(40)}\n${'\n'.repeat(30)}\t Bye now  `;
  const sentences = splitSentences(prose, 0, prose.length);
  assert.deepEqual(sentences.map((s) => s.text), ['Hello there.', 'Bye now']);
  for (const s of sentences) assert.equal(prose.slice(s.start, s.end), s.text);
});

test('a range of the prose is split with its positions shifted by the offset', () => {
  const prose = 'Skip this. Take this one. And this';
  const from = prose.indexOf('Take');
  const sentences = splitSentences(prose, from, prose.length, 100);
  assert.deepEqual(
    sentences.map(({ start, end, text }) => ({ start, end, text })),
    [
      { start: from + 100, end: from + 100 + 'Take this one.'.length, text: 'Take this one.' },
      { start: prose.indexOf('And') + 100, end: prose.length + 100, text: 'And this' },
    ],
  );
  assert.deepEqual(splitSentences(prose, 0, prose.indexOf(' Take')).map((s) => s.text), ['Skip this.']);
});

test('every kind of sentence end is found, in any order, and each split starts afresh', () => {
  assert.deepEqual(split('Done… Really? Yes! Ok.\rNext line\r\rNew para\u2029After the separator'), ['Done…', 'Really?', 'Yes!', 'Ok.', 'Next line', 'New para', 'After the separator']);
  // A split of other prose right after: nothing found in the one before carries over.
  assert.deepEqual(split('Hi Ann!\n\nAll set. Bye?'), ['Hi Ann!', 'All set.', 'Bye?']);
  // Ends beyond the range are not the range's.
  assert.deepEqual(splitSentences('One two. Three! Four?', 0, 'One two'.length).map((s) => s.text), ['One two']);
});
