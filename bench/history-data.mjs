// A synthetic evidence root for history views and benchmarks: one project with
// N stored runs over about a year — several models, tasks and metrics,
// baselines and gated candidates (ALLOW / REJECT / INCONCLUSIVE) — as the
// EVALSIG manifest plus Tollgate's gate sidecar (gates.jsonl, with CIs and
// envelope links). No Parquet file is written: `tollgate/history` reads only
// the manifest and the sidecar, and N run files would take minutes to encode.
//   import { writeHistoryData } from './history-data.mjs'; writeHistoryData(root, { runs: 10_000 });
//   node bench/history-data.mjs <root> [runs]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../test/helpers/seeded-random.cjs';

const MODELS = ['gpt-4o', 'claude-3-5-sonnet', 'llama-3-70b', 'mistral-large', 'support-bot-v7'];
const TASKS = ['ticket-triage', 'summarise', 'refund-policy', 'code-review'];
const METRICS = ['accuracy', 'rubric_score', 'exact_match'];
const METHODS = ['paired_t', 'paired_permutation', 'paired_bootstrap', 'cluster_robust'];
const START = Date.parse('2025-07-01T00:00:00Z');
const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Writes `<root>/<project>/manifest.json` and `gates.jsonl`; returns what it wrote.
 * Deterministic for a given seed; every fifth run is a baseline (no verdict).
 */
export function writeHistoryData(root, { runs = 10_000, project = 'bench', seed = 1 } = {}) {
  const r = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const records = [];
  const gates = [];
  let baseline = null;
  for (let i = 0; i < runs; i++) {
    // Sorted times (manifest order is write order), jittered so runs do not land on a grid.
    const ts = new Date(START + ((i + r() * 0.9) / runs) * YEAR_MS);
    const runId = `run-${String(i).padStart(6, '0')}`;
    const isBaseline = i % 5 === 0 || baseline === null;
    const rec = record(runId, ts, pick(MODELS), pick(TASKS), pick(METRICS), Math.floor(200 + r() * 5000));
    if (isBaseline) {
      baseline = runId;
      records.push(rec);
      continue;
    }
    const g = gated(r, i, runId, pick(METHODS));
    records.push({ ...rec, delta: g.delta, p_value: g.pValue, verdict: g.verdict, parent_run_id: baseline });
    gates.push(g.line);
  }
  const dir = join(root, project);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ project_id: project, version: 1, runs: records }, null, 2));
  writeFileSync(join(dir, 'gates.jsonl'), gates.map((g) => `${JSON.stringify(g)}\n`).join(''));
  return { root, project, runs: records.length, gated: gates.length };
}

function record(runId, ts, model, task, metric, nItems) {
  const path = `year=${ts.getUTCFullYear()}/month=${String(ts.getUTCMonth() + 1).padStart(2, '0')}/run_id=${runId}.parquet`;
  return { run_id: runId, model_id: model, task_id: task, metric_name: metric, ts: ts.toISOString().replace('Z', '000+00:00'), path, n_items: nItems, config_hash: '', delta: null, p_value: null, verdict: null, parent_run_id: null };
}

/** A gate outcome consistent with its CI: ALLOW above min_delta, INCONCLUSIVE when the MDE is too big, else REJECT. */
function gated(r, i, runId, method) {
  const minDelta = 0.01;
  const delta = round((r() - 0.35) * 0.08);
  const half = round(0.004 + r() * 0.02);
  const mde = round(half * 1.2);
  const pValue = round(Math.max(1e-5, Math.min(1, Math.exp(-Math.abs(delta) / half * 2))));
  const significant = pValue < 0.05 && delta > 0;
  const verdict = significant && delta >= minDelta ? 'ALLOW' : !significant && mde > minDelta ? 'INCONCLUSIVE' : 'REJECT';
  const oneSided = i % 2 === 0;
  // Every third gate was captured as audit evidence (the envelope files themselves are not written).
  const envelope = i % 3 === 0 ? { envelope_id: `R-${i}`, envelope_path: `audit/R-${i}/audit.json` } : { envelope_id: null, envelope_path: null };
  const line = { run_id: runId, ci_low: round(delta - half), ci_high: oneSided ? 'Infinity' : round(delta + half), min_delta: minDelta, mde, method, alpha: 0.05, ...envelope };
  return { delta, pValue, verdict, line };
}

const round = (x) => Math.round(x * 1e6) / 1e6;

if (process.argv[1] === import.meta.filename) {
  const [root, n] = process.argv.slice(2);
  if (!root) {
    console.error('usage: node bench/history-data.mjs <root> [runs]');
    process.exit(64);
  }
  console.log(writeHistoryData(root, { runs: Number(n) || 10_000 }));
}
