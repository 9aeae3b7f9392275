import { argoRule, canaryOf, hasRouter, present, stepsOf, trafficRoutingOf, VALIDATION_GO } from './common';
import { stringMatchProblem } from './string-match';

/** Argo C16: header routing needs Istio, ALB, Apisix or a plugin, and well-formed matches. */
export const setHeaderRouteRule = argoRule({
  id: 'TG-ARGO-C16',
  title: 'setHeaderRoute supported and well-formed',
  description: 'Fires when a `setHeaderRoute` step is used without Istio, ALB, Apisix or plugin traffic routing, or when a `match[].headerValue` does not set exactly one of exact/regex/prefix (with ALB: only `exact`).',
  example: 'steps:\n  - setHeaderRoute:\n      name: hdr\n      match:\n        - headerName: x-canary\n          headerValue: {exact: "yes", prefix: "y"}',
  fix: 'Route with Istio, ALB, Apisix or a plugin, and give each header match exactly one of exact, regex, prefix.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary, hasMultipleMatchValues, hasALBInvalidValues)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    if (!canary) return;
    const tr = trafficRoutingOf(canary);
    const supported = ['istio', 'alb', 'apisix', 'plugins'].some((r) => hasRouter(tr, r));
    const alb = hasRouter(tr, 'alb');
    for (const step of stepsOf(canary)) {
      const route = present(step, 'setHeaderRoute');
      if (!route) continue;
      if (!supported) {
        ctx.report({ at: route, onKey: true, message: `${route.pathText}: Invalid value: SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix` });
        continue;
      }
      for (const m of route.get('match')?.items() ?? []) {
        const value = present(m, 'headerValue');
        const problem = stringMatchProblem(value, alb);
        if (problem) ctx.report({ at: value ?? m.get('headerValue') ?? m.entries()[0]?.[1] ?? m, onKey: !value, message: `${m.pathText}: Invalid value: ${problem}` });
      }
    }
  },
});
