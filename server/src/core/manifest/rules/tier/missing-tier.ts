import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { insertAtPath } from '../../../yaml/edits';
import { tierEntry } from './tier-value';

/** TG-TIER-001: in production every workload says how much risk it carries; the default is a guess. */
export const missingTierRule: ManifestRule = {
  id: 'TG-TIER-001',
  title: 'Production workload without a tier',
  description: "Fires when a workload in a production environment has no tier label or annotation (the policy's `tierKey`, default `tollgate.dev/tier`), so the policy's default tier is assumed.",
  example: 'kind: Deployment\nmetadata:\n  name: payments\n  namespace: payments-prod',
  fix: 'Add the tier label, e.g. `tollgate.dev/tier: "1"`.',
  kinds: WORKLOAD_KINDS,
  levels: ['error', 'error', 'error'],
  nonProdLevels: ['off', 'off', 'off'],
  check(ctx) {
    if (!ctx.production || tierEntry(ctx.doc, ctx.tierKey)) return;
    const metadata = ctx.doc.root.get('metadata');
    const at = metadata?.get('labels') ?? metadata;
    const edit = insertAtPath(ctx.doc.text, ctx.doc.root, ['metadata', 'labels', ctx.tierKey], String(ctx.tier));
    ctx.report({
      ...(at ? { at, onKey: true } : { at: ctx.doc.headSpan }),
      message: `${ctx.doc.kind} '${ctx.doc.name ?? '?'}' in ${ctx.environment} has no '${ctx.tierKey}' label or annotation; the policy's default tier ${ctx.tier} is assumed`,
      ...(edit ? { fixes: [{ title: `Add label ${ctx.tierKey}: "${ctx.tier}" (the policy's default tier)`, edits: [edit], preferred: true }] } : {}),
    });
  },
};
