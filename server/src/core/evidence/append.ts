/**
 * Appending to the chain. One writer at a time (a cross-process lock), each
 * record created with createExclusive (it appears whole or not at all, and
 * never replaces a file), the head updated around it (see head.ts).
 */
import { DataError } from '../errors';
import { joinPath } from '../store/ports';
import { type ChainHead, EMPTY_HEAD, readHead, settleHead, writeHead } from './head';
import { CHAIN_DIR, lockPath } from './layout';
import type { EvidenceContext } from './ports';
import { type ChainLink, type ChainRecord, recordText, seal, type Unsealed } from './records';

/** A record to append and where it goes (relative to the evidence root). */
export interface Draft<T extends ChainRecord> {
  readonly record: Unsealed<T>;
  readonly path: string;
}

export interface Appended<T extends ChainRecord> {
  readonly record: T;
  /** Relative to the evidence root. */
  readonly path: string;
}

/**
 * Appends the record `draft` builds for the next link. `draft` runs under the
 * lock, so it may check which paths are free; it must use the link it is given.
 */
export async function appendRecord<T extends ChainRecord>(
  ctx: EvidenceContext,
  root: string,
  draft: (link: ChainLink) => Promise<Draft<T>>,
): Promise<Appended<T>> {
  await ctx.fs.mkdirp(joinPath(root, CHAIN_DIR));
  return ctx.fs.withLock(lockPath(root), async () => {
    const stored = (await readHead(ctx, root)) ?? EMPTY_HEAD;
    const { head } = await settleHead(ctx, root, stored);
    const link: ChainLink = { sequence: head.sequence + 1, previous_hash: head.hash };
    const d = await draft(link);
    if (d.record.sequence !== link.sequence || d.record.previous_hash !== link.previous_hash) {
      throw new Error('appendRecord: the draft does not use the link it was given');
    }
    const record = seal<T>(ctx.sha256, d.record);
    await writeHead(ctx, root, { ...head, pending: { sequence: link.sequence, path: d.path } });
    await create(ctx, root, d.path, record, head);
    await writeHead(ctx, root, { sequence: record.sequence, id: record.id, path: d.path, hash: record.hash, pending: null });
    return { record, path: d.path };
  });
}

async function create(ctx: EvidenceContext, root: string, rel: string, record: ChainRecord, head: ChainHead): Promise<void> {
  const abs = joinPath(root, rel);
  await ctx.fs.mkdirp(abs.slice(0, abs.lastIndexOf('/')));
  if (!(await ctx.fs.createExclusive(abs, recordText(record)))) {
    await writeHead(ctx, root, head);
    throw new DataError(`${rel} already exists; evidence records are never overwritten`, abs);
  }
}
