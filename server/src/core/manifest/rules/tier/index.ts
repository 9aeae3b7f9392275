import type { ManifestRule } from '../rule';
import { missingTierRule } from './missing-tier';
import { progressiveDeliveryRule } from './progressive-delivery';
import { unknownTierRule } from './unknown-tier';

/**
 * The risk-tier rules, in id order. TG-TIER-004 (the per-tier controls
 * summary) is a code lens, provided by the language server, not a finding.
 */
export const TIER_RULES: readonly ManifestRule[] = [missingTierRule, unknownTierRule, progressiveDeliveryRule];
