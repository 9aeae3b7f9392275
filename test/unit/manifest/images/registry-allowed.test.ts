import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/policy/default-policy';
import { findingsOf, policyWith, spanText } from '../../../helpers/manifest-check';
import { isAllowed } from '../../../../server/src/core/manifest/rules/images/registry-allowed';
import { parseImageReference } from '../../../../server/src/core/manifest/rules/images/image-reference';

const policy = (allowedRegistries: string[]) => policyWith({ settings: { ...DEFAULT_SETTINGS, images: { pinning: 'tag', allowedRegistries } } });
const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: ghcr.io/acme/web:1\n        - name: b\n          image: quay.io/other/x:2\n        - name: c\n          image: nginx:1.25\n';

test('TG-IMG-005 fires for registries outside the allow-list, on the registry', () => {
  const fs = findingsOf(yaml, 'TG-IMG-005', { policy: policy(['ghcr.io/acme/']) });
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['quay.io', 'nginx:1.25']);
  assert.match(fs[0]?.message ?? '', /comes from 'quay.io', which is not among the allowed registries \(ghcr.io\/acme\/\)/);
  assert.match(fs[1]?.message ?? '', /comes from 'docker.io'/);
  assert.equal(fs[0]?.severity, 'error');
});

test('TG-IMG-005 stays quiet for an empty list and for allowed hosts', () => {
  assert.deepEqual(findingsOf(yaml, 'TG-IMG-005'), []);
  assert.deepEqual(findingsOf(yaml, 'TG-IMG-005', { policy: policy(['ghcr.io', 'quay.io', 'docker.io']) }), []);
});

test('allow-list entries match hosts exactly and prefixes on whole segments', () => {
  const ok = (image: string, entry: string) => { const p = parseImageReference(image); return p.ok && isAllowed(p.ref, entry); };
  assert.equal(ok('ghcr.io/acme/web:1', 'ghcr.io/acme'), true);
  assert.equal(ok('ghcr.io/acme-evil/web:1', 'ghcr.io/acme'), false);
  assert.equal(ok('ghcr.io.evil.com/acme/web:1', 'ghcr.io'), false);
  assert.equal(ok('nginx', 'docker.io/library/'), true);
  assert.equal(ok('localhost:5000/app', 'localhost:5000'), true);
  assert.equal(ok('ghcr.io/acme/web', ''), false);
});
