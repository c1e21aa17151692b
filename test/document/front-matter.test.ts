import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { isPlain, KEY_LINE, readFrontMatter, readKeyLine, readSimpleFrontMatter } from '../../server/src/engine/document/front-matter';

const SIMPLE = [
  'title: Damaged item\ntags: [shipping, replacement]\n',
  'title: "Refund: late"\ntags:\n  - refund\n  - "late"\nrapport:\n  informational: true\n  kind: complaint\n',
  "title: 'Quoted'\ncount: 3\nratio: 0.5\nempty:\nnothing: ~\nflag: false\n# a comment\n\nurl: https://example.com/a#b\n",
  'rapport:\n  library: headings\n  complaint: true\n',
  'title: Hi there, friend\n',
];

const NOT_SIMPLE = [
  'title: yes\n',
  'when: 2024-01-01\n',
  'size: 1e3\n',
  'title: "a\\"b"\n',
  'rapport:\n  rules:\n    weak-apology: off\n',
  'title: a: b\n',
  'title: x\ntitle: y\n',
  'tags:\n- a\n- b\n',
  'text: |\n  block\n',
  'anchor: &a x\nref: *a\n',
  'title: hash # comment\n',
  'rapport:\n\tinformational: true\n',
  'title: [a, [b]]\n',
];

test('simple front matter reads exactly as the YAML parser reads it', () => {
  for (const body of SIMPLE) {
    const simple = readSimpleFrontMatter(body);
    assert.ok(simple, body);
    assert.deepEqual(simple, parseYaml(body), body);
  }
});

test('anything else goes to the YAML parser', () => {
  for (const body of NOT_SIMPLE) assert.equal(readSimpleFrontMatter(body), undefined, body);
  assert.deepEqual(readFrontMatter('rapport:\n  rules:\n    weak-apology: off\n'), { rapport: { rules: { 'weak-apology': 'off' } } });
  assert.throws(() => readFrontMatter('title: x\ntitle: y\n'));
  assert.deepEqual(readFrontMatter('- a list\n'), {});
});

test('a plain scalar is told apart exactly as by its pattern in the YAML grammar', () => {
  // The pattern the hand-written reading replaces: no indicator, digit or white space first; no ": ", ":" at the end or " #".
  const PLAIN = /^[^\s&*!|>%@`{}[\]#,'"?:.+\d-](?:[^#:]|:(?![\s]|$)|(?<!\s)#)*$/;
  const samples = ['Damaged item', 'a:b', 'a: b', 'a:', 'a#b', 'a #b', 'a\t#b', 'https://example.com/a#b', '#x', ':x', '-x', '9 lives', ' x', '\u00a0x', 'x\u00a0#y', 'x:\u2028', 'é', '\u{1F600} smile', 'x::', 'x:#'];
  const alphabet = ['a', 'B', ' ', '\t', ':', '#', '-', '1', '"', '\u00a0', 'é', '\ud83d', '.', ','];
  let seed = 7;
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const length = 1 + (n % 9);
    for (let i = 0; i < length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      text += alphabet[seed % alphabet.length];
    }
    samples.push(text);
  }
  for (const sample of samples) assert.equal(isPlain(sample), PLAIN.test(sample), JSON.stringify(sample));
});

test('a key line is read exactly as its pattern reads it', () => {
  const samples = ['title: Damaged item', 'title:', 'title:  ', 'title:x', 'title : x ', 'tags: [a, b]', '-x: y', '_x-1: y', 'x\ty:\tz\t', 'é: x', 'x: a\rb', 'x: a\u2028', 'x:\u2028', ': x', 'x', ''];
  // Random lines shaped like key lines: a key of key characters (and some others), blanks, mostly a colon, anything.
  const keyAlphabet = ['a', 'Z', '_', '-', '1', 'é'];
  const alphabet = ['a', 'Z', '_', '-', '1', ' ', '\t', ':', '\r', '\u2028', 'é', '#'];
  let seed = 11;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const run = (letters: string[], length: number) => Array.from({ length }, () => letters[next(letters.length)]).join('');
  for (let n = 0; n < 4000; n++) {
    samples.push(run(keyAlphabet, next(5)) + run([' ', '\t'], next(3)) + (next(10) > 0 ? ':' : '') + (next(3) > 0 ? ' ' : '') + run(alphabet, next(9)));
  }
  let read = 0;
  for (const sample of samples) {
    const m = KEY_LINE.exec(sample);
    const entry = readKeyLine(sample);
    assert.deepEqual(entry, m ? { key: m[1], value: m[2] } : undefined, JSON.stringify(sample));
    if (entry) read++;
  }
  // The random lines must reach every branch, not only the ones the pattern turns down.
  assert.ok(read > 300, `${read} key lines read`);
});
