/**
 * The release policy in force, after parsing and composing every
 * `kind: ReleasePolicy` file of the workspace onto the built-in default
 * (see default-policy.ts). Checkers receive the *resolved* view for one
 * workload (its tier, environment, settings and rule levels), never raw YAML.
 */
import type { Level } from '../findings';

export type Pinning = 'any' | 'tag' | 'digest';

/** Parameters the built-in rules read. Every field has a default; tiers and environments may override parts. */
export interface PolicySettings {
  readonly changeTicket: {
    /** Workload annotation holding the ticket id. */
    readonly annotation: string;
    /** Regular expression (JavaScript syntax, anchored by the author) the id must match. */
    readonly pattern: string;
    /** Link template for ticket ids, `{id}` replaced (document links, hovers). */
    readonly url?: string;
    /**
     * Environments where no ticket is required even for tier 2 (TG-TKT-001):
     * the seed model wants tickets "everywhere above dev". Default `['dev']`.
     */
    readonly exemptEnvironments?: readonly string[];
  };
  readonly images: {
    readonly pinning: Pinning;
    /** Allowed registries/prefixes (`ghcr.io/acme/`, `registry.example.com`); empty = any. */
    readonly allowedRegistries: readonly string[];
  };
  readonly canary: {
    /** Highest weight (percent) allowed on the first `setWeight` step: the blast radius. */
    readonly maxFirstWeight: number;
    /** A pause or analysis must separate two weight increases. */
    readonly requireVerification: boolean;
    /** Longest finite pause (seconds) before TG-CAN-008 warns. */
    readonly maxPauseSeconds: number;
  };
  /** Label every workload must carry to name its owning team. */
  readonly ownerLabel: string;
  readonly analysis: {
    /** Referenced AnalysisTemplates must be defined in the workspace (TG-ANL-001 becomes an error). */
    readonly requireInWorkspace: boolean;
  };
  readonly approvals: {
    readonly approvedByAnnotation: string;
    readonly authorAnnotation: string;
  };
}

/** Gate thresholds an `EvalGate` file inherits from its tier. */
export interface GateThresholds {
  readonly minDelta?: number;
  readonly alpha?: number;
  readonly power?: number;
  readonly twoSided?: boolean;
  readonly method?: string;
}

/** Deep-partial settings, as written in a policy file. */
export type SettingsPatch = { readonly [K in keyof PolicySettings]?: Partial<PolicySettings[K]> };

export interface TierDefinition {
  readonly id: number;
  readonly name: string;
  readonly description?: string;
  readonly settings?: SettingsPatch;
  readonly gate?: GateThresholds;
}

export interface EnvironmentDefinition {
  readonly name: string;
  /** Namespace globs (`*` any run of characters, `?` one). */
  readonly namespaces: readonly string[];
  /** Labels that, all present with these values, put a workload in this environment. */
  readonly labels: Readonly<Record<string, string>>;
  /** Production-like: rules use their production severities here (otherwise one step milder). */
  readonly production: boolean;
  readonly settings?: SettingsPatch;
}

/** One severity override: later entries win. Empty selectors match everything. */
export interface RuleOverride {
  /** Rule id or glob (`TG-IMG-*`). */
  readonly rule: string;
  readonly level: Level;
  readonly tiers?: readonly number[];
  readonly environments?: readonly string[];
  readonly kinds?: readonly string[];
  /** Where the override was written, for "unknown rule" findings and hovers. */
  readonly origin?: string;
}

export interface PolicyTest {
  readonly name: string;
  /** Manifest text (inline or loaded from `file`). */
  readonly manifest: string;
  readonly file?: string;
  readonly expectFire: readonly string[];
  readonly expectNotFire: readonly string[];
  /** Where the test is declared in its policy file (failures are reported there). */
  readonly origin?: { readonly uri: string; readonly start: number; readonly end: number };
}

export interface Policy {
  readonly name: string;
  readonly tierKey: string;
  readonly environmentKey: string;
  readonly defaultTier: number;
  /** Environment of workloads no environment matches. */
  readonly defaultEnvironment: string;
  readonly tiers: readonly TierDefinition[];
  readonly environments: readonly EnvironmentDefinition[];
  readonly settings: PolicySettings;
  readonly overrides: readonly RuleOverride[];
  readonly tests: readonly PolicyTest[];
  /** Files the policy was composed from (empty: the built-in default alone). */
  readonly sources: readonly string[];
}
