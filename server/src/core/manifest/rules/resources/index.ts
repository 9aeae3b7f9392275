import type { ManifestRule } from '../rule';

/** The resources rules, in id order. */
export const RESOURCE_RULES: readonly ManifestRule[] = [];
