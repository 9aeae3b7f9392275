/** `tollgate history` and `tollgate gate --store`, through the built CLI. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { VECTORS } from '../helpers/golden';
import { tollgate } from '../helpers/cli';
import { frame, tempDir, tempStore } from '../unit/store/helpers';

const items = [{ id: 'q1', score: 1 }, { id: 'q2', score: 0 }];

/** A store written through the API at fixed times, so the outputs are goldens. */
async function fixedStore(): Promise<string> {
  const { root, store } = tempStore(new Date('2026-06-29T08:00:00Z'));
  await store.writeRun('proj', frame('base-1', items, { modelId: 'gpt-a' }));
  await store.writeRun('proj', frame('cand-1', items, { modelId: 'gpt-b' }), { verdict: 'ALLOW', delta: 0.0213, pValue: 0.001, parentRunId: 'base-1', ts: new Date('2026-06-30T21:15:00.25Z') });
  await store.writeRun('proj', frame('cand-2', items, { modelId: 'gpt-b', taskId: 'other' }), { verdict: 'REJECT', delta: -0.05, pValue: 0.9, parentRunId: 'base-1', ts: new Date('2026-07-01T00:00:00Z') });
  return root;
}

test('history prints EVALSIG\'s table (golden)', async () => {
  const root = await fixedStore();
  const res = tollgate(['history', '--root', root, '--project', 'proj']);
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stdout, `run_id                  model                 task                  metric           delta       verdict  ts
--------------------------------------------------------------------------------------------------------------
base-1                  gpt-a                 task-x                accuracy             -             -  2026-06-29T08:00:00+00:00
cand-1                  gpt-b                 task-x                accuracy       +0.0213         ALLOW  2026-06-30T21:15:00.250000+00:00
cand-2                  gpt-b                 other                 accuracy       -0.0500        REJECT  2026-07-01T00:00:00+00:00
`);
});

test('history --until takes the whole day; filters AND; --output json (golden)', async () => {
  const root = await fixedStore();
  const res = tollgate(['history', '--root', root, '--project', 'proj', '--model-id', 'gpt-b', '--since', '2026-06-30', '--until', '2026-06-30', '--output', 'json']);
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stdout, `{
  "project_id": "proj",
  "runs": [
    {
      "run_id": "cand-1",
      "model_id": "gpt-b",
      "task_id": "task-x",
      "metric_name": "accuracy",
      "ts": "2026-06-30T21:15:00.250000+00:00",
      "path": "year=2026/month=06/run_id=cand-1.parquet",
      "n_items": 2,
      "config_hash": "",
      "delta": 0.0213,
      "p_value": 0.001,
      "verdict": "ALLOW",
      "parent_run_id": "base-1"
    }
  ]
}
`);
  const tasks = tollgate(['history', '--root', root, '--project', 'proj', '--task-id', 'other']);
  assert.deepEqual(tasks.stdout.trim().split('\n').slice(2).map((l) => l.split(' ')[0]), ['cand-2']);
});

test('history of a missing store or an unmatched filter says so and exits 0', () => {
  const root = join(tempDir(), 'nothing-here');
  const res = tollgate(['history', '--root', root]);
  assert.equal(res.status, 0);
  assert.equal(res.stdout, `No runs found in ${root} (project=default).\n`);
  assert.equal(tollgate(['history', '--root', root, '--output', 'json']).stdout, '{\n  "project_id": "default",\n  "runs": []\n}\n');
});

test('history refuses bad projects and dates with usage errors (exit 64) naming the value', () => {
  const root = tempDir();
  for (const [args, message] of [
    [['--project', '../../etc'], /project id "..\/..\/etc" is not a plain name/],
    [['--project', '/abs'], /project id "\/abs"/],
    [['--until', '30/06/2026'], /--until "30\/06\/2026" is not an ISO-8601 date/],
    [['--since', '2026-02-30'], /--since "2026-02-30"/],
  ] as const) {
    const res = tollgate(['history', '--root', root, ...args]);
    assert.equal(res.status, 64, res.stderr);
    assert.match(res.stderr, /^usage: tollgate history/);
    assert.match(res.stderr, message);
  }
});

test('history of a corrupt manifest is a data error naming the file (exit 65)', async () => {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const root = tempDir();
  mkdirSync(join(root, 'p'));
  writeFileSync(join(root, 'p', 'manifest.json'), '{"runs": [');
  const res = tollgate(['history', '--root', root, '--project', 'p']);
  assert.equal(res.status, 65);
  assert.match(res.stderr, new RegExp(`^tollgate: data error: ${join(root, 'p', 'manifest.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:11: `));
});

