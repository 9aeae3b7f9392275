/**
 * The GitPort over the `git` executable. Commands run with execFile and an
 * argument array (never a shell string), and only in a trusted workspace:
 * a repository's own config can make git run programs (core.fsmonitor,
 * hooks), so in an untrusted one git is not run at all and nothing is known.
 */
import { execFile } from 'node:child_process';
import type { CommitAuthor, GitPort } from '../core/evidence/ports';

const SHA = /^[0-9a-f]{7,64}$/;
const TIMEOUT_MS = 10_000;

export interface NodeGitOptions {
  /** The working tree to ask (default: the working directory). */
  readonly cwd?: string;
  /** False in an untrusted workspace: git is never run. */
  readonly trusted: boolean;
  /** The git executable (tests point it elsewhere). */
  readonly executable?: string;
}

/** A GitPort for the repository at `cwd`. */
export function nodeGit(opts: NodeGitOptions): GitPort {
  const run = (args: readonly string[]): Promise<string | undefined> => (opts.trusted ? runGit(opts.executable ?? 'git', args, opts.cwd) : Promise.resolve(undefined));
  return {
    headCommit: async () => {
      const out = await run(['rev-parse', '--verify', '--quiet', 'HEAD']);
      const sha = out?.trim();
      return sha !== undefined && SHA.test(sha) ? sha : undefined;
    },
    commitAuthor: async (sha) => {
      // The sha is checked first, so it can never be read as an option.
      if (!SHA.test(sha)) return undefined;
      const out = await run(['log', '-1', '--no-show-signature', '--format=%ae%n%an', sha, '--']);
      return parseAuthor(out);
    },
  };
}

function parseAuthor(out: string | undefined): CommitAuthor | undefined {
  if (out === undefined) return undefined;
  const [email = '', name = ''] = out.split('\n');
  return email.trim() === '' && name.trim() === '' ? undefined : { email: email.trim(), name: name.trim() };
}

/** stdout of `git args`, or undefined when git is missing or fails (no repository, unknown commit). */
function runGit(executable: string, args: readonly string[], cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(executable, args, { cwd, timeout: TIMEOUT_MS, encoding: 'utf8', windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout);
    });
  });
}
