/**
 * The shape of a manifest rule. One rule per file under rules/<family>/;
 * registry.ts lists them. A rule reads the document through cursors, the
 * workspace through the index and its parameters from the resolved policy,
 * and reports problems; it never decides severity (the policy does) and
 * never formats for an adapter.
 */
import type { Fix, Level, Span } from '../../findings';
import type { PolicySettings } from '../../policy/model';
import type { Cursor } from '../../yaml/cursor';
import type { ManifestDoc } from '../manifest-doc';
import type { WorkspaceIndex } from '../workspace-index';

/** Default levels in a production environment for tiers 0, 1 and 2. */
export type TierLevels = readonly [Level, Level, Level];

export interface RuleDocs {
  /** Stable id, e.g. `TG-IMG-001`. Never reused, never renamed. */
  readonly id: string;
  /** Short title for hovers and the README table. */
  readonly title: string;
  /** What it checks, one or two sentences (README, hover). */
  readonly description: string;
  /** A minimal YAML fragment that fires the rule. */
  readonly example: string;
  /** How to fix it, one sentence. */
  readonly fix: string;
  /** Where the rule comes from (e.g. argo-rollouts `validation.go`), for parity rules. */
  readonly source?: string;
}

export interface ManifestRule extends RuleDocs {
  /** Kinds the rule runs on (`Rollout` means Argo's Rollout only). */
  readonly kinds: readonly string[];
  /** Production defaults per tier. */
  readonly levels: TierLevels;
  /** Non-production defaults per tier; omitted = one step milder than production. */
  readonly nonProdLevels?: TierLevels;
  check(ctx: RuleContext): void;
}

export interface Report {
  /** Where: a cursor (its key span is used when `onKey`) or an explicit span. */
  readonly at: Cursor | Span;
  readonly onKey?: boolean;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

export interface RuleContext {
  readonly doc: ManifestDoc;
  readonly workspace: WorkspaceIndex;
  /** Settings of the policy for this workload's tier and environment. */
  readonly settings: PolicySettings;
  readonly tier: number;
  /** Whether `tier` came from the workload (false: the policy's default tier applied). */
  readonly tierDeclared: boolean;
  readonly environment: string;
  readonly production: boolean;
  /** The label/annotation key the policy reads the tier from (default `tollgate.dev/tier`). */
  readonly tierKey: string;
  /** Ids of the tiers the policy declares (TG-TIER-002). */
  readonly knownTiers: readonly number[];
  report(report: Report): void;
}
