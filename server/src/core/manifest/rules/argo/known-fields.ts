/**
 * The field names of Argo's Rollout spec (argo-rollouts
 * pkg/apis/rollouts/v1alpha1/types.go, analysis_types.go, experiment_types.go;
 * metav1.LabelSelector), for TG-ARGO-STRICT. Each struct maps its JSON field
 * names to what the value holds: another struct (`Name`), a list of one
 * (`[]Name`), or `''` for scalars, free-form maps (labels, plugins, plugin
 * config) and Kubernetes types checked elsewhere (the pod template).
 */
export type FieldTable = Readonly<Record<string, string>>;

const STRING_MATCH: FieldTable = { exact: '', prefix: '', regex: '' };
const ROLLOUT_ANALYSIS: FieldTable = { templates: '[]AnalysisTemplateRef', args: '[]AnalysisRunArgument', dryRun: '[]DryRun', measurementRetention: '[]MeasurementRetention', analysisRunMetadata: 'AnalysisRunMetadata' };
const POD_METADATA: FieldTable = { labels: '', annotations: '' };

export const ROLLOUT_STRUCTS: Readonly<Record<string, FieldTable>> = {
  Rollout: { apiVersion: '', kind: '', metadata: '', spec: 'RolloutSpec', status: '' },
  RolloutSpec: { replicas: '', selector: 'LabelSelector', template: '', workloadRef: 'ObjectRef', minReadySeconds: '', rollbackWindow: 'RollbackWindowSpec', strategy: 'RolloutStrategy', revisionHistoryLimit: '', paused: '', progressDeadlineSeconds: '', progressDeadlineAbort: '', restartAt: '', analysis: 'AnalysisRunStrategy' },
  LabelSelector: { matchLabels: '', matchExpressions: '[]LabelSelectorRequirement' },
  LabelSelectorRequirement: { key: '', operator: '', values: '' },
  ObjectRef: { apiVersion: '', kind: '', name: '', scaleDown: '' },
  RollbackWindowSpec: { revisions: '' },
  AnalysisRunStrategy: { successfulRunHistoryLimit: '', unsuccessfulRunHistoryLimit: '' },
  RolloutStrategy: { blueGreen: 'BlueGreenStrategy', canary: 'CanaryStrategy' },
  BlueGreenStrategy: { activeService: '', previewService: '', previewReplicaCount: '', autoPromotionEnabled: '', autoPromotionSeconds: '', maxUnavailable: '', scaleDownDelaySeconds: '', scaleDownDelayRevisionLimit: '', prePromotionAnalysis: 'RolloutAnalysis', antiAffinity: 'AntiAffinity', postPromotionAnalysis: 'RolloutAnalysis', previewMetadata: 'PodTemplateMetadata', activeMetadata: 'PodTemplateMetadata', abortScaleDownDelaySeconds: '' },
  AntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: 'PreferredDuringSchedulingIgnoredDuringExecution', requiredDuringSchedulingIgnoredDuringExecution: 'RequiredDuringSchedulingIgnoredDuringExecution' },
  PreferredDuringSchedulingIgnoredDuringExecution: { weight: '' },
  RequiredDuringSchedulingIgnoredDuringExecution: {},
  ReplicaProgressThreshold: { type: '', value: '' },
  CanaryStrategy: { canaryService: '', stableService: '', steps: '[]CanaryStep', trafficRouting: 'RolloutTrafficRouting', maxUnavailable: '', maxSurge: '', analysis: 'RolloutAnalysisBackground', antiAffinity: 'AntiAffinity', canaryMetadata: 'PodTemplateMetadata', stableMetadata: 'PodTemplateMetadata', scaleDownDelaySeconds: '', scaleDownDelayRevisionLimit: '', abortScaleDownDelaySeconds: '', dynamicStableScale: '', pingPong: 'PingPongSpec', minPodsPerReplicaSet: '', replicaProgressThreshold: 'ReplicaProgressThreshold' },
  PingPongSpec: { pingService: '', pongService: '' },
  RolloutTrafficRouting: { istio: 'IstioTrafficRouting', nginx: 'NginxTrafficRouting', alb: 'ALBTrafficRouting', smi: 'SMITrafficRouting', ambassador: 'AmbassadorTrafficRouting', appMesh: 'AppMeshTrafficRouting', traefik: 'TraefikTrafficRouting', managedRoutes: '[]MangedRoutes', apisix: 'ApisixTrafficRouting', plugins: '', maxTrafficWeight: '' },
  ALBTrafficRouting: { ingress: '', servicePort: '', rootService: '', annotationPrefix: '', stickinessConfig: 'StickinessConfig', ingresses: '' },
  StickinessConfig: { enabled: '', durationSeconds: '' },
  MangedRoutes: { name: '' },
  TraefikTrafficRouting: { weightedTraefikServiceName: '' },
  ApisixTrafficRouting: { route: 'ApisixRoute' },
  ApisixRoute: { name: '', rules: '' },
  AmbassadorTrafficRouting: { mappings: '' },
  SMITrafficRouting: { rootService: '', trafficSplitName: '' },
  NginxTrafficRouting: { annotationPrefix: '', stableIngress: '', additionalIngressAnnotations: '', stableIngresses: '', canaryIngressAnnotations: '' },
  IstioTrafficRouting: { virtualService: 'IstioVirtualService', destinationRule: 'IstioDestinationRule', virtualServices: '[]IstioVirtualService' },
  IstioVirtualService: { name: '', routes: '', tlsRoutes: '[]TLSRoute', tcpRoutes: '[]TCPRoute' },
  TLSRoute: { port: '', sniHosts: '' },
  TCPRoute: { port: '' },
  IstioDestinationRule: { name: '', canarySubsetName: '', stableSubsetName: '', additionalSubsetNames: '' },
  AppMeshTrafficRouting: { virtualService: 'AppMeshVirtualService', virtualNodeGroup: 'AppMeshVirtualNodeGroup' },
  AppMeshVirtualService: { name: '', routes: '' },
  AppMeshVirtualNodeGroup: { canaryVirtualNodeRef: 'AppMeshVirtualNodeReference', stableVirtualNodeRef: 'AppMeshVirtualNodeReference' },
  AppMeshVirtualNodeReference: { name: '' },
  CanaryStep: { setWeight: '', pause: 'RolloutPause', experiment: 'RolloutExperimentStep', analysis: 'RolloutAnalysis', setCanaryScale: 'SetCanaryScale', setHeaderRoute: 'SetHeaderRoute', setMirrorRoute: 'SetMirrorRoute', plugin: 'PluginStep' },
  RolloutPause: { duration: '' },
  RolloutExperimentStep: { templates: '[]RolloutExperimentTemplate', duration: '', analyses: '[]RolloutExperimentStepAnalysisTemplateRef', dryRun: '[]DryRun', analysisRunMetadata: 'AnalysisRunMetadata', scaleDownDelaySeconds: '' },
  RolloutExperimentStepAnalysisTemplateRef: { name: '', templateName: '', clusterScope: '', args: '[]AnalysisRunArgument', requiredForCompletion: '' },
  RolloutExperimentTemplate: { name: '', specRef: '', replicas: '', metadata: 'PodTemplateMetadata', selector: 'LabelSelector', weight: '', service: 'TemplateService' },
  TemplateService: { name: '' },
  PodTemplateMetadata: POD_METADATA,
  AnalysisRunMetadata: POD_METADATA,
  PluginStep: { name: '', config: '' },
  SetMirrorRoute: { name: '', match: '[]RouteMatch', percentage: '' },
  RouteMatch: { method: 'StringMatch', path: 'StringMatch', headers: '' },
  StringMatch: STRING_MATCH,
  SetHeaderRoute: { name: '', match: '[]HeaderRoutingMatch' },
  HeaderRoutingMatch: { headerName: '', headerValue: 'StringMatch' },
  SetCanaryScale: { weight: '', replicas: '', matchTrafficWeight: '' },
  RolloutAnalysisBackground: { ...ROLLOUT_ANALYSIS, startingStep: '' },
  RolloutAnalysis: ROLLOUT_ANALYSIS,
  AnalysisTemplateRef: { templateName: '', clusterScope: '' },
  AnalysisRunArgument: { name: '', value: '', valueFrom: 'ArgumentValueFrom' },
  ArgumentValueFrom: { podTemplateHashValue: '', fieldRef: 'FieldRef' },
  FieldRef: { fieldPath: '' },
  DryRun: { metricName: '' },
  MeasurementRetention: { metricName: '', limit: '' },
};

/** Structs where a pre-1.0 `templateName` is left to TG-ARGO-LEGACY instead of being reported as unknown. */
export const LEGACY_ANALYSIS_STRUCTS: ReadonlySet<string> = new Set(['RolloutAnalysis', 'RolloutAnalysisBackground']);
