/**
 * Runs an EvalGate plan: reads both runs through a port (so the core stays
 * pure and the adapter decides how Parquet or huge files are read), checks
 * that the pair makes sense, flags an underpowered setup from a cheap
 * analytic MDE before any resampling, then runs the gate.
 *
 * Two steps, so an adapter can do the slow one elsewhere and reuse it:
 * `assessEvalGate` is everything the run files and the plan's options decide
 * (findings anchored to parts of the plan, not to offsets), and
 * `presentEvalGate` places it on the current text of the file. The language
 * server assesses on a worker and caches by what determines the result; a
 * comment typed into the EvalGate file then costs no re-gating.
 */
import { DataError } from '../errors';
import type { Finding, Severity } from '../findings';
import { gateAligned, type GateOptions, type GateReport } from '../gate/gate';
import { alignRuns, type AlignedRuns } from '../runs/align';
import type { ReadRunOptions } from '../runs/read-run';
import type { RunFrame } from '../runs/run-frame';
import { mde } from '../stats/mde';
import { npStd } from '../stats/pairwise-sum';
import { pyGrouped } from '../text/python-format';
import { resolveRelative } from '../text/relative-path';
import { EVAL_RULES } from './eval-gate-rules';
import type { EvalGatePlan } from './plan-eval-gate';
import { gateSummary } from './gate-summary';

/** Reads a run file (path already resolved); throws DataError for missing or invalid files. */
export type LoadRun = (path: string, opts: ReadRunOptions) => RunFrame;

export interface EvalGateResult {
  readonly findings: Finding[];
  readonly report?: GateReport;
  /** One line for a code lens: `ALLOW · Δ +1.2 pp [0.4, 2.0] · p 0.003 · MDE 0.8 pp`. */
  readonly summary?: string;
  /** Resolved run paths (for audit capture and "open run"). */
  readonly runs?: { readonly baseline: string; readonly candidate: string };
  /** The assessment is being computed elsewhere (`gate`: with the gate, `runs`: the run checks only); findings and summary come later. */
  readonly pending?: 'gate' | 'runs';
  /** The assessment could not be made (not a finding about the file: e.g. the worker running it died). */
  readonly failure?: string;
}

export interface EvaluateOptions {
  /** Stop after the cheap checks (the language server runs the gate itself only on demand or when small). */
  readonly skipGate?: boolean;
}

/** The part of the plan a run-dependent finding points at (its span in whichever version of the file is shown). */
export type PlanAnchor = keyof EvalGatePlan['spans'];

export interface AnchoredFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly anchor: PlanAnchor;
}

/**
 * What reading and gating the runs found: determined by the run files and
 * the plan's options alone (plain data, so it crosses threads and caches).
 */
export interface EvalGateAssessment {
  /** Run-file, pairing and power findings, in the order they were found (the verdict finding is derived from `report`). */
  readonly findings: readonly AnchoredFinding[];
  readonly report?: GateReport;
  /** See EvalGateResult.failure. */
  readonly failure?: string;
}

/**
 * An adapter's way of assessing a plan (the language server: on a worker,
 * cached), standing in for an inline `assessEvalGate` with a LoadRun.
 * 'pending' means the answer is not in yet; the adapter checks again when it is.
 */
export type AssessEvalGate = (plan: EvalGatePlan, opts: EvaluateOptions) => EvalGateAssessment | 'pending';

export function evaluateEvalGate(plan: EvalGatePlan, loadRun: LoadRun, opts: EvaluateOptions = {}): EvalGateResult {
  return presentEvalGate(plan, assessEvalGate(plan, loadRun, opts));
}

/** The run paths of a plan, resolved against the EvalGate file. */
export function evalGateRunPaths(plan: EvalGatePlan): { readonly baseline: string; readonly candidate: string } {
  return { baseline: resolveRelative(plan.path, plan.baseline), candidate: resolveRelative(plan.path, plan.candidate) };
}

/** Read both runs, check the pair, screen the power and (unless skipped or blocked by an error) gate. */
export function assessEvalGate(plan: EvalGatePlan, loadRun: LoadRun, opts: EvaluateOptions = {}): EvalGateAssessment {
  const paths = evalGateRunPaths(plan);
  const findings: AnchoredFinding[] = [];
  const a = load(plan, loadRun, paths.baseline, 'baseline', findings);
  const b = load(plan, loadRun, paths.candidate, 'candidate', findings);
  if (!a || !b) return { findings };
  findings.push(...pairFindings(plan, a, b));
  const aligned = alignOrReport(a, b, findings);
  if (!aligned) return { findings };
  const clusters = plan.cluster !== null ? aligned.clusters : null;
  findings.push(...powerFindings(plan, aligned));
  if (opts.skipGate || findings.some((f) => f.severity === 'error')) return { findings };
  return { findings, report: gateAligned({ ...aligned, clusters, notes: [...aligned.notes] }, gateOptionsOf(plan)) };
}

