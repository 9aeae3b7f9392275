/**
 * The language server's gate preview job (`tollgate.evalGate.preview`): the
 * whole run-dependent part of an EvalGate check — read both runs, check the
 * pair and the power, gate — done on a worker thread, so checking the file on
 * the server's main thread stays a matter of milliseconds however large the
 * runs are (reading and aligning 200,000 items alone takes seconds).
 */
import { assessEvalGate, evalGateRunPaths, readOptionsOf, type EvalGateAssessment, type EvaluateOptions } from '../core/evalconfig/evaluate-eval-gate';
import type { EvalGatePlan } from '../core/evalconfig/plan-eval-gate';
import { DataError } from '../core/errors';
import type { RunFrame } from '../core/runs/run-frame';
import { loadRunSide } from './gate-job';

export interface AssessJob {
  readonly plan: EvalGatePlan;
  readonly opts: EvaluateOptions;
  /** Editors' unsaved texts of run files, by path: they win over the files, as everywhere in the editor. */
  readonly texts: Readonly<Record<string, string>>;
}

export async function runAssessJob(job: AssessJob): Promise<EvalGateAssessment> {
  const read = readOptionsOf(job.plan);
  // Read up front, asynchronously (Parquet needs its codec); the core then asks for the runs synchronously.
  const loaded = new Map<string, RunFrame | DataError>();
  for (const path of Object.values(evalGateRunPaths(job.plan))) {
    if (loaded.has(path)) continue;
    const text = job.texts[path];
    try {
      loaded.set(path, await loadRunSide(text === undefined ? { path } : { path, text }, read));
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      loaded.set(path, e);
    }
  }
  return assessEvalGate(job.plan, (path) => {
    const r = loaded.get(path);
    if (r === undefined) throw new Error(`${path} was not read ahead`);
    if (r instanceof DataError) throw r;
    return r;
  }, job.opts);
}
