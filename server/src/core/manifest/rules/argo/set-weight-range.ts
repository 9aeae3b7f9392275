import { replaceSpan } from '../../../yaml/edits';
import { argoRule, canaryOf, goInt, stepsOf, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo's default `trafficRouting.maxTrafficWeight`. */
const DEFAULT_MAX_WEIGHT = 100;

/** Argo C13: setWeight within [0, maxTrafficWeight]. */
export const setWeightRangeRule = argoRule({
  id: 'TG-ARGO-C13',
  title: 'setWeight within range',
  description: 'Fires when a canary step\'s `setWeight` is below 0 or above `trafficRouting.maxTrafficWeight` (default 100).',
  example: 'steps:\n  - setWeight: 120',
  fix: 'Use a weight between 0 and the maximum traffic weight.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary; weightutil.MaxTrafficWeight)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    if (!canary) return;
    const tr = trafficRoutingOf(canary);
    const max = goInt(tr, 'maxTrafficWeight') ?? DEFAULT_MAX_WEIGHT;
    for (const step of stepsOf(canary)) {
      const w = goInt(step, 'setWeight');
      if (w === undefined || (w >= 0 && w <= max)) continue;
      const clamped = w < 0 ? 0 : max;
      const c = step.get('setWeight')!;
      ctx.report({
        at: c,
        message: `${c.pathText}: Invalid value: ${w}: SetWeight needs to be between 0 and ${max}`,
        fixes: [{ title: `Set the weight to ${clamped}`, edits: [replaceSpan(c.span, String(clamped))], preferred: true }],
      });
    }
  },
});
