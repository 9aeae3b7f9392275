/**
 * Test helpers for manifest rules: check a YAML text under a policy (the
 * default unless given) and look at the findings by rule id.
 */
import type { Finding } from '../../server/src/core/findings';
import { checkManifest } from '../../server/src/core/manifest/check-manifest';
import type { ManifestRule } from '../../server/src/core/manifest/rules/rule';
import { DEFAULT_POLICY } from '../../server/src/core/policy/default-policy';
import type { Policy } from '../../server/src/core/policy/model';
import type { WorkspaceIndex } from '../../server/src/core/manifest/workspace-index';

export interface CheckOptions {
  readonly policy?: Policy;
  readonly rules?: readonly ManifestRule[];
  readonly workspace?: WorkspaceIndex;
}

/** Findings for `yaml` (all rules unless `rules` is given). */
export function check(yaml: string, opts: CheckOptions = {}): Finding[] {
  return checkManifest('test.yaml', yaml, { policy: opts.policy ?? DEFAULT_POLICY, ...(opts.rules ? { rules: opts.rules } : {}), ...(opts.workspace ? { workspace: opts.workspace } : {}) }).findings;
}

/** Findings of one rule id. */
export function findingsOf(yaml: string, ruleId: string, opts: CheckOptions = {}): Finding[] {
  return check(yaml, opts).filter((f) => f.ruleId === ruleId);
}

/** The source text a finding's span covers (to assert ranges are precise). */
export function spanText(yaml: string, f: Finding): string {
  return yaml.slice(f.span.start, f.span.end);
}

/** Apply a finding's first fix (edits sorted from the end so offsets stay valid). */
export function applyFix(yaml: string, f: Finding, index = 0): string {
  const fix = f.fixes?.[index];
  if (!fix) throw new Error(`finding ${f.ruleId} has no fix #${index}`);
  return [...fix.edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), yaml);
}

/** A policy equal to the default with some fields replaced. */
export function policyWith(patch: Partial<Policy>): Policy {
  return { ...DEFAULT_POLICY, ...patch };
}
