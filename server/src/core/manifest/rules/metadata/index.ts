import type { ManifestRule } from '../rule';
import { ownerLabelRule } from './owner-label';

/** Rules about workload metadata (ownership), in id order. */
export const METADATA_RULES: readonly ManifestRule[] = [ownerLabelRule];
