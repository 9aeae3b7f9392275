import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { historyToJson, historyToText, type RunRecord } from '../../../server/src/core/store';
import { frame, meta, plain, tempStore } from './helpers';

const items = [{ id: 'q1', score: 1, cluster: 'c1', metadata: meta({ k: 1 }) }, { id: 'q2', score: 0 }];

test('writeRun stores the file at EVALSIG\'s path and a record in EVALSIG\'s manifest format', async () => {
  const { root, store } = tempStore();
  const rec = await store.writeRun('proj', frame('r1', items), { verdict: 'ALLOW', delta: 0.02, pValue: null, parentRunId: 'r0' });
  assert.equal(rec.path, 'year=2026/month=05/run_id=r1.parquet');
  assert.ok(existsSync(join(root, 'proj', rec.path)));
  assert.equal(readFileSync(join(root, 'proj', 'manifest.json'), 'utf8'), `{
  "project_id": "proj",
  "version": 1,
  "runs": [
    {
      "run_id": "r1",
      "model_id": "model-a",
      "task_id": "task-x",
      "metric_name": "accuracy",
      "ts": "2026-05-17T10:11:12.123000+00:00",
      "path": "year=2026/month=05/run_id=r1.parquet",
      "n_items": 2,
      "config_hash": "",
      "delta": 0.02,
      "p_value": null,
      "verdict": "ALLOW",
      "parent_run_id": "r0"
    }
  ]
}`);
});

test('load returns the run written; list keeps manifest order; a re-write replaces and moves to the end', async () => {
  const { store } = tempStore();
  const a = frame('a', items);
  await store.writeRun('p', a);
  await store.writeRun('p', frame('b', items));
  await store.writeRun('p', frame('a', [{ id: 'z', score: 0.5 }]));
  assert.deepEqual((await store.listRuns('p')).map((r) => r.record.runId), ['b', 'a']);
  assert.deepEqual(plain(await store.loadRun('p', 'a')), plain(frame('a', [{ id: 'z', score: 0.5 }])));
  await assert.rejects(store.loadRun('p', 'nope'), /run_id "nope" not found in project 'p'/);
});

test('ifAbsent keeps an already stored run (a baseline keeps the verdict it got as a candidate)', async () => {
  const { store } = tempStore();
  await store.writeRun('p', frame('v2', items), { verdict: 'ALLOW', delta: 0.1 });
  const kept = await store.writeRun('p', frame('v2', items), { ifAbsent: true });
  assert.equal(kept.verdict, 'ALLOW');
  assert.equal((await store.listRuns('p'))[0].record.verdict, 'ALLOW');
});

test('hostile run ids are stored inside the project; hostile projects are refused', async () => {
  const { root, store } = tempStore();
  const rec = await store.writeRun('p', frame('../../../escape', items));
  assert.equal(rec.path, 'year=2026/month=05/run_id=..%2F..%2F..%2Fescape.parquet');
  assert.ok(existsSync(join(root, 'p', rec.path)));
  assert.deepEqual(plain(await store.loadRun('p', '../../../escape')), plain(frame('../../../escape', items)));
  for (const project of ['../x', '/tmp/x', 'a/b', '', 'a\u0000b']) {
    await assert.rejects(store.writeRun(project, frame('r', items)), (e: Error) => e.name === 'UsageError' && /project id/.test(e.message), project);
    await assert.rejects(store.listRuns(project), (e: Error) => e.name === 'UsageError', project);
  }
  await assert.rejects(store.writeRun('p', frame('', items), { sourceFile: 'runs/x.json' }), (e: Error & { file?: string }) => e.name === 'DataError' && e.file === 'runs/x.json');
});

test('run ids equal up to case get distinct files (case-insensitive file systems)', async () => {
  const { store } = tempStore();
  const a = await store.writeRun('p', frame('Run', items));
  const b = await store.writeRun('p', frame('run', items));
  assert.notEqual(a.path.toLowerCase(), b.path.toLowerCase());
  assert.equal(b.path, 'year=2026/month=05/run_id=run~2.parquet');
});

