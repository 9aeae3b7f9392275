/** Shared fixtures for the store tests: temporary stores and small runs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { ItemTableBuilder, type RunFrame } from '../../../server/src/core/runs/run-frame';
import { openRunStore, type RunStore } from '../../../server/src/core/store';
import { JsonNumber, JsonObject, type JsonValue } from '../../../server/src/core/text/json-value';
import { lazyParquetCodec } from '../../../server/src/node/load-parquet-codec';
import { nodeFileSystem } from '../../../server/src/node/node-file-system';

/** A fresh directory, removed when the test file ends. */
export function tempDir(prefix = 'tollgate-store-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A store in a fresh directory whose clock returns `now` (fixed, for goldens). */
export function tempStore(now = new Date('2026-05-17T10:11:12.123Z')): { root: string; store: RunStore } {
  const root = tempDir();
  return { root, store: openRunStore({ fs: nodeFileSystem(), codec: lazyParquetCodec, clock: { now: () => now } }, root) };
}

export interface ItemSpec {
  id: string;
  score: number;
  cluster?: string | null;
  epoch?: number;
  metadata?: JsonValue;
}

export function frame(runId: string, items: readonly ItemSpec[], extra: Partial<Omit<RunFrame, 'items'>> = {}): RunFrame {
  const b = new ItemTableBuilder();
  for (const it of items) b.push(it.id, it.score, it.cluster ?? null, it.epoch ?? 0, it.metadata);
  return { runId, modelId: 'model-a', taskId: 'task-x', metricName: 'accuracy', configHash: '', ...extra, items: b.build() };
}

/** `n` items `item-0000000`…, binary scores, clusters c0…c49 on every item. */
export function bigFrame(runId: string, n: number): RunFrame {
  const b = new ItemTableBuilder();
  for (let i = 0; i < n; i++) b.push(`item-${String(i).padStart(7, '0')}`, (i * 7919) % 3 === 0 ? 1 : 0, `c${i % 50}`);
  return { runId, modelId: 'model-a', taskId: 'task-x', metricName: 'accuracy', configHash: 'abc123', items: b.build() };
}

/** A metadata object `{"k": n}` as the JSON reader would produce it. */
export function meta(entries: Record<string, string | number>): JsonObject {
  const o = new JsonObject(0);
  for (const [k, v] of Object.entries(entries)) o.set(k, typeof v === 'number' ? new JsonNumber(String(v), v, Number.isInteger(v)) : v);
  return o;
}

/** A RunFrame as plain data, for deepEqual (typed arrays and maps flattened). */
export function plain(f: RunFrame): unknown {
  const it = f.items;
  return {
    runId: f.runId,
    modelId: f.modelId,
    taskId: f.taskId,
    metricName: f.metricName,
    configHash: f.configHash,
    itemIds: it.itemIds,
    scores: [...it.scores],
    epochs: [...it.epochs],
    clusters: Array.from({ length: it.length }, (_, i) => it.clusterIds[i] ?? null),
    metadata: [...it.metadata].map(([k, v]) => [k, JSON.stringify(toPlainJson(v))]),
  };
}

function toPlainJson(v: JsonValue): unknown {
  if (v instanceof JsonNumber) return v.raw;
  if (Array.isArray(v)) return v.map(toPlainJson);
  if (v instanceof JsonObject) return Object.fromEntries([...v].map(([k, x]) => [k, toPlainJson(x)]));
  return v;
}
