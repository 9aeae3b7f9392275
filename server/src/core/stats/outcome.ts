/**
 * What every inference method returns, and the small rules they share
 * (EVALSIG `_ci_from_alt`, `check_paired`).
 */
import { DataError } from '../errors';

export type Alternative = 'two-sided' | 'greater' | 'less';

export interface MethodOutcome {
  /** Observed mean paired difference (candidate − baseline). */
  readonly delta: number;
  readonly ci: readonly [number, number];
  readonly pValue: number;
  /** The name EVALSIG reports (`paired_t`, `mcnemar_exact`, …). */
  readonly method: string;
  /** SD of the paired differences, the MDE's input. */
  readonly sdDiff: number;
  /** Number of clusters, for the cluster-aware methods. */
  readonly nClusters?: number;
}

/**
 * Quantiles of the CI for an alternative (EVALSIG `_ci_from_alt`). Evaluated
 * literally in doubles: with level 0.95, (1 − level)/2 is 0.025000000000000022,
 * and that exact value decides which bootstrap order statistics are used.
 */
export function ciQuantiles(level: number, alt: Alternative): [number, number] {
  if (alt === 'two-sided') {
    const a = (1 - level) / 2;
    return [a, 1 - a];
  }
  if (alt === 'greater') return [1 - level, 1.0];
  return [0.0, level];
}

/** EVALSIG `check_paired`: the paired and cluster methods need n ≥ 2. */
export function checkPaired(n: number): void {
  if (n < 2) throw new DataError(`need at least 2 paired observations, got ${n}`);
}

/** d = b − a elementwise (IEEE subtraction, as numpy). */
export function differences(a: Float64Array, b: Float64Array): Float64Array {
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = (b[i]) - (a[i]);
  return d;
}
