/**
 * The `ReleasePolicy` language (apiVersion tollgate.dev/v1). The same
 * definition validates policy files, generates server/schemas/policy.schema.json
 * and documents every field in hovers.
 */
import { arr, bool, int, map, num, obj, str, union, type ObjectSchema } from '../schema/schema';

export const RULE_ID_PATTERN = '^TG-[A-Z]+-[A-Z0-9*?]+$|^TG-[A-Z*?]+\\*?$|^\\*$';
const LEVEL = str({ enum: ['error', 'warning', 'info', 'off'], description: 'Severity of the rule\'s findings, or `off`.' });

const settingsSchema = obj({
  changeTicket: obj({
    annotation: str({ minLength: 1, description: 'Workload annotation holding the change ticket id.', default: 'change.ticket/id' }),
    pattern: str({ minLength: 1, description: 'Regular expression (JavaScript syntax) ticket ids must match.', default: '^CHG-[0-9]+$' }),
    url: str({ description: 'Ticket link template; `{id}` is replaced by the ticket id.' }),
    exemptEnvironments: arr(str({ minLength: 1 }), { description: 'Environments where TG-TKT-001 never fires (tickets are required everywhere above dev).', default: ['dev'] }),
  }, { description: 'Change-ticket requirements (TG-TKT-*).' }),
  images: obj({
    pinning: str({ enum: ['any', 'tag', 'digest'], description: '`any`: no requirement; `tag`: an explicit, non-latest tag; `digest`: an `@sha256:` digest.', default: 'tag' }),
    allowedRegistries: arr(str({ minLength: 1 }), { description: 'Registries or repository prefixes images may come from (`ghcr.io/acme/`); empty = any.', default: [] }),
  }, { description: 'Image pinning and provenance (TG-IMG-*).' }),
  canary: obj({
    maxFirstWeight: num({ minimum: 0, maximum: 100, description: 'Largest traffic weight (percent) of the first canary step: the blast radius.', default: 5 }),
    requireVerification: bool({ description: 'A pause or analysis must separate two weight increases.', default: true }),
    maxPauseSeconds: int({ minimum: 0, description: 'Longest finite pause, in seconds.', default: 86400 }),
  }, { description: 'Canary sanity (TG-CAN-*).' }),
  ownerLabel: str({ minLength: 1, description: 'Label naming the owning team.', default: 'app.kubernetes.io/owner' }),
  analysis: obj({
    requireInWorkspace: bool({ description: 'Referenced AnalysisTemplates must be defined in this repository.', default: false }),
  }),
  approvals: obj({
    approvedByAnnotation: str({ minLength: 1, default: 'tollgate.dev/approved-by', description: 'Annotation naming the release approver.' }),
    authorAnnotation: str({ minLength: 1, default: 'tollgate.dev/author', description: 'Annotation naming the change author.' }),
  }, { description: 'Separation of duties (TG-SOD-*).' }),
}, { description: 'Parameters of the built-in rules.' });

const gateSchema = obj({
  minDelta: num({ exclusiveMinimum: 0, description: 'Smallest improvement (in score units) that counts; EvalGate files of this tier inherit it.' }),
  alpha: num({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Significance level.' }),
  power: num({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Target power for the MDE / underpowered warning.' }),
  twoSided: bool({ description: 'Two-sided test (default one-sided: candidate better).' }),
  method: str({ enum: ['auto', 'paired_t', 'paired_permutation', 'paired_bootstrap', 'mcnemar', 'cluster_bootstrap', 'cluster_robust'], description: 'Statistical method.' }),
}, { description: 'Gate thresholds inherited by EvalGate files of this tier.' });

const testSchema = obj({
  name: str({ minLength: 1, description: 'What the test shows.' }),
  manifest: str({ description: 'Inline manifest YAML the policy is applied to.' }),
  file: str({ minLength: 1, description: 'Manifest file (relative to the policy file) instead of `manifest`.' }),
  expect: obj({
    fire: arr(str({ pattern: RULE_ID_PATTERN, patternName: 'a rule id' }), { single: true, description: 'Rule ids that must fire.' }),
    notFire: arr(str({ pattern: RULE_ID_PATTERN, patternName: 'a rule id' }), { single: true, description: 'Rule ids that must not fire.' }),
  }, { description: 'Expected findings.' }),
}, { required: ['name', 'expect'] });

export const POLICY_SCHEMA: ObjectSchema = obj({
  apiVersion: str({ enum: ['tollgate.dev/v1'] }),
  kind: str({ enum: ['ReleasePolicy'] }),
  metadata: obj({ name: str({ minLength: 1 }), labels: map(str()), annotations: map(str()) }),
  spec: obj({
    tierKey: str({ minLength: 1, description: 'Label or annotation naming a workload\'s risk tier.', default: 'tollgate.dev/tier' }),
    environmentKey: str({ minLength: 1, description: 'Label or annotation naming a workload\'s environment explicitly.', default: 'tollgate.dev/environment' }),
    defaultTier: int({ minimum: 0, description: 'Tier of workloads without a tier label.', default: 1 }),
    defaultEnvironment: str({ minLength: 1, description: 'Environment of workloads no environment matches.', default: 'prod' }),
    tiers: arr(obj({
      id: int({ minimum: 0, description: 'Tier number (0 low risk … 2 regulated).' }),
      name: str({ minLength: 1 }),
      description: str(),
      settings: settingsSchema,
      gate: gateSchema,
    }, { required: ['id'] }), { description: 'Risk tiers; merged by id onto the defaults (0 internal, 1 customer-facing, 2 regulated).' }),
    environments: arr(obj({
      name: str({ minLength: 1 }),
      production: bool({ description: 'Rules use production severities here.', default: false }),
      namespaces: arr(str({ minLength: 1 }), { single: true, description: 'Namespace globs (`*`, `?`).' }),
      labels: map(str(), { description: 'Labels that place a workload here (all must match).' }),
      settings: settingsSchema,
    }, { required: ['name'] }), { description: 'Environments, matched in order; replaces the default list when given.' }),
    settings: settingsSchema,
    rules: arr(obj({
      rule: union([str({ pattern: RULE_ID_PATTERN, patternName: 'a rule id or glob' }), arr(str({ pattern: RULE_ID_PATTERN, patternName: 'a rule id or glob' }))], { description: 'Rule id or glob (`TG-IMG-*`), or a list of them.' }),
      severity: LEVEL,
      tiers: arr(int({ minimum: 0 }), { single: true, description: 'Only for these tiers.' }),
      environments: arr(str({ minLength: 1 }), { single: true, description: 'Only in these environments.' }),
      kinds: arr(str({ minLength: 1 }), { single: true, description: 'Only for these kinds.' }),
    }, { required: ['rule', 'severity'] }), { description: 'Severity overrides, applied in order (later entries win).' }),
    tests: arr(testSchema, { description: 'Policy unit tests: a manifest and the rule ids expected to fire or not.' }),
  }),
}, { required: ['apiVersion', 'kind', 'spec'] });
