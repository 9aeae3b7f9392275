import { argoRule, canaryOf, hasRouter, present, stepsOf, trafficRoutingOf, VALIDATION_GO } from './common';
import { stringMatchProblem } from './string-match';

/** Argo C17: mirror routing needs Istio or a plugin, and well-formed method/path matches. */
export const setMirrorRouteRule = argoRule({
  id: 'TG-ARGO-C17',
  title: 'setMirrorRoute supported and well-formed',
  description: 'Fires when a `setMirrorRoute` step is used without Istio or plugin traffic routing, or when a `match[].method`/`match[].path` does not set exactly one of exact/regex/prefix.',
  example: 'steps:\n  - setMirrorRoute:\n      name: mirror\n      match:\n        - method: {}',
  fix: 'Route with Istio or a plugin, and give each method/path match exactly one of exact, regex, prefix.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary, hasMultipleMatchValues)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    if (!canary) return;
    const tr = trafficRoutingOf(canary);
    const supported = hasRouter(tr, 'istio') || hasRouter(tr, 'plugins');
    for (const step of stepsOf(canary)) {
      const route = present(step, 'setMirrorRoute');
      if (!route) continue;
      if (!supported) ctx.report({ at: route, onKey: true, message: `${route.pathText}: Invalid value: SetMirrorRoute requires TrafficRouting, supports Istio and Plugins` });
      for (const m of route.get('match')?.items() ?? []) {
        for (const key of ['method', 'path']) {
          const value = present(m, key);
          const problem = value && stringMatchProblem(value, false);
          if (value && problem) ctx.report({ at: value, onKey: true, message: `${m.pathText}: Invalid value: ${problem} (${key})` });
        }
      }
    }
  },
});
