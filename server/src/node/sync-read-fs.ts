/**
 * A FileSystem for commands that read thousands of small files (audit
 * verify, trace, last-good): reads and listings use the synchronous fs calls,
 * everything else is delegated. fs/promises' readFile costs four thread-pool
 * round trips and a FileHandle per file, which for a 10,000-record chain is
 * most of the run time; readFileSync is one blocking call, and these commands
 * have nothing else to do meanwhile. Never use it in the language server,
 * whose event loop must not block.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { FileSystemError, type FileSystem } from '../core/store/ports';

/** `base` with readText, readBytes and list done synchronously. */
export function syncReadFileSystem(base: FileSystem): FileSystem {
  return {
    ...base,
    readText: (path) => Promise.resolve(read(path, () => readFileSync(path, 'utf8'))),
    readBytes: (path) => Promise.resolve(read(path, () => new Uint8Array(readFileSync(path)))),
    list: (dir) => Promise.resolve(read(dir, () => readdirSync(dir)) ?? []),
    withLock: (path, fn) => base.withLock(path, fn),
  };
}

function read<T>(path: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new FileSystemError(`cannot read ${path}: ${code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e)}`, path, code);
  }
}
