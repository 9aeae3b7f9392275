/**
 * Builds the policy in force from every ReleasePolicy file of the workspace:
 * files are applied in path order onto the built-in default (tiers merge by
 * id, environments by name — the first file that lists environments replaces
 * the default list — settings section by section, rule overrides and tests
 * append). Also returns each file's findings: schema problems, unknown rule
 * ids, invalid regexes, undefined tiers/environments and duplicates.
 */
import type { Finding } from '../findings';
import { DOC_INVALID } from '../manifest/rules/documents';
import { problemsToFindings, validateSchema } from '../schema/validate';
import type { Cursor } from '../yaml/cursor';
import { parseYamlFile } from '../yaml/yaml-file';
import { DEFAULT_POLICY } from './default-policy';
import type { EnvironmentDefinition, Policy, TierDefinition } from './model';
import { POLICY_RULES } from './policy-rules';
import { POLICY_SCHEMA } from './policy-schema';
import { readPolicyPatch, type PolicyPatch } from './read-policy';
import { applyPatch } from './resolve';
import { semanticFindings } from './policy-semantics';

export interface PolicySource {
  readonly path: string;
  readonly text: string;
}

export interface ComposedPolicy {
  readonly policy: Policy;
  /** Findings per policy file path (every given file has an entry, possibly empty). */
  readonly findings: Map<string, Finding[]>;
}

interface ParsedPolicyDoc {
  readonly path: string;
  readonly root: Cursor;
  readonly patch: PolicyPatch;
}

/** Compose `files` (policy files; other documents in them are ignored) onto the default policy. */
export function composePolicy(files: readonly PolicySource[], base: Policy = DEFAULT_POLICY): ComposedPolicy {
  const findings = new Map<string, Finding[]>();
  const docs: ParsedPolicyDoc[] = [];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const out: Finding[] = [];
    findings.set(f.path, out);
    for (const doc of parseYamlFile(f.text).docs) {
      if (doc.empty) continue;
      const first = doc.errors[0];
      if (first) {
        out.push({ ruleId: DOC_INVALID.id, severity: 'error', message: `YAML syntax error: ${first.message}; this policy document is ignored`, span: first.span });
        continue;
      }
      if (doc.root.get('kind')?.str() !== 'ReleasePolicy') continue;
      out.push(...problemsToFindings(validateSchema(doc.root, POLICY_SCHEMA), POLICY_RULES.schema.id));
      docs.push({ path: f.path, root: doc.root, patch: readPolicyPatch(doc.root, f.path) });
    }
  }
  let policy = base;
  let envsFromFiles = false;
  const names: string[] = [];
  for (const d of docs) {
    policy = applyPolicyPatch(policy, d.patch, !envsFromFiles);
    envsFromFiles ||= d.patch.environments !== undefined;
    if (d.patch.name !== undefined) names.push(d.patch.name);
  }
  if (names.length > 0) policy = { ...policy, name: names.join('+') };
  for (const d of docs) findings.get(d.path)?.push(...semanticFindings(d.root, policy));
  return { policy: { ...policy, sources: docs.map((d) => d.path).filter((p, i, a) => a.indexOf(p) === i) }, findings };
}

/** `p` with one file's patch applied; `replaceEnvironments`: its environment list replaces the current one. */
function applyPolicyPatch(p: Policy, patch: PolicyPatch, replaceEnvironments: boolean): Policy {
  return {
    ...p,
    tierKey: patch.tierKey ?? p.tierKey,
    environmentKey: patch.environmentKey ?? p.environmentKey,
    defaultTier: patch.defaultTier ?? p.defaultTier,
    defaultEnvironment: patch.defaultEnvironment ?? p.defaultEnvironment,
    tiers: mergeTiers(p.tiers, patch.tiers),
    environments: patch.environments ? mergeEnvironments(replaceEnvironments ? [] : p.environments, patch.environments) : p.environments,
    settings: applyPatch(p.settings, patch.settings),
    overrides: [...p.overrides, ...patch.overrides],
    tests: [...p.tests, ...patch.tests],
  };
}

function mergeTiers(base: readonly TierDefinition[], add: readonly TierDefinition[]): TierDefinition[] {
  const out = [...base];
  for (const t of add) {
    const i = out.findIndex((x) => x.id === t.id);
    const old = out[i];
    if (i < 0 || !old) {
      out.push(t);
      continue;
    }
    const settings = mergeSettingsPatch(old.settings, t.settings);
    const gate = old.gate || t.gate ? { ...old.gate, ...t.gate } : undefined;
    out[i] = { ...old, ...t, ...(settings ? { settings } : {}), ...(gate ? { gate } : {}) };
  }
  return out.sort((a, b) => a.id - b.id);
}

function mergeSettingsPatch(a: TierDefinition['settings'], b: TierDefinition['settings']): TierDefinition['settings'] {
  if (!a || !b) return a ?? b;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = typeof cur === 'object' && cur !== null && typeof v === 'object' && v !== null ? { ...cur, ...v } : v;
  }
  return out;
}

function mergeEnvironments(base: readonly EnvironmentDefinition[], add: readonly EnvironmentDefinition[]): EnvironmentDefinition[] {
  const out = [...base];
  for (const e of add) {
    const i = out.findIndex((x) => x.name === e.name);
    if (i < 0) out.push(e);
    else out[i] = e;
  }
  return out;
}
