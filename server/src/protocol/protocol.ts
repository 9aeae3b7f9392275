/**
 * Tollgate's custom LSP methods (`tollgate/…`), shared by the server and the
 * VS Code client (imported by relative path). Any LSP client may call them;
 * the README documents each one.
 */
import { RequestType, type Range } from 'vscode-languageserver-protocol';

export type FindingSeverity = 'error' | 'warning' | 'info';
export type TollgateFileKind = 'policy' | 'evalconfig' | 'manifest' | 'run' | 'other';

export interface WorkspaceFinding {
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  /** 0-based LSP range. */
  readonly range: Range;
}

export interface CheckWorkspaceParams {
  /** Only these documents (default: every file the server knows, open or on disk). */
  readonly uris?: readonly string[];
}

export interface CheckedFile {
  readonly uri: string;
  readonly kind: TollgateFileKind;
  readonly findings: readonly WorkspaceFinding[];
}

export interface CheckWorkspaceResult {
  /** Files with their findings (files of kind `other` are left out). */
  readonly files: readonly CheckedFile[];
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/**
 * Client → server: check the whole workspace (open buffers and files on disk)
 * with the policy in force and return every finding, e.g. for a "Problems in
 * workspace" view or a pre-commit command. Does not publish diagnostics.
 */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>('tollgate/checkWorkspace');

export interface PolicySummary {
  readonly name: string;
  /** Files the policy was composed from (empty: the built-in default). */
  readonly sources: readonly string[];
  readonly tiers: readonly { readonly id: number; readonly name: string; readonly description?: string }[];
  readonly environments: readonly { readonly name: string; readonly production: boolean }[];
  readonly defaultTier: number;
  readonly defaultEnvironment: string;
}

/** Client → server: the policy in force (for a status item: "policy: acme (2 files)"). */
export const GetPolicyRequest = new RequestType<Record<string, never>, PolicySummary, void>('tollgate/getPolicy');
