import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataError } from '../../../server/src/core/errors';
import { readRunFrameJson } from '../../../server/src/core/runs/read-run-frame';
import { readRun } from '../../../server/src/core/runs/read-run';

const head = '"run_id": "r", "model_id": "m", "task_id": "t", "metric_name": "acc"';
const frame = (items: string, extra = ''): string => `{${head}${extra}, "items": ${items}}`;

function rejects(text: string, message: string | RegExp, line?: number, column?: number): void {
  assert.throws(() => readRunFrameJson(text), (e: unknown) => {
    assert.ok(e instanceof DataError, String(e));
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    if (line !== undefined) assert.equal(e.position?.line, line, 'line');
    if (column !== undefined) assert.equal(e.position?.column, column, 'column');
    return true;
  });
}

test('reads a RunFrame into columns with EVALSIG conversions', () => {
  const run = readRunFrameJson(
    frame('[{"item_id": 5, "score": true, "cluster_id": "p1", "epoch": 0, "metadata": {"k": 1}}, {"item_id": "b", "score": 0.25, "epoch": 2.7}]', ', "config_hash": "abc"'),
  );
  assert.equal(run.runId, 'r');
  assert.equal(run.configHash, 'abc');
  assert.deepEqual(run.items.itemIds, ['5', 'b']);
  assert.deepEqual([...run.items.scores], [1, 0.25]);
  assert.deepEqual(run.items.clusterIds, ['p1', null]);
  assert.deepEqual([...run.items.epochs], [0, 2]); // Python int() truncates
  assert.equal(run.items.metadata.size, 1);
});

test('non-string top-level fields are stringified the Python way', () => {
  const run = readRunFrameJson('{"run_id": 7, "model_id": 1.0, "task_id": null, "metric_name": ["a"], "items": [{"item_id": "x", "score": 1}]}');
  assert.deepEqual([run.runId, run.modelId, run.taskId, run.metricName], ['7', '1.0', 'None', "['a']"]);
});

test('validation order and messages follow EVALSIG', () => {
  rejects('{"model_id": "m", "items": []}', 'missing required field: run_id', 1, 1);
  rejects(`{${head}}`, 'missing required field: items');
  rejects(frame('[]'), "'items' must be a non-empty array", 1, frame('[]').indexOf('[]') + 1);
  rejects(frame('{}'), "'items' must be a non-empty array");
  rejects(frame('[{"item_id": "a"}]'), 'item[0] missing item_id or score');
  rejects(frame('[{"item_id": "a", "score": 1}, {"item_id": "b", "score": "0.5"}]'), 'item[1].score must be a number, got str');
  rejects(frame('[{"item_id": "a", "score": null}]'), 'item[0].score must be a number, got NoneType');
  // A schema problem later in the list wins over a conversion problem earlier (EVALSIG validates first).
  rejects(frame('[{"item_id": "a", "score": 1, "epoch": "x"}, {"item_id": "b"}]'), 'item[1] missing item_id or score');
  // Invalid JSON is reported before any schema problem.
  rejects('{"model_id": "m",\n "items": [1,,]}', /invalid JSON: expecting value/, 2, 14);
});

test('Tollgate refuses what EVALSIG let through silently', () => {
  rejects(frame('[{"item_id": "a", "score": NaN}]'), 'item[0].score must be a finite number, got nan');
  const dup = frame('[{"item_id": "a", "score": 1}, {"item_id": "a", "score": 0}]');
  rejects(dup, /duplicate item_id 'a' \(item\[0\] and item\[1\], epoch 0\)/, 1, dup.lastIndexOf('{"item_id"') + 1);
  rejects(frame('[{"item_id": "a", "score": 1, "epoch": -1}]'), /item\[0\]\.epoch must be a non-negative integer/);
  rejects(frame('[7]'), 'item[0] must be an object, got int');
  rejects('[1, 2]', 'a RunFrame must be a JSON object, got list');
  rejects(frame('[{"item_id": "a", "score": 1, "cluster_id": {"x": 1}}]'), /cluster_id must be a string or null, got dict/);
});

test('the same item in different epochs is fine; only epoch 0 is gated', () => {
  const run = readRunFrameJson(frame('[{"item_id": "a", "score": 1}, {"item_id": "a", "score": 0, "epoch": 1}]'));
  assert.equal(run.items.length, 2);
});

test('readRun attaches the file name and picks the format from it', () => {
  assert.throws(() => readRun('{}', 'runs/base.json'), (e: unknown) => e instanceof DataError && e.describe() === 'runs/base.json:1:1: missing required field: run_id');
  const lm = readRun('{"doc_id": 0, "acc": 1}\n{"doc_id": 1, "acc": 0.0}\n', 'samples_x.jsonl', { taskId: 'mmlu' });
  assert.equal(lm.modelId, 'samples_x');
  assert.equal(lm.taskId, 'mmlu');
  assert.equal(lm.runId, 'samples_x::mmlu');
  assert.deepEqual([...lm.items.scores], [1, 0]);
});
