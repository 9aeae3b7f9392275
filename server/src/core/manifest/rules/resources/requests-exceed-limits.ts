import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { replaceSpan } from '../../../yaml/edits';
import { containerLabel, resourceContainers } from './container-resources';
import { exceeds, parseQuantity } from './quantity';

/** TG-RES-003: the API server rejects a request above its limit; catch it before the apply. */
export const requestsExceedLimitsRule: ManifestRule = {
  id: 'TG-RES-003',
  title: 'Request above limit',
  description: 'Fires when a container requests more of a resource (cpu, memory or any other) than its limit allows, comparing Kubernetes quantities (`1` = `1000m`, `1Gi` = `1024Mi`); the API server rejects such a pod.',
  example: 'resources:\n  requests: {memory: 2Gi}\n  limits: {memory: 1Gi}',
  fix: 'Lower the request or raise the limit (the quick fix swaps them).',
  kinds: WORKLOAD_KINDS,
  levels: ['error', 'error', 'error'],
  nonProdLevels: ['error', 'error', 'error'],
  check(ctx) {
    for (const c of resourceContainers(ctx.doc)) {
      const limits = c.cursor.at('resources', 'limits');
      for (const [name, request] of c.cursor.at('resources', 'requests')?.entries() ?? []) {
        const limit = limits?.get(name);
        const rText = request.text();
        const lText = limit?.text();
        if (!limit || rText === undefined || lText === undefined) continue;
        const r = parseQuantity(rText);
        const l = parseQuantity(lText);
        if (r === undefined || l === undefined || !exceeds(r, l)) continue;
        const swap = { title: `Swap: request ${lText}, limit ${rText}`, edits: [replaceSpan(request.span, ctx.doc.text.slice(limit.span.start, limit.span.end)), replaceSpan(limit.span, ctx.doc.text.slice(request.span.start, request.span.end))] };
        ctx.report({ at: request, message: `${containerLabel(c)} requests ${name} ${rText}, more than its limit ${lText} (${request.pathText})`, fixes: [swap] });
      }
    }
  },
};
