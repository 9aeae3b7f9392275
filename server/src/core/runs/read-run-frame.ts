/**
 * RunFrame JSON → RunFrame, with EVALSIG's validation rules, order and
 * messages (spec §1.3), plus the checks EVALSIG lacks (non-finite scores,
 * duplicate ids, items that are not objects), each with a position.
 *
 * The `items` array is read straight into columns: a million-item run never
 * exists as a million objects.
 */
import { DataError, positionAt } from '../errors';
import { JsonScanner } from '../text/json-scanner';
import { JsonNumber, type JsonValue, pyStr, pyTypeName } from '../text/json-value';
import { pyFloatRepr } from '../text/python-format';
import { DuplicateItemError, epochZero } from './item-index';
import { ItemTableBuilder, type RunFrame } from './run-frame';

const REQUIRED = ['run_id', 'model_id', 'task_id', 'metric_name', 'items'] as const;

interface Problem {
  message: string;
  offset: number;
}

/** What the items array held, and the first problem of each validation stage. */
interface ItemsRead {
  offset: number;
  isArray: boolean;
  builder: ItemTableBuilder;
  schema?: Problem; // EVALSIG's _validate: missing id/score, score type
  conversion?: Problem; // EVALSIG's construction: epoch/item_id/cluster_id values
  nonFinite?: Problem; // ours: NaN / ±Infinity scores
}

export function readRunFrameJson(text: string): RunFrame {
  const s = new JsonScanner(text);
  if (s.peek() !== 123) {
    const start = s.pos;
    const v = s.value();
    s.end();
    throw problem(text, { message: `a RunFrame must be a JSON object, got ${pyTypeName(v)}`, offset: start });
  }
  const topOffset = s.pos;
  const fields = new Map<string, JsonValue>();
  let items: ItemsRead | undefined;
  if (s.openObject()) {
    do {
      const key = s.key();
      if (key === 'items') items = readItems(s);
      else fields.set(key, s.value());
    } while (s.more(125, " or '}' in object"));
  }
  s.end();
  return validate(text, topOffset, fields, items);
}

function validate(text: string, topOffset: number, fields: Map<string, JsonValue>, items: ItemsRead | undefined): RunFrame {
  for (const key of REQUIRED) {
    const present = key === 'items' ? items !== undefined : fields.has(key);
    if (!present) throw problem(text, { message: `missing required field: ${key}`, offset: topOffset });
  }
  const it = items as ItemsRead;
  if (!it.isArray || it.builder.length === 0) {
    throw problem(text, { message: "'items' must be a non-empty array", offset: it.offset });
  }
  for (const p of [it.schema, it.conversion, it.nonFinite]) if (p) throw problem(text, p);
  const table = it.builder.build();
  try {
    epochZero(table);
  } catch (e) {
    if (e instanceof DuplicateItemError) throw problem(text, { message: e.message, offset: itemStart(text, it.offset, e.row) });
    throw e;
  }
  const str = (k: string): string => pyStr(fields.get(k) ?? null);
  return {
    runId: str('run_id'),
    modelId: str('model_id'),
    taskId: str('task_id'),
    metricName: str('metric_name'),
    configHash: fields.has('config_hash') ? str('config_hash') : '',
    items: table,
  };
}

/**
 * Where item `row` starts, found by skipping values from the array's start.
 * Only needed for an error, so the reader does not keep a million offsets.
 */
function itemStart(text: string, arrayOffset: number, row: number): number {
  const s = new JsonScanner(text);
  s.pos = arrayOffset;
  s.openArray();
  for (let i = 0; i < row; i++) {
    s.value();
    s.more(93, '');
  }
  s.skipWs();
  return s.pos;
}

function problem(text: string, p: Problem): DataError {
  return new DataError(p.message, undefined, positionAt(text, p.offset));
}

function readItems(s: JsonScanner): ItemsRead {
  const read: ItemsRead = { offset: s.pos, isArray: false, builder: new ItemTableBuilder() };
  if (s.peek() !== 91) {
    read.offset = s.pos;
    s.value();
    return read;
  }
  read.offset = s.pos;
  read.isArray = true;
  if (!s.openArray()) return read;
  let i = 0;
  do {
    readItem(s, i++, read);
  } while (s.more(93, " or ']' in array"));
  return read;
}

/** The fields of one item; `undefined` = absent, as Python's `in` sees it. */
interface RawItem {
  itemId?: JsonValue;
  /** A plain number (the fast path) or whatever else was written. */
  score?: JsonValue | number;
  scoreAt: number;
  cluster?: JsonValue;
  epoch?: JsonValue;
  epochAt: number;
  metadata?: JsonValue;
}

function readItem(s: JsonScanner, i: number, read: ItemsRead): void {
  s.skipWs();
  const start = s.pos;
  if (s.peek() !== 123) {
    const v = s.value();
    read.schema ??= { message: `item[${i}] must be an object, got ${pyTypeName(v)}`, offset: start };
    read.builder.push('', 0);
    return;
  }
  const raw: RawItem = { scoreAt: start, epochAt: start };
  if (s.openObject()) {
    do readField(s, raw);
    while (s.more(125, " or '}' in object"));
  }
  addItem(raw, i, start, read);
}

