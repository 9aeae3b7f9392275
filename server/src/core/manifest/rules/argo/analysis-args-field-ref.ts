import type { Cursor } from '../../../yaml/cursor';
import { argoRule, canaryOf, present, stepsOf, VALIDATION_GO } from './common';
import { isQualifiedName } from './labels';

const PLAIN = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid']);

/**
 * Why Kubernetes' `fieldpath.ExtractFieldPathAsString` rejects a `metadata…`
 * path, or undefined when it resolves (`metadata.name`, `metadata.labels['app']`, …).
 */
export function fieldPathProblem(path: string): string | undefined {
  if (path.endsWith("']")) {
    const parts = path.slice(0, -2).split("['");
    if (parts.length >= 2 && parts[0] !== '') {
      const [base, ...rest] = parts;
      const sub = rest.join("['");
      if (base === 'metadata.annotations') return isQualifiedName(sub.toLowerCase()) ? undefined : `invalid key ${JSON.stringify(sub)}`;
      if (base === 'metadata.labels') return isQualifiedName(sub) ? undefined : `invalid key ${JSON.stringify(sub)}`;
      return `fieldPath ${JSON.stringify(path)} does not support subscript`;
    }
  }
  return PLAIN.has(path) ? undefined : `unsupported fieldPath: ${path}`;
}

/** Analysis args of a step: inline analysis and experiment analyses. */
function argsOf(step: Cursor): Cursor[] {
  const inline = present(step, 'analysis')?.get('args')?.items() ?? [];
  const experiment = (present(step, 'experiment')?.get('analyses')?.items() ?? []).flatMap((a) => a.get('args')?.items() ?? []);
  return [...inline, ...experiment];
}

/** Argo C22: analysis args taken from the Rollout's metadata must name a supported field. */
export const analysisArgsFieldRefRule = argoRule({
  id: 'TG-ARGO-C22',
  title: 'Analysis arg fieldRef resolvable',
  description: 'Fires when a step analysis (or experiment analysis) arg uses `valueFrom.fieldRef.fieldPath` starting with `metadata` that the downward API cannot resolve (supported: metadata.name, namespace, uid, labels, annotations, and `labels[\'key\']`/`annotations[\'key\']`).',
  example: "steps:\n  - analysis:\n      templates: [{templateName: smoke}]\n      args:\n        - name: app\n          valueFrom: {fieldRef: {fieldPath: metadata.label}}",
  fix: "Use a supported path such as `metadata.name` or `metadata.labels['app']`.",
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary; fieldpath.ExtractFieldPathAsString)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    for (const step of canary ? stepsOf(canary) : []) {
      for (const arg of argsOf(step)) {
        const fp = present(present(present(arg, 'valueFrom'), 'fieldRef'), 'fieldPath');
        const path = fp?.str();
        if (!fp || path === undefined || !path.startsWith('metadata')) continue;
        const problem = fieldPathProblem(path);
        if (problem) ctx.report({ at: fp, message: `${step.pathText}.analyses: Invalid value: ${JSON.stringify(path)}: Analyses arguments must refer to valid object metadata supported by downwardAPI (${problem})` });
      }
    }
  },
});
