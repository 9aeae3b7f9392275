import { argoRule, canaryOf, present, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo C8: canary scaleDownDelaySeconds needs traffic routing. */
export const scaleDownDelayRule = argoRule({
  id: 'TG-ARGO-C8',
  title: 'scaleDownDelaySeconds needs traffic routing',
  description: 'Fires when `canary.scaleDownDelaySeconds` is set (even to 0) without `canary.trafficRouting`.',
  example: 'strategy:\n  canary:\n    scaleDownDelaySeconds: 30',
  fix: 'Remove `scaleDownDelaySeconds` or configure `trafficRouting`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const delay = present(canary, 'scaleDownDelaySeconds');
    if (!canary || !delay || trafficRoutingOf(canary)) return;
    ctx.report({ at: delay, message: `${delay.pathText}: Invalid value: ${delay.text() ?? ''}: Canary scaleDownDelaySeconds can only be used with traffic routing` });
  },
});
