/**
 * `tollgate trace`: from an image digest, a commit or a change ticket to the
 * whole path an auditor asks for — commit → artifact digest → deployment
 * events → environments → approvals → test evidence.
 */
import type { Verdict } from '../gate/verdict';
import type { AuditEnvelope, ChainRecord, ReleaseEvent } from './records';

export type TraceKind = 'digest' | 'git-sha' | 'ticket';

export interface EvidenceSummary {
  readonly id: string;
  readonly verdict: Verdict;
  readonly captured_at: string;
  readonly captured_by: string;
  readonly git_commit: string | null;
  readonly change_ticket: string | null;
  /** False when the envelope cited is gone or no longer has the hash the event pinned. */
  readonly intact: boolean;
}

export interface DeploymentTrace {
  readonly event_id: string;
  readonly sequence: number;
  readonly service: string;
  readonly env: string;
  readonly deployed_at: string;
  readonly change_ticket: string;
  readonly approved_by: string;
  readonly commit_author: string | null;
  readonly separation_of_duties: boolean;
  readonly evidence: readonly EvidenceSummary[];
}

export interface ArtifactTrace {
  readonly image_digest: string;
  readonly images: readonly string[];
  readonly deployments: readonly DeploymentTrace[];
}

export interface CommitTrace {
  readonly git_sha: string;
  readonly artifacts: readonly ArtifactTrace[];
  /** Envelopes captured at this commit that no release event cites (yet). */
  readonly uncited_evidence: readonly EvidenceSummary[];
}

export interface Trace {
  readonly query: string;
  /** How the query was read (a string can be both a commit prefix and a ticket). */
  readonly matched_as: readonly TraceKind[];
  readonly commits: readonly CommitTrace[];
  readonly environments: readonly string[];
  readonly approvals: readonly { readonly approved_by: string; readonly change_ticket: string; readonly env: string; readonly event_id: string }[];
}

const DIGEST = /^(?:.*@)?(sha256:)?([0-9a-f]{64})$/;
const SHA_PREFIX = /^[0-9a-f]{7,64}$/;

/** Traces `query` through `records` (in sequence order). An empty `commits` list means nothing matched. */
export function traceQuery(records: readonly ChainRecord[], query: string): Trace {
  const q = query.trim();
  const events = records.filter((r): r is ReleaseEvent => r.kind === 'release');
  const envelopes = records.filter((r): r is AuditEnvelope => r.kind === 'audit');
  const kinds = new Set<TraceKind>();
  const digest = DIGEST.exec(q.toLowerCase());
  const matchEvent = (e: ReleaseEvent): boolean => {
    const hits: TraceKind[] = [];
    if (digest && e.image_digest === `sha256:${digest[2]}`) hits.push('digest');
    if (SHA_PREFIX.test(q.toLowerCase()) && sameCommit(e.git_sha, q)) hits.push('git-sha');
    if (e.change_ticket === q) hits.push('ticket');
    hits.forEach((k) => kinds.add(k));
    return hits.length > 0;
  };
  const matchedEvents = events.filter(matchEvent);
  const matchedEnvelopes = envelopes.filter((env) => {
    const byTicket = env.change_ticket === q;
    const bySha = env.git_commit !== null && SHA_PREFIX.test(q.toLowerCase()) && sameCommit(env.git_commit, q);
    if (byTicket) kinds.add('ticket');
    if (bySha) kinds.add('git-sha');
    return byTicket || bySha;
  });
  const commits = buildCommits(matchedEvents, matchedEnvelopes, envelopes);
  const deployments = commits.flatMap((c) => c.artifacts.flatMap((a) => a.deployments));
  return {
    query: q,
    matched_as: [...kinds],
    commits,
    environments: [...new Set(deployments.map((d) => d.env))],
    approvals: deployments.map((d) => ({ approved_by: d.approved_by, change_ticket: d.change_ticket, env: d.env, event_id: d.event_id })),
  };
}

/** Full hashes equal, or one is a prefix (≥ 7 digits) of the other. */
function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x.startsWith(y) || y.startsWith(x);
}

function buildCommits(events: readonly ReleaseEvent[], matchedEnvelopes: readonly AuditEnvelope[], all: readonly AuditEnvelope[]): CommitTrace[] {
  const byId = new Map(all.map((e) => [e.id, e]));
  const shas = [...new Set([...events.map((e) => e.git_sha), ...matchedEnvelopes.flatMap((e) => (e.git_commit === null ? [] : [e.git_commit]))])];
  const cited = new Set(events.flatMap((e) => e.evidence.map((r) => r.id)));
  return shas.map((sha) => {
    const forCommit = events.filter((e) => e.git_sha === sha);
    const digests = [...new Set(forCommit.map((e) => e.image_digest))];
    const artifacts = digests.map((digest): ArtifactTrace => {
      const deployed = forCommit.filter((e) => e.image_digest === digest);
      return { image_digest: digest, images: [...new Set(deployed.map((e) => e.image))], deployments: deployed.map((e) => deployment(e, byId)) };
    });
    const uncited = matchedEnvelopes.filter((env) => env.git_commit === sha && !cited.has(env.id)).map((env) => summary(env, true));
    return { git_sha: sha, artifacts, uncited_evidence: uncited };
  });
}

function deployment(e: ReleaseEvent, envelopes: ReadonlyMap<string, AuditEnvelope>): DeploymentTrace {
  const evidence = e.evidence.map((ref): EvidenceSummary => {
    const env = envelopes.get(ref.id);
    if (env === undefined) return { id: ref.id, verdict: ref.verdict, captured_at: '', captured_by: '', git_commit: null, change_ticket: null, intact: false };
    return summary(env, env.hash === ref.hash);
  });
  return {
    event_id: e.id,
    sequence: e.sequence,
    service: e.service,
    env: e.env,
    deployed_at: e.deployed_at,
    change_ticket: e.change_ticket,
    approved_by: e.approved_by,
    commit_author: e.commit_author,
    separation_of_duties: e.separation_of_duties,
    evidence,
  };
}

function summary(env: AuditEnvelope, intact: boolean): EvidenceSummary {
  return { id: env.id, verdict: env.verdict, captured_at: env.captured_at, captured_by: env.captured_by, git_commit: env.git_commit, change_ticket: env.change_ticket, intact };
}
