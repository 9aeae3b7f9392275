/**
 * What a gate worker (gate-worker.ts) does and what it sends back: read both
 * runs (text formats, or Parquet through the lazily loaded codec) and gate
 * them. Everything crossing the thread boundary is structured-cloneable;
 * the few class instances that are not (errors, JSON metadata values) are
 * turned into plain data on one side and back on the other.
 */
import { DataError, UsageError } from '../core/errors';
import { gate, type GateOptions, type GateReport } from '../core/gate/gate';
import { detectFormat, readRun, type ReadRunOptions } from '../core/runs/read-run';
import type { RunFrame } from '../core/runs/run-frame';
import { JsonNumber, JsonObject, type JsonValue } from '../core/text/json-value';
import { readParquetRunFile } from './read-parquet-run';
import { readTextFile } from './read-run-file';

export interface GateJobSide {
  readonly path: string;
  /** An editor's unsaved text, which wins over the file (text formats only). */
  readonly text?: string;
}

export interface GateJob {
  readonly baseline: GateJobSide;
  readonly candidate: GateJobSide;
  readonly read: ReadRunOptions;
  /** Without `resampler`: functions cannot cross threads. */
  readonly options: Omit<GateOptions, 'resampler'>;
  /** Send the runs back too (audit capture stores them); a plain gate needs only the report. */
  readonly returnRuns: boolean;
}

/** One run the gate read, as views show it. */
export interface GatedRunInfo {
  readonly role: 'baseline' | 'candidate';
  readonly runId: string;
  readonly modelId: string;
  readonly taskId: string;
  readonly metricName: string;
  readonly nItems: number;
}

export interface GateJobResult {
  readonly report: GateReport;
  readonly runs: readonly GatedRunInfo[];
  readonly frames?: { readonly baseline: RunFrame; readonly candidate: RunFrame };
}

/** What the worker posts back: exactly one message. */
export type WorkerMessage<R = GateJobResult> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: SentError };

/** An error as it crosses the thread boundary. */
export interface SentError {
  readonly kind: 'DataError' | 'UsageError' | 'Error';
  readonly message: string;
  readonly file?: string;
  readonly position?: DataError['position'];
  readonly stack?: string;
}

export async function runGateJob(job: GateJob): Promise<GateJobResult> {
  const baseline = await load(job.baseline, job.read);
  const candidate = await load(job.candidate, job.read);
  const report = gate(baseline, candidate, job.options);
  const info = (role: GatedRunInfo['role'], f: RunFrame): GatedRunInfo => ({ role, runId: f.runId, modelId: f.modelId, taskId: f.taskId, metricName: f.metricName, nItems: f.items.length });
  return { report, runs: [info('baseline', baseline), info('candidate', candidate)], ...(job.returnRuns ? { frames: { baseline, candidate } } : {}) };
}

async function load(side: GateJobSide, read: ReadRunOptions): Promise<RunFrame> {
  const format = !read.format || read.format === 'auto' ? detectFormat(side.path) : read.format;
  if (format === 'parquet') return readParquetRunFile(side.path);
  return readRun(side.text ?? readTextFile(side.path), side.path, read);
}

export function sendError(e: unknown): SentError {
  if (e instanceof DataError) return { kind: 'DataError', message: e.message, ...(e.file !== undefined ? { file: e.file } : {}), ...(e.position ? { position: e.position } : {}) };
  if (e instanceof UsageError) return { kind: 'UsageError', message: e.message };
  return { kind: 'Error', message: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) };
}

/** The error again, as the class the request handlers map to answers (a bug stays a plain Error, with the worker's stack). */
export function receiveError(s: SentError): Error {
  if (s.kind === 'DataError') return new DataError(s.message, s.file, s.position);
  if (s.kind === 'UsageError') return new UsageError(s.message);
  const e = new Error(s.message);
  if (s.stack) e.stack = s.stack;
  return e;
}

/**
 * A run as cloned from the worker, with its metadata's JSON values made
 * JsonNumber/JsonObject again (the clone keeps their data, not their
 * classes), which the store's Parquet writer needs.
 */
export function receiveRun(f: RunFrame): RunFrame {
  if (f.items.metadata.size === 0) return f;
  const metadata = new Map<number, JsonValue>();
  for (const [k, v] of f.items.metadata) metadata.set(k, reviveJson(v));
  return { ...f, items: { ...f.items, metadata } };
}

function reviveJson(v: unknown): JsonValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(reviveJson);
  if (v instanceof Map) {
    const o = new JsonObject(0);
    for (const [k, x] of v as Map<string, unknown>) o.set(k, reviveJson(x));
    return o;
  }
  const n = v as { raw: string; value: number; isInt: boolean };
  return new JsonNumber(n.raw, n.value, n.isInt);
}
