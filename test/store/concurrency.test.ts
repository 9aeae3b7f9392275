/**
 * Two processes writing to one project at once lose nothing. The 2 × 200
 * run checks the store's protocol (lock, read-modify-write, atomic files)
 * with the light JSON codec (see json-codec.ts); a shorter run does the
 * same with the real Parquet codec end to end.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openRunStore } from '../../server/src/core/store';
import { lazyParquetCodec } from '../../server/src/node/load-parquet-codec';
import { nodeFileSystem } from '../../server/src/node/node-file-system';
import { plain, tempDir } from '../unit/store/helpers';
import { expectedRun } from './expected-run';
import { jsonCodec } from './json-codec';
import { startWorker } from './worker-process';

async function race(codec: 'json' | 'parquet', writes: number): Promise<void> {
  const store = openRunStore({ fs: nodeFileSystem(), codec: codec === 'json' ? jsonCodec : lazyParquetCodec, clock: { now: () => new Date() } }, tempDir());
  const workers = await Promise.all(['a', 'b'].map((prefix) => startWorker(store.root, 'shared', prefix, writes, 10, codec)));
  const codes = await Promise.all(workers.map((w) => w.exited));
  assert.deepEqual(codes, [0, 0], workers.map((w) => w.stderr()).join('\n'));
  const runs = await store.listRuns('shared');
  assert.equal(runs.length, 2 * writes);
  const ids = runs.map((r) => r.record.runId);
  // Each writer's records appear once, in the order it wrote them, interleaved with the other's.
  for (const prefix of ['a', 'b']) {
    assert.deepEqual(ids.filter((id) => id.startsWith(`${prefix}-`)), Array.from({ length: writes }, (_, k) => `${prefix}-${k}`));
  }
  for (const { record } of runs) assert.deepEqual(plain(await store.loadRun('shared', record.runId)), plain(expectedRun(record.runId, 10)), record.runId);
  assert.deepEqual(await store.findOrphans('shared'), []);
}

test('2 processes × 200 writes to one project → 400 records, every one whole', { timeout: 120_000 }, () => race('json', 200));

test('2 processes × 25 writes with the Parquet codec → 50 records', { timeout: 120_000 }, () => race('parquet', 25));
