/**
 * The evidence ports on Node, for the CLI and the language server alike.
 */
import type { EvidenceContext } from '../core/evidence';
import { sha256Hex } from './file-hash';
import { nodeFileSystem } from './node-file-system';
import { syncReadFileSystem } from './sync-read-fs';

/**
 * Node implementations of the evidence ports. `bulkRead` reads files
 * synchronously, several times cheaper per small file: for one-shot CLI
 * commands that read the whole chain (verify, trace, last-good), never for
 * the language server, whose event loop must stay free.
 */
export function nodeEvidenceContext(opts: { bulkRead?: boolean } = {}): EvidenceContext {
  const fs = nodeFileSystem();
  return { fs: opts.bulkRead ? syncReadFileSystem(fs) : fs, clock: { now: () => new Date() }, sha256: sha256Hex };
}
