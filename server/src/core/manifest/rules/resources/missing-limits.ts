import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { containerLabel, insertResourcesFix, missingAnchor, quantityText, RESOURCE_NAMES, resourceContainers, type ResourceName } from './container-resources';

/** Placeholders when there is no request to copy: modest, and obviously meant to be tuned. */
const PLACEHOLDER_LIMITS: Readonly<Record<ResourceName, string>> = { cpu: '500m', memory: '512Mi' };

/** TG-RES-001: without limits one container can starve its neighbours (and the blast radius grows). */
export const missingLimitsRule: ManifestRule = {
  id: 'TG-RES-001',
  title: 'Container without CPU/memory limits',
  description: 'Fires when an app or init container of a workload lacks `resources.limits.cpu` or `resources.limits.memory`.',
  example: 'containers:\n  - name: web\n    image: ghcr.io/acme/web:1.0\n    resources:\n      requests: {cpu: 250m}',
  fix: 'Set `resources.limits.cpu` and `resources.limits.memory` (at least the requests).',
  kinds: WORKLOAD_KINDS,
  levels: ['info', 'warning', 'error'],
  check(ctx) {
    for (const c of resourceContainers(ctx.doc)) {
      const missing = RESOURCE_NAMES.filter((r) => quantityText(c, 'limits', r) === undefined);
      if (missing.length === 0) continue;
      const values: Partial<Record<ResourceName, string>> = {};
      for (const r of missing) values[r] = quantityText(c, 'requests', r) ?? PLACEHOLDER_LIMITS[r];
      const fromRequests = missing.every((r) => quantityText(c, 'requests', r) !== undefined);
      const title = `Add limits ${missing.map((r) => `${r}: ${values[r] ?? ''}`).join(', ')}${fromRequests ? ' (equal to the requests)' : ' (placeholder: tune it)'}`;
      const fix = insertResourcesFix(ctx.doc, c, 'limits', values, title);
      ctx.report({
        ...missingAnchor(c, 'limits'),
        message: `${containerLabel(c)} has no ${missing.map((r) => `resources.limits.${r}`).join(' and no ')}`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
