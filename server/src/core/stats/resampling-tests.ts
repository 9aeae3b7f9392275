/**
 * The resampling methods (spec §2.4, §2.5, §2.7). All draws come from one
 * numpy-compatible stream per call, in EVALSIG's order, so p-values and CIs
 * are bit-identical to EVALSIG's for the same seed; memory stays O(n + R)
 * because the kernel never holds an R × n matrix.
 */
import { type Alternative, checkPaired, ciQuantiles, type MethodOutcome } from './outcome';
import { npMean, npStd } from './pairwise-sum';
import { quantileLinear, sortFloat64 } from './quantile';
import type { Resampler } from './resampler';
import { groupByCluster } from './clusters';

/** Percentile CI from bootstrap means (EVALSIG: `np.quantile(boot_means, q)`; 0/1 → ∓∞). */
export function percentileCi(boot: Float64Array, level: number, alt: Alternative): [number, number] {
  const sorted = sortFloat64(boot);
  const [qLo, qHi] = ciQuantiles(level, alt);
  return [qLo > 0 ? quantileLinear(sorted, qLo) : -Infinity, qHi < 1 ? quantileLinear(sorted, qHi) : Infinity];
}

/** Share of bootstrap means at least as extreme as observed once centred at it, floored at 1/(R+1). */
export function centredBootstrapP(boot: Float64Array, observed: number, alt: Alternative): number {
  let count = 0;
  for (let r = 0; r < boot.length; r++) {
    const c = (boot[r]) - observed;
    if (alt === 'two-sided' ? Math.abs(c) >= Math.abs(observed) : alt === 'greater' ? c >= observed : c <= observed) count++;
  }
  return Math.max(count / boot.length, 1.0 / (boot.length + 1));
}

/** Sign-flip permutation test; the CI comes from a paired bootstrap drawn next from the same stream. */
export function pairedPermutation(d: Float64Array, alt: Alternative, level: number, rng: Resampler, resamples: number): MethodOutcome {
  checkPaired(d.length);
  const observed = npMean(d);
  const sd = npStd(d, 1);
  const nullMeans = rng.signFlipMeans(d, resamples);
  let count = 0;
  for (let r = 0; r < resamples; r++) {
    const m = nullMeans[r];
    if (alt === 'two-sided' ? Math.abs(m) >= Math.abs(observed) : alt === 'greater' ? m >= observed : m <= observed) count++;
  }
  const pValue = (count + 1) / (resamples + 1);
  const ci = percentileCi(rng.bootstrapMeans(d, resamples), level, alt);
  return { delta: observed, ci, pValue, method: 'paired_permutation', sdDiff: sd };
}

export function pairedBootstrap(d: Float64Array, alt: Alternative, level: number, rng: Resampler, resamples: number): MethodOutcome {
  checkPaired(d.length);
  const observed = npMean(d);
  const sd = npStd(d, 1);
  const boot = rng.bootstrapMeans(d, resamples);
  const ci = percentileCi(boot, level, alt);
  return { delta: observed, ci, pValue: centredBootstrapP(boot, observed, alt), method: 'paired_bootstrap', sdDiff: sd };
}

/** Resamples whole clusters (EVALSIG `cluster_bootstrap_ci`): each resample's size varies with cluster sizes. */
export function clusterBootstrap(
  d: Float64Array,
  clusters: readonly string[],
  alt: Alternative,
  level: number,
  rng: Resampler,
  resamples: number,
): MethodOutcome {
  checkPaired(d.length);
  const observed = npMean(d);
  const sd = npStd(d, 1);
  const groups = groupByCluster(d, clusters);
  const boot = rng.clusterBootstrapMeans(groups.values, groups.offsets, resamples);
  const ci = percentileCi(boot, level, alt);
  return {
    delta: observed,
    ci,
    pValue: centredBootstrapP(boot, observed, alt),
    method: 'cluster_bootstrap',
    sdDiff: sd,
    nClusters: groups.count,
  };
}
