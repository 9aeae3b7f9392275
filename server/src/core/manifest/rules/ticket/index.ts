import type { ManifestRule } from '../rule';

/** The ticket rules, in id order. */
export const TICKET_RULES: readonly ManifestRule[] = [];
