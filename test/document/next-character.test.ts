// The search for the next of a few characters that the splitter and the Markdown scan jump with.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { NextCharacter, NOT_FOUND } from '../../server/src/engine/document/next-character';

function everyPlace(text: string, characters: string[]): number[] {
  const places: number[] = [];
  for (let i = 0; i < text.length; i++) if (characters.includes(text[i])) places.push(i);
  return places;
}

test('finds the nearest of the characters from any place, forwards, backwards and after a reset', () => {
  const characters = ['.', '!', '\n', '\u2026'];
  const search = new NextCharacter(characters);
  const texts = ['Hi.\nWe shipped it! Thanks… Bye.', 'No stops here', '!!..\n\n', ''];
  for (const text of texts) {
    search.reset(text);
    const places = everyPlace(text, characters);
    const expected = (from: number) => places.find((p) => p >= from) ?? NOT_FOUND;
    // Forwards, one place at a time, then backwards, then jumping about.
    for (let from = 0; from <= text.length; from++) assert.equal(search.at(from), expected(from), `${JSON.stringify(text)} forwards ${from}`);
    for (let from = text.length; from >= 0; from--) assert.equal(search.at(from), expected(from), `${JSON.stringify(text)} backwards ${from}`);
    for (const from of [3, 0, 20, 1, 7, 7, 2]) assert.equal(search.at(from), expected(from), `${JSON.stringify(text)} at ${from}`);
  }
});
