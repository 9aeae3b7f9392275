/**
 * Quick-fix edits that add an item to a YAML sequence (a canary step, an
 * analysis arg) at the sequence's own indentation, in block (`- x`) or flow
 * (`[x, y]`) style. Undefined when the layout is not one we can edit safely
 * (the caller then offers no fix rather than a broken one).
 */
import { isSeq } from 'yaml';
import type { TextEdit } from '../../../findings';
import type { Cursor } from '../../../yaml/cursor';

/** An item to insert, in both styles: block lines (first goes after `- `) and one flow text. */
export interface SeqItem {
  readonly block: readonly string[];
  readonly flow: string;
}

/** Insert `item` before the item at `index` of `seq`, or after the last one when `index` is undefined. */
export function insertSeqItem(text: string, seq: Cursor, index: number | undefined, item: SeqItem): TextEdit | undefined {
  const node = seq.node;
  if (!isSeq(node)) return undefined;
  const items = seq.items();
  if (node.flow) return insertFlow(seq, items, index, item.flow);
  const anchor = items[index ?? items.length - 1];
  if (!anchor || anchor.isNull) return undefined;
  const start = anchor.span.start;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const dash = /^( *)- +$/.exec(text.slice(lineStart, start));
  if (!dash) return undefined;
  const indent = dash[1] ?? '';
  const body = item.block.map((l, i) => (i === 0 ? `${indent}- ${l}` : `${indent}  ${l}`)).join('\n');
  if (index !== undefined) return { span: { start: lineStart, end: lineStart }, newText: `${body}\n` };
  const end = endOfContent(text, start, anchor.span.end);
  return { span: { start: end, end }, newText: `\n${body}` };
}

function insertFlow(seq: Cursor, items: readonly Cursor[], index: number | undefined, flow: string): TextEdit | undefined {
  const before = index === undefined ? undefined : items[index];
  if (before) return { span: { start: before.span.start, end: before.span.start }, newText: `${flow}, ` };
  const last = items[items.length - 1];
  if (last) return { span: { start: last.span.end, end: last.span.end }, newText: `, ${flow}` };
  const open = seq.span.start + 1;
  return { span: { start: open, end: open }, newText: flow };
}

/** End of the last line holding content of `[start, end)` (after any trailing comment, before the newline). */
function endOfContent(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  const nl = text.indexOf('\n', e);
  const lineEnd = nl < 0 ? text.length : nl;
  return text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
}

/** Delete item `index` of a block sequence (its dash line through its last line); undefined for flow sequences. */
export function removeSeqItem(text: string, seq: Cursor, index: number): TextEdit | undefined {
  const node = seq.node;
  const item = seq.items()[index];
  if (!isSeq(node) || node.flow || !item || item.isNull) return undefined;
  const start = item.span.start;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (!/^ *- +$/.test(text.slice(lineStart, start))) return undefined;
  let end = endOfContent(text, start, item.span.end);
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  return { span: { start: lineStart, end }, newText: '' };
}
