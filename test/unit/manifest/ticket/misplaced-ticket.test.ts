import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../../../server/src/core/yaml/yaml-file';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const yaml = (top: string, template: string) => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n${top}spec:\n  template:\n    metadata:\n${template}    spec:\n      containers:\n        - name: db\n          image: postgres:16\n`;
const misplaced = yaml('', '      annotations:\n        prometheus.io/scrape: "true"\n        change.ticket/id: CHG-77\n');

test('TG-TKT-004 fires on the template annotation key, and TG-TKT-001 points to it', () => {
  const [f] = findingsOf(misplaced, 'TG-TKT-004');
  assert.equal(spanText(misplaced, f), 'change.ticket/id');
  assert.equal(f?.severity, 'warning');
  assert.match(f?.message ?? '', /is on the pod template \(spec\.template\.metadata\.annotations\.change\.ticket\/id\), not on the StatefulSet's metadata\.annotations/);
  assert.match(findingsOf(misplaced, 'TG-TKT-001')[0]?.message ?? '', /see TG-TKT-004/);
});

test('TG-TKT-004 fix moves the annotation and both rules are then quiet', () => {
  const [f] = findingsOf(misplaced, 'TG-TKT-004');
  const fixed = applyFix(misplaced, f);
  assert.deepEqual(parseYamlFile(fixed).docs.flatMap((d) => d.errors), []);
  assert.match(fixed, /metadata:\n {2}annotations:\n {4}change\.ticket\/id: "CHG-77"\n {2}name: db\n/);
  assert.doesNotMatch(fixed, / {8}change\.ticket/);
  assert.deepEqual(findingsOf(fixed, 'TG-TKT-004'), []);
  assert.deepEqual(findingsOf(fixed, 'TG-TKT-001'), []);
  // TG-TKT-001 offers the same move.
  assert.equal(applyFix(misplaced, findingsOf(misplaced, 'TG-TKT-001')[0]), fixed);
});

test('TG-TKT-004 stays quiet when the workload has the annotation too, and for Pods', () => {
  assert.deepEqual(findingsOf(yaml('  annotations:\n    change.ticket/id: CHG-1\n', '      annotations:\n        change.ticket/id: CHG-1\n'), 'TG-TKT-004'), []);
  assert.deepEqual(findingsOf(yaml('', '      labels:\n        a: b\n'), 'TG-TKT-004'), []);
  assert.deepEqual(findingsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    change.ticket/id: CHG-1\nspec: {}\n', 'TG-TKT-004'), []);
});

test('TG-TKT-004 offers no move from a flow map (deleting a line would lose other entries)', () => {
  const flow = yaml('', '      annotations: {a: b, change.ticket/id: CHG-1}\n');
  const [f] = findingsOf(flow, 'TG-TKT-004');
  assert.ok(f);
  assert.equal(f.fixes, undefined);
});
