import type { Fix } from '../../../findings';
import type { ManifestRule, RuleContext } from '../rule';
import { insertSeqItem } from '../canary/seq-edits';
import { canaryModel } from '../canary/steps';
import { insertFlowEntry } from './block-edits';
import { templateNames } from './refs';

/**
 * TG-ANL-005. Regulated workloads (tier 2) must show machine evidence before
 * full traffic: an analysis step or experiment analysis before the canary
 * reaches 100%, background analysis, or a blue-green prePromotionAnalysis
 * (postPromotionAnalysis runs after the switch, too late to count).
 */
export const analysisBeforeFullRule: ManifestRule = {
  id: 'TG-ANL-005',
  title: 'Analysis before full promotion',
  description:
    'Fires on a Rollout whose canary runs no analysis (step, experiment analyses or background) before reaching 100%, or whose manually promoted blue-green strategy has no `prePromotionAnalysis` (with auto-promotion TG-BG-002 reports it).',
  example: 'strategy:\n  canary:\n    steps:\n    - setWeight: 5\n    - pause: {duration: 10m}',
  fix: 'Add an analysis step (or background analysis / prePromotionAnalysis) using a template from the workspace.',
  kinds: ['Rollout'],
  levels: ['off', 'warning', 'error'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    if (model) {
      if (model.backgroundAnalysis) return;
      const full = model.steps.findIndex((s) => (s.weight ?? 0) >= 100);
      const before = full < 0 ? model.steps : model.steps.slice(0, full);
      if (before.some((s) => s.verifies)) return;
      const at = model.stepsCursor ?? model.canary;
      const edit = model.stepsCursor?.isSeq ? insertSeqItem(ctx.doc.text, model.stepsCursor, full < 0 ? undefined : full, analysisStep(ctx)) : undefined;
      ctx.report({ at, onKey: true, message: `canary reaches 100% without any analysis (no analysis step, experiment analyses or background analysis) (tier ${ctx.tier} expects analysis evidence before full promotion)`, fixes: fix('Insert an analysis step', edit) });
      return;
    }
    const bg = ctx.doc.root.at('spec', 'strategy', 'blueGreen');
    // With auto-promotion on, TG-BG-002 already reports the missing prePromotionAnalysis.
    if (!bg?.isMap || bg.get('prePromotionAnalysis') || bg.get('autoPromotionEnabled')?.bool() !== false) return;
    const edit = insertFlowEntry(ctx.doc.text, bg, 'prePromotionAnalysis', `{templates: [{templateName: ${templateName(ctx)}}]}`);
    ctx.report({ at: bg, onKey: true, message: `blueGreen has no prePromotionAnalysis: the new version takes 100% of traffic without analysis (tier ${ctx.tier} expects analysis evidence before promotion)`, fixes: fix('Add prePromotionAnalysis', edit) });
  },
};

/** A template from the workspace to reference, or a placeholder name to replace. */
export function templateName(ctx: RuleContext): string {
  return templateNames(ctx.workspace, 'AnalysisTemplate')[0] ?? 'TODO-analysis-template';
}

function analysisStep(ctx: RuleContext) {
  const flow = `{templates: [{templateName: ${templateName(ctx)}}]}`;
  return { block: [`analysis: ${flow}`], flow: `{analysis: ${flow}}` };
}

function fix(title: string, edit: Fix['edits'][number] | undefined): Fix[] {
  return edit ? [{ title, edits: [edit] }] : [];
}
