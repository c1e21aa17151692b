import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../server/src/engine';
import { DOCS_INDEX, renderDocsIndex } from '../scripts/generate-docs-index';

const REPO_ROOT = path.resolve(__dirname, '..');
const DOCS = path.join(REPO_ROOT, 'docs', 'rules');
// The guides live beside the repository (a clean clone has shared/ next to it); RAPPORT_GUIDE_DIR points elsewhere.
const GUIDE_DIR = process.env.RAPPORT_GUIDE_DIR ? path.resolve(process.env.RAPPORT_GUIDE_DIR) : path.resolve(REPO_ROOT, '..', 'shared', 'guide');

/** Compare text as a reader would: one kind of space, apostrophe and quote mark. */
function normalize(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** The quoted words: a full stop closing the quote may sit after a bracket in the guide. */
function quotedParts(quote: string): string[] {
  return quote.split('…').map((part) => normalize(part).replace(/^[\s.,;:]+|[\s.,;:]+$/g, '')).filter(Boolean);
}

test('the docs index is generated from the registry (run npm run docs after changing a rule)', () => {
  assert.ok(fs.existsSync(DOCS_INDEX), 'docs/rules/README.md is missing: run npm run docs');
  assert.equal(fs.readFileSync(DOCS_INDEX, 'utf8'), renderDocsIndex(rules), 'docs/rules/README.md is out of date: run npm run docs');
});

test('the index lists every rule with its page, severity and fixability', () => {
  const index = renderDocsIndex(rules);
  for (const rule of rules) {
    assert.ok(index.includes(`| [${rule.id}](${rule.id}.md) |`), rule.id);
    assert.ok(index.includes(`| ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'no'} |`), rule.id);
  }
});

test('every registered rule has a docs page that quotes its guide and says how to disable it', () => {
  for (const rule of rules) {
    const page = path.join(DOCS, `${rule.id}.md`);
    assert.ok(fs.existsSync(page), `docs/rules/${rule.id}.md is missing`);
    const text = fs.readFileSync(page, 'utf8');
    assert.ok(text.startsWith(`# ${rule.id}\n`), `${rule.id}.md should start with its id as the title`);
    assert.ok(text.includes(rule.why.source), `${rule.id}.md should name its guide ${rule.why.source}`);
    for (const part of quotedParts(rule.why.quote)) {
      assert.ok(normalize(text).includes(part), `${rule.id}.md should quote the guide: ${part}`);
    }
    assert.ok(text.includes(`rapport-disable-next-line ${rule.id}`), `${rule.id}.md should say how to disable it`);
  }
});

test('every rule quotes words that really are in the guide it names', (t) => {
  if (!fs.existsSync(GUIDE_DIR)) {
    t.skip(`guide folder not found at ${GUIDE_DIR} (expected ../shared/guide beside the repository, or RAPPORT_GUIDE_DIR); quotes not checked`);
    return;
  }
  for (const rule of rules) {
    const file = path.join(GUIDE_DIR, rule.why.source);
    assert.ok(fs.existsSync(file), `${rule.id}: guide file ${rule.why.source} does not exist in ${GUIDE_DIR}`);
    const guide = normalize(fs.readFileSync(file, 'utf8'));
    // "…" joins quoted parts the rule left out between them.
    for (const part of quotedParts(rule.why.quote)) {
      assert.ok(guide.includes(part), `${rule.id}: "${part}" is not in ${rule.why.source}`);
    }
  }
});
