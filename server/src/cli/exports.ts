// Help-desk exports: Zendesk macro JSON and title/body CSV files. A macro's
// reply text sits inside a JSON string or a CSV field, where escapes ("\n",
// "\u00e9", doubled quotes) make the decoded text and the file's characters
// differ. Each body keeps a map from decoded offsets to file offsets so that
// findings and fixes point at the exact characters in the export file.

/** One reply text found in an export, decoded, with where each of its code units sits in the file. */
export interface ExportBody {
  /** The macro's title (or a stand-in such as "macro 3" when it has none). */
  title: string;
  /** The decoded text the engine lints. */
  text: string;
  /** rawOffsets[i] = file offset of decoded code unit i; rawOffsets[text.length] = end of the field's content. */
  rawOffsets: Int32Array;
  /** How to write replacement text back into the file, or undefined when it cannot be done safely. */
  encode: (newText: string) => string | undefined;
}

export class ExportError extends Error {}

// ---------------------------------------------------------------- JSON

type JsonNode =
  | { kind: 'object'; members: Array<{ key: string; value: JsonNode }> }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'literal'; value: number | boolean | null };

/** A small JSON parser that remembers where each string sits (start/end exclude the quotes). */
class JsonReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): JsonNode {
    const node = this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return node;
  }

  private fail(what: string): never {
    let line = 1;
    let column = 1;
    for (let i = 0; i < this.pos && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    throw new ExportError(`not valid JSON: ${what} at line ${line}, column ${column}`);
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos])) this.pos++;
  }

  private value(): JsonNode {
    this.space();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!literal) this.fail(c === undefined ? 'unexpected end of file' : `unexpected character ${JSON.stringify(c)}`);
    this.pos += literal[0].length;
    return { kind: 'literal', value: JSON.parse(literal[0]) as number | boolean | null };
  }

  private object(): JsonNode {
    this.pos++;
    const members: Array<{ key: string; value: JsonNode }> = [];
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', members };
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail('expected a property name in double quotes');
      const key = (this.string() as { value: string }).value;
      this.space();
      if (this.text[this.pos] !== ':') this.fail('expected ":"');
      this.pos++;
      members.push({ key, value: this.value() });
      this.space();
      const next = this.text[this.pos++];
      if (next === '}') return { kind: 'object', members };
      if (next !== ',') {
        this.pos--;
        this.fail('expected "," or "}"');
      }
    }
  }

  private array(): JsonNode {
    this.pos++;
    const items: JsonNode[] = [];
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', items };
    }
    for (;;) {
      items.push(this.value());
      this.space();
      const next = this.text[this.pos++];
      if (next === ']') return { kind: 'array', items };
      if (next !== ',') {
        this.pos--;
        this.fail('expected "," or "]"');
      }
    }
  }

  private string(): JsonNode {
    const start = ++this.pos;
    const text = this.text;
    // Fast path: find the closing quote; decode only when there are escapes.
    let i = start;
    let escaped = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34 /* " */) break;
      if (c === 92 /* \ */) {
        escaped = true;
        i++;
      } else if (c < 0x20) {
        this.pos = i;
        this.fail('a control character inside a string (line breaks must be written \\n)');
      }
    }
    if (i >= text.length) {
      this.pos = start - 1;
      this.fail('a string that is never closed');
    }
    this.pos = i + 1;
    if (!escaped) return { kind: 'string', value: text.slice(start, i), start, end: i };
    try {
      return { kind: 'string', value: JSON.parse(text.slice(start - 1, i + 1)) as string, start, end: i };
    } catch {
      this.pos = start - 1;
      return this.fail('a string with an invalid escape sequence');
    }
  }
}

/** Decodes the JSON string whose content is raw[start, end), keeping each code unit's file offset. */
export function decodeJsonString(raw: string, start: number, end: number): { text: string; rawOffsets: Int32Array } {
  const units: string[] = [];
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const c = raw[i];
    if (c !== '\\') {
      units.push(c);
      offsets.push(i);
      i++;
      continue;
    }
    const e = raw[i + 1];
    if (e === 'u') {
      units.push(String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16)));
      offsets.push(i);
      i += 6;
    } else {
      units.push(({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' } as Record<string, string>)[e] ?? e);
      offsets.push(i);
      i += 2;
    }
  }
  offsets.push(end);
  return { text: units.join(''), rawOffsets: Int32Array.from(offsets) };
}

/** Replacement text written as the inside of a JSON string. */
function encodeJson(newText: string): string {
  return JSON.stringify(newText).slice(1, -1);
}

function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.kind === 'object' ? node.members.find((m) => m.key === key)?.value : undefined;
}

/** The macros of a Zendesk export: {"macro": {...}}, {"macros": [...]}, a bare macro, or a list of macros; undefined if none of these. */
function macroNodes(root: JsonNode): JsonNode[] | undefined {
  if (root.kind === 'array') return root.items;
  const list = member(root, 'macros');
  if (list?.kind === 'array') return list.items;
  const single = member(root, 'macro');
  if (single?.kind === 'object') return [single];
  if (member(root, 'actions')) return [root];
  return undefined;
}

/** Quick test on the text, before parsing: does this .json look like a macro export? */
export function looksLikeJsonExport(text: string): boolean {
  return /"macros?"\s*:/.test(text) || (/"actions"\s*:/.test(text) && /"comment_value(?:_html)?"/.test(text));
}

