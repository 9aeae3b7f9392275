import type { ManifestRule } from '../rule';
import { firstWeightBlastRadiusRule } from './first-weight-blast-radius';
import { lastWeightBelowFullRule } from './last-weight-below-full';
import { manualGateRule } from './manual-gate';
import { noStepsRule } from './no-steps';
import { pauseWindowsRule } from './pause-windows';
import { replicaWeightApproximationRule } from './replica-weight-approximation';
import { servicesWithoutTrafficRoutingRule } from './services-without-traffic-routing';
import { weightIncreaseUnverifiedRule } from './weight-increase-unverified';
import { weightsNonDecreasingRule } from './weights-non-decreasing';
import { zeroWeightExperimentRule } from './zero-weight-experiment';

/** The canary rules, in id order. */
export const CANARY_RULES: readonly ManifestRule[] = [
  weightsNonDecreasingRule,
  lastWeightBelowFullRule,
  firstWeightBlastRadiusRule,
  weightIncreaseUnverifiedRule,
  replicaWeightApproximationRule,
  servicesWithoutTrafficRoutingRule,
  manualGateRule,
  pauseWindowsRule,
  noStepsRule,
  zeroWeightExperimentRule,
];
