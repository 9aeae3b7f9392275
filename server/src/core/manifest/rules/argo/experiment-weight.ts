import { argoRule, canaryOf, hasRouter, present, stepsOf, trafficRoutingOf, VALIDATION_GO } from './common';

const NO_ROUTING = 'Experiment template weight cannot be set unless TrafficRouting is enabled';
const WRONG_ROUTER = 'Experiment template weight is only available for TrafficRouting with SMI, ALB, Istio and Plugins at this time';

/** Argo C19: experiment template weights need a weight-capable router. */
export const experimentWeightRule = argoRule({
  id: 'TG-ARGO-C19',
  title: 'Experiment weight needs SMI, ALB, Istio or plugins',
  description: 'Fires when an experiment step\'s `templates[].weight` is set without `trafficRouting`, or with a router other than SMI, ALB, Istio or plugins.',
  example: 'steps:\n  - experiment:\n      templates:\n        - {name: exp, specRef: canary, weight: 20}',
  fix: 'Remove the template `weight`, or route with SMI, ALB, Istio or a plugin.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    if (!canary) return;
    const tr = trafficRoutingOf(canary);
    const capable = ['alb', 'smi', 'istio', 'plugins'].some((r) => hasRouter(tr, r));
    if (tr && capable) return;
    for (const step of stepsOf(canary)) {
      for (const t of present(step, 'experiment')?.get('templates')?.items() ?? []) {
        const w = present(t, 'weight');
        if (w) ctx.report({ at: w, message: `${w.pathText}: Invalid value: ${w.text() ?? ''}: ${tr ? WRONG_ROUTER : NO_ROUTING}` });
      }
    }
  },
});
