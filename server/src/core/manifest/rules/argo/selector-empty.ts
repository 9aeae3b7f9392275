import { argoRule, present, specOf, VALIDATION_GO } from './common';

/** Argo A3: a selector must select something. */
export const selectorEmptyRule = argoRule({
  id: 'TG-ARGO-A3',
  title: 'Selector not empty',
  description: 'Fires when `spec.selector` (without `workloadRef`) has no `matchLabels` and no `matchExpressions` entries: it would select every pod.',
  example: 'spec:\n  selector: {}',
  fix: 'Add `matchLabels` equal to the pod template\'s labels.',
  source: `${VALIDATION_GO} (ValidateRolloutSpec)`,
  check(ctx) {
    const spec = specOf(ctx);
    const selector = present(spec, 'selector');
    if (!spec || !selector || present(spec, 'workloadRef')) return;
    if (!selector.isMap) return; // a scalar selector is a decode error, not an empty one
    const n = (selector.get('matchLabels')?.entries().length ?? 0) + (selector.get('matchExpressions')?.items().length ?? 0);
    if (n === 0) ctx.report({ at: selector, onKey: true, message: 'spec.selector: Invalid value: empty selector is invalid for deployment' });
  },
});
