/**
 * `audit verify`: the chain is intact when every record is whole, matches its
 * hash, sits where it belongs and links to the one before, and the last one
 * matches the head; and every run file an envelope names that is still
 * present has the SHA-256 recorded for it. Run files that are gone are listed
 * (CI workspaces are thrown away) but do not break the chain.
 */
import { type ChainProblem, checkChain } from './chain-checks';
import { chainRecords, loadChain, mapLimit } from './load-chain';
import type { EvidenceContext, FileHasher } from './ports';
import type { AuditEnvelope } from './records';

export interface MissingInput {
  readonly id: string;
  readonly path: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly records: number;
  readonly envelopes: number;
  readonly releases: number;
  /** Input files present and hashed. */
  readonly inputsChecked: number;
  readonly inputsMissing: readonly MissingInput[];
  readonly problems: readonly ChainProblem[];
  /** True when the last append was interrupted after its record was written (harmless; the next append completes it). */
  readonly headSettled: boolean;
}

/**
 * Verifies the chain under `root` and re-hashes the input files through
 * `files` (which resolves relative paths). Never throws for damaged
 * evidence: damage is the result.
 */
export async function verifyEvidence(ctx: EvidenceContext, root: string, files: FileHasher): Promise<VerifyResult> {
  const chain = await loadChain(ctx, root);
  const problems = [...checkChain(chain, root)];
  const records = chainRecords(chain);
  const envelopes = records.filter((r): r is AuditEnvelope => r.kind === 'audit');
  const inputs = await checkInputs(envelopes, files);
  problems.push(...inputs.problems);
  return {
    ok: problems.length === 0,
    records: chain.entries.length,
    envelopes: envelopes.length,
    releases: records.length - envelopes.length,
    inputsChecked: inputs.checked,
    inputsMissing: inputs.missing,
    problems,
    headSettled: chain.headSettled,
  };
}

/** How many input files are hashed at once. */
const PARALLEL_HASHES = 8;

async function checkInputs(envelopes: readonly AuditEnvelope[], files: FileHasher): Promise<{ checked: number; missing: MissingInput[]; problems: ChainProblem[] }> {
  const jobs = envelopes.flatMap((env) => env.inputs.map((input) => ({ env, input })));
  // Many envelopes name the same run file (a baseline kept for months): hash each path once per verify.
  const paths = [...new Set(jobs.map((j) => j.input.path))];
  const hashed = await mapLimit(paths, PARALLEL_HASHES, (path) => files.hashFile(path));
  const byPath = new Map(paths.map((p, i) => [p, hashed[i]]));
  const digests = jobs.map((j) => byPath.get(j.input.path));
  const missing: MissingInput[] = [];
  const problems: ChainProblem[] = [];
  let checked = 0;
  jobs.forEach(({ env, input }, i) => {
    const d = digests[i];
    if (d === undefined) return void missing.push({ id: env.id, path: input.path });
    checked++;
    if (d.sha256 === input.sha256 && d.bytes === input.bytes) return;
    problems.push({
      reason: 'input-changed',
      path: input.path,
      id: env.id,
      sequence: env.sequence,
      detail: `${input.role} run file changed since capture: sha256 ${input.sha256.slice(0, 12)}… (${input.bytes} bytes) then, ${d.sha256.slice(0, 12)}… (${d.bytes} bytes) now`,
    });
  });
  return { checked, missing, problems };
}
