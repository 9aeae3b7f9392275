/** textDocument/definition → core/editor/definition (references between manifests). */
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { definitionAt } from '../core/editor/definition';
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
