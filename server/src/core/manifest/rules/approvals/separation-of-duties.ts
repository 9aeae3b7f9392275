import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';

/**
 * TG-SOD-001: for regulated (tier 2) workloads the person approving the
 * release must not be the one who made the change, and a production release
 * needs a recorded approver. Only the annotations are read here; the git
 * author and approval records from the evidence store are outside the core.
 */
export const separationOfDutiesRule: ManifestRule = {
  id: 'TG-SOD-001',
  title: 'Approver is the author (separation of duties)',
  description: "For tier 2 workloads: fires when the approver annotation (default `tollgate.dev/approved-by`) names the same identity as the author annotation (default `tollgate.dev/author`), or, in production, when there is no approver annotation.",
  example: 'metadata:\n  labels:\n    tollgate.dev/tier: "2"\n  annotations:\n    tollgate.dev/author: alice\n    tollgate.dev/approved-by: alice',
  fix: 'Have someone other than the author approve the release and record them in the approver annotation.',
  kinds: WORKLOAD_KINDS,
  levels: ['off', 'off', 'error'],
  check(ctx) {
    if (ctx.tier !== 2) return;
    const { approvedByAnnotation, authorAnnotation } = ctx.settings.approvals;
    const annotations = ctx.doc.root.at('metadata', 'annotations');
    const approver = annotations?.get(approvedByAnnotation);
    const approverId = approver?.text()?.trim() ?? '';
    if (approverId === '') {
      if (!ctx.production) return;
      const at = approver ?? annotations ?? ctx.doc.root.get('metadata');
      ctx.report({ ...(at ? { at, onKey: true } : { at: ctx.doc.headSpan }), message: `tier 2 ${ctx.doc.kind} '${ctx.doc.name ?? '?'}' in ${ctx.environment} has no approver ('${approvedByAnnotation}')` });
      return;
    }
    const authorId = annotations?.get(authorAnnotation)?.text()?.trim() ?? '';
    if (approver && authorId !== '' && authorId.toLowerCase() === approverId.toLowerCase()) {
      ctx.report({ at: approver, message: `approver '${approverId}' is also the author ('${authorAnnotation}'): tier 2 requires a different approver` });
    }
  },
};
