/**
 * Text edits for quick fixes that keep the user's formatting: insert a map
 * entry at the map's own indentation, replace a value, delete an entry's lines.
 * Values are rendered as double-quoted YAML strings (valid everywhere) unless
 * they are numbers or booleans.
 */
import { isMap, type YAMLMap } from 'yaml';
import type { Span, TextEdit } from '../findings';
import type { Cursor } from './cursor';

export type EntryValue = string | number | boolean | { readonly [key: string]: EntryValue };

/** YAML text of a scalar: numbers and booleans bare, strings double-quoted (JSON strings are YAML strings). */
export function yamlScalar(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Replace the source of `span` by `newText`. */
export function replaceSpan(span: Span, newText: string): TextEdit {
  return { span, newText };
}

/**
 * Insert `key: value` into the map at `map`, as its first entry, at the same
 * indentation as its existing keys (block maps) or after `{` (flow maps).
 * Undefined when `map` is not a map (the caller offers no fix then).
 */
export function insertMapEntry(text: string, map: Cursor, key: string, value: EntryValue): TextEdit | undefined {
  const node = map.node;
  if (!isMap(node)) return undefined;
  if ((node).flow) return insertFlow(map, key, value);
  const first = map.entries()[0];
  if (!first) return undefined;
  const at = first[1].keySpan.start;
  const column = at - (text.lastIndexOf('\n', at - 1) + 1);
  const indent = ' '.repeat(column);
  return { span: { start: at, end: at }, newText: `${renderBlockEntry(key, value, indent)}\n${indent}` };
}

/**
 * Insert `key: value` as a new entry of the map that `parentKey` belongs to,
 * right after the entry `after` (a cursor on an existing entry's value).
 * Used when the map to extend does not exist yet (`metadata` without `annotations`).
 */
export function insertAfterEntry(text: string, after: Cursor, key: string, value: EntryValue): TextEdit {
  const keyStart = after.keySpan.start;
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const indent = ' '.repeat(keyStart - lineStart);
  const end = endOfLine(text, after.span.end);
  return { span: { start: end, end }, newText: `\n${indent}${renderBlockEntry(key, value, indent)}` };
}

/** Delete the whole lines an entry occupies (key through value). */
export function removeEntry(text: string, entry: Cursor): TextEdit {
  const start = text.lastIndexOf('\n', entry.keySpan.start - 1) + 1;
  let end = endOfLine(text, Math.max(entry.span.end - 1, entry.keySpan.end));
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  return { span: { start, end }, newText: '' };
}

function insertFlow(map: Cursor, key: string, value: EntryValue): TextEdit {
  const open = map.span.start + 1;
  const sep = map.entries().length > 0 ? ', ' : '';
  return { span: { start: open, end: open }, newText: `${renderFlowEntry(key, value)}${sep}` };
}

function renderBlockEntry(key: string, value: EntryValue, indent: string): string {
  if (typeof value !== 'object') return `${yamlKey(key)}: ${yamlScalar(value)}`;
  const inner = `${indent}  `;
  const lines = Object.entries(value).map(([k, v]) => `${inner}${renderBlockEntry(k, v, inner)}`);
  return `${yamlKey(key)}:\n${lines.join('\n')}`;
}

function renderFlowEntry(key: string, value: EntryValue): string {
  if (typeof value !== 'object') return `${yamlKey(key)}: ${yamlScalar(value)}`;
  return `${yamlKey(key)}: {${Object.entries(value).map(([k, v]) => renderFlowEntry(k, v)).join(', ')}}`;
}

function yamlKey(key: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(key) ? key : JSON.stringify(key);
}

function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/**
 * Set `path` (keys below `map`) to `value`, creating the missing maps on the
 * way: `insertAtPath(text, metadata, ['annotations', 'k'], 'v')` adds `k` to
 * existing annotations, or creates `annotations:` (also when it is written as
 * an empty `annotations:`; an existing empty value is filled in). Undefined
 * when something on the path is not a map (a string, a list) or the key
 * already has a value: the caller offers no fix then.
 */
export function insertAtPath(text: string, map: Cursor, path: readonly string[], value: EntryValue): TextEdit | undefined {
  let current = map;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] ?? '';
    const rest = nest(path.slice(i + 1), value);
    const next = current.get(key);
    if (next === undefined) return insertMapEntry(text, current, key, rest);
    if (next.isNull) return replaceNullEntry(text, current, next, key, rest);
    if (i === path.length - 1) return undefined;
    if (!next.isMap) return undefined;
    current = next;
  }
  return undefined;
}

function nest(path: readonly string[], value: EntryValue): EntryValue {
  return path.reduceRight<EntryValue>((inner, key) => ({ [key]: inner }), value);
}

/** `key:` (or `key: null`/`~`) in a block map becomes `key:` + the nested block. */
function replaceNullEntry(text: string, parent: Cursor, entry: Cursor, key: string, value: EntryValue): TextEdit | undefined {
  if ((parent.node as YAMLMap).flow) return undefined;
  const start = entry.keySpan.start;
  const indent = ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1));
  const end = endOfLine(text, Math.max(entry.keySpan.end, entry.span.end));
  const comment = text.slice(entry.keySpan.end, end).match(/\s+#.*$/)?.[0] ?? '';
  const rendered = renderBlockEntry(key, value, indent);
  const nl = rendered.indexOf('\n');
  return { span: { start, end }, newText: nl < 0 ? `${rendered}${comment}` : `${rendered.slice(0, nl)}${comment}${rendered.slice(nl)}` };
}
