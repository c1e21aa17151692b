// What a rule is. Each rule module exports one Rule; rules/index.ts lists them.

import type { MacroDocument, MacroUnit, Variant, Sentence } from '../../document/model';
import type { Fix, OffsetRange, Settings, Severity } from '../../types';

export interface RuleExample {
  bad: string;
  better: string;
}

export interface RuleMeta {
  id: string;
  /** One line: what the rule flags. */
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule offers fixes. */
  fixable: boolean;
  /** The guide's reason, in its own words, and the guide file it comes from. */
  why: { quote: string; source: string };
  /** A bad sentence and its better form, shown in hovers and docs. */
  example: RuleExample;
}

export interface Report extends OffsetRange {
  message: string;
  /**
   * The fixes, or a function that builds them: called only when someone asks
   * for the finding's fixes (a code action, --fix, an output with fixes), as
   * most findings are read and never fixed.
   */
  fixes?: Fix[] | (() => Fix[]);
  /** Overrides the rule's severity for this report (a team phrase with its own severity). */
  severity?: Severity;
}

export interface RuleContext {
  doc: MacroDocument;
  settings: Settings;
  /** The rule's own options (from its settings object), if any. */
  options: Record<string, unknown>;
}

export interface Rule extends RuleMeta {
  /** Sentence-level checks: run once over every prose sentence of the file. */
  checkSentence?(sentence: Sentence, context: RuleContext): Report[] | Report | undefined;
  /**
   * Words that every sentence checkSentence reports contains: the engine only
   * asks about sentences in which this finds a match (most have none). Not global.
   */
  sentenceHint?: RegExp;
  /**
   * Macro-level checks: run once per rendered variant of each macro. The
   * engine merges what the variants report: a report every variant makes is
   * shown once; one only some variants make names their condition.
   */
  checkVariant?(variant: Variant, unit: MacroUnit, context: RuleContext): Report[] | Report | undefined;
  /** Whole-document checks (template syntax, placeholders). */
  checkDocument?(context: RuleContext): Report[] | Report | undefined;
  /**
   * Whether the rule has nothing to look for under these settings (team-phrase without phrases):
   * the engine leaves it out rather than ask it about every sentence.
   */
  idleWith?(settings: Settings): boolean;
}
