// Macro-level rules judge every rendered variant and every macro of a library.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf } from '../support/lint';
import { parseDocument } from '../../server/src/engine/document/parse';
import { keptSentences } from '../../server/src/engine/document/variants';
import { endsAtPunctuation, splitSentences } from '../../server/src/engine/document/sentences';
import type { OffsetRange } from '../../server/src/engine/types';

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

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('a sentence ends at its terminal punctuation exactly when the splitter ended it there', () => {
  const cases: Array<[string, boolean]> = [
    ['Thanks for waiting.', true],
    ['Really?!', true],
    ['We said "soon."', true],
    ['(See the note.)', true],
    ['Ask for Dr.', false], // an abbreviation's dot does not end a sentence
    ['We sell hats, shoes, etc.', false],
    ['Hi there,', false],
    ['Best regards', false],
    ['Wait…', true],
  ];
  for (const [text, expected] of cases) assert.equal(endsAtPunctuation(text), expected, text);
});

test('a rendering made from the macro\'s own sentences is what splitting the rendered text gives', () => {
  // Random prose of sentences, line breaks, paragraph marks and abbreviations; random text left
  // out (whole sentences, the gaps between them, or anything); whenever keptSentences answers,
  // its answer must be the split of the zone with that text blanked.
  const pieces = ['We', 'shipped', 'it', 'Thanks', 'hi', 'Dr.', 'etc.', 'e.g.', 'XXXX', 'today.', 'now!', 'why?', 'so…', '"done."', '(yes.)', ',', ' ', '  ', '\n', '\n\n', '\v', '\n- ', 'ok.', 'Best', 'regards'];
  const next = random(20261124);
  let answered = 0;
  let answeredWithSomethingLeftOut = 0;
  for (let round = 0; round < 4000; round++) {
    let prose = '';
    const words = 4 + Math.floor(next() * 40);
    for (let w = 0; w < words; w++) {
      const piece = pieces[Math.floor(next() * pieces.length)];
      prose += /^[\s,]/.test(piece) || prose === '' || /\s$/.test(prose) ? piece : ` ${piece}`;
    }
    const sentences = splitSentences(prose, 0, prose.length);
    if (sentences.length === 0) continue;
    // A zone starts between sentences and ends at a sentence's end or at the end of the text.
    const first = Math.floor(next() * sentences.length);
    const gapStart = first === 0 ? 0 : sentences[first - 1].end;
    const zoneStart = gapStart + Math.floor(next() * (sentences[first].start - gapStart + 1));
    const last = first + Math.floor(next() * (sentences.length - first));
    const zone: OffsetRange = { start: zoneStart, end: last === sentences.length - 1 && next() < 0.5 ? prose.length : sentences[last].end };
    const left: OffsetRange[] = [];
    for (let i = first; i <= last; i++) {
      const r = next();
      const s = sentences[i];
      if (r < 0.3) left.push({ start: s.start, end: s.end }); // a whole sentence
      else if (r < 0.4) left.push({ start: Math.max(zone.start, s.start - 2), end: s.end }); // with some of the gap before it
      else if (r < 0.45) left.push({ start: s.start + 1, end: s.end }); // part of one
      else if (r < 0.5 && i < last) left.push({ start: s.end, end: sentences[i + 1].start }); // a gap
    }
    left.sort((a, b) => a.start - b.start);
    const kept = keptSentences(prose, zone, left, sentences, first);
    if (kept === undefined) continue;
    answered++;
    if (kept.length < last - first + 1) answeredWithSomethingLeftOut++;
    let rendered = '';
    for (let i = zone.start; i < zone.end; i++) {
      const c = prose[i];
      rendered += c !== '\n' && c !== '\r' && left.some((r) => i >= r.start && i < r.end) ? ' ' : c;
    }
    const split = splitSentences(rendered, 0, rendered.length, zone.start);
    const show = (list: Array<{ start: number; end: number; text: string }>) => list.map((s) => [s.start, s.end, s.text]);
    assert.deepEqual(show(kept), show(split), JSON.stringify({ prose, zone, left }));
  }
  // The comparison means something only if the shortcut is taken, with text left out, often.
  assert.ok(answeredWithSomethingLeftOut > 500, `${answered} answered, ${answeredWithSomethingLeftOut} with text left out`);
});
