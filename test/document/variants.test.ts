// Macro-level rules judge every rendered variant and every macro of a library.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf } from '../support/lint';
import { parseDocument } from '../../server/src/engine/document/parse';

test('a weak apology inside {{#if}} is found and located', () => {
  const text = 'Hi there,\n\n{{#if ticket.late}}Sorry for any inconvenience.{{/if}} I understand how annoying a late parcel is.\n';
  const [finding] = findingsOf(text, 'weak-apology');
  assert.equal(text.slice(finding.start, finding.end), 'Sorry for any inconvenience');
});

test('an acknowledgement in one branch only: the other branch\'s variant is reported at that branch, with its condition', () => {
  const text = [
    'Hi {{customer.first_name | default: "there"}},',
    '',
    'Your parcel arrived late and damaged.',
    '',
    '{{#if ticket.vip}}',
    'I understand how frustrating that is.',
    '{{else}}',
    'We will look into it.',
    '{{/if}}',
    '',
    "I've sent a replacement today.",
    '',
  ].join('\n');
  const findings = findingsOf(text, 'missing-acknowledgement', 'handlebars');
  assert.equal(findings.length, 1);
  assert.equal(text.slice(findings[0].start, findings[0].end), '{{else}}');
  assert.equal(findings[0].condition, 'when ticket.vip is not set');
  assert.match(findings[0].message, /when ticket\.vip is not set/);
});

test('a library: each macro is judged on its own and reported once at its heading', () => {
  const text = [
    '# Shipping macros',
    '',
    '## Damaged parcel',
    '',
    'Hi there,',
    '',
    "I understand how frustrating a damaged parcel is. I've sent a replacement today.",
    '',
    '## Late refund',
    '',
    'Hi there,',
    '',
    "Your refund is late and the parcel was damaged. I've sent the refund today.",
    '',
    '## Opening hours',
    '<!-- rapport: informational -->',
    '',
    'Our team answers from 9 to 5. Late replies are answered the next morning, and refunds take a day.',
    '',
  ].join('\r\n');
  const findings = findingsOf(text, 'missing-acknowledgement');
  assert.deepEqual(findings.map((f) => [text.slice(f.start, f.end), f.macro]), [['Late refund', 'Late refund']]);
});

test('front matter can mark a whole macro informational', () => {
  const body = 'Your refund is late and the parcel was damaged. The refund was sent today.\n';
  assert.equal(findingsOf(body, 'missing-acknowledgement').length, 1);
  assert.equal(findingsOf(`---\ntitle: Refund status\nrapport:\n  informational: true\n---\n${body}`, 'missing-acknowledgement').length, 0);
});

test('a finding names only the conditions that cause it, not those of unrelated branches', () => {
  const text = [
    '---',
    'title: Long wait on the phone',
    '---',
    'Hello {{#if customer.first_name}}{{customer.first_name}}{{else}}there{{/if}},',
    '',
    "I'm sorry to hear you waited so long.",
    '',
    '{{#if ticket.callback_requested}}',
    "We'll call you back within the hour.",
    '{{else}}',
    'Thanks for your patience.',
    '{{/if}}',
    '',
  ].join('\n');
  const findings = findingsOf(text, 'no-next-step', 'handlebars');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].condition, 'when ticket.callback_requested is not set');
});

test('a rendering reads as the template renders it: whole sentences of the macro where no branch touches them', () => {
  const text = [
    'Hi {{customer.first_name}},',
    '',
    'Your parcel left today.',
    '{{#if ticket.vip}}',
    '## Priority',
    '',
    'You are first in line.',
    '{{else}}',
    'It ships in turn.',
    '{{/if}}',
    'Thanks for {{#if ticket.late}}waiting so long and {{/if}}your patience.',
  ].join('\n');
  const doc = parseDocument(text, 'handlebars');
  const [unit] = doc.units;
  const rendered = unit.variants.map((variant) => variant.sentences.map((s) => s.text.replace(/\s+/g, ' ')));
  // The hidden heading's mark and the hidden branches leave no empty sentence behind.
  for (const texts of rendered) for (const sentence of texts) assert.notEqual(sentence.trim(), '', JSON.stringify(texts));
  assert.ok(rendered.some((texts) => texts.includes('Thanks for your patience.')), JSON.stringify(rendered));
  assert.ok(rendered.some((texts) => texts.includes('Thanks for waiting so long and your patience.')), JSON.stringify(rendered));
  // Untouched sentences are the macro's own objects in every rendering.
  const parcel = unit.sentences.find((s) => s.text === 'Your parcel left today.')!;
  for (const variant of unit.variants) assert.ok(variant.sentences.includes(parcel), variant.condition);
  const first = unit.sentences.find((s) => s.text === 'You are first in line.')!;
  assert.ok(unit.variants.some((variant) => variant.sentences.includes(first)));
  for (const variant of unit.variants) for (const s of variant.sentences) assert.equal(s.text.length, s.end - s.start);
});
