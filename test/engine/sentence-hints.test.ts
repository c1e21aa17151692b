// The engine asks a rule about a sentence only when the rule's sentenceHint
// matches it. A hint that missed a sentence the rule would report would hide
// that finding: here every rule is asked about every sentence of every fixture
// and example, and whatever it reports must be in a sentence its hint matches.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, rules } from '../../server/src/engine';
import { weakApologyPhrases } from '../../server/src/engine/phrases/weak-apology';

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
