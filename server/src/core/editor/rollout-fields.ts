/**
 * Field documentation for Argo Rollouts objects (argo-rollouts
 * `pkg/apis/rollouts/v1alpha1/types.go`), with the defaults and caveats users
 * trip over. Used for hovers and key completion only: validation is the
 * rules' business, so the tree lists the fields worth explaining, not every
 * field Kubernetes accepts.
 */
import { arr, bool, int, map, obj, str, union, type SchemaNode } from '../schema/schema';

const duration = union([int(), str()], { description: 'Seconds as an integer, or a string with a unit: `30s`, `10m`, `1h`.' });
const intOrPercent = union([int({ minimum: 0 }), str({ pattern: '^[0-9]+%$' })]);

const templateRef = obj({
  templateName: str({ description: 'Name of an `AnalysisTemplate` (or `ClusterAnalysisTemplate` with `clusterScope: true`). Must exist where the Rollout is applied; Tollgate looks for it in the workspace (TG-ANL).' }),
  clusterScope: bool({ description: 'Reference a `ClusterAnalysisTemplate` instead of a namespaced `AnalysisTemplate`.', default: false }),
});

const analysis = obj({
  templates: arr(templateRef, { description: 'Analysis templates to run; their metrics are merged into one AnalysisRun.' }),
  args: arr(obj({ name: str(), value: str(), valueFrom: obj({ podTemplateHashValue: str(), fieldRef: obj({ fieldPath: str() }) }) }), { description: 'Arguments passed to the templates (`{{args.<name>}}`).' }),
  dryRun: arr(obj({ metricName: str() }), { description: 'Metrics whose failure does not abort the rollout.' }),
  measurementRetention: arr(obj({ metricName: str(), limit: int() })),
  startingStep: int({ description: 'Background analysis only: index of the step at which the analysis starts.' }),
}, { description: 'Run an AnalysisRun; the step (or rollout) fails when the analysis fails.' });

const step = obj({
  setWeight: int({ minimum: 0, maximum: 100, description: 'Percentage of traffic (or of replicas, without traffic routing) sent to the canary. 0–100. Without trafficRouting the weight is approximated by replica counts: with few replicas the real share can differ a lot (argo-rollouts #2281).' }),
  pause: obj({ duration }, { description: 'Pause the rollout. With `duration` it resumes by itself; `pause: {}` waits indefinitely for `kubectl argo rollouts promote`.' }),
  analysis: { ...analysis, description: 'Inline analysis: the rollout waits at this step until the AnalysisRun completes.' },
  experiment: obj({ duration, templates: arr(obj({ name: str(), specRef: str({ enum: ['stable', 'canary'] }), replicas: int(), weight: int() })), analyses: arr(obj({ name: str(), templateName: str() })) }, { description: 'Run ReplicaSets side by side (A/B) with analyses.' }),
  setCanaryScale: obj({ weight: int(), replicas: int(), matchTrafficWeight: bool() }, { description: 'Scale the canary independently of the traffic weight (traffic routing only).' }),
  setHeaderRoute: obj({ name: str(), match: arr(obj({ headerName: str(), headerValue: obj({ exact: str(), regex: str(), prefix: str() }) })) }, { description: 'Route requests with matching headers to the canary (traffic routing with managedRoutes).' }),
  setMirrorRoute: obj({ name: str(), percentage: int(), match: arr(obj({ method: obj({ exact: str() }), path: obj({ prefix: str() }) })) }, { description: 'Mirror matching traffic to the canary.' }),
  plugin: obj({ name: str(), config: map(str()) }, { description: 'A step implemented by a step plugin.' }),
}, { description: 'A canary step sets exactly one of: setWeight, pause, analysis, experiment, setCanaryScale, setHeaderRoute, setMirrorRoute, plugin. After the last step the rollout is promoted to 100% implicitly.' });

