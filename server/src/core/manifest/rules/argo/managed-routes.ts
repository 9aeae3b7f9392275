import { argoRule, canaryOf, goString, stepsOf, present, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo C18: header/mirror route steps need their route in `managedRoutes`. */
export const managedRoutesRule = argoRule({
  id: 'TG-ARGO-C18',
  title: 'Route steps listed in managedRoutes',
  description: 'Fires when a `setHeaderRoute`/`setMirrorRoute` step is used with `trafficRouting` but `trafficRouting.managedRoutes` is missing, or when the step\'s route `name` is not one of the managed routes.',
  example: 'strategy:\n  canary:\n    trafficRouting:\n      istio: {virtualService: {name: web}}\n    steps:\n      - setHeaderRoute: {name: hdr}',
  fix: 'List the route under `trafficRouting.managedRoutes` (`- name: hdr`).',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary, ValidateStepRouteFoundInManagedRoute)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const tr = canary && trafficRoutingOf(canary);
    if (!canary || !tr) return;
    const managed = present(tr, 'managedRoutes');
    const names = new Set((managed?.items() ?? []).map((r) => goString(r, 'name')));
    for (const step of stepsOf(canary)) {
      for (const kind of ['setHeaderRoute', 'setMirrorRoute']) {
        const route = present(step, kind);
        if (!route) continue;
        if (!managed) {
          ctx.report({ at: route, onKey: true, message: `${tr.pathText}.managedRoutes: Required value: Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes' (used by ${route.pathText})` });
          continue;
        }
        const name = goString(route, 'name');
        if (names.has(name)) continue;
        const nameC = route.get('name');
        ctx.report({ at: nameC && !nameC.isNull ? nameC : route, onKey: !nameC || nameC.isNull, message: `${route.pathText}: Invalid value: ${JSON.stringify(name)}: Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes` });
      }
    }
  },
});
