import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceIndex } from '../../../../server/src/core/manifest/workspace-index';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const DIGEST = `sha256:${'d'.repeat(64)}`;

function deployment(image: string, tier = '2', namespace = 'payments-prod'): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${namespace}\n  labels:\n    tollgate.dev/tier: "${tier}"\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n`;
}

test('TG-IMG-003 fires for a tag without digest when the tier requires digests, on the tag', () => {
  const yaml = deployment('ghcr.io/acme/web:1.4.2');
  const [f, ...rest] = findingsOf(yaml, 'TG-IMG-003');
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'error');
  assert.equal(spanText(yaml, f), '1.4.2');
  assert.match(f?.message ?? '', /pinned by tag '1\.4\.2' only; the policy requires a digest \(tier 2, prod\)/);
});

test('TG-IMG-003 stays quiet with a digest, under tag pinning (tier 1) and for latest/untagged images', () => {
  assert.deepEqual(findingsOf(deployment(`ghcr.io/acme/web:1.4.2@${DIGEST}`), 'TG-IMG-003'), []);
  assert.deepEqual(findingsOf(deployment('ghcr.io/acme/web:1.4.2', '1'), 'TG-IMG-003'), []);
  assert.deepEqual(findingsOf(deployment('ghcr.io/acme/web:latest'), 'TG-IMG-003'), []);
  assert.deepEqual(findingsOf(deployment('ghcr.io/acme/web'), 'TG-IMG-003'), []);
});

test('TG-IMG-003 fix appends the known digest for the same tag and keeps the tag', () => {
  const yaml = deployment('ghcr.io/acme/web:1.4.2');
  const workspace = new WorkspaceIndex([], [
    { repository: 'ghcr.io/acme/web', digest: `sha256:${'e'.repeat(64)}`, tag: '1.5.0', source: 'release rel-20' },
    { repository: 'ghcr.io/acme/web', digest: DIGEST, tag: '1.4.2', source: 'envelope 7f3a' },
  ]);
  const [f] = findingsOf(yaml, 'TG-IMG-003', { workspace });
  assert.equal(f?.fixes?.length, 2);
  assert.equal(f?.fixes?.[0]?.title, 'Pin to sha256:dddddddddddd… (seen in envelope 7f3a)');
  assert.equal(f?.fixes?.[0]?.preferred, true);
  assert.equal(f?.fixes?.[1]?.title, 'Pin to 1.5.0@sha256:eeeeeeeeeeee… (seen in release rel-20)');
  const fixed = applyFix(yaml, f);
  assert.ok(fixed.includes(`image: ghcr.io/acme/web:1.4.2@${DIGEST}\n`));
  assert.deepEqual(findingsOf(fixed, 'TG-IMG-003', { workspace }), []);
});

test('TG-IMG-004 fires on malformed digests and references, on the offending part', () => {
  const yaml = deployment('app@sha256:abc', '1');
  const [f] = findingsOf(yaml, 'TG-IMG-004');
  assert.equal(spanText(yaml, f), '@sha256:abc');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /image 'app@sha256:abc' of container 'web' .* is malformed: digest 'sha256:abc' is malformed: sha256 needs 64 lowercase hex digits, found 3 characters/);
  const upper = deployment('"Acme/web:1"', '1');
  const [g] = findingsOf(upper, 'TG-IMG-004');
  assert.equal(spanText(upper, g), 'Acme');
  const map = deployment('{name: x}', '1');
  assert.match(findingsOf(map, 'TG-IMG-004')[0]?.message ?? '', /must be a string, found a map/);
});

test('TG-IMG-004 is an error even outside production and quiet for valid references', () => {
  assert.equal(findingsOf(deployment(`app@sha256:${'A'.repeat(64)}`, '0', 'dev'), 'TG-IMG-004')[0]?.severity, 'error');
  assert.deepEqual(findingsOf(deployment(`app:1@${DIGEST}`), 'TG-IMG-004'), []);
  assert.deepEqual(findingsOf(deployment('localhost:5000/app'), 'TG-IMG-004'), []);
});

test('TG-IMG-006 fires on latest beside a digest and the fix drops the tag', () => {
  const yaml = deployment(`app:latest@${DIGEST}`);
  const [f] = findingsOf(yaml, 'TG-IMG-006');
  assert.equal(spanText(yaml, f), 'latest');
  assert.equal(f?.severity, 'warning');
  const fixed = applyFix(yaml, f);
  assert.ok(fixed.includes(`image: app@${DIGEST}\n`));
  assert.deepEqual(findingsOf(fixed, 'TG-IMG-006'), []);
  assert.equal(findingsOf(deployment(`app:latest@${DIGEST}`, '1'), 'TG-IMG-006')[0]?.severity, 'info');
  assert.deepEqual(findingsOf(deployment(`app:1.0@${DIGEST}`), 'TG-IMG-006'), []);
});
