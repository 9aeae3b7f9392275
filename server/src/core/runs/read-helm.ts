/**
 * HELM `scenario_state.json` → RunFrame with EVALSIG's mapping (spec §1.5):
 * score from `result[metric]`, else `result.success`, else
 * `result.stats[metric]`; instances without any are skipped.
 */
import { DataError } from '../errors';
import { parseJson } from '../text/json-scanner';
import { getKey, isPyNumber, JsonNumber, JsonObject, type JsonValue, pyFloat, pyStr } from '../text/json-value';
import { epochZero } from './item-index';
import { ItemTableBuilder, type RunFrame } from './run-frame';

export interface HelmOptions {
  fileName: string;
  stem: string;
  modelId?: string | null;
  taskId?: string | null;
  metricName?: string;
  clusterKey?: string | null;
}

export function readHelm(text: string, opts: HelmOptions): RunFrame {
  const obj = parseJson(text);
  if (!(obj instanceof JsonObject)) throw new DataError('a HELM scenario state must be a JSON object');
  const metric = opts.metricName ?? 'accuracy';
  const modelId = opts.modelId || inferredModel(obj);
  const taskId = opts.taskId || inferredTask(obj, opts.stem);
  const states = getKey(obj, 'request_states') ?? [];
  const builder = new ItemTableBuilder();
  (Array.isArray(states) ? states : []).forEach((rs, i) => {
    const score = stateScore(getKey(rs, 'result') ?? new JsonObject(0), metric);
    if (score === undefined) return;
    const instance = getKey(rs, 'instance') ?? new JsonObject(0);
    const id = getKey(instance, 'id');
    builder.push(id === undefined ? String(i) : pyStr(id), score, clusterOf(instance, opts.clusterKey));
  });
  if (builder.length === 0) throw new DataError(`no items decoded from ${opts.fileName} for metric '${metric}'`);
  const items = builder.build();
  epochZero(items);
  return { runId: `${modelId}::${taskId}`, modelId, taskId, metricName: metric, configHash: '', items };
}

/** Python truthiness of a decoded value (`x or y`). */
function truthy(v: JsonValue | undefined): boolean {
  if (v === undefined || v === null || v === false || v === '') return false;
  if (v instanceof JsonNumber) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof JsonObject) return v.size > 0;
  return true;
}

function inferredModel(obj: JsonObject): string {
  const spec = getKey(obj, 'adapter_spec');
  for (const v of [getKey(spec, 'model'), getKey(spec, 'model_deployment')]) if (truthy(v)) return pyStr(v as JsonValue);
  return 'unknown';
}

function inferredTask(obj: JsonObject, stem: string): string {
  const name = getKey(getKey(obj, 'scenario'), 'name');
  if (truthy(name)) return pyStr(name as JsonValue);
  const className = getKey(getKey(obj, 'scenario_spec'), 'class_name');
  return className === undefined ? stem : pyStr(className);
}

function stateScore(result: JsonValue, metric: string): number | undefined {
  const direct = getKey(result, metric);
  if (isPyNumber(direct)) return pyFloat(direct);
  const success = getKey(result, 'success');
  if (success !== undefined) return truthy(success) ? 1 : 0;
  const stat = getKey(getKey(result, 'stats'), metric);
  return isPyNumber(stat) ? pyFloat(stat) : undefined;
}

function clusterOf(instance: JsonValue, clusterKey: string | null | undefined): string | null {
  if (clusterKey == null) return null;
  const v = getKey(instance, clusterKey);
  return v === undefined || v === null ? null : pyStr(v);
}
