import type { ManifestRule } from '../rule';
import { WORKLOAD_KINDS } from '../../manifest-doc';
import { tierEntry } from './tier-value';

/** TG-TIER-002: a tier the policy does not define silently falls back to the default. */
export const unknownTierRule: ManifestRule = {
  id: 'TG-TIER-002',
  title: 'Unknown tier',
  description: "Fires when a workload's tier label or annotation is not the id of one of the policy's tiers (default 0, 1, 2); the policy's default tier applies instead.",
  example: 'metadata:\n  labels:\n    tollgate.dev/tier: "high"',
  fix: "Use one of the policy's tier ids.",
  kinds: WORKLOAD_KINDS,
  levels: ['error', 'error', 'error'],
  nonProdLevels: ['error', 'error', 'error'],
  check(ctx) {
    const entry = tierEntry(ctx.doc, ctx.tierKey);
    if (!entry) return;
    const raw = entry.text()?.trim() ?? '';
    if (/^[0-9]+$/.test(raw) && ctx.knownTiers.includes(Number(raw))) return;
    ctx.report({
      at: entry,
      onKey: entry.isNull,
      message: `tier '${raw}' (${entry.pathText}) is not one of the policy's tiers (${ctx.knownTiers.join(', ')}); the default tier ${ctx.tier} applies`,
    });
  },
};
