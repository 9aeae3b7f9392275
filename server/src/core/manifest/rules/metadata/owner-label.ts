import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { insertAtPath } from '../../../yaml/edits';

const PLACEHOLDER = 'TODO-team';

/** TG-META-001: every workload names the team that answers for it. */
export const ownerLabelRule: ManifestRule = {
  id: 'TG-META-001',
  title: 'Workload without owner label',
  description: "Fires when a workload has no (or an empty) owner label (the policy's `ownerLabel`, default `app.kubernetes.io/owner`) in its own `metadata.labels`.",
  example: 'kind: Deployment\nmetadata:\n  name: payments\n  labels:\n    app: payments',
  fix: 'Add the owner label naming the responsible team, e.g. `app.kubernetes.io/owner: payments-team`.',
  kinds: WORKLOAD_KINDS,
  levels: ['info', 'warning', 'error'],
  check(ctx) {
    const key = ctx.settings.ownerLabel;
    const metadata = ctx.doc.root.get('metadata');
    const labels = metadata?.get('labels');
    const owner = labels?.get(key);
    if ((owner?.text()?.trim() ?? '') !== '') return;
    const edit = owner ? undefined : insertAtPath(ctx.doc.text, ctx.doc.root, ['metadata', 'labels', key], PLACEHOLDER);
    const at = owner ?? labels ?? metadata;
    ctx.report({
      ...(at ? { at, onKey: true } : { at: ctx.doc.headSpan }),
      message: owner ? `owner label '${key}' is empty` : `${ctx.doc.kind} '${ctx.doc.name ?? '?'}' has no owner label '${key}'`,
      ...(edit ? { fixes: [{ title: `Add label ${key}: ${PLACEHOLDER} (placeholder: name the owning team)`, edits: [edit] }] } : {}),
    });
  },
};
