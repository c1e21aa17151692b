// --fix: safe fixes written in place, fixes that need the author's words left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintJson, project, runCli } from './helpers';

test('--fix rewrites the file with safe fixes and reports them', () => {
  const text = 'Hi Sam,\n\nThe courier lost the parcel. Sorry for the delay.\n\nSorry for any inconvenience.\n';
  const dir = project({ 'late.md': text });
  const run = runCli(dir, 'lint', '--fix', 'late.md');
  assert.equal(run.status, 0, run.stderr);
  const after = fs.readFileSync(path.join(dir, 'late.md'), 'utf8');
  assert.match(after, /I apologize for the delay\./);
  assert.doesNotMatch(after, /Sorry for the delay/);
  // The stock apology's fixes all need the author's words: not applied, no fill-in left in the file.
  assert.match(after, /Sorry for any inconvenience\./);
  assert.doesNotMatch(after, /\[\[/);
  assert.match(run.stdout, /late\.md:3:30 {2}fixed {4}Rewrite as .*\[weak-apology\]/);
  assert.match(run.stdout, /1 fix applied in 1 file/);
  // Re-lint: the fixed finding is gone, the one needing input stays.
  const { files } = lintJson(dir, 'late.md');
  const apologies = files[0].findings.filter((f) => f.rule === 'weak-apology');
  assert.equal(apologies.length, 1);
  assert.match(apologies[0].message, /any inconvenience/);
});

test('--fix keeps the BOM and CRLF line endings', () => {
  const text = '\uFEFFHi Sam,\r\n\r\nI\'m sorry, but the store is closed today.\r\nSorry for the delay.\r\n';
  const dir = project({ 'crlf.md': text });
  runCli(dir, 'lint', '--fix', 'crlf.md');
  const after = fs.readFileSync(path.join(dir, 'crlf.md'), 'utf8');
  assert.ok(after.startsWith('\uFEFFHi Sam,\r\n'));
  assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF added');
  assert.match(after, /I'm sorry that the store is closed today\.\r\nI apologize for the delay\.\r\n$/);
});

test('--fix with JSON output lists what changed', () => {
  const dir = project({ 'a.md': 'Sorry for the delay.\n' });
  const { files } = lintJson(dir, '--fix', 'a.md');
  assert.deepEqual(files[0].fixed?.map((f) => f.rule), ['weak-apology']);
  assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'I apologize for the delay.\n');
});

test('without --fix nothing is written', () => {
  const dir = project({ 'a.md': 'Sorry for the delay.\n' });
  runCli(dir, 'lint', 'a.md');
  assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'Sorry for the delay.\n');
});

test('--fix never writes a file that is not valid UTF-8', () => {
  // "Café" in Latin-1: the é byte is not UTF-8, so a rewrite would turn it into U+FFFD.
  const latin1 = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' order.\n\nSorry for the delay.\n')]);
  const dir = project({ 'latin1.md': latin1 });
  const run = runCli(dir, 'lint', '--fix', 'latin1.md');
  assert.match(run.stdout, /latin1\.md: fixes not applied: the file is not valid UTF-8/);
  assert.ok(fs.readFileSync(path.join(dir, 'latin1.md')).equals(latin1));
  assert.match(run.stdout, /\[weak-apology\]/, 'still linted');
});
