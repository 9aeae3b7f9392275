/**
 * What `gate --store` and `audit capture` record: both runs of a gated pair,
 * the candidate carrying the verdict, delta and p-value and the baseline as
 * its parent (EVALSIG's RunRecord fields), then the candidate's CI, MDE and
 * gate parameters in Tollgate's sidecar (gate-details.ts).
 */
import { DataError } from '../errors';
import type { GateReport } from '../gate/gate';
import type { RunFrame } from '../runs/run-frame';
import { gateDetailOf } from './gate-details';
import type { RunRecord } from './manifest';
import type { RunStore } from './run-store';

export interface GatedPair {
  readonly baseline: RunFrame;
  readonly candidate: RunFrame;
  /** The files they were read from, for error messages. */
  readonly baselineFile?: string;
  readonly candidateFile?: string;
}

/**
 * Stores the baseline (unless a run with its id is already stored: its own
 * verdict from an earlier gate is kept) and then the candidate with the outcome.
 */
export async function recordGate(store: RunStore, project: string, pair: GatedPair, report: GateReport): Promise<{ baseline: RunRecord; candidate: RunRecord }> {
  const { baseline, candidate } = pair;
  if (baseline.runId === candidate.runId) {
    throw new DataError(`baseline and candidate have the same run id ${JSON.stringify(baseline.runId)}; the store keys runs by id, so give each run its own`, pair.candidateFile);
  }
  const c = report.comparison;
  const stored = {
    baseline: await store.writeRun(project, baseline, { sourceFile: pair.baselineFile, ifAbsent: true }),
    candidate: await store.writeRun(project, candidate, {
      verdict: report.verdict,
      delta: c.delta,
      pValue: c.pValue,
      parentRunId: baseline.runId,
      sourceFile: pair.candidateFile,
    }),
  };
  // After the run: a crash in between leaves a run without details (history shows no CI), never details without a run.
  await store.writeGateDetails(project, [gateDetailOf(stored.candidate.runId, report)]);
  return stored;
}
