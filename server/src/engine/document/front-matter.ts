// Front matter: the common, simple shapes (key: value, flow lists, block lists,
// one nested mapping such as `rapport:`) are read directly; anything else goes
// to the full YAML parser. Parsing YAML costs far more than the rest of the
// document model on a small macro, and front matter is nearly always simple.

import { parse as parseYaml } from 'yaml';

type Scalar = string | number | boolean | null;
type Value = Scalar | Scalar[] | Record<string, Scalar | Scalar[]>;

/** A `key: value` line (readKeyLine reads it by char codes; the tests hold the two to the same answers). */
export const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const NESTED_KEY_LINE = /^( +)([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const LIST_ITEM = /^( *)-[ \t]+(.*?)[ \t]*$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const QUOTED = /^"([^"\\]*)"$|^'([^']*)'$/;
/** Words YAML may read as booleans or null: left to the full parser. */
const RESERVED_WORD = /^(?:yes|no|on|off|y|n|true|false|null)$/i;
const FLOW_LIST = /^\[(.*)\]$/;
const NESTED_FLOW = /[[\]{}"']/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?$/;
const NOT_SIMPLE = Symbol('not simple');

/** Characters a plain scalar may not start with: YAML's indicators, and digits and signs (numbers are read apart). */
const NOT_FIRST = '&*!|>%@`{}[]#,\'"?:.+-0123456789';
const WHITE_SPACE = /\s/;

/**
 * Whether YAML reads the text as a plain string as it is: it starts with no indicator, digit or
 * white space, and holds no ": " (nor ends with ":") and no " #" (a comment). Read with indexOf:
 * most values have neither character, and a pattern over every character cost more than the rest
 * of the front matter.
 */
export function isPlain(raw: string): boolean {
  const first = raw.charAt(0);
  if (first === '' || NOT_FIRST.includes(first) || WHITE_SPACE.test(first)) return false;
  for (let i = raw.indexOf(':', 1); i >= 0; i = raw.indexOf(':', i + 1)) {
    if (i + 1 === raw.length || WHITE_SPACE.test(raw.charAt(i + 1))) return false;
  }
  for (let i = raw.indexOf('#', 1); i >= 0; i = raw.indexOf('#', i + 1)) {
    if (WHITE_SPACE.test(raw.charAt(i - 1))) return false;
  }
  return true;
}

function scalar(raw: string): Scalar | typeof NOT_SIMPLE {
  if (raw === '' || raw === '~' || raw === 'null') return null;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  // Each pattern is tried only when the first character allows it: most values are plain words.
  const first = raw.charCodeAt(0);
  if ((first === 45 || (first >= 48 && first <= 57)) && NUMBER.test(raw)) return Number(raw);
  if (first === 34 || first === 39) {
    const quoted = QUOTED.exec(raw);
    if (quoted) return quoted[1] ?? quoted[2];
  }
  if (isPlain(raw) && (raw.length > 5 || !RESERVED_WORD.test(raw))) return raw;
  return NOT_SIMPLE;
}

function value(raw: string): Scalar | Scalar[] | typeof NOT_SIMPLE {
  const flow = raw.charCodeAt(0) === 91 /* [ */ ? FLOW_LIST.exec(raw) : null;
  if (!flow) return scalar(raw);
  const inner = flow[1];
  if (NESTED_FLOW.test(inner)) return NOT_SIMPLE;
  const items: Scalar[] = [];
  // The items between commas, found with indexOf: split() costs more on a list of two or three.
  for (let from = 0; from <= inner.length; ) {
    let comma = inner.indexOf(',', from);
    if (comma < 0) comma = inner.length;
    const item = inner.slice(from, comma).trim();
    from = comma + 1;
    if (item === '') continue;
    const parsed = scalar(item);
    if (parsed === NOT_SIMPLE) return NOT_SIMPLE;
    items.push(parsed);
  }
  return items;
}

/** Code units a key may hold after its first ([\w-]), and that it may start with ([A-Za-z_]). */
const KEY_CHAR = new Uint8Array(128);
const KEY_START = 2;
for (let c = 48; c <= 57; c++) KEY_CHAR[c] = 1;
for (let c = 65; c <= 90; c++) KEY_CHAR[c] = KEY_CHAR[c + 32] = 1 | KEY_START;
KEY_CHAR[95] = 1 | KEY_START;
KEY_CHAR[45] = 1;

/**
 * Reads a `key: value` line as KEY_LINE does, by char codes: the pattern's lazy value tried the
 * end of the line at every character, which cost more than the rest of the front matter. The
 * value is without the blanks around it, undefined when nothing follows the colon (the key opens
 * a nested block). Undefined when the line is not one.
 */
export function readKeyLine(line: string): { key: string; value: string | undefined } | undefined {
  const length = line.length;
  let i = 0;
  let c = line.charCodeAt(0);
  if (!(c < 128 && (KEY_CHAR[c] & KEY_START) !== 0)) return undefined;
  while (++i < length && (c = line.charCodeAt(i)) < 128 && KEY_CHAR[c] !== 0);
  const keyEnd = i;
  while (i < length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (line.charCodeAt(i) !== 58 /* : */) return undefined;
  let start = ++i;
  while (start < length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  let end = length;
  while (end > start && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  const key = line.slice(0, keyEnd);
  // "key:" opens a nested block; "key: " (blanks only) is an empty value, as the pattern reads it.
  if (start === end) return { key, value: start === i ? undefined : '' };
  // A value must follow a blank; and the pattern's "." stops at a line terminator.
  if (start === i) return undefined;
  for (let k = start; k < end; k++) {
    const code = line.charCodeAt(k);
    if (code === 13 || code === 10 || code === 0x2028 || code === 0x2029) return undefined;
  }
  return { key, value: line.slice(start, end) };
}

/** Reads simple front matter, or returns undefined for the full YAML parser. */
export function readSimpleFrontMatter(body: string): Record<string, Value> | undefined {
  const data: Record<string, Value> = {};
  let open: { key: string; kind?: 'list' | 'map'; indent?: string } | undefined;
  // Lines found with indexOf: split() costs more than reading them on a front matter of three lines.
  for (let lineStart = 0; lineStart <= body.length; ) {
    let newline = body.indexOf('\n', lineStart);
    if (newline < 0) newline = body.length;
    const lineEnd = newline > lineStart && body.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    const line = body.slice(lineStart, lineEnd);
    lineStart = newline + 1;
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9 || first === 35 || line === '') && BLANK_OR_COMMENT.test(line)) continue;
    if (first === 9) return undefined;
    if (open && first === 32) {
      const item = LIST_ITEM.exec(line);
      const nested = item ? null : NESTED_KEY_LINE.exec(line);
      const indent = item ? item[1] : nested?.[1];
      if (indent === undefined || (open.indent !== undefined && indent !== open.indent)) return undefined;
      open.indent = indent;
      if (item && open.kind !== 'map') {
        open.kind = 'list';
        const parsed = scalar(item[2]);
        if (parsed === NOT_SIMPLE) return undefined;
        ((data[open.key] ??= []) as Scalar[]).push(parsed);
        continue;
      }
      if (nested && open.kind !== 'list' && nested[3] !== undefined) {
        open.kind = 'map';
        const parsed = value(nested[3]);
        if (parsed === NOT_SIMPLE) return undefined;
        const map = (data[open.key] ??= {}) as Record<string, Scalar | Scalar[]>;
        if (Object.hasOwn(map, nested[2])) return undefined;
        map[nested[2]] = parsed;
        continue;
      }
      return undefined;
    }
    const entry = readKeyLine(line);
    if (!entry || Object.hasOwn(data, entry.key)) return undefined;
    const key = entry.key;
    if (entry.value === undefined) {
      open = { key };
      data[key] = null;
      continue;
    }
    open = undefined;
    const parsed = value(entry.value);
    if (parsed === NOT_SIMPLE) return undefined;
    data[key] = parsed;
  }
  return data;
}

/** The front matter's data: a mapping, or {} when it is something else. Throws on invalid YAML. */
export function readFrontMatter(body: string): Record<string, unknown> {
  const simple = readSimpleFrontMatter(body);
  if (simple) return simple;
  const data = parseYaml(body);
  return data && typeof data === 'object' && !Array.isArray(data) ? data : {};
}
