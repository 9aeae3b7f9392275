// Whole-process benchmark of `tollgate audit verify` on a 10,000-envelope chain
// (issue 4 budget: ≤ 1 s), measured like bench/run.mjs: wall time from spawn
// to exit, Node start-up included, and peak RSS.
//   npm run build && node bench/evidence.mjs [--runs 5] [--envelopes 10000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DATA } from './data.mjs';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'server', 'out', 'cli.js');
const arg = (name, dflt) => Number(process.argv[process.argv.indexOf(name) + 1]) || dflt;
const RUNS = arg('--runs', 3);
const N = arg('--envelopes', 10_000);
const BUDGET_S = 1;
const BUDGET_MB = 400;
const rssFile = join(mkdtempSync(join(tmpdir(), 'tollgate-bench-')), 'rss');

/** The chain is generated once into bench/.data (gitignored) by bench/evidence-chain.ts. */
async function chain() {
  const dir = join(DATA, `evidence-${N}`);
  if (existsSync(join(dir, 'ev', 'chain', 'head.json'))) return dir;
  mkdirSync(dir, { recursive: true });
  const generator = join(DATA, 'evidence-chain.js');
  await build({ entryPoints: [join(import.meta.dirname, 'evidence-chain.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: generator, logLevel: 'warning' });
  const res = spawnSync(process.execPath, [generator, dir, String(N)], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('generating the chain failed');
  return dir;
}

function once(dir) {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--require', join(import.meta.dirname, 'peak-rss.cjs'), CLI, 'audit', 'verify', '--root', join(dir, 'ev')], {
    encoding: 'utf8',
    env: { ...process.env, TOLLGATE_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`audit verify exited ${res.status}: ${res.stdout}${res.stderr}`);
  return { seconds, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const dir = await chain();
const runs = Array.from({ length: RUNS }, () => once(dir));
const t = [...runs.map((r) => r.seconds)].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
const rss = Math.max(...runs.map((r) => r.rssMb));
const ok = t <= BUDGET_S && rss <= BUDGET_MB;
console.table([{ case: `audit verify, ${N.toLocaleString('en-US')} envelopes (2 input files each)`, 'median s': t.toFixed(2), 'budget s': BUDGET_S, 'peak RSS MB': rss.toFixed(0), 'budget MB': BUDGET_MB, ok: ok ? 'yes' : 'NO' }]);
console.log(`(${RUNS} runs; median wall time from spawn to exit; peak RSS = max getrusage maxrss over runs)`);
process.exitCode = ok ? 0 : 1;
