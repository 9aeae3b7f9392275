/**
 * `tollgate/runGate` and `tollgate/captureAudit`: the gate of an EvalGate
 * file or of two run files, and the same plus evidence (both runs stored, an
 * envelope appended). The inputs are hashed before and after the gate so
 * the envelope records exactly the bytes that were gated. Reading and gating
 * run on a worker thread (node/gate-in-worker.ts): the server keeps
 * answering meanwhile, and a cancelled request stops the work and writes nothing.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { gateOptionsOf, readOptionsOf } from '../core/evalconfig/evaluate-eval-gate';
import { gateSummary } from '../core/evalconfig/gate-summary';
import { planEvalGate } from '../core/evalconfig/plan-eval-gate';
import { UsageError } from '../core/errors';
import type { InputDigest, JsonObject } from '../core/evidence';
import type { GateOptions, GateReport } from '../core/gate/gate';
import type { MethodName } from '../core/gate/compare';
import type { ReadRunOptions } from '../core/runs/read-run';
import type { RunFrame } from '../core/runs/run-frame';
import { toJson } from '../core/report/to-json';
import { resolveRelative } from '../core/text/relative-path';
import { captureAudit, checkUnchanged, hashRunFiles } from '../node/audit-capture';
import { throwIfCancelled } from '../node/cancellation';
import { nodeEvidenceContext } from '../node/evidence-context';
import { gateInWorker } from '../node/gate-in-worker';
import type { GatedRunInfo } from '../node/gate-job';
import { nodeGit } from '../node/git';
import { readTextFile } from '../node/read-run-file';
import { currentUser, TOOL } from '../node/tool-identity';
import type { CaptureAuditParams, CaptureAuditResult, GateSource, RunGateResult } from '../protocol/protocol';
import { documentPath } from './classify';
import type { EvidenceSettings } from './evidence-requests';
import type { WorkspaceState } from './workspace-state';

interface PreparedGate {
  readonly pair: { readonly baseline: string; readonly candidate: string };
  readonly options: GateOptions;
  readonly read: ReadRunOptions;
}

/** Resolve a gate source into run paths and options (an EvalGate file is planned with the policy in force). */
function prepare(ws: WorkspaceState, src: GateSource): PreparedGate {
  if ('evalGateUri' in src) {
    const path = documentPath(src.evalGateUri);
    // An open buffer wins; otherwise the file on disk (DataError naming it when missing).
    const text = ws.file(src.evalGateUri)?.text ?? ws.openTextAt(path) ?? readTextFile(path);
    const planned = planEvalGate(path, text, ws.policy().policy);
    if (!planned.plan) throw new UsageError(`${path} is not a runnable EvalGate file: ${planned.findings[0]?.message ?? 'no EvalGate document'}`);
    const plan = planned.plan;
    return { pair: { baseline: resolveRelative(path, plan.baseline), candidate: resolveRelative(path, plan.candidate) }, options: gateOptionsOf(plan), read: readOptionsOf(plan) };
  }
  if (!(Number.isFinite(src.minDelta))) throw new UsageError('minDelta must be a finite number');
  const options: GateOptions = {
    minDelta: src.minDelta,
    ...(src.alpha !== undefined ? { alpha: src.alpha } : {}),
    ...(src.power !== undefined ? { power: src.power } : {}),
    ...(src.method !== undefined ? { method: src.method as MethodName } : {}),
    cluster: src.cluster ?? null,
    oneSided: !(src.twoSided ?? false),
  };
  return { pair: { baseline: documentPath(src.baselineUri), candidate: documentPath(src.candidateUri) }, options, read: { clusterKey: src.cluster ?? null } };
}

interface Executed {
  readonly result: RunGateResult;
  readonly report: GateReport;
  /** The runs as read (only when asked for: audit capture stores them). */
  readonly frames?: { readonly baseline: RunFrame; readonly candidate: RunFrame };
}

