// Code actions: a finding's fixes, "fix all <rule> in this file", the
// source.fixAll.rapport action for fix-on-save, and disable comments. Several
// fixes at once go through the engine's applyFixes, so overlapping fixes are
// dropped whole; fixes that leave a fill-in are never applied unattended.

import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, type Finding, type Fix, type TextEdit } from '../engine';
import { FILL_IN_PATTERN, hasFillIn } from '../engine/fill-in';
import { toDiagnostic } from './files';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.rapport`;

export interface EditSupport {
  /** The client takes versioned documentChanges (so a stale edit is refused). */
  documentChanges: boolean;
  /** The client takes LSP 3.18 snippet edits inside workspace edits. */
  snippets: boolean;
}

/** The fix applied without the author looking: the preferred one, and only if it needs no input. */
export function unattendedFix(finding: Finding): Fix | undefined {
  const fix = finding.fixes.find((f) => f.preferred) ?? (finding.fixes.length === 1 ? finding.fixes[0] : undefined);
  return fix && !fix.needsInput ? fix : undefined;
}

/** The edits of fixing every finding at once (those of rule, if given), overlaps resolved by applyFixes. */
export function fixAllEdits(text: string, findings: Finding[], rule?: string): TextEdit[] {
  const fixes = findings.filter((f) => !rule || f.rule === rule).map(unattendedFix).filter((fix): fix is Fix => !!fix);
  return applyFixes(text, fixes).applied.flatMap((fix) => fix.edits);
}

export function codeActions(document: TextDocument, findings: Finding[], params: CodeActionParams, support: EditSupport): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const text = document.getText();

  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(text, findings);
    // Fix-on-save asks with only=[source.fixAll]; an empty action would still count as a change.
    if (edits.length > 0 || only) actions.push({ title: 'Fix all Rapport findings that need no input', kind: FIX_ALL_KIND, edit: workspaceEdit(document, edits, support) });
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;

  const from = document.offsetAt(params.range.start);
  const to = document.offsetAt(params.range.end);
  const positionAt = (offset: number) => document.positionAt(offset);
  const offeredFixAll = new Set<string>();
  for (const finding of findings) {
    if (finding.end < from || finding.start > to) continue;
    const diagnostic = toDiagnostic(finding, positionAt);
    finding.fixes.forEach((fix, i) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: (fix.preferred ?? i === 0) && !fix.needsInput,
        edit: workspaceEdit(document, fix.edits, support, fix.needsInput),
      });
    });
    if (!offeredFixAll.has(finding.rule)) {
      offeredFixAll.add(finding.rule);
      const sameRule = findings.filter((f) => f.rule === finding.rule && unattendedFix(f));
      if (sameRule.length > 1) {
        actions.push({
          title: `Fix all ${finding.rule} in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(document, fixAllEdits(text, findings, finding.rule), support),
        });
      }
    }
    actions.push(disableLine(document, finding, diagnostic, support), disableFile(document, finding, diagnostic, support));
  }
  return actions;
}

function commentFor(document: TextDocument, directive: string): string {
  return document.languageId === 'handlebars' ? `{{!-- ${directive} --}}` : `<!-- ${directive} -->`;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** "Disable <rule> for this line": a comment on the line above, with the line's indentation. */
function disableLine(document: TextDocument, finding: Finding, diagnostic: Diagnostic, support: EditSupport): CodeAction {
  const line = document.positionAt(finding.start).line;
  const lineStart = document.offsetAt({ line, character: 0 });
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const comment = `${indent}${commentFor(document, `rapport-disable-next-line ${finding.rule}`)}${eolOf(document.getText())}`;
  return {
    title: `Disable ${finding.rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(document, [{ start: lineStart, end: lineStart, newText: comment }], support),
  };
}

const FRONT_MATTER = /^---[ \t]*\r?\n[^]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** "Disable <rule> for this file": a comment at the top, after any front matter. */
function disableFile(document: TextDocument, finding: Finding, diagnostic: Diagnostic, support: EditSupport): CodeAction {
  const text = document.getText();
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const frontMatter = FRONT_MATTER.exec(text.slice(bom));
  let at = bom + (frontMatter ? frontMatter[0].length : 0);
  let prefix = '';
  if (frontMatter && !/\n$/.test(frontMatter[0])) prefix = eolOf(text); // front matter ends the file
  const comment = `${prefix}${commentFor(document, `rapport-disable-file ${finding.rule}`)}${eolOf(text)}`;
  at = Math.min(at, text.length);
  return {
    title: `Disable ${finding.rule} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(document, [{ start: at, end: at, newText: comment }], support),
  };
}

/** Turns fill-ins into numbered tab stops, escaping the rest of the text for the snippet syntax. */
export function toSnippet(text: string): string {
  const escape = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  let out = '';
  let last = 0;
  let stop = 0;
  FILL_IN_PATTERN.lastIndex = 0;
  for (let m = FILL_IN_PATTERN.exec(text); m; m = FILL_IN_PATTERN.exec(text)) {
    out += escape(text.slice(last, m.index)) + `\${${++stop}:${escape(m[1])}}`;
    last = m.index + m[0].length;
  }
  return out + escape(text.slice(last));
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], support: EditSupport, fillIns = false): WorkspaceEdit {
  const range = (edit: TextEdit) => ({ start: document.positionAt(edit.start), end: document.positionAt(edit.end) });
  if (!support.documentChanges) {
    return { changes: { [document.uri]: edits.map((edit): LspTextEdit => ({ range: range(edit), newText: edit.newText })) } };
  }
  const useSnippets = fillIns && support.snippets;
  return {
    documentChanges: [
      {
        textDocument: { uri: document.uri, version: document.version },
        edits: edits.map((edit) =>
          useSnippets && hasFillIn(edit.newText)
            ? { range: range(edit), snippet: { kind: 'snippet' as const, value: toSnippet(edit.newText) } }
            : { range: range(edit), newText: edit.newText },
        ),
      },
    ],
  };
}