test('a manifest pointing outside the project is refused, naming the manifest', async () => {
  const { root, store } = tempStore();
  mkdirSync(join(root, 'p'));
  const manifest = { project_id: 'p', version: 1, runs: [{ run_id: 'x', model_id: 'm', task_id: 't', metric_name: 'a', ts: '2026-01-01T00:00:00+00:00', path: '../../secret.parquet', n_items: 1 }] };
  writeFileSync(join(root, 'p', 'manifest.json'), JSON.stringify(manifest));
  await assert.rejects(store.loadRun('p', 'x'), (e: Error & { file?: string }) => e.name === 'DataError' && e.file?.endsWith('manifest.json') === true && /must stay inside the project folder/.test(e.message));
});

test('an EVALSIG manifest with NaN and missing optional keys loads; a broken one is a DataError with a position', async () => {
  const { root, store } = tempStore();
  mkdirSync(join(root, 'p'));
  writeFileSync(join(root, 'p', 'manifest.json'), '{"project_id": "other", "runs": [{"run_id": "x", "model_id": "m", "task_id": "t", "metric_name": "a", "ts": "2026-01-01T00:00:00", "path": "year=2026/month=01/run_id=x.parquet", "n_items": 3, "delta": NaN}]}');
  const [run] = await store.listRuns('p');
  assert.ok(Number.isNaN(run.record.delta));
  assert.equal(run.record.configHash, '');
  writeFileSync(join(root, 'p', 'manifest.json'), '{"runs": [\n  {"run_id": 1,');
  await assert.rejects(store.listRuns('p'), (e: Error & { position?: { line: number } }) => e.name === 'DataError' && e.position?.line === 2);
  writeFileSync(join(root, 'p', 'manifest.json'), '{"runs": [{"run_id": 1}]}');
  await assert.rejects(store.listRuns('p'), /runs\[0\]: field 'run_id' must be a string, got int/);
});

test('a record whose file was deleted is a DataError on load; orphans are reported', async () => {
  const { root, store } = tempStore();
  await store.writeRun('p', frame('a', items));
  writeFileSync(join(root, 'p', 'year=2026', 'month=05', 'run_id=stray.parquet'), 'x');
  assert.deepEqual(await store.findOrphans('p'), ['year=2026/month=05/run_id=stray.parquet']);
  const { rmSync } = await import('node:fs');
  rmSync(join(root, 'p', 'year=2026', 'month=05', 'run_id=a.parquet'));
  await assert.rejects(store.loadRun('p', 'a'), /its file is missing/);
});

function rec(runId: string, ts: string, extra: Partial<RunRecord> = {}): RunRecord {
  return { runId, modelId: 'm1', taskId: 't1', metricName: 'acc', ts, path: `year=2026/month=06/run_id=${runId}.parquet`, nItems: 10, configHash: '', delta: null, pValue: null, verdict: null, parentRunId: null, ...extra };
}

test('--until takes the whole day (EVALSIG dropped runs after midnight); --since is inclusive', async () => {
  const { store } = tempStore(new Date('2026-06-29T08:00:00Z'));
  await store.writeRun('p', frame('early', items));
  await store.writeRun('p', frame('late', items), { ts: new Date('2026-06-30T23:59:59.999Z') });
  await store.writeRun('p', frame('next', items), { ts: new Date('2026-07-01T00:00:00Z') });
  const ids = async (since?: string, until?: string): Promise<string[]> => (await store.queryRuns('p', { since, until })).map((r) => r.record.runId);
  assert.deepEqual(await ids(undefined, '2026-06-30'), ['early', 'late']);
  assert.deepEqual(await ids('2026-06-30', undefined), ['late', 'next']);
  assert.deepEqual(await ids('2026-06-30', '2026-06-30'), ['late']);
  assert.deepEqual(await ids('2026-06-29T08:00:00Z', '2026-06-29T08:00:00Z'), ['early']);
  assert.deepEqual(await ids(undefined, '2026-06-30T23:59:59.999+00:00'), ['early', 'late']);
  await assert.rejects(ids('last week'), (e: Error) => e.name === 'UsageError');
});

