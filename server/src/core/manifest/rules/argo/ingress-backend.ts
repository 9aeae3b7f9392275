import type { Cursor } from '../../../yaml/cursor';
import type { ManifestDoc } from '../../manifest-doc';
import { argoRule, canaryOf, goString, present, REFERENCES_GO, trafficRoutingOf } from './common';

/** Names of ingresses a router block lists (`single` string and `multi` list). */
function ingressNames(block: Cursor, single: string, multi: string): Cursor[] {
  const one = present(block, single);
  return [...(one?.str() ? [one] : []), ...(block.get(multi)?.items() ?? []).filter((c) => c.str())];
}

/** Whether any rule path of the Ingress (networking/v1 or extensions/v1beta1) routes to `service`. */
export function hasRuleWithService(ingress: ManifestDoc, service: string): boolean {
  for (const rule of ingress.root.at('spec', 'rules')?.items() ?? []) {
    for (const path of rule.at('http', 'paths')?.items() ?? []) {
      const backend = path.get('backend');
      if (backend?.at('service', 'name')?.str() === service || backend?.get('serviceName')?.str() === service) return true;
    }
  }
  return false;
}

/** Argo R7: the stable Ingress must route to the stable (or ALB root) Service. */
export const ingressBackendRule = argoRule({
  id: 'TG-ARGO-R7',
  title: 'Ingress routes to the stable service',
  description: 'Fires when an Nginx `stableIngress(es)` or ALB `ingress(es)` named by the Rollout is in the workspace and none of its rules has a backend on `stableService` (ALB: `rootService` when set). The controller checks this by name; `kubectl argo rollouts lint` only when the Ingress already routes to that Service, so lint misses it.',
  example: 'trafficRouting:\n  nginx: {stableIngress: web}   # Ingress web routes to web-root, stableService is web-stable',
  fix: 'Point an Ingress rule\'s backend at the stable (or root) Service.',
  source: `${REFERENCES_GO} (ValidateIngress)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const tr = canary && trafficRoutingOf(canary);
    if (!canary || !tr) return;
    const stable = goString(canary, 'stableService');
    const nginx = present(tr, 'nginx');
    const alb = present(tr, 'alb');
    const checks: [Cursor, string][] = [
      ...(nginx ? ingressNames(nginx, 'stableIngress', 'stableIngresses').map((c): [Cursor, string] => [c, stable]) : []),
      ...(alb ? ingressNames(alb, 'ingress', 'ingresses').map((c): [Cursor, string] => [c, goString(alb, 'rootService') || stable]) : []),
    ];
    for (const [at, service] of checks) {
      const name = at.str()!;
      const ingress = ctx.workspace.find('Ingress', name, ctx.doc.namespace);
      if (!ingress || hasRuleWithService(ingress, service)) continue;
      ctx.report({ at, message: `${at.pathText}: Invalid value: ${JSON.stringify(name)}: ingress \`${name}\` has no rules using service ${service} backend` });
    }
  },
});
