import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { containerLabel, insertResourcesFix, missingAnchor, quantityText, RESOURCE_NAMES, resourceContainers, type ResourceName } from './container-resources';

const PLACEHOLDER_REQUESTS: Readonly<Record<ResourceName, string>> = { cpu: '100m', memory: '128Mi' };

/**
 * TG-RES-002. Kubernetes defaults a missing request to the limit, so a
 * resource only counts as unrequested when it has neither.
 */
export const missingRequestsRule: ManifestRule = {
  id: 'TG-RES-002',
  title: 'Container without CPU/memory requests',
  description: 'Fires when an app or init container has neither a request nor a limit (which Kubernetes would use as the request) for cpu or memory, so the scheduler cannot place it reliably.',
  example: 'containers:\n  - name: web\n    image: ghcr.io/acme/web:1.0',
  fix: 'Set `resources.requests.cpu` and `resources.requests.memory`.',
  kinds: WORKLOAD_KINDS,
  levels: ['info', 'warning', 'warning'],
  check(ctx) {
    for (const c of resourceContainers(ctx.doc)) {
      const missing = RESOURCE_NAMES.filter((r) => quantityText(c, 'requests', r) === undefined && quantityText(c, 'limits', r) === undefined);
      if (missing.length === 0) continue;
      const values: Partial<Record<ResourceName, string>> = {};
      for (const r of missing) values[r] = PLACEHOLDER_REQUESTS[r];
      const fix = insertResourcesFix(ctx.doc, c, 'requests', values, `Add requests ${missing.map((r) => `${r}: ${values[r] ?? ''}`).join(', ')} (placeholder: tune it)`);
      ctx.report({
        ...missingAnchor(c, 'requests'),
        message: `${containerLabel(c)} has no ${missing.map((r) => `resources.requests.${r}`).join(' and no ')} (and no limit to default it from)`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
