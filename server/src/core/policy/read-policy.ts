/**
 * Reads one ReleasePolicy document into a patch (what the file sets) plus
 * the cursors needed to report semantic problems later. Only well-typed
 * values are taken: schema problems are reported separately, so a half-wrong
 * policy still applies its correct parts.
 */
import type { Level } from '../findings';
import type { Cursor } from '../yaml/cursor';
import type { EnvironmentDefinition, GateThresholds, PolicyTest, RuleOverride, SettingsPatch, TierDefinition } from './model';

export interface PolicyPatch {
  readonly path: string;
  readonly name?: string;
  readonly tierKey?: string;
  readonly environmentKey?: string;
  readonly defaultTier?: number;
  readonly defaultEnvironment?: string;
  readonly tiers: TierDefinition[];
  readonly environments?: EnvironmentDefinition[];
  readonly settings?: SettingsPatch;
  readonly overrides: RuleOverride[];
  readonly tests: PolicyTest[];
}

/** The patch a policy document's `spec` applies. */
export function readPolicyPatch(root: Cursor, path: string): PolicyPatch {
  const spec = root.get('spec');
  const envs = spec?.get('environments');
  const name = root.at('metadata', 'name')?.str();
  const tierKey = spec?.get('tierKey')?.str();
  const environmentKey = spec?.get('environmentKey')?.str();
  const defaultTier = intOf(spec?.get('defaultTier'));
  const defaultEnvironment = spec?.get('defaultEnvironment')?.str();
  const settings = settingsOf(spec?.get('settings'));
  return {
    path,
    ...(name !== undefined ? { name } : {}),
    ...(tierKey !== undefined ? { tierKey } : {}),
    ...(environmentKey !== undefined ? { environmentKey } : {}),
    ...(defaultTier !== undefined ? { defaultTier } : {}),
    ...(defaultEnvironment !== undefined ? { defaultEnvironment } : {}),
    tiers: (spec?.get('tiers')?.items() ?? []).flatMap((t) => tierOf(t)),
    ...(envs?.isSeq ? { environments: envs.items().flatMap((e) => environmentOf(e)) } : {}),
    ...(settings ? { settings } : {}),
    overrides: (spec?.get('rules')?.items() ?? []).flatMap((r) => overridesOf(r, path)),
    tests: (spec?.get('tests')?.items() ?? []).flatMap((t) => testOf(t, path)),
  };
}

function intOf(c: Cursor | undefined): number | undefined {
  const v = c?.num();
  return v !== undefined && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function list<T>(c: Cursor | undefined, pick: (c: Cursor) => T | undefined): T[] | undefined {
  if (!c) return undefined;
  const cs = c.isSeq ? c.items() : [c];
  return cs.flatMap((x) => {
    const v = pick(x);
    return v === undefined ? [] : [v];
  });
}

function settingsOf(c: Cursor | undefined): SettingsPatch | undefined {
  if (!c?.isMap) return undefined;
  const v = c.value;
  // Sections are plain data already checked by the schema; keep only mappings and strings (ownerLabel).
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if ((typeof val === 'object' && val !== null && !Array.isArray(val)) || typeof val === 'string') out[k] = val;
  }
  return out;
}

function tierOf(c: Cursor): TierDefinition[] {
  const id = intOf(c.get('id'));
  if (id === undefined) return [];
  const settings = settingsOf(c.get('settings'));
  const gate = c.get('gate')?.isMap ? (c.get('gate')?.value as GateThresholds) : undefined;
  const description = c.get('description')?.str();
  return [{ id, name: c.get('name')?.str() ?? `tier ${id}`, ...(description !== undefined ? { description } : {}), ...(settings ? { settings } : {}), ...(gate ? { gate } : {}) }];
}

function environmentOf(c: Cursor): EnvironmentDefinition[] {
  const name = c.get('name')?.str();
  if (name === undefined) return [];
  const labels: Record<string, string> = {};
  for (const [k, v] of c.get('labels')?.entries() ?? []) {
    const t = v.text();
    if (t !== undefined) labels[k] = t;
  }
  const settings = settingsOf(c.get('settings'));
  return [{ name, namespaces: list(c.get('namespaces'), (x) => x.str()) ?? [], labels, production: c.get('production')?.bool() ?? false, ...(settings ? { settings } : {}) }];
}

const LEVELS: readonly string[] = ['error', 'warning', 'info', 'off'];

function overridesOf(c: Cursor, path: string): RuleOverride[] {
  const level = c.get('severity')?.str();
  if (level === undefined || !LEVELS.includes(level)) return [];
  const rules = list(c.get('rule'), (x) => x.str()) ?? [];
  const tiers = list(c.get('tiers'), (x) => intOf(x));
  const environments = list(c.get('environments'), (x) => x.str());
  const kinds = list(c.get('kinds'), (x) => x.str());
  return rules.map((rule) => ({ rule, level: level as Level, origin: path, ...(tiers ? { tiers } : {}), ...(environments ? { environments } : {}), ...(kinds ? { kinds } : {}) }));
}

function testOf(c: Cursor, path: string): PolicyTest[] {
  const name = c.get('name')?.str();
  if (name === undefined) return [];
  const expect = c.get('expect');
  const file = c.get('file')?.str();
  return [{
    name,
    manifest: c.get('manifest')?.str() ?? '',
    ...(file !== undefined ? { file } : {}),
    expectFire: list(expect?.get('fire'), (x) => x.str()) ?? [],
    expectNotFire: list(expect?.get('notFire'), (x) => x.str()) ?? [],
    origin: { uri: path, start: c.keySpan.start, end: (c.get('name') ?? c).span.end },
  }];
}