/** An assessment placed on the plan's current spans, with the verdict finding and the lens summary. */
export function presentEvalGate(plan: EvalGatePlan, assessment: EvalGateAssessment): EvalGateResult {
  const runs = evalGateRunPaths(plan);
  const findings: Finding[] = assessment.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, span: plan.spans[f.anchor] }));
  const failure = assessment.failure !== undefined ? { failure: assessment.failure } : {};
  const report = assessment.report;
  if (!report) return { findings, runs, ...failure };
  const summary = gateSummary(report);
  const severity = report.verdict === 'ALLOW' ? 'info' : report.verdict === 'REJECT' ? 'error' : 'warning';
  findings.push({ ruleId: EVAL_RULES.verdict.id, severity, message: `gate ${summary}${report.suggestion ? ` — ${report.suggestion}` : ''}`, span: plan.spans.head });
  return { findings, report, summary, runs, ...failure };
}

/** What to show while the assessment is computed elsewhere: no findings yet (none from another plan or other runs). */
export function pendingEvalGate(plan: EvalGatePlan, opts: EvaluateOptions = {}): EvalGateResult {
  return { findings: [], runs: evalGateRunPaths(plan), pending: opts.skipGate ? 'runs' : 'gate' };
}

/** The gate options an EvalGate plan stands for (also used by audit capture from an EvalGate file). */
export function gateOptionsOf(plan: EvalGatePlan): GateOptions {
  return { minDelta: plan.minDelta, alpha: plan.alpha, power: plan.power, oneSided: plan.oneSided, method: plan.method, cluster: plan.cluster, resamples: plan.resamples, seed: plan.seed };
}

/** Read options for the plan's runs. */
export function readOptionsOf(plan: EvalGatePlan): ReadRunOptions {
  return { format: plan.format, clusterKey: plan.cluster, ...(plan.metric !== undefined ? { metric: plan.metric } : {}), ...(plan.task !== undefined ? { taskId: plan.task } : {}) };
}

function load(plan: EvalGatePlan, loadRun: LoadRun, path: string, side: 'baseline' | 'candidate', out: AnchoredFinding[]): RunFrame | undefined {
  try {
    return loadRun(path, readOptionsOf(plan));
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    out.push({ ruleId: EVAL_RULES.runFile.id, severity: 'error', message: `${side} run: ${e.describe()}`, anchor: side });
    return undefined;
  }
}

function pairFindings(plan: EvalGatePlan, a: RunFrame, b: RunFrame): AnchoredFinding[] {
  const out: AnchoredFinding[] = [];
  const mismatch = (what: string, x: string, y: string) => out.push({ ruleId: EVAL_RULES.mismatch.id, severity: 'error', message: `baseline and candidate differ in ${what}: '${x}' vs '${y}'`, anchor: 'candidate' });
  if (a.taskId !== b.taskId) mismatch('task', a.taskId, b.taskId);
  if (a.metricName !== b.metricName) mismatch('metric', a.metricName, b.metricName);
  if (plan.cluster !== null) {
    const missing = [a, b].filter((r) => r.items.clusterIds.length === 0 || r.items.clusterIds.some((c) => c === null));
    if (missing.length > 0) {
      const which = missing.map((r) => (r === a ? 'baseline' : 'candidate')).join(' and ');
      out.push({ ruleId: EVAL_RULES.cluster.id, severity: 'error', message: `cluster '${plan.cluster}' requested but the ${which} run${missing.length > 1 ? 's have' : ' has'} items without a cluster id`, anchor: 'cluster' });
    }
  }
  return out;
}

function alignOrReport(a: RunFrame, b: RunFrame, out: AnchoredFinding[]): AlignedRuns | undefined {
  try {
    const aligned = alignRuns(a, b);
    if (aligned.ids.length === 0) throw new DataError('the runs share no item ids');
    return aligned;
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    out.push({ ruleId: EVAL_RULES.mismatch.id, severity: 'error', message: `cannot pair the runs: ${e.describe()}`, anchor: 'candidate' });
    return undefined;
  }
}

/** Analytic (paired-t) MDE from the differences: a fast, slightly optimistic screen before the real method runs. */
function powerFindings(plan: EvalGatePlan, aligned: AlignedRuns): AnchoredFinding[] {
  const n = aligned.ids.length;
  const diff = new Float64Array(n);
  for (let i = 0; i < n; i++) diff[i] = (aligned.candidate[i] ?? 0) - (aligned.baseline[i] ?? 0);
  const sd = n > 1 ? npStd(diff, 1) : 0;
  const m = mde(sd, n, { alpha: plan.alpha, power: plan.power, oneSided: plan.oneSided });
  if (!(m.mde > plan.minDelta)) return [];
  const needed = Number.isFinite(m.mde) ? Math.ceil(n * (m.mde / plan.minDelta) ** 2) : Infinity;
  const more = Number.isFinite(needed) ? `; about ${pyGrouped(needed)} paired items are needed (have ${pyGrouped(n)})` : '';
  return [{ ruleId: EVAL_RULES.underpowered.id, severity: 'warning', message: `underpowered: minimum detectable effect ${m.mde.toFixed(4)} exceeds minDelta ${plan.minDelta} (${plan.origins.minDelta === 'file' ? 'set here' : `from ${plan.origins.minDelta}`})${more}`, anchor: 'minDelta' }];
}
