import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { moveTicketFix, templateTicket, workloadTicket } from './ticket-annotation';

/** TG-TKT-004: on the pod template the ticket annotates pods, not the release; tools read the workload. */
export const misplacedTicketRule: ManifestRule = {
  id: 'TG-TKT-004',
  title: 'Change ticket on the pod template',
  description: "Fires when the change-ticket annotation sits on the pod template's `metadata.annotations` and not on the workload's own metadata, where release tooling and Tollgate look for it.",
  example: 'spec:\n  template:\n    metadata:\n      annotations:\n        change.ticket/id: CHG-1234',
  fix: "Move the annotation to the workload's `metadata.annotations`.",
  kinds: WORKLOAD_KINDS.filter((k) => k !== 'Pod'),
  levels: ['warning', 'warning', 'warning'],
  check(ctx) {
    const key = ctx.settings.changeTicket.annotation;
    const misplaced = templateTicket(ctx.doc, key);
    if (!misplaced || workloadTicket(ctx.doc, key)) return;
    const fix = moveTicketFix(ctx.doc, key, misplaced);
    ctx.report({
      at: misplaced,
      onKey: true,
      message: `change-ticket annotation '${key}' is on the pod template (${misplaced.pathText}), not on the ${ctx.doc.kind}'s metadata.annotations`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};
