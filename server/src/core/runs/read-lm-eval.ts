/**
 * lm-evaluation-harness `samples_*.jsonl` (or a JSON list / `{samples: [...]}`)
 * → RunFrame, with EVALSIG's mapping (spec §1.5): item id from `doc_id`/`idx`,
 * score from the requested metric or the first of acc/exact_match/score/
 * is_correct, records without a usable score skipped.
 */
import { DataError } from '../errors';
import { JsonScanner } from '../text/json-scanner';
import { getKey, isPyNumber, JsonObject, type JsonValue, pyFloat, pyStr } from '../text/json-value';
import { epochZero } from './item-index';
import { ItemTableBuilder, type RunFrame } from './run-frame';

export interface LmEvalOptions {
  /** The file's name: decides JSONL vs JSON like EVALSIG (suffix `.jsonl`). */
  fileName: string;
  modelId: string;
  taskId: string;
  metricName?: string;
  clusterKey?: string | null;
}

const FALLBACK_METRICS = ['acc', 'exact_match', 'score', 'is_correct'];

export function readLmEval(text: string, opts: LmEvalOptions): RunFrame {
  const metric = opts.metricName ?? 'acc';
  const records = lmEvalRecords(text, opts.fileName);
  const builder = new ItemTableBuilder();
  records.forEach((rec, i) => {
    const score = coerceScore(rec, metric);
    if (score === undefined) return;
    const id = getKey(rec, 'doc_id') ?? getKey(rec, 'idx');
    builder.push(id === undefined ? String(i) : pyStr(id), score, clusterOf(rec, opts.clusterKey));
  });
  if (builder.length === 0) throw new DataError(`no items with metric '${metric}' found in ${opts.fileName}`);
  const items = builder.build();
  epochZero(items);
  return { runId: `${opts.modelId}::${opts.taskId}`, modelId: opts.modelId, taskId: opts.taskId, metricName: metric, configHash: '', items };
}

function lmEvalRecords(text: string, fileName: string): JsonValue[] {
  if (fileName.endsWith('.jsonl') || text.trim().includes('\n{')) return jsonLines(text);
  const s = new JsonScanner(text);
  const obj = s.value();
  s.end();
  if (Array.isArray(obj)) return obj;
  const samples = getKey(obj, 'samples');
  if (obj instanceof JsonObject && samples !== undefined) {
    if (Array.isArray(samples)) return samples;
    throw new DataError(`'samples' in ${fileName} must be an array`);
  }
  throw new DataError(`${fileName} does not contain item-level samples; pass the samples_*.jsonl file instead`);
}

/** One JSON document per non-blank line; errors keep their true line number. */
function jsonLines(text: string): JsonValue[] {
  const out: JsonValue[] = [];
  const s = new JsonScanner(text);
  while (!Number.isNaN(s.peek())) {
    out.push(s.value());
    const lineEnd = text.indexOf('\n', s.pos);
    const rest = text.slice(s.pos, lineEnd < 0 ? text.length : lineEnd);
    if (rest.trim() !== '') s.fail('extra data after the record on this line');
  }
  return out;
}

function coerceScore(rec: JsonValue, metric: string): number | undefined {
  const v = getKey(rec, metric);
  if (isPyNumber(v)) return pyFloat(v);
  for (const key of FALLBACK_METRICS) {
    const f = getKey(rec, key);
    if (isPyNumber(f)) return pyFloat(f);
  }
  return undefined;
}

function clusterOf(rec: JsonValue, clusterKey: string | null | undefined): string | null {
  if (clusterKey == null) return null;
  const doc = getKey(rec, 'doc');
  const meta = doc === undefined ? rec : doc;
  const v = getKey(meta, clusterKey);
  return v === undefined || v === null ? null : pyStr(v);
}
