import type { Cursor } from '../../../yaml/cursor';
import type { ManifestRule, RuleContext } from '../rule';
import { basicCanarySplit, resolveMaxSurge } from './replica-split';
import { canaryModel, weightSteps } from './steps';

/** How far (percentage points, or this fraction of the weight if larger) the pod share may stray before we say so. */
const ABSOLUTE_TOLERANCE = 2;
const RELATIVE_TOLERANCE = 0.2;

/**
 * TG-CAN-005. Without trafficRouting a canary weight is only a pod ratio, and
 * with few replicas that ratio can be far from the number in the manifest
 * (argo-rollouts #2281): `setWeight: 5` with 3 replicas runs 1 canary pod
 * beside 3 stable ones, a quarter of the traffic.
 */
export const replicaWeightApproximationRule: ManifestRule = {
  id: 'TG-CAN-005',
  title: 'setWeight reachable with the replica count',
  description:
    "Fires, for a canary without `trafficRouting`, on each `setWeight` whose real pod share (Argo's replica arithmetic with `replicas` and `maxSurge`) differs from the weight by more than 2 points and more than a fifth of the weight.",
  example: 'replicas: 3\nstrategy:\n  canary:\n    steps:\n    - setWeight: 5',
  fix: 'Add `trafficRouting`, or raise `replicas` so the weights are reachable as pod ratios.',
  source: 'argo-rollouts utils/replicaset/canary.go (CalculateReplicaCountsForBasicCanary)',
  kinds: ['Rollout'],
  levels: ['info', 'warning', 'warning'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    if (!model || model.trafficRouting) return;
    const replicasCursor = model.spec.get('replicas');
    const replicas = replicasCursor === undefined || replicasCursor.isNull ? 1 : replicasCursor.num();
    if (replicas === undefined || !Number.isInteger(replicas) || replicas <= 0) return;
    const surge = resolveMaxSurge(model.canary.get('maxSurge'), replicas);
    if (surge === undefined) return;
    const note = replicasCursor === undefined ? ' (replicas defaults to 1)' : '';
    const seen = new Set<number>();
    for (const step of weightSteps(model)) {
      const w = step.weight ?? 0;
      if (w <= 0 || w >= 100 || seen.has(w) || !step.action) continue;
      seen.add(w);
      reportIfOff(ctx, step.action, w, replicas, surge, note);
    }
  },
};

function reportIfOff(ctx: RuleContext, at: Cursor, weight: number, replicas: number, surge: number, note: string): void {
  const { canary, stable } = basicCanarySplit(replicas, weight, surge);
  const total = canary + stable;
  if (total === 0) return;
  const share = (canary * 100) / total;
  if (Math.abs(share - weight) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * weight)) return;
  const pct = Number.isInteger(share) ? String(share) : share.toFixed(1);
  ctx.report({
    at,
    message: `setWeight ${weight} with ${replicas} replica${replicas === 1 ? '' : 's'}${note} runs ${canary} canary pod${canary === 1 ? '' : 's'} beside ${stable} stable = ${pct}% of pods, not ${weight}% (no trafficRouting: the weight is approximated by pod counts)`,
  });
}
