/**
 * Reads a run file from disk for the CLI and the server. Disk errors become
 * DataErrors naming the file, so a missing path is a data error (exit 65),
 * never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { DataError } from '../core/errors';
import { readRun, type ReadRunOptions } from '../core/runs/read-run';
import type { RunFrame } from '../core/runs/run-frame';

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataError(describeFsError(e), path);
  }
}

export function readRunFile(path: string, opts: ReadRunOptions = {}): RunFrame {
  return readRun(readTextFile(path), path, opts);
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory, not a file';
    case 'EACCES': return 'permission denied';
    default: return e instanceof Error ? e.message : String(e);
  }
}
