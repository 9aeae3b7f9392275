import type { Cursor } from '../../../yaml/cursor';
import type { Fix } from '../../../findings';
import type { RuleContext } from '../rule';
import { argoRule, present, strategyOf } from './common';

/** Analysis blocks of a Rollout (background, step, pre/post-promotion). */
function analysisBlocks(ctx: RuleContext): Cursor[] {
  const s = strategyOf(ctx);
  if (s?.canary) {
    const steps = (s.canary.get('steps')?.items() ?? []).flatMap((st) => present(st, 'analysis') ?? []);
    return [...(present(s.canary, 'analysis') ? [s.canary.get('analysis')!] : []), ...steps];
  }
  return ['prePromotionAnalysis', 'postPromotionAnalysis'].flatMap((k) => present(s?.blueGreen, k) ?? []);
}

/** TG-ARGO-LEGACY: the pre-1.0 `analysis.templateName` shape. */
export const legacyAnalysisRule = argoRule({
  id: 'TG-ARGO-LEGACY',
  title: 'Pre-1.0 analysis shape',
  description: 'Fires when an analysis block (background, step, pre- or post-promotion) uses the pre-1.0 `templateName:` field instead of `templates: [{templateName: …}]`; the API server rejects it (`strict decoding error: unknown field`) or drops it, so no analysis runs.',
  example: 'strategy:\n  canary:\n    analysis:\n      templateName: success-rate',
  fix: 'Rewrite it as `templates: [{templateName: success-rate}]`.',
  source: 'argo-rollouts pkg/apis/rollouts/v1alpha1/types.go (RolloutAnalysis.Templates; v1.0 migration)',
  check(ctx) {
    for (const block of analysisBlocks(ctx)) {
      const name = block.get('templateName');
      if (!name) continue;
      ctx.report({
        at: name,
        onKey: true,
        message: `${name.pathText}: unknown field "templateName" (pre-1.0 shape); use ${block.pathText}.templates: [{templateName: ${name.text() ?? '…'}}]`,
        fixes: block.get('templates') ? [] : rewrite(ctx.doc.text, name),
      });
    }
  },
});

function rewrite(text: string, name: Cursor): Fix[] {
  const value = name.isNull ? '""' : text.slice(name.span.start, name.span.end);
  const start = name.keySpan.start;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const block = /^[ -]*$/.test(before);
  const newText = block ? `templates:\n${' '.repeat(before.length)}  - templateName: ${value}` : `templates: [{templateName: ${value}}]`;
  return [{ title: 'Rewrite as templates: [{templateName: …}]', edits: [{ span: name.entrySpan, newText }], preferred: true }];
}
