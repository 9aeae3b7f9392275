/**
 * Pure mappers from the protocol's results to the webviews' view models.
 * No `vscode` import, so they are unit-tested in plain Node. The report is
 * `Record<string, unknown>` (the CLI's JSON), so every field is read
 * defensively: a malformed report degrades to blanks, never to a throw.
 */
import type { CaptureAuditResult, GateRunInfo, HistoryRecord, HistoryResult, RunGateResult } from '../../../server/src/protocol/protocol';
import type { EffectView, EnvelopeView, HistoryRow, HistoryViewModel, HistoryWire, Interval, RunView, Verdict, VerdictViewModel } from '../../webview/messages';

/** What showVerdict accepts: a gate result, or a capture result (which adds the envelope). */
export type VerdictSource = RunGateResult | CaptureAuditResult;

type Json = Record<string, unknown>;

const VERDICTS: readonly string[] = ['ALLOW', 'REJECT', 'INCONCLUSIVE'];

export function asVerdict(v: unknown): Verdict | null {
  return typeof v === 'string' && VERDICTS.includes(v) ? (v as Verdict) : null;
}

/** A finite number, else null (the report spells ±∞ as strings and NaN as null). */
export function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function obj(v: unknown): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** `[low, high]` of the report; an infinite (or missing) limit is unbounded (null). */
export function intervalOf(v: unknown): Interval {
  const a = Array.isArray(v) ? (v as unknown[]) : [];
  return { low: finite(a[0]), high: finite(a[1]) };
}

/** One EVALSIG GateReport (`{verdict, comparison, min_delta, power, suggestion}`) as an effect row. */
function effectOf(label: string, report: Json, pAdjusted: number | null): EffectView {
  const c = obj(report.comparison);
  const notes = Array.isArray(c.notes) ? c.notes.filter((n): n is string => typeof n === 'string') : [];
  return {
    label,
    verdict: asVerdict(report.verdict) ?? 'INCONCLUSIVE',
    delta: finite(c.delta),
    ci: intervalOf(c.ci),
    ciLevel: finite(c.ci_level),
    pValue: finite(c.p_value),
    pAdjusted,
    minDelta: finite(report.min_delta),
    mde: finite(c.mde),
    power: finite(report.power),
    method: str(c.method) ?? '',
    n: finite(c.n_pairs),
    clusters: finite(c.n_clusters),
    notes,
    suggestion: str(report.suggestion),
  };
}

/** A plain report has one effect; a family report (`gates[]`, suites and multi-metric runs) one per gate. */
export function effectsOf(report: Json): EffectView[] {
  if (!Array.isArray(report.gates)) return [effectOf('', report, null)];
  return report.gates.map((g: unknown, i) => {
    const gate = obj(g);
    return effectOf(str(gate.label) ?? `gate ${i + 1}`, obj(gate.report), finite(gate.p_adjusted));
  });
}

function envelopeOf(r: VerdictSource): EnvelopeView | null {
  if (!('envelopeId' in r)) return null;
  return { id: r.envelopeId, sequence: r.sequence, hash: r.hash, file: r.file, signatureProblem: r.signatureProblem ?? null };
}

function runOf(r: GateRunInfo): RunView {
  return { role: r.role, runId: r.runId, modelId: r.modelId, taskId: r.taskId, metricName: r.metricName, nItems: r.nItems };
}

export function toVerdictViewModel(r: VerdictSource, title: string): VerdictViewModel {
  const report = obj(r.report);
  return {
    title,
    verdict: asVerdict(r.verdict) ?? 'INCONCLUSIVE',
    summary: r.summary,
    alpha: finite(report.alpha),
    correction: str(report.correction),
    effects: effectsOf(report),
    inputs: r.inputs.map((i) => ({ role: i.role, path: i.path, sha256: i.sha256, bytes: i.bytes })),
    runs: (r.runs ?? []).map(runOf), // `?? []`: a server older than issue 5 sends no runs
    envelope: envelopeOf(r),
  };
}

/** The store writes Python `isoformat()` of UTC; a stamp without an offset is UTC too (as the store reads it). */
export function epochMs(ts: string): number {
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(ts) || !ts.includes('T') ? ts : `${ts}Z`;
  const t = Date.parse(withZone);
  return Number.isFinite(t) ? t : 0;
}

export function toHistoryRow(r: HistoryRecord): HistoryRow {
  const g = r.gate;
  return {
    runId: r.run_id,
    ts: r.ts,
    t: epochMs(r.ts),
    modelId: r.model_id,
    taskId: r.task_id,
    metricName: r.metric_name,
    nItems: r.n_items,
    delta: finite(r.delta),
    pValue: finite(r.p_value),
    verdict: asVerdict(r.verdict),
    ci: g ? { low: finite(g.ciLow), high: finite(g.ciHigh) } : null,
    minDelta: g ? finite(g.minDelta) : null,
    mde: g ? finite(g.mde) : null,
    method: g?.method ?? null,
    file: r.file,
    envelopeId: g?.envelopeId ?? null,
  };
}

/** Rows oldest first (stable for equal stamps), which the chart's decimation needs. */
export function toHistoryViewModel(result: HistoryResult, project: string): HistoryViewModel {
  const rows = result.records.map(toHistoryRow);
  rows.sort((a, b) => a.t - b.t);
  return { project, projects: [...result.projects], root: result.root, rows };
}

/** The envelope file of each stored run that has one (kept on the host: the webview only names the run). */
export function envelopeFiles(result: HistoryResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of result.records) {
    const f = r.gate?.envelopeFile;
    if (f) out.set(r.run_id, f);
  }
  return out;
}

/** 6 significant digits: more than any view shows (4 decimals), and a third of the characters of a double. */
function round6(x: number | null): number | null {
  return x === null ? null : Number(x.toPrecision(6));
}

/** The columnar wire form of a history view model (the page rebuilds the rows: client/webview/history-wire.ts). */
export function packHistory(m: HistoryViewModel): HistoryWire {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const intern = (s: string | null): number => {
    if (s === null) return -1;
    let k = ids.get(s);
    if (k === undefined) { k = strings.push(s) - 1; ids.set(s, k); }
    return k;
  };
  const rows = m.rows;
  const col = <T>(f: (r: HistoryRow) => T): T[] => rows.map(f);
  return {
    project: m.project, projects: m.projects, root: m.root, strings,
    runId: col((r) => r.runId), t: col((r) => r.t),
    model: col((r) => intern(r.modelId)), task: col((r) => intern(r.taskId)), metric: col((r) => intern(r.metricName)),
    method: col((r) => intern(r.method)), verdict: col((r) => intern(r.verdict)), nItems: col((r) => r.nItems),
    delta: col((r) => round6(r.delta)), pValue: col((r) => round6(r.pValue)),
    hasCi: col((r) => (r.ci ? 1 : 0)), ciLow: col((r) => round6(r.ci?.low ?? null)), ciHigh: col((r) => round6(r.ci?.high ?? null)),
    minDelta: col((r) => round6(r.minDelta)), mde: col((r) => round6(r.mde)),
    file: col((r) => r.file), envelopeId: col((r) => r.envelopeId),
  };
}
