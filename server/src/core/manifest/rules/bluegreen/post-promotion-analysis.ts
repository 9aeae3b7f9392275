import type { ManifestRule } from '../rule';
import { blueGreenModel } from './model';

/** TG-BG-005. After the switch, only a postPromotionAnalysis can abort back to the old stack automatically. */
export const postPromotionAnalysisRule: ManifestRule = {
  id: 'TG-BG-005',
  title: 'Blue-green post-promotion analysis',
  description: 'Fires when a blue-green strategy has no `postPromotionAnalysis` (on by default for tier 2 as a warning, tier 1 as info).',
  example: 'blueGreen:\n  activeService: web\n  prePromotionAnalysis: {templates: [{templateName: smoke}]}',
  fix: 'Add a `postPromotionAnalysis` so a bad release is rolled back automatically after the switch.',
  kinds: ['Rollout'],
  levels: ['off', 'info', 'warning'],
  check(ctx) {
    const m = blueGreenModel(ctx.doc);
    if (!m || m.bg.get('postPromotionAnalysis')) return;
    ctx.report({ at: m.bg, onKey: true, message: `blueGreen has no postPromotionAnalysis: after the switch nothing verifies the new version or rolls it back automatically (tier ${ctx.tier})` });
  },
};
