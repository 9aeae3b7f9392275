import { replaceSpan } from '../../../yaml/edits';
import type { ManifestDoc } from '../../manifest-doc';
import type { ManifestRule, RuleContext } from '../rule';
import { addArgEdit } from './block-edits';
import { analysisBlocks, nearest, resolveRef, templateArgs, type AnalysisBlock, type TemplateRef } from './refs';

/**
 * TG-ANL-002. Argo merges the Rollout's args into the templates' declared
 * args (`MergeArgs` in argo-rollouts `utils/analysis/helpers.go`): a declared
 * arg with neither `value` nor `valueFrom` that the Rollout does not supply
 * fails the AnalysisRun (`args.<name> was not resolved`) and leaves the
 * rollout stuck (#1052, #1208); an arg the Rollout passes but no template
 * declares is silently ignored — usually a misspelling.
 */
export const templateArgsRule: ManifestRule = {
  id: 'TG-ANL-002',
  title: 'Analysis args match the template',
  description:
    'Fires when a referenced template declares an arg without `value`/`valueFrom` that the Rollout does not pass, and when the Rollout passes an arg that none of the block\'s templates declares (checked only for templates found in the workspace).',
  example: 'analysis:\n  templates:\n  - templateName: success-rate   # declares args: [{name: service-name}]\n  args: []',
  fix: 'Pass every required arg under the block\'s `args`, and spell arg names as the template declares them.',
  source: 'argo-rollouts utils/analysis/helpers.go (MergeArgs, ResolveArgs)',
  kinds: ['Rollout'],
  levels: ['error', 'error', 'error'],
  check(ctx) {
    for (const block of analysisBlocks(ctx.doc)) {
      // A template listed twice is TG-ANL-003's finding; check its args once.
      const unique = block.templates.filter((r, i, all) => all.findIndex((o) => o.name === r.name && o.clusterScope === r.clusterScope) === i);
      const resolved = unique.map((ref) => ({ ref, doc: resolveRef(ctx.workspace, ref, ctx.doc.namespace) }));
      const supplied = suppliedArgs(block);
      for (const { ref, doc } of resolved) if (doc) checkRequired(ctx, block, ref, doc, supplied);
      if (resolved.length > 0 && resolved.every((r) => r.doc)) checkUndeclared(ctx, block, resolved.map((r) => r.doc as ManifestDoc));
    }
  },
};

/** Names the Rollout passes with a value or valueFrom. */
function suppliedArgs(block: AnalysisBlock): Set<string> {
  const out = new Set<string>();
  for (const a of block.args?.items() ?? []) {
    const name = a.get('name')?.text();
    const given = ['value', 'valueFrom'].some((k) => a.get(k) !== undefined && !a.get(k)?.isNull);
    if (name !== undefined && given) out.add(name);
  }
  return out;
}

function checkRequired(ctx: RuleContext, block: AnalysisBlock, ref: TemplateRef, template: ManifestDoc, supplied: Set<string>): void {
  for (const arg of templateArgs(template)) {
    if (!arg.required || supplied.has(arg.name)) continue;
    const edit = addArgEdit(ctx.doc.text, block.cursor, block.args, arg.name);
    ctx.report({
      at: ref.nameCursor,
      message: `${template.kind} '${ref.name}' requires arg '${arg.name}' (no value or valueFrom in the template) but ${block.cursor.pathText}.args does not pass it: the AnalysisRun fails with 'args.${arg.name} was not resolved'`,
      ...(edit ? { fixes: [{ title: `Add arg '${arg.name}'`, edits: [edit] }] } : {}),
    });
  }
}

function checkUndeclared(ctx: RuleContext, block: AnalysisBlock, templates: readonly ManifestDoc[]): void {
  const declared = [...new Set(templates.flatMap((t) => templateArgs(t).map((a) => a.name)))];
  for (const a of block.args?.items() ?? []) {
    const nameCursor = a.get('name');
    const name = nameCursor?.text();
    if (!nameCursor || name === undefined || declared.includes(name)) continue;
    const guess = nearest(name, declared);
    const names = templates.map((t) => `'${t.name ?? '?'}'`).join(', ');
    ctx.report({
      at: nameCursor,
      message: `arg '${name}' is not declared by template ${names}${declared.length > 0 ? ` (declared: ${declared.join(', ')})` : ''}: Argo ignores it${guess !== undefined ? ` — did you mean '${guess}'?` : ''}`,
      ...(guess !== undefined ? { fixes: [{ title: `Rename to '${guess}'`, edits: [replaceSpan(nameCursor.span, guess)], preferred: true }] } : {}),
    });
  }
}
