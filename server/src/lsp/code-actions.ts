/** Quick fixes: each fix of each finding under the requested range becomes a code action. */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { fixToCodeAction, findingToDiagnostic, rangesOverlap, spanToRange } from './convert';
import { checkedNow, type ServerContext } from './context';

export function codeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return [];
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return [];
  const r = checkedNow(ctx, doc);
  return r.findings
    .filter((f) => f.fixes && f.fixes.length > 0 && rangesOverlap(spanToRange(r.lines, f.span), params.range))
    .flatMap((f) => {
      const diagnostic = findingToDiagnostic(f, r.lines, r.uri);
      return (f.fixes ?? []).map((fix) => fixToCodeAction(fix, diagnostic, r.lines, r.uri));
    });
}
