/**
 * Tollgate's custom LSP methods (`tollgate/…`), shared by the server and the
 * VS Code client (imported by relative path). Any LSP client may call them;
 * the README documents each one.
 */
import { RequestType, type Position, type Range } from 'vscode-languageserver-protocol';
import type { ReleaseDraft } from '../core/editor/release-draft';

export type FindingSeverity = 'error' | 'warning' | 'info';
export type TollgateFileKind = 'policy' | 'evalconfig' | 'manifest' | 'run' | 'other';

export interface WorkspaceFinding {
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  /** 0-based LSP range. */
  readonly range: Range;
}

export interface CheckWorkspaceParams {
  /** Only these documents (default: every file the server knows, open or on disk). */
  readonly uris?: readonly string[];
}

export interface CheckedFile {
  readonly uri: string;
  readonly kind: TollgateFileKind;
  readonly findings: readonly WorkspaceFinding[];
}

export interface CheckWorkspaceResult {
  /** Files with their findings (files of kind `other` are left out). */
  readonly files: readonly CheckedFile[];
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/**
 * Client → server: check the whole workspace (open buffers and files on disk)
 * with the policy in force and return every finding, e.g. for a "Problems in
 * workspace" view or a pre-commit command. Does not publish diagnostics.
 */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>('tollgate/checkWorkspace');

export interface PolicySummary {
  readonly name: string;
  /** Files the policy was composed from (empty: the built-in default). */
  readonly sources: readonly string[];
  readonly tiers: readonly { readonly id: number; readonly name: string; readonly description?: string }[];
  readonly environments: readonly { readonly name: string; readonly production: boolean }[];
  readonly defaultTier: number;
  readonly defaultEnvironment: string;
}

/** Client → server: the policy in force (for a status item: "policy: acme (2 files)"). */
export const GetPolicyRequest = new RequestType<Record<string, never>, PolicySummary, void>('tollgate/getPolicy');

// ---------------------------------------------------------------------------
// Gate and evidence (issue 4). The server is the only writer of the evidence
// directory (`tollgate.evidence.root`); clients ask, never write themselves.

/** What to gate: an EvalGate file, or two run files with the gate's parameters. */
export type GateSource =
  | { readonly evalGateUri: string }
  | {
      readonly baselineUri: string;
      readonly candidateUri: string;
      readonly minDelta: number;
      readonly alpha?: number;
      readonly power?: number;
      readonly method?: string;
      readonly cluster?: string;
      readonly twoSided?: boolean;
    };

export interface GateInput {
  readonly role: 'baseline' | 'candidate';
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** One run the gate read (from the run file's own fields), for views that show what was compared. */
export interface GateRunInfo {
  readonly role: 'baseline' | 'candidate';
  readonly runId: string;
  readonly modelId: string;
  readonly taskId: string;
  readonly metricName: string;
  readonly nItems: number;
}

export interface RunGateResult {
  readonly verdict: 'ALLOW' | 'REJECT' | 'INCONCLUSIVE';
  readonly exitCode: number;
  /** `ALLOW · Δ +1.2 pp [+0.4, +2.0] · p 0.003 · MDE 0.8 pp · method, n=…`. */
  readonly summary: string;
  /** The report exactly as `tollgate gate --output json` prints it (EVALSIG's to_dict key order). */
  readonly report: Record<string, unknown>;
  readonly inputs: readonly GateInput[];
  /** Baseline then candidate. */
  readonly runs: readonly GateRunInfo[];
}

/**
 * Client → server: run the gate (no evidence written). The gate runs off the
 * server's main thread; cancelling the request stops it and the request fails
 * with RequestCancelled (-32800).
 */
export const RunGateRequest = new RequestType<GateSource, RunGateResult, void>('tollgate/runGate');

export type CaptureAuditParams = GateSource & {
  readonly project: string;
  readonly releaseId?: string;
  readonly changeTicket?: string;
  readonly approvedBy?: string;
  readonly capturedBy?: string;
};

export interface CaptureAuditResult extends RunGateResult {
  readonly envelopeId: string;
  readonly sequence: number;
  readonly hash: string;
  /** Absolute path of the envelope file. */
  readonly file: string;
  /** Why the envelope was not signed, when a signer is configured but could not (or may not) run. */
  readonly signatureProblem?: string;
}

/**
 * Client → server: gate, store both runs, append an audit envelope. Cancelled
 * (RequestCancelled, -32800) before anything is stored, nothing is written.
 */
export const CaptureAuditRequest = new RequestType<CaptureAuditParams, CaptureAuditResult, void>('tollgate/captureAudit');

export interface HistoryParams {
  readonly project: string;
  readonly modelId?: string;
  readonly taskId?: string;
  readonly metricName?: string;
  readonly since?: string;
  readonly until?: string;
}

/**
 * How a stored candidate was gated, from Tollgate's sidecar next to the
 * manifest (`<project>/gates.jsonl`; the EVALSIG manifest has no room for it).
 * A CI bound is null when it is unbounded (a one-sided test) or unknown.
 */
export interface GateDetail {
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly minDelta: number | null;
  readonly mde: number | null;
  readonly method: string | null;
  readonly alpha: number | null;
  /** The audit envelope that recorded this gate, when it was captured as evidence. */
  readonly envelopeId: string | null;
  /** Absolute path of that envelope file. */
  readonly envelopeFile: string | null;
}

/** One stored run, as the store's manifest records it (EVALSIG's RunRecord), plus where it is and how it was gated. */
export interface HistoryRecord {
  readonly run_id: string;
  readonly model_id: string;
  readonly task_id: string;
  readonly metric_name: string;
  readonly ts: string;
  readonly path: string;
  readonly n_items: number;
  readonly config_hash: string;
  readonly delta: number | null;
  readonly p_value: number | null;
  readonly verdict: string | null;
  readonly parent_run_id: string | null;
  /** Absolute path of the stored run file. */
  readonly file: string;
  /** Present for candidates gated by `gate --store` or audit capture. */
  readonly gate?: GateDetail;
}

export interface HistoryResult {
  readonly root: string;
  readonly projects: readonly string[];
  readonly records: readonly HistoryRecord[];
}

/** Client → server: runs of a project in the run store (`tollgate history`), plus the projects that exist. */
export const HistoryRequest = new RequestType<HistoryParams, HistoryResult, void>('tollgate/history');

export interface RecordReleaseParams {
  readonly service: string;
  readonly env: string;
  /** `IMAGE@sha256:…` */
  readonly image: string;
  readonly gitSha: string;
  readonly changeTicket: string;
  readonly approvedBy: string;
  readonly evidence?: readonly string[];
  readonly tier?: number;
}

export interface RecordReleaseResult {
  readonly id: string;
  readonly sequence: number;
  readonly file: string;
}

/** Client → server: append a release event (tier 2: the approver must not be the commit's author). */
export const RecordReleaseRequest = new RequestType<RecordReleaseParams, RecordReleaseResult, void>('tollgate/recordRelease');

export interface TextAndData {
  /** The CLI's text rendering. */
  readonly text: string;
  /** The CLI's `--output json` object. */
  readonly data: unknown;
}

/** Client → server: verify the evidence chain and its input files (`tollgate audit verify`). */
export const VerifyAuditRequest = new RequestType<Record<string, never>, TextAndData & { readonly ok: boolean }, void>('tollgate/verifyAudit');
/** Client → server: trace a digest, git sha or ticket (`tollgate trace`). */
export const TraceRequest = new RequestType<{ readonly query: string }, TextAndData, void>('tollgate/trace');
/** Client → server: last-known-good release of a service in an environment (`tollgate release last-good`). */
export const LastGoodRequest = new RequestType<{ readonly service: string; readonly env: string }, TextAndData, void>('tollgate/lastGood');

/** A release event prefilled from a Rollout (or other workload) in an open manifest (the core's shape, type only). */
export type ReleaseDraftResult = ReleaseDraft;

/** Client → server: prefill "record a release" from the workload at `position` (or the file's first workload); null when there is none. */
export const ReleaseDraftRequest = new RequestType<{ readonly uri: string; readonly position?: Position }, ReleaseDraftResult | null, void>('tollgate/releaseDraft');
