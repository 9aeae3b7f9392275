import type { Cursor } from '../../../yaml/cursor';
import { insertMapEntry, replaceSpan, yamlScalar } from '../../../yaml/edits';
import type { TextEdit } from '../../../findings';
import { argoRule, canaryOf, goString, hasRouter, present, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo's `requireCanaryStableServices`: routers that shift traffic between two Services. */
function requiresServices(canary: Cursor, tr: Cursor): boolean {
  const pingPong = present(canary, 'pingPong') !== undefined;
  if (hasRouter(tr, 'alb') && !pingPong) return true;
  const istio = present(tr, 'istio');
  if (istio && !present(istio, 'destinationRule') && !pingPong) return true;
  return ['smi', 'apisix', 'ambassador', 'nginx', 'appMesh', 'traefik'].some((r) => hasRouter(tr, r));
}

/** Argo C7: traffic routing needs both canary and stable services. */
export const trafficRoutingServicesRule = argoRule({
  id: 'TG-ARGO-C7',
  title: 'Traffic routing needs both services',
  description: 'Fires for each of `canary.stableService` / `canaryService` that is missing when `trafficRouting` uses ALB (without pingPong), Istio host splitting (no destinationRule, no pingPong), SMI, Apisix, Ambassador, Nginx, AppMesh or Traefik.',
  example: 'strategy:\n  canary:\n    stableService: web\n    trafficRouting:\n      nginx: {stableIngress: web}',
  fix: 'Add the missing `canaryService`/`stableService` (and create the Service).',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary: requireCanaryStableServices)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const tr = canary && trafficRoutingOf(canary);
    if (!canary || !tr || !requiresServices(canary, tr)) return;
    const base = ctx.doc.name ?? 'app';
    for (const [key, suffix] of [['stableService', 'stable'], ['canaryService', 'canary']] as const) {
      if (goString(canary, key) !== '') continue;
      const c = canary.get(key);
      const edit = stubEdit(ctx.doc.text, canary, c, key, `${base}-${suffix}`);
      ctx.report({
        at: c ?? canary,
        onKey: true,
        message: `${canary.pathText}.${key}: Invalid value: "": Canary service and Stable service must to be set to use Traffic Routing`,
        ...(edit ? { fixes: [{ title: `Set ${key}: ${base}-${suffix}`, edits: [edit] }] } : {}),
      });
    }
  },
});

function stubEdit(text: string, canary: Cursor, existing: Cursor | undefined, key: string, name: string): TextEdit | undefined {
  if (existing && !existing.isNull) return replaceSpan(existing.span, yamlScalar(name));
  if (existing) return replaceSpan(existing.entrySpan, `${key}: ${yamlScalar(name)}`);
  return insertMapEntry(text, canary, key, name);
}
