// --format github: one workflow command per finding, properly escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeData, escapeProperty } from '../../server/src/cli/formats';
import { project, runCli } from './helpers';

test('github output: an annotation line per finding with position and title', () => {
  const dir = project({ 'late.md': 'Hi there,\n\nYour 📦 is late. Sorry for the delay.\n' });
  const run = runCli(dir, 'lint', '--format', 'github', 'late.md');
  assert.equal(run.status, 0, run.stderr);
  const line = run.stdout.split('\n').find((l) => l.includes('rapport(weak-apology)'));
  assert.ok(line, run.stdout);
  const m = /^::warning file=late\.md,line=3,col=18,endLine=3,endColumn=(\d+),title=rapport\(weak-apology\)::.*Sorry for/.exec(line);
  assert.ok(m, line);
  // The end column is 1-based and exclusive, in UTF-16 units: 18 + the length of the flagged text.
  assert.ok(['Sorry for', 'Sorry for the delay'].some((flagged) => Number(m[1]) === 18 + flagged.length), line);
});

test('github output: file names with commas and colons are escaped as properties', () => {
  const dir = project({ 'a, b: c.md': 'Sorry for the delay.\n' });
  const run = runCli(dir, 'lint', '--format', 'github', 'a, b: c.md');
  const line = run.stdout.split('\n').find((l) => l.startsWith('::warning') && l.includes('weak-apology'));
  assert.ok(line, run.stdout);
  assert.ok(line.startsWith('::warning file=a%2C b%3A c.md,line=1,'), line);
});

test('workflow command escaping', () => {
  assert.equal(escapeData('100% sure\r\nnext: a, b'), '100%25 sure%0D%0Anext: a, b');
  assert.equal(escapeProperty('dir/a,b:c%\n.md'), 'dir/a%2Cb%3Ac%25%0A.md');
});

test('github output: skipped files are warnings without a position', () => {
  const dir = project({ 'bin.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08]) });
  const run = runCli(dir, 'lint', '--format', 'github', 'bin.md');
  assert.match(run.stdout, /^::warning file=bin\.md,title=rapport::skipped: binary data/m);
});
