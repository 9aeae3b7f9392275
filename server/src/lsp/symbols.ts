/** textDocument/documentSymbol → core/editor/symbols (YAML documents only). */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { documentSymbols, type EditorSymbol, type SymbolRole } from '../core/editor/symbols';
import { spanToRange } from './convert';
import { checkedNow, type ServerContext } from './context';

const KIND: Record<SymbolRole, SymbolKind> = {
  resource: SymbolKind.Class,
  step: SymbolKind.Event,
  container: SymbolKind.Module,
  entry: SymbolKind.Field,
};

export function symbols(ctx: ServerContext, params: DocumentSymbolParams): DocumentSymbol[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  const kind = ctx.workspace.kindOf(params.textDocument.uri);
  if (!doc || kind === undefined || kind === 'run' || kind === 'other') return [];
  const checked = checkedNow(ctx, doc);
  const lines = checked.lines;
  const convert = (s: EditorSymbol): DocumentSymbol => ({
    name: s.name,
    ...(s.detail ? { detail: s.detail } : {}),
    kind: KIND[s.role],
    range: spanToRange(lines, s.span),
    selectionRange: spanToRange(lines, s.selectionSpan),
    children: s.children.map(convert),
  });
  return documentSymbols(checked.parsed ?? doc.getText()).map(convert);
}