const CASE = join(VECTORS, 'shared_paired_t');
const gateArgs = (...extra: string[]): string[] => ['gate', '--baseline', join(CASE, 'baseline.json'), '--candidate', join(CASE, 'candidate.json'), '--min-delta', '0.01', '--method', 'paired_t', '--output', 'json', ...extra];

test('gate --store records both runs: the candidate with verdict, delta, p-value and the baseline as parent', () => {
  const root = tempDir();
  const res = tollgate(gateArgs('--store', root, '--project', 'proj'));
  const report = JSON.parse(res.stdout) as { verdict: string; exit_code: number; comparison: { delta: number; p_value: number } };
  assert.equal(res.status, report.exit_code, res.stderr);
  const manifest = JSON.parse(readFileSync(join(root, 'proj', 'manifest.json'), 'utf8')) as { runs: Record<string, unknown>[] };
  assert.deepEqual(manifest.runs.map((r) => [r['run_id'], r['verdict'], r['delta'], r['p_value'], r['parent_run_id']]), [
    ['base-203', null, null, null, null],
    ['cand-203', report.verdict, report.comparison.delta, report.comparison.p_value, 'base-203'],
  ]);
  // The CI and parameters go to Tollgate's sidecar (the manifest keeps EVALSIG's fields only); no envelope without audit capture.
  const full = report as unknown as { comparison: { ci: [number, number]; mde: number; method: string }; min_delta: number; alpha: number };
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'proj', 'gates.jsonl'), 'utf8')), {
    run_id: 'cand-203', ci_low: full.comparison.ci[0], ci_high: full.comparison.ci[1], min_delta: 0.01, mde: full.comparison.mde, method: 'paired_t', alpha: full.alpha, envelope_id: null, envelope_path: null,
  });
  // Gating the stored Parquet files gives the same report as the JSON files.
  const parquet = (id: string): string => join(root, 'proj', String(manifest.runs.find((r) => r['run_id'] === id)?.['path']));
  const again = tollgate(['gate', '--baseline', parquet('base-203'), '--candidate', parquet('cand-203'), '--min-delta', '0.01', '--method', 'paired_t', '--output', 'json']);
  assert.equal(again.stdout, res.stdout, again.stderr);
  // compare and doctor read the stored Parquet files too.
  const cmp = tollgate(['compare', '--baseline', parquet('base-203'), '--candidate', parquet('cand-203'), '--method', 'paired_t', '--output', 'json']);
  assert.equal((JSON.parse(cmp.stdout) as { delta: number }).delta, report.comparison.delta, cmp.stderr);
  const doc = tollgate(['doctor', parquet('cand-203')]);
  assert.equal(doc.status, 0, doc.stdout);
  assert.match(doc.stdout, /OK .*run_id=cand-203\.parquet {2}\(n=\d+, model=/);
  // Directory pairs pick up .parquet files (paired by file name).
  const [dirA, dirB] = [join(root, 'dirA'), join(root, 'dirB')];
  mkdirSync(dirA);
  mkdirSync(dirB);
  copyFileSync(parquet('base-203'), join(dirA, 'qa.parquet'));
  copyFileSync(parquet('cand-203'), join(dirB, 'qa.parquet'));
  const dirs = tollgate(['gate', '--baseline', dirA, '--candidate', dirB, '--min-delta', '0.01', '--method', 'paired_t', '--output', 'json']);
  assert.equal(dirs.stdout, res.stdout, dirs.stderr);
  // A second gate against the same baseline keeps the baseline's record as it was.
  tollgate(gateArgs('--store', root, '--project', 'proj'));
  const history = tollgate(['history', '--root', root, '--project', 'proj']);
  assert.deepEqual(history.stdout.trim().split('\n').slice(2).map((l) => l.split(/\s+/).slice(0, 1)[0]), ['base-203', 'cand-203']);
});

test('gate --store refuses bad projects (64), --project without --store (64), families (64), and a pair sharing one run id (65)', () => {
  const root = tempDir();
  const bad = tollgate(gateArgs('--store', root, '--project', '../x'));
  assert.equal(bad.status, 64);
  assert.match(bad.stderr, /tollgate gate: error: project id "..\/x" is not a plain name/);
  const orphan = tollgate(gateArgs('--project', 'p'));
  assert.equal(orphan.status, 64);
  assert.match(orphan.stderr, /--project needs --store/);
  const family = tollgate(gateArgs('--store', root, '--metric', 'a', '--metric', 'b'));
  assert.equal(family.status, 64);
  assert.match(family.stderr, /--store records one --baseline\/--candidate pair with one --metric/);
  const same = tollgate(['gate', '--baseline', join(CASE, 'baseline.json'), '--candidate', join(CASE, 'baseline.json'), '--min-delta', '0.01', '--store', root]);
  assert.equal(same.status, 65, same.stderr);
  assert.match(same.stderr, /same run id "base-203"/);
});
