/**
 * Minimum detectable effect, required sample size, power and the ICC
 * (EVALSIG `inference/mde.py`, `power.py`; spec §2.8). Expressions keep
 * EVALSIG's evaluation order so results agree to the last bit.
 */
import { DataError } from '../errors';
import { groupByCluster } from './clusters';
import { normalCdf, normalPpf } from './distributions';
import { npMean, pairwiseSum } from './pairwise-sum';

export interface MdeResult {
  readonly mde: number;
  readonly alpha: number;
  readonly power: number;
  readonly nPairs: number;
  readonly sdDiff: number;
  readonly nClusters: number | null;
  readonly icc: number | null;
  /** Kish design effect 1 + (m − 1)·ICC, when clusters were taken into account. */
  readonly deff: number | null;
}

export interface MdeOptions {
  alpha?: number;
  power?: number;
  oneSided?: boolean;
  nClusters?: number | null;
  icc?: number | null;
}

/** Critical value z_{1−α} (one-sided) or z_{1−α/2}. */
export function criticalZ(alpha: number, oneSided: boolean): number {
  return oneSided ? normalPpf(1 - alpha) : normalPpf(1 - alpha / 2);
}

/** MDE = (z_α + z_β) · sd / √n_eff, with n_eff = n / deff when clusters and an ICC are given. */
export function mde(sdDiff: number, nPairs: number, opts: MdeOptions = {}): MdeResult {
  const { alpha = 0.05, power = 0.8, oneSided = false, nClusters = null, icc = null } = opts;
  const base = { alpha, power, nPairs, sdDiff, nClusters, icc };
  if (sdDiff <= 0) return { ...base, mde: 0.0, deff: icc !== null ? 1.0 : null };
  if (nPairs < 2) return { ...base, mde: Infinity, deff: null };
  const zA = criticalZ(alpha, oneSided);
  const zB = normalPpf(power);
  let deff: number | null = null;
  let nEff = nPairs;
  if (nClusters && icc !== null && nClusters > 0) {
    const m = nPairs / nClusters;
    deff = 1.0 + (m - 1.0) * Math.max(icc, 0.0);
    nEff = nPairs / deff;
  }
  return { ...base, mde: ((zA + zB) * sdDiff) / Math.sqrt(nEff), deff };
}

export interface RequiredNOptions {
  alpha?: number;
  power?: number;
  oneSided?: boolean;
  icc?: number;
  meanClusterSize?: number;
}

/** Paired items needed to detect `targetDelta`: ceil(((z_α + z_β)·sd/δ)² · deff). */
export function requiredN(targetDelta: number, sdDiff: number, opts: RequiredNOptions = {}): number {
  const { alpha = 0.05, power = 0.8, oneSided = false, icc = 0.0, meanClusterSize = 1.0 } = opts;
  if (!(targetDelta > 0)) throw new DataError('target_delta must be > 0');
  const zA = criticalZ(alpha, oneSided);
  const zB = normalPpf(power);
  const n = (((zA + zB) * sdDiff) / targetDelta) ** 2;
  const deff = 1.0 + (meanClusterSize - 1.0) * Math.max(icc, 0.0);
  return Math.ceil(n * deff);
}

/** Power of the z-approximation to detect a true `delta` (EVALSIG `power_for_delta`). */
export function powerForDelta(delta: number, sdDiff: number, nPairs: number, opts: MdeOptions = {}): number {
  const { alpha = 0.05, oneSided = false, nClusters = null, icc = null } = opts;
  if (sdDiff <= 0 || nPairs < 2) return delta !== 0 ? 1.0 : alpha;
  let nEff = nPairs;
  if (nClusters && icc !== null && nClusters > 0) nEff = nPairs / (1.0 + (nPairs / nClusters - 1.0) * Math.max(icc, 0.0));
  const shift = (delta * Math.sqrt(nEff)) / sdDiff;
  const z = criticalZ(alpha, oneSided);
  if (oneSided) return 1.0 - normalCdf(z - shift);
  return 1.0 - normalCdf(z - shift) + normalCdf(-z - shift);
}

/**
 * One-way ANOVA ICC of the paired differences, clipped at 0 (EVALSIG
 * `estimate_icc`). Sums of squares accumulate cluster by cluster in a plain
 * loop, as EVALSIG's Python loop does; within a cluster numpy sums pairwise.
 */
export function estimateIcc(values: Float64Array, clusters: readonly string[]): number {
  const g = groupByCluster(values, clusters);
  const k = g.count;
  const n = values.length;
  if (k < 2 || n - k < 1) return 0.0;
  const overall = npMean(values);
  let ssBetween = 0.0;
  let ssWithin = 0.0;
  for (let j = 0; j < k; j++) {
    const start = g.offsets[j];
    const size = (g.offsets[j + 1]) - start;
    const groupMean = pairwiseSum(g.values, start, size) / size;
    ssBetween += size * (groupMean - overall) ** 2;
    const sq = new Float64Array(size);
    for (let i = 0; i < size; i++) sq[i] = ((g.values[start + i]) - groupMean) ** 2;
    ssWithin += pairwiseSum(sq);
  }
  const msBetween = ssBetween / (k - 1);
  const msWithin = ssWithin / (n - k);
  const m = n / k;
  const denom = msBetween + (m - 1) * msWithin;
  if (denom <= 0) return 0.0;
  return Math.max((msBetween - msWithin) / denom, 0.0);
}
