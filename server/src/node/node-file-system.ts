/**
 * The Node implementation of the store's FileSystem port. Every write that a
 * reader could observe is all-or-nothing: data goes to a temporary sibling,
 * is fsynced, then renamed (or hard-linked) into place, and the directory is
 * fsynced so the new name survives a power cut as well as a SIGKILL.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileSystemError, type FileSystem } from '../core/store/ports';
import { acquireLock, type LockOptions } from './file-lock';

export type NodeFileSystemOptions = LockOptions;

/** A FileSystem backed by node:fs; `options` tune lock waiting (tests shorten it). */
export function nodeFileSystem(options: NodeFileSystemOptions = {}): FileSystem {
  return {
    readText: async (path) => ifExists(path, () => readFile(path, 'utf8')),
    readBytes: async (path) => ifExists(path, async () => new Uint8Array(await readFile(path))),
    writeAtomic,
    createExclusive,
    list: async (dir) => (await ifExists(dir, () => readdir(dir))) ?? [],
    exists: async (path) => (await ifExists(path, () => stat(path))) !== undefined,
    mkdirp: async (dir) => {
      await guard('create directory', dir, () => mkdir(dir, { recursive: true }));
    },
    withLock: async <T>(path: string, fn: () => Promise<T>): Promise<T> => {
      const release = await acquireLock(path, options);
      try {
        return await fn();
      } finally {
        await release();
      }
    },
  };
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = await writeTemp(path, data);
  try {
    await guard('write', path, () => rename(tmp, path));
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDir(dirname(path));
}

async function createExclusive(path: string, data: string | Uint8Array): Promise<boolean> {
  const tmp = await writeTemp(path, data);
  try {
    // link() refuses to replace an existing name, so the whole file appears at once or not at all.
    await link(tmp, path);
  } catch (e) {
    if (codeOf(e) === 'EEXIST') return false;
    throw fsError('create', path, e);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  await syncDir(dirname(path));
  return true;
}

/** Writes `data` to a fresh temporary sibling of `path` and fsyncs it; returns the temp path. */
async function writeTemp(path: string, data: string | Uint8Array): Promise<string> {
  // Dot-prefixed and unique per process and call, so concurrent writers never share one and listings can skip them.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await guard('write', path, async () => {
    const fh = await open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o644);
    try {
      await fh.writeFile(data);
      await fh.datasync(); // fdatasync: the bytes and the size, without the timestamps fsync would also flush
    } finally {
      await fh.close();
    }
  }).catch(async (e: unknown) => {
    await unlink(tmp).catch(() => undefined);
    throw e;
  });
  return tmp;
}

/** fsync a directory so a rename or link in it is durable (not supported everywhere: best effort). */
async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, fsConstants.O_RDONLY);
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some platforms (Windows, some network file systems) cannot fsync a directory; the rename is still atomic.
  }
}

async function ifExists<T>(path: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return undefined;
    throw fsError('read', path, e);
  }
}

async function guard<T>(action: string, path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof FileSystemError ? e : fsError(action, path, e);
  }
}

function fsError(action: string, path: string, e: unknown): FileSystemError {
  const code = codeOf(e);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on device' : e instanceof Error ? e.message : String(e);
  return new FileSystemError(`cannot ${action} ${path}: ${reason}`, path, code);
}

function codeOf(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}
