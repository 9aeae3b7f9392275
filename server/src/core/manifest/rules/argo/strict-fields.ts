import type { Cursor } from '../../../yaml/cursor';
import { replaceSpan } from '../../../yaml/edits';
import type { RuleContext } from '../rule';
import { argoRule } from './common';
import { closest } from '../../../text/closest';
import { LEGACY_ANALYSIS_STRUCTS, ROLLOUT_STRUCTS } from './known-fields';

/**
 * TG-ARGO-STRICT: unknown fields anywhere in the Rollout's own schema, all
 * reported at once (the API server rejects or silently drops them; `lint`
 * stops at the first). Field names are case-sensitive, as in the API server.
 */
export const strictFieldsRule = argoRule({
  id: 'TG-ARGO-STRICT',
  title: 'No unknown Rollout fields',
  description: 'Fires for every key of a Rollout (outside the pod template, labels, annotations and plugin config) that is not a field of Argo\'s Rollout types, with the nearest known name as "did you mean". Kubernetes field names are case-sensitive: `setweight` is dropped or rejected by the API server.',
  example: 'steps:\n  - setweight: 20',
  fix: 'Rename the key to the suggested field name (or remove it).',
  source: 'argo-rollouts pkg/apis/rollouts/v1alpha1/types.go (strict decoding in pkg/kubectl-argo-rollouts/cmd/lint/lint.go)',
  check(ctx) {
    walk(ctx, ctx.doc.root, 'Rollout');
  },
});

function walk(ctx: RuleContext, node: Cursor, struct: string): void {
  const table = ROLLOUT_STRUCTS[struct];
  if (!table || !node.isMap) return;
  for (const [key, value] of node.entries()) {
    const type = table[key];
    if (type === undefined) {
      if (!(key === 'templateName' && LEGACY_ANALYSIS_STRUCTS.has(struct))) report(ctx, key, value, Object.keys(table));
      continue;
    }
    if (type.startsWith('[]')) for (const item of value.items()) walk(ctx, item, type.slice(2));
    else if (type !== '') walk(ctx, value, type);
  }
}

function report(ctx: RuleContext, key: string, value: Cursor, known: readonly string[]): void {
  const suggestion = closest(key, known, 2);
  const hint = suggestion ? `; did you mean '${suggestion}'?` : `; known fields: ${known.join(', ')}`;
  ctx.report({
    at: value,
    onKey: true,
    message: `${value.pathText}: unknown field ${JSON.stringify(key)}${hint}`,
    ...(suggestion ? { fixes: [{ title: `Rename '${key}' to '${suggestion}'`, edits: [replaceSpan(value.keySpan, suggestion)], preferred: true }] } : {}),
  });
}
