import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, type Settings } from '../../server/src/engine';
import { findingsOf, fixed, flagged, fixture } from '../support/lint';
import { keepCase } from '../../server/src/engine/rules/team-phrase';

const RULE = 'team-phrase';
const settings: Settings = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', RULE, 'settings.json'), 'utf8'));

test('no phrases configured, no findings', () => {
  const text = fixture(RULE, 'bad-phrases.md');
  assert.deepEqual(findingsOf(text, RULE), []);
  assert.deepEqual(findingsOf(text, RULE, 'markdown', { phrases: [] }), []);
});

test('flags each whole-word, case-insensitive occurrence of the team phrases', () => {
  assert.deepEqual(flagged(fixture(RULE, 'bad-phrases.md'), RULE, 'markdown', settings), ['No worries', 'ticket', 'ASAP', 'Per our policy']);
});

test('not inside other words, code or placeholders', () => {
  assert.deepEqual(flagged(fixture(RULE, 'good-no-phrases.md'), RULE, 'markdown', settings), []);
  assert.deepEqual(flagged('Your {{ticket.id}} is open. The asapp team replied.', RULE, 'markdown', settings), []);
});

test('the fix writes the preferred phrase in the case of the original, and re-lints clean', () => {
  const text = 'No worries! We will get to it asap.';
  const all = findingsOf(text, RULE, 'markdown', settings);
  const after = applyFixes(text, all.flatMap((f) => f.fixes)).text;
  assert.equal(after, 'Happy to help! We will get to it today.');
  assert.deepEqual(findingsOf(after, RULE, 'markdown', settings), []);
  assert.equal(fixed('Your TICKET is open.', RULE, 0, 'markdown', settings), 'Your REQUEST is open.');
  assert.equal(keepCase('No worries', 'happy to help'), 'Happy to help');
  assert.equal(keepCase('no worries', 'Happy to help'), 'happy to help');
});

test('an entry without a preferred phrase is flagged without a fix', () => {
  const [finding] = findingsOf('Per our policy, refunds take a week.', RULE, 'markdown', settings);
  assert.deepEqual(finding.fixes, []);
  assert.match(finding.message, /Per our policy/);
});

test("the entry's own severity and message win over the rule's", () => {
  const text = fixture(RULE, 'bad-phrases.md');
  const bySeverity = Object.fromEntries(findingsOf(text, RULE, 'markdown', settings).map((f) => [text.slice(f.start, f.end), f]));
  assert.equal(bySeverity['No worries'].severity, 'warning');
  assert.equal(bySeverity['Per our policy'].severity, 'error');
  assert.equal(bySeverity['ticket'].severity, 'hint');
  assert.match(bySeverity['ASAP'].message, /^Give the customer a time, not "ASAP"\. Write "today" instead\.$/);
});

test('matches across line breaks and either apostrophe, and skips broken entries', () => {
  const own: Settings = { phrases: [{ phrase: "don't hesitate", preferred: 'feel free' }, { phrase: '' }, { phrase: 42 } as never] };
  assert.deepEqual(flagged('Please don’t\nhesitate to write back.', RULE, 'markdown', own), ['don’t\nhesitate']);
});

test('the rule setting turns it off', () => {
  const off: Settings = { ...settings, rules: { [RULE]: 'off' } };
  assert.deepEqual(findingsOf(fixture(RULE, 'bad-phrases.md'), RULE, 'markdown', off), []);
});

test('not in link destinations, code spans, comments or front matter', () => {
  const text = '---\ntitle: ASAP replies\n---\nSee [the guide](https://example.com/asap) and `no worries`.\n<!-- no worries -->\n';
  assert.deepEqual(flagged(text, RULE, 'markdown', settings), []);
});

test('entries with an empty or missing phrase give no findings', () => {
  const broken = { phrases: [{ phrase: '   ' }, { preferred: 'x' } as never, null as never] } as Settings;
  assert.deepEqual(findingsOf('No worries at all, anything goes.', RULE, 'markdown', broken), []);
});
