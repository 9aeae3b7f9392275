/** textDocument/completion → core/editor/completion. */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { completionsAt, type CompletionKind } from '../core/editor/completion';
import { LineIndex } from '../core/text/line-index';
import { spanToRange } from './convert';
import { editorEnv, type ServerContext } from './context';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  rule: CompletionItemKind.Constant,
  reference: CompletionItemKind.Reference,
};

export function completion(ctx: ServerContext, params: CompletionParams): CompletionItem[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return [];
  const text = doc.getText();
  const lines = new LineIndex(text);
  return completionsAt(text, lines.offsetAt(params.position), editorEnv(ctx)).map((c) => ({
    label: c.label,
    kind: KIND[c.kind],
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
    textEdit: { range: spanToRange(lines, c.span), newText: c.insertText },
  }));
}
