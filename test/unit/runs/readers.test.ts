import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataError } from '../../../server/src/core/errors';
import { detectFormat } from '../../../server/src/core/runs/read-run';
import { readHelm } from '../../../server/src/core/runs/read-helm';
import { readInspect } from '../../../server/src/core/runs/read-inspect';
import { readLmEval } from '../../../server/src/core/runs/read-lm-eval';

test('format detection follows EVALSIG order', () => {
  assert.equal(detectFormat('a/samples_mmlu.jsonl'), 'lm_eval');
  assert.equal(detectFormat('logs/run.eval'), 'inspect');
  assert.equal(detectFormat('logs/Inspect-export.json'), 'inspect');
  assert.equal(detectFormat('store/run.parquet'), 'parquet');
  assert.equal(detectFormat('x/HELM_state.json'), 'helm');
  assert.equal(detectFormat('x/scenario_state.json'), 'helm');
  assert.equal(detectFormat('runs/base.json'), 'runframe');
});

test('lm-eval: metric, fallbacks, skipped records, cluster from doc', () => {
  const text = [
    '{"doc_id": 0, "acc": 1, "doc": {"subject": "math"}}',
    '{"doc_id": 1, "exact_match": 0.0, "doc": {"subject": 3}}',
    '{"idx": 9, "score": true}',
    '{"doc_id": 3, "note": "no score"}',
  ].join('\n');
  const run = readLmEval(text, { fileName: 's.jsonl', modelId: 'm', taskId: 't', metricName: 'f1', clusterKey: 'subject' });
  assert.deepEqual(run.items.itemIds, ['0', '1', '9']);
  assert.deepEqual([...run.items.scores], [1, 0, 1]);
  assert.deepEqual(run.items.clusterIds, ['math', '3', null]);
  assert.equal(run.metricName, 'f1');
});

test('lm-eval: a results file without samples says what to pass instead', () => {
  assert.throws(() => readLmEval('{"results": {}}', { fileName: 'results.json', modelId: 'm', taskId: 't' }), /does not contain item-level samples/);
  assert.throws(() => readLmEval('{"doc_id": 0}\n', { fileName: 's.jsonl', modelId: 'm', taskId: 't', metricName: 'acc' }), /no items with metric 'acc' found in s.jsonl/);
});

test('lm-eval: a JSONL syntax error reports its real line', () => {
  assert.throws(() => readLmEval('{"doc_id": 0, "acc": 1}\n{"doc_id": 1, "acc": }\n', { fileName: 's.jsonl', modelId: 'm', taskId: 't' }), (e: unknown) => {
    return e instanceof DataError && e.position?.line === 2;
  });
});

test('inspect: string, boolean and numeric scores; ids default to position', () => {
  const text = JSON.stringify({
    eval: { model: 'openai/x', task: 'arc' },
    samples: [
      { id: 'a', score: { value: 'C' }, metadata: { topic: 'bio' } },
      { id: 'b', score: { value: 'I' } },
      { score: { value: true } },
      { id: 'd', score: 0.5 },
      { id: 'e', score: { value: [1] } },
    ],
  });
  const run = readInspect(text, { fileName: 'inspect.json', stem: 'inspect', clusterKey: 'topic' });
  assert.equal(run.modelId, 'openai/x');
  assert.equal(run.runId, 'openai/x::arc');
  assert.deepEqual(run.items.itemIds, ['a', 'b', '2', 'd']);
  assert.deepEqual([...run.items.scores], [1, 0, 1, 0.5]);
  assert.deepEqual(run.items.clusterIds, ['bio', null, null, null]);
});

test('helm: metric, success and stats fallbacks; cluster from the instance', () => {
  const text = JSON.stringify({
    adapter_spec: { model: '', model_deployment: 'dep/m' },
    scenario: { name: 'mmlu' },
    request_states: [
      { instance: { id: 'i1', category: 'x' }, result: { accuracy: 0.5 } },
      { instance: { id: 'i2', category: 'y' }, result: { success: false } },
      { instance: { id: 'i3' }, result: { stats: { accuracy: 1 } } },
      { instance: { id: 'i4' }, result: {} },
    ],
  });
  const run = readHelm(text, { fileName: 'helm.json', stem: 'helm', clusterKey: 'category' });
  assert.equal(run.modelId, 'dep/m');
  assert.equal(run.taskId, 'mmlu');
  assert.deepEqual(run.items.itemIds, ['i1', 'i2', 'i3']);
  assert.deepEqual([...run.items.scores], [0.5, 0, 1]);
  assert.deepEqual(run.items.clusterIds, ['x', 'y', null]);
});
