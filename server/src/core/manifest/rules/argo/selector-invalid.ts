import { argoRule, present, specOf, VALIDATION_GO } from './common';
import { selectorProblems } from './labels';

/** Argo A4: the selector must parse as a Kubernetes label selector. */
export const selectorInvalidRule = argoRule({
  id: 'TG-ARGO-A4',
  title: 'Selector must parse',
  description: 'Fires for each part of `spec.selector` that Kubernetes cannot turn into a label selector: a bad label key or value, an unknown operator, `In`/`NotIn` without values, `Exists`/`DoesNotExist` with values.',
  example: 'spec:\n  selector:\n    matchExpressions:\n      - {key: app, operator: Equals, values: [web]}',
  fix: 'Use a valid label key/value and one of the operators In, NotIn, Exists, DoesNotExist.',
  source: `${VALIDATION_GO} (ValidateRolloutSpec: metav1.LabelSelectorAsSelector)`,
  check(ctx) {
    const selector = present(specOf(ctx), 'selector');
    if (!selector?.isMap) return;
    for (const p of selectorProblems(selector)) {
      ctx.report({ at: p.at, message: `spec.selector: Invalid value: invalid label selector (${p.at.pathText}: ${p.why})` });
    }
  },
});
