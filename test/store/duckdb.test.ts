/**
 * Interoperability with another Parquet engine, both ways: DuckDB reads
 * Tollgate's store files with the same rows and EVALSIG's column types, and
 * files DuckDB writes with EVALSIG's schema (default Snappy and ZSTD) load in
 * Tollgate, directly and through a store manifest.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readParquetRunFile } from '../../server/src/node/read-parquet-run';
import { frame, meta, plain, tempDir, tempStore } from '../unit/store/helpers';

let db: DuckDBInstance;
let con: DuckDBConnection;
before(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});
after(() => {
  con.closeSync();
  db.closeSync();
});

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson();
}

const RUN = frame('run-ü', [
  { id: 'q1', score: 1, cluster: 'c1', metadata: meta({ k: 1 }) },
  { id: 'q2', score: 0.5, cluster: null },
  { id: 'q1', score: 0, cluster: 'c1', epoch: 1 },
  { id: '🙂', score: 0, cluster: 'c2' },
], { configHash: 'cafe' });

test('DuckDB reads a stored run: EVALSIG\'s column types, the same rows, the real timestamp', async () => {
  const { root, store } = tempStore(new Date('2026-05-17T10:11:12.123Z'));
  const rec = await store.writeRun('proj', RUN);
  const file = sqlString(join(root, 'proj', rec.path));
  const types = await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${file}, hive_partitioning = false))`);
  assert.deepEqual(types.map((r) => `${String(r['column_name'])} ${String(r['column_type'])}`), [
    'project_id VARCHAR', 'run_id VARCHAR', 'model_id VARCHAR', 'task_id VARCHAR', 'metric_name VARCHAR', 'item_id VARCHAR', 'cluster_id VARCHAR',
    'epoch INTEGER', 'score DOUBLE', 'config_hash VARCHAR', 'ts TIMESTAMP WITH TIME ZONE', 'metadata_json VARCHAR',
  ]);
  const got = await rows(`SELECT project_id, run_id, model_id, task_id, metric_name, item_id, cluster_id, epoch, score, config_hash, epoch_us(ts)::VARCHAR AS us, metadata_json FROM read_parquet(${file}, hive_partitioning = false)`);
  const us = String(Date.parse('2026-05-17T10:11:12.123Z') * 1000);
  const common = { project_id: 'proj', run_id: 'run-ü', model_id: 'model-a', task_id: 'task-x', metric_name: 'accuracy', config_hash: 'cafe', us };
  assert.deepEqual(got, [
    { ...common, item_id: 'q1', cluster_id: 'c1', epoch: 0, score: 1, metadata_json: '{"k": 1}' },
    { ...common, item_id: 'q2', cluster_id: null, epoch: 0, score: 0.5, metadata_json: '{}' },
    { ...common, item_id: 'q1', cluster_id: 'c1', epoch: 1, score: 0, metadata_json: '{}' },
    { ...common, item_id: '🙂', cluster_id: 'c2', epoch: 0, score: 0, metadata_json: '{}' },
  ]);
});

test('DuckDB queries a whole store with one glob', async () => {
  const { root, store } = tempStore();
  await store.writeRun('proj', RUN);
  await store.writeRun('proj', frame('other', [{ id: 'a', score: 1 }, { id: 'b', score: 0 }]));
  const got = await rows(`SELECT run_id, count(*)::INTEGER AS n, avg(score) AS mean FROM read_parquet(${sqlString(join(root, 'proj', '*', '*', '*.parquet'))}) GROUP BY run_id ORDER BY run_id`);
  assert.deepEqual(got, [{ run_id: 'other', n: 2, mean: 0.5 }, { run_id: 'run-ü', n: 4, mean: 0.375 }]);
});

/** EVALSIG's schema, written by DuckDB. */
function evalsigSelect(runId: string): string {
  return `SELECT 'proj' AS project_id, ${sqlString(runId)} AS run_id, 'model-a' AS model_id, 'task-x' AS task_id, 'accuracy' AS metric_name,
      item_id, cluster_id, epoch::INTEGER AS epoch, score::DOUBLE AS score, 'cafe' AS config_hash,
      TIMESTAMPTZ '2026-05-17 10:11:12.123+00' AS ts, metadata_json
    FROM (VALUES ('q1', 'c1', 0, 1.0, '{"k": 1}'), ('q2', NULL, 0, 0.5, '{}'), ('q1', 'c1', 1, 0.0, '{}'), ('🙂', 'c2', 0, 0.0, ''))
      AS t(item_id, cluster_id, epoch, score, metadata_json)`;
}

