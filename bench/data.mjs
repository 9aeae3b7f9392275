// Deterministic inputs for the whole-process benchmarks, written once into
// bench/.data (gitignored). Files are compact RunFrame JSON, as harnesses write them.
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { mulberry32 as rng } from '../test/helpers/seeded-random.cjs';

export const DATA = join(import.meta.dirname, '.data');

async function writeRun(path, runId, n, item) {
  if (existsSync(path)) return;
  mkdirSync(DATA, { recursive: true });
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  out.write(`{"run_id": "${runId}", "model_id": "${runId}", "task_id": "bench", "metric_name": "score", "items": [`);
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += (i ? ', ' : '') + JSON.stringify(item(i));
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(`${chunk}]}\n`);
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}

const id = (i) => `item-${String(i).padStart(7, '0')}`;

/** 20,000 continuous pairs, candidate +0.01 on average. */
export async function continuous() {
  const n = 20_000;
  const r = rng(1);
  const base = Array.from({ length: n }, () => Math.round(r() * 1e4) / 1e4);
  const shift = Array.from({ length: n }, () => Math.round((r() - 0.49) * 0.2 * 1e4) / 1e4);
  const a = join(DATA, 'continuous-base.json');
  const b = join(DATA, 'continuous-cand.json');
  await writeRun(a, 'cont-base', n, (i) => ({ item_id: id(i), score: base[i] }));
  await writeRun(b, 'cont-cand', n, (i) => ({ item_id: id(i), score: Math.round((base[i] + shift[i]) * 1e4) / 1e4 }));
  return [a, b];
}

/** 100,000 pairs in 1,000 clusters of 100. */
export async function clustered() {
  const n = 100_000;
  const r = rng(2);
  const effect = Array.from({ length: 1000 }, () => (r() - 0.45) * 0.1);
  const base = Array.from({ length: n }, () => Math.round(r() * 1e4) / 1e4);
  const a = join(DATA, 'clustered-base.json');
  const b = join(DATA, 'clustered-cand.json');
  const cluster = (i) => `passage-${String(Math.floor(i / 100)).padStart(4, '0')}`;
  await writeRun(a, 'clus-base', n, (i) => ({ item_id: id(i), score: base[i], cluster_id: cluster(i) }));
  await writeRun(b, 'clus-cand', n, (i) => ({ item_id: id(i), score: Math.round((base[i] + effect[Math.floor(i / 100)] + (r() - 0.5) * 0.1) * 1e4) / 1e4, cluster_id: cluster(i) }));
  return [a, b];
}

/** 1,000,000 binary pairs. */
export async function binary() {
  const n = 1_000_000;
  const r = rng(3);
  const a = join(DATA, 'binary-base.json');
  const b = join(DATA, 'binary-cand.json');
  const base = new Uint8Array(n).map(() => (r() < 0.7 ? 1 : 0));
  await writeRun(a, 'bin-base', n, (i) => ({ item_id: id(i), score: base[i] }));
  await writeRun(b, 'bin-cand', n, (i) => ({ item_id: id(i), score: r() < 0.1 ? 1 - base[i] : base[i] }));
  return [a, b];
}
