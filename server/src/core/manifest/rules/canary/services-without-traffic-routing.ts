import type { ManifestRule } from '../rule';
import { canaryModel } from './steps';

/**
 * TG-CAN-006. Without trafficRouting Argo only points `canaryService` and
 * `stableService` at their own pods; no traffic is shifted by weight, so
 * clients of the stable Service never reach the canary (argo-rollouts #1760).
 */
export const servicesWithoutTrafficRoutingRule: ManifestRule = {
  id: 'TG-CAN-006',
  title: 'Canary/stable Services need trafficRouting to split traffic',
  description:
    'Fires when a canary sets `canaryService` or `stableService` but no `trafficRouting`: each Service then selects only its own pods and `setWeight` shifts no traffic between them.',
  example: 'canary:\n  canaryService: web-canary\n  stableService: web-stable\n  steps:\n  - setWeight: 20',
  fix: 'Add a `trafficRouting` block (Istio, NGINX, ALB, SMI, …) or drop the two Services and rely on pod ratios.',
  kinds: ['Rollout'],
  levels: ['info', 'warning', 'warning'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    if (!model || model.trafficRouting) return;
    const svc = model.canary.get('canaryService') ?? model.canary.get('stableService');
    if (!svc || svc.isNull) return;
    const names = ['canaryService', 'stableService'].flatMap((k) => {
      const v = model.canary.get(k)?.text();
      return v === undefined ? [] : [`${k} '${v}'`];
    });
    ctx.report({
      at: svc,
      onKey: true,
      message: `${names.join(' and ')} set without spec.strategy.canary.trafficRouting: each Service selects only its own pods, so setWeight shifts no traffic between them`,
    });
  },
};
