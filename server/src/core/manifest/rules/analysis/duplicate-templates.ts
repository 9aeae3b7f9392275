import type { ManifestDoc } from '../../manifest-doc';
import type { ManifestRule, RuleContext } from '../rule';
import { removeSeqItem } from '../canary/seq-edits';
import { analysisBlocks, resolveRef, type AnalysisBlock, type TemplateRef } from './refs';

/**
 * TG-ANL-003. Argo builds one AnalysisRun from all templates of a block and
 * rejects it when two metrics share a name (`two metrics have the same name`
 * in argo-rollouts `utils/analysis/factory.go`); naming the same template
 * twice is the commonest way to get there.
 */
export const duplicateTemplatesRule: ManifestRule = {
  id: 'TG-ANL-003',
  title: 'No duplicate templates or metric names in an analysis block',
  description:
    'Fires on a template named twice in one analysis block, and on a template that defines a metric name another template of the same block already defines (templates found in the workspace).',
  example: 'analysis:\n  templates:\n  - templateName: success-rate\n  - templateName: success-rate',
  fix: 'Remove the duplicate reference, or rename one of the clashing metrics.',
  source: 'argo-rollouts utils/analysis/factory.go (NewAnalysisRunFromTemplates: two metrics have the same name)',
  kinds: ['Rollout'],
  levels: ['error', 'error', 'error'],
  check(ctx) {
    for (const block of analysisBlocks(ctx.doc)) checkBlock(ctx, block);
  },
};

function checkBlock(ctx: RuleContext, block: AnalysisBlock): void {
  const seen = new Map<string, TemplateRef>();
  const metricOwner = new Map<string, string>();
  block.templates.forEach((ref, i) => {
    const key = `${ref.clusterScope ? 'cluster:' : ''}${ref.name}`;
    const first = seen.get(key);
    if (first) {
      reportDuplicate(ctx, block, ref, i, first);
      return;
    }
    seen.set(key, ref);
    const doc = resolveRef(ctx.workspace, ref, ctx.doc.namespace);
    if (doc) checkMetrics(ctx, ref, doc, metricOwner);
  });
}

function reportDuplicate(ctx: RuleContext, block: AnalysisBlock, ref: TemplateRef, index: number, first: TemplateRef): void {
  const list = block.cursor.get('templates');
  const edit = list ? removeSeqItem(ctx.doc.text, list, index) : undefined;
  ctx.report({
    at: ref.nameCursor,
    message: `template '${ref.name}' is listed twice in ${block.cursor.pathText}.templates (first at ${first.cursor.pathText}): its metrics would clash`,
    ...(edit ? { fixes: [{ title: 'Remove the duplicate', edits: [edit], preferred: true }] } : {}),
  });
}

function checkMetrics(ctx: RuleContext, ref: TemplateRef, template: ManifestDoc, owner: Map<string, string>): void {
  for (const m of template.root.at('spec', 'metrics')?.items() ?? []) {
    const name = m.get('name')?.text();
    if (name === undefined) continue;
    const other = owner.get(name);
    if (other !== undefined && other !== ref.name) {
      ctx.report({ at: ref.nameCursor, message: `templates '${other}' and '${ref.name}' both define metric '${name}': Argo rejects the AnalysisRun (two metrics have the same name '${name}')` });
    } else owner.set(name, ref.name);
  }
}
