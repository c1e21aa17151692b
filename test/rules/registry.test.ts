// What every rule in the registry owes: the example its hover and docs show
// must be true of the rule, and its reason must name a guide file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules, type Settings } from '../../server/src/engine';
import { findingsOf } from '../support/lint';

/** team-phrase flags only the team's own phrases: its example needs one configured. */
const SETTINGS: Record<string, Settings> = {
  'team-phrase': { phrases: [{ phrase: 'No worries', preferred: 'Happy to help' }] },
};

test("every rule's own example: the bad text is flagged, the better text is clean", () => {
  for (const rule of rules) {
    const settings = SETTINGS[rule.id] ?? {};
    assert.ok(findingsOf(rule.example.bad, rule.id, 'markdown', settings).length > 0, `${rule.id}: ${rule.example.bad}`);
    assert.deepEqual(findingsOf(rule.example.better, rule.id, 'markdown', settings), [], `${rule.id}: ${rule.example.better}`);
    assert.match(rule.why.source, /^\d{3}_[0-9a-f]+\.txt$/, `${rule.id}: the guide file its reason comes from`);
  }
});
