/**
 * textDocument/codeLens: the Rollout summary above each Rollout, policy test
 * results on each test, and the gate preview on EvalGate files. Lenses carry
 * a title only (an empty command), so every client can show them without a
 * resolve round trip.
 */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { evalGateLens, policyTestLenses } from '../core/editor/check-lenses';
import { rolloutLenses, type EditorLens } from '../core/editor/rollout-summary';
import { documentPath } from './classify';
import { spanToRange } from './convert';
import type { CheckedDocument } from './document-checks';
import { checkedNow, type ServerContext } from './context';

export function codeLenses(ctx: ServerContext, params: CodeLensParams): CodeLens[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.settings.current.codeLensEnable) return [];
  const r = checkedNow(ctx, doc);
  return lensesOf(r, documentPath(r.uri, doc.languageId)).map((l) => ({ range: spanToRange(r.lines, l.span), command: { title: l.title, command: '' } }));
}

function lensesOf(r: CheckedDocument, path: string): EditorLens[] {
  switch (r.kind) {
    case 'manifest':
      return rolloutLenses(r.uri, r.docs ?? r.text, r.findings, r.policy);
    case 'policy':
      return policyTestLenses(path, r.policyTests ?? []);
    case 'evalconfig':
      return evalGateLens(r.text, r.gate);
    default:
      return [];
  }
}
