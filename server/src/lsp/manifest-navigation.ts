/** textDocument/definition → core/editor/definition; tollgate/releaseDraft → core/editor/release-draft. Both read an open manifest's parsed objects. */
import type { DefinitionParams, Location, Position } from 'vscode-languageserver';
import { definitionAt } from '../core/editor/definition';
import { releaseDraft } from '../core/editor/release-draft';
import type { ReleaseDraftResult } from '../protocol/protocol';
import { LineIndex } from '../core/text/line-index';
import { checkedNow, type ServerContext } from './context';
import { spanToRange } from './convert';

export function definition(ctx: ServerContext, params: DefinitionParams): Location | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const checked = checkedNow(ctx, doc);
  if (!checked.docs) return null;
  const target = definitionAt(checked.docs, checked.lines.offsetAt(params.position), ctx.workspace.index());
  return target ? { uri: target.uri, range: spanToRange(new LineIndex(target.text), target.span) } : null;
}

export function draftRelease(ctx: ServerContext, params: { readonly uri: string; readonly position?: Position }): ReleaseDraftResult | null {
  const doc = ctx.documents.get(params.uri);
  if (!doc) return null;
  const checked = checkedNow(ctx, doc);
  if (!checked.docs) return null;
  const offset = params.position ? checked.lines.offsetAt(params.position) : undefined;
  return releaseDraft(checked.docs, offset, checked.policy) ?? null;
}
