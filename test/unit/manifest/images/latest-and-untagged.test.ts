import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceIndex } from '../../../../server/src/core/manifest/workspace-index';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/policy/default-policy';
import { applyFix, findingsOf, policyWith, spanText } from '../../../helpers/manifest-check';

const DIGEST = `sha256:${'c'.repeat(64)}`;

/** A Deployment with the given container entries (already indented list items). */
function deployment(containers: string, extra = ''): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${extra}      containers:\n${containers}`;
}
const container = (image: string, name = 'web') => `        - name: ${name}\n          image: ${image}\n`;

test('TG-IMG-001 fires on latest in any case, on the tag, in every container kind', () => {
  const yaml = deployment(container('nginx:latest'), `      initContainers:\n${container('busybox:Latest', 'init')}      ephemeralContainers:\n${container('"dbg:LATEST"', 'dbg')}`);
  const fs = findingsOf(yaml, 'TG-IMG-001');
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['Latest', 'LATEST', 'latest']);
  assert.equal(fs[0]?.severity, 'error');
  assert.match(fs[0]?.message ?? '', /image 'busybox:Latest' of init container 'init' \(spec\.template\.spec\.initContainers\[0\]\.image\) uses the mutable tag 'Latest'/);
  assert.match(fs[1]?.message ?? '', /ephemeral container 'dbg'/);
});

test('TG-IMG-001 is a warning for tier 0 and quiet for pinned images and latest beside a digest', () => {
  const t0 = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    tollgate.dev/tier: "0"\nspec:\n  template:\n    spec:\n      containers:\n${container('nginx:latest')}`;
  assert.equal(findingsOf(t0, 'TG-IMG-001')[0]?.severity, 'warning');
  assert.deepEqual(findingsOf(deployment(container('nginx:1.25') + container(`app:latest@${DIGEST}`, 'b')), 'TG-IMG-001'), []);
});

test('TG-IMG-001 runs on Rollouts, CronJobs, Pods and Job templates in AnalysisTemplates', () => {
  const rollout = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\nspec:\n  template:\n    spec:\n      containers:\n${container('a:latest')}`;
  const cron = `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: c\n              image: b:latest\n`;
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: p\n      image: c:latest\n';
  const analysis = 'apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: t\nspec:\n  metrics:\n    - name: m\n      provider:\n        job:\n          spec:\n            template:\n              spec:\n                containers:\n                  - name: j\n                    image: d:latest\n';
  const yaml = [rollout, cron, pod, analysis].join('---\n');
  assert.equal(findingsOf(yaml, 'TG-IMG-001').length, 4);
});

test('TG-IMG-001 offers the digests the evidence store knows, keeping a release tag', () => {
  const yaml = deployment(container('ghcr.io/acme/web:latest'));
  const workspace = new WorkspaceIndex([], [{ repository: 'ghcr.io/acme/web', digest: DIGEST, tag: '1.4.2', source: 'release rel-17' }]);
  const [f] = findingsOf(yaml, 'TG-IMG-001', { workspace });
  assert.equal(f?.fixes?.[0]?.title, `Pin to 1.4.2@sha256:cccccccccccc… (seen in release rel-17)`);
  const fixed = applyFix(yaml, f);
  assert.match(fixed, new RegExp(`image: ghcr.io/acme/web:1\\.4\\.2@${DIGEST}\\n`));
  assert.deepEqual(findingsOf(fixed, 'TG-IMG-001', { workspace }), []);
  assert.deepEqual(findingsOf(fixed, 'TG-IMG-004', { workspace }), []);
});

test('TG-IMG-001 has no fix when the evidence store knows nothing', () => {
  const [f] = findingsOf(deployment(container('nginx:latest')), 'TG-IMG-001');
  assert.equal(f?.fixes, undefined);
});

test('TG-IMG-002 fires on untagged images, and a registry port is not a tag', () => {
  const yaml = deployment(container('nginx') + container('localhost:5000/app', 'b'));
  const fs = findingsOf(yaml, 'TG-IMG-002');
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['nginx', 'localhost:5000/app']);
  assert.match(fs[1]?.message ?? '', /':5000' is the registry port, not a tag/);
});

test('TG-IMG-002 stays quiet for tags, digests and malformed references', () => {
  const yaml = deployment(container('localhost:5000/app:1.0') + container(`ghcr.io/org/app@${DIGEST}`, 'b') + container('app@sha256:abc', 'c'));
  assert.deepEqual(findingsOf(yaml, 'TG-IMG-002'), []);
});

test('TG-IMG-002 fix pins a Docker Hub image known under its canonical name, inside quotes', () => {
  const yaml = deployment(container('"nginx"'));
  const workspace = new WorkspaceIndex([], [{ repository: 'docker.io/library/nginx', digest: DIGEST, source: 'envelope e1' }]);
  const [f] = findingsOf(yaml, 'TG-IMG-002', { workspace });
  const fixed = applyFix(yaml, f);
  assert.match(fixed, new RegExp(`image: "nginx@${DIGEST}"`));
  assert.deepEqual(findingsOf(fixed, 'TG-IMG-002', { workspace }), []);
});

test('image rules ignore odd shapes without throwing', () => {
  const odd = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers: "nope"\n---\napiVersion: apps/v1\nkind: Deployment\nspec: [1, 2]\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image:\n        - 42\n        - image: 7\n';
  const all = findingsOf(odd, 'TG-IMG-002');
  assert.equal(all.length, 1); // `image: 7` is an untagged repository named 7
  assert.ok(!findingsOf(odd, 'TG-IMG-004').some((f) => /internal error/.test(f.message)));
});

test('TG-IMG-001 and TG-IMG-002 stay quiet when the policy pinning level is any', () => {
  const policy = policyWith({ settings: { ...DEFAULT_SETTINGS, images: { pinning: 'any', allowedRegistries: [] } } });
  const yaml = deployment(container('nginx:latest') + container('nginx', 'b'));
  assert.deepEqual(findingsOf(yaml, 'TG-IMG-001', { policy }), []);
  assert.deepEqual(findingsOf(yaml, 'TG-IMG-002', { policy }), []);
});
