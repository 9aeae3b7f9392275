import { argoRule, canaryOf, goString, present, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo C6: ALB ping-pong needs a root service. */
export const pingPongAlbRootRule = argoRule({
  id: 'TG-ARGO-C6',
  title: 'ALB ping-pong has rootService',
  description: 'Fires when `canary.pingPong` is used with `trafficRouting.alb` and `alb.rootService` is missing or empty.',
  example: 'strategy:\n  canary:\n    pingPong: {pingService: ping, pongService: pong}\n    trafficRouting:\n      alb: {ingress: web, servicePort: 80}',
  fix: 'Set `trafficRouting.alb.rootService` to the Service the Ingress routes to.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const alb = present(canary && trafficRoutingOf(canary), 'alb');
    if (!canary || !alb || !present(canary, 'pingPong') || goString(alb, 'rootService') !== '') return;
    ctx.report({ at: alb.get('rootService') ?? alb, onKey: true, message: `${alb.pathText}.rootService: Invalid value: "": Root service field is required for the configuration with ALB and ping-pong feature enabled` });
  },
});
