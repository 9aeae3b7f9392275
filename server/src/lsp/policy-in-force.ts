/**
 * The one call site that turns the workspace's policy files into the policy
 * in force (and per-file policy findings): every ReleasePolicy file composed
 * onto the built-in default by the core.
 */
import type { Finding } from '../core/findings';
import { composePolicy } from '../core/policy/compose-policy';
import type { Policy } from '../core/policy/model';

export interface PolicyFile {
  readonly path: string;
  readonly text: string;
}

export interface PolicyInForce {
  readonly policy: Policy;
  /** Problems found while reading each policy file, by path. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

/** Compose `files` (every ReleasePolicy of the workspace, or the configured one) onto the default policy. */
export function policyInForce(files: readonly PolicyFile[]): PolicyInForce {
  return composePolicy(files);
}
