/**
 * RunFrame ↔ the rows of EVALSIG's Parquet schema (spec §5.2): one row per
 * item and epoch, run-level fields repeated on every row, metadata as
 * `json.dumps(metadata or {})`. Reading accepts files any engine wrote with
 * that schema and checks what a RunFrame needs, naming the file and row.
 */
import { DataError } from '../errors';
import { epochZero, DuplicateItemError } from '../runs/item-index';
import { ItemTableBuilder, type RunFrame } from '../runs/run-frame';
import { parseJson } from '../text/json-scanner';
import { JsonObject, type JsonValue } from '../text/json-value';
import { pyJsonDumpsCompact } from './python-json-compact';
import type { DecodedColumn, DecodedRows, ParquetRunRows } from './parquet-port';

/** The rows to write for `frame` in `projectId`, stamped `tsMicros`. */
export function runToRows(projectId: string, frame: RunFrame, tsMicros: bigint): ParquetRunRows {
  const metadataJson = new Map<number, string>();
  for (const [row, value] of frame.items.metadata) {
    const text = pyJsonDumpsCompact(value);
    if (text !== '{}') metadataJson.set(row, text);
  }
  return { projectId, runId: frame.runId, modelId: frame.modelId, taskId: frame.taskId, metricName: frame.metricName, configHash: frame.configHash, tsMicros, items: frame.items, metadataJson };
}

export interface RowsToRunOptions {
  /** Keep only this run's rows (EVALSIG's `run_id=` argument). */
  readonly runId?: string;
}

/** EVALSIG's `read_runframe_parquet`: one run per file (or per `runId`), items in row order. */
export function rowsToRun(rows: DecodedRows, file: string, opts: RowsToRunOptions = {}): RunFrame {
  const col = columnsOf(rows, file);
  const runIds = col.str('run_id');
  const keep = selectRows(runIds, rows.length, file, opts.runId);
  const first = keep[0];
  const builder = new ItemTableBuilder();
  const score = col.num('score');
  const epoch = col.num('epoch');
  const itemId = col.str('item_id');
  const cluster = col.str('cluster_id', true);
  const meta = col.str('metadata_json', true);
  for (const i of keep) {
    const at = `row ${i + 1}`;
    const id = itemId.values[i] ?? col.fail(`${at}: item_id is null`);
    const s = score.values[i] ?? col.fail(`${at}: score is null`);
    if (!Number.isFinite(s)) col.fail(`${at}: score must be a finite number, got ${s}`);
    const e = epoch.values[i] ?? 0;
    if (!Number.isInteger(e) || e < -(2 ** 31) || e >= 2 ** 31) col.fail(`${at}: epoch must be a 32-bit integer, got ${e}`);
    builder.push(id, s, cluster.values[i] ?? null, e, metadataOf(meta.values[i] ?? null, file, at));
  }
  const items = builder.build();
  try {
    epochZero(items);
  } catch (e) {
    if (e instanceof DuplicateItemError) throw new DataError(`row ${keep[e.row] + 1}: ${e.message}`, file);
    throw e;
  }
  const runLevel = (name: string): string => col.str(name, true).values[first] ?? '';
  return { runId: runIds.values[first] ?? '', modelId: runLevel('model_id'), taskId: runLevel('task_id'), metricName: runLevel('metric_name'), configHash: runLevel('config_hash'), items };
}

function selectRows(runIds: StringColumn, length: number, file: string, runId: string | undefined): number[] {
  const keep: number[] = [];
  const distinct = new Set<string | null>();
  for (let i = 0; i < length; i++) {
    const id = runIds.values[i];
    if (runId === undefined || id === runId) {
      keep.push(i);
      distinct.add(id);
    }
  }
  if (runId !== undefined && keep.length === 0) throw new DataError(`run_id=${runId} not found`, file);
  if (keep.length === 0) throw new DataError('the file has no rows; a run needs at least one item', file);
  if (distinct.size > 1) throw new DataError(`the file contains ${distinct.size} runs; pass a run id to choose one`, file);
  return keep;
}

type StringColumn = { readonly values: readonly (string | null)[] };
type NumberColumn = { readonly values: readonly (number | null)[] };

/** Typed access to the decoded columns; a missing or mistyped column is a DataError naming it. */
function columnsOf(rows: DecodedRows, file: string) {
  const fail = (message: string): never => {
    throw new DataError(message, file);
  };
  const get = (name: string, optional: boolean): DecodedColumn | undefined => {
    const c = rows.columns.get(name);
    if (!c && !optional) fail(`missing column '${name}' (EVALSIG's run schema has project_id, run_id, model_id, task_id, metric_name, item_id, cluster_id, epoch, score, config_hash, ts, metadata_json)`);
    return c;
  };
  const allNull: StringColumn = { values: [] };
  return {
    fail,
    str(name: string, optional = false): StringColumn {
      const c = get(name, optional);
      if (!c) return allNull;
      return c.kind === 'string' ? c : fail(`column '${name}' must hold strings, got ${c.type}`);
    },
    num(name: string): NumberColumn {
      const c = get(name, false) as DecodedColumn;
      return c.kind === 'number' ? c : fail(`column '${name}' must hold numbers, got ${c.type}`);
    },
  };
}

/** `metadata_json` → metadata; `{}` and empty mean none (EVALSIG writes `{}` for items without). */
function metadataOf(text: string | null, file: string, at: string): JsonValue | undefined {
  if (text === null || text === '' || text === '{}') return undefined;
  try {
    const value = parseJson(text);
    return value instanceof JsonObject && value.size === 0 ? undefined : value;
  } catch (e) {
    throw new DataError(`${at}: metadata_json is not valid JSON (${e instanceof Error ? e.message : String(e)})`, file);
  }
}
