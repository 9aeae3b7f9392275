/** A small evidence chain in memory, for the chain, tamper and trace tests. */
import { captureEnvelope, type EvidenceContext, type FileHasher, recordHash, recordRelease, type AuditEnvelope, type ChainRecord } from '../../../server/src/core/evidence';
import type { Verdict } from '../../../server/src/core/gate/verdict';
import { sha256Hex } from '../../../server/src/node/file-hash';
import { MemoryFileSystem, steppingClock } from '../../helpers/memory-fs';

export const ROOT = '/ev';
export const TOOL = { name: 'tollgate', version: 'test' };

export interface Fixture {
  readonly fs: MemoryFileSystem;
  readonly ctx: EvidenceContext;
  /** Run files by path (what the FileHasher sees). */
  readonly inputs: Map<string, string>;
  readonly hasher: FileHasher;
}

export function fixture(): Fixture {
  const fs = new MemoryFileSystem();
  const inputs = new Map<string, string>();
  const hasher: FileHasher = {
    hashFile: (path) => {
      const text = inputs.get(path);
      return Promise.resolve(text === undefined ? undefined : { sha256: sha256Hex(text), bytes: Buffer.byteLength(text) });
    },
  };
  return { fs, ctx: { fs, clock: steppingClock(), sha256: sha256Hex }, inputs, hasher };
}

/** Captures an envelope for release `id` with two made-up run files. */
export async function capture(f: Fixture, id: string, verdict: Verdict = 'ALLOW', extra: { ticket?: string; commit?: string } = {}): Promise<AuditEnvelope> {
  const base = `runs/${id}-base.json`;
  const cand = `runs/${id}-cand.json`;
  f.inputs.set(base, `{"run_id":"${id}-base"}`);
  f.inputs.set(cand, `{"run_id":"${id}-cand"}`);
  const digest = async (p: string): Promise<{ sha256: string; bytes: number }> => (await f.hasher.hashFile(p))!;
  const { record } = await captureEnvelope(f.ctx, ROOT, {
    releaseId: id,
    verdict,
    exitCode: { ALLOW: 0, REJECT: 1, INCONCLUSIVE: 2 }[verdict],
    report: { verdict, exit_code: 0, comparison: { delta: 0.02, ci: [0.01, 'Infinity'] } },
    inputs: [
      { role: 'baseline', path: base, ...(await digest(base)) },
      { role: 'candidate', path: cand, ...(await digest(cand)) },
    ],
    parameters: { min_delta: 0.01 },
    runs: [],
    tool: TOOL,
    gitCommit: extra.commit ?? 'a'.repeat(40),
    capturedBy: 'ci',
    changeTicket: extra.ticket,
  });
  return record;
}

/** Records a release event (no separation check unless asked). */
export async function release(f: Fixture, o: { service?: string; env?: string; digit?: string; sha?: string; ticket?: string; evidence?: string[]; approver?: string }): Promise<ChainRecord> {
  const { record } = await recordRelease(f.ctx, ROOT, {
    service: o.service ?? 'pay',
    env: o.env ?? 'prod',
    image: `registry.example/pay@sha256:${(o.digit ?? '1').repeat(64)}`,
    gitSha: o.sha ?? 'a'.repeat(40),
    changeTicket: o.ticket ?? 'CHG-1',
    approvedBy: o.approver ?? 'bob@example.com',
    evidence: o.evidence ?? [],
    recordedBy: 'ci',
    requireSeparation: false,
    tool: TOOL,
  });
  return record;
}

/** The stored record at `path` (relative to ROOT). */
export function readRecord(f: Fixture, path: string): Record<string, unknown> {
  return JSON.parse(f.fs.files.get(`${ROOT}/${path}`) as string) as Record<string, unknown>;
}

/** Overwrites the record at `path`; with `rehash`, its hash is recomputed (a forger who knows the scheme). */
export function writeRecord(f: Fixture, path: string, record: Record<string, unknown>, rehash = false): void {
  const r = rehash ? { ...record, hash: recordHash(sha256Hex, record as unknown as ChainRecord) } : record;
  f.fs.files.set(`${ROOT}/${path}`, JSON.stringify(r, null, 2));
}
