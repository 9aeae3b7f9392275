import type { ManifestRule } from '../rule';
import { separationOfDutiesRule } from './separation-of-duties';

/**
 * Separation-of-duties rules. TG-SOD-002..004 need approver groups and
 * approval records from the evidence store and are not here yet.
 */
export const APPROVAL_RULES: readonly ManifestRule[] = [separationOfDutiesRule];
