// Help-desk exports: Zendesk macro JSON and title/body CSV, with findings mapped
// back to the exact characters of the export file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeJsonString, parseCsv, readZendeskJson } from '../../server/src/cli/exports';
import { FLAGGED_DELAY, lintJson, project, runCli, textAt } from './helpers';

// Escapes (\u00e9, \", \n, \t) before the findings make decoded and file offsets differ.
const SINGLE = `{
  "macro": {
    "id": 360001,
    "title": "Caf\\u00e9 order \\"late\\"",
    "actions": [
      { "field": "status", "value": "pending" },
      { "field": "comment_value", "value": "Bonjour {{ticket.requester.first_name}} \\u00e9t\\u00e9 \\"ami\\",\\n\\nThe parcel\\tis late. Sorry for the delay." }
    ]
  }
}
`;

test('a single Zendesk macro: findings point at the JSON file and name the macro', () => {
  const dir = project({ 'macro.json': SINGLE });
  const { run, files } = lintJson(dir, 'macro.json');
  assert.equal(run.status, 0, run.stderr);
  const apologies = files[0].findings.filter((f) => f.rule === 'weak-apology');
  assert.equal(apologies.length, 1, JSON.stringify(files[0].findings));
  assert.equal(apologies[0].range.start.line, 6);
  assert.match(textAt(SINGLE, apologies[0].range), FLAGGED_DELAY);
  assert.equal(apologies[0].macro, 'Café order "late"');
  const edit = apologies[0].fixes[0].edits[0];
  assert.equal(textAt(SINGLE, edit.range), 'Sorry for the delay.');
});

test('the list API export: every macro is linted, in the array form of comment_value too', () => {
  const text = [
    '{ "count": 2, "macros": [',
    '  { "title": "Refund sent", "actions": [{ "field": "comment_value", "value": ["channel:all", "Hi {{ticket.requester.first_name}},\\n\\nYour refund went out today."] }] },',
    '  { "title": "Shipping \\u2014 delay", "actions": [{ "field": "comment_value_html", "value": "<p>Hello,</p>\\n<p>The truck broke down. Sorry \\u0027bout that!</p>" }] }',
    '] }',
  ].join('\n');
  const dir = project({ 'macros.json': text });
  const { files } = lintJson(dir, 'macros.json');
  const apology = files[0].findings.find((f) => f.rule === 'weak-apology');
  assert.ok(apology, JSON.stringify(files));
  assert.equal(apology.macro, 'Shipping — delay');
  // The flagged text itself holds an escape: the range covers it as written in the file.
  assert.equal(textAt(text, apology.range), 'Sorry \\u0027bout that!');
  assert.ok(!files[0].findings.some((f) => f.macro === 'Refund sent' && f.rule === 'weak-apology'));
});

test('--fix in a JSON export writes escaped text and keeps the JSON valid', () => {
  const dir = project({ 'macro.json': SINGLE });
  const run = runCli(dir, 'lint', '--fix', 'macro.json');
  assert.match(run.stdout, /fixed .*\(macro "Café order "late""\) {2}\[weak-apology\]/);
  const after = fs.readFileSync(path.join(dir, 'macro.json'), 'utf8');
  const value = JSON.parse(after).macro.actions[1].value as string;
  assert.match(value, /^Bonjour \{\{ticket\.requester\.first_name\}\} été "ami",\n\nThe parcel\tis late\. I apologize for the delay\.$/);
  // Everything outside the fixed text is byte for byte the same.
  assert.equal(after.replace('I apologize for the delay.', 'Sorry for the delay.'), SINGLE);
});

const CSV = [
  'id,title,body,tags',
  '1,Late parcel,"Hello ""friend"",',
  '',
  'Our courier, sadly, lost it. Sorry for the delay.',
  'Sorry for any inconvenience.",shipping',
  '2,"Refund, sent","Hi,\r\nYour refund went out today.",billing',
  '',
].join('\n');