test('filters are ANDed equalities on model, task and metric', async () => {
  const { store } = tempStore();
  await store.writeRun('p', frame('a', items, { modelId: 'm1', taskId: 't1' }));
  await store.writeRun('p', frame('b', items, { modelId: 'm2', taskId: 't1' }));
  await store.writeRun('p', frame('c', items, { modelId: 'm2', taskId: 't2', metricName: 'f1' }));
  const ids = async (f: object): Promise<string[]> => (await store.queryRuns('p', f)).map((r) => r.record.runId);
  assert.deepEqual(await ids({ modelId: 'm2' }), ['b', 'c']);
  assert.deepEqual(await ids({ modelId: 'm2', taskId: 't1' }), ['b']);
  assert.deepEqual(await ids({ metricName: 'f1' }), ['c']);
  assert.deepEqual(await ids({ modelId: 'nobody' }), []);
});

test('history text is EVALSIG\'s table: padded, never truncated, +.4f deltas, - for missing', () => {
  const rows = [
    rec('base', '2026-06-01T00:00:00+00:00'),
    rec('a-very-long-run-identifier-indeed', '2026-06-02T10:00:00.500000+00:00', { delta: 0.03125, verdict: 'ALLOW', modelId: 'モデル' }),
    rec('neg', '2026-06-03T00:00:00+00:00', { delta: -0.0001, verdict: '' }),
  ];
  assert.equal(historyToText(rows, '/store', 'p'), [
    'run_id                  model                 task                  metric           delta       verdict  ts',
    '-'.repeat(110),
    'base                    m1                    t1                    acc                  -             -  2026-06-01T00:00:00+00:00',
    'a-very-long-run-identifier-indeedモデル                   t1                    acc            +0.0312         ALLOW  2026-06-02T10:00:00.500000+00:00',
    'neg                     m1                    t1                    acc            -0.0001             -  2026-06-03T00:00:00+00:00',
  ].join('\n'));
  assert.equal(historyToText([], '/store', 'p'), 'No runs found in /store (project=p).');
});

test('history json is the manifest\'s shape restricted to the matches', () => {
  assert.equal(historyToJson([rec('r', '2026-06-01T00:00:00+00:00', { delta: 1, pValue: Number.NaN })], 'p'), `{
  "project_id": "p",
  "runs": [
    {
      "run_id": "r",
      "model_id": "m1",
      "task_id": "t1",
      "metric_name": "acc",
      "ts": "2026-06-01T00:00:00+00:00",
      "path": "year=2026/month=06/run_id=r.parquet",
      "n_items": 10,
      "config_hash": "",
      "delta": 1.0,
      "p_value": null,
      "verdict": null,
      "parent_run_id": null
    }
  ]
}`);
});

test('an EVALSIG store whose run id made a sub-folder (a/b) still loads, and the folder is no orphan', async () => {
  const { root, store } = tempStore();
  const written = await store.writeRun('p', frame('a/b', items));
  const { renameSync } = await import('node:fs');
  // Move the file to where EVALSIG put it, and point the manifest there.
  mkdirSync(join(root, 'p', 'year=2026', 'month=05', 'run_id=a'));
  renameSync(join(root, 'p', written.path), join(root, 'p', 'year=2026', 'month=05', 'run_id=a', 'b.parquet'));
  const manifestFile = join(root, 'p', 'manifest.json');
  writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace(written.path, 'year=2026/month=05/run_id=a/b.parquet'));
  assert.deepEqual(plain(await store.loadRun('p', 'a/b')), plain(frame('a/b', items)));
  assert.deepEqual(await store.findOrphans('p'), []);
});
