/**
 * The chain head (`chain/head.json`): the sequence, id and hash of the last
 * record. Records alone cannot show that the newest ones were removed; the
 * head can, because it names what the last record was.
 *
 * An append writes the head twice: first with `pending` naming the record it
 * is about to create, then, after the record exists, pointing at it. A writer
 * killed between the two leaves a head whose pending record exists (or not):
 * readers and the next writer settle it by checking that file, so a crash at
 * any point leaves a chain that verifies, with only whole records.
 */
import { DataError } from '../errors';
import { joinPath } from '../store/ports';
import { headPath } from './layout';
import { HEX64, parseRecord } from './parse-record';
import type { EvidenceContext } from './ports';
import { recordHash } from './records';

export const HEAD_SCHEMA = 'tollgate.chain-head/1';

export interface ChainHead {
  /** Sequence of the last record; 0 for an empty chain. */
  readonly sequence: number;
  readonly id: string | null;
  /** Relative to the evidence root. */
  readonly path: string | null;
  readonly hash: string | null;
  /** The record an append was creating when it wrote this head. */
  readonly pending: { readonly sequence: number; readonly path: string } | null;
}

export const EMPTY_HEAD: ChainHead = { sequence: 0, id: null, path: null, hash: null, pending: null };

/** The head as stored; undefined when there is none (a new chain); DataError when it is damaged. */
export async function readHead(ctx: EvidenceContext, root: string): Promise<ChainHead | undefined> {
  const path = headPath(root);
  const text = await ctx.fs.readText(path);
  if (text === undefined) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new DataError(`chain head is not valid JSON (${e instanceof Error ? e.message : String(e)})`, path);
  }
  const problem = headProblem(v);
  if (problem !== undefined) throw new DataError(`chain head is damaged: ${problem}`, path);
  return v as ChainHead;
}

function headProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return 'not a JSON object';
  const h = v as Record<string, unknown>;
  if (h.schema !== HEAD_SCHEMA) return `schema is not ${HEAD_SCHEMA}`;
  if (!(Number.isSafeInteger(h.sequence) && (h.sequence as number) >= 0)) return 'sequence is not a non-negative integer';
  const empty = h.sequence === 0;
  if (!(empty ? h.hash === null : typeof h.hash === 'string' && HEX64.test(h.hash))) return 'hash does not fit the sequence';
  const p = h.pending as Record<string, unknown> | null | undefined;
  if (p != null && !(typeof p.path === 'string' && p.sequence === (h.sequence as number) + 1)) return 'pending is not the next record';
  // The pending path is read back; it must stay inside the evidence directory.
  if (p != null && (p.path as string).split('/').some((seg) => seg === '..' || seg === '')) return 'pending path leaves the evidence directory';
  return undefined;
}

/** Writes the head atomically (readers see the old or the new head, never half). */
export async function writeHead(ctx: EvidenceContext, root: string, head: ChainHead): Promise<void> {
  await ctx.fs.writeAtomic(headPath(root), `${JSON.stringify({ schema: HEAD_SCHEMA, ...head }, null, 2)}\n`);
}

/**
 * The head once an interrupted append is accounted for: when the pending
 * record exists, is whole and links to the head, it is the real last record.
 */
export async function settleHead(ctx: EvidenceContext, root: string, head: ChainHead): Promise<{ head: ChainHead; settled: boolean }> {
  if (head.pending === null) return { head, settled: false };
  const unpending = { ...head, pending: null };
  const text = await ctx.fs.readText(joinPath(root, head.pending.path));
  if (text === undefined) return { head: unpending, settled: false };
  const parsed = parseRecord(text);
  if (!parsed.ok) return { head: unpending, settled: false };
  const r = parsed.record;
  const links = r.sequence === head.pending.sequence && r.previous_hash === head.hash && r.hash === recordHash(ctx.sha256, r);
  if (!links) return { head: unpending, settled: false };
  return { head: { sequence: r.sequence, id: r.id, path: head.pending.path, hash: r.hash, pending: null }, settled: true };
}
