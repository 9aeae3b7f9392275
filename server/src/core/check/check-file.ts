/**
 * One entry point for every adapter (language server, CLI, tests): given a
 * file's path and text and the workspace context, return its kind and its
 * findings. The language server calls it on every (debounced) change; the
 * CLI calls it for each file it walks; both therefore agree by construction.
 */
import { DataError } from '../errors';
import { assessEvalGate, pendingEvalGate, presentEvalGate, type AssessEvalGate, type EvalGateResult, type LoadRun } from '../evalconfig/evaluate-eval-gate';
import { planEvalGate } from '../evalconfig/plan-eval-gate';
import type { Finding } from '../findings';
import { sortFindings } from '../findings';
import { checkManifest } from '../manifest/check-manifest';
import type { WorkspaceIndex } from '../manifest/workspace-index';
import { composePolicy } from '../policy/compose-policy';
import type { Policy } from '../policy/model';
import { policyTestFindings, runPolicyTests, type PolicyTestResult, type ReadTestFile } from '../policy/run-policy-tests';
import { readRun } from '../runs/read-run';
import type { YamlFile } from '../yaml/yaml-file';
import { classify, type FileKind } from './classify';
import { RUN_RULES } from './run-file-rules';

export interface CheckContext {
  /** The policy in force (composed from the workspace's policy files onto the default). */
  readonly policy: Policy;
  /** Findings of the workspace's policy files from the same composition (by path). */
  readonly policyFindings?: ReadonlyMap<string, readonly Finding[]>;
  /** All manifest objects of the workspace (cross-file references). */
  readonly workspace?: WorkspaceIndex;
  /** Reads run files for EvalGate files, which are then assessed inline; without it (or `assessEvalGate`) EvalGate files get schema checks only. */
  readonly loadRun?: LoadRun;
  /**
   * Assesses EvalGate plans instead of `loadRun` (the language server: on a
   * worker, cached); 'pending' leaves the run findings and the verdict out
   * until the adapter re-checks with the answer in.
   */
  readonly assessEvalGate?: AssessEvalGate;
  /** Reads manifests referenced by policy tests (`file:`). */
  readonly readFile?: ReadTestFile;
  /** Run the statistical gate of EvalGate files (default true; the server may defer it). */
  readonly runGate?: boolean;
  /** A parse of this file's text the caller already made (the server indexes it too): not parsed twice. */
  readonly parsed?: YamlFile;
}

export interface FileCheck {
  readonly kind: FileKind;
  readonly findings: readonly Finding[];
  /** Policy files: the results of their tests (code lenses). */
  readonly policyTests?: readonly PolicyTestResult[];
  /** EvalGate files: the gate result (code lens, verdict view). */
  readonly gate?: EvalGateResult;
}

/** Check one file of any kind; never throws for bad input (it becomes findings). */
export function checkFile(path: string, text: string, ctx: CheckContext): FileCheck {
  const kind = classify(path, text);
  switch (kind) {
    case 'manifest':
      return { kind, findings: checkManifest(path, text, { policy: ctx.policy, ...(ctx.workspace ? { workspace: ctx.workspace } : {}), ...(ctx.parsed ? { parsed: ctx.parsed } : {}) }).findings };
    case 'policy':
      return checkPolicyFile(path, text, ctx);
    case 'evalconfig':
      return checkEvalConfig(path, text, ctx);
    case 'run':
      return { kind, findings: checkRunFile(path, text) };
    case 'other':
      return { kind, findings: [] };
  }
}

function checkPolicyFile(path: string, text: string, ctx: CheckContext): FileCheck {
  const known = ctx.policy.sources.includes(path) ? ctx.policyFindings?.get(path) : undefined;
  // A policy file outside the composition in force (CLI with --policy, a new file) is composed onto it.
  const composed = known ? { policy: ctx.policy, findings: [...known] } : composeOne(path, text, ctx.policy);
  const results = runPolicyTests(composed.policy, ctx.readFile, path);
  const testFindings = policyTestFindings(results).get(path) ?? [];
  return { kind: 'policy', findings: sortFindings([...composed.findings, ...testFindings]), policyTests: results };
}

function composeOne(path: string, text: string, base: Policy): { policy: Policy; findings: Finding[] } {
  const c = composePolicy([{ path, text }], base);
  return { policy: { ...c.policy, sources: [...base.sources, ...c.policy.sources] }, findings: c.findings.get(path) ?? [] };
}

function checkEvalConfig(path: string, text: string, ctx: CheckContext): FileCheck {
  const planned = planEvalGate(path, text, ctx.policy);
  const plan = planned.plan;
  const loadRun = ctx.loadRun;
  const assess: AssessEvalGate | undefined = ctx.assessEvalGate ?? (loadRun ? (p, opts) => assessEvalGate(p, loadRun, opts) : undefined);
  if (!plan || !assess) return { kind: 'evalconfig', findings: planned.findings };
  const opts = { skipGate: ctx.runGate === false };
  const assessed = assess(plan, opts);
  const gate = assessed === 'pending' ? pendingEvalGate(plan, opts) : presentEvalGate(plan, assessed);
  return { kind: 'evalconfig', findings: sortFindings([...planned.findings, ...gate.findings]), gate };
}

function checkRunFile(path: string, text: string): Finding[] {
  try {
    readRun(text, path);
    return [];
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    const offset = e.position?.offset ?? 0;
    return [{ ruleId: RUN_RULES.invalid.id, severity: 'error', message: e.message, span: { start: offset, end: Math.min(text.length, offset + 1) } }];
  }
}
