import { replaceSpan, yamlScalar } from '../../../yaml/edits';
import type { Fix } from '../../../findings';
import { argoRule, goString, strategyOf, VALIDATION_GO } from './common';

/** Argo B1: blue-green needs two different Services. */
export const blueGreenServicesRule = argoRule({
  id: 'TG-ARGO-B1',
  title: 'Active and preview services differ',
  description: 'Fires when `blueGreen.activeService` equals `blueGreen.previewService` (also when both are missing: Argo compares the empty strings).',
  example: 'strategy:\n  blueGreen:\n    activeService: web\n    previewService: web',
  fix: 'Point `previewService` at its own Service, e.g. `<active>-preview`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyBlueGreen)`,
  check(ctx) {
    const bg = strategyOf(ctx)?.blueGreen;
    if (!bg) return;
    const active = goString(bg, 'activeService');
    if (active !== goString(bg, 'previewService')) return;
    const activeC = bg.get('activeService');
    const previewC = bg.get('previewService');
    const fixes: Fix[] = [];
    if (active !== '' && previewC && !previewC.isNull) {
      fixes.push({ title: `Rename the preview service to '${active}-preview'`, edits: [replaceSpan(previewC.span, yamlScalar(`${active}-preview`))], preferred: true });
    }
    ctx.report({
      at: activeC && !activeC.isNull ? activeC : bg,
      onKey: !activeC || activeC.isNull,
      message: `${bg.pathText}.activeService: Invalid value: ${JSON.stringify(active)}: This rollout uses the same service for the active and preview services, but two different services are required.`,
      fixes,
    });
  },
});
