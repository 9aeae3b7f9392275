import type { ManifestRule } from '../rule';

/** The images rules, in id order. */
export const IMAGE_RULES: readonly ManifestRule[] = [];
