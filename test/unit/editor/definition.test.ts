import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitionAt } from '../../../server/src/core/editor/definition';
import { manifestDocs } from '../../../server/src/core/manifest/check-manifest';
import { WorkspaceIndex } from '../../../server/src/core/manifest/workspace-index';

const rollout = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web, namespace: shop}\nspec:\n  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web-deploy}\n  strategy:\n    canary:\n      stableService: web-stable\n      steps:\n        - analysis:\n            templates:\n              - templateName: success-rate\n              - templateName: cluster-rate\n                clusterScope: true\n';
const others = 'apiVersion: v1\nkind: Service\nmetadata: {name: web-stable, namespace: shop}\n---\napiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata: {name: success-rate}\n---\napiVersion: argoproj.io/v1alpha1\nkind: ClusterAnalysisTemplate\nmetadata: {name: cluster-rate}\n---\napiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata: {name: cluster-rate}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-deploy, namespace: shop}\n';

const docs = manifestDocs('file:///r.yaml', rollout);
const ws = new WorkspaceIndex([...docs, ...manifestDocs('file:///o.yaml', others)]);
const at = (needle: string) => definitionAt(docs, rollout.indexOf(needle) + 2, ws);
const targetLine = (loc: ReturnType<typeof at>) => loc && loc.text.slice(0, loc.span.start).split('\n').length;

test('templateName, services and workloadRef jump to the object that defines them', () => {
  const t = at('success-rate');
  assert.equal(t?.uri, 'file:///o.yaml');
  assert.equal(t && t.text.slice(t.span.start, t.span.end), 'success-rate');
  assert.equal(targetLine(at('cluster-rate')), 11, 'clusterScope: true goes to the ClusterAnalysisTemplate');
  assert.equal(targetLine(at('web-stable')), 3);
  assert.equal(targetLine(at('web-deploy')), 19);
});

test('plain values and unknown names have no definition', () => {
  assert.equal(at('Rollout'), undefined);
  assert.equal(definitionAt(docs, rollout.indexOf('canary'), ws), undefined);
  const missing = manifestDocs('file:///m.yaml', rollout.replace('success-rate', 'nope'));
  assert.equal(definitionAt(missing, rollout.indexOf('success-rate') + 2, ws), undefined);
});
