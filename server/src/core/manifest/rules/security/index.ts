import type { ManifestRule } from '../rule';

/** The security rules, in id order. */
export const SECURITY_RULES: readonly ManifestRule[] = [];
