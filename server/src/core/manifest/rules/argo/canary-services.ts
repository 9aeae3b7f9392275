import { replaceSpan, yamlScalar } from '../../../yaml/edits';
import { argoRule, canaryOf, goString, VALIDATION_GO } from './common';

/** Argo C2: canary and stable must be different Services. */
export const canaryServicesRule = argoRule({
  id: 'TG-ARGO-C2',
  title: 'Canary and stable services differ',
  description: 'Fires when `canary.canaryService` and `canary.stableService` are both set and name the same Service.',
  example: 'strategy:\n  canary:\n    canaryService: web\n    stableService: web',
  fix: 'Point `canaryService` at its own Service, e.g. `<stable>-canary`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const stable = goString(canary, 'stableService');
    if (!canary || stable === '' || stable !== goString(canary, 'canaryService')) return;
    ctx.report({
      at: canary.get('stableService')!,
      message: `${canary.pathText}.stableService: Invalid value: ${JSON.stringify(stable)}: This rollout uses the same service for the stable and canary services, but two different services are required.`,
      fixes: [{ title: `Rename the canary service to '${stable}-canary'`, edits: [replaceSpan(canary.get('canaryService')!.span, yamlScalar(`${stable}-canary`))], preferred: true }],
    });
  },
});
