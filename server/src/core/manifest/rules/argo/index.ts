import type { ManifestRule } from '../rule';
import { analysisArgsFieldRefRule } from './analysis-args-field-ref';
import { blueGreenAntiAffinityRule, canaryAntiAffinityRule } from './anti-affinity-strategy';
import { blueGreenAntiAffinityWeightRule, canaryAntiAffinityWeightRule } from './anti-affinity-weight';
import { blueGreenServicesRule } from './bluegreen-services';
import { canaryServicesRule } from './canary-services';
import { dynamicStableScaleRule } from './dynamic-stable-scale';
import { dynamicStableScaleDelayRule } from './dynamic-stable-scale-delay';
import { experimentWeightRule } from './experiment-weight';
import { ingressBackendRule } from './ingress-backend';
import { istioVirtualServiceRule } from './istio-virtual-service';
import { legacyAnalysisRule } from './legacy-analysis';
import { managedRoutesRule } from './managed-routes';
import { maxSurgeUnavailableRule } from './max-surge-unavailable';
import { maxTrafficWeightRule } from './max-traffic-weight';
import { nonNegativeRule } from './non-negative';
import { pauseDurationRule } from './pause-duration';
import { pingPongAlbRootRule } from './ping-pong-alb-root';
import { pingPongDistinctRule } from './ping-pong-distinct';
import { pingPongRouterRule } from './ping-pong-router';
import { pingPongServicesRule } from './ping-pong-services';
import { podTemplateRule } from './pod-template';
import { progressDeadlineRule } from './progress-deadline';
import { replicasRule } from './replicas';
import { routerConfigRule } from './router-config';
import { scaleDownDelayRule } from './scale-down-delay';
import { scaleDownRevisionLimitRule } from './scale-down-revision-limit';
import { selectorEmptyRule } from './selector-empty';
import { selectorInvalidRule } from './selector-invalid';
import { selectorRequiredRule } from './selector-required';
import { serviceManagedElsewhereRule } from './service-managed-elsewhere';
import { serviceSelectorRule } from './service-selector';
import { setCanaryScaleRule } from './set-canary-scale';
import { setHeaderRouteRule } from './set-header-route';
import { setMirrorRouteRule } from './set-mirror-route';
import { setWeightRangeRule } from './set-weight-range';
import { stepKindRule } from './step-kind';
import { strategyRule } from './strategy';
import { strategyMultipleRule } from './strategy-multiple';
import { strictFieldsRule } from './strict-fields';
import { templateWithWorkloadRefRule } from './template-with-workload-ref';
import { trafficRoutingServicesRule } from './traffic-routing-services';

/** Argo Rollouts' own validation rules (parity with the controller and `kubectl argo rollouts lint`), in id order. */
export const ARGO_RULES: readonly ManifestRule[] = [
  replicasRule,
  selectorRequiredRule,
  selectorEmptyRule,
  selectorInvalidRule,
  templateWithWorkloadRefRule,
  podTemplateRule,
  nonNegativeRule,
  progressDeadlineRule,
  strategyRule,
  strategyMultipleRule,
  blueGreenServicesRule,
  scaleDownRevisionLimitRule,
  blueGreenAntiAffinityRule,
  blueGreenAntiAffinityWeightRule,
  maxSurgeUnavailableRule,
  canaryServicesRule,
  pingPongRouterRule,
  pingPongServicesRule,
  pingPongDistinctRule,
  pingPongAlbRootRule,
  trafficRoutingServicesRule,
  scaleDownDelayRule,
  dynamicStableScaleRule,
  dynamicStableScaleDelayRule,
  maxTrafficWeightRule,
  stepKindRule,
  setWeightRangeRule,
  pauseDurationRule,
  setCanaryScaleRule,
  setHeaderRouteRule,
  setMirrorRouteRule,
  managedRoutesRule,
  experimentWeightRule,
  canaryAntiAffinityRule,
  canaryAntiAffinityWeightRule,
  analysisArgsFieldRefRule,
  serviceSelectorRule,
  serviceManagedElsewhereRule,
  ingressBackendRule,
  istioVirtualServiceRule,
  routerConfigRule,
  strictFieldsRule,
  legacyAnalysisRule,
];
