/**
 * Analytic cluster-robust inference for the mean paired difference — not in
 * EVALSIG; selected with `--method cluster_robust`.
 *
 * The estimate is the mean of d. Its variance is the CR1 sandwich: with
 * cluster residual totals e_g = Σ_{i∈g} (d_i − d̄),
 *     V = G/(G−1) · Σ_g e_g² / n²
 * (Stata's small-sample factor G/(G−1)·(n−1)/(n−K) with K = 1 regressor), and
 * inference uses Student t with G − 1 degrees of freedom (Cameron & Miller
 * 2015; Miller 2024, "Adding Error Bars to Evals"). With one item per cluster
 * V = s²/n and this is exactly the paired t test — a property the tests check.
 */
import { DataError } from '../errors';
import { groupByCluster } from './clusters';
import { studentTPpf } from './distributions';
import { type Alternative, checkPaired, type MethodOutcome } from './outcome';
import { tInference } from './paired-t';
import { npMean, npStd } from './pairwise-sum';

export interface ClusterRobustOutcome extends MethodOutcome {
  /** Cluster-robust standard error of the mean difference. */
  readonly se: number;
  /** Degrees of freedom of the t reference distribution: G − 1. */
  readonly df: number;
}

export function clusterRobust(d: Float64Array, clusters: readonly string[], alt: Alternative, ciLevel: number): ClusterRobustOutcome {
  checkPaired(d.length);
  const n = d.length;
  const mean = npMean(d);
  const g = groupByCluster(d, clusters);
  if (g.count < 2) throw new DataError(`cluster_robust needs at least 2 clusters, got ${g.count}`);
  let meat = 0;
  for (let k = 0; k < g.count; k++) {
    let e = 0;
    for (let i = g.offsets[k]; i < (g.offsets[k + 1]); i++) e += (g.values[i]) - mean;
    meat += e * e;
  }
  const variance = ((g.count / (g.count - 1)) * meat) / (n * n);
  const se = Math.sqrt(variance);
  const df = g.count - 1;
  const base = { method: 'cluster_robust', sdDiff: npStd(d, 1), nClusters: g.count, se, df };
  if (se === 0) return { ...base, delta: mean, ci: [mean, mean], pValue: mean === 0 ? 1.0 : 0.0 };
  return { ...base, ...tInference(mean, se, df, alt, ciLevel) };
}

/**
 * MDE for the cluster-robust method: (t_{1−α(/2), G−1} + t_{power, G−1}) · SE.
 * Using the robust SE itself (instead of sd/√n_eff from an ICC) keeps the MDE
 * consistent with the test that is actually run, and t quantiles keep it
 * honest when there are few clusters.
 */
export function clusterRobustMde(se: number, df: number, alpha: number, power: number, oneSided: boolean): number {
  if (se <= 0) return 0.0;
  const tA = studentTPpf(oneSided ? 1 - alpha : 1 - alpha / 2, df);
  return (tA + studentTPpf(power, df)) * se;
}
