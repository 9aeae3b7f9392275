/**
 * compare(): align two runs, pick and run a method, add the MDE and the
 * significance decision (EVALSIG `compare`, spec §2.2).
 */
import { DataError } from '../errors';
import { alignRuns, type AlignedRuns } from '../runs/align';
import type { RunFrame } from '../runs/run-frame';
import { clusterRobust, clusterRobustMde } from '../stats/cluster-robust';
import { estimateIcc, mde } from '../stats/mde';
import { mcnemar } from '../stats/mcnemar';
import { type Alternative, differences, type MethodOutcome } from '../stats/outcome';
import { pairedT } from '../stats/paired-t';
import { createResampler, type Resampler } from '../stats/resampler';
import { clusterBootstrap, pairedBootstrap, pairedPermutation } from '../stats/resampling-tests';

export const METHODS = ['auto', 'paired_t', 'paired_permutation', 'paired_bootstrap', 'mcnemar', 'cluster_bootstrap', 'cluster_robust'] as const;
export type MethodName = (typeof METHODS)[number];

export interface CompareOptions {
  method?: MethodName;
  /** Opt-in name for cluster-aware inference (EVALSIG `cluster=`); null = ignore cluster ids. */
  cluster?: string | null;
  alpha?: number;
  oneSided?: boolean;
  /** Target power for the MDE. */
  power?: number;
  resamples?: number;
  seed?: number | bigint;
  /** Injected for tests; defaults to the numpy-compatible fast resampler. */
  resampler?: (seed: number | bigint) => Resampler;
}

export interface ComparisonResult {
  readonly delta: number;
  readonly ci: readonly [number, number];
  readonly ciLevel: number;
  readonly pValue: number;
  readonly significant: boolean;
  readonly nPairs: number;
  readonly nClusters: number | null;
  readonly method: string;
  readonly mde: number;
  readonly notes: readonly string[];
}

export function compare(a: RunFrame, b: RunFrame, opts: CompareOptions = {}): ComparisonResult {
  return compareAligned(alignRuns(a, b), opts);
}

/** compare() on runs that are already aligned (also used by the multi-gate and the calibration study). */
export function compareAligned(aligned: AlignedRuns, opts: CompareOptions = {}): ComparisonResult {
  const { method = 'auto', cluster = null, alpha = 0.05, oneSided = false, power = 0.8 } = opts;
  const notes = [...aligned.notes];
  let clusters = aligned.clusters;
  if (cluster !== null && clusters === null) {
    notes.push(`cluster='${cluster}' requested but RunFrames carry no cluster_id; ignoring`);
  }
  if (cluster === null && clusters !== null) {
    notes.push('RunFrames carry cluster_id; pass cluster=<name> to opt into cluster-aware inference');
    clusters = null;
  }
  const chosen = method === 'auto' ? autoMethod(aligned.baseline, aligned.candidate, clusters) : method;
  const alternative: Alternative = oneSided ? 'greater' : 'two-sided';
  const ciLevel = 1.0 - alpha;
  const run = { ...aligned, clusters };
  const d = differences(aligned.baseline, aligned.candidate);
  const out = withDataErrors(() => runMethod(chosen, run, d, alternative, ciLevel, opts));
  const n = aligned.baseline.length;
  const mdeValue = methodMde(chosen, out, run.clusters, d, { alpha, power, oneSided, n });
  // One-sided "candidate better" also needs the observed delta to point that way.
  const significant = out.pValue < alpha && !(oneSided && out.delta <= 0);
  return {
    delta: out.delta,
    ci: out.ci,
    ciLevel,
    pValue: out.pValue,
    significant,
    nPairs: n,
    nClusters: out.nClusters ?? null,
    method: out.method,
    mde: mdeValue,
    notes,
  };
}

/** EVALSIG's automatic choice: clusters → cluster bootstrap; both sides 0/1 → McNemar; else permutation. */
export function autoMethod(a: Float64Array, b: Float64Array, clusters: readonly string[] | null): MethodName {
  if (clusters !== null) return 'cluster_bootstrap';
  if (isBinary(a) && isBinary(b)) return 'mcnemar';
  return 'paired_permutation';
}

function isBinary(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== 0 && x[i] !== 1) return false;
  return true;
}

/** d = candidate − baseline, per aligned item. */
function runMethod(
  method: MethodName,
  run: AlignedRuns,
  d: Float64Array,
  alt: Alternative,
  level: number,
  opts: CompareOptions,
): MethodOutcome & { se?: number; df?: number } {
  const rng = () => (opts.resampler ?? createResampler)(opts.seed ?? 0);
  const resamples = opts.resamples ?? 10_000;
  switch (method) {
    case 'paired_t': return pairedT(d, alt, level);
    case 'paired_permutation': return pairedPermutation(d, alt, level, rng(), resamples);
    case 'paired_bootstrap': return pairedBootstrap(d, alt, level, rng(), resamples);
    case 'mcnemar': return mcnemar(run.baseline, run.candidate, alt, level);
    case 'cluster_bootstrap': return clusterBootstrap(d, requireClusters(run, method), alt, level, rng(), resamples);
    case 'cluster_robust': return clusterRobust(d, requireClusters(run, method), alt, level);
    case 'auto': throw new Error('auto is resolved before dispatch');
  }
}

/** The resampling kernel signals inputs beyond its limits with RangeError; to a user that is bad data. */
function withDataErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError) throw new DataError(`cannot resample these runs: ${e.message}`);
    throw e;
  }
}

function requireClusters(run: AlignedRuns, method: string): readonly string[] {
  if (run.clusters === null) throw new DataError(`${method} requires cluster_id on both runs`);
  return run.clusters;
}

function methodMde(
  method: MethodName,
  out: MethodOutcome & { se?: number; df?: number },
  clusters: readonly string[] | null,
  d: Float64Array,
  p: { alpha: number; power: number; oneSided: boolean; n: number },
): number {
  if (method === 'cluster_robust') return clusterRobustMde(out.se ?? 0, out.df ?? 1, p.alpha, p.power, p.oneSided);
  // The ICC design effect applies to the cluster bootstrap only, as in EVALSIG.
  const icc = method === 'cluster_bootstrap' && clusters !== null ? estimateIcc(d, clusters) : null;
  return mde(out.sdDiff, p.n, { alpha: p.alpha, power: p.power, oneSided: p.oneSided, nClusters: out.nClusters ?? null, icc }).mde;
}
