/**
 * The policy that applies when a workspace has no `ReleasePolicy` file, and
 * the base every policy file is composed onto. It encodes the seed risk model:
 * tier 0 internal (fast path), tier 1 customer-facing (progressive delivery
 * with verification), tier 2 regulated (digests, tickets, small first steps,
 * separation of duties). Unknown namespaces count as production: for an
 * audit tool a false alarm is cheaper than a silent miss, and one
 * `environments:` entry in a policy file changes it.
 */
import type { Policy, PolicySettings } from './model';

export const DEFAULT_SETTINGS: PolicySettings = {
  changeTicket: { annotation: 'change.ticket/id', pattern: '^CHG-[0-9]+$', exemptEnvironments: ['dev'] },
  images: { pinning: 'tag', allowedRegistries: [] },
  canary: { maxFirstWeight: 5, requireVerification: true, maxPauseSeconds: 86_400 },
  ownerLabel: 'app.kubernetes.io/owner',
  analysis: { requireInWorkspace: false },
  approvals: { approvedByAnnotation: 'tollgate.dev/approved-by', authorAnnotation: 'tollgate.dev/author' },
};

export const DEFAULT_POLICY: Policy = {
  name: 'tollgate-default',
  tierKey: 'tollgate.dev/tier',
  environmentKey: 'tollgate.dev/environment',
  defaultTier: 1,
  defaultEnvironment: 'prod',
  tiers: [
    { id: 0, name: 'internal', description: 'internal / low risk: fast path', settings: { canary: { maxFirstWeight: 25, requireVerification: false } }, gate: { minDelta: 0.02, alpha: 0.05, power: 0.8 } },
    { id: 1, name: 'customer-facing', description: 'progressive delivery with verification between steps', gate: { minDelta: 0.01, alpha: 0.05, power: 0.8 } },
    { id: 2, name: 'regulated', description: 'digests, tickets everywhere above dev, separation of duties, evidence', settings: { images: { pinning: 'digest' } }, gate: { minDelta: 0.01, alpha: 0.01, power: 0.9 } },
  ],
  environments: [
    { name: 'dev', namespaces: ['dev', 'dev-*', '*-dev', 'development', 'sandbox*', 'test', 'test-*', '*-test'], labels: {}, production: false },
    { name: 'staging', namespaces: ['staging', 'staging-*', '*-staging', 'stage', 'stage-*', '*-stage', 'qa', 'qa-*', 'preprod*'], labels: {}, production: false },
    { name: 'prod', namespaces: ['prod', 'prod-*', '*-prod', 'production', '*-production'], labels: {}, production: true },
  ],
  settings: DEFAULT_SETTINGS,
  overrides: [],
  tests: [],
  sources: [],
};
