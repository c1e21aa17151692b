// Which files are linted: walks, globs, ignore files, default ignores; bad input skipped with a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintTarget } from '../../server/src/cli/lint-file';
import { lintJson, project, runCli } from './helpers';

const MACRO = 'Sorry for the delay.\n';

test('directories are walked for macro files; README & co. and ignored paths are skipped', () => {
  const dir = project({
    'macros/a.md': MACRO,
    'macros/b.hbs': MACRO,
    'macros/c.handlebars': MACRO,
    'macros/d.markdown': MACRO,
    'macros/notes.txt': MACRO,
    'macros/README.md': MACRO,
    'macros/CHANGELOG.md': MACRO,
    'macros/drafts/x.md': MACRO,
    'macros/old/y.md': MACRO,
    'node_modules/pkg/z.md': MACRO,
    '.github/ISSUE_TEMPLATE/bug.md': MACRO,
    'macros/.draft.md': MACRO,
    '.rapportignore': '# work in progress\ndrafts/\n',
    '.rapport.json': JSON.stringify({ ignore: ['macros/old/**'] }),
  });
  const { files } = lintJson(dir, '.');
  assert.deepEqual(files.map((f) => f.file).sort(), ['macros/a.md', 'macros/b.hbs', 'macros/c.handlebars', 'macros/d.markdown']);
});

test('files named explicitly are always linted, even README.md or an ignored path', () => {
  const dir = project({ 'README.md': MACRO, 'drafts/x.md': MACRO, '.rapportignore': 'drafts/\n' });
  const { files } = lintJson(dir, 'README.md', 'drafts/x.md');
  assert.deepEqual(files.map((f) => [f.file, f.findings.length > 0]), [['README.md', true], ['drafts/x.md', true]]);
});

test('globs are expanded and honour the ignore rules', () => {
  const dir = project({ 'm/a.md': MACRO, 'm/b.md': MACRO, 'm/skip.md': MACRO, 'm/README.md': MACRO, '.rapportignore': 'skip.md\n' });
  const { files } = lintJson(dir, 'm/*.md');
  assert.deepEqual(files.map((f) => f.file), ['m/a.md', 'm/b.md']);
});

test('a file over the size limit is skipped with a notice, not read', () => {
  const big = `${'Thanks for writing in. '.repeat(50)}\n`.repeat(1_000); // ~1.1 MB, over the 1 MB default
  const dir = project({ 'big.md': big, 'small.md': MACRO });
  const run = runCli(dir, 'lint', 'big.md', 'small.md');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^big\.md: skipped: 1\.\d MB is over the size limit of 1\.0 MB/m);
  assert.match(run.stdout, /small\.md:1:1/);
  assert.match(run.stdout, /1 file checked, .*1 skipped\./);
});

test('--max-file-size and the config\'s maxFileSize set the limit', () => {
  const dir = project({ 'a.md': `${MACRO}${'x'.repeat(2000)}\n` });
  assert.match(runCli(dir, 'lint', '--max-file-size', '1KB', 'a.md').stdout, /a\.md: skipped: 2\.0 KB is over the size limit of 1\.0 KB/);
  fs.writeFileSync(path.join(dir, '.rapport.json'), JSON.stringify({ maxFileSize: 500 }));
  assert.match(runCli(dir, 'lint', 'a.md').stdout, /a\.md: skipped: .* over the size limit of 500 bytes/);
  assert.equal(runCli(dir, 'lint', '--max-file-size', 'huge', 'a.md').status, 2);
});

test('a binary file is skipped with a notice', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const dir = project({ 'image.md': png, 'a.md': MACRO });
  const { run, files } = lintJson(dir, '.');
  assert.equal(run.status, 0);
  const image = files.find((f) => f.file === 'image.md');
  assert.equal(image?.notice, 'skipped: binary data, not a macro');
  assert.deepEqual(image?.findings, []);
});

test('a directory with nothing to lint exits 2 with a message', () => {
  const dir = project({ 'notes.txt': 'hello' });
  const run = runCli(dir, 'lint', '.');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /nothing to lint/);
});

test('--jobs: linting on worker threads gives the same report, in the same order', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 80; i++) files[`lib/group-${i % 3}/macro-${String(i).padStart(2, '0')}.md`] = i % 2 ? MACRO : `Hi,\n\nYour order ${i} ships today.\n`;
  const dir = project(files);
  const single = runCli(dir, 'lint', '--format', 'json', '--jobs', '1', 'lib');
  const threaded = runCli(dir, 'lint', '--format', 'json', '--jobs', '2', 'lib');
  assert.equal(threaded.status, single.status);
  assert.equal(threaded.stdout, single.stdout);
  assert.equal(JSON.parse(threaded.stdout).length, 80);
  assert.equal(runCli(dir, 'lint', '--jobs', '0', 'lib').status, 2);
});

test('a file that fails to read is reported as an error for that file, not a crash', () => {
  // A folder passed where a file is expected fails at read time (EISDIR), like an unreadable file.
  const dir = project({ 'folder.md/inner.md': MACRO });
  const result = lintTarget({ file: path.join(dir, 'folder.md'), kind: 'macro', named: true }, { config: {}, maxFileSize: 1024 * 1024, fix: false });
  assert.match(result.error ?? '', /^cannot be read \(EISDIR\)$/);
  assert.deepEqual(result.findings, []);
});
