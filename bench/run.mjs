// Whole-process benchmarks of `tollgate gate` against the budgets:
// wall time from spawn to exit (Node start-up included) and peak RSS.
//   npm run bench            (builds first)    node bench/run.mjs --runs 5
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, clustered, continuous } from './data.mjs';
import { storeBenchRows } from './store.mjs';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'server', 'out', 'cli.js');
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const rssFile = join(mkdtempSync(join(tmpdir(), 'tollgate-bench-')), 'rss');

const cases = [
  { name: '20k continuous pairs, permutation R=10,000', files: continuous, args: ['--method', 'paired_permutation', '--resamples', '10000'], budgetS: 4, evalsig: '12.3 s / 4.8 GB' },
  { name: '100k pairs in 1,000 clusters, cluster bootstrap R=10,000', files: clustered, args: ['--cluster', 'passage_id', '--method', 'cluster_bootstrap', '--resamples', '10000'], budgetS: 2.5, evalsig: '11.6 s / 215 MB' },
  { name: '1M binary pairs, McNemar', files: binary, args: ['--method', 'mcnemar'], budgetS: 2.5, evalsig: '14.9 s / 1.1 GB' },
];
const BUDGET_MB = 400;

function once(args) {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--require', join(import.meta.dirname, 'peak-rss.cjs'), CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TOLLGATE_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (res.status === null || res.status > 2) throw new Error(`tollgate exited ${res.status}: ${res.stderr}`);
  const verdict = /VERDICT: (\w+)/.exec(res.stdout)?.[1] ?? '?';
  return { seconds, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, verdict };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
let failed = false;
for (const c of cases) {
  const [base, cand] = await c.files();
  const args = ['gate', '--baseline', base, '--candidate', cand, '--min-delta', '0.005', ...c.args];
  const runs = Array.from({ length: RUNS }, () => once(args));
  const t = median(runs.map((r) => r.seconds));
  const rss = Math.max(...runs.map((r) => r.rssMb));
  const ok = t <= c.budgetS && rss <= BUDGET_MB;
  failed ||= !ok;
  rows.push({ case: c.name, 'median s': t.toFixed(2), 'budget s': c.budgetS, 'peak RSS MB': rss.toFixed(0), 'budget MB': BUDGET_MB, verdict: runs[0].verdict, EVALSIG: c.evalsig, ok: ok ? 'yes' : 'NO' });
}
for (const row of await storeBenchRows(RUNS)) {
  failed ||= row.ok !== 'yes';
  rows.push(row);
}
console.table(rows);
console.log(`(${RUNS} runs each; median wall time from spawn to exit; peak RSS = max getrusage maxrss over runs)`);
process.exitCode = failed ? 1 : 0;
