/**
 * Audit capture for the Node adapters (CLI and language server): after a
 * gate has run, store both runs of every gated pair and append the envelope,
 * then sign it when a signer is configured. The caller runs the gate (with
 * its own flags or settings) and renders the report; this module owns the
 * evidence side so both adapters record exactly the same thing.
 */
import { DataError } from '../core/errors';
import { type AuditEnvelope, captureEnvelope, type EvidenceContext, type InputDigest, type JsonObject, type StoredRunRef, type ToolInfo } from '../core/evidence';
import type { GateReport } from '../core/gate/gate';
import type { Verdict } from '../core/gate/verdict';
import type { RunFrame } from '../core/runs/run-frame';
import { gateDetailOf, openRunStore, recordGate, type RunStore } from '../core/store';
import { joinPath } from '../core/store/ports';
import { nodeFileHasher } from './file-hash';
import { lazyParquetCodec } from './load-parquet-codec';
import { type SignResult, signFile } from './signer';

/** One gated pair: its files, its runs as read, and its gate report. */
export interface GatedPair {
  readonly baselinePath: string;
  readonly candidatePath: string;
  readonly baseline: RunFrame;
  readonly candidate: RunFrame;
  readonly report: GateReport;
}

export interface AuditCaptureRequest {
  readonly root: string;
  readonly project: string;
  readonly verdict: Verdict;
  readonly exitCode: number;
  /** The full report (single gate or family) as plain JSON. */
  readonly report: JsonObject;
  readonly pairs: readonly GatedPair[];
  /** Digests taken before the gate read the files (see hashRunFiles). */
  readonly inputs: readonly InputDigest[];
  readonly parameters: JsonObject;
  readonly tool: ToolInfo;
  readonly gitCommit: string | null;
  readonly capturedBy: string;
  readonly releaseId?: string;
  readonly changeTicket?: string;
  readonly approvedBy?: string;
  /** argv with {file}/{sig}; run only when `trusted`. */
  readonly signCommand?: readonly string[];
  readonly trusted: boolean;
}

export interface AuditCaptureResult {
  readonly envelope: AuditEnvelope;
  /** The envelope file (root joined with its relative path). */
  readonly file: string;
  readonly signature?: SignResult;
}

/** SHA-256 and size of both files of every pair, baseline first. */
export async function hashRunFiles(pairs: readonly { readonly baseline: string; readonly candidate: string }[]): Promise<InputDigest[]> {
  const hasher = nodeFileHasher();
  const out: InputDigest[] = [];
  for (const pair of pairs) {
    for (const role of ['baseline', 'candidate'] as const) {
      const d = await hasher.hashFile(pair[role]);
      if (d === undefined) throw new DataError('no such file', pair[role]);
      out.push({ role, path: pair[role], ...d });
    }
  }
  return out;
}

/** Throws a DataError when a file changed between two hashRunFiles calls (the gate read other bytes than recorded). */
export function checkUnchanged(before: readonly InputDigest[], after: readonly InputDigest[]): void {
  const changed = before.find((b, i) => b.sha256 !== after[i]?.sha256);
  if (changed) throw new DataError('changed while it was being gated; capture again when it is stable', changed.path);
}

/** Stores the runs, appends the envelope, links the gated runs to it, signs it if asked. */
export async function captureAudit(ctx: EvidenceContext, req: AuditCaptureRequest): Promise<AuditCaptureResult> {
  const store = openRunStore({ fs: ctx.fs, codec: lazyParquetCodec, clock: ctx.clock }, req.root);
  const runs = await storeRuns(store, req);
  const { record, path } = await captureEnvelope(ctx, req.root, {
    releaseId: req.releaseId,
    verdict: req.verdict,
    exitCode: req.exitCode,
    report: req.report,
    inputs: req.inputs,
    parameters: req.parameters,
    runs,
    tool: req.tool,
    gitCommit: req.gitCommit,
    capturedBy: req.capturedBy,
    changeTicket: req.changeTicket,
    approvedBy: req.approvedBy,
  });
  // Only now is the envelope's id known: history shows it next to each gated candidate.
  await store.writeGateDetails(req.project, req.pairs.map((p) => gateDetailOf(p.candidate.runId, p.report, { id: record.id, path })));
  const file = joinPath(req.root, path);
  const signature = req.signCommand ? await signFile(file, { command: req.signCommand, trusted: req.trusted }) : undefined;
  return { envelope: record, file, signature };
}

/** Both runs of every pair, as `gate --store` records them (the candidate carries the outcome, the baseline is its parent). */
async function storeRuns(store: RunStore, req: AuditCaptureRequest): Promise<StoredRunRef[]> {
  const refs: StoredRunRef[] = [];
  for (const p of req.pairs) {
    const pair = { baseline: p.baseline, candidate: p.candidate, baselineFile: p.baselinePath, candidateFile: p.candidatePath };
    const stored = await recordGate(store, req.project, pair, p.report);
    refs.push({ role: 'baseline', project: req.project, run_id: stored.baseline.runId }, { role: 'candidate', project: req.project, run_id: stored.candidate.runId });
  }
  return refs;
}
