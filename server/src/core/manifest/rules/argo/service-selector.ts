import { argoRule, REFERENCES_GO } from './common';
import { stringMap } from './labels';
import { podTemplateLabels, serviceRefs } from './referenced-services';

/** Label Argo adds to pods itself; a Service may select on it. */
const POD_TEMPLATE_HASH = 'rollouts-pod-template-hash';

/** Argo R1: every Service the Rollout uses must select its pods. */
export const serviceSelectorRule = argoRule({
  id: 'TG-ARGO-R1',
  title: 'Service selects the Rollout\'s pods',
  description: 'Fires when a Service named by the Rollout (canary, stable, ping, pong, active, preview) is in the workspace and one of its selector labels (other than `rollouts-pod-template-hash`) is missing from, or differs from, the pod template labels.',
  example: 'canaryService: web-canary   # Service web-canary selects app: api, pods are app: web',
  fix: 'Make the Service selector match the pod template labels (or the labels match the selector).',
  source: `${REFERENCES_GO} (ValidateService)`,
  check(ctx) {
    const refs = serviceRefs(ctx).filter((r) => r.service);
    const labels = refs.length > 0 ? podTemplateLabels(ctx) : undefined;
    if (!labels) return;
    for (const ref of refs) {
      const selector = stringMap(ref.service!.root.at('spec', 'selector'));
      for (const [key, value] of Object.entries(selector)) {
        if (key === POD_TEMPLATE_HASH || labels[key] === value) continue;
        const pods = labels[key] === undefined ? 'pods have no such label' : `pods have ${key}: ${labels[key]}`;
        ctx.report({ at: ref.at, message: `${ref.at.pathText}: Invalid value: ${JSON.stringify(ref.name)}: Service ${JSON.stringify(ref.name)} has unmatch label ${JSON.stringify(key)} in rollout (Service selects ${key}: ${value}; ${pods})` });
      }
    }
  },
});
