import type { Fix } from '../../../findings';
import { replaceSpan, yamlScalar } from '../../../yaml/edits';
import { argoRule, canaryOf, goString, present, VALIDATION_GO } from './common';

/** Argo C5: ping and pong must be different Services. */
export const pingPongDistinctRule = argoRule({
  id: 'TG-ARGO-C5',
  title: 'Ping and pong services differ',
  description: 'Fires when `canary.pingPong.pingService` equals `pongService` (also when both are empty: Argo compares the strings).',
  example: 'strategy:\n  canary:\n    pingPong: {pingService: web, pongService: web}',
  fix: 'Point `pongService` at its own Service, e.g. `<ping>-pong`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const pp = present(canaryOf(ctx), 'pingPong');
    if (!pp) return;
    const ping = goString(pp, 'pingService');
    if (ping !== goString(pp, 'pongService')) return;
    const pingC = pp.get('pingService');
    const pongC = pp.get('pongService');
    const fixes: Fix[] = ping !== '' && pongC ? [{ title: `Rename the pong service to '${ping}-pong'`, edits: [replaceSpan(pongC.span, yamlScalar(`${ping}-pong`))], preferred: true }] : [];
    ctx.report({ at: pingC ?? pp, onKey: !pingC, message: `${pp.pathText}.pingService: Invalid value: ${JSON.stringify(ping)}: This rollout uses the same service for the ping and pong services, but two different services are required.`, fixes });
  },
});
