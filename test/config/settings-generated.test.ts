// package.json's settings and schemas/rapport.schema.json are generated from the
// rule registry; this fails when a rule was added without re-running
// `npm run generate:settings`.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { rules } from '../../server/src/engine';
import { rapportJsonSchema, vscodeConfiguration } from '../../server/src/config-schema';
import { generatedFiles } from '../../scripts/generate-settings';

const pkg = JSON.parse(fs.readFileSync(`${__dirname}/../../package.json`, 'utf8'));

describe('generated settings', () => {
  it('package.json and the .rapport.json schema are up to date (npm run generate:settings)', () => {
    for (const { file, text } of generatedFiles()) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      assert.deepEqual(JSON.parse(current || 'null'), JSON.parse(text), `${file} is out of date: run npm run generate:settings`);
    }
  });

  it('has one rapport.rules property per registered rule, with its description and the five severities', () => {
    const ruleSettings = pkg.contributes.configuration.properties['rapport.rules'].properties;
    assert.deepEqual(Object.keys(ruleSettings).sort(), rules.map((r) => r.id).sort());
    for (const rule of rules) {
      assert.deepEqual(ruleSettings[rule.id].enum, ['error', 'warning', 'info', 'hint', 'off']);
      assert.ok(ruleSettings[rule.id].description.startsWith(rule.description), rule.id);
    }
  });

  it('describes every setting, in VS Code and in the schema alike', () => {
    const properties = vscodeConfiguration().properties as Record<string, { description?: string }>;
    for (const key of ['rules', 'namePlaceholder', 'library', 'phrases', 'maxFileSize', 'ignore', 'trace.server']) {
      assert.ok(properties[`rapport.${key}`]?.description, `rapport.${key} has a description`);
    }
    const schema = rapportJsonSchema() as { properties: Record<string, unknown> };
    for (const key of ['rules', 'namePlaceholder', 'library', 'phrases', 'maxFileSize', 'ignore']) {
      assert.deepEqual(schema.properties[key], stripScope(properties[`rapport.${key}`]), key);
    }
  });

  it('contributes the schema for .rapport.json', () => {
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.rapport.json', url: './schemas/rapport.schema.json' }]);
    assert.ok(fs.existsSync(`${__dirname}/../../schemas/rapport.schema.json`));
  });

  it('says that README.md, CHANGELOG.md, LICENSE.md, CONTRIBUTING.md and node_modules are never macros', () => {
    const ignore = pkg.contributes.configuration.properties['rapport.ignore'];
    assert.deepEqual(ignore.default, []);
    assert.match(ignore.description, /README\.md, CHANGELOG\.md, LICENSE\.md, CONTRIBUTING\.md and node_modules are never linted/);
  });
});

function stripScope(schema: unknown): unknown {
  const { scope: _scope, ...rest } = schema as Record<string, unknown>;
  return rest;
}
