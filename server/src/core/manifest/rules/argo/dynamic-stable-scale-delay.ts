import { argoRule, canaryOf, goBool, present, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo C10: dynamicStableScale and scaleDownDelaySeconds exclude each other. */
export const dynamicStableScaleDelayRule = argoRule({
  id: 'TG-ARGO-C10',
  title: 'dynamicStableScale without scaleDownDelaySeconds',
  description: 'Fires when a canary with `trafficRouting` sets both `dynamicStableScale: true` and `scaleDownDelaySeconds`.',
  example: 'strategy:\n  canary:\n    dynamicStableScale: true\n    scaleDownDelaySeconds: 30\n    trafficRouting:\n      nginx: {stableIngress: web}',
  fix: 'Remove one of `dynamicStableScale` and `scaleDownDelaySeconds`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    if (!canary || !trafficRoutingOf(canary) || !goBool(canary, 'dynamicStableScale') || !present(canary, 'scaleDownDelaySeconds')) return;
    const c = canary.get('dynamicStableScale')!;
    ctx.report({ at: c, message: `${c.pathText}: Invalid value: true: Canary dynamicStableScale cannot be used with scaleDownDelaySeconds` });
  },
});
