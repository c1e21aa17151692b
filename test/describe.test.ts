import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRule, ruleById, rules } from '../server/src/engine';
import { shortReason } from '../server/src/engine/rules/support/describe';
import type { Rule } from '../server/src/engine/rules/support/rule';

test("describes a rule with the guide's reason, its source, bad and better examples, and the docs page", () => {
  const rule = ruleById('missing-name')!;
  const text = describeRule(rule);
  assert.ok(text.startsWith('**missing-name**: '), text);
  assert.ok(text.includes("> It's also good practice to use the customers name in a difficult situation"), text);
  assert.ok(text.includes('`002_7ed0ca1cf187ed43.txt`'), text);
  assert.ok(text.includes(`Instead of:\n\n\`\`\`text\n${rule.example.bad}\n\`\`\``), text);
  assert.ok(text.includes(`Better:\n\n\`\`\`text\n${rule.example.better}\n\`\`\``), text);
  assert.ok(text.endsWith('More: `docs/rules/missing-name.md`'), text);
});

test('links the docs page when given a link', () => {
  const text = describeRule(ruleById('no-next-step')!, 'https://example.com/docs/rules/no-next-step.md');
  assert.ok(text.endsWith('More: [no-next-step.md](https://example.com/docs/rules/no-next-step.md)'), text);
});

test('keeps a long quote to its first two sentences', () => {
  assert.equal(shortReason('One thing. Two things! Three things? Four.'), 'One thing. Two things!');
  assert.equal(shortReason('No full stop at all'), 'No full stop at all');
  assert.equal(shortReason('First part. … Second part. Third.'), 'First part. … Second part.');
});

test('an example with backticks cannot close the fence early', () => {
  const rule: Rule = { ...ruleById('team-phrase')!, example: { bad: 'Run ```x``` now.', better: 'Run it now.' } };
  const text = describeRule(rule);
  assert.ok(text.includes('````text\nRun ```x``` now.\n````'), text);
});

test('every registered rule can be described', () => {
  for (const rule of rules) {
    const text = describeRule(rule);
    assert.ok(text.includes(rule.id) && text.includes(rule.why.source), rule.id);
  }
});
