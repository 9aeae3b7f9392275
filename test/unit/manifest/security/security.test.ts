import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sensitiveHostPath } from '../../../../server/src/core/manifest/rules/security/host-path';
import { parseYamlFile } from '../../../../server/src/core/yaml/yaml-file';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const pod = (spec: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${spec}`;
const container = (extra = '') => `      containers:\n        - name: web\n          image: ghcr.io/acme/web:1.0\n${extra}`;
const hardened = '          securityContext:\n            allowPrivilegeEscalation: false\n            runAsNonRoot: true\n';

function fixedClean(yaml: string, id: string, index = 0): string {
  const f = findingsOf(yaml, id)[index];
  const fixed = applyFix(yaml, f);
  assert.deepEqual(parseYamlFile(fixed).docs.flatMap((d) => d.errors), []);
  assert.equal(findingsOf(fixed, id).length, findingsOf(yaml, id).length - 1);
  return fixed;
}

test('TG-SEC-001 fires on privileged: true in any container kind, fix sets false', () => {
  const yaml = pod(`${container('          securityContext:\n            privileged: true\n')}      initContainers:\n        - name: init\n          image: busybox:1\n          securityContext: {privileged: true}\n`);
  const fs = findingsOf(yaml, 'TG-SEC-001');
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['true', 'true']);
  assert.match(fs[0]?.message ?? '', /container 'web' runs privileged \(spec\.template\.spec\.containers\[0\]\.securityContext\.privileged: true\)/);
  assert.match(fs[1]?.message ?? '', /init container 'init'/);
  fixedClean(yaml, 'TG-SEC-001');
  fixedClean(yaml, 'TG-SEC-001', 1);
  assert.deepEqual(findingsOf(pod(container('          securityContext:\n            privileged: false\n')), 'TG-SEC-001'), []);
  assert.deepEqual(findingsOf(pod(container('          securityContext:\n            privileged: "true"\n')), 'TG-SEC-001'), []);
});

test('TG-SEC-002 fires on hostPath volumes, escalating the message for sensitive paths', () => {
  const yaml = pod(`${container()}      volumes:\n        - name: sock\n          hostPath:\n            path: /var/run/docker.sock\n        - name: cfg\n          hostPath:\n            path: /etc/ssl/certs\n        - name: data\n          hostPath:\n            path: /srv/data\n        - name: empty\n          emptyDir: {}\n`);
  const fs = findingsOf(yaml, 'TG-SEC-002');
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['/var/run/docker.sock', '/etc/ssl/certs', '/srv/data']);
  assert.match(fs[0]?.message ?? '', /volume 'sock' mounts the sensitive host path '\/var\/run\/docker\.sock': a container using it can take over the node/);
  assert.match(fs[1]?.message ?? '', /\(under \/etc\)/);
  assert.match(fs[2]?.message ?? '', /volume 'data' is a hostPath volume \('\/srv\/data'\)/);
  assert.equal(fs[0]?.severity, fs[2]?.severity);
});

test('sensitive host paths: exact or below, never everything below /', () => {
  assert.equal(sensitiveHostPath('/'), '/');
  assert.equal(sensitiveHostPath('/proc/'), '/proc');
  assert.equal(sensitiveHostPath('/srv'), undefined);
  assert.equal(sensitiveHostPath('/etcetera'), undefined);
});

test('TG-SEC-003 fires per host namespace flag, fix sets false', () => {
  const yaml = pod(`      hostNetwork: true\n      hostPID: true\n      hostIPC: false\n${container()}`);
  const fs = findingsOf(yaml, 'TG-SEC-003');
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['true', 'true']);
  assert.match(fs[0]?.message ?? '', /spec\.template\.spec\.hostNetwork: true shares the node's network stack/);
  fixedClean(yaml, 'TG-SEC-003');
  assert.deepEqual(findingsOf(pod(container()), 'TG-SEC-003'), []);
});

test('TG-SEC-004 fires without allowPrivilegeEscalation: false and without a non-root user', () => {
  const yaml = pod(container());
  const fs = findingsOf(yaml, 'TG-SEC-004');
  assert.equal(fs.length, 2);
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['web', 'web']);
  assert.ok(fs.some((f) => /does not set securityContext\.allowPrivilegeEscalation: false/.test(f.message)));
  assert.ok(fs.some((f) => /may run as root/.test(f.message)));
  const once = fixedClean(yaml, 'TG-SEC-004');
  const twice = fixedClean(once, 'TG-SEC-004');
  assert.deepEqual(findingsOf(twice, 'TG-SEC-004'), []);
});

test('TG-SEC-004 accepts the pod-level non-root setting and runAsUser > 0; flags explicit true/false/0', () => {
  assert.deepEqual(findingsOf(pod(`      securityContext:\n        runAsNonRoot: true\n${container('          securityContext:\n            allowPrivilegeEscalation: false\n')}`), 'TG-SEC-004'), []);
  assert.deepEqual(findingsOf(pod(container('          securityContext:\n            allowPrivilegeEscalation: false\n            runAsUser: 1000\n')), 'TG-SEC-004'), []);
  assert.deepEqual(findingsOf(pod(container(hardened)), 'TG-SEC-004'), []);
  const bad = pod(container('          securityContext:\n            allowPrivilegeEscalation: true\n            runAsUser: 0\n'));
  const fs = findingsOf(bad, 'TG-SEC-004');
  assert.deepEqual(fs.map((f) => spanText(bad, f)), ['true', '0']);
  assert.match(fs[1]?.message ?? '', /runs as root \(runAsUser: 0\)/);
  const fixed = fixedClean(bad, 'TG-SEC-004');
  assert.match(fixed, /allowPrivilegeEscalation: false/);
});

test('TG-SEC-005 fires per dangerous capability, any case and CAP_ prefix', () => {
  const yaml = pod(container('          securityContext:\n            capabilities:\n              add: [NET_BIND_SERVICE, cap_sys_admin, NET_ADMIN, all]\n'));
  const fs = findingsOf(yaml, 'TG-SEC-005');
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['cap_sys_admin', 'NET_ADMIN', 'all']);
  assert.match(fs[0]?.message ?? '', /container 'web' adds capability cap_sys_admin \(spec\.template\.spec\.containers\[0\]\.securityContext\.capabilities\.add\[1\]\)/);
  assert.deepEqual(findingsOf(pod(container('          securityContext:\n            capabilities:\n              add: [NET_BIND_SERVICE]\n              drop: [ALL]\n')), 'TG-SEC-005'), []);
});

test('security rules never crash on odd shapes', () => {
  const yaml = pod('      hostNetwork: "yes"\n      volumes: "none"\n      securityContext: []\n      containers:\n        - name: web\n          securityContext: "x"\n        - securityContext:\n            capabilities: {add: "SYS_ADMIN"}\n');
  for (const id of ['TG-SEC-001', 'TG-SEC-002', 'TG-SEC-003', 'TG-SEC-004', 'TG-SEC-005']) {
    assert.ok(findingsOf(yaml, id).every((f) => !/internal error/.test(f.message)), id);
  }
});
