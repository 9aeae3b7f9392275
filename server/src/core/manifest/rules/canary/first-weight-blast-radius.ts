import { replaceSpan } from '../../../yaml/edits';
import type { ManifestRule } from '../rule';
import { canaryModel, weightSteps } from './steps';

/**
 * TG-CAN-003. The first non-zero setWeight is the blast radius: the share of
 * traffic the unverified version gets. `setWeight: 0` (experiment first) is
 * skipped because it exposes no one.
 */
export const firstWeightBlastRadiusRule: ManifestRule = {
  id: 'TG-CAN-003',
  title: 'First canary step within the blast radius',
  description: "Fires when the first non-zero canary `setWeight` is above the policy's `canary.maxFirstWeight` for the workload's tier (default 5%, tier 0: 25%).",
  example: 'steps:\n- setWeight: 50\n- pause: {duration: 10m}',
  fix: "Lower the first `setWeight` to the tier's maximum first weight or below.",
  kinds: ['Rollout'],
  levels: ['off', 'warning', 'error'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    const first = model ? weightSteps(model).find((s) => (s.weight ?? 0) > 0) : undefined;
    const limit = ctx.settings.canary.maxFirstWeight;
    if (!first?.action || (first.weight ?? 0) <= limit) return;
    ctx.report({
      at: first.action,
      message: `first setWeight ${first.weight}% (${first.action.pathText}) exceeds the tier-${ctx.tier} blast-radius limit of ${limit}% (policy canary.maxFirstWeight)`,
      fixes: [{ title: `Lower to ${limit}`, edits: [replaceSpan(first.action.span, String(limit))], preferred: true }],
    });
  },
};
