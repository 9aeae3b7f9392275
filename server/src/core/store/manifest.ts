/**
 * The per-project manifest (spec §5.3): one record per stored run, in the
 * order they were written. Read with Python's JSON rules (EVALSIG writes
 * `NaN` for a NaN delta) and written as `json.dumps(indent=2)` would, keys in
 * EVALSIG's order, so either tool can keep using a store the other wrote.
 */
import { DataError } from '../errors';
import { PyInt, type PyJson, pyJsonDumps } from '../report/python-json';
import { parseJson } from '../text/json-scanner';
import { JsonNumber, JsonObject, type JsonValue } from '../text/json-value';
import { checkRecordPath } from './layout';

export interface RunRecord {
  readonly runId: string;
  readonly modelId: string;
  readonly taskId: string;
  readonly metricName: string;
  /** ISO-8601, as written (`2026-05-17T10:11:12.123456+00:00`). */
  readonly ts: string;
  /** The Parquet file, relative to the project folder. */
  readonly path: string;
  readonly nItems: number;
  readonly configHash: string;
  readonly delta: number | null;
  readonly pValue: number | null;
  readonly verdict: string | null;
  readonly parentRunId: string | null;
}

export interface Manifest {
  readonly projectId: string;
  readonly version: number;
  readonly runs: readonly RunRecord[];
}

/** EVALSIG's `Manifest.add`: a re-written run id replaces its record and moves to the end. */
export function addRecord(manifest: Manifest, record: RunRecord): Manifest {
  return { ...manifest, runs: [...manifest.runs.filter((r) => r.runId !== record.runId), record] };
}

/** The manifest file's text: `json.dumps(manifest, indent=2)` with EVALSIG's key order. */
export function serializeManifest(manifest: Manifest): string {
  return pyJsonDumps({ project_id: manifest.projectId, version: new PyInt(manifest.version), runs: manifest.runs.map(recordToJson) });
}

/** One record as EVALSIG's `RunRecord.to_dict()` (also the rows of `history --output json`). */
export function recordToJson(r: RunRecord): { readonly [key: string]: PyJson } {
  return {
    run_id: r.runId,
    model_id: r.modelId,
    task_id: r.taskId,
    metric_name: r.metricName,
    ts: r.ts,
    path: r.path,
    n_items: new PyInt(r.nItems),
    config_hash: r.configHash,
    delta: r.delta,
    p_value: r.pValue,
    verdict: r.verdict,
    parent_run_id: r.parentRunId,
  };
}

/** Parses a manifest file; `file` names it in errors. A missing file is the caller's business (empty manifest). */
export function parseManifest(text: string, file: string, projectId: string): Manifest {
  const top = parseText(text, file);
  if (!isObject(top)) throw new DataError(`a manifest must be a JSON object, got ${typeName(top)}`, file);
  const runs = top['runs'] ?? [];
  if (!Array.isArray(runs)) throw new DataError(`'runs' must be a list, got ${typeName(runs)}`, file);
  const version = top['version'];
  return {
    // The folder decides the project (a copied store keeps working); EVALSIG trusted the file.
    projectId,
    version: typeof version === 'number' ? version : 1,
    runs: runs.map((r: unknown, i) => fastRecord(r, file) ?? parseRecord(r, `${file}: runs[${i}]`, file)),
  };
}

/**
 * JSON.parse first: a 10,000-run manifest is megabytes and history must answer
 * in milliseconds. Python's extras (NaN, Infinity) and syntax errors (which
 * need a line and column) go through the Python-compatible scanner.
 */
function parseText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    try {
      return toPlain(parseJson(text));
    } catch (e) {
      throw e instanceof DataError ? e.inFile(file) : e;
    }
  }
}

function toPlain(v: JsonValue): unknown {
  if (v instanceof JsonNumber) return v.value;
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof JsonObject) return Object.fromEntries([...v].map(([k, x]) => [k, toPlain(x)]));
  return v;
}

/**
 * The common case, a well-formed record, checked without allocating a
 * closure per field (history reads 10,000 of them); anything else goes to
 * parseRecord, which says exactly what is wrong.
 */
function fastRecord(v: unknown, file: string): RunRecord | undefined {
  if (!isObject(v)) return undefined;
  const { run_id, model_id, task_id, metric_name, ts, path, n_items, config_hash = '', delta = null, p_value = null, verdict = null, parent_run_id = null } = v;
  const strings = typeof run_id === 'string' && typeof model_id === 'string' && typeof task_id === 'string' && typeof metric_name === 'string' && typeof ts === 'string' && typeof path === 'string' && typeof config_hash === 'string';
  const optional = (delta === null || typeof delta === 'number') && (p_value === null || typeof p_value === 'number') && (verdict === null || typeof verdict === 'string') && (parent_run_id === null || typeof parent_run_id === 'string');
  if (!strings || !optional || typeof n_items !== 'number' || !Number.isSafeInteger(n_items) || n_items < 0) return undefined;
  return {
    runId: run_id,
    modelId: model_id,
    taskId: task_id,
    metricName: metric_name,
    ts,
    path: checkRecordPath(path, file),
    nItems: n_items,
    configHash: config_hash,
    delta: delta,
    pValue: p_value,
    verdict: verdict,
    parentRunId: parent_run_id,
  };
}

function parseRecord(value: unknown, where: string, file: string): RunRecord {
  const fail = (message: string): never => {
    throw new DataError(`${where}: ${message}`);
  };
  if (!isObject(value)) return fail(`a run record must be an object, got ${typeName(value)}`);
  const str = (key: string, fallback?: string): string => {
    const v = value[key] ?? fallback;
    return typeof v === 'string' ? v : fail(`field '${key}' must be a string, got ${typeName(v)}`);
  };
  const optStr = (key: string): string | null => {
    const v = value[key] ?? null;
    return v === null || typeof v === 'string' ? v : fail(`field '${key}' must be a string or null, got ${typeName(v)}`);
  };
  const optNum = (key: string): number | null => {
    const v = value[key] ?? null;
    return v === null || typeof v === 'number' ? v : fail(`field '${key}' must be a number or null, got ${typeName(v)}`);
  };
  const count = (key: string): number => {
    const v = value[key];
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(`field '${key}' must be a non-negative integer, got ${typeName(v)}`);
  };
  return {
    runId: str('run_id'),
    modelId: str('model_id'),
    taskId: str('task_id'),
    metricName: str('metric_name'),
    ts: str('ts'),
    path: checkRecordPath(str('path'), file),
    nItems: count('n_items'),
    configHash: str('config_hash', ''),
    delta: optNum('delta'),
    pValue: optNum('p_value'),
    verdict: optStr('verdict'),
    parentRunId: optStr('parent_run_id'),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Python's type name, as EVALSIG's messages use them. */
function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return Array.isArray(v) ? 'list' : 'dict';
}
