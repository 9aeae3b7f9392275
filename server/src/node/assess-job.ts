/**
 * The language server's gate preview job (`tollgate.evalGate.preview`): the
 * whole run-dependent part of an EvalGate check — read both runs, check the
 * pair and the power, gate — done on a worker thread, so checking the file on
 * the server's main thread stays a matter of milliseconds however large the
 * runs are (reading and aligning 200,000 items alone takes seconds).
 *
 * Runs are read exactly as `tollgate check` reads them (text formats; an
 * editor's unsaved text wins), so the editor and CI agree on every finding.
 */
import { assessEvalGate, type EvalGateAssessment, type EvaluateOptions } from '../core/evalconfig/evaluate-eval-gate';
import type { EvalGatePlan } from '../core/evalconfig/plan-eval-gate';
import { readRun } from '../core/runs/read-run';
import { readTextFile } from './read-run-file';

export interface AssessJob {
  readonly plan: EvalGatePlan;
  readonly opts: EvaluateOptions;
  /** Editors' unsaved texts of run files, by path: they win over the files, as everywhere in the editor. */
  readonly texts: Readonly<Record<string, string>>;
}

export function runAssessJob(job: AssessJob): EvalGateAssessment {
  return assessEvalGate(job.plan, (path, read) => readRun(job.texts[path] ?? readTextFile(path), path, read), job.opts);
}
