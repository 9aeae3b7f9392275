import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../../../server/src/core/yaml/yaml-file';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const job = (metadata: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n${metadata}spec: {}\n`;

test('TG-META-001 fires without the owner label, on labels; the fix inserts a placeholder', () => {
  const yaml = job('  labels:\n    app: migrate\n');
  const [f] = findingsOf(yaml, 'TG-META-001');
  assert.equal(spanText(yaml, f), 'labels');
  assert.equal(f?.severity, 'warning');
  assert.match(f?.message ?? '', /Job 'migrate' has no owner label 'app\.kubernetes\.io\/owner'/);
  const fixed = applyFix(yaml, f);
  assert.deepEqual(parseYamlFile(fixed).docs.flatMap((d) => d.errors), []);
  assert.deepEqual(findingsOf(fixed, 'TG-META-001'), []);
  assert.match(findingsOf(job(''), 'TG-META-001')[0]?.fixes?.[0]?.title ?? '', /placeholder/);
});

test('TG-META-001 reports an empty owner on its key and is quiet with an owner', () => {
  const yaml = job('  labels:\n    app.kubernetes.io/owner: ""\n');
  const [f] = findingsOf(yaml, 'TG-META-001');
  assert.equal(spanText(yaml, f), 'app.kubernetes.io/owner');
  assert.match(f?.message ?? '', /is empty/);
  assert.deepEqual(findingsOf(job('  labels:\n    app.kubernetes.io/owner: payments\n'), 'TG-META-001'), []);
  assert.deepEqual(findingsOf('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n', 'TG-META-001'), []);
});