/** The reply texts of a Zendesk macro export. Throws ExportError when the file is not valid JSON or has no macros. */
export function readZendeskJson(raw: string): ExportBody[] {
  const root = new JsonReader(raw).parse();
  const macros = macroNodes(root);
  // An empty list is a valid export with nothing to lint; an object of another shape is not an export.
  if (!macros) throw new ExportError('no Zendesk macros found (expected "macros": [...], "macro": {...} or a macro with "actions")');
  const bodies: ExportBody[] = [];
  macros.forEach((macro, index) => {
    const titleNode = member(macro, 'title') ?? member(macro, 'raw_title');
    const title = titleNode?.kind === 'string' && titleNode.value.trim() ? titleNode.value.trim() : `macro ${index + 1}`;
    const actions = member(macro, 'actions');
    if (actions?.kind !== 'array') return;
    for (const action of actions.items) {
      const field = member(action, 'field');
      if (field?.kind !== 'string' || (field.value !== 'comment_value' && field.value !== 'comment_value_html')) continue;
      const value = member(action, 'value');
      // comment_value is a string, or ["channel:all", "text"]: the reply is the last string.
      const target = value?.kind === 'string' ? value : value?.kind === 'array' ? [...value.items].reverse().find((n) => n.kind === 'string') : undefined;
      if (target?.kind !== 'string') continue;
      const { text, rawOffsets } = decodeJsonString(raw, target.start, target.end);
      bodies.push({ title, text, rawOffsets, encode: encodeJson });
    }
  });
  return bodies;
}

// ---------------------------------------------------------------- CSV

interface CsvField {
  value: string;
  rawOffsets: Int32Array;
  quoted: boolean;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses RFC 4180 CSV (quoted fields may hold commas, line breaks and "" escapes), keeping offsets. */
export function parseCsv(raw: string): CsvField[][] {
  const records: CsvField[][] = [];
  let record: CsvField[] = [];
  let i = 0;
  const n = raw.length;
  for (;;) {
    let field: CsvField;
    const fieldStart = i;
    if (raw[i] === '"') {
      const units: string[] = [];
      const offsets: number[] = [];
      i++;
      for (;;) {
        if (i >= n) throw new ExportError(`not valid CSV: the quoted field that starts on line ${lineOf(raw, fieldStart)} is never closed`);
        if (raw[i] === '"') {
          if (raw[i + 1] === '"') {
            units.push('"');
            offsets.push(i);
            i += 2;
            continue;
          }
          break;
        }
        units.push(raw[i]);
        offsets.push(i);
        i++;
      }
      offsets.push(i);
      i++; // closing quote
      field = { value: units.join(''), rawOffsets: Int32Array.from(offsets), quoted: true };
      // Tolerate spaces after the closing quote; anything else is an error.
      while (raw[i] === ' ' || raw[i] === '\t') i++;
      if (i < n && raw[i] !== ',' && raw[i] !== '\n' && raw[i] !== '\r') {
        throw new ExportError(`not valid CSV: text after a closing quote on line ${lineOf(raw, i)}`);
      }
    } else {
      const start = i;
      while (i < n && raw[i] !== ',' && raw[i] !== '\n' && raw[i] !== '\r') i++;
      const offsets = new Int32Array(i - start + 1);
      for (let k = 0; k <= i - start; k++) offsets[k] = start + k;
      field = { value: raw.slice(start, i), rawOffsets: offsets, quoted: false };
    }
    record.push(field);
    if (raw[i] === ',') {
      i++;
      continue;
    }
    // End of record.
    if (raw[i] === '\r' && raw[i + 1] === '\n') i += 2;
    else if (i < n) i++;
    if (!(record.length === 1 && record[0].value === '' && !record[0].quoted)) records.push(record);
    record = [];
    if (i >= n) break;
  }
  return records;
}

const TITLE_HEADERS = ['title', 'name'];
const BODY_HEADERS = ['body', 'comment_value', 'content'];

function headerIndex(header: CsvField[], names: string[]): number {
  return header.findIndex((f) => names.includes(f.value.trim().toLowerCase()));
}

/** Quick test on the first line: a CSV export has "title" and "body" columns. */
export function looksLikeCsvExport(firstLine: string): boolean {
  const columns = firstLine.replace(/^\uFEFF/, '').split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return columns.some((c) => TITLE_HEADERS.includes(c)) && columns.some((c) => BODY_HEADERS.includes(c));
}

function encodeCsv(quoted: boolean): (newText: string) => string | undefined {
  // An unquoted field cannot take quotes, commas or line breaks without rewriting the whole field.
  return (newText) => (quoted ? newText.replace(/"/g, '""') : /[",\r\n]/.test(newText) ? undefined : newText);
}

/** The reply texts of a CSV export with a header row naming "title" and "body" columns. */
export function readCsvExport(raw: string): ExportBody[] {
  const records = parseCsv(raw);
  const header = records[0];
  if (!header) throw new ExportError('the CSV file is empty');
  const titleColumn = headerIndex(header, TITLE_HEADERS);
  const bodyColumn = headerIndex(header, BODY_HEADERS);
  if (bodyColumn < 0) throw new ExportError('no "body" column in the CSV header row');
  const bodies: ExportBody[] = [];
  records.slice(1).forEach((record, index) => {
    const body = record[bodyColumn];
    if (!body) return;
    const titleField = titleColumn >= 0 ? record[titleColumn]?.value.trim() : '';
    bodies.push({ title: titleField || `row ${index + 2}`, text: body.value, rawOffsets: body.rawOffsets, encode: encodeCsv(body.quoted) });
  });
  return bodies;
}
