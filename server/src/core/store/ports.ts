/**
 * The only way the store and evidence code touch the outside world. Core code
 * never imports node:fs; the CLI and the language server pass a Node
 * implementation (server/src/node/node-file-system.ts), tests may pass an
 * in-memory one. Paths are POSIX-style strings joined with `joinPath`.
 */
export interface FileSystem {
  /** File contents, or undefined when the file does not exist. */
  readText(path: string): Promise<string | undefined>;
  readBytes(path: string): Promise<Uint8Array | undefined>;
  /** Write to a temporary sibling, fsync, then rename over `path`: readers see the old or the new file, never half of one. */
  writeAtomic(path: string, data: string | Uint8Array): Promise<void>;
  /** Create `path` only if it does not exist yet (never overwrites); false when it already existed. Also atomic. */
  createExclusive(path: string, data: string | Uint8Array): Promise<boolean>;
  /** Names (not paths) of the entries of a directory; [] when it does not exist. */
  list(dir: string): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  mkdirp(dir: string): Promise<void>;
  /** Run `fn` holding an exclusive cross-process lock named by `path` (a lock file); stale locks of dead processes are broken. */
  withLock<T>(path: string, fn: () => Promise<T>): Promise<T>;
}

/** Time source, injectable so tests and golden outputs are deterministic. */
export interface Clock {
  now(): Date;
}

/** Join POSIX path segments; core code uses this instead of node:path. */
export function joinPath(...parts: readonly string[]): string {
  return parts
    .filter((p) => p !== '')
    .join('/')
    .replace(/\/{2,}/g, '/');
}

/**
 * A FileSystem operation failed for a reason other than "not found" (permission
 * denied, disk full, a lock that could not be taken in time). The message names
 * the path; the CLI maps it to exit 73 (cannot write).
 */
export class FileSystemError extends Error {
  override readonly name = 'FileSystemError';
  constructor(
    message: string,
    readonly path: string,
    /** The system error code (EACCES, ENOSPC, …) when there is one. */
    readonly code?: string,
  ) {
    super(message);
  }
}
