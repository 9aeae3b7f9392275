import type { ManifestRule } from '../rule';
import { digestRequiredRule } from './digest-required';
import { latestBesideDigestRule } from './latest-beside-digest';
import { latestTagRule } from './latest-tag';
import { malformedReferenceRule } from './malformed-reference';
import { registryAllowedRule } from './registry-allowed';
import { unverifiableImageRule } from './unverifiable-image';
import { untaggedRule } from './untagged';

/** The images rules, in id order. */
export const IMAGE_RULES: readonly ManifestRule[] = [
  latestTagRule,
  untaggedRule,
  digestRequiredRule,
  malformedReferenceRule,
  registryAllowedRule,
  latestBesideDigestRule,
  unverifiableImageRule,
];
