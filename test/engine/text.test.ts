import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { oneLine, withMatch } from '../../server/src/engine/text';

test('oneLine folds every run of white space into one space, and leaves plain text as it is', () => {
  assert.equal(oneLine('sorry for\n  the\tdelay'), 'sorry for the delay');
  assert.equal(oneLine('sorry\u00a0for'), 'sorry for');
  assert.equal(oneLine('I’m sorry  about it'), 'I’m sorry about it');
  assert.equal(oneLine('plain words, one space'), 'plain words, one space');
});

test('withMatch puts the author’s words in the message literally', () => {
  assert.equal(withMatch('"{match}" is a stock apology.', 'Sorry for any inconvenience'), '"Sorry for any inconvenience" is a stock apology.');
  assert.equal(withMatch('"{match}" again', "costs $& and $'"), "\"costs $& and $'\" again");
  assert.equal(withMatch('No match here.', 'x'), 'No match here.');
});