const trafficRouting = obj({
  istio: obj({ virtualService: obj({ name: str(), routes: arr(str()) }), virtualServices: arr(obj({ name: str(), routes: arr(str()) })), destinationRule: obj({ name: str(), canarySubsetName: str(), stableSubsetName: str() }) }),
  nginx: obj({ stableIngress: str(), stableIngresses: arr(str()), annotationPrefix: str() }),
  alb: obj({ ingress: str(), ingresses: arr(str()), rootService: str(), servicePort: int() }),
  smi: obj({ rootService: str(), trafficSplitName: str() }),
  ambassador: obj({ mappings: arr(str()) }),
  appMesh: obj({ virtualService: obj({ name: str() }), virtualNodeGroup: obj({ canaryVirtualNodeRef: obj({ name: str() }), stableVirtualNodeRef: obj({ name: str() }) }) }),
  traefik: obj({ weightedTraefikServiceName: str() }),
  apisix: obj({ route: obj({ name: str() }) }),
  plugins: map(map(str())),
  managedRoutes: arr(obj({ name: str() }), { description: 'Routes the controller may manage (needed for setHeaderRoute / setMirrorRoute), highest priority first.' }),
  maxTrafficWeight: int({ default: 100, description: 'Total weight (default 100); setWeight is relative to it.' }),
}, { description: 'Shift traffic with a mesh or ingress instead of replica counts. Requires `canaryService` and `stableService` (distinct).' });

const canary = obj({
  canaryService: str({ description: 'Service selecting canary pods. Required with trafficRouting; must differ from stableService.' }),
  stableService: str({ description: 'Service selecting stable pods. Required with trafficRouting; must differ from canaryService.' }),
  steps: arr(step, { description: 'The progressive steps. Weights should not decrease; separate weight increases with a pause or analysis (verification window).' }),
  trafficRouting,
  maxSurge: { ...intOrPercent, default: '25%', description: 'Extra pods allowed during the update. Default 25%. maxSurge and maxUnavailable may not both be 0.' },
  maxUnavailable: { ...intOrPercent, default: '25%', description: 'Pods that may be unavailable during the update. Default 25%. maxSurge and maxUnavailable may not both be 0.' },
  analysis: { ...analysis, description: 'Background analysis running during the whole rollout (from `startingStep`).' },
  antiAffinity: obj({ preferredDuringSchedulingIgnoredDuringExecution: obj({ weight: int() }), requiredDuringSchedulingIgnoredDuringExecution: obj({}) }),
  canaryMetadata: obj({ labels: map(str()), annotations: map(str()) }),
  stableMetadata: obj({ labels: map(str()), annotations: map(str()) }),
  scaleDownDelaySeconds: int({ default: 30, description: 'Traffic routing only: delay before the old ReplicaSet is scaled down.' }),
  scaleDownDelayRevisionLimit: int(),
  abortScaleDownDelaySeconds: int({ default: 30 }),
  dynamicStableScale: bool({ default: false, description: 'Scale the stable ReplicaSet down as the canary weight grows (traffic routing only).' }),
  pingPong: obj({ pingService: str(), pongService: str() }),
  minPodsPerReplicaSet: int(),
  replicaProgressThreshold: obj({ type: str({ enum: ['Pod', 'Percent'] }), value: int() }),
}, { description: 'Shift traffic to the new version step by step.' });

const blueGreen = obj({
  activeService: str({ description: 'Service that receives production traffic (required). Must differ from previewService.' }),
  previewService: str({ description: 'Service pointing at the new version before promotion. Must differ from activeService.' }),
  previewReplicaCount: int({ description: 'Replicas of the new version before promotion (default: full size).' }),
  autoPromotionEnabled: bool({ default: true, description: 'Promote automatically once the new ReplicaSet is ready. When false, autoPromotionSeconds is ignored.' }),
  autoPromotionSeconds: int({ description: 'Promote automatically after this many seconds (ignored when autoPromotionEnabled is false).' }),
  maxUnavailable: intOrPercent,
  scaleDownDelaySeconds: int({ default: 30, description: 'Delay before the old ReplicaSet is scaled down after promotion.' }),
  scaleDownDelayRevisionLimit: int(),
  abortScaleDownDelaySeconds: int({ default: 30 }),
  prePromotionAnalysis: { ...analysis, description: 'Analysis that must pass before the switch.' },
  postPromotionAnalysis: { ...analysis, description: 'Analysis after the switch; failure rolls back.' },
  antiAffinity: obj({}),
  previewMetadata: obj({ labels: map(str()), annotations: map(str()) }),
  activeMetadata: obj({ labels: map(str()), annotations: map(str()) }),
}, { description: 'Run the new version next to the old one and switch the active Service at once.' });

