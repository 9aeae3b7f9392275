/**
 * A suite run writes one file per task; gating "the release" means gating
 * every task. When --baseline and --candidate are directories, their run
 * files are paired by file name, and each pair becomes a member of the
 * Holm-corrected family.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../core/errors';

export interface PathPair {
  readonly baseline: string;
  readonly candidate: string;
}

const RUN_FILE = /\.(json|jsonl|parquet)$/i;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a missing path is reported by the reader, with its name
  }
}

function runFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && RUN_FILE.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Expands directory pairs into file pairs (same file name on both sides); file pairs pass through. */
export function expandRunDirectories(pairs: readonly PathPair[]): PathPair[] {
  return pairs.flatMap((pair) => {
    const dirs = [isDirectory(pair.baseline), isDirectory(pair.candidate)];
    if (!dirs[0] && !dirs[1]) return [pair];
    if (dirs[0] !== dirs[1]) {
      throw new DataError(`--baseline ${pair.baseline} and --candidate ${pair.candidate} must both be files or both be directories`);
    }
    const base = runFiles(pair.baseline);
    const cand = new Set(runFiles(pair.candidate));
    const onlyBase = base.filter((f) => !cand.has(f));
    const onlyCand = [...cand].filter((f) => !base.includes(f));
    if (onlyBase.length || onlyCand.length) {
      const list = (xs: string[]): string => (xs.length ? xs.join(', ') : 'none');
      throw new DataError(
        `run directories do not match: only in ${pair.baseline}: ${list(onlyBase)}; only in ${pair.candidate}: ${list(onlyCand)}`,
      );
    }
    if (base.length === 0) throw new DataError(`no run files (*.json, *.jsonl) in ${pair.baseline}`);
    return base.map((f) => ({ baseline: join(pair.baseline, f), candidate: join(pair.candidate, f) }));
  });
}
