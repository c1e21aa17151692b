import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, flagged } from '../support/lint';
import { fixtureSuite } from '../support/expectations';

const RULE = 'template-syntax';

test('an unterminated placeholder is an error that says what closes it', () => {
  const text = 'Hi {{customer.first_name,\n\nYour order has shipped.';
  const findings = findingsOf(text, RULE, 'handlebars');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].severity, 'error');
  assert.match(findings[0].message, /\{\{ is never closed with \}\}/);
  assert.deepEqual(findings[0].fixes, []);
});

test('a block that is never closed, a stray else and a mismatched close are reported', () => {
  assert.equal(findingsOf('{{#if vip}}\nThanks!\n', RULE, 'handlebars').length, 1);
  assert.equal(findingsOf('Thanks!\n{{else}}\nBye.\n', RULE, 'handlebars').length, 1);
  assert.equal(findingsOf('{{#if vip}}\nThanks!\n{{/each}}\n', RULE, 'handlebars').length >= 1, true);
});

test('well-formed templates are left alone', () => {
  for (const good of [
    'Hi {{customer.first_name}},\n\n{{#if vip}}\nThanks!\n{{else}}\nThank you.\n{{/if}}\n',
    'Hi {{ customer.name | default: "there" }}, {% if vip %}thanks{% endif %}.',
    '{{! a comment }}Hi {{{raw_name}}}, {{> signature}}',
    'Hi %{ticket.name.first}, your ticket #%{ticket.number} is open.',
  ]) {
    assert.deepEqual(flagged(good, RULE, 'handlebars'), [], good);
  }
});

test('can be switched off in settings', () => {
  assert.deepEqual(findingsOf('Hi {{name', RULE, 'handlebars', { rules: { 'template-syntax': 'off' } }), []);
});

fixtureSuite(RULE, test, assert);

