/**
 * Optional signing of evidence files by the team's own signer (Tollgate ships
 * none), e.g. ["cosign", "sign-blob", "--yes", "--output-signature", "{sig}", "{file}"].
 * The command is an argument array run with execFile (no shell), with `{file}`
 * and `{sig}` replaced by the file and `<file>.sig`. It is never run in an
 * untrusted workspace: a command taken from a workspace's settings would let
 * any cloned repository run programs.
 */
import { execFile } from 'node:child_process';

export interface SignerConfig {
  /** argv; must contain `{file}`. */
  readonly command: readonly string[];
  /** False in an untrusted workspace: the signer is not run. */
  readonly trusted: boolean;
  /** Give up after this long (default 120 s: keyless signing may wait on a browser). */
  readonly timeoutMs?: number;
}

export type SignResult =
  | { readonly signed: true; readonly signature: string; readonly argv: readonly string[] }
  | { readonly signed: false; readonly reason: string };

/** Checks a configured command (CLI flag, server setting) before anything runs. */
export function parseSignCommand(json: string): string[] {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    throw new Error(`the sign command must be a JSON array of strings, e.g. ["cosign","sign-blob","--yes","--output-signature","{sig}","{file}"]`);
  }
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'string' && x !== '')) throw new Error('the sign command must be a non-empty JSON array of non-empty strings');
  if (!v.some((x: string) => x.includes('{file}'))) throw new Error("the sign command must name the file to sign with '{file}'");
  return v as string[];
}

/** Runs the signer on `file` (when trusted); a failure is reported, not thrown. */
export function signFile(file: string, config: SignerConfig): Promise<SignResult> {
  if (!config.trusted) return Promise.resolve({ signed: false, reason: 'the workspace is not trusted, so the signer was not run' });
  const signature = `${file}.sig`;
  const argv = config.command.map((a) => a.replaceAll('{file}', file).replaceAll('{sig}', signature));
  const [exe, ...args] = argv;
  return new Promise((resolve) => {
    execFile(exe, args, { timeout: config.timeoutMs ?? 120_000, encoding: 'utf8', windowsHide: true }, (error, _stdout, stderr) => {
      if (error) resolve({ signed: false, reason: `${exe} failed: ${stderr.trim() || error.message}` });
      else resolve({ signed: true, signature, argv });
    });
  });
}
