import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { readFrontMatter, readSimpleFrontMatter } from '../../server/src/engine/document/front-matter';

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
