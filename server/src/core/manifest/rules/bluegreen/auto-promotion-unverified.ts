import type { Fix } from '../../../findings';
import { insertMapEntry, replaceSpan } from '../../../yaml/edits';
import type { ManifestRule } from '../rule';
import { insertFlowEntry } from '../analysis/block-edits';
import { templateName } from '../analysis/analysis-before-full';
import { blueGreenModel } from './model';

/**
 * TG-BG-002. With auto-promotion on (Argo's default) and no
 * prePromotionAnalysis, the new stack takes all traffic as soon as it is
 * ready: nothing and nobody checked it.
 */
export const autoPromotionUnverifiedRule: ManifestRule = {
  id: 'TG-BG-002',
  title: 'Auto-promotion backed by pre-promotion analysis',
  description: 'Fires when blue-green auto-promotion is on (`autoPromotionEnabled` true or absent) and there is no `prePromotionAnalysis`.',
  example: 'strategy:\n  blueGreen:\n    activeService: web\n    previewService: web-preview',
  fix: 'Add a `prePromotionAnalysis`, or set `autoPromotionEnabled: false` and promote by hand.',
  kinds: ['Rollout'],
  levels: ['off', 'warning', 'error'],
  check(ctx) {
    const m = blueGreenModel(ctx.doc);
    if (!m || m.bg.get('prePromotionAnalysis')) return;
    const auto = m.bg.get('autoPromotionEnabled');
    if (auto?.bool() === false) return;
    const text = ctx.doc.text;
    const off = auto ? replaceSpan(auto.span, 'false') : insertMapEntry(text, m.bg, 'autoPromotionEnabled', false);
    const analysis = insertFlowEntry(text, m.bg, 'prePromotionAnalysis', `{templates: [{templateName: ${templateName(ctx)}}]}`);
    const fixes: Fix[] = [
      ...(analysis ? [{ title: 'Add prePromotionAnalysis', edits: [analysis] }] : []),
      ...(off ? [{ title: 'Set autoPromotionEnabled: false', edits: [off] }] : []),
    ];
    ctx.report({
      at: auto ?? m.bg,
      onKey: true,
      message: `blueGreen auto-promotes${auto ? '' : ' (autoPromotionEnabled defaults to true)'} without prePromotionAnalysis: the new version takes all traffic as soon as it is ready, unchecked`,
      fixes,
    });
  },
};
