import { argoRule, canaryOf, goString, present, VALIDATION_GO } from './common';

/** Argo C4: ping-pong needs both services. */
export const pingPongServicesRule = argoRule({
  id: 'TG-ARGO-C4',
  title: 'Ping and pong services set',
  description: 'Fires for each of `canary.pingPong.pingService` / `pongService` that is missing or empty.',
  example: 'strategy:\n  canary:\n    pingPong: {pingService: ping}',
  fix: 'Set both `pingService` and `pongService`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const pp = present(canaryOf(ctx), 'pingPong');
    if (!pp) return;
    for (const key of ['pingService', 'pongService']) {
      if (goString(pp, key) !== '') continue;
      const c = pp.get(key);
      ctx.report({ at: c ?? pp, onKey: true, message: `${pp.pathText}.${key}: Invalid value: "": Ping service and Pong service must to be set to use Ping-Pong feature` });
    }
  },
});
