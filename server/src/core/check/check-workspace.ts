/**
 * Checks a set of files as one workspace, the way CI sees a repository: the
 * policy in force is composed from the given policy files (or, when none are
 * given explicitly, from the ReleasePolicy files among the inputs), every
 * manifest joins one workspace index so cross-file references resolve, then
 * each file is checked with `checkFile`.
 */
import type { LoadRun } from '../evalconfig/evaluate-eval-gate';
import { manifestDocs } from '../manifest/check-manifest';
import { WorkspaceIndex, type KnownImage, type TicketUse } from '../manifest/workspace-index';
import { composePolicy, type PolicySource } from '../policy/compose-policy';
import type { Policy } from '../policy/model';
import type { ReadTestFile } from '../policy/run-policy-tests';
import { checkFile, type FileCheck } from './check-file';
import { classify } from './classify';

export interface WorkspaceCheckOptions {
  /** Policy files to apply; when undefined, the policy files among `files` are used. */
  readonly policyFiles?: readonly PolicySource[];
  readonly loadRun?: LoadRun;
  readonly readFile?: ReadTestFile;
  /** Run the statistical gate of EvalGate files (default true). */
  readonly runGate?: boolean;
  /** What the evidence chain knows: image digests (fixes) and tickets already released (TG-TKT-003). */
  readonly evidence?: { readonly knownImages: readonly KnownImage[]; readonly ticketUses: readonly TicketUse[] };
}

export interface WorkspaceCheck {
  readonly policy: Policy;
  readonly results: readonly (FileCheck & { readonly path: string })[];
}

export function checkWorkspace(files: readonly PolicySource[], opts: WorkspaceCheckOptions = {}): WorkspaceCheck {
  const kinds = files.map((f) => classify(f.path, f.text));
  const policySources = opts.policyFiles ?? files.filter((_, i) => kinds[i] === 'policy');
  const composed = composePolicy(policySources);
  const index = new WorkspaceIndex([], opts.evidence?.knownImages ?? [], opts.evidence?.ticketUses ?? []);
  files.forEach((f, i) => {
    if (kinds[i] === 'manifest') for (const d of manifestDocs(f.path, f.text)) index.add(d);
  });
  const ctx = {
    policy: composed.policy,
    policyFindings: composed.findings,
    workspace: index,
    ...(opts.loadRun ? { loadRun: opts.loadRun } : {}),
    ...(opts.readFile ? { readFile: opts.readFile } : {}),
    ...(opts.runGate !== undefined ? { runGate: opts.runGate } : {}),
  };
  const results = files.map((f) => ({ path: f.path, ...checkFile(f.path, f.text, ctx) }));
  // Explicit --policy files outside the inputs still report their own problems.
  const extra = (opts.policyFiles ?? []).filter((p) => !files.some((f) => f.path === p.path)).map((p) => ({ path: p.path, ...checkFile(p.path, p.text, ctx) }));
  return { policy: composed.policy, results: [...extra, ...results] };
}
