import { argoRule, canaryOf, hasRouter, present, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo C11: maxTrafficWeight is an Nginx/plugin feature. */
export const maxTrafficWeightRule = argoRule({
  id: 'TG-ARGO-C11',
  title: 'maxTrafficWeight only with Nginx or plugins',
  description: 'Fires when `trafficRouting.maxTrafficWeight` is set but the traffic routing uses neither `nginx` nor `plugins`.',
  example: 'strategy:\n  canary:\n    trafficRouting:\n      maxTrafficWeight: 1000\n      istio: {virtualService: {name: web}}',
  fix: 'Remove `maxTrafficWeight` (weights are then out of 100) or route with Nginx or a plugin.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const tr = canary && trafficRoutingOf(canary);
    const max = present(tr, 'maxTrafficWeight');
    if (!tr || !max || hasRouter(tr, 'nginx') || hasRouter(tr, 'plugins')) return;
    ctx.report({ at: max, message: `${max.pathText}: Invalid value: ${max.text() ?? ''}: Canary maxTrafficWeight in traffic routing only supported in Nginx and Plugins` });
  },
});
