import type { ManifestRule } from '../rule';

/** The bluegreen rules, in id order. */
export const BLUE_GREEN_RULES: readonly ManifestRule[] = [];
