import { test } from 'node:test';
import { fires, quiet, rollout } from './argo-yaml';

const svc = (name: string, selector: string, annotations = '') => `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${annotations}spec:\n  selector: ${selector}\n`;
const canary = (body: string, name = 'web') => rollout({ name, strategy: `canary:\n${body.split('\n').map((l) => `  ${l}`).join('\n')}` });

test('TG-ARGO-R1 fires per Service selector label the pods lack', () => {
  const yaml = canary('canaryService: web-canary\nstableService: web-stable') + svc('web-canary', '{app: api}') + svc('web-stable', '{app: web, rollouts-pod-template-hash: abc}');
  fires(yaml, 'TG-ARGO-R1', { span: 'web-canary', message: /^spec\.strategy\.canary\.canaryService: Invalid value: "web-canary": Service "web-canary" has unmatch label "app" in rollout/ });
  quiet(canary('canaryService: web-canary\nstableService: web-stable') + svc('web-canary', '{app: web}'), 'TG-ARGO-R1');
  quiet(canary('canaryService: elsewhere\nstableService: web-stable'), 'TG-ARGO-R1'); // Service not in the workspace
});

test('TG-ARGO-R1 uses the workloadRef target\'s labels when the workload is in the workspace', () => {
  const deployment = '---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-deploy}\nspec:\n  template:\n    metadata: {labels: {app: other}}\n';
  const ro = rollout({ podPart: 'workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web-deploy}', strategy: 'blueGreen:\n  activeService: web-active' });
  fires(ro + svc('web-active', '{app: web}') + deployment, 'TG-ARGO-R1', { span: 'web-active' });
  quiet(ro + svc('web-active', '{app: web}'), 'TG-ARGO-R1');
});

test('TG-ARGO-R2 fires for a Service managed by, or shared with, another Rollout', () => {
  const annotated = svc('web-stable', '{app: web}', '  annotations:\n    argo-rollouts.argoproj.io/managed-by-rollouts: other\n');
  fires(canary('stableService: web-stable') + annotated, 'TG-ARGO-R2', { span: 'web-stable', message: /Service "web-stable" is managed by another Rollout \(other\)/ });
  const shared = canary('stableService: web-stable') + '---\n' + canary('stableService: web-stable', 'web-v2');
  fires(shared, 'TG-ARGO-R2', { count: 2, message: /managed by another Rollout \(web-v2\)/ });
  quiet(canary('stableService: web-stable') + svc('web-stable', '{app: web}', '  annotations:\n    argo-rollouts.argoproj.io/managed-by-rollouts: web\n'), 'TG-ARGO-R2');
});

const NGINX = 'canaryService: web-canary\nstableService: web-stable\ntrafficRouting:\n  nginx: {stableIngress: web-ing}';
const ingress = (service: string, v1 = true) => `---\napiVersion: networking.k8s.io/${v1 ? 'v1' : 'v1beta1'}\nkind: Ingress\nmetadata: {name: web-ing}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            backend: ${v1 ? `{service: {name: ${service}, port: {number: 80}}}` : `{serviceName: ${service}, servicePort: 80}`}\n`;

test('TG-ARGO-R7 fires when the stable Ingress has no rule for the stable (or ALB root) Service', () => {
  fires(canary(NGINX) + ingress('web-root'), 'TG-ARGO-R7', { span: 'web-ing', message: /ingress `web-ing` has no rules using service web-stable backend/ });
  quiet(canary(NGINX) + ingress('web-stable'), 'TG-ARGO-R7');
  quiet(canary(NGINX) + ingress('web-stable', false), 'TG-ARGO-R7');
  const alb = 'canaryService: c\nstableService: s\ntrafficRouting:\n  alb: {ingress: web-ing, rootService: web-root, servicePort: 80}';
  quiet(canary(alb) + ingress('web-root'), 'TG-ARGO-R7');
  fires(canary(alb) + ingress('s'), 'TG-ARGO-R7', { message: /using service web-root backend/ });
});

const vs = (http: string) => `---\napiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata: {name: web-vs}\nspec:\n  hosts: [web]\n${http}`;
const ISTIO = (routes = '') => `canaryService: web-canary\nstableService: web-stable\ntrafficRouting:\n  istio:\n    virtualService: {name: web-vs${routes}}`;
const ROUTE = '  http:\n    - name: primary\n      route:\n        - destination: {host: web-stable}\n        - destination: {host: web-canary.ns.svc.cluster.local}\n';

test('TG-ARGO-R8 checks the VirtualService routes and destinations', () => {
  quiet(canary(ISTIO(', routes: [primary]')) + vs(ROUTE), 'TG-ARGO-R8');
  quiet(canary(ISTIO()) + vs(ROUTE), 'TG-ARGO-R8');
  fires(canary(ISTIO(', routes: [main]')) + vs(ROUTE), 'TG-ARGO-R8', { span: 'web-vs', message: /Istio VirtualService has invalid HTTP routes\. Error: HTTP Route 'main' is not found in the defined Virtual Service\./ });
  const noCanary = '  http:\n    - name: primary\n      route:\n        - destination: {host: web-stable}\n';
  fires(canary(ISTIO()) + vs(noCanary), 'TG-ARGO-R8', { message: /Canary Service 'web-canary' not found in route/ });
  fires(canary(ISTIO()) + vs(`${ROUTE}    - name: other\n      route: [{destination: {host: x}}]\n`), 'TG-ARGO-R8', { message: /must have exactly one route when omitting/ });
  fires(canary(ISTIO()) + vs(''), 'TG-ARGO-R8', { message: /Unable to get any of the HTTP, TCP or TLS routes/ });
});

test('TG-ARGO-R10 fires when a router names both or neither of its target forms', () => {
  fires(canary('canaryService: c\nstableService: s\ntrafficRouting:\n  nginx:\n    stableIngress: a\n    stableIngresses: [b]'), 'TG-ARGO-R10', { span: 'stableIngresses', message: /Either StableIngress or StableIngresses must be configured\. Both are configured\./ });
  fires(canary('canaryService: c\nstableService: s\ntrafficRouting:\n  alb: {servicePort: 80}'), 'TG-ARGO-R10', { span: 'alb', message: /Neither are configured/ });
  fires(canary('canaryService: c\nstableService: s\ntrafficRouting:\n  istio: {}'), 'TG-ARGO-R10', { span: 'istio', message: /either VirtualService or VirtualServices must be configured/ });
  fires(canary('canaryService: c\nstableService: s\ntrafficRouting:\n  appMesh: {}'), 'TG-ARGO-R10', { span: 'appMesh', message: /must provide virtual-service/ });
  quiet(canary('canaryService: c\nstableService: s\ntrafficRouting:\n  nginx: {stableIngresses: [a, b]}'), 'TG-ARGO-R10');
});
