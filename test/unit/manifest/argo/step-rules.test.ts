import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fires, fixClears, quiet, rollout } from './argo-yaml';

const steps = (list: string, extra = '') => rollout({ strategy: `canary:\n${extra ? `${extra.split('\n').map((l) => `  ${l}`).join('\n')}\n` : ''}  steps:\n${list.split('\n').map((l) => `    ${l}`).join('\n')}` });
const ISTIO = 'canaryService: c\nstableService: s\ntrafficRouting:\n  managedRoutes: [{name: hdr}, {name: mirror}]\n  istio: {virtualService: {name: web}}';

test('TG-ARGO-C12 fires for a step with two actions; the fix splits it', () => {
  const yaml = steps('- setWeight: 20\n  pause: {duration: 60}');
  fires(yaml, 'TG-ARGO-C12', { span: 'pause', message: /^spec\.strategy\.canary\.steps\[0\]: Invalid value: Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause \(it sets setWeight and pause\)$/ });
  assert.match(fixClears(yaml, 'TG-ARGO-C12'), /- setWeight: 20\n {8}- pause: \{duration: 60\}/);
  quiet(steps('- setWeight: 20\n  setCanaryScale: {replicas: 1}'), 'TG-ARGO-C12'); // Argo only counts the four
});

test('TG-ARGO-C12 fires for a step with no action, naming a key left without value', () => {
  fires(steps('- pause:'), 'TG-ARGO-C12', { span: 'pause', message: /'pause' has no value; write `pause: \{\}`/ });
  fires(steps('- {}'), 'TG-ARGO-C12', { span: '{}' });
  quiet(steps('- pause: {}\n- plugin: {name: x}'), 'TG-ARGO-C12');
});

test('TG-ARGO-C13 fires outside [0, maxTrafficWeight]; the fix clamps', () => {
  const yaml = steps('- setWeight: 120');
  fires(yaml, 'TG-ARGO-C13', { span: '120', message: /^spec\.strategy\.canary\.steps\[0\]\.setWeight: Invalid value: 120: SetWeight needs to be between 0 and 100$/ });
  assert.match(fixClears(yaml, 'TG-ARGO-C13'), /setWeight: 100/);
  assert.match(fixClears(steps('- setWeight: -5'), 'TG-ARGO-C13'), /setWeight: 0/);
  const nginx = 'canaryService: c\nstableService: s\ntrafficRouting:\n  maxTrafficWeight: 1000\n  nginx: {stableIngress: web}';
  quiet(steps('- setWeight: 500', nginx), 'TG-ARGO-C13');
  fires(steps('- setWeight: 1001', nginx), 'TG-ARGO-C13', { message: /between 0 and 1000/ });
});

