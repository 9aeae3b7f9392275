/**
 * Data for the webview tests: gate results shaped exactly like the server's
 * (the reports are `tollgate gate --output json` of examples/runs) and a
 * synthetic store history of any size, deterministic for a seed.
 */
import type { CaptureAuditResult, GateDetail, GateRunInfo, HistoryRecord, HistoryResult, RunGateResult } from '../../server/src/protocol/protocol';
import { mulberry32 } from '../helpers/seeded-random.cjs';

export const XSS = '<img src=x onerror="window.__xss=1">';

/** examples/runs/inconclusive, gated with --min-delta 0.01 (one-sided: the CI's upper limit is "Infinity"). */
export const INCONCLUSIVE_REPORT = {
  verdict: 'INCONCLUSIVE',
  exit_code: 2,
  comparison: { delta: -0.007068333333333334, ci: [-0.04928824999999998, 'Infinity'], ci_level: 0.95, p_value: 0.6072392760723928, significant: false, n_pairs: 60, n_clusters: null, method: 'paired_permutation', mde: 0.06644141639456831, notes: [] },
  min_delta: 0.01,
  alpha: 0.05,
  power: 0.8,
  suggestion: 'underpowered: detectable effect at 80% power is 0.0664, but you asked to detect 0.0100. collect ~2,589 more paired items (total ~2,649) and re-run.',
};

function gateOf(label: string, verdict: string, delta: number, ci: [number, number], p: number, mde: number, n: number) {
  return { label, task_id: label.split('/')[0], metric_name: 'rubric_score', p_adjusted: Math.min(1, p * 3), report: { verdict, exit_code: 0, comparison: { delta, ci: [ci[0], ci[1]], ci_level: 0.9833, p_value: p, significant: verdict === 'ALLOW', n_pairs: n, n_clusters: null, method: 'paired_permutation', mde, notes: [] }, min_delta: 0.01, alpha: 0.05, power: 0.8, suggestion: null } };
}

/** examples/runs/suite: three tasks, Holm-corrected, one regresses (two-sided here, so both limits are finite). */
export const SUITE_REPORT = {
  verdict: 'REJECT',
  exit_code: 1,
  correction: 'holm',
  alpha: 0.05,
  family_size: 3,
  gates: [
    gateOf('refusals/rubric_score', 'REJECT', -0.00794, [-0.0125, -0.0034], 0.99990, 0.00638, 2500),
    gateOf('summaries/rubric_score', 'ALLOW', 0.02007, [0.01394, 0.0262], 0.0001, 0.00836, 1500),
    gateOf('triage/rubric_score', 'ALLOW', 0.02713, [0.0213, 0.0329], 0.0001, 0.00805, 1500),
  ],
};

export const ALLOW_REPORT = {
  verdict: 'ALLOW',
  exit_code: 0,
  comparison: { delta: 0.026159300000000003, ci: [0.0222560925, 'Infinity'], ci_level: 0.95, p_value: 9.999000099990002e-5, significant: true, n_pairs: 2000, n_clusters: null, method: 'paired_permutation', mde: 0.005988891810296015, notes: ['items with an empty response were scored 0'] },
  min_delta: 0.01,
  alpha: 0.05,
  power: 0.8,
  suggestion: null,
};

const SHA_A = 'c0a4d1e3f5b6978877665544332211ffeeddccbbaa99887766554433221100aa';
const SHA_B = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

/** A capture result whose candidate model id (and a note) is an XSS payload. */
export function captureWithPayload(): CaptureAuditResult {
  const runs: GateRunInfo[] = [
    { role: 'baseline', runId: 'run-2024-05-01-base', modelId: 'acme-llm-7b', taskId: 'support-triage', metricName: 'accuracy', nItems: 2000 },
    { role: 'candidate', runId: 'run-2024-05-02-cand', modelId: XSS, taskId: 'support-triage', metricName: 'accuracy', nItems: 2000 },
  ];
  const report = { ...ALLOW_REPORT, comparison: { ...ALLOW_REPORT.comparison, notes: [...ALLOW_REPORT.comparison.notes, XSS] } };
  return {
    verdict: 'ALLOW',
    exitCode: 0,
    summary: 'ALLOW · Δ +2.6 pp [+2.2, +∞] · p 1.0e-4 · MDE 0.6 pp · paired_permutation, n=2000',
    report,
    inputs: [
      { role: 'baseline', path: '/work/examples/runs/allow/baseline.json', sha256: SHA_A, bytes: 184_322 },
      { role: 'candidate', path: '/work/examples/runs/allow/candidate.json', sha256: SHA_B, bytes: 186_904 },
    ],
    runs,
    envelopeId: 'env-000042-3f9a1c',
    sequence: 42,
    hash: 'sha256:5b1e0c9d7a2f4e6b8c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d',
    file: '/work/examples/workspace/.tollgate/evidence/audit/000042.json',
  };
}

export function plainGate(report: Record<string, unknown>): RunGateResult {
  return { verdict: report.verdict as RunGateResult['verdict'], exitCode: 1, summary: `${String(report.verdict)} · suite of ${(report.gates as unknown[] | undefined)?.length ?? 1}`, report, inputs: [], runs: [] };
}


export const MODELS = ['acme-llm-7b', 'acme-llm-13b', 'acme-llm-70b', 'gpt-4o', 'gpt-4o-mini'];
const TASKS = ['support-triage', 'summaries', 'refusals', 'code-review'];
const METRICS = ['accuracy', 'rubric_score'];

function record(i: number, r: () => number, t0: number, spanMs: number, n: number): HistoryRecord {
  const ts = new Date(t0 + Math.floor((i / n) * spanMs)).toISOString().replace('Z', '+00:00');
  const gated = i % 10 !== 0; // every tenth run is a baseline: stored without a verdict
  const delta = (r() - 0.4) * 0.06;
  const half = 0.004 + r() * 0.02;
  const low = delta - half;
  const verdict = !gated ? null : low > 0.01 ? 'ALLOW' : delta + half < 0.01 ? 'REJECT' : 'INCONCLUSIVE';
  const gate: GateDetail | undefined = gated ? { ciLow: low, ciHigh: i % 3 === 0 ? null : delta + half, minDelta: 0.01, mde: half * 0.9, method: 'paired_permutation', alpha: 0.05, envelopeId: i % 7 === 0 ? `env-${i}` : null, envelopeFile: i % 7 === 0 ? `/store/audit/${i}.json` : null } : undefined;
  const id = `run-${String(i).padStart(5, '0')}`;
  return {
    run_id: id, model_id: MODELS[i % MODELS.length], task_id: TASKS[Math.floor(i / 5) % TASKS.length], metric_name: METRICS[i % 2], ts,
    path: `runs/${id}.parquet`, file: `/store/demo/runs/${id}.parquet`, n_items: 500 + Math.floor(r() * 2500), config_hash: 'cfg',
    delta: gated ? delta : null, p_value: gated ? r() : null, verdict, parent_run_id: null, ...(gate ? { gate } : {}),
  };
}

/** `n` runs spread over 180 days, five models, four tasks, two metrics. */
export function history(n: number, seed = 7): HistoryResult {
  const r = mulberry32(seed);
  const t0 = Date.UTC(2024, 0, 1);
  const records = Array.from({ length: n }, (_, i) => record(i, r, t0, 180 * 86_400_000, n));
  return { root: '/store', projects: ['demo', 'payments'], records };
}
