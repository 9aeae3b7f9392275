/**
 * A cross-process lock built from a lock file, for FileSystem.withLock.
 *
 * Taking the lock = creating the lock file with link() (it fails with EEXIST
 * when another process holds it), so the file appears whole, with its holder's
 * pid, host and a random token. Waiters poll with jittered exponential backoff.
 *
 * A lock whose holder died (SIGKILL, power cut) would block everyone forever,
 * so a waiter on the same host breaks a lock whose pid is no longer running.
 * Breaking happens under a second, short-lived lock (`<lock>.break`): the
 * breaker re-reads the lock and removes it only if it still carries the dead
 * holder's token, so two waiters can never both break and one of them remove
 * the fresh lock the other just took. Locks of other hosts are never broken
 * (their pids mean nothing here): the timeout message says how to clear them.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { FileSystemError } from '../core/store/ports';

export interface LockOptions {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** First wait between attempts; doubles up to maxDelayMs (defaults 1 ms / 25 ms: a store write holds the lock for milliseconds). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  token: string;
  since: string;
}

/** A break lock older than this whose holder is dead is itself stale (it is held for microseconds). */
const STALE_BREAK_MS = 2_000;

/** Takes the lock at `path`, waiting as needed; resolves to its release function. */
export async function acquireLock(path: string, opts: LockOptions = {}): Promise<() => Promise<void>> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxDelay = opts.maxDelayMs ?? 25;
  const deadline = Date.now() + timeoutMs;
  let delay = opts.minDelayMs ?? 1;
  for (;;) {
    const token = await tryCreate(path);
    if (token !== undefined) return () => release(path, token);
    const holder = await readHolder(path);
    if (holder && isDeadLocal(holder)) {
      await breakStale(path, holder.token);
      continue;
    }
    if (Date.now() >= deadline) throw timeoutError(path, holder, timeoutMs);
    await pause(delay * (0.5 + Math.random() / 2));
    delay = Math.min(maxDelay, delay * 2);
  }
}

/** Creates the lock file whole (temp + link); its token, or undefined when it is held. */
async function tryCreate(path: string): Promise<string | undefined> {
  const holder: Holder = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), since: new Date().toISOString() };
  const tmp = `${path}.${holder.token}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(holder), { flag: 'wx' });
    await link(tmp, path);
    return holder.token;
  } catch (e) {
    if (codeOf(e) === 'EEXIST') return undefined;
    throw new FileSystemError(`cannot create lock ${path}: ${e instanceof Error ? e.message : String(e)}`, path, codeOf(e));
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Removes the lock only if it is still ours (a lock wrongly broken must not take the new holder's with it). */
async function release(path: string, token: string): Promise<void> {
  const holder = await readHolder(path);
  if (holder?.token === token) await unlink(path).catch(() => undefined);
}

async function breakStale(path: string, staleToken: string): Promise<void> {
  const breakPath = `${path}.break`;
  const breakToken = await tryCreate(breakPath);
  if (breakToken === undefined) {
    // Another waiter is breaking it; if that waiter died mid-break, clear its break lock after a grace period.
    const breaker = await readHolder(breakPath);
    if (breaker && isDeadLocal(breaker) && (await ageMs(breakPath)) > STALE_BREAK_MS) await unlink(breakPath).catch(() => undefined);
    await pause(1);
    return;
  }
  try {
    const holder = await readHolder(path);
    if (holder?.token === staleToken) await unlink(path).catch(() => undefined);
  } finally {
    await release(breakPath, breakToken);
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return { pid: value.pid, host: value.host, token: value.token, since: String(value.since) };
    }
  } catch {
    // Gone (released meanwhile) or not ours to interpret: treat as held by an unknown holder.
  }
  return undefined;
}

function isDeadLocal(holder: Holder): boolean {
  if (holder.host !== hostname() || holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    return codeOf(e) === 'ESRCH'; // EPERM: alive, owned by another user
  }
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

function timeoutError(path: string, holder: Holder | undefined, timeoutMs: number): FileSystemError {
  const who = holder ? `pid ${holder.pid} on ${holder.host} since ${holder.since}` : 'an unknown process';
  return new FileSystemError(
    `timed out after ${timeoutMs / 1000} s waiting for lock ${path}, held by ${who}; if that process is no longer running, delete the lock file`,
    path,
    'ETIMEDOUT',
  );
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function codeOf(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}
