// The JSON contract: files, findings with LSP-style 0-based UTF-16 ranges, fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FLAGGED_DELAY, lintJson, project, textAt } from './helpers';

test('JSON output: findings with rule, severity, message, 0-based UTF-16 ranges and fixes', () => {
  // The emoji is two UTF-16 code units: the apology after it starts at character 14, not 13.
  const text = 'Hello there,\n\nOrder 🎁 late. Sorry for the delay.\n';
  const dir = project({ 'late.md': text });
  const { run, files } = lintJson(dir, 'late.md');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(files.length, 1);
  assert.equal(files[0].file, 'late.md');
  const apology = files[0].findings.find((f) => f.rule === 'weak-apology');
  assert.ok(apology, JSON.stringify(files));
  assert.equal(apology.severity, 'warning');
  assert.match(apology.message, /Sorry for/);
  assert.deepEqual(apology.range.start, { line: 2, character: 15 });
  assert.match(textAt(text, apology.range), FLAGGED_DELAY);
  assert.ok(apology.fixes.length > 0);
  const edit = apology.fixes[0].edits[0];
  assert.equal(typeof edit.newText, 'string');
  assert.equal(edit.range.start.line, 2);
});

test('JSON output: positions are right on CRLF lines and after a BOM', () => {
  const text = '\uFEFFHi Sam,\r\n\r\nThe parcel 🚚 is late.\r\nSorry for the delay.\r\n';
  const dir = project({ 'crlf.md': text });
  const { files } = lintJson(dir, 'crlf.md');
  const apology = files[0].findings.find((f) => f.rule === 'weak-apology');
  assert.ok(apology, JSON.stringify(files));
  assert.deepEqual(apology.range.start, { line: 3, character: 0 });
  assert.equal(apology.range.end.line, 3);
  assert.match(textAt(text.slice(1), apology.range), FLAGGED_DELAY);
});

test('JSON output: every file named, with an empty list when clean', () => {
  const dir = project({ 'clean.md': 'Hi Sam,\n\nYour refund was sent today. It should reach your bank in three days.\n' });
  const { run, files } = lintJson(dir, 'clean.md');
  assert.equal(run.status, 0);
  assert.deepEqual(files, [{ file: 'clean.md', findings: [] }]);
});

test('JSON output: one file a line, so a big report stays compact and easy to grep', () => {
  const dir = project({ 'a.md': 'Sorry for the delay.\n', 'b.md': 'Hi Sam,\n\nYour refund was sent today.\n' });
  const { run, files } = lintJson(dir, 'a.md', 'b.md');
  const lines = run.stdout.split('\n');
  assert.deepEqual([lines[0], lines[3], lines[4]], ['[', ']', '']);
  assert.deepEqual(JSON.parse(lines[1].replace(/,$/, '')), files[0]);
  assert.deepEqual(JSON.parse(lines[2]), files[1]);
  assert.equal(files[0].file, 'a.md');
});
