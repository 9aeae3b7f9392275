/**
 * The records of the evidence chain, exactly as they are stored (snake_case
 * JSON, one file per record). Two kinds share one chain: audit envelopes (a
 * gate's verdict and everything needed to re-check it) and release events (a
 * deployment, citing the envelopes that justified it).
 *
 * Every record carries its place in the chain (`sequence`, `previous_hash`)
 * and its own `hash`: SHA-256 of the RFC 8785 canonical JSON of the record
 * without the `hash` member.
 */
import type { Verdict } from '../gate/verdict';
import { canonicalJson } from './canonical-json';
import type { Sha256 } from './ports';

export const ENVELOPE_SCHEMA = 'tollgate.audit-envelope/1';
export const RELEASE_SCHEMA = 'tollgate.release-event/1';

/** Plain JSON, as JSON.parse returns it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A record's place in the chain. */
export interface ChainLink {
  /** 1 for the first record, then +1 per record. */
  readonly sequence: number;
  /** `hash` of the record before, or null for the first record. */
  readonly previous_hash: string | null;
}

/** One run file the gate read. */
export interface InputDigest {
  readonly role: 'baseline' | 'candidate';
  /** As given on the command line (relative paths are resolved against the working directory). */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** A run the capture wrote to the run store. */
export interface StoredRunRef {
  readonly role: 'baseline' | 'candidate';
  readonly project: string;
  readonly run_id: string;
}

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
}

export interface AuditEnvelope extends ChainLink {
  readonly schema: typeof ENVELOPE_SCHEMA;
  readonly kind: 'audit';
  readonly id: string;
  readonly release_id: string;
  readonly verdict: Verdict;
  readonly exit_code: number;
  /** The full gate report (single gate or Holm family), as `--output json` prints it. */
  readonly report: JsonObject;
  readonly inputs: readonly InputDigest[];
  readonly parameters: JsonObject;
  readonly runs: readonly StoredRunRef[];
  readonly tool: ToolInfo;
  /** ISO 8601, UTC (`…Z`). */
  readonly captured_at: string;
  readonly git_commit: string | null;
  readonly captured_by: string;
  readonly change_ticket: string | null;
  readonly approved_by: string | null;
  readonly hash: string;
}

/** An envelope cited by a release event; the hash pins the exact envelope. */
export interface EvidenceRef {
  readonly id: string;
  readonly hash: string;
  readonly verdict: Verdict;
}

export interface ReleaseEvent extends ChainLink {
  readonly schema: typeof RELEASE_SCHEMA;
  readonly kind: 'release';
  readonly id: string;
  readonly service: string;
  readonly env: string;
  /** As given: `registry/name[:tag]@sha256:…`. */
  readonly image: string;
  /** `sha256:<64 hex>`. */
  readonly image_digest: string;
  readonly git_sha: string;
  readonly change_ticket: string;
  readonly approved_by: string;
  /** The commit's author e-mail when git knew it (always known when separation was checked). */
  readonly commit_author: string | null;
  /** True when the approver was checked against the commit author (tier 2). */
  readonly separation_of_duties: boolean;
  readonly deployed_at: string;
  readonly recorded_at: string;
  readonly recorded_by: string;
  readonly evidence: readonly EvidenceRef[];
  readonly tool: ToolInfo;
  readonly hash: string;
}

export type ChainRecord = AuditEnvelope | ReleaseEvent;

/** A record before sealing: everything but its hash. */
export type Unsealed<T extends ChainRecord> = Omit<T, 'hash'>;

/** SHA-256 of the canonical JSON of `record` without its `hash` member. */
export function recordHash(sha256: Sha256, record: Unsealed<ChainRecord> | ChainRecord): string {
  return sha256(canonicalJson({ ...record, hash: undefined }));
}

/** The record with its hash filled in. */
export function seal<T extends ChainRecord>(sha256: Sha256, record: Unsealed<T>): T {
  return { ...record, hash: recordHash(sha256, record) } as T;
}

/**
 * The text a record is stored as: its canonical JSON (hash member included)
 * and a newline. Stored canonically, the file minus its `"hash":"…"` member is
 * exactly the bytes that were hashed, so anyone can check it with a plain
 * SHA-256 tool, a signature covers those bytes, and verify can skip
 * re-canonicalising untouched records (see storedHash). `jq . audit.json`
 * shows it indented.
 */
export function recordText(record: ChainRecord): string {
  return `${canonicalJson(record)}\n`;
}

/**
 * The hash of a record read from `text`, without re-canonicalising when the
 * file is still exactly as written: remove the record's own hash member and
 * hash the rest. If that reproduces `record.hash`, those are the sealed bytes
 * (SHA-256 pre-image resistance) and the record is authentic. Otherwise the
 * file was re-formatted or changed, and the canonical form of what it now
 * holds decides.
 */
export function storedHash(sha256: Sha256, text: string, record: ChainRecord): string {
  const member = `"hash":"${record.hash}"`;
  const i = text.indexOf(member);
  if (i > 0) {
    const end = i + member.length;
    const body = text[i - 1] === ',' ? text.slice(0, i - 1) + text.slice(end) : text[end] === ',' ? text.slice(0, i) + text.slice(end + 1) : text.slice(0, i) + text.slice(end);
    const hash = sha256(body.endsWith('\n') ? body.slice(0, -1) : body);
    if (hash === record.hash) return hash;
  }
  return recordHash(sha256, record);
}
