// Front matter: the common, simple shapes (key: value, flow lists, block lists,
// one nested mapping such as `rapport:`) are read directly; anything else goes
// to the full YAML parser. Parsing YAML costs far more than the rest of the
// document model on a small macro, and front matter is nearly always simple.

import { parse as parseYaml } from 'yaml';

type Scalar = string | number | boolean | null;
type Value = Scalar | Scalar[] | Record<string, Scalar | Scalar[]>;

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
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
  if (NESTED_FLOW.test(flow[1])) return NOT_SIMPLE;
  const items: Scalar[] = [];
  for (const part of flow[1].split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const parsed = scalar(item);
    if (parsed === NOT_SIMPLE) return NOT_SIMPLE;
    items.push(parsed);
  }
  return items;
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
    const m = KEY_LINE.exec(line);
    if (!m || Object.hasOwn(data, m[1])) return undefined;
    if (m[2] === undefined) {
      open = { key: m[1] };
      data[m[1]] = null;
      continue;
    }
    open = undefined;
    const parsed = value(m[2]);
    if (parsed === NOT_SIMPLE) return undefined;
    data[m[1]] = parsed;
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
