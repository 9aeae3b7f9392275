/**
 * What the evidence code needs from the outside world besides files and time
 * (those are the store's ports): a SHA-256, the git repository, and hashes of
 * the run files an envelope names. The CLI and the language server pass Node
 * implementations (server/src/node/); tests pass fakes.
 */
import type { Clock, FileSystem } from '../store/ports';

/** SHA-256 as 64 lower-case hex digits; a string is hashed as its UTF-8 bytes. */
export type Sha256 = (data: string | Uint8Array) => string;

/** Size and SHA-256 of one file's bytes. */
export interface FileDigest {
  readonly sha256: string;
  readonly bytes: number;
}

/** Hashes files outside the evidence directory (the run files an envelope names). */
export interface FileHasher {
  /** The digest of `path`, or undefined when the file does not exist. */
  hashFile(path: string): Promise<FileDigest | undefined>;
}

/** Who wrote a commit, as git records it. */
export interface CommitAuthor {
  readonly email: string;
  readonly name: string;
}

/** The workspace's git repository (absent outside one, or in an untrusted workspace). */
export interface GitPort {
  /** The commit checked out, or undefined when there is no repository or no commit. */
  headCommit(): Promise<string | undefined>;
  /** The author of `sha`, or undefined when the repository does not know the commit. */
  commitAuthor(sha: string): Promise<CommitAuthor | undefined>;
}

/** Everything the chain code needs to read and append records. */
export interface EvidenceContext {
  readonly fs: FileSystem;
  readonly clock: Clock;
  readonly sha256: Sha256;
}
