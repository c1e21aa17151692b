// The engine's public shapes. Offsets are UTF-16 code-unit indexes into the
// text the engine was given (JavaScript string indexes), so they are exact with
// CRLF, a BOM and astral characters; editors convert them to line/character.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface OffsetRange {
  start: number;
  end: number;
}

/** Replace text[start, end) with newText. An insertion has start === end. */
export interface TextEdit extends OffsetRange {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor should offer first (and apply on "fix all"). */
  preferred?: boolean;
  /**
   * The fix needs the author: it leaves a fill-in to complete (see
   * fill-in.ts; set automatically), or it deletes words the author should
   * confirm. Such fixes are never applied unattended (fix-all, --fix).
   */
  needsInput?: boolean;
}

export interface Finding extends OffsetRange {
  rule: string;
  severity: Severity;
  message: string;
  /**
   * Built when first read, in the engine's findings: copy it explicitly when
   * copying a finding (`{ ...finding }` leaves it out; JSON.stringify keeps it).
   */
  fixes: Fix[];
  /** Under which template condition the finding occurs, for branch variants. */
  condition?: string;
  /** The title of the macro the finding belongs to, in a library file. */
  macro?: string;
}

export type LanguageId = 'markdown' | 'handlebars';

/** Per-rule setting: a severity, or an object with a severity and options. */
export type RuleSetting = SeveritySetting | boolean | ({ severity?: SeveritySetting } & Record<string, unknown>);

export interface Settings {
  /** Severity (or options) per rule id; rules not listed use their default. */
  rules?: Record<string, RuleSetting>;
  /** The placeholder that renders the customer's first name, e.g. {{customer.first_name}}. */
  namePlaceholder?: string;
  /** How a file maps to macros: one macro, a library of macros under headings, or auto-detect. */
  library?: 'auto' | 'single' | 'headings';
  /** The team's own phrases: a banned phrase and what to write instead. */
  phrases?: CustomPhrase[];
}

export interface CustomPhrase {
  phrase: string;
  preferred?: string;
  message?: string;
  severity?: Severity;
}
