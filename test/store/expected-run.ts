/** The run a test writer stores under `runId`: derived from the id alone, so a reader can check it. */
import { ItemTableBuilder, type RunFrame } from '../../server/src/core/runs/run-frame';

export function expectedRun(runId: string, items: number): RunFrame {
  let h = 2166136261;
  for (let i = 0; i < runId.length; i++) h = Math.imul(h ^ runId.charCodeAt(i), 16777619) >>> 0;
  const b = new ItemTableBuilder();
  for (let i = 0; i < items; i++) b.push(`q${i}`, ((h >>> i % 32) & 1) === 1 ? 1 : 0, i % 3 === 0 ? null : `c${i % 5}`);
  return { runId, modelId: `m-${h % 7}`, taskId: 'crash', metricName: 'accuracy', configHash: h.toString(16), items: b.build() };
}
