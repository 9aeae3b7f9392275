/**
 * Every manifest rule, by family. Ids are stable and documented in the
 * README's rule table (a test keeps the two in step).
 */
import { ANALYSIS_RULES } from './analysis';
import { APPROVAL_RULES } from './approvals';
import { ARGO_RULES } from './argo';
import { BLUE_GREEN_RULES } from './bluegreen';
import { CANARY_RULES } from './canary';
import { IMAGE_RULES } from './images';
import { METADATA_RULES } from './metadata';
import { RESOURCE_RULES } from './resources';
import type { ManifestRule } from './rule';
import { SECURITY_RULES } from './security';
import { TICKET_RULES } from './ticket';
import { TIER_RULES } from './tier';

export const MANIFEST_RULES: readonly ManifestRule[] = [
  ...ARGO_RULES,
  ...IMAGE_RULES,
  ...TICKET_RULES,
  ...CANARY_RULES,
  ...ANALYSIS_RULES,
  ...BLUE_GREEN_RULES,
  ...TIER_RULES,
  ...APPROVAL_RULES,
  ...RESOURCE_RULES,
  ...SECURITY_RULES,
  ...METADATA_RULES,
];

const BY_ID = new Map(MANIFEST_RULES.map((r) => [r.id, r]));

export function manifestRule(id: string): ManifestRule | undefined {
  return BY_ID.get(id);
}
