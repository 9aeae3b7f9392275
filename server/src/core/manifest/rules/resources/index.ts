import type { ManifestRule } from '../rule';
import { missingLimitsRule } from './missing-limits';
import { missingRequestsRule } from './missing-requests';
import { requestsExceedLimitsRule } from './requests-exceed-limits';

/** The resource rules, in id order. */
export const RESOURCE_RULES: readonly ManifestRule[] = [missingLimitsRule, missingRequestsRule, requestsExceedLimitsRule];
