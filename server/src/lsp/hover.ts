// Hover on a finding: the rule's reason from the guide, a bad and a better
// example, and the rule's docs page.

import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeRule, ruleById, type Finding, type Rule } from '../engine';
import { docsUri } from './files';

export function hoverAt(document: TextDocument, findings: Finding[], offset: number): Hover | null {
  const here = findings.filter((f) => f.start <= offset && offset <= f.end);
  const rules = [...new Set(here.map((f) => f.rule))].map(ruleById).filter((rule): rule is Rule => !!rule);
  if (rules.length === 0) return null;
  const first = here[0];
  return {
    contents: { kind: MarkupKind.Markdown, value: rules.map((rule) => describeRule(rule, docsUri(rule.id))).join('\n\n---\n\n') },
    range: { start: document.positionAt(first.start), end: document.positionAt(first.end) },
  };
}
