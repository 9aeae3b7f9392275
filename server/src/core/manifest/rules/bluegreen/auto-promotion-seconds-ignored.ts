import { removeEntry } from '../../../yaml/edits';
import type { ManifestRule } from '../rule';
import { blueGreenModel } from './model';

/** TG-BG-003. `autoPromotionSeconds` is ignored when auto-promotion is off, so the rollout never promotes by itself (argo-rollouts #2000). */
export const autoPromotionSecondsIgnoredRule: ManifestRule = {
  id: 'TG-BG-003',
  title: 'autoPromotionSeconds without auto-promotion',
  description: 'Fires on `autoPromotionSeconds` when `autoPromotionEnabled: false`: Argo ignores the seconds and waits for a manual promote.',
  example: 'blueGreen:\n  activeService: web\n  autoPromotionEnabled: false\n  autoPromotionSeconds: 300',
  fix: 'Remove `autoPromotionSeconds` (manual promotion) or `autoPromotionEnabled: false` (timed promotion).',
  kinds: ['Rollout'],
  levels: ['warning', 'warning', 'warning'],
  check(ctx) {
    const m = blueGreenModel(ctx.doc);
    const seconds = m?.bg.get('autoPromotionSeconds');
    const enabled = m?.bg.get('autoPromotionEnabled');
    if (!m || !seconds || enabled?.bool() !== false) return;
    const block = ctx.doc.text.charAt(m.bg.span.start) !== '{';
    ctx.report({
      at: seconds,
      onKey: true,
      message: `autoPromotionSeconds ${seconds.text() ?? ''} is ignored because autoPromotionEnabled is false: the rollout waits for a manual promote`,
      ...(block
        ? {
            fixes: [
              { title: 'Remove autoPromotionSeconds (promote manually)', edits: [removeEntry(ctx.doc.text, seconds)] },
              { title: 'Remove autoPromotionEnabled: false (promote after the delay)', edits: [removeEntry(ctx.doc.text, enabled)] },
            ],
          }
        : {}),
    });
  },
};
