import { replaceSpan } from '../../../yaml/edits';
import type { ManifestRule } from '../rule';
import { canaryModel, weightSteps } from './steps';

/**
 * TG-CAN-001. A setWeight lower than an earlier one sends traffic back to
 * stable in the middle of a rollout, which is almost always a typo (`50`
 * then `25` meant `75`). Sorting the steps would move pauses and analyses
 * away from the weights they verify, so the fix only raises the offending
 * weight to the highest earlier one.
 */
export const weightsNonDecreasingRule: ManifestRule = {
  id: 'TG-CAN-001',
  title: 'Canary weights never decrease',
  description: 'Fires on a canary `setWeight` lower than an earlier `setWeight` of the same step list: traffic would move back to the stable version mid-rollout.',
  example: 'steps:\n- setWeight: 50\n- pause: {duration: 5m}\n- setWeight: 25',
  fix: 'Order the weights so each `setWeight` is at least the one before it.',
  kinds: ['Rollout'],
  levels: ['warning', 'error', 'error'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    if (!model) return;
    let top: { weight: number; index: number } | undefined;
    for (const step of weightSteps(model)) {
      const w = step.weight ?? 0;
      if (top && w < top.weight && step.action) {
        ctx.report({
          at: step.action,
          message: `setWeight ${w} at ${step.action.pathText} is lower than setWeight ${top.weight} at steps[${top.index}]: traffic would move back to stable mid-rollout`,
          fixes: [{ title: `Raise to ${top.weight}`, edits: [replaceSpan(step.action.span, String(top.weight))] }],
        });
      }
      if (!top || w > top.weight) top = { weight: w, index: step.index };
    }
  },
};
