// The engine's findings as every client reads them: fixes are built on first
// read; JSON carries them, and copies that name them carry them.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, type Finding } from '../../server/src/engine';

const MACRO = 'Hi {{customer.first_name}},\n\nSorry for the delay with your refund. It was issued today.\n';

function weakApology(): Finding {
  const finding = lint(MACRO, 'markdown').findings.find((f) => f.rule === 'weak-apology');
  assert.ok(finding, 'the macro has a weak apology');
  return finding;
}

test('fixes are built once: reading them twice gives the same fixes', () => {
  const finding = weakApology();
  const first = finding.fixes;
  assert.ok(first.length > 0);
  assert.equal(finding.fixes, first);
});

test('a finding serializes with its fixes, and a copy that names them carries them', () => {
  const finding = weakApology();
  const expected = finding.fixes.map((fix) => fix.title);
  const fromJson = JSON.parse(JSON.stringify(weakApology())) as Finding;
  assert.deepEqual(fromJson.fixes.map((fix) => fix.title), expected);
  assert.equal(fromJson.rule, 'weak-apology');
  const fresh = weakApology();
  const copy = { ...fresh, fixes: fresh.fixes };
  assert.deepEqual(copy.fixes.map((fix) => fix.title), expected);
  assert.equal(copy.message, fresh.message);
  // What a worker thread would post: the fields and the fixes, read explicitly.
  assert.deepEqual(structuredClone(copy).fixes.map((fix) => fix.title), expected);
});

test('fixes can be replaced (the CLI moves export fixes to file offsets)', () => {
  const finding = weakApology();
  finding.fixes = [];
  assert.deepEqual(finding.fixes, []);
});

test('fixes built late are still marked when they need the author', () => {
  const text = 'Hi {{customer.first_name}},\n\nYour parcel was lost by the courier. A replacement ships today.\n';
  const finding = lint(text, 'markdown').findings.find((f) => f.rule === 'missing-acknowledgement');
  assert.ok(finding);
  assert.ok(finding.fixes.length > 0);
  for (const fix of finding.fixes) assert.equal(fix.needsInput, true, `${fix.title} leaves a fill-in`);
});

test('team-phrase runs only when the settings list phrases, whichever settings came first', () => {
  const text = 'No worries, the refund is on its way.';
  const teamFindings = (settings: Parameters<typeof lint>[2]) => lint(text, 'markdown', settings).findings.filter((f) => f.rule === 'team-phrase');
  assert.equal(teamFindings({}).length, 0);
  const phrases = [{ phrase: 'no worries', preferred: 'happy to help' }];
  assert.equal(teamFindings({ phrases }).length, 1);
  assert.equal(teamFindings({}).length, 0);
  assert.equal(teamFindings({ phrases, rules: { 'weak-apology': 'off' } }).length, 1);
  assert.equal(teamFindings({ phrases: [] }).length, 0);
});
