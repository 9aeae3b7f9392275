/**
 * Reads every record file of an evidence directory, whole or not. Nothing is
 * trusted here: verify.ts judges what was read; trace and last-good use only
 * the records that parse.
 */
import { FileSystemError, joinPath } from '../store/ports';
import { type ChainHead, readHead, settleHead } from './head';
import { AUDIT_DIR, CHAIN_DIR, isEnvelopeFile, isReleaseFile, lockPath, RELEASES_DIR } from './layout';
import { parseRecord, type ParsedRecord } from './parse-record';
import type { EvidenceContext } from './ports';
import { type ChainRecord, storedHash } from './records';

export interface LoadedEntry {
  /** Relative to the evidence root. */
  readonly path: string;
  readonly parsed: ParsedRecord;
  /** The hash recomputed from the content (when it parsed). */
  readonly computedHash?: string;
}

export interface LoadedChain {
  readonly entries: readonly LoadedEntry[];
  /** The stored head settled for an interrupted append; undefined when there is none. */
  readonly head?: ChainHead;
  /** Why the head could not be read, when it is damaged. */
  readonly headError?: string;
  /** True when the last append was interrupted after its record was written. */
  readonly headSettled: boolean;
}

/** How many files are read at once: enough to hide latency, few enough to stay clear of EMFILE. */
const PARALLEL_READS = 64;

/**
 * Loads all records under `root` (in no particular order) and the head, as
 * one consistent snapshot: under the append lock, so a concurrent append is
 * seen whole or not at all (records listed before the head is read, say,
 * would otherwise look like a truncation). Where the lock cannot be taken —
 * evidence on a read-only mount has no writers — it reads without it. Pass
 * `locked: false` when the caller already holds the lock.
 */
export async function loadChain(ctx: EvidenceContext, root: string, opts: { locked?: boolean } = {}): Promise<LoadedChain> {
  if (opts.locked === false || !(await ctx.fs.exists(joinPath(root, CHAIN_DIR)))) return readChain(ctx, root);
  let started = false;
  try {
    return await ctx.fs.withLock(lockPath(root), () => {
      started = true;
      return readChain(ctx, root);
    });
  } catch (e) {
    if (started || !(e instanceof FileSystemError)) throw e;
    return readChain(ctx, root);
  }
}

async function readChain(ctx: EvidenceContext, root: string): Promise<LoadedChain> {
  const paths = await recordPaths(ctx, root);
  const entries = await mapLimit(paths, PARALLEL_READS, async (path): Promise<LoadedEntry> => {
    const text = await ctx.fs.readText(joinPath(root, path));
    if (text === undefined) return { path, parsed: { ok: false, truncated: false, error: 'vanished while reading' } };
    const parsed = parseRecord(text);
    return parsed.ok ? { path, parsed, computedHash: storedHash(ctx.sha256, text, parsed.record) } : { path, parsed };
  });
  try {
    const stored = await readHead(ctx, root);
    if (stored === undefined) return { entries, headSettled: false };
    const { head, settled } = await settleHead(ctx, root, stored);
    return { entries, head, headSettled: settled };
  } catch (e) {
    return { entries, headError: e instanceof Error ? e.message : String(e), headSettled: false };
  }
}

/** The records that parsed, ordered by sequence (for trace and last-good, which assume an intact chain). */
export function chainRecords(chain: LoadedChain): ChainRecord[] {
  return chain.entries
    .flatMap((e) => (e.parsed.ok ? [e.parsed.record] : []))
    .sort((a, b) => a.sequence - b.sequence);
}

async function recordPaths(ctx: EvidenceContext, root: string): Promise<string[]> {
  const visible = (names: string[]): string[] => names.filter((n) => !n.startsWith('.')).sort();
  const releaseDirs = visible(await ctx.fs.list(joinPath(root, RELEASES_DIR)));
  const releases = releaseDirs.filter(isReleaseFile).map((n) => joinPath(RELEASES_DIR, n));
  const auditDirs = visible(await ctx.fs.list(joinPath(root, AUDIT_DIR)));
  const envelopes = await mapLimit(auditDirs, PARALLEL_READS, async (dir) =>
    visible(await ctx.fs.list(joinPath(root, AUDIT_DIR, dir)))
      .filter(isEnvelopeFile)
      .map((n) => joinPath(AUDIT_DIR, dir, n)),
  );
  return [...envelopes.flat(), ...releases];
}

/** `items.map(fn)` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
