import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { addTicketFix, missingTicketAnchor, moveTicketFix, templateTicket, TICKET_PLACEHOLDER, workloadTicket } from './ticket-annotation';

/** Environments exempt when the policy does not say (seed model: tickets "everywhere above dev"). */
const DEFAULT_EXEMPT = ['dev'];

/**
 * TG-TKT-001. Levels: catalog "– / E / E (prod only)" and PRODUCT's seed model
 * "t1 ticket E in prod; t2 ticket E everywhere above dev". So prod is
 * off/error/error; outside prod tier 1 is off and tier 2 stays an error, except
 * in the environments `changeTicket.exemptEnvironments` names (default dev).
 */
export const missingTicketRule: ManifestRule = {
  id: 'TG-TKT-001',
  title: 'Missing change ticket',
  description: "Fires when a workload (Rollout, Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, ReplicaSet) lacks the policy's change-ticket annotation (default `change.ticket/id`) on its own `metadata.annotations`: tier 1 in production, tier 2 in every environment except dev.",
  example: 'kind: Deployment\nmetadata:\n  name: payments\n  namespace: payments-prod',
  fix: 'Add the change-ticket annotation, e.g. `change.ticket/id: CHG-1234`, to the workload metadata.',
  kinds: WORKLOAD_KINDS,
  levels: ['off', 'error', 'error'],
  nonProdLevels: ['off', 'off', 'error'],
  check(ctx) {
    const { annotation: key, exemptEnvironments } = ctx.settings.changeTicket;
    if ((exemptEnvironments ?? DEFAULT_EXEMPT).includes(ctx.environment)) return;
    if (workloadTicket(ctx.doc, key)) return;
    const anchor = missingTicketAnchor(ctx.doc) ?? { at: ctx.doc.headSpan };
    const misplaced = templateTicket(ctx.doc, key);
    const hint = misplaced ? ` (it is on the pod template at ${misplaced.pathText}; see TG-TKT-004)` : '';
    // When the ticket is only misplaced, moving it beats a placeholder.
    const fix = misplaced ? moveTicketFix(ctx.doc, key, misplaced) : addTicketFix(ctx.doc, key, TICKET_PLACEHOLDER, `Add change-ticket annotation '${key}: ${TICKET_PLACEHOLDER}' (placeholder)`);
    ctx.report({
      ...anchor,
      message: `${ctx.doc.kind} '${ctx.doc.name ?? '?'}' has no change-ticket annotation '${key}' (required for tier ${ctx.tier} in ${ctx.environment})${hint}`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};
