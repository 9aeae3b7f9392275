import type { Cursor } from '../../../yaml/cursor';
import { argoRule, canaryOf, goString, present, REFERENCES_GO, trafficRoutingOf } from './common';

interface EitherOr {
  readonly router: string;
  readonly single: string;
  readonly multi: string;
  readonly both: string;
  readonly neither: string;
}

const CHECKS: readonly EitherOr[] = [
  { router: 'nginx', single: 'stableIngress', multi: 'stableIngresses', both: 'Either StableIngress or StableIngresses must be configured. Both are configured.', neither: 'Either StableIngress or StableIngresses must be configured. Neither are configured.' },
  { router: 'alb', single: 'ingress', multi: 'ingresses', both: 'Either Ingress or Ingresses must be configured. Both are configured.', neither: 'Either Ingress or Ingresses must be configured. Neither are configured.' },
  { router: 'istio', single: 'virtualService', multi: 'virtualServices', both: 'either VirtualService or VirtualServices must be configured', neither: 'either VirtualService or VirtualServices must be configured' },
];

/** Go's tests: the single form is "set" when non-empty (nginx/alb) or non-nil (istio); the list when non-nil. */
function singleSet(block: Cursor, c: EitherOr): boolean {
  return c.router === 'istio' ? present(block, c.single) !== undefined : goString(block, c.single) !== '';
}

/** Argo R10: each router names its Ingress/VirtualService in exactly one of its two forms. */
export const routerConfigRule = argoRule({
  id: 'TG-ARGO-R10',
  title: 'Router names exactly one target form',
  description: 'Fires when Nginx sets both or neither of `stableIngress`/`stableIngresses`, ALB both or neither of `ingress`/`ingresses`, Istio both or neither of `virtualService`/`virtualServices`, or AppMesh has no `virtualService`.',
  example: 'trafficRouting:\n  nginx:\n    stableIngress: web\n    stableIngresses: [web-2]',
  fix: 'Keep exactly one of the two fields.',
  source: `${REFERENCES_GO} (ValidateRolloutNginxIngressesConfig, ValidateRolloutAlbIngressesConfig, ValidateRolloutVirtualServicesConfig); rollout/controller.go (AppMesh)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const tr = canary && trafficRoutingOf(canary);
    if (!tr) return;
    for (const c of CHECKS) {
      const block = present(tr, c.router);
      if (!block) continue;
      const single = singleSet(block, c);
      const multi = present(block, c.multi) !== undefined;
      if (single === multi) {
        const at = multi ? block.get(c.multi)! : block;
        ctx.report({ at, onKey: true, message: `${block.pathText}: Internal error: ${single ? c.both : c.neither}` });
      }
    }
    const appMesh = present(tr, 'appMesh');
    if (appMesh && !present(appMesh, 'virtualService')) {
      ctx.report({ at: appMesh, onKey: true, message: `${appMesh.pathText}.virtualService: Invalid value: null: must provide virtual-service` });
    }
  },
});
