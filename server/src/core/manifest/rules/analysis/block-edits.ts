/**
 * Edits that add an entry with a list or flow value to a map (an `args`
 * list to an analysis block, a `prePromotionAnalysis` to a blue-green
 * strategy), at the map's own indentation. `insertMapEntry` renders only
 * scalars and maps, so these write the YAML themselves.
 */
import type { TextEdit } from '../../../findings';
import type { Cursor } from '../../../yaml/cursor';
import { yamlScalar } from '../../../yaml/edits';
import { insertSeqItem } from '../canary/seq-edits';

/**
 * Insert `key: <flow>` into `map` as its first entry: on its own line at the
 * keys' indentation for block maps, after `{` for flow maps.
 */
export function insertFlowEntry(text: string, map: Cursor, key: string, flow: string): TextEdit | undefined {
  if (!map.isMap) return undefined;
  const first = map.entries()[0];
  if (text.charAt(map.span.start) === '{') {
    const at = map.span.start + 1;
    return { span: { start: at, end: at }, newText: `${key}: ${flow}${first ? ', ' : ''}` };
  }
  if (!first) return undefined;
  const at = first[1].keySpan.start;
  const indent = ' '.repeat(at - (text.lastIndexOf('\n', at - 1) + 1));
  return { span: { start: at, end: at }, newText: `${key}: ${flow}\n${indent}` };
}

/** Add `{name, value: "TODO"}` to the block's `args` (created when absent). */
export function addArgEdit(text: string, block: Cursor, args: Cursor | undefined, name: string): TextEdit | undefined {
  const value = yamlScalar(`TODO-${name}`);
  const nameText = /^[A-Za-z0-9_.-]+$/.test(name) ? name : yamlScalar(name);
  const item = { block: [`name: ${nameText}`, `value: ${value}`], flow: `{name: ${nameText}, value: ${value}}` };
  if (args?.isSeq) return insertSeqItem(text, args, undefined, item);
  if (args && !args.isNull) return undefined;
  if (args) return { span: args.entrySpan, newText: `args: [${item.flow}]` };
  return insertFlowEntry(text, block, 'args', `[${item.flow}]`);
}
