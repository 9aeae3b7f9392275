import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineShape, yamlContextAt } from '../../../server/src/core/editor/yaml-context';

const ROLLOUT = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
spec:
  strategy:
    canary:
      steps:
      - setWeight: 5
      - pause:
          dur
      - analysis:
          templates:
          - templateName: `;

const at = (needle: string, text = ROLLOUT) => yamlContextAt(text, text.indexOf(needle) + needle.length);

test('paths follow indentation through sequences, even in unfinished text', () => {
  assert.deepEqual(at('dur').path, ['spec', 'strategy', 'canary', 'steps', '[]', 'pause']);
  assert.equal(at('dur').prefix, 'dur');
  assert.equal(at('dur').key, undefined);
  const tpl = at('templateName: ');
  assert.deepEqual(tpl.path, ['spec', 'strategy', 'canary', 'steps', '[]', 'analysis', 'templates', '[]']);
  assert.equal(tpl.key, 'templateName');
});

test('a value position names its key and the typed prefix', () => {
  const c = at('setWeight: 5');
  assert.equal(c.key, 'setWeight');
  assert.equal(c.prefix, '5');
  assert.deepEqual(c.prefixSpan, { start: ROLLOUT.indexOf('setWeight: 5') + 11, end: ROLLOUT.indexOf('setWeight: 5') + 12 });
});

test('each YAML document starts a new path', () => {
  const text = 'kind: Service\nspec:\n  ports: []\n---\nkind: Rollout\nspec:\n  str';
  const c = at('  str', text);
  assert.deepEqual(c.path, ['spec']);
  assert.equal(c.docStart, text.indexOf('kind: Rollout'));
});

test('line shapes: dashes, quoted keys, anchors and block scalars open blocks', () => {
  assert.deepEqual(lineShape('  - - name: x'), { dashes: [2, 4], keyCol: 6, key: 'name', inlineValue: true, blank: false });
  assert.equal(lineShape('"a b": 1').key, 'a b');
  assert.equal(lineShape('spec: &anchor').inlineValue, false);
  assert.equal(lineShape('script: |-').inlineValue, false);
  assert.equal(lineShape('  # comment').blank, true);
  assert.equal(lineShape('url: http://x').key, 'url');
});
