// Settings validation: broken values are described and dropped, good ones kept;
// which files are macros; editor defaults do not hide a workspace .rapport.json.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isIgnored, mergeConfigs, readConfigFile, validateConfig } from '../../server/src/config';
import { explicitSettings } from '../../server/src/lsp/settings';

describe('validateConfig', () => {
  it('keeps valid values and describes each broken one', () => {
    const { config, problems } = validateConfig(
      {
        rules: { 'weak-apology': 'error', oversharing: 'loud', 'no-such-rule': 'off' },
        namePlaceholder: 42,
        library: 'headings',
        phrases: [{ phrase: 'please be advised', preferred: 'note' }, { phrase: '' }, { phrase: 'kindly', severity: 'off' }, 'x'],
        maxFileSize: 0,
        ignore: ['drafts/**'],
      },
      'test',
    );
    assert.deepEqual(config, { rules: { 'weak-apology': 'error' }, library: 'headings', phrases: [{ phrase: 'please be advised', preferred: 'note' }], ignore: ['drafts/**'] });
    assert.deepEqual(problems, [
      'test: rules.oversharing must be one of error, warning, info, hint, off; found "loud".',
      'test: unknown rule "no-such-rule" in "rules".',
      'test: "namePlaceholder" must be a string such as "{{customer.first_name}}".',
      'test: phrases[1] needs a non-empty "phrase" string; the entry is ignored.',
      'test: phrases[2] "severity" must be one of error, warning, info, hint; found "off"; the entry is ignored.',
      'test: phrases[3] must be an object such as { "phrase": "…", "preferred": "…" }; the entry is ignored.',
      'test: "maxFileSize" must be a positive number of bytes.',
    ]);
  });

  it('rejects a settings value that is not an object', () => {
    assert.deepEqual(validateConfig([1], 'test').problems, ['test: expected an object of settings, found an array.']);
  });
});

describe('readConfigFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-config-'));
  it('reads a file with a BOM and a $schema key', () => {
    const file = path.join(dir, 'ok.json');
    fs.writeFileSync(file, '\uFEFF{ "$schema": "./schemas/rapport.schema.json", "library": "single" }');
    assert.deepEqual(readConfigFile(file), { config: { library: 'single' }, problems: [] });
  });
  it('describes invalid JSON and falls back to the defaults', () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ "rules": ');
    const { config, problems } = readConfigFile(file);
    assert.deepEqual(config, {});
    assert.match(problems[0], /broken\.json: is not valid JSON .*; using the default settings\./);
  });
  it('treats a missing file as no settings', () => {
    assert.deepEqual(readConfigFile(path.join(dir, 'missing.json')), { config: {}, problems: [] });
  });
});

describe('isIgnored', () => {
  it('ignores README, CHANGELOG, LICENSE, CONTRIBUTING and node_modules by default, at any depth', () => {
    for (const file of ['README.md', 'docs/readme.md', 'CHANGELOG.md', 'LICENSE.md', 'CONTRIBUTING.md', 'node_modules/pkg/notes.md', 'a/node_modules/b.md']) {
      assert.equal(isIgnored(file), true, file);
    }
    for (const file of ['macros/refund.md', 'README-macros/reply.md', 'templates/readme-reply.hbs']) assert.equal(isIgnored(file), false, file);
  });
  it('adds the configured globs to the names that are never macros', () => {
    assert.equal(isIgnored('README.md', ['drafts/**']), true);
    assert.equal(isIgnored('drafts/x.md', ['drafts/**']), true);
  });
  it('matches globs with a slash against the whole relative path', () => {
    assert.equal(isIgnored('drafts/reply.md', ['drafts/**']), true);
    assert.equal(isIgnored('macros/drafts/reply.md', ['drafts/**']), false);
    assert.equal(isIgnored('macros/drafts/reply.md', ['**/drafts/**']), true);
  });
});

describe('editor settings', () => {
  it('drops values that only repeat the defaults, so .rapport.json still applies', () => {
    const vscode = { rules: {}, namePlaceholder: '', library: 'auto', phrases: [], maxFileSize: 1048576, ignore: [], trace: { server: 'verbose' } };
    assert.deepEqual(explicitSettings(vscode), {});
    assert.deepEqual(explicitSettings({ ...vscode, library: 'single', rules: { oversharing: 'off' } }), { library: 'single', rules: { oversharing: 'off' } });
  });
  it('merges rule by rule, later settings winning', () => {
    assert.deepEqual(mergeConfigs({ rules: { a: 'off', b: 'error' }, library: 'headings' }, { rules: { b: 'hint' } }), { rules: { a: 'off', b: 'hint' }, library: 'headings' });
  });
});
