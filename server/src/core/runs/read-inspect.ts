/**
 * Inspect AI log export (JSON) → RunFrame with EVALSIG's mapping (spec §1.5):
 * `samples[i].score.value` as C/CORRECT/TRUE/1 → 1, other strings → 0,
 * booleans and numbers as they are; other samples skipped.
 */
import { DataError } from '../errors';
import { parseJson } from '../text/json-scanner';
import { getKey, JsonNumber, JsonObject, type JsonValue, pyStr } from '../text/json-value';
import { epochZero } from './item-index';
import { ItemTableBuilder, type RunFrame } from './run-frame';

export interface InspectOptions {
  fileName: string;
  /** File name without directory and extension: the task id of last resort. */
  stem: string;
  metricName?: string;
  clusterKey?: string | null;
}

const CORRECT = new Set(['C', 'CORRECT', 'TRUE', '1']);

export function readInspect(text: string, opts: InspectOptions): RunFrame {
  const obj = parseJson(text);
  if (!(obj instanceof JsonObject)) throw new DataError('an Inspect log export must be a JSON object');
  const evalMeta = getKey(obj, 'eval') ?? new JsonObject(0);
  const modelId = pyStr(getOr(evalMeta, 'model', getOr(obj, 'model', 'unknown')));
  const taskId = pyStr(getOr(evalMeta, 'task', getOr(obj, 'task', opts.stem)));
  const runId = pyStr(getOr(obj, 'eval_id', `${modelId}::${taskId}`));
  const samples = getOr(obj, 'samples', []);
  const builder = new ItemTableBuilder();
  (Array.isArray(samples) ? samples : []).forEach((s, i) => {
    const score = sampleScore(s);
    if (score === undefined) return;
    builder.push(pyStr(getOr(s, 'id', new JsonNumber(String(i), i, true))), score, clusterOf(s, opts.clusterKey));
  });
  if (builder.length === 0) throw new DataError(`no items decoded from ${opts.fileName}`);
  const items = builder.build();
  epochZero(items);
  return { runId, modelId, taskId, metricName: opts.metricName ?? 'accuracy', configHash: '', items };
}

/** Python `d.get(key, default)`: a present `null` stays `null`. */
function getOr(v: JsonValue, key: string, dflt: JsonValue): JsonValue {
  const got = getKey(v, key);
  return got === undefined ? dflt : got;
}

function sampleScore(s: JsonValue): number | undefined {
  const scoreObj = getOr(s, 'score', new JsonObject(0));
  const v = scoreObj instanceof JsonObject ? scoreObj.get('value') : scoreObj;
  if (typeof v === 'string') return CORRECT.has(v.toUpperCase()) ? 1 : 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof JsonNumber) return v.value;
  return undefined;
}

function clusterOf(s: JsonValue, clusterKey: string | null | undefined): string | null {
  if (clusterKey == null) return null;
  const v = getKey(getOr(s, 'metadata', new JsonObject(0)), clusterKey);
  return v === undefined || v === null ? null : pyStr(v);
}
