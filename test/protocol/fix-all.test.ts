// Fix-all as the server builds it (no process needed): the engine's applyFixes
// resolves overlaps, fixes needing the author's words are never taken, and
// fill-ins become snippet tab stops.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, type Finding } from '../../server/src/engine';
import { fixAllEdits, toSnippet, unattendedFix } from '../../server/src/lsp/actions';

function finding(rule: string, start: number, end: number, newText: string, extra: Partial<Finding['fixes'][0]> = {}): Finding {
  return { rule, severity: 'warning', message: rule, start, end, fixes: [{ title: newText, preferred: true, edits: [{ start, end, newText }], ...extra }] };
}

describe('fix all', () => {
  const text = 'aaa bbb ccc ddd';
  it('drops a fix that overlaps an earlier one, whole', () => {
    const findings = [finding('x', 0, 7, 'A B'), finding('y', 4, 11, 'B C'), finding('x', 12, 15, 'D')];
    const edits = fixAllEdits(text, findings);
    assert.deepEqual(edits.map((e) => e.newText), ['A B', 'D']);
    assert.equal(applyFixes(text, [{ title: '', edits }]).text, 'A B ccc D');
  });
  it('fixes one rule only when asked', () => {
    const findings = [finding('x', 0, 3, 'A'), finding('y', 4, 7, 'B'), finding('x', 8, 11, 'C')];
    assert.deepEqual(fixAllEdits(text, findings, 'x').map((e) => e.newText), ['A', 'C']);
  });
  it('never applies a fix that needs input, nor a non-preferred alternative', () => {
    const needsInput = finding('x', 0, 3, 'I apologize for [[what]].', { needsInput: true });
    assert.equal(unattendedFix(needsInput), undefined);
    const alternatives: Finding = { ...finding('y', 4, 7, 'B'), fixes: [{ title: 'one', edits: [] }, { title: 'two', edits: [] }] };
    assert.equal(unattendedFix(alternatives), undefined);
    assert.deepEqual(fixAllEdits(text, [needsInput, alternatives]), []);
  });
});

describe('snippets', () => {
  it('turns fill-ins into numbered tab stops and escapes the rest', () => {
    assert.equal(toSnippet('I apologize for [[what went wrong]], {{name}} $5.'), 'I apologize for ${1:what went wrong}, {{name\\}\\} \\$5.');
    assert.equal(toSnippet('[[a]] and [[b]]'), '${1:a} and ${2:b}');
    assert.equal(toSnippet('plain'), 'plain');
  });
});