for (const compression of ['default (Snappy)', 'ZSTD']) {
  test(`a Parquet file DuckDB wrote with EVALSIG's schema loads (${compression})`, async () => {
    const dir = tempDir();
    const file = join(dir, 'run.parquet');
    const opts = compression === 'ZSTD' ? ', COMPRESSION zstd' : '';
    await con.run(`COPY (${evalsigSelect('run-ü')}) TO ${sqlString(file)} (FORMAT parquet${opts})`);
    assert.deepEqual(plain(await readParquetRunFile(file)), plain(RUN));
  });
}

test('a DuckDB-written file listed in an EVALSIG manifest loads through the store', async () => {
  const { root, store } = tempStore();
  mkdirSync(join(root, 'proj', 'year=2026', 'month=05'), { recursive: true });
  await con.run(`COPY (${evalsigSelect('run-ü')}) TO ${sqlString(join(root, 'proj', 'year=2026', 'month=05', 'run_id=run-ü.parquet'))} (FORMAT parquet)`);
  writeFileSync(join(root, 'proj', 'manifest.json'), JSON.stringify({
    project_id: 'proj', version: 1,
    runs: [{ run_id: 'run-ü', model_id: 'model-a', task_id: 'task-x', metric_name: 'accuracy', ts: '2026-05-17T10:11:12.123000+00:00', path: 'year=2026/month=05/run_id=run-ü.parquet', n_items: 4, config_hash: 'cafe', delta: null, p_value: null, verdict: null, parent_run_id: null }],
  }, null, 2));
  assert.deepEqual(plain(await store.loadRun('proj', 'run-ü')), plain(RUN));
});

test('files that break the schema are refused with a clear error naming the file', async () => {
  const dir = tempDir();
  const cases: [string, string, RegExp][] = [
    ['no-score', `SELECT 'r' AS run_id, 'q1' AS item_id`, /missing column 'score'/],
    ['text-score', `SELECT 'r' AS run_id, 'q1' AS item_id, 'high' AS score, 0 AS epoch`, /column 'score' must hold numbers, got Utf8/],
    ['nan-score', `SELECT 'r' AS run_id, 'q1' AS item_id, 'NaN'::DOUBLE AS score, 0 AS epoch`, /row 1: score must be a finite number, got NaN/],
    ['two-runs', `SELECT run_id, item_id, score::DOUBLE AS score, epoch FROM (VALUES ('r1', 'q1', 1.0, 0), ('r2', 'q1', 1.0, 0)) AS t(run_id, item_id, score, epoch)`, /contains 2 runs/],
    ['duplicate', `SELECT run_id, item_id, score::DOUBLE AS score, epoch FROM (VALUES ('r', 'q1', 1.0, 0), ('r', 'q1', 0.0, 0)) AS t(run_id, item_id, score, epoch)`, /row 2: .*q1/],
    ['empty', `SELECT 'r' AS run_id, 'q1' AS item_id, 1.0::DOUBLE AS score, 0 AS epoch WHERE false`, /no rows/],
  ];
  for (const [name, sql, message] of cases) {
    const file = join(dir, `${name}.parquet`);
    await con.run(`COPY (${sql}) TO ${sqlString(file)} (FORMAT parquet)`);
    await assert.rejects(readParquetRunFile(file), (e: Error & { file?: string }) => e.name === 'DataError' && e.file === file && message.test(e.message), name);
  }
  const notParquet = join(dir, 'text.parquet');
  writeFileSync(notParquet, 'not parquet at all');
  await assert.rejects(readParquetRunFile(notParquet), (e: Error & { file?: string }) => e.name === 'DataError' && e.file === notParquet && /not a readable Parquet file/.test(e.message));
  await assert.rejects(readParquetRunFile(join(dir, 'missing.parquet')), /no such file/);
});
