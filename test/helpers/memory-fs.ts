/**
 * An in-memory FileSystem for unit tests of the store and evidence code:
 * POSIX paths, whole-file writes, createExclusive that never overwrites, and
 * a per-path async lock. `files` is public so tests can tamper with it.
 */
import type { Clock, FileSystem } from '../../server/src/core/store/ports';

export class MemoryFileSystem implements FileSystem {
  readonly files = new Map<string, string | Uint8Array>();
  private readonly dirs = new Set<string>(['/', '']);
  private readonly locks = new Map<string, Promise<void>>();

  readText(path: string): Promise<string | undefined> {
    const v = this.files.get(norm(path));
    return Promise.resolve(v === undefined ? undefined : typeof v === 'string' ? v : new TextDecoder().decode(v));
  }
  readBytes(path: string): Promise<Uint8Array | undefined> {
    const v = this.files.get(norm(path));
    return Promise.resolve(v === undefined ? undefined : typeof v === 'string' ? new TextEncoder().encode(v) : v);
  }
  writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
    this.requireParent(path);
    this.files.set(norm(path), data);
    return Promise.resolve();
  }
  createExclusive(path: string, data: string | Uint8Array): Promise<boolean> {
    this.requireParent(path);
    if (this.files.has(norm(path))) return Promise.resolve(false);
    this.files.set(norm(path), data);
    return Promise.resolve(true);
  }
  list(dir: string): Promise<string[]> {
    const prefix = `${norm(dir)}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) if (p.startsWith(prefix) && p.length > prefix.length) names.add(p.slice(prefix.length).split('/')[0]);
    return Promise.resolve([...names].sort());
  }
  exists(path: string): Promise<boolean> {
    const p = norm(path);
    return Promise.resolve(this.files.has(p) || this.dirs.has(p));
  }
  mkdirp(dir: string): Promise<void> {
    const parts = norm(dir).split('/');
    for (let i = 1; i <= parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
    return Promise.resolve();
  }
  async withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
    const key = norm(path);
    const before = this.locks.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.locks.set(key, before.then(() => mine));
    await before;
    try {
      return await fn();
    } finally {
      release();
    }
  }
  /** Removes a file (tests: deleting evidence). */
  delete(path: string): void {
    this.files.delete(norm(path));
  }
  private requireParent(path: string): void {
    const p = norm(path);
    const parent = p.slice(0, p.lastIndexOf('/'));
    if (parent !== '' && !this.dirs.has(parent)) throw new Error(`ENOENT: no directory ${parent} (write ${p})`);
  }
}

function norm(path: string): string {
  return path.replace(/\/{2,}/g, '/').replace(/\/$/, '');
}

/** A clock that starts at `start` and moves one second per call. */
export function steppingClock(start = '2026-05-17T10:00:00.000Z'): Clock {
  let t = Date.parse(start);
  return {
    now: () => {
      const d = new Date(t);
      t += 1000;
      return d;
    },
  };
}
