import { removeEntry } from '../../../yaml/edits';
import { argoRule, present, specOf, VALIDATION_GO } from './common';

/** Argo A5: with `workloadRef` the Rollout's own template must be empty. */
export const templateWithWorkloadRefRule = argoRule({
  id: 'TG-ARGO-A5',
  title: 'No template with workloadRef',
  description: 'Fires when a Rollout sets `spec.workloadRef` and also a `spec.template` whose metadata has labels or annotations (Argo\'s own emptiness test); the pod template must come from the referenced workload only.',
  example: 'spec:\n  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  template:\n    metadata:\n      labels: {app: web}',
  fix: 'Remove `spec.template` (or `spec.workloadRef`).',
  source: `${VALIDATION_GO} (ValidateRolloutSpec, RolloutSpec.EmptyTemplate)`,
  check(ctx) {
    const spec = specOf(ctx);
    const ref = present(spec, 'workloadRef');
    const template = spec?.get('template');
    if (!spec || !ref || !template) return;
    const meta = template.get('metadata');
    const nonEmpty = (meta?.get('labels')?.entries().length ?? 0) + (meta?.get('annotations')?.entries().length ?? 0) > 0;
    if (!nonEmpty) return;
    ctx.report({
      at: template,
      onKey: true,
      message: 'spec.template: Internal error: template must be empty for workload reference rollout',
      fixes: [
        { title: 'Remove spec.template (the pod template comes from the workloadRef)', edits: [removeEntry(ctx.doc.text, template)], preferred: true },
        { title: 'Remove spec.workloadRef (keep the inline template)', edits: [removeEntry(ctx.doc.text, ref)] },
      ],
    });
  },
});
