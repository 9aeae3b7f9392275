import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fires, fixClears, quiet, rollout } from './argo-yaml';

const canary = (body: string) => rollout({ strategy: `canary:\n${body.split('\n').map((l) => `  ${l}`).join('\n')}` });
const NGINX = 'trafficRouting:\n  nginx: {stableIngress: web}';

test('TG-ARGO-C1 fires when maxSurge and maxUnavailable both resolve to zero; the fix sets maxUnavailable 1', () => {
  const yaml = canary('maxSurge: 0\nmaxUnavailable: "0%"');
  fires(yaml, 'TG-ARGO-C1', { span: '0', message: /^spec\.strategy\.canary\.maxSurge: Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero$/ });
  assert.match(fixClears(yaml, 'TG-ARGO-C1'), /maxUnavailable: 1/);
  fires(canary('maxSurge: "abc"\nmaxUnavailable: 0'), 'TG-ARGO-C1'); // Go's Atoi("abc") is 0
  quiet(canary('maxSurge: 0'), 'TG-ARGO-C1'); // maxUnavailable defaults to 25%
  quiet(canary('maxSurge: 0\nmaxUnavailable: "10%"'), 'TG-ARGO-C1');
});

test('TG-ARGO-C2 fires when canary equals stable; the fix renames the canary service', () => {
  const yaml = canary('canaryService: web\nstableService: web');
  fires(yaml, 'TG-ARGO-C2', { span: 'web', message: /^spec\.strategy\.canary\.stableService: Invalid value: "web": This rollout uses the same service for the stable and canary services/ });
  assert.match(fixClears(yaml, 'TG-ARGO-C2'), /canaryService: "web-canary"/);
  quiet(canary('canaryService: web-canary\nstableService: web'), 'TG-ARGO-C2');
});

test('TG-ARGO-C3..C6 check pingPong', () => {
  fires(canary(`pingPong: {pingService: a, pongService: b}\n${NGINX}`), 'TG-ARGO-C3', { span: 'trafficRouting', message: /Ping-pong feature works with the ALB, Istio, and plugin-based traffic routers only/ });
  quiet(canary('pingPong: {pingService: a, pongService: b}\ntrafficRouting:\n  alb: {ingress: web, rootService: root, servicePort: 80}'), 'TG-ARGO-C3');
  fires(canary('pingPong: {pingService: a}'), 'TG-ARGO-C4', { span: 'pingPong', message: /pingPong\.pongService: Invalid value: "": Ping service and Pong service must to be set/ });
  quiet(canary('pingPong: {pingService: a, pongService: b}'), 'TG-ARGO-C4');
  const same = canary('pingPong: {pingService: a, pongService: a}');
  fires(same, 'TG-ARGO-C5', { span: 'a', message: /same service for the ping and pong services/ });
  assert.match(fixClears(same, 'TG-ARGO-C5'), /pongService: "a-pong"/);
  fires(canary('pingPong: {pingService: a, pongService: b}\ntrafficRouting:\n  alb: {ingress: web, servicePort: 80}'), 'TG-ARGO-C6', { span: 'alb', message: /Root service field is required/ });
  quiet(canary('pingPong: {pingService: a, pongService: b}\ntrafficRouting:\n  istio: {virtualService: {name: web}}'), 'TG-ARGO-C6');
});

test('TG-ARGO-C7 fires per missing service with a router that needs both; the fix adds a stub', () => {
  const yaml = canary(`stableService: web-stable\n${NGINX}`);
  fires(yaml, 'TG-ARGO-C7', { span: 'canary', message: /canary\.canaryService: Invalid value: "": Canary service and Stable service must to be set to use Traffic Routing/ });
  assert.match(fixClears(yaml, 'TG-ARGO-C7'), /canaryService: "web-canary"/);
  fires(canary(NGINX), 'TG-ARGO-C7', { count: 2 });
  quiet(canary('trafficRouting:\n  istio:\n    virtualService: {name: web}\n    destinationRule: {name: web, canarySubsetName: c, stableSubsetName: s}'), 'TG-ARGO-C7');
  quiet(canary(`canaryService: c\nstableService: s\n${NGINX}`), 'TG-ARGO-C7');
});

test('TG-ARGO-C8..C11 check features that need (particular) traffic routing', () => {
  fires(canary('scaleDownDelaySeconds: 0'), 'TG-ARGO-C8', { span: '0', message: /Canary scaleDownDelaySeconds can only be used with traffic routing/ });
  quiet(canary(`canaryService: c\nstableService: s\nscaleDownDelaySeconds: 30\n${NGINX}`), 'TG-ARGO-C8');
  fires(canary('dynamicStableScale: true'), 'TG-ARGO-C9', { span: 'true' });
  quiet(canary('dynamicStableScale: false'), 'TG-ARGO-C9');
  fires(canary(`canaryService: c\nstableService: s\ndynamicStableScale: true\nscaleDownDelaySeconds: 30\n${NGINX}`), 'TG-ARGO-C10', { span: 'true', message: /cannot be used with scaleDownDelaySeconds/ });
  quiet(canary(`canaryService: c\nstableService: s\ndynamicStableScale: true\n${NGINX}`), 'TG-ARGO-C10');
  fires(canary('trafficRouting:\n  maxTrafficWeight: 1000\n  istio: {virtualService: {name: web}}'), 'TG-ARGO-C11', { span: '1000', message: /only supported in Nginx and Plugins/ });
  quiet(canary(`canaryService: c\nstableService: s\ntrafficRouting:\n  maxTrafficWeight: 1000\n  nginx: {stableIngress: web}`), 'TG-ARGO-C11');
});
