import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse, sentencesOf } from './support';
import { MAX_VARIANTS } from '../../server/src/engine/document/variants';
import { splitSentences } from '../../server/src/engine/document/sentences';

test('placeholders of the major help desks are values, with their path, fallback and exact range', () => {
  const cases: Array<[string, string, string, string | undefined]> = [
    ['{{ticket.requester.first_name}}', 'mustache', 'ticket.requester.first_name', undefined],
    ['{{user.name|fallback:"there"}}', 'intercom', 'user.name', 'there'],
    ['{%customer.firstName,fallback=there%}', 'helpscout', 'customer.firstName', 'there'],
    ['{!Contact.FirstName}', 'salesforce', 'Contact.FirstName', undefined],
    ['{{ name | default: "there" }}', 'liquid-output', 'name', 'there'],
    ['{{{raw.html}}}', 'triple', 'raw.html', undefined],
    ['{{ticket.customer.firstname|default("there")}}', 'liquid-output', 'ticket.customer.firstname', 'there'],
  ];
  for (const [raw, syntax, path, fallback] of cases) {
    const text = `🙂 Hi ${raw}, thanks.\r\n`;
    const doc = parse(text);
    assert.equal(doc.placeholders.length, 1, raw);
    const [p] = doc.placeholders;
    assert.deepEqual({ syntax: p.syntax, path: p.path, fallback: p.fallback, raw: p.raw }, { syntax, path, fallback, raw });
    assert.equal(text.slice(p.start, p.end), raw);
    assert.equal(doc.prose.slice(p.start, p.end), 'X'.repeat(raw.length));
    assert.deepEqual(sentencesOf(text), [[`🙂 Hi ${raw}, thanks.`, 0]]);
  }
});

test('comments, partials and block tags render nothing the customer reads', () => {
  const text = 'A {{! note }} B {{!-- long\nnote --}} C {{> signature}} D {{#if x}}E{{/if}}.';
  const doc = parse(text, 'handlebars');
  assert.deepEqual(doc.prose.split(/\s+/).filter(Boolean), ['A', 'B', 'C', 'D', 'E', '.']);
  assert.equal(doc.placeholders.length, 0);
});

test('a placeholder reads as a name, so a sentence runs across it', () => {
  const text = "I'm sorry {{customer.first_name}}, but we can't refund it.";
  assert.deepEqual(sentencesOf(text), [[text, 0]]);
});

test('Handlebars branches: if/else, unless, each, with, each one a variant with its condition', () => {
  const text = '{{#if vip}}A.{{else}}B.{{/if}} {{#unless paid}}C.{{/unless}}';
  const variants = parse(text, 'handlebars').units[0].variants;
  assert.deepEqual(
    variants.map((v) => [v.condition, v.sentences.map((s) => s.text)]),
    [
      ['when vip and unless paid', ['A.', 'C.']],
      ['when vip and when paid is set', ['A.']],
      ['when vip is not set and unless paid', ['B.', 'C.']],
      ['when vip is not set and when paid is set', ['B.']],
    ],
  );
  const each = parse('{{#each items}}Item.{{else}}None.{{/each}}{{#with user}}W.{{/with}}', 'handlebars').units[0].variants;
  assert.deepEqual(each.map((v) => v.condition), [
    'for each of items and with user',
    'for each of items and when user is not set',
    'when items is empty and with user',
    'when items is empty and when user is not set',
  ]);
});

test('{{^}} is Handlebars\' other spelling of {{else}}, not an inverted block of its own', () => {
  const doc = parse('{{#if vip}}Thanks for being a VIP.{{^}}Thanks for writing.{{/if}}\n', 'handlebars');
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.units[0].variants.map((v) => [v.condition, v.sentences.map((s) => s.text)]), [
    ['when vip', ['Thanks for being a VIP.']],
    ['when vip is not set', ['Thanks for writing.']],
  ]);
});

test('Liquid branches: if/elsif/else and case/when', () => {
  const text = '{% if vip %}A.{% elsif gold %}B.{% else %}C.{% endif %}';
  const variants = parse(text).units[0].variants;
  assert.deepEqual(variants.map((v) => [v.condition, v.sentences.map((s) => s.text)]), [
    ['when vip', ['A.']],
    ['when gold', ['B.']],
    ['otherwise (none of: vip; gold)', ['C.']],
  ]);
  const cased = parse('{% case plan %}{% when "pro" %}Pro.{% else %}Other.{% endcase %}').units[0].variants;
  assert.deepEqual(cased.map((v) => v.condition), ['when plan is "pro"', 'when plan matches no case']);
  const chosen = cased[0].chosen.map((r) => '{% case plan %}{% when "pro" %}Pro.{% else %}Other.{% endcase %}'.slice(r.start, r.end));
  assert.deepEqual(chosen, ['{% when "pro" %}']);
});

