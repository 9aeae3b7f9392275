/**
 * Pure conversions between the core's currency (Finding, Span, Fix: UTF-16
 * offsets) and LSP's (Diagnostic, Range, CodeAction: line/character). The
 * only place that knows both shapes; unit-tested in test/unit/editor.
 */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { ruleDocsUrl } from '../core/editor/rule-docs';
import type { Finding, Fix, Severity, Span } from '../core/findings';
import type { LineIndex } from '../core/text/line-index';

/** `source` of every diagnostic we publish (clients group and filter by it). */
export const DIAGNOSTIC_SOURCE = 'tollgate';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function spanToRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(Math.max(span.start, span.end)) };
}

export function rangeToSpan(lines: LineIndex, range: Range): Span {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

/** One diagnostic per finding; `uri` names the document for related information. */
export function findingToDiagnostic(f: Finding, lines: LineIndex, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: spanToRange(lines, f.span),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  if (f.related && f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: spanToRange(lines, r.span) }, message: r.message }));
  }
  return d;
}

/** A quick fix for one of a finding's fixes, with the diagnostic it resolves attached. */
export function fixToCodeAction(fix: Fix, diagnostic: Diagnostic, lines: LineIndex, uri: string): CodeAction {
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: spanToRange(lines, e.span), newText: e.newText }));
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred === true,
    edit: { changes: { [uri]: edits } },
  };
}

/** Whether two ranges share at least one position (touching counts: a cursor at a range's end). */
export function rangesOverlap(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}