const metadata = obj({
  name: str(),
  namespace: str({ description: 'Namespace; the policy maps namespaces to environments (dev, staging, prod).' }),
  labels: map(str(), { description: 'Labels. The policy reads the tier (`tollgate.dev/tier`), the environment and the owner label from here.' }),
  annotations: map(str(), { description: 'Annotations. Production workloads carry the change ticket (`change.ticket/id` by default).' }),
});

/** An Argo `Rollout`. */
export const ROLLOUT_FIELDS: SchemaNode = obj({
  apiVersion: str({ description: '`argoproj.io/v1alpha1` for Argo Rollouts (OpenKruise\'s `rollouts.kruise.io` Rollout is a different product and is not checked).' }),
  kind: str(),
  metadata,
  spec: obj({
    replicas: int({ default: 1, description: 'Desired pods. Default 1. Canary weights are approximated by replica counts without trafficRouting.' }),
    selector: obj({ matchLabels: map(str()), matchExpressions: arr(obj({ key: str(), operator: str(), values: arr(str()) })) }, { description: 'Must select the pod template\'s labels.' }),
    template: obj({ metadata, spec: obj({}) }, { description: 'The pod template. Exactly one of `template` and `workloadRef`.' }),
    workloadRef: obj({ apiVersion: str(), kind: str(), name: str(), scaleDown: str({ enum: ['never', 'onsuccess', 'progressively'] }) }, { description: 'Take the pod template from an existing Deployment instead of `template`.' }),
    minReadySeconds: int({ default: 0, description: 'Seconds a new pod must be ready before it counts as available. Must be less than progressDeadlineSeconds.' }),
    rollbackWindow: obj({ revisions: int() }, { description: 'Roll back to one of the last N revisions without running the steps again.' }),
    strategy: obj({ canary, blueGreen }, { description: 'Exactly one of `canary` and `blueGreen`.' }),
    revisionHistoryLimit: int({ default: 10 }),
    paused: bool({ description: 'Pause the rollout.' }),
    progressDeadlineSeconds: int({ default: 600, description: 'Seconds before a rollout without progress is marked degraded. Must exceed minReadySeconds.' }),
    progressDeadlineAbort: bool({ default: false, description: 'Abort (and roll back) when the progress deadline is exceeded.' }),
    restartAt: str(),
    analysis: obj({ successfulRunHistoryLimit: int({ default: 5 }), unsuccessfulRunHistoryLimit: int({ default: 5 }) }),
  }),
});

/** An `AnalysisTemplate` / `ClusterAnalysisTemplate` (the parts worth explaining). */
export const ANALYSIS_TEMPLATE_FIELDS: SchemaNode = obj({
  apiVersion: str(),
  kind: str(),
  metadata,
  spec: obj({
    args: arr(obj({ name: str(), value: str() }), { description: 'Arguments callers pass (`{{args.<name>}}` in metrics).' }),
    metrics: arr(obj({
      name: str(),
      interval: duration,
      count: union([int(), str()], { description: 'How many measurements; without it a metric with an interval runs until the rollout ends.' }),
      successCondition: str({ description: 'Expression over `result` that must hold (e.g. `result[0] >= 0.95`).' }),
      failureCondition: str(),
      failureLimit: int({ default: 0, description: 'Failed measurements tolerated before the analysis fails.' }),
      inconclusiveLimit: int({ default: 0 }),
      consecutiveErrorLimit: int({ default: 4 }),
      initialDelay: duration,
      provider: obj({ prometheus: obj({ address: str(), query: str() }), datadog: obj({ query: str() }), web: obj({ url: str() }), job: obj({}), newRelic: obj({}), wavefront: obj({}), kayenta: obj({}), cloudWatch: obj({}), graphite: obj({}), influxdb: obj({}), skywalking: obj({}) }),
    })),
    dryRun: arr(obj({ metricName: str() })),
  }),
});
