import { argoRule, present, specOf, VALIDATION_GO } from './common';

/** Argo A2: a Rollout without `workloadRef` needs `spec.selector`. */
export const selectorRequiredRule = argoRule({
  id: 'TG-ARGO-A2',
  title: 'Selector required',
  description: 'Fires when a Rollout has neither `spec.workloadRef` nor `spec.selector` (a null selector counts as missing).',
  example: 'spec:\n  template:\n    metadata:\n      labels: {app: web}',
  fix: 'Add `spec.selector.matchLabels` equal to the pod template\'s labels, or use `workloadRef`.',
  source: `${VALIDATION_GO} (ValidateRolloutSpec)`,
  check(ctx) {
    const spec = specOf(ctx);
    if (present(spec, 'workloadRef') || present(spec, 'selector')) return;
    // A missing or null spec decodes to an empty one: report on `spec` or on the kind.
    const at = spec?.get('selector') ?? ctx.doc.root.get('spec') ?? ctx.doc.headSpan;
    ctx.report({ at, onKey: true, message: "spec.selector: Required value: Rollout has missing field '.spec.selector'" });
  },
});
