// Exit codes: 0 no errors, 1 error findings or too many warnings, 2 usage/config problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, project, runCli } from './helpers';

const WARNING_MACRO = 'Hi Sam,\n\nThe parcel is late. Sorry for the delay.\n';
const CLEAN_MACRO = 'Hi Sam,\n\nYour refund was sent today. It should reach your bank within three days.\n';

test('exit 0 with warnings only, with a readable text report and a summary', () => {
  const dir = project({ 'a.md': WARNING_MACRO });
  const run = runCli(dir, 'lint', 'a.md');
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^a\.md:3:21 {2}warning {2}.*Sorry for.* {2}\[weak-apology\]$/m);
  assert.match(run.stdout, /^1 file checked, (1 finding \(1 warning\)|\d+ findings \(\d+ warnings\))\.$/m);
});

test('exit 0 and "no findings" for a clean library', () => {
  const dir = project({ 'a.md': CLEAN_MACRO });
  const run = runCli(dir, 'lint', '.');
  assert.equal(run.status, 0);
  assert.match(run.stdout, /1 file checked, no findings\./);
});

test('exit 1 when a rule set to error reports', () => {
  const dir = project({ 'a.md': WARNING_MACRO, '.rapport.json': JSON.stringify({ rules: { 'weak-apology': 'error' } }) });
  const run = runCli(dir, 'lint', 'a.md');
  assert.equal(run.status, 1);
  assert.match(run.stdout, /error {4}.*\[weak-apology\]/);
});

test('--max-warnings: exit 1 only when warnings exceed the limit', () => {
  const dir = project({ 'a.md': WARNING_MACRO, 'b.md': WARNING_MACRO });
  const warnings = JSON.parse(runCli(dir, 'lint', '--format', 'json', '.').stdout).flatMap((f: { findings: Array<{ severity: string }> }) => f.findings).filter((f: { severity: string }) => f.severity === 'warning').length;
  assert.ok(warnings >= 2);
  assert.equal(runCli(dir, 'lint', '--max-warnings', String(warnings), '.').status, 0);
  const over = runCli(dir, 'lint', '--max-warnings', String(warnings - 1), '.');
  assert.equal(over.status, 1);
  assert.match(over.stderr, /more than the \d+ allowed/);
  assert.equal(runCli(dir, 'lint', '--max-warnings', 'lots', '.').status, 2);
});

test('exit 2 on usage errors', () => {
  const dir = project({ 'a.md': CLEAN_MACRO });
  for (const args of [[], ['lint'], ['check', 'a.md'], ['lint', '--format', 'xml', 'a.md'], ['lint', '--bogus', 'a.md']]) {
    const run = runCli(dir, ...args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, /Usage: rapport lint/);
  }
});

test('exit 2 on a missing file, still linting the others', () => {
  const dir = project({ 'a.md': WARNING_MACRO });
  const run = runCli(dir, 'lint', 'a.md', 'nope.md');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no such file, directory or matching glob: nope\.md/);
  assert.match(run.stdout, /a\.md:3:21/);
});

test('exit 2 with a clear message for a broken .rapport.json', () => {
  const dir = project({ 'a.md': CLEAN_MACRO, '.rapport.json': '{ "rules": { "weak-apology": "error", } ' });
  const run = runCli(dir, 'lint', 'a.md');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /\.rapport\.json: is not valid JSON/);
  assert.equal(run.stdout, '');
});

test('exit 2 for an invalid setting and for a --config file that does not exist', () => {
  const dir = project({ 'a.md': CLEAN_MACRO, '.rapport.json': JSON.stringify({ rules: { 'weak-apology': 'loud' } }) });
  const run = runCli(dir, 'lint', 'a.md');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /rules\.weak-apology must be one of error, warning, info, hint, off/);
  const missing = runCli(dir, 'lint', '--config', 'other.json', 'a.md');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /config file other\.json does not exist/);
});

test('--help exits 0', () => {
  const run = runCli(project({}), '--help');
  assert.equal(run.status, 0);
  assert.match(run.stdout, /--format <format> +text \(default\), json, sarif or github/);
});

test('the summary counts files, findings by severity, skips and fixes', () => {
  const dir = project({ 'a.md': WARNING_MACRO, 'b.md': WARNING_MACRO, 'c.md': CLEAN_MACRO, 'big.md': 'x'.repeat(5000) });
  const run = runCli(dir, 'lint', '--max-file-size', '4KB', '.');
  const warnings = (run.stdout.match(/ {2}warning {2}/g) ?? []).length;
  assert.ok(warnings >= 2);
  assert.match(run.stdout, new RegExp(`^3 files checked, ${warnings} findings \\(${warnings} warnings\\), 1 skipped\\.$`, 'm'));
});

test('a reader that closes the pipe early (| head) stops the report quietly, with the run\'s exit code', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 150; i++) files[`m${i}.md`] = WARNING_MACRO;
  const dir = project(files);
  // A real pipe into head, as in a shell; the CLI's stderr and exit status go to files.
  const script = `("${process.execPath}" "${CLI}" lint --format json . 2>stderr.txt; echo $? >status.txt) | head -c 10 >/dev/null`;
  spawnSync('sh', ['-c', script], { cwd: dir });
  assert.equal(fs.readFileSync(path.join(dir, 'stderr.txt'), 'utf8'), '');
  assert.equal(fs.readFileSync(path.join(dir, 'status.txt'), 'utf8').trim(), '0');
});
