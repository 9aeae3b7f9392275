/**
 * Several gates on one release at once — metrics or tasks of one run pair —
 * with Holm's family-wise correction (not in EVALSIG, which gated one
 * comparison at a time and left multiplicity to the user).
 *
 * Each member is compared at α/m, so its CI is a simultaneous (Bonferroni)
 * interval and its MDE is the conservative power plan for the strictest Holm
 * step; significance then uses Holm-adjusted p-values, which are never less
 * powerful than Bonferroni. The family verdict is the worst member verdict.
 */
import type { AlignedRuns } from '../runs/align';
import { holm } from '../stats/multiplicity';
import { compareAligned } from './compare';
import { decide, type GateOptions, type GateReport } from './gate';
import { VERDICT_EXIT, type Verdict, worstVerdict } from './verdict';

export interface FamilyMember {
  /** How the member is named in reports, e.g. `mmlu/acc`. */
  readonly label: string;
  readonly taskId: string;
  readonly metricName: string;
  readonly aligned: AlignedRuns;
}

export interface FamilyGateEntry {
  readonly label: string;
  readonly taskId: string;
  readonly metricName: string;
  /** Holm-adjusted p-value; the member's `report.comparison.pValue` stays raw. */
  readonly pAdjusted: number;
  readonly report: GateReport;
}

export interface FamilyGateReport {
  readonly verdict: Verdict;
  readonly exitCode: 0 | 1 | 2;
  readonly correction: 'holm';
  readonly alpha: number;
  readonly familySize: number;
  readonly gates: readonly FamilyGateEntry[];
}

export function gateFamily(members: readonly FamilyMember[], opts: GateOptions): FamilyGateReport {
  const { alpha = 0.05, power = 0.8, oneSided = true } = opts;
  const m = members.length;
  const comparisons = members.map((mem) => compareAligned(mem.aligned, { ...opts, alpha: alpha / m, power, oneSided }));
  const adjusted = holm(comparisons.map((c) => c.pValue));
  const gates = members.map((mem, i): FamilyGateEntry => {
    const c = comparisons[i];
    const pAdjusted = adjusted[i];
    const significant = pAdjusted < alpha && !(oneSided && c.delta <= 0);
    const report = decide({ ...c, significant }, opts.minDelta, alpha, power);
    return { label: mem.label, taskId: mem.taskId, metricName: mem.metricName, pAdjusted, report };
  });
  const verdict = worstVerdict(gates.map((g) => g.report.verdict));
  return { verdict, exitCode: VERDICT_EXIT[verdict], correction: 'holm', alpha, familySize: m, gates };
}
