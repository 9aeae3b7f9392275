import { argoRule, canaryOf, hasRouter, present, trafficRoutingOf, VALIDATION_GO } from './common';

/** Argo C3: ping-pong needs the ALB, Istio or a plugin router. */
export const pingPongRouterRule = argoRule({
  id: 'TG-ARGO-C3',
  title: 'Ping-pong router supported',
  description: 'Fires when `canary.pingPong` is set with a `trafficRouting` that has none of `alb`, `istio` or `plugins`.',
  example: 'strategy:\n  canary:\n    pingPong: {pingService: ping, pongService: pong}\n    trafficRouting:\n      nginx: {stableIngress: web}',
  fix: 'Use ALB, Istio or a traffic-router plugin with ping-pong, or use canary/stable services instead.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const tr = canary && trafficRoutingOf(canary);
    if (!canary || !tr || !present(canary, 'pingPong')) return;
    if (hasRouter(tr, 'alb') || hasRouter(tr, 'istio') || hasRouter(tr, 'plugins')) return;
    ctx.report({ at: tr, onKey: true, message: `${tr.pathText}.alb: Invalid value: null: Ping-pong feature works with the ALB, Istio, and plugin-based traffic routers only` });
  },
});
