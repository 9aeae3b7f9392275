/**
 * Entry point of the gate worker thread (bundled as server/out/gate-worker.js):
 * runs one task from workerData — a gate (tollgate/runGate, captureAudit) or
 * a gate preview's assessment — and posts back one message, the result or
 * the error. Started and, when cancelled, terminated by gate-in-worker.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runAssessJob } from './assess-job';
import { type GateJobResult, runGateJob, sendError, type WorkerMessage } from './gate-job';
import type { WorkerTask } from './worker-task';

async function main(port: NonNullable<typeof parentPort>): Promise<void> {
  const task = workerData as WorkerTask;
  let message: WorkerMessage<unknown>;
  let transfer: ArrayBuffer[] = [];
  try {
    if (task.kind === 'gate') {
      const result = await runGateJob(task.job);
      transfer = transferable(result);
      message = { ok: true, result };
    } else {
      message = { ok: true, result: runAssessJob(task.job) };
    }
  } catch (e) {
    message = { ok: false, error: sendError(e) };
  }
  port.postMessage(message, transfer);
}

/** The runs' score and epoch columns move to the main thread instead of being copied. */
function transferable(r: GateJobResult): ArrayBuffer[] {
  if (!r.frames) return [];
  return [r.frames.baseline, r.frames.candidate].flatMap((f) => [f.items.scores.buffer as ArrayBuffer, f.items.epochs.buffer as ArrayBuffer]);
}

if (parentPort) void main(parentPort);
