import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { replaceSpan } from '../../../yaml/edits';
import { containerLabel } from './container-label';

/** TG-SEC-001: a privileged container is root on the node. Argo itself ignores the field. */
export const privilegedRule: ManifestRule = {
  id: 'TG-SEC-001',
  title: 'Privileged container',
  description: 'Fires when an app, init or ephemeral container sets `securityContext.privileged: true`, which gives it every capability and access to all host devices.',
  example: 'containers:\n  - name: web\n    securityContext:\n      privileged: true',
  fix: 'Remove `privileged: true` (or set it to false) and grant only the capabilities needed.',
  kinds: WORKLOAD_KINDS,
  levels: ['warning', 'error', 'error'],
  check(ctx) {
    for (const c of ctx.doc.containers()) {
      const flag = c.cursor.at('securityContext', 'privileged');
      if (flag?.bool() !== true) continue;
      ctx.report({
        at: flag,
        message: `${containerLabel(c)} runs privileged (${flag.pathText}: true)`,
        fixes: [{ title: 'Set privileged: false', edits: [replaceSpan(flag.span, 'false')], preferred: true }],
      });
    }
  },
};
