import type { Fix } from '../../../findings';
import { insertMapEntry, replaceSpan } from '../../../yaml/edits';
import type { ManifestRule, RuleContext } from '../rule';
import { analysisBlocks, findTemplate, refKind, resolveRef, suggestTemplate, type TemplateRef } from './refs';

/**
 * TG-ANL-001. `kubectl argo rollouts lint` never loads templates, so a typo
 * in `templateName` only shows up in the cluster as `InvalidSpec`
 * (argo-rollouts #1187, #3504). The default level is a warning because a team
 * may apply templates from another repository; a policy that sets
 * `analysis.requireInWorkspace` says so in the message and should raise the
 * rule to error with an override.
 */
export const templateNotFoundRule: ManifestRule = {
  id: 'TG-ANL-001',
  title: 'Analysis template defined in the workspace',
  description:
    'Fires on a `templateName` (step analysis, background analysis, blue-green pre/post-promotion analysis, experiment analyses) that names no AnalysisTemplate in the same or no namespace — or, with `clusterScope: true`, no ClusterAnalysisTemplate — anywhere in the workspace.',
  example: 'steps:\n- analysis:\n    templates:\n    - templateName: sucess-rate',
  fix: 'Correct the name, or add the template to the workspace (policies with `analysis.requireInWorkspace` demand the latter).',
  source: "argo-rollouts rollout/analysis.go (`AnalysisTemplate '<name>' not found`), validation_references.go R3",
  kinds: ['Rollout'],
  levels: ['warning', 'warning', 'warning'],
  check(ctx) {
    for (const block of analysisBlocks(ctx.doc)) {
      for (const ref of block.templates) {
        if (!resolveRef(ctx.workspace, ref, ctx.doc.namespace)) reportMissing(ctx, ref);
      }
    }
  },
};

function reportMissing(ctx: RuleContext, ref: TemplateRef): void {
  const kind = refKind(ref);
  const otherKind = ref.clusterScope ? 'AnalysisTemplate' : 'ClusterAnalysisTemplate';
  const guess = suggestTemplate(ctx.workspace, kind, ref.name);
  const other = findTemplate(ctx.workspace, otherKind, ref.name, ctx.doc.namespace) !== undefined;
  const fixes: Fix[] = [];
  if (guess !== undefined) fixes.push({ title: `Rename to '${guess}'`, edits: [replaceSpan(ref.nameCursor.span, guess)], preferred: true });
  const scope = other ? scopeFix(ctx, ref) : undefined;
  if (scope) fixes.push(scope);
  const hint = guess !== undefined ? ` — did you mean '${guess}'?` : other ? ` — a ${otherKind} of that name exists: ${ref.clusterScope ? 'drop clusterScope' : 'set clusterScope: true'}` : '';
  const where = ref.clusterScope ? '' : ctx.doc.namespace !== undefined ? ` in namespace '${ctx.doc.namespace}' (or without one)` : '';
  const policy = ctx.settings.analysis.requireInWorkspace
    ? '; the policy requires referenced templates to be defined in the workspace (analysis.requireInWorkspace)'
    : '';
  ctx.report({ at: ref.nameCursor, message: `${kind} '${ref.name}' not found in the workspace${where}${hint}${policy}`, fixes });
}

function scopeFix(ctx: RuleContext, ref: TemplateRef): Fix | undefined {
  const scope = ref.cursor.get('clusterScope');
  const edit = scope ? replaceSpan(scope.span, String(!ref.clusterScope)) : insertMapEntry(ctx.doc.text, ref.cursor, 'clusterScope', true);
  return edit ? { title: ref.clusterScope ? 'Set clusterScope: false' : 'Set clusterScope: true', edits: [edit] } : undefined;
}

