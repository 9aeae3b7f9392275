import type { ManifestRule } from '../rule';

/** The canary rules, in id order. */
export const CANARY_RULES: readonly ManifestRule[] = [];
