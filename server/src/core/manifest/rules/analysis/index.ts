import type { ManifestRule } from '../rule';

/** The analysis rules, in id order. */
export const ANALYSIS_RULES: readonly ManifestRule[] = [];
