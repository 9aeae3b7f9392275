import { shortDigest } from '../images/image-reference';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import type { ManifestRule } from '../rule';
import { workloadTicket } from './ticket-annotation';

/**
 * TG-TKT-003: one change ticket covers one change. Promoting the same image
 * to another environment under its ticket is that change; a different
 * service, or a different image of the same service, under an already
 * released ticket is a new change hiding behind an old approval.
 */
export const ticketReusedRule: ManifestRule = {
  id: 'TG-TKT-003',
  title: 'Change ticket already used by another release',
  description: "Fires when the evidence store records a release under the workload's change ticket for a different service, or for the same service with a different image digest: the ticket approved another change. Promoting the same digest to another environment is fine. Needs release events (`tollgate release record`); the editor reads them from `tollgate.evidence.root`, `tollgate check` from `--evidence`.",
  example: 'metadata:\n  annotations:\n    change.ticket/id: CHG-1001   # released before for payments@sha256:1111…',
  fix: 'Open a new change ticket for this change and put its id in the annotation.',
  kinds: WORKLOAD_KINDS,
  levels: ['warning', 'warning', 'error'],
  nonProdLevels: ['info', 'warning', 'warning'],
  check(ctx) {
    const entry = workloadTicket(ctx.doc, ctx.settings.changeTicket.annotation);
    const ticket = entry?.text();
    if (!entry || !ticket) return;
    const uses = ctx.workspace.ticketUses(ticket);
    if (uses.length === 0) return;
    const digests = new Set(ctx.doc.containers().flatMap((c) => /@(sha256:[0-9a-f]{64})$/.exec(c.cursor.get('image')?.text() ?? '')?.[1] ?? []));
    const other = uses.find((u) => u.service !== ctx.doc.name || (digests.size > 0 && !digests.has(u.digest)));
    if (!other) return;
    const what = other.service !== ctx.doc.name ? `service '${other.service}'` : `another image of '${other.service}' (${shortDigest(other.digest)})`;
    ctx.report({ at: entry, message: `change ticket '${ticket}' was already used by release ${other.releaseId} of ${what} to ${other.env}: a new change needs its own ticket` });
  },
};
