/**
 * Runs a gate (reading both runs included) on a worker thread, so the
 * language server keeps answering while a large resampling gate computes,
 * and so cancelling it actually stops the work: the worker is terminated
 * mid-computation, which a cooperative check inside the statistics could not
 * do without slowing every resample loop. The gate preview's assessments
 * (assess-job.ts) run the same way.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EvalGateAssessment } from '../core/evalconfig/evaluate-eval-gate';
import type { AssessJob } from './assess-job';
import { type Cancellation, CancelledError, throwIfCancelled } from './cancellation';
import { type GateJob, type GateJobResult, receiveError, receiveRun, type WorkerMessage } from './gate-job';
import type { WorkerTask } from './worker-task';

// Its own bundle next to the calling one (server/out/gate-worker.js, .ci/build.mjs): only the built server runs gates in workers.
const WORKER_FILE = join(__dirname, 'gate-worker.js');

/** The job's result; rejects with CancelledError when `token` is cancelled first, else with the worker's error. */
export function gateInWorker(job: GateJob, token?: Cancellation): Promise<GateJobResult> {
  return inWorker({ kind: 'gate', job }, token, (r) => received(r as GateJobResult));
}

/** A gate preview's assessment (plain data: nothing to revive); rejects like gateInWorker. */
export function assessInWorker(job: AssessJob, token?: Cancellation): Promise<EvalGateAssessment> {
  return inWorker({ kind: 'assess', job }, token, (r) => r as EvalGateAssessment);
}

function inWorker<R>(task: WorkerTask, token: Cancellation | undefined, receive: (result: unknown) => R): Promise<R> {
  throwIfCancelled(token);
  return new Promise((resolve, reject) => {
    // stdout: true keeps the worker off the parent's stdout, which may be the LSP stream; its output goes to stderr.
    const worker = new Worker(WORKER_FILE, { workerData: task, stdout: true });
    worker.stdout.pipe(process.stderr);
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      subscription?.dispose();
      void worker.terminate();
      fn();
    };
    // Not cancelled yet (checked above), so the listener cannot run before `subscription` is set.
    const subscription = token?.onCancellationRequested(() => settle(() => reject(new CancelledError())));
    worker.once('message', (m: WorkerMessage<unknown>) => settle(() => (m.ok ? resolve(receive(m.result)) : reject(receiveError(m.error)))));
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the gate worker exited (code ${code}) without an answer`))));
  });
}

function received(r: GateJobResult): GateJobResult {
  return r.frames ? { ...r, frames: { baseline: receiveRun(r.frames.baseline), candidate: receiveRun(r.frames.candidate) } } : r;
}
