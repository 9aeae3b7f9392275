/**
 * Reads a stored record back and checks its shape. Anything that is not a
 * whole, well-formed record is reported (verify names it), never trusted.
 */
import { VERDICTS } from '../gate/verdict';
import { type ChainRecord, ENVELOPE_SCHEMA, RELEASE_SCHEMA } from './records';

export const HEX64 = /^[0-9a-f]{64}$/;

/** Parsed record, or why the text is not one (`truncated` when the JSON itself is cut short or broken). */
export type ParsedRecord = { readonly ok: true; readonly record: ChainRecord } | { readonly ok: false; readonly truncated: boolean; readonly error: string };

/** Parses the text of one record file. */
export function parseRecord(text: string): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, truncated: true, error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const error = shapeError(value);
  return error === undefined ? { ok: true, record: value as ChainRecord } : { ok: false, truncated: false, error };
}

type Obj = Record<string, unknown>;

function shapeError(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const o = v as Obj;
  if (!(Number.isSafeInteger(o.sequence) && (o.sequence as number) >= 1)) return 'sequence is not a positive integer';
  if (!(o.previous_hash === null || (typeof o.previous_hash === 'string' && HEX64.test(o.previous_hash)))) return 'previous_hash is not null or 64 hex digits';
  if (!(typeof o.hash === 'string' && HEX64.test(o.hash))) return 'hash is not 64 hex digits';
  if (typeof o.id !== 'string' || o.id === '') return 'id is missing';
  if (o.kind === 'audit' && o.schema === ENVELOPE_SCHEMA) return envelopeError(o);
  if (o.kind === 'release' && o.schema === RELEASE_SCHEMA) return releaseError(o);
  return `unknown record kind/schema ${JSON.stringify(o.kind)}/${JSON.stringify(o.schema)}`;
}

function envelopeError(o: Obj): string | undefined {
  if (!VERDICTS.includes(o.verdict as never)) return 'verdict is not ALLOW, REJECT or INCONCLUSIVE';
  if (!Array.isArray(o.inputs) || !o.inputs.every(isInput)) return 'inputs are not a list of {path, sha256, bytes}';
  if (!strings(o, ['release_id', 'captured_at', 'captured_by'])) return 'release_id, captured_at or captured_by is missing';
  return undefined;
}

function releaseError(o: Obj): string | undefined {
  if (!strings(o, ['service', 'env', 'image_digest', 'git_sha', 'change_ticket', 'approved_by', 'deployed_at'])) {
    return 'a release field (service, env, image_digest, git_sha, change_ticket, approved_by, deployed_at) is missing';
  }
  if (!Array.isArray(o.evidence) || !o.evidence.every((e) => typeof e === 'object' && e !== null && typeof (e as Obj).id === 'string')) {
    return 'evidence is not a list of envelope references';
  }
  return undefined;
}

function isInput(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const i = x as Obj;
  return typeof i.path === 'string' && typeof i.sha256 === 'string' && HEX64.test(i.sha256) && Number.isSafeInteger(i.bytes);
}

function strings(o: Obj, keys: readonly string[]): boolean {
  return keys.every((k) => typeof o[k] === 'string');
}
