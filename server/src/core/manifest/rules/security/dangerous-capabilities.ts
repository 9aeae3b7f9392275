import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { containerLabel } from './container-label';

/** Capabilities that amount to (near) root on the node or its network. */
const DANGEROUS = new Set(['SYS_ADMIN', 'NET_ADMIN', 'ALL']);

/** TG-SEC-005: SYS_ADMIN is "the new root"; NET_ADMIN rewrites the node's networking; ALL is both. */
export const dangerousCapabilitiesRule: ManifestRule = {
  id: 'TG-SEC-005',
  title: 'Dangerous capability added',
  description: 'Fires for each of `SYS_ADMIN`, `NET_ADMIN` or `ALL` (any case, with or without `CAP_`) in a container\'s `securityContext.capabilities.add`.',
  example: 'securityContext:\n  capabilities:\n    add: [SYS_ADMIN]',
  fix: 'Remove the capability and add only the narrow ones the process needs.',
  kinds: WORKLOAD_KINDS,
  levels: ['warning', 'error', 'error'],
  check(ctx) {
    for (const c of ctx.doc.containers()) {
      for (const item of c.cursor.at('securityContext', 'capabilities', 'add')?.items() ?? []) {
        const cap = item.text();
        if (cap === undefined || !DANGEROUS.has(cap.toUpperCase().replace(/^CAP_/, ''))) continue;
        ctx.report({ at: item, message: `${containerLabel(c)} adds capability ${cap} (${item.pathText})` });
      }
    }
  },
};
