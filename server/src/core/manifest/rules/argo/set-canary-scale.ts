import { argoRule, canaryOf, present, stepsOf, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo C15: setCanaryScale needs traffic routing. */
export const setCanaryScaleRule = argoRule({
  id: 'TG-ARGO-C15',
  title: 'setCanaryScale needs traffic routing',
  description: 'Fires for each canary step with `setCanaryScale` when the canary has no `trafficRouting` (without a router, scale is the weight).',
  example: 'strategy:\n  canary:\n    steps:\n      - setCanaryScale: {replicas: 3}',
  fix: 'Configure `trafficRouting`, or use `setWeight` instead.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    if (!canary || trafficRoutingOf(canary)) return;
    for (const step of stepsOf(canary)) {
      const s = present(step, 'setCanaryScale');
      if (s) ctx.report({ at: s, onKey: true, message: `${canary.pathText}.trafficRouting: Required value: SetCanaryScale requires TrafficRouting to be set (${s.pathText})` });
    }
  },
});
