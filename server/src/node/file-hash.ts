/**
 * SHA-256 for the evidence code: of strings and bytes (the Sha256 port), and
 * of files, streamed so a gigabyte run file never sits in memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { DataError } from '../core/errors';
import type { FileDigest, FileHasher } from '../core/evidence/ports';

/** SHA-256 as lower-case hex; strings are hashed as UTF-8. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Streams `path` through SHA-256; undefined when it does not exist, DataError when it cannot be read. */
export async function sha256File(path: string): Promise<FileDigest | undefined> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      const buf = chunk as Buffer;
      bytes += buf.length;
      hash.update(buf);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return undefined;
    throw new DataError(code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e), path);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** A FileHasher resolving relative paths against `base` (default: the working directory). */
export function nodeFileHasher(base: string = process.cwd()): FileHasher {
  return { hashFile: (path) => sha256File(isAbsolute(path) ? path : resolve(base, path)) };
}
