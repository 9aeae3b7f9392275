/**
 * Entry point of the gate worker thread (bundled as server/out/gate-worker.js):
 * runs one GateJob from workerData and posts back one message, the result or
 * the error. Started and, when cancelled, terminated by gate-in-worker.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type GateJob, type GateJobResult, runGateJob, sendError, type WorkerMessage } from './gate-job';

async function main(port: NonNullable<typeof parentPort>): Promise<void> {
  let message: WorkerMessage;
  try {
    message = { ok: true, result: await runGateJob(workerData as GateJob) };
  } catch (e) {
    message = { ok: false, error: sendError(e) };
  }
  port.postMessage(message, message.ok ? transferable(message.result) : []);
}

/** The runs' score and epoch columns move to the main thread instead of being copied. */
function transferable(r: GateJobResult): ArrayBuffer[] {
  if (!r.frames) return [];
  return [r.frames.baseline, r.frames.candidate].flatMap((f) => [f.items.scores.buffer as ArrayBuffer, f.items.epochs.buffer as ArrayBuffer]);
}

if (parentPort) void main(parentPort);
