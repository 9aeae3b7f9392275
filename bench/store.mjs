// Run-store benchmarks against the budgets (called by bench/run.mjs):
// - `tollgate history` over a store of 10,000 runs: whole process, spawn to exit;
// - writing a 100,000-item run: writeRun alone, cold (codec load included),
//   timed inside a driver process (bench/store-write.ts, bundled here).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { clustered, DATA } from './data.mjs';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'server', 'out', 'cli.js');
const RSS = join(import.meta.dirname, 'peak-rss.cjs');

/** A store whose manifest lists 10,000 runs (history reads only the manifest). */
function historyStore() {
  const root = join(DATA, 'store-10k');
  const manifest = join(root, 'bench', 'manifest.json');
  if (existsSync(manifest)) return root;
  mkdirSync(join(root, 'bench'), { recursive: true });
  const runs = Array.from({ length: 10_000 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000);
    const iso = day.toISOString().replace('.000Z', '+00:00');
    const id = `run-${String(i).padStart(5, '0')}`;
    return {
      run_id: id, model_id: `model-${i % 7}`, task_id: `task-${i % 13}`, metric_name: 'accuracy', ts: iso,
      path: `year=${iso.slice(0, 4)}/month=${iso.slice(5, 7)}/run_id=${id}.parquet`, n_items: 1000, config_hash: '',
      delta: i % 2 ? ((i % 100) - 50) / 1000 : null, p_value: i % 2 ? (i % 97) / 97 : null, verdict: i % 2 ? ['ALLOW', 'REJECT', 'INCONCLUSIVE'][i % 3] : null,
      parent_run_id: i % 2 ? `run-${String(i - 1).padStart(5, '0')}` : null,
    };
  });
  writeFileSync(manifest, JSON.stringify({ project_id: 'bench', version: 1, runs }, null, 2));
  return root;
}

function spawnTimed(args, env = {}) {
  const rssFile = join(mkdtempSync(join(DATA, 'rss-')), 'rss');
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--require', RSS, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env, TOLLGATE_BENCH_RSS_FILE: rssFile } });
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(join(rssFile, '..'), { recursive: true, force: true });
  return { seconds, rssMb, stdout: res.stdout };
}

async function writeDriver() {
  const dir = join(DATA, 'store-driver');
  // parquet-wasm stays external: it loads its .wasm from its own folder in node_modules.
  await build({ entryPoints: [join(import.meta.dirname, 'store-write.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['parquet-wasm'], outdir: dir, logLevel: 'warning' });
  return join(dir, 'store-write.js');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Rows for run.mjs's table (same columns). */
export async function storeBenchRows(runs) {
  const rows = [];
  // The floor under any whole-process figure: Node plus the CLI bundle doing nothing (varies with machine load).
  const floor = median(Array.from({ length: 5 }, () => spawnTimed([CLI, 'version']).seconds));
  rows.push({ case: 'reference: `tollgate version` (start-up floor)', 'median s': floor.toFixed(3), 'budget s': '-', 'peak RSS MB': '-', 'budget MB': '-', verdict: '-', EVALSIG: '-', ok: 'yes' });
  const root = historyStore();
  const hist = Array.from({ length: Math.max(runs, 5) }, () => spawnTimed([CLI, 'history', '--root', root, '--project', 'bench'], { NO_COLOR: '1' }));
  const lines = hist[0].stdout.trim().split('\n').length - 2;
  const histS = median(hist.map((r) => r.seconds));
  rows.push({ case: `history over a store of ${lines.toLocaleString('en-US')} runs (whole process)`, 'median s': histS.toFixed(3), 'budget s': 0.15, 'peak RSS MB': Math.max(...hist.map((r) => r.rssMb)).toFixed(0), 'budget MB': '-', verdict: '-', EVALSIG: '-', ok: histS <= 0.15 ? 'yes' : 'NO' });

  const [run] = await clustered();
  const driver = await writeDriver();
  const writes = Array.from({ length: runs }, () => {
    const store = mkdtempSync(join(DATA, 'store-write-'));
    try {
      const r = spawnTimed([driver, store, run]);
      return { ...r, ...JSON.parse(r.stdout) };
    } finally {
      rmSync(store, { recursive: true, force: true });
    }
  });
  const writeS = median(writes.map((w) => w.writeMs)) / 1000;
  const warm = (median(writes.map((w) => w.warmMs)) / 1000).toFixed(3);
  rows.push({ case: `write a ${writes[0].items.toLocaleString('en-US')}-item run to the store (writeRun, cold; warm ${warm} s)`, 'median s': writeS.toFixed(3), 'budget s': 0.5, 'peak RSS MB': Math.max(...writes.map((w) => w.rssMb)).toFixed(0), 'budget MB': '-', verdict: '-', EVALSIG: '-', ok: writeS <= 0.5 ? 'yes' : 'NO' });
  return rows;
}
