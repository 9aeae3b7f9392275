import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignRuns } from '../../../server/src/core/runs/align';
import { ItemTableBuilder, type RunFrame } from '../../../server/src/core/runs/run-frame';
import { compareCodePoints } from '../../../server/src/core/text/code-point-order';

function run(items: [string, number, (string | null)?, number?][]): RunFrame {
  const b = new ItemTableBuilder();
  for (const [id, score, cluster = null, epoch = 0] of items) b.push(id, score, cluster, epoch);
  return { runId: 'r', modelId: 'm', taskId: 't', metricName: 'acc', configHash: '', items: b.build() };
}

test('pairs by item id, sorted by code point, epoch 0 only', () => {
  const a = run([['b', 1], ['a', 0], ['c', 1, null, 1]]);
  const b = run([['a', 1], ['b', 1], ['c', 0]]);
  const al = alignRuns(a, b);
  assert.deepEqual(al.ids, ['a', 'b']);
  assert.deepEqual([...al.baseline], [0, 1]);
  assert.deepEqual([...al.candidate], [1, 1]);
  assert.equal(al.clusters, null);
});

test('coverage note with EVALSIG wording', () => {
  const ids = Array.from({ length: 100 }, (_, i) => `q${String(i).padStart(3, '0')}`);
  const a = run(ids.slice(0, 90).map((id) => [id, 1]));
  const b = run(ids.slice(10).map((id) => [id, 1]));
  assert.deepEqual(alignRuns(a, b).notes, ['item-set coverage is 88.9% (below 95%); 10 items only in candidate, 10 only in baseline']);
});

test("cluster ids: the baseline's win, mismatches are noted, missing ones pool as __none__", () => {
  const a = run([['a', 1, 'p1'], ['b', 0, null], ['c', 1, 'p2']]);
  const b = run([['a', 1, 'p1'], ['b', 0, 'p9'], ['c', 1, 'p3']]);
  const al = alignRuns(a, b);
  assert.deepEqual(al.clusters, ['p1', '__none__', 'p2']);
  assert.deepEqual(al.notes, ["2 item(s) have cluster_id mismatch between runs; using baseline's cluster assignment"]);
});

test('no overlap is a data error', () => {
  assert.throws(() => alignRuns(run([['a', 1]]), run([['b', 1]])), /no overlapping item_ids between the two runs/);
});

test('code-point order differs from UTF-16 order only around surrogates', () => {
  const astral = '\u{1F600}'; // surrogate pair D83D DE00
  const highBmp = '\uFF21'; // FULLWIDTH A
  assert.ok(astral < highBmp); // UTF-16 order
  assert.ok(compareCodePoints(astral, highBmp) > 0); // Python's order
  assert.ok(compareCodePoints('a', 'b') < 0);
  assert.ok(compareCodePoints('ab', 'a') > 0);
  assert.equal(compareCodePoints('x', 'x'), 0);
});
