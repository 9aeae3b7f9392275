/**
 * Resolving the policy for one workload: which tier and environment it is in,
 * which settings apply there, and at which level each rule runs. Pure and
 * cheap: called once per document per check.
 */
import { milder, type Level } from '../findings';
import type { ManifestDoc } from '../manifest/manifest-doc';
import type { TierLevels } from '../manifest/rules/rule';
import { globMatch } from './glob';
import type { EnvironmentDefinition, Policy, PolicySettings, SettingsPatch } from './model';

export interface WorkloadScope {
  readonly tier: number;
  /** The tier was given by the workload's label/annotation (not the policy default). */
  readonly tierDeclared: boolean;
  readonly environment: string;
  readonly production: boolean;
  readonly settings: PolicySettings;
}

/** The tier named by the workload's label or annotation, as text (undefined when absent). */
export function declaredTier(policy: Policy, doc: ManifestDoc): string | undefined {
  return doc.labels[policy.tierKey] ?? doc.annotations[policy.tierKey];
}

/** Tier, environment and settings for a document under `policy`. */
export function resolveScope(policy: Policy, doc: ManifestDoc): WorkloadScope {
  const raw = declaredTier(policy, doc);
  const parsed = raw !== undefined && /^[0-9]+$/.test(raw.trim()) ? Number(raw) : undefined;
  const known = parsed !== undefined && policy.tiers.some((t) => t.id === parsed);
  const tier = known ? parsed : policy.defaultTier;
  const env = resolveEnvironment(policy, doc);
  const tierDef = policy.tiers.find((t) => t.id === tier);
  const settings = applyPatch(applyPatch(policy.settings, tierDef?.settings), env.def?.settings);
  return { tier, tierDeclared: known, environment: env.name, production: env.def?.production ?? true, settings };
}

function resolveEnvironment(policy: Policy, doc: ManifestDoc): { name: string; def: EnvironmentDefinition | undefined } {
  const byName = (name: string) => policy.environments.find((e) => e.name === name);
  const explicit = doc.labels[policy.environmentKey] ?? doc.annotations[policy.environmentKey];
  if (explicit !== undefined) return { name: explicit, def: byName(explicit) };
  const ns = doc.namespace;
  const labels = doc.labels;
  for (const e of policy.environments) {
    const labelKeys = Object.keys(e.labels);
    if (labelKeys.length > 0 && labelKeys.every((k) => labels[k] === e.labels[k])) return { name: e.name, def: e };
    if (ns !== undefined && e.namespaces.some((g) => globMatch(g, ns))) return { name: e.name, def: e };
  }
  return { name: policy.defaultEnvironment, def: byName(policy.defaultEnvironment) };
}

/** Settings with a partial patch applied section by section. */
export function applyPatch(base: PolicySettings, patch: SettingsPatch | undefined): PolicySettings {
  if (!patch) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [section, value] of Object.entries(patch)) {
    const current = out[section];
    out[section] = typeof value === 'object' && value !== null && typeof current === 'object' && current !== null ? { ...current, ...value } : value;
  }
  return out as unknown as PolicySettings;
}

/** The level a rule runs at for this scope and kind: rule defaults, then the policy's overrides in order. */
export function ruleLevel(policy: Policy, rule: { readonly id: string; readonly levels: TierLevels; readonly nonProdLevels?: TierLevels }, scope: WorkloadScope, kind: string): Level {
  const i = Math.min(Math.max(scope.tier, 0), 2);
  let level: Level = scope.production ? rule.levels[i] : (rule.nonProdLevels?.[i] ?? milder(rule.levels[i]));
  for (const o of policy.overrides) {
    if (!globMatch(o.rule, rule.id)) continue;
    if (o.tiers && !o.tiers.includes(scope.tier)) continue;
    if (o.environments && !o.environments.includes(scope.environment)) continue;
    if (o.kinds && !o.kinds.includes(kind)) continue;
    level = o.level;
  }
  return level;
}
