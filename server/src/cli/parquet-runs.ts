/**
 * `.parquet` run files are binary and their codec loads asynchronously, so
 * gate reads them before the (synchronous) pairing and gating starts.
 */
import { detectFormat, type RunFormat } from '../core/runs/read-run';
import type { RunFrame } from '../core/runs/run-frame';
import { readParquetRunFile } from '../node/read-parquet-run';
import type { Args } from './args';
import type { RunPair } from './run-options';

/** Every Parquet run of `pairs` (by --format, or by the .parquet suffix), by path. */
export async function readParquetRuns(args: Args, pairs: readonly RunPair[]): Promise<Map<string, RunFrame>> {
  const format = (args.str('format') ?? 'auto') as RunFormat;
  const isParquet = (path: string): boolean => (format === 'auto' ? detectFormat(path) : format) === 'parquet';
  const paths = [...new Set(pairs.flatMap((p) => [p.baseline, p.candidate]))].filter(isParquet);
  const runs = new Map<string, RunFrame>();
  for (const path of paths) runs.set(path, await readParquetRunFile(path));
  return runs;
}
