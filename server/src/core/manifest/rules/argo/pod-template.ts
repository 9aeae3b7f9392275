import type { Cursor } from '../../../yaml/cursor';
import type { RuleContext } from '../rule';
import { argoRule, present, specOf, VALIDATION_GO } from './common';
import { selectorMatches, selectorProblems, stringMap } from './labels';

/**
 * Argo A6: the pod template must pass Kubernetes' ReplicaSet template
 * validation. Checked here: the part people get wrong in Rollouts (selector
 * vs template labels, containers present, names and images set and unique,
 * restartPolicy Always); the full Pod validation is the API server's job.
 */
export const podTemplateRule = argoRule({
  id: 'TG-ARGO-A6',
  title: 'Pod template valid',
  description: 'Fires when (without `workloadRef`) the selector does not select the template\'s labels, the template has no containers, a container lacks a name or image or repeats a name, or `restartPolicy` is not `Always`.',
  example: 'spec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: api}',
  fix: 'Make `spec.template.metadata.labels` match `spec.selector` and give every container a unique name and an image.',
  source: `${VALIDATION_GO} (ValidateRolloutSpec: ValidatePodTemplateSpecForReplicaSet)`,
  check(ctx) {
    const spec = specOf(ctx);
    if (!spec || present(spec, 'workloadRef')) return;
    const template = spec.get('template');
    checkSelector(ctx, spec, template);
    if (!template?.isMap) {
      ctx.report({ at: template ?? spec, onKey: true, message: 'spec.template.spec.containers: Required value' });
      return;
    }
    checkContainers(ctx, template);
    const policy = template.at('spec', 'restartPolicy');
    const value = policy?.text();
    if (policy && value !== undefined && value !== 'Always') {
      ctx.report({ at: policy, message: `spec.template.spec.restartPolicy: Unsupported value: ${JSON.stringify(value)}: supported values: "Always"` });
    }
  },
});

function checkSelector(ctx: RuleContext, spec: Cursor, template: Cursor | undefined): void {
  const selector = present(spec, 'selector');
  if (!selector?.isMap || selectorProblems(selector).length > 0) return;
  const empty = (selector.get('matchLabels')?.entries().length ?? 0) + (selector.get('matchExpressions')?.items().length ?? 0) === 0;
  const labelsCursor = template?.at('metadata', 'labels');
  const labels = stringMap(labelsCursor);
  if (empty || selectorMatches(selector, labels)) return;
  const shown = `map[${Object.keys(labels).sort().map((k) => `${k}:${labels[k]}`).join(' ')}]`;
  const at = labelsCursor ?? template?.get('metadata') ?? template ?? selector;
  ctx.report({ at, onKey: true, message: `spec.template.metadata.labels: Invalid value: ${shown}: \`selector\` does not match template \`labels\`` });
}

function checkContainers(ctx: RuleContext, template: Cursor): void {
  const podSpec = template.get('spec');
  const list = podSpec?.get('containers');
  const items = list?.items() ?? [];
  if (items.length === 0) {
    ctx.report({ at: list ?? podSpec ?? template, onKey: true, message: 'spec.template.spec.containers: Required value' });
    return;
  }
  const seen = new Set<string>();
  items.forEach((c, i) => {
    const path = `spec.template.spec.containers[${i}]`;
    const name = c.get('name')?.text() ?? '';
    const first = c.get('name') ?? c.entries()[0]?.[1] ?? c; // the name key, else the container's first key
    if (name === '') ctx.report({ at: first, onKey: true, message: `${path}.name: Required value` });
    else if (seen.has(name)) ctx.report({ at: c.get('name')!, message: `${path}.name: Duplicate value: ${JSON.stringify(name)}` });
    seen.add(name);
    const image = c.get('image')?.text() ?? '';
    if (image.trim() === '') ctx.report({ at: c.get('image') ?? first, onKey: !c.get('image'), message: `${path}.image: Required value` });
  });
}
