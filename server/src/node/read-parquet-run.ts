/**
 * Reads a `.parquet` run file (EVALSIG's schema, any writer) for `gate`,
 * `compare` and the server: bytes from disk, the lazily loaded codec, and the
 * core's row checks. Disk errors are DataErrors naming the file.
 */
import { readFile } from 'node:fs/promises';
import { DataError } from '../core/errors';
import type { RunFrame } from '../core/runs/run-frame';
import { rowsToRun } from '../core/store/run-rows';
import { loadParquetCodec } from './load-parquet-codec';

/** The run in `path`; `runId` picks one when the file holds several. */
export async function readParquetRunFile(path: string, runId?: string): Promise<RunFrame> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new DataError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : e instanceof Error ? e.message : String(e), path);
  }
  const codec = await loadParquetCodec();
  return rowsToRun(await codec.decode(bytes, path), path, { runId });
}
