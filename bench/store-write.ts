// Driver for the run-store benchmark (bench/store.mjs bundles and spawns it):
//   node store-write.js STORE_ROOT RUN_JSON
// Reads a RunFrame JSON file, then writes it to a fresh store project and
// prints {"items": n, "writeMs": …, "warmMs": …}: the time of writeRun alone,
// cold (it includes loading the Parquet codec, as the first write of a CLI run
// does), then of a second write of the same run under another id.
import { readFileSync } from 'node:fs';
import { readRunFrameJson } from '../server/src/core/runs/read-run-frame';
import { openRunStore } from '../server/src/core/store';
import { lazyParquetCodec } from '../server/src/node/load-parquet-codec';
import { nodeFileSystem } from '../server/src/node/node-file-system';

async function main(): Promise<void> {
  const [root, runFile] = process.argv.slice(2);
  const run = readRunFrameJson(readFileSync(runFile, 'utf8'));
  const store = openRunStore({ fs: nodeFileSystem(), codec: lazyParquetCodec, clock: { now: () => new Date() } }, root);
  const t0 = performance.now();
  await store.writeRun('bench', run);
  const writeMs = performance.now() - t0;
  const t1 = performance.now();
  await store.writeRun('bench', { ...run, runId: `${run.runId}-again` });
  const warmMs = performance.now() - t1;
  process.stdout.write(`${JSON.stringify({ items: run.items.length, writeMs, warmMs })}\n`);
}

void main();
