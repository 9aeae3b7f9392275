/**
 * Where the chain lives inside an evidence directory:
 *
 *   audit/<release-id>/audit.json      first envelope captured for a release
 *   audit/<release-id>/audit-<n>.json  later envelopes for it (n = 2, 3, …; never overwritten)
 *   releases/<event-id>.json           release events (`release-00000042`: named by sequence)
 *   chain/head.json                    the last record's sequence and hash (catches truncation)
 *   chain/lock                         cross-process append lock
 *
 * The run store shares the directory (`<project>/manifest.json`, …), so these
 * three names are reserved and cannot be project names.
 */
import { joinPath } from '../store/ports';
import { checkId } from './ids';

export const AUDIT_DIR = 'audit';
export const RELEASES_DIR = 'releases';
export const CHAIN_DIR = 'chain';
export const RESERVED_NAMES: readonly string[] = [AUDIT_DIR, RELEASES_DIR, CHAIN_DIR];

const ENVELOPE_FILE = /^audit(?:-([1-9]\d*))?\.json$/;
const RELEASE_FILE = /^(release-\d{8,})\.json$/;

export const headPath = (root: string): string => joinPath(root, CHAIN_DIR, 'head.json');
export const lockPath = (root: string): string => joinPath(root, CHAIN_DIR, 'lock');

/** Envelope id for the `attempt`-th envelope of a release: `R1`, then `R1#2`, `R1#3`, … */
export function envelopeId(releaseId: string, attempt: number): string {
  return attempt === 1 ? releaseId : `${releaseId}#${attempt}`;
}

/** Path of an envelope relative to the evidence root; the release id must already be checked. */
export function envelopeRelPath(releaseId: string, attempt: number): string {
  return joinPath(AUDIT_DIR, checkId('release id', releaseId), attempt === 1 ? 'audit.json' : `audit-${attempt}.json`);
}

/** Id of the release event at `sequence`. */
export function releaseEventId(sequence: number): string {
  return `release-${String(sequence).padStart(8, '0')}`;
}

export function releaseRelPath(eventId: string): string {
  return joinPath(RELEASES_DIR, `${checkId('release event id', eventId)}.json`);
}

/** Where a record with this kind and id belongs (verify compares it with where it was found). */
export function expectedRelPath(kind: 'audit' | 'release', id: string): string | undefined {
  if (kind === 'release') return RELEASE_FILE.test(`${id}.json`) ? joinPath(RELEASES_DIR, `${id}.json`) : undefined;
  const m = /^(.+?)(?:#([1-9]\d*))?$/.exec(id);
  if (!m) return undefined;
  const attempt = m[2] === undefined ? 1 : Number(m[2]);
  if (attempt === 1 && m[2] !== undefined) return undefined;
  try {
    return envelopeRelPath(m[1], attempt);
  } catch {
    return undefined;
  }
}

/** True for file names that hold chain records (temporary and lock files are skipped). */
export function isEnvelopeFile(name: string): boolean {
  return ENVELOPE_FILE.test(name);
}

export function isReleaseFile(name: string): boolean {
  return RELEASE_FILE.test(name);
}