test('nested branches stay bounded', () => {
  let text = '';
  for (let i = 0; i < 12; i++) text += `{{#if a${i}}}A${i}. `;
  for (let i = 0; i < 12; i++) text += '{{else}}B.{{/if}}';
  for (let i = 0; i < 12; i++) text += ` {{#if c${i}}}C${i}.{{/if}}`;
  const doc = parse(text, 'handlebars');
  assert.equal(doc.problems.length, 0);
  assert.ok(doc.units[0].variants.length <= MAX_VARIANTS);
  // Every branch still renders in some variant.
  const rendered = new Set(doc.units[0].variants.flatMap((v) => v.sentences.map((s) => s.text)));
  for (let i = 0; i < 12; i++) assert.ok(rendered.has(`C${i}.`), `C${i}.`);
});

test('malformed templates are problems with exact ranges, and the rest is still read', () => {
  const text = 'A {{#if x}} B {{/each}} C {{else}} D. Sorry about that. {{';
  const doc = parse(text, 'handlebars');
  assert.deepEqual(doc.problems.map((p) => text.slice(p.start, p.end)), ['{{/each}}', '{{else}}', '{{']);
  assert.match(doc.problems[0].message, /does not match the open if block \(\{\{#if x\}\}\)/);
  assert.ok(doc.sentences.some((s) => s.text === 'Sorry about that.'));
  const unclosed = parse('{{#if vip}}Thanks.\n', 'handlebars');
  assert.deepEqual(unclosed.problems.map((p) => p.message), ['{{#if vip}} is never closed.']);
  const liquid = parse('{% if vip %}Thanks.{% endunless %}');
  assert.equal(liquid.problems.length, 1);
});

test('variant sentences equal a full split of each rendered variant', () => {
  const texts = [
    'Hi there,\n\nWe looked. Your order {{#if vip}}ships today{{else}}is late. Sorry{{/if}} and we will call. Thanks.\n\nBye.',
    'A. {{#if a}}B.{{/if}} C. {{#unless b}}D{{/unless}} E.\nF.',
    '{{#if a}}Start.{{/if}} Middle. {{#each x}}Loop {{this}}.{{else}}None.{{/each}}',
  ];
  for (const text of texts) {
    const doc = parse(text, 'handlebars');
    const unit = doc.units[0];
    const tags = doc.blocks.flatMap((b) => b.branches.map((br) => br.tag));
    for (const variant of unit.variants) {
      const chosen = new Set(variant.chosen.map((r) => r.start));
      const prose = doc.prose.split('');
      for (const block of doc.blocks) {
        const picked = block.branches.find((br) => chosen.has(br.tag.start) && br.tag !== block.branches[0].tag) ?? (chosen.has(block.branches[0].tag.start) && !(block.canBeEmpty && variant.condition?.includes(block.otherwise)) ? block.branches[0] : undefined);
        for (const branch of block.branches) if (branch !== picked) for (let i = branch.content.start; i < branch.content.end; i++) if (prose[i] !== '\n') prose[i] = ' ';
      }
      for (const tag of tags) for (let i = tag.start; i < tag.end; i++) if (prose[i] !== '\n') prose[i] = ' ';
      const expected = splitSentences(prose.join(''), unit.start, unit.end).map((s) => [s.start, s.end, s.text]);
      assert.deepEqual(variant.sentences.map((s) => [s.start, s.end, s.text]), expected, `${text} / ${variant.condition}`);
    }
  }
});

test('library detection: automatic, or set by front matter', () => {
  const body = '## One\n\nHi.\n\n## Two\n\nHello.\n';
  assert.equal(parse(body).units.length, 2);
  assert.equal(parse(`---\nrapport:\n  library: false\n---\n${body}`).units.length, 1);
  assert.equal(parse(`---\nrapport:\n  library: headings\n---\n# Only one\n\nHi.\n`).units.length, 1);
  assert.equal(parse('# Title\n\n## A\n\nHi.\n').units.length, 1);
});