test('TG-ARGO-C14 fires for negative or unparsable pause durations; 1d is rewritten to 24h', () => {
  const yaml = steps('- pause: {duration: 1d}');
  fires(yaml, 'TG-ARGO-C14', { span: '1d', message: /pause\.duration: Invalid value: "1d": Duration needs to be greater than 0 \(time: unknown unit "d"/ });
  assert.match(fixClears(yaml, 'TG-ARGO-C14'), /duration: "24h"/);
  assert.match(fixClears(steps('- pause: {duration: 5min}'), 'TG-ARGO-C14'), /duration: "5m"/);
  fires(steps('- pause: {duration: -10}'), 'TG-ARGO-C14', { span: '-10' });
  fires(steps('- pause: {duration: "-1s"}'), 'TG-ARGO-C14');
  fires(steps('- pause: {duration: ten}'), 'TG-ARGO-C14');
  fires(steps('- pause: {duration: 1.5}'), 'TG-ARGO-C14', { message: /integer number of seconds/ });
  for (const ok of ['0', '"0"', '30', '"30"', '1h30m', '.5s', '"1.5h"', '250ms']) quiet(steps(`- pause: {duration: ${ok}}`), 'TG-ARGO-C14');
});

test('TG-ARGO-C15 fires for setCanaryScale without traffic routing', () => {
  fires(steps('- setCanaryScale: {replicas: 2}'), 'TG-ARGO-C15', { span: 'setCanaryScale', message: /^spec\.strategy\.canary\.trafficRouting: Required value: SetCanaryScale requires TrafficRouting to be set/ });
  quiet(steps('- setCanaryScale: {replicas: 2}', ISTIO), 'TG-ARGO-C15');
});

test('TG-ARGO-C16 checks the router and header match values', () => {
  fires(steps('- setHeaderRoute: {name: hdr}'), 'TG-ARGO-C16', { span: 'setHeaderRoute', message: /SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix/ });
  fires(steps('- setHeaderRoute:\n    name: hdr\n    match:\n      - headerName: x\n        headerValue: {exact: a, prefix: b}', ISTIO), 'TG-ARGO-C16', { span: '{exact: a, prefix: b}', message: /must have exactly one of the following: exact, regex, prefix/ });
  fires(steps('- setHeaderRoute:\n    name: hdr\n    match:\n      - headerName: x', ISTIO), 'TG-ARGO-C16', { span: 'headerName', message: /StringMatch value missed/ });
  const alb = 'canaryService: c\nstableService: s\ntrafficRouting:\n  managedRoutes: [{name: hdr}]\n  alb: {ingress: web, servicePort: 80}';
  fires(steps('- setHeaderRoute:\n    name: hdr\n    match:\n      - {headerName: x, headerValue: {prefix: a}}', alb), 'TG-ARGO-C16', { message: /ALB supports 'exact' value only/ });
  quiet(steps('- setHeaderRoute:\n    name: hdr\n    match:\n      - {headerName: x, headerValue: {exact: a}}', alb), 'TG-ARGO-C16');
});

test('TG-ARGO-C17 checks the router and method/path matches', () => {
  fires(steps('- setMirrorRoute: {name: mirror}', 'canaryService: c\nstableService: s\ntrafficRouting:\n  managedRoutes: [{name: mirror}]\n  nginx: {stableIngress: web}'), 'TG-ARGO-C17', { span: 'setMirrorRoute', message: /SetMirrorRoute requires TrafficRouting, supports Istio and Plugins/ });
  fires(steps('- setMirrorRoute:\n    name: mirror\n    match:\n      - method: {}', ISTIO), 'TG-ARGO-C17', { span: 'method', message: /StringMatch value missed.*\(method\)/ });
  quiet(steps('- setMirrorRoute:\n    name: mirror\n    match:\n      - {method: {exact: GET}, path: {prefix: /api}}', ISTIO), 'TG-ARGO-C17');
});

test('TG-ARGO-C18 wants managedRoutes listing each route step', () => {
  const noManaged = 'canaryService: c\nstableService: s\ntrafficRouting:\n  istio: {virtualService: {name: web}}';
  fires(steps('- setHeaderRoute: {name: hdr}', noManaged), 'TG-ARGO-C18', { span: 'setHeaderRoute', message: /Rollout has missing field 'spec\.strategy\.canary\.trafficRouting\.managedRoutes'/ });
  fires(steps('- setHeaderRoute: {name: other}', ISTIO), 'TG-ARGO-C18', { span: 'other', message: /"other": Steps define a route that does not exist/ });
  quiet(steps('- setHeaderRoute: {name: hdr}', ISTIO), 'TG-ARGO-C18');
  quiet(steps('- setHeaderRoute: {name: hdr}'), 'TG-ARGO-C18'); // C16 covers the missing router
});

test('TG-ARGO-C19 fires for experiment weights without a weight-capable router', () => {
  const exp = '- experiment:\n    templates:\n      - {name: e, specRef: canary, weight: 20}';
  fires(steps(exp), 'TG-ARGO-C19', { span: '20', message: /cannot be set unless TrafficRouting is enabled/ });
  fires(steps(exp, 'canaryService: c\nstableService: s\ntrafficRouting:\n  nginx: {stableIngress: web}'), 'TG-ARGO-C19', { message: /only available for TrafficRouting with SMI, ALB, Istio and Plugins/ });
  quiet(steps(exp, ISTIO), 'TG-ARGO-C19');
  quiet(steps('- experiment:\n    templates: [{name: e, specRef: canary}]'), 'TG-ARGO-C19');
});

test('TG-ARGO-C22 fires for unsupported metadata field paths in analysis args', () => {
  const arg = (p: string) => steps(`- analysis:\n    templates: [{templateName: t}]\n    args:\n      - name: a\n        valueFrom: {fieldRef: {fieldPath: "${p}"}}`);
  fires(arg('metadata.label'), 'TG-ARGO-C22', { span: '"metadata.label"', message: /Analyses arguments must refer to valid object metadata supported by downwardAPI \(unsupported fieldPath: metadata\.label\)/ });
  fires(arg("metadata.name['x']"), 'TG-ARGO-C22', { message: /does not support subscript/ });
  for (const ok of ['metadata.name', "metadata.labels['app']", "metadata.annotations['example.com/x']", 'spec.replicas']) quiet(arg(ok), 'TG-ARGO-C22');
  const expArg = steps('- experiment:\n    templates: [{name: e, specRef: canary}]\n    analyses:\n      - name: a\n        templateName: t\n        args: [{name: x, valueFrom: {fieldRef: {fieldPath: metadata.uuid}}}]');
  fires(expArg, 'TG-ARGO-C22', { span: 'metadata.uuid' });
});
