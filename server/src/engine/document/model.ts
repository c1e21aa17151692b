// The shapes of a parsed macro document. Every offset is an index into the
// original text; `prose` is a copy of the text of the same length in which
// everything that is not the agent's own prose is blanked, so rules can run
// plain string matching on it and report exact positions.

import type { OffsetRange } from '../types';

export type LanguageKind = 'markdown' | 'handlebars';

export interface Sentence extends OffsetRange {
  /** The sentence as the rules read it: prose with placeholders shown as name-like words. */
  text: string;
  /**
   * The rules' answers about this text, once looked up (rules/support/memo.ts).
   * Every sentence is made with the field, so all sentences share one shape.
   */
  answers: unknown[] | undefined;
  /** The hash of the code units the splitter read (text.ts hashCodeUnits): the key its answers are filed under. */
  hash: number;
}

export type PlaceholderSyntax =
  | 'mustache' // {{ticket.requester.first_name}} (Zendesk, Freshdesk, Gorgias, Front, Handlebars)
  | 'triple' // {{{raw}}}
  | 'liquid-output' // {{ name | default: "there" }}
  | 'intercom' // {{user.name|fallback:"there"}}
  | 'helpscout' // {%customer.firstName,fallback=there%}
  | 'salesforce' // {!Contact.FirstName}
  | 'other'; // %{ticket.number}, {$Ticket->Subject}, ${value}, #{ticket.number}

export interface Placeholder extends OffsetRange {
  syntax: PlaceholderSyntax;
  /** The variable path, e.g. ticket.requester.first_name. */
  path: string;
  /** The fallback text, if the placeholder has one. */
  fallback?: string;
  raw: string;
}

export interface TemplateProblem extends OffsetRange {
  message: string;
}

export interface Branch {
  /** Human label, e.g. "when ticket.vip is true" or "otherwise". */
  condition: string;
  /** The tag that opens this branch ({{#if …}}, {{else}}, {% when … %}). */
  tag: OffsetRange;
  /** The content between this branch's tag and the next tag of the block. */
  content: OffsetRange;
  /** Blocks nested directly in this branch's content. */
  blocks?: BranchBlock[];
}

export interface BranchBlock extends OffsetRange {
  helper: string;
  branches: Branch[];
  /** Whether rendering may choose none of the branches (an if without else). */
  canBeEmpty: boolean;
  /** The condition under which none of the branches renders. */
  otherwise: string;
  /** Whether the block is nested in another block's branch. */
  nested?: boolean;
}

export interface Variant {
  /** Undefined when the macro has no branches; otherwise the conditions that select this variant. */
  condition?: string;
  /** The same conditions one by one (one per block the variant passes through). */
  conditions?: string[];
  /** The branch tags this variant chose (where a finding about the variant points). */
  chosen: OffsetRange[];
  sentences: Sentence[];
}

export interface MacroMeta {
  title?: string;
  tags?: string[];
  /** The macro only informs (no problem to acknowledge). */
  informational?: boolean;
  /** The macro answers a problem or complaint, whatever its wording. */
  complaint?: boolean;
  /** Rule settings from the front matter's rapport block. */
  rules?: Record<string, unknown>;
}

export interface MacroUnit extends OffsetRange {
  title?: string;
  /** Where a finding about the whole macro points: its heading, greeting or first sentence. */
  anchor: OffsetRange;
  meta: MacroMeta;
  /** Every sentence of the macro, in every branch. */
  sentences: Sentence[];
  /** The replies the macro can render (bounded in number). */
  variants: Variant[];
  /** The greeting sentence (Hi …, Hello …, Dear …), if there is one. */
  greeting?: Sentence;
}

export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';
  rules: string[];
  line: number;
}

export interface MacroDocument {
  text: string;
  language: LanguageKind;
  prose: string;
  sentences: Sentence[];
  units: MacroUnit[];
  placeholders: Placeholder[];
  blocks: BranchBlock[];
  problems: TemplateProblem[];
  directives: Directive[];
  frontMatter?: { range: OffsetRange; data: Record<string, unknown>; error?: string };
}
