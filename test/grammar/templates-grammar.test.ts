// Tokenizes Markdown lines with the injection grammar, the way VS Code does
// (vscode-textmate + oniguruma), over a minimal stand-in for the Markdown grammar.

import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contribution = manifest.contributes.grammars[0];
const MARKDOWN = 'text.html.markdown';
let markdown: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === MARKDOWN) {
        return parseRawGrammar(JSON.stringify({ scopeName: MARKDOWN, patterns: [{ name: 'markup.inline.raw.markdown', match: '`[^`]*`' }] }), 'markdown.json');
      }
      if (scopeName === contribution.scopeName) {
        const file = path.join(root, contribution.path);
        return parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      }
      return null;
    },
    getInjections: (scopeName: string) => (contribution.injectTo.includes(scopeName) ? [contribution.scopeName] : undefined),
  });
  markdown = (await registry.loadGrammar(MARKDOWN))!;
});

/** Each token of the text with its innermost scope. */
function tokens(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let state = INITIAL;
  for (const line of text.split('\n')) {
    const result = markdown.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      if (piece.trim()) out.push([piece, token.scopes[token.scopes.length - 1]]);
    }
    state = result.ruleStack;
  }
  return out;
}

function scopeOf(text: string, piece: string): string | undefined {
  return tokens(text).find(([t]) => t === piece)?.[1];
}

test('the manifest injects the grammar into Markdown', () => {
  assert.deepEqual(contribution.injectTo, [MARKDOWN]);
  assert.ok(fs.existsSync(path.join(root, contribution.path)));
});

test('placeholders of every help desk syntax', () => {
  assert.deepEqual(tokens('Hi {{ticket.requester.first_name}},'), [
    ['Hi ', MARKDOWN],
    ['{{', 'punctuation.definition.placeholder.begin.rapport'],
    ['ticket.requester.first_name', 'variable.other.placeholder.rapport'],
    ['}}', 'punctuation.definition.placeholder.end.rapport'],
    [',', MARKDOWN],
  ]);
  assert.equal(scopeOf('Hi {{user.name|fallback:"there"}}', '"there"'), 'string.quoted.double.rapport');
  assert.equal(scopeOf('Hi {{user.name|fallback:"there"}}', 'fallback'), 'support.function.filter.rapport');
  assert.equal(scopeOf('Hi {{ name | default: "there" }}', 'default'), 'support.function.filter.rapport');
  assert.equal(scopeOf('Hi {%customer.firstName,fallback=there%}', 'customer.firstName'), 'variable.other.placeholder.rapport');
  assert.equal(scopeOf('Hi {%customer.firstName,fallback=there%}', 'there'), 'string.unquoted.fallback.rapport');
  assert.equal(scopeOf('Hi {!Contact.FirstName}', 'Contact.FirstName'), 'variable.other.placeholder.rapport');
  assert.equal(scopeOf('{{{raw.html}}}', '{{{'), 'punctuation.definition.placeholder.begin.rapport');
  assert.equal(scopeOf('{{{raw.html}}}', 'raw.html'), 'variable.other.placeholder.rapport');
});

test('block tags, partials and comments', () => {
  assert.equal(scopeOf('{{#if ticket.vip}}', 'if'), 'keyword.control.block.rapport');
  assert.equal(scopeOf('{{#if ticket.vip}}', 'ticket.vip'), 'variable.other.placeholder.rapport');
  assert.equal(scopeOf('{{else}}', 'else'), 'keyword.control.block.rapport');
  assert.equal(scopeOf('{{/if}}', 'if'), 'keyword.control.block.rapport');
  assert.equal(scopeOf('{% if customer.vip %}', 'if'), 'keyword.control.block.rapport');
  assert.equal(scopeOf('{% endif %}', 'endif'), 'keyword.control.block.rapport');
  assert.equal(scopeOf('{{> signature}}', 'signature'), 'entity.name.partial.rapport');
  assert.equal(scopeOf('{{! a note }}', ' a note '), 'comment.block.template.rapport');
  const multiLine = tokens('{{!-- rapport-disable-next-line\nweak-apology --}}\nSorry!');
  assert.deepEqual(multiLine.find(([t]) => t.includes('weak-apology')), ['weak-apology ', 'comment.block.template.rapport']);
  assert.deepEqual(multiLine[multiLine.length - 1], ['Sorry!', MARKDOWN]);
});

test('prose around template tags keeps the Markdown scope', () => {
  const line = tokens('We are sorry {{#if vip}}dear {{name}}{{/if}} today.');
  assert.deepEqual(line.find(([t]) => t === 'dear '), ['dear ', MARKDOWN]);
  assert.deepEqual(line[line.length - 1], [' today.', MARKDOWN]);
});
