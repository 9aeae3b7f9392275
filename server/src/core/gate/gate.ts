/**
 * The release gate (EVALSIG `gate`, spec §3): a comparison plus a minimum
 * effect policy gives ALLOW / REJECT / INCONCLUSIVE.
 *
 *   1. significant and delta ≥ min_delta          → ALLOW (0)
 *   2. not significant and MDE > min_delta        → INCONCLUSIVE (2): too small to tell
 *   3. otherwise                                  → REJECT (1)
 */
import type { AlignedRuns } from '../runs/align';
import { alignRuns } from '../runs/align';
import type { RunFrame } from '../runs/run-frame';
import { pyFixed, pyGrouped, pyPercent } from '../text/python-format';
import { compareAligned, type CompareOptions, type ComparisonResult } from './compare';
import { VERDICT_EXIT, type Verdict } from './verdict';

export interface GateOptions extends CompareOptions {
  /** The smallest improvement worth shipping, in score units. */
  minDelta: number;
}

export interface GateReport {
  readonly verdict: Verdict;
  readonly exitCode: 0 | 1 | 2;
  readonly comparison: ComparisonResult;
  readonly minDelta: number;
  readonly alpha: number;
  readonly power: number;
  readonly suggestion: string | null;
}

/** Gate with EVALSIG's defaults: one-sided unless `oneSided: false`. */
export function gate(a: RunFrame, b: RunFrame, opts: GateOptions): GateReport {
  return gateAligned(alignRuns(a, b), opts);
}

export function gateAligned(aligned: AlignedRuns, opts: GateOptions): GateReport {
  const { alpha = 0.05, power = 0.8, oneSided = true } = opts;
  const comparison = compareAligned(aligned, { ...opts, alpha, power, oneSided });
  return decide(comparison, opts.minDelta, alpha, power);
}

/** Turns a comparison into a verdict under a min-delta policy. */
export function decide(c: ComparisonResult, minDelta: number, alpha: number, power: number): GateReport {
  let verdict: Verdict;
  let suggestion: string | null = null;
  if (c.significant && c.delta >= minDelta) {
    verdict = 'ALLOW';
  } else if (!c.significant && c.mde > minDelta) {
    verdict = 'INCONCLUSIVE';
    suggestion = underpoweredSuggestion(c, minDelta, power);
  } else {
    verdict = 'REJECT';
    if (c.significant && c.delta < minDelta) {
      suggestion = `effect is statistically real (p=${pyFixed(c.pValue, 4)}) but below the minimum-delta policy of ${pyFixed(minDelta, 4)}.`;
    }
  }
  return { verdict, exitCode: VERDICT_EXIT[verdict], comparison: c, minDelta, alpha, power, suggestion };
}

/**
 * Required N scales with (MDE / min_delta)². Fixed: EVALSIG divided by zero
 * (exit 70) when min_delta was 0, and for a negative min_delta told users to
 * collect a negative number of items. With min_delta ≤ 0 the gate asks for
 * "any improvement", which no finite sample can rule in or out, and the
 * suggestion now says so.
 */
function underpoweredSuggestion(c: ComparisonResult, minDelta: number, power: number): string {
  const head = `underpowered: detectable effect at ${pyPercent(power, 0)} power is ${pyFixed(c.mde, 4)}, but you asked to detect ${pyFixed(minDelta, 4)}.`;
  const suggested = Math.ceil(c.nPairs * (c.mde / minDelta) ** 2);
  if (minDelta <= 0 || !Number.isFinite(suggested)) {
    return `${head} no finite number of paired items can detect an effect of zero or less; set --min-delta to the smallest improvement worth shipping and re-run.`;
  }
  return `${head} collect ~${pyGrouped(suggested - c.nPairs)} more paired items (total ~${pyGrouped(suggested)}) and re-run.`;
}
