/**
 * The run store as the CLI opens it: Node file system, the lazily loaded
 * Parquet codec, the wall clock; and the mapping of store failures to exit
 * codes (a store that cannot be written is EX_CANTCREAT, 73).
 */
import { openRunStore, type RunStore } from '../core/store';
import { FileSystemError } from '../core/store/ports';
import { lazyParquetCodec } from '../node/load-parquet-codec';
import { nodeFileSystem } from '../node/node-file-system';
import { CliError } from './cli-error';

const EXIT_CANNOT_WRITE = 73;

/** The store under `root`, with the Node ports. */
export function nodeRunStore(root: string): RunStore {
  return openRunStore({ fs: nodeFileSystem(), codec: lazyParquetCodec, clock: { now: () => new Date() } }, root);
}

/** Runs `fn`, reporting file-system failures (permission, disk full, lock timeout) as exit 73. */
export async function withStoreErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof FileSystemError) throw new CliError(e.message, EXIT_CANNOT_WRITE);
    throw e;
  }
}
