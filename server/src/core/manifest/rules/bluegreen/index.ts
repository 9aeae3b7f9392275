import type { ManifestRule } from '../rule';
import { autoPromotionSecondsIgnoredRule } from './auto-promotion-seconds-ignored';
import { autoPromotionUnverifiedRule } from './auto-promotion-unverified';
import { postPromotionAnalysisRule } from './post-promotion-analysis';
import { previewReplicaCountRule } from './preview-replica-count';
import { previewServiceRule } from './preview-service';
import { scaleDownDelayRule } from './scale-down-delay';

/** The blue-green rules, in id order. */
export const BLUE_GREEN_RULES: readonly ManifestRule[] = [
  previewServiceRule,
  autoPromotionUnverifiedRule,
  autoPromotionSecondsIgnoredRule,
  scaleDownDelayRule,
  postPromotionAnalysisRule,
  previewReplicaCountRule,
];
