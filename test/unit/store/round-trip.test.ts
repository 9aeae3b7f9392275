import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsToRun, runToRows } from '../../../server/src/core/store';
import { parquetCodec } from '../../../server/src/node/parquet-codec';
import { bigFrame, frame, meta, plain } from './helpers';

async function roundTrip(f: Parameters<typeof runToRows>[1]) {
  const bytes = await parquetCodec.encode(runToRows('proj', f, 1_747_476_672_123_456n));
  return { bytes, back: rowsToRun(await parquetCodec.decode(bytes, 'mem.parquet'), 'mem.parquet') };
}

test('a run written to Parquet reads back equal: null clusters, epochs, metadata, unicode ids', async () => {
  const f = frame('rün/../🙂', [
    { id: 'q1', score: 1, cluster: 'c1', metadata: meta({ k: 1, s: 'ü' }) },
    { id: 'q2', score: 0, cluster: null },
    { id: 'ид-3', score: 0.25, cluster: 'c2', epoch: 0 },
    { id: 'q1', score: 0, cluster: 'c1', epoch: 1 },
    { id: '🙂', score: -1.5e-300, cluster: null },
  ], { configHash: 'deadbeefdeadbeef', modelId: 'モデル' });
  const { back } = await roundTrip(f);
  assert.deepEqual(plain(back), plain(f));
});

test('a run without clusters reads back without clusters', async () => {
  const f = frame('r', [{ id: 'a', score: 1 }, { id: 'b', score: 0 }]);
  const { back } = await roundTrip(f);
  assert.equal(back.items.clusterIds.length, 0);
  assert.deepEqual(plain(back), plain(f));
});

test('100,000 items round-trip', async () => {
  const f = bigFrame('big', 100_000);
  const { bytes, back } = await roundTrip(f);
  assert.ok(bytes.length < 2_000_000, `${bytes.length} bytes`);
  assert.deepEqual(plain(back), plain(f));
});

test('the file has EVALSIG\'s columns, in order, with the real timestamp', async () => {
  const { bytes } = await roundTrip(frame('r', [{ id: 'a', score: 1 }]));
  const rows = await parquetCodec.decode(bytes, 'mem.parquet');
  assert.deepEqual([...rows.columns.keys()], ['project_id', 'run_id', 'model_id', 'task_id', 'metric_name', 'item_id', 'cluster_id', 'epoch', 'score', 'config_hash', 'ts', 'metadata_json']);
  assert.deepEqual([...rows.columns.values()].map((c) => c.type), ['Utf8', 'Utf8', 'Utf8', 'Utf8', 'Utf8', 'Utf8', 'Utf8', 'Int32', 'Float64', 'Utf8', 'Timestamp<MICROSECOND, UTC>', 'Utf8']);
  const ts = rows.columns.get('ts');
  assert.ok(ts?.kind === 'timestamp');
  assert.deepEqual(ts.values, [1_747_476_672_123_456]);
  const md = rows.columns.get('metadata_json');
  assert.ok(md?.kind === 'string');
  assert.deepEqual(md.values, ['{}']);
});

test('garbage bytes are a DataError naming the file', async () => {
  await assert.rejects(parquetCodec.decode(new Uint8Array([1, 2, 3]), 'x.parquet'), (e: Error) => e.name === 'DataError' && /x\.parquet|readable Parquet/.test(e.message));
});