async function execute(ws: WorkspaceState, p: PreparedGate, token: CancellationToken | undefined, returnRuns: boolean): Promise<Executed> {
  const before = await hashRunFiles([p.pair]);
  // A preview gates an editor's unsaved text, as the diagnostics do; evidence (returnRuns) gates the files it hashes.
  const side = (path: string) => {
    const text = returnRuns ? undefined : ws.openTextAt(path);
    return text === undefined ? { path } : { path, text };
  };
  const out = await gateInWorker({ baseline: side(p.pair.baseline), candidate: side(p.pair.candidate), read: p.read, options: p.options, returnRuns }, token);
  checkUnchanged(before, await hashRunFiles([p.pair]));
  return { result: toResult(out.report, before, out.runs), report: out.report, ...(out.frames ? { frames: out.frames } : {}) };
}

function toResult(report: GateReport, before: readonly InputDigest[], runs: readonly GatedRunInfo[]): RunGateResult {
  return {
    verdict: report.verdict,
    exitCode: report.exitCode,
    summary: gateSummary(report),
    report: JSON.parse(toJson(report)) as Record<string, unknown>,
    inputs: before.map((d) => ({ role: d.role, path: d.path, sha256: d.sha256, bytes: d.bytes })),
    runs: runs.map((r) => ({ ...r })),
  };
}

/** Run the gate; nothing is written. */
export async function runGate(ws: WorkspaceState, src: GateSource, token?: CancellationToken): Promise<RunGateResult> {
  return (await execute(ws, prepare(ws, src), token, false)).result;
}

/** Gate, store both runs and append an audit envelope under the evidence root. */
export async function captureAuditRequest(ws: WorkspaceState, params: CaptureAuditParams, settings: EvidenceSettings, token?: CancellationToken): Promise<CaptureAuditResult> {
  const prepared = prepare(ws, params);
  const { result, report, frames } = await execute(ws, prepared, token, true);
  if (!frames) throw new Error('the gate worker did not send the runs back');
  // git runs only in a trusted workspace (a repository's config can run programs).
  const gitCommit = (await nodeGit({ trusted: settings.trusted, cwd: settings.workspaceFolder }).headCommit()) ?? null;
  // The last point of return: from here on the runs are stored and the envelope appended, all or (on error) as far as it got.
  throwIfCancelled(token);
  const captured = await captureAudit(nodeEvidenceContext(), {
    root: settings.root,
    project: params.project,
    verdict: report.verdict,
    exitCode: report.exitCode,
    report: result.report as JsonObject,
    pairs: [{ baselinePath: prepared.pair.baseline, candidatePath: prepared.pair.candidate, baseline: frames.baseline, candidate: frames.candidate, report }],
    inputs: result.inputs.map((i) => ({ ...i })),
    parameters: parametersOf(prepared, params.project),
    tool: TOOL,
    gitCommit,
    capturedBy: params.capturedBy ?? currentUser(),
    ...(params.releaseId !== undefined ? { releaseId: params.releaseId } : {}),
    ...(params.changeTicket !== undefined ? { changeTicket: params.changeTicket } : {}),
    ...(params.approvedBy !== undefined ? { approvedBy: params.approvedBy } : {}),
    ...(settings.signCommand.length > 0 ? { signCommand: settings.signCommand } : {}),
    trusted: settings.trusted,
  });
  const e = captured.envelope;
  const signatureProblem = captured.signature && !captured.signature.signed ? captured.signature.reason : undefined;
  return { ...result, envelopeId: e.id, sequence: e.sequence, hash: e.hash, file: captured.file, ...(signatureProblem !== undefined ? { signatureProblem } : {}) };
}

function parametersOf(p: PreparedGate, project: string): JsonObject {
  const o = p.options;
  return { project, min_delta: o.minDelta, alpha: o.alpha ?? 0.05, power: o.power ?? 0.8, method: o.method ?? 'auto', cluster: o.cluster ?? null, one_sided: o.oneSided ?? true, resamples: o.resamples ?? 10000, seed: Number(o.seed ?? 0) };
}
