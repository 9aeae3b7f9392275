/** textDocument/hover → core/editor/hover. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../core/editor/hover';
import { LineIndex } from '../core/text/line-index';
import { spanToRange } from './convert';
import { editorEnv, type ServerContext } from './context';

export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const text = doc.getText();
  const lines = new LineIndex(text);
  const h = hoverAt(text, lines.offsetAt(params.position), editorEnv(ctx));
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: spanToRange(lines, h.span) } : null;
}
