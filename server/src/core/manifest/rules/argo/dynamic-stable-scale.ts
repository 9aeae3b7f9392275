import { argoRule, canaryOf, goBool, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo C9: dynamicStableScale needs traffic routing. */
export const dynamicStableScaleRule = argoRule({
  id: 'TG-ARGO-C9',
  title: 'dynamicStableScale needs traffic routing',
  description: 'Fires when `canary.dynamicStableScale: true` is set without `canary.trafficRouting`.',
  example: 'strategy:\n  canary:\n    dynamicStableScale: true',
  fix: 'Remove `dynamicStableScale` or configure `trafficRouting`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    if (!canary || !goBool(canary, 'dynamicStableScale') || trafficRoutingOf(canary)) return;
    const c = canary.get('dynamicStableScale')!;
    ctx.report({ at: c, message: `${c.pathText}: Invalid value: true: Canary dynamicStableScale can only be used with traffic routing` });
  },
});
