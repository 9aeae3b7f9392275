/**
 * Audit envelopes: a gate's verdict with everything needed to re-check it,
 * appended to the chain. A release may be captured again (a re-run, a changed
 * verdict): that is a new envelope beside the first, never a rewrite.
 */
import type { Verdict } from '../gate/verdict';
import { type Appended, appendRecord } from './append';
import { checkField, checkId } from './ids';
import { envelopeId, envelopeRelPath } from './layout';
import type { EvidenceContext } from './ports';
import { type AuditEnvelope, ENVELOPE_SCHEMA, type InputDigest, type JsonObject, type StoredRunRef, type ToolInfo } from './records';
import { joinPath } from '../store/ports';

export interface CaptureRequest {
  /** Names the envelope's directory; checked (no traversal). Default: defaultReleaseId(now). */
  readonly releaseId?: string;
  readonly verdict: Verdict;
  readonly exitCode: number;
  /** The full report, as plain JSON. */
  readonly report: JsonObject;
  readonly inputs: readonly InputDigest[];
  readonly parameters: JsonObject;
  readonly runs: readonly StoredRunRef[];
  readonly tool: ToolInfo;
  readonly gitCommit: string | null;
  readonly capturedBy: string;
  readonly changeTicket?: string;
  readonly approvedBy?: string;
}

/** `YYYYMMDD-HHMMSS` (UTC) of `when`: the release id used when none is given. */
export function defaultReleaseId(when: Date): string {
  return when.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Appends an envelope for `req` under `root`; the first free `audit[-n].json` of the release is used. */
export async function captureEnvelope(ctx: EvidenceContext, root: string, req: CaptureRequest): Promise<Appended<AuditEnvelope>> {
  const now = ctx.clock.now();
  const releaseId = checkId('--release-id', req.releaseId ?? defaultReleaseId(now));
  const capturedBy = checkField('captured by', req.capturedBy);
  const changeTicket = req.changeTicket === undefined ? null : checkField('--change-ticket', req.changeTicket);
  const approvedBy = req.approvedBy === undefined ? null : checkField('--approved-by', req.approvedBy);
  return appendRecord<AuditEnvelope>(ctx, root, async (link) => {
    const attempt = await firstFreeAttempt(ctx, root, releaseId);
    const record: Omit<AuditEnvelope, 'hash'> = {
      schema: ENVELOPE_SCHEMA,
      kind: 'audit',
      id: envelopeId(releaseId, attempt),
      ...link,
      release_id: releaseId,
      verdict: req.verdict,
      exit_code: req.exitCode,
      report: req.report,
      inputs: req.inputs,
      parameters: req.parameters,
      runs: req.runs,
      tool: req.tool,
      captured_at: now.toISOString(),
      git_commit: req.gitCommit,
      captured_by: capturedBy,
      change_ticket: changeTicket,
      approved_by: approvedBy,
    };
    return { record, path: envelopeRelPath(releaseId, attempt) };
  });
}

async function firstFreeAttempt(ctx: EvidenceContext, root: string, releaseId: string): Promise<number> {
  let attempt = 1;
  while (await ctx.fs.exists(joinPath(root, envelopeRelPath(releaseId, attempt)))) attempt++;
  return attempt;
}
