/**
 * A writer process for the crash and concurrency tests:
 *   node worker.js ROOT PROJECT PREFIX COUNT ITEMS [CODEC]
 * writes COUNT runs `${PREFIX}-${k}` of ITEMS items each (contents derived
 * from the id, so the parent can check every stored run), printing
 * `ready` once the codec is loaded and `ok <id>` after each write returns.
 * CODEC is `parquet` (default) or `json` (see json-codec.ts).
 */
import { openRunStore } from '../../server/src/core/store';
import { lazyParquetCodec, loadParquetCodec } from '../../server/src/node/load-parquet-codec';
import { nodeFileSystem } from '../../server/src/node/node-file-system';
import { expectedRun } from './expected-run';
import { jsonCodec } from './json-codec';

async function main(): Promise<void> {
  const [root, project, prefix, count, items, codecName = 'parquet'] = process.argv.slice(2);
  const codec = codecName === 'json' ? jsonCodec : lazyParquetCodec;
  const store = openRunStore({ fs: nodeFileSystem({ timeoutMs: 20_000 }), codec, clock: { now: () => new Date() } }, root);
  if (codec === lazyParquetCodec) await loadParquetCodec();
  process.stdout.write('ready\n');
  for (let k = 0; k < Number(count); k++) {
    const run = expectedRun(`${prefix}-${k}`, Number(items));
    await store.writeRun(project, run);
    process.stdout.write(`ok ${run.runId}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