const ITEM_KEYS = ['item_id', 'score', 'cluster_id', 'epoch', 'metadata'] as const;
type ItemKey = (typeof ITEM_KEYS)[number] | null;

/**
 * Reads `"key":` for an item field. The five known keys are recognised in
 * place (no string allocated per key for a million items); anything else,
 * escapes included, goes through the general key reader.
 */
function itemKey(s: JsonScanner): ItemKey {
  s.skipWs();
  const t = s.text;
  const p = s.pos;
  if (t.charCodeAt(p) === 34) {
    for (const k of ITEM_KEYS) {
      if (t.charCodeAt(p + 1 + k.length) === 34 && t.startsWith(k, p + 1)) {
        s.pos = p + k.length + 2;
        s.expect(':', "expecting ':' delimiter");
        return k;
      }
    }
  }
  const key = s.key();
  return (ITEM_KEYS as readonly string[]).includes(key) ? (key as ItemKey) : null;
}

function readField(s: JsonScanner, raw: RawItem): void {
  const key = itemKey(s);
  s.skipWs();
  const at = s.pos;
  if (key === 'score') {
    const fast = s.numberValue();
    raw.score = fast === undefined ? s.value() : fast;
    raw.scoreAt = at;
    return;
  }
  const value = s.value();
  switch (key) {
    case 'item_id': raw.itemId = value; break;
    case 'cluster_id': raw.cluster = value; break;
    case 'epoch': raw.epoch = value; raw.epochAt = at; break;
    case 'metadata': raw.metadata = value; break;
    default: break; // unknown keys are ignored, as EVALSIG does
  }
}

function addItem(raw: RawItem, i: number, start: number, read: ItemsRead): void {
  if (raw.itemId === undefined || raw.score === undefined) {
    read.schema ??= { message: `item[${i}] missing item_id or score`, offset: start };
  } else if (typeof raw.score !== 'number' && !(raw.score instanceof JsonNumber) && typeof raw.score !== 'boolean') {
    read.schema ??= { message: `item[${i}].score must be a number, got ${pyTypeName(raw.score)}`, offset: raw.scoreAt };
  }
  const score = scoreValue(raw.score);
  if (!Number.isFinite(score)) {
    read.nonFinite ??= { message: `item[${i}].score must be a finite number, got ${pyFloatRepr(score)}`, offset: raw.scoreAt };
  }
  const epoch = toEpoch(raw.epoch);
  if (epoch === undefined) {
    read.conversion ??= { message: `item[${i}].epoch must be a non-negative integer, got ${describe(raw.epoch)}`, offset: raw.epochAt };
  }
  const cluster = toCluster(raw.cluster);
  if (cluster === undefined) {
    read.conversion ??= { message: `item[${i}].cluster_id must be a string or null, got ${pyTypeName(raw.cluster)}`, offset: start };
  }
  const itemId = raw.itemId === undefined ? '' : toItemId(raw.itemId);
  if (itemId === undefined) {
    read.conversion ??= { message: `item[${i}].item_id must be a string or a number, got ${pyTypeName(raw.itemId)}`, offset: start };
  }
  const meta = raw.metadata;
  const hasMeta = meta !== undefined && !(meta instanceof Map && meta.size === 0);
  read.builder.push(itemId ?? '', score, cluster ?? null, epoch ?? 0, hasMeta ? meta : undefined);
}

/** Python `float(score)`; 0 for values the schema check has already refused. */
function scoreValue(v: JsonValue | number | undefined): number {
  if (typeof v === 'number') return v;
  if (v instanceof JsonNumber) return v.value;
  return v === true ? 1 : 0;
}

function describe(v: JsonValue | undefined): string {
  return v === undefined ? 'nothing' : typeof v === 'string' ? `str ${JSON.stringify(v)}` : pyStr(v);
}

/**
 * Python `int(v)`: truncates floats, parses decimal strings. Negative epochs
 * are refused (the schema says minimum 0; EVALSIG silently ignored them).
 */
function toEpoch(v: JsonValue | undefined): number | undefined {
  if (v === undefined) return 0;
  let n: number | undefined;
  if (typeof v === 'boolean') n = v ? 1 : 0;
  else if (v instanceof JsonNumber) n = Number.isFinite(v.value) ? Math.trunc(v.value) : undefined;
  else if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) n = Number(v.trim());
  return n !== undefined && n >= 0 && n <= 0x7fffffff ? n : undefined;
}

/** Cluster ids are strings; numbers and booleans become their Python `str()`. */
function toCluster(v: JsonValue | undefined): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || v instanceof JsonNumber) return pyStr(v);
  return undefined;
}

function toItemId(v: JsonValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || v instanceof JsonNumber) return pyStr(v);
  return undefined;
}