test('a CSV export: multi-line quoted bodies with "" escapes map back to the file', () => {
  const dir = project({ 'macros.csv': CSV });
  const { files } = lintJson(dir, 'macros.csv');
  const apologies = files[0].findings.filter((f) => f.rule === 'weak-apology');
  assert.equal(apologies.length, 2, JSON.stringify(files));
  assert.deepEqual(apologies[0].range.start, { line: 3, character: 29 });
  assert.match(textAt(CSV, apologies[0].range), FLAGGED_DELAY);
  assert.equal(textAt(CSV, apologies[1].range), 'Sorry for any inconvenience');
  assert.equal(apologies[0].macro, 'Late parcel');
});

test('--fix in a CSV export keeps the file a valid CSV', () => {
  const dir = project({ 'macros.csv': CSV });
  runCli(dir, 'lint', '--fix', 'macros.csv');
  const after = fs.readFileSync(path.join(dir, 'macros.csv'), 'utf8');
  assert.equal(after, CSV.replace('Sorry for the delay.', 'I apologize for the delay.'));
  assert.equal(parseCsv(after).length, 3);
});

test('a malformed JSON export gets a clear message; the rest is still linted', () => {
  const broken = '{\n  "macros": [\n    { "title": "x" "actions": [] }\n  ]\n}\n';
  const dir = project({ 'broken.json': broken, 'a.md': 'Sorry for the delay.\n' });
  const run = runCli(dir, 'lint', 'broken.json', 'a.md');
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^broken\.json: error: cannot be read as a Zendesk macro export: not valid JSON: expected "," or "}" at line 3, column 20$/m);
  assert.match(run.stdout, /^a\.md:1:1 /m);
  assert.match(run.stdout, /1 could not be linted/);
  const alone = runCli(dir, 'lint', 'broken.json');
  assert.equal(alone.status, 2);
});

test('walking a folder picks up exports by their content, not every .json or .csv', () => {
  const dir = project({
    'package.json': JSON.stringify({ name: 'x', version: '1.0.0' }),
    'data.csv': 'id,amount\n1,20\n',
    'export/macros.json': JSON.stringify({ macros: [{ title: 'A', actions: [{ field: 'comment_value', value: 'Sorry for the delay.' }] }] }),
    'export/macros.csv': 'Title,Body\nB,Sorry for the delay.\n',
  });
  const { files } = lintJson(dir, '.');
  assert.deepEqual(files.map((f) => f.file).sort(), ['export/macros.csv', 'export/macros.json']);
  assert.ok(files.every((f) => f.findings.some((x) => x.rule === 'weak-apology')));
});

test('decodeJsonString maps every decoded code unit to its escape', () => {
  const raw = '"a\\u00e9\\n\\"😀b"';
  const { text, rawOffsets } = decodeJsonString(raw, 1, raw.length - 1);
  assert.equal(text, 'aé\n"😀b');
  assert.deepEqual([...rawOffsets], [1, 2, 8, 10, 12, 13, 14, 15]);
});

test('readZendeskJson: bare macro objects, titles and the reply inside array values', () => {
  const bodies = readZendeskJson('{"title":"T","actions":[{"field":"comment_value","value":["channel:all","Hi"]}]}');
  assert.deepEqual(bodies.map((b) => [b.title, b.text]), [['T', 'Hi']]);
  assert.throws(() => readZendeskJson('{"name":"not a macro"}'), /no Zendesk macros found/);
});

test('an empty export is fine; a broken CSV says where', () => {
  const dir = project({ 'none.json': '{"macros": [], "count": 0}', 'bad.csv': 'title,body\nLate,"Hello,\n\nno closing quote\n' });
  const run = runCli(dir, 'lint', 'none.json', 'bad.csv');
  assert.equal(run.status, 0, run.stdout);
  assert.doesNotMatch(run.stdout, /none\.json: error/);
  assert.match(run.stdout, /^bad\.csv: error: cannot be read as a CSV macro export: not valid CSV: the quoted field that starts on line 2 is never closed$/m);
});
