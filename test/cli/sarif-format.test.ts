// --format sarif: valid against the official SARIF 2.1.0 schema, with rule metadata and 1-based regions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { project, runCli } from './helpers';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'schema', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema has a pattern that is invalid with the u flag;
addFormats(ajv);
const validate = ajv.compile(schema);

interface SarifLog {
  version: string;
  runs: Array<{
    columnKind: string;
    tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; helpUri: string; defaultConfiguration: { level: string } }> } };
    results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }> }>;
    invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }>;
  }>;
}

function sarif(dir: string, ...args: string[]): SarifLog {
  const run = runCli(dir, 'lint', '--format', 'sarif', ...args);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout) as SarifLog;
}

test('the schema check rejects a broken log (so a pass means something)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: {} }] }] }), false);
});

test('SARIF output is valid SARIF 2.1.0', () => {
  const dir = project({
    'macros/late.md': 'Hi there,\n\nYour 📦 is late. Sorry for the delay.\n',
    'macros/odd name, with comma.md': 'Sorry for any inconvenience.\n',
    'big.md': 'x'.repeat(3000),
  });
  const log = sarif(dir, 'macros', 'big.md', '--max-file-size', '1KB');
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs[0].results.length >= 2);
  // The skipped file is a tool notification, not a result.
  assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /big\.md: skipped/);
});

test('SARIF output carries rule metadata from the engine', () => {
  const dir = project({ 'a.md': 'Sorry for the delay.\n' });
  const { rules } = sarif(dir, 'a.md').runs[0].tool.driver;
  const rule = rules.find((r) => r.id === 'weak-apology');
  assert.ok(rule);
  assert.ok(rule.shortDescription.text.length > 0);
  assert.match(rule.fullDescription.text, /\.txt\)$/, 'cites the guide file');
  assert.match(rule.help.text, /Instead of: .+\nWrite: /);
  assert.match(rule.helpUri, /docs\/rules\/weak-apology\.md$/);
  assert.equal(rule.defaultConfiguration.level, 'warning');
});

test('SARIF regions are 1-based and count UTF-16 code units', () => {
  const dir = project({ 'a.md': 'Hi there,\n\nYour 📦 is late. Sorry for the delay.\n' });
  const run = sarif(dir, 'a.md').runs[0];
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const result = run.results.find((r) => r.ruleId === 'weak-apology');
  assert.ok(result);
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'weak-apology');
  assert.equal(result.level, 'warning');
  const { artifactLocation, region } = result.locations[0].physicalLocation;
  assert.equal(artifactLocation.uri, 'a.md');
  // "Your " (5) + the emoji (2 code units) + " is late. " (10) = 17 units before "Sorry".
  assert.deepEqual({ ...region, endColumn: 0 }, { startLine: 3, startColumn: 18, endLine: 3, endColumn: 0 });
  assert.ok(['Sorry for', 'Sorry for the delay'].some((flagged) => region.endColumn === 18 + flagged.length), JSON.stringify(region));
  // Only the fix that needs no fill-in is offered as a SARIF fix.
  const fixes = (result as unknown as { fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ replacements: Array<{ deletedRegion: { startLine: number; startColumn: number }; insertedContent: { text: string } }> }> }> }).fixes;
  assert.ok(fixes && fixes.length >= 1, JSON.stringify(result));
  assert.ok(fixes.every((fix) => !fix.artifactChanges[0].replacements.some((r) => r.insertedContent.text.includes('[['))));
  assert.deepEqual(fixes[0].artifactChanges[0].replacements[0].deletedRegion.startLine, 3);
});

test('--output writes the report to a file', () => {
  const dir = project({ 'a.md': 'Sorry for the delay.\n' });
  const run = runCli(dir, 'lint', '--format', 'sarif', '--output', 'reports/rapport.sarif', 'a.md');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  const log = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'rapport.sarif'), 'utf8'));
  assert.ok(validate(log), JSON.stringify(validate.errors));
});
