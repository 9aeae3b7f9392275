import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../../../server/src/core/yaml/yaml-file';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const head = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n';
const withResources = (resources: string) => `${head}        - name: web\n          image: ghcr.io/acme/web:1.0\n${resources}`;

function fixedClean(yaml: string, id: string): string {
  const [f] = findingsOf(yaml, id);
  const fixed = applyFix(yaml, f);
  assert.deepEqual(parseYamlFile(fixed).docs.flatMap((d) => d.errors), []);
  assert.deepEqual(findingsOf(fixed, id), []);
  assert.deepEqual(findingsOf(fixed, 'TG-RES-003'), []);
  return fixed;
}

test('TG-RES-001 fires without limits, on the container name, and the fix adds placeholders', () => {
  const yaml = withResources('');
  const [f] = findingsOf(yaml, 'TG-RES-001');
  assert.equal(spanText(yaml, f), 'web');
  assert.equal(f?.severity, 'warning');
  assert.match(f?.message ?? '', /container 'web' has no resources\.limits\.cpu and no resources\.limits\.memory/);
  assert.match(f?.fixes?.[0]?.title ?? '', /placeholder/);
  assert.match(fixedClean(yaml, 'TG-RES-001'), / {8}- resources:\n {12}limits:\n {14}cpu: "500m"\n {14}memory: "512Mi"\n {10}name: web\n/);
});

test('TG-RES-001 fix copies the requests into new limits, and completes partial limits', () => {
  const yaml = withResources('          resources:\n            requests:\n              cpu: 250m\n              memory: 1Gi\n');
  const [f] = findingsOf(yaml, 'TG-RES-001');
  assert.equal(spanText(yaml, f), 'resources');
  assert.match(f?.fixes?.[0]?.title ?? '', /equal to the requests/);
  assert.match(fixedClean(yaml, 'TG-RES-001'), /limits:\n {14}cpu: "250m"\n {14}memory: "1Gi"/);
  const partial = withResources('          resources:\n            limits:\n              cpu: 1\n');
  const [g] = findingsOf(partial, 'TG-RES-001');
  assert.equal(spanText(partial, g), 'limits');
  assert.match(g?.message ?? '', /has no resources\.limits\.memory$/);
  fixedClean(partial, 'TG-RES-001');
});

test('TG-RES-001 stays quiet with limits, and skips ephemeral containers', () => {
  assert.deepEqual(findingsOf(withResources('          resources:\n            limits: {cpu: 1, memory: 1Gi}\n'), 'TG-RES-001'), []);
  const eph = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  ephemeralContainers:\n    - name: dbg\n      image: busybox:1\n';
  assert.deepEqual(findingsOf(eph, 'TG-RES-001'), []);
});

test('TG-RES-002 fires only when neither request nor limit exists', () => {
  const yaml = withResources('          resources:\n            limits:\n              cpu: 1\n');
  const [f, ...rest] = findingsOf(yaml, 'TG-RES-002');
  assert.equal(rest.length, 0);
  assert.equal(spanText(yaml, f), 'resources');
  assert.match(f?.message ?? '', /has no resources\.requests\.memory \(and no limit/);
  fixedClean(yaml, 'TG-RES-002');
  assert.deepEqual(findingsOf(withResources('          resources:\n            limits: {cpu: 1, memory: 1Gi}\n'), 'TG-RES-002'), []);
  fixedClean(withResources('          resources:\n'), 'TG-RES-002');
});

test('TG-RES-003 fires when a request exceeds its limit, on the request; the fix swaps', () => {
  const yaml = withResources('          resources:\n            requests:\n              cpu: "2"\n              memory: 1025Mi\n            limits:\n              cpu: 2000m\n              memory: 1Gi\n');
  const [f, ...rest] = findingsOf(yaml, 'TG-RES-003');
  assert.equal(rest.length, 0);
  assert.equal(spanText(yaml, f), '1025Mi');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /container 'web' requests memory 1025Mi, more than its limit 1Gi/);
  const fixed = fixedClean(yaml, 'TG-RES-003');
  assert.match(fixed, /memory: 1Gi\n {12}limits:\n {14}cpu: 2000m\n {14}memory: 1025Mi/);
});

test('resource rules never crash on weird values', () => {
  const yaml = withResources('          resources:\n            requests:\n              cpu: lots\n              memory: [1]\n            limits: "none"\n');
  for (const id of ['TG-RES-001', 'TG-RES-002', 'TG-RES-003']) {
    assert.ok(findingsOf(yaml, id).every((f) => !/internal error/.test(f.message)), id);
  }
  assert.deepEqual(findingsOf(yaml, 'TG-RES-003'), []);
  assert.equal(findingsOf(yaml, 'TG-RES-001')[0]?.fixes, undefined);
});
