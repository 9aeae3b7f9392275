import type { ManifestRule } from '../rule';

/** The tier rules, in id order. */
export const TIER_RULES: readonly ManifestRule[] = [];
