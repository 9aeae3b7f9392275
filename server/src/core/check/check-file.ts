/**
 * One entry point for every adapter (language server, CLI, tests): given a
 * file's path and text and the workspace context, return its kind and its
 * findings. The language server calls it on every (debounced) change; the
 * CLI calls it for each file it walks; both therefore agree by construction.
 */
import type { Finding } from '../findings';
import { checkManifest } from '../manifest/check-manifest';
import type { WorkspaceIndex } from '../manifest/workspace-index';
import type { Policy } from '../policy/model';
import { classify, type FileKind } from './classify';

export interface CheckContext {
  /** The policy in force (composed from the workspace's policy files onto the default). */
  readonly policy: Policy;
  /** All manifest objects of the workspace (cross-file references). */
  readonly workspace?: WorkspaceIndex;
}

export interface FileCheck {
  readonly kind: FileKind;
  readonly findings: readonly Finding[];
}

/** Check one file of any kind; never throws for bad input (it becomes findings). */
export function checkFile(path: string, text: string, ctx: CheckContext): FileCheck {
  const kind = classify(path, text);
  switch (kind) {
    case 'manifest':
      return { kind, findings: checkManifest(path, text, { policy: ctx.policy, ...(ctx.workspace ? { workspace: ctx.workspace } : {}) }).findings };
    default:
      // Policy, eval-config and run files get their checkers in check-policy / check-eval-config / check-run.
      return { kind, findings: [] };
  }
}
