// Sentence facts are answered once per distinct text and filed in a fixed-size
// table that is emptied when full. Whatever the table holds, a fact must give
// the answer its function gives for that very text.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lastAnswered, sentenceFact } from '../../server/src/engine/rules/support/memo';
import { splitSentences } from '../../server/src/engine/document/sentences';
import { hashCodeUnits, hashText, wordsOf } from '../../server/src/engine/text';

test('a fact answers once per distinct text, and sentences with the same text share the answer', () => {
  let calls = 0;
  const lengthOf = sentenceFact((text: string) => {
    calls++;
    return { length: text.length };
  });
  const prose = 'Your parcel left today. Your parcel left today. Your parcel left today!';
  const [first, second, third] = splitSentences(prose, 0, prose.length);
  assert.equal(second.text, first.text);
  assert.equal(lengthOf.of(first), lengthOf.of(second));
  assert.equal(lengthOf(first.text), lengthOf.of(first));
  assert.equal(calls, 1);
  assert.equal(lengthOf.of(third).length, third.text.length);
  assert.equal(calls, 2);
  // An answer of undefined is kept too: asked again, the fact is not computed again.
  let asked = 0;
  const nothing = sentenceFact(() => {
    asked++;
    return undefined;
  });
  assert.equal(nothing.of(first), undefined);
  assert.equal(nothing.of(second), undefined);
  assert.equal(nothing(first.text), undefined);
  assert.equal(asked, 1);
});

test('texts that differ in one character never share an answer, however many the table has seen', () => {
  const digits = sentenceFact((text: string) => text.replace(/\D/g, ''));
  const undefinedForOdd = sentenceFact((text: string) => (Number(text.replace(/\D/g, '')) % 2 === 1 ? undefined : 'even'));
  // More distinct texts than the table keeps, so it is emptied several times along the way.
  for (let round = 0; round < 2; round++) {
    for (let n = 0; n < 10_000; n++) {
      const text = `Order ${100_000 + n} has shipped.`;
      assert.equal(digits(text), String(100_000 + n));
      assert.equal(undefinedForOdd(text), n % 2 === 1 ? undefined : 'even');
    }
  }
});

test('a sentence is filed under the hash of its text, taken by the splitter from the code units', () => {
  const prose = 'Hi there,\n\nThanks for waiting. Your refund of 12.50 is on its way! Anything else?';
  const codes = Uint16Array.from(prose, (ch) => ch.charCodeAt(0));
  for (const sentence of splitSentences(prose, 0, prose.length)) {
    assert.equal(sentence.hash, hashText(sentence.text), sentence.text);
    assert.equal(hashCodeUnits(codes, sentence.start, sentence.end), sentence.hash);
  }
  // One code unit apart, at any position: never the same hash.
  const base = 'We have refunded order 1234567 today.';
  for (let i = 0; i < base.length; i++) {
    const changed = base.slice(0, i) + String.fromCharCode(base.charCodeAt(i) ^ 1) + base.slice(i + 1);
    assert.notEqual(hashText(changed), hashText(base), `position ${i}`);
  }
});

test('hashing code units two to a word gives the hash of the text, at every start and end', () => {
  // Odd and even starts and ends, non-Latin-1 code units among them, and a view that does not start at its buffer's start.
  const prose = 'Grüße — we’ve sent 2 parcels. 😀 Thanks!';
  const buffer = new Uint16Array(prose.length + 2);
  const codes = buffer.subarray(2);
  for (let i = 0; i < prose.length; i++) codes[i] = prose.charCodeAt(i);
  const words = wordsOf(codes);
  assert.equal(words.length, prose.length >> 1);
  for (let start = 0; start <= prose.length; start++) {
    for (let end = start; end <= prose.length; end++) {
      const expected = hashText(prose.slice(start, end));
      assert.equal(hashCodeUnits(codes, start, end, words), expected, `${start}-${end}`);
      assert.equal(hashCodeUnits(codes, start, end), expected, `${start}-${end} without words`);
    }
  }
});

test('a question asked again of the same thing is answered once; of another thing, afresh', () => {
  const asked: string[] = [];
  const lengthOf = lastAnswered((key: { name: string }, extra: number) => {
    asked.push(key.name);
    return key.name.length + extra;
  });
  const a = { name: 'refund' };
  const b = { name: 'delay' };
  assert.equal(lengthOf(a, 1), 7);
  assert.equal(lengthOf(a, 1), 7);
  assert.equal(lengthOf(b, 1), 6);
  // An object equal in content but not the same one is another thing.
  assert.equal(lengthOf({ name: 'delay' }, 2), 7);
  assert.equal(lengthOf(b, 1), 6);
  assert.deepEqual(asked, ['refund', 'delay', 'delay', 'delay']);
  // A first question is answered even when its key is undefined.
  const count = lastAnswered((key: string | undefined) => (key ?? '').length + 1);
  assert.equal(count(undefined), 1);
});
