/**
 * One entry point for every run-file format EVALSIG reads, with EVALSIG's
 * automatic choice by file name (spec §1.5). Errors come back as DataError
 * naming the file.
 */
import { DataError } from '../errors';
import { readHelm } from './read-helm';
import { readInspect } from './read-inspect';
import { readLmEval } from './read-lm-eval';
import { readRunFrameJson } from './read-run-frame';
import type { RunFrame } from './run-frame';

export const RUN_FORMATS = ['auto', 'runframe', 'lm_eval', 'inspect', 'helm', 'parquet'] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

export interface ReadRunOptions {
  format?: RunFormat;
  /** `--metric`: which per-record field lm-eval/Inspect/HELM score from. */
  metric?: string;
  /** `--cluster`: which per-record field becomes cluster_id (lm-eval/Inspect/HELM). */
  clusterKey?: string | null;
  /** `--baseline-model` / `--candidate-model`. */
  modelId?: string | null;
  /** `--task`. */
  taskId?: string | null;
}

/** EVALSIG's `--format auto`: by suffix and file name, in this order. */
export function detectFormat(path: string): Exclude<RunFormat, 'auto'> {
  const name = baseName(path);
  const lower = name.toLowerCase();
  if (name.endsWith('.jsonl')) return 'lm_eval';
  if (name.endsWith('.eval') || lower.includes('inspect')) return 'inspect';
  if (name.endsWith('.parquet')) return 'parquet';
  if (lower.includes('helm') || name === 'scenario_state.json') return 'helm';
  return 'runframe';
}

/** Parses `text` (the contents of `path`) as a run. */
export function readRun(text: string, path: string, opts: ReadRunOptions = {}): RunFrame {
  const format = !opts.format || opts.format === 'auto' ? detectFormat(path) : opts.format;
  try {
    return readAs(format, text, path, opts);
  } catch (e) {
    if (e instanceof DataError) throw e.inFile(path);
    throw e;
  }
}

function readAs(format: Exclude<RunFormat, 'auto'>, text: string, path: string, opts: ReadRunOptions): RunFrame {
  const stem = stemOf(path);
  const metric = opts.metric ?? 'accuracy';
  switch (format) {
    case 'runframe':
      return readRunFrameJson(text);
    case 'lm_eval':
      return readLmEval(text, { fileName: path, modelId: opts.modelId || stem, taskId: opts.taskId || 'task', metricName: metric, clusterKey: opts.clusterKey });
    case 'inspect':
      if (path.endsWith('.eval')) throw new DataError("binary Inspect '.eval' logs are not read directly; export JSON with `inspect log dump` and pass that file");
      return readInspect(text, { fileName: path, stem, metricName: metric, clusterKey: opts.clusterKey });
    case 'helm':
      return readHelm(text, { fileName: path, stem, modelId: opts.modelId, taskId: opts.taskId, metricName: metric, clusterKey: opts.clusterKey });
    case 'parquet':
      // Parquet is binary and needs the WebAssembly codec: adapters read it with
      // node/read-parquet-run.ts (core/store/run-rows.ts checks the rows), never as text.
      throw new DataError('Parquet run files cannot be read here yet; `tollgate gate` reads them');
  }
}

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}

/** Python `Path(path).stem`: the name without its last suffix. */
export function stemOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
