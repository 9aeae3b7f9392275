/**
 * Release events: a deployment of one image digest of one commit to one
 * environment, with its change ticket and approver, citing the envelopes
 * that justified it. They go into the same chain as the envelopes (see
 * README: one chain, one order, and a release's hash covers its evidence).
 */
import { DataError, UsageError } from '../errors';
import { type Appended, appendRecord } from './append';
import { checkField, checkId } from './ids';
import { releaseEventId, releaseRelPath } from './layout';
import { chainRecords, loadChain } from './load-chain';
import type { CommitAuthor, EvidenceContext, GitPort } from './ports';
import { type EvidenceRef, RELEASE_SCHEMA, type ReleaseEvent, type ToolInfo } from './records';
import { checkSeparation } from './separation';

export interface ReleaseRequest {
  readonly service: string;
  readonly env: string;
  /** `name[:tag]@sha256:<64 hex>`; a tag alone is refused (it can move). */
  readonly image: string;
  readonly gitSha: string;
  readonly changeTicket: string;
  readonly approvedBy: string;
  /** ISO 8601 with a zone; default now. */
  readonly deployedAt?: string;
  /** Ids of envelopes in the chain (`R1`, `R1#2`). */
  readonly evidence: readonly string[];
  readonly recordedBy: string;
  /** Tier 2: refuse when the approver wrote the commit (needs `git`). */
  readonly requireSeparation: boolean;
  readonly tool: ToolInfo;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const GIT_SHA = /^[0-9a-f]{7,64}$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Splits `name@sha256:<hex>` into the reference and its digest; UsageError otherwise. */
export function parseImage(image: string): { image: string; digest: string } {
  const at = image.lastIndexOf('@');
  const digest = at < 0 ? '' : image.slice(at + 1);
  if (at <= 0 || !DIGEST.test(digest)) {
    throw new UsageError(`tollgate: error: --image '${image}' must be pinned by digest: NAME@sha256:<64 lower-case hex digits>`);
  }
  return { image: checkField('--image', image), digest };
}

/** Appends a release event. SeparationOfDutiesError when tier 2 forbids the approver. */
export async function recordRelease(ctx: EvidenceContext, root: string, req: ReleaseRequest, git?: GitPort): Promise<Appended<ReleaseEvent>> {
  const fields = checkRequest(req, ctx.clock.now());
  const author = await authorOf(git, fields.git_sha);
  if (req.requireSeparation) checkSeparation(fields.approved_by, fields.git_sha, author);
  return appendRecord<ReleaseEvent>(ctx, root, async (link) => {
    const id = checkId('release event id', releaseEventId(link.sequence));
    const record: Omit<ReleaseEvent, 'hash'> = {
      schema: RELEASE_SCHEMA,
      kind: 'release',
      id,
      ...link,
      ...fields,
      commit_author: author?.email ?? null,
      separation_of_duties: req.requireSeparation,
      evidence: await resolveEvidence(ctx, root, req.evidence),
      tool: req.tool,
    };
    return { record, path: releaseRelPath(id) };
  });
}

type CheckedFields = Pick<ReleaseEvent, 'service' | 'env' | 'image' | 'image_digest' | 'git_sha' | 'change_ticket' | 'approved_by' | 'deployed_at' | 'recorded_at' | 'recorded_by'>;

function checkRequest(req: ReleaseRequest, now: Date): CheckedFields {
  const { image, digest } = parseImage(req.image);
  const sha = req.gitSha.trim().toLowerCase();
  if (!GIT_SHA.test(sha)) throw new UsageError(`tollgate: error: --git-sha '${req.gitSha}' is not a commit hash (7 to 64 hex digits)`);
  return {
    service: checkField('--service', req.service),
    env: checkField('--env', req.env),
    image,
    image_digest: digest,
    git_sha: sha,
    change_ticket: checkField('--change-ticket', req.changeTicket),
    approved_by: checkField('--approved-by', req.approvedBy),
    deployed_at: req.deployedAt === undefined ? now.toISOString() : isoUtc(req.deployedAt),
    recorded_at: now.toISOString(),
    recorded_by: checkField('recorded by', req.recordedBy),
  };
}

function isoUtc(text: string): string {
  const ms = ISO_WITH_ZONE.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) throw new UsageError(`tollgate: error: --deployed-at '${text}' is not an ISO 8601 time with a zone (e.g. 2026-05-17T10:11:12Z)`);
  return new Date(ms).toISOString();
}

async function authorOf(git: GitPort | undefined, sha: string): Promise<CommitAuthor | undefined> {
  return git === undefined ? undefined : git.commitAuthor(sha);
}

/** Each cited id must be an envelope in the chain; the event pins its hash and verdict. Runs under the append lock. */
async function resolveEvidence(ctx: EvidenceContext, root: string, ids: readonly string[]): Promise<EvidenceRef[]> {
  if (ids.length === 0) return [];
  const envelopes = new Map(chainRecords(await loadChain(ctx, root, { locked: false })).flatMap((r) => (r.kind === 'audit' ? [[r.id, r] as const] : [])));
  return [...new Set(ids)].map((id) => {
    const env = envelopes.get(id);
    if (env === undefined) throw new DataError(`--evidence ${id}: no audit envelope with this id in ${root}`);
    return { id, hash: env.hash, verdict: env.verdict };
  });
}
