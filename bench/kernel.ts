// Micro-benchmark of the resampling kernel (server/src/core/stats/resampler.ts)
// against the budgets of the bit-compatible port. Run: node --import tsx bench/kernel.ts
// Times are in-process, kernel only (inputs are built before the clock starts).
import { createResampler, kernelAvailable } from '../server/src/core/stats/resampler';

function seeded(n: number, seed: number): Float64Array {
  // A small LCG is enough for benchmark data; only sizes matter here.
  let s = seed >>> 0;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.round((s / 2 ** 32 - 0.5) * 1e4) / 1e4;
  });
}

function time<T>(label: string, budgetMs: number | null, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  const budget = budgetMs === null ? '' : `  (budget ${budgetMs} ms${ms <= budgetMs ? '' : ', OVER'})`;
  console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms${budget}`);
  return out;
}

const mb = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`;

console.log(`WebAssembly kernel: ${kernelAvailable() ? 'yes' : 'NO (reference fallback)'}`);
const rssStart = process.resourceUsage().maxRSS;

// Warm-up (skip with --cold, as a one-shot CLI run would): let V8 tier the kernel up.
const cold = process.argv.includes('--cold');
if (!cold) createResampler(1).signFlipMeans(seeded(2000, 1), 200);
console.log(cold ? 'cold start (no warm-up)' : 'after a small warm-up call');

const n = 20_000;
const rows = 10_000;
const d = seeded(n, 7);
const rs = createResampler(0);
const t0 = performance.now();
time(`signFlipMeans  n=${n}, R=${rows}`, null, () => rs.signFlipMeans(d, rows));
time(`bootstrapMeans n=${n}, R=${rows} (same stream)`, null, () => rs.bootstrapMeans(d, rows));
const both = performance.now() - t0;
console.log(`${'sign flip + bootstrap together'.padEnd(58)} ${both.toFixed(0).padStart(6)} ms  (budget 2500 ms${both <= 2500 ? '' : ', OVER'})`);

const groups = 1_000;
const size = 100;
const values = seeded(groups * size, 11);
const offsets = Int32Array.from({ length: groups + 1 }, (_, k) => k * size);
time(`clusterBootstrapMeans ${groups * size} values, G=${groups}, R=${rows}`, 1800, () =>
  createResampler(0).clusterBootstrapMeans(values, offsets, rows));

const rssEnd = process.resourceUsage().maxRSS;
console.log(`peak RSS ${mb(rssEnd)} (at start ${mb(rssStart)}); an R x n float64 matrix would be ${(8 * n * rows / 2 ** 20).toFixed(0)} MB`);
