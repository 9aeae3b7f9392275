/**
 * Builds store-worker.ts once (esbuild, into test/.tmp, parquet-wasm left
 * external so parquet-wasm finds its .wasm) and spawns it. Bundled, a worker
 * starts in a fraction of tsx's time, which matters for 50+ crash trials.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
let built: Promise<string> | undefined;

function workerScript(): Promise<string> {
  return (built ??= buildWorker());
}

async function buildWorker(): Promise<string> {
  const dir = join(ROOT, 'test', '.tmp', `store-worker-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  // Built once per test file and shared by its tests: removed when the process ends, not after one test.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  // As in .ci/build.mjs, the codec is a bundle of its own, loaded only by workers that write Parquet.
  const codecExternal: Plugin = { name: 'codec', setup: (b) => b.onResolve({ filter: /^\.\/parquet-codec\.js$/ }, () => ({ path: './parquet-codec.js', external: true })) };
  await build({
    entryPoints: { worker: join(__dirname, 'store-worker.ts'), 'parquet-codec': join(ROOT, 'server', 'src', 'node', 'parquet-codec.ts') },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['parquet-wasm'], outdir: dir, logLevel: 'error', plugins: [codecExternal],
  });
  return join(dir, 'worker.js');
}

export interface Worker {
  child: ChildProcess;
  /** Ids whose write returned, in order. */
  acked: string[];
  /** Resolves when the worker printed `ready` (codec loaded) or exited. */
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed) once the process is gone. */
  exited: Promise<number | null>;
  stderr(): string;
  /** Resolves once `n` writes were acknowledged (or the worker exited). */
  acks(n: number): Promise<void>;
}

export async function startWorker(root: string, project: string, prefix: string, count: number, items: number, codec: 'parquet' | 'json' = 'parquet'): Promise<Worker> {
  const child = spawn(process.execPath, [await workerScript(), root, project, prefix, String(count), String(items), codec], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: string[] = [];
  let err = '';
  let buffer = '';
  const waiters: { n: number; resolve: () => void }[] = [];
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const wake = (): void => {
    for (const w of waiters.filter((x) => acked.length >= x.n)) w.resolve();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') onReady();
      else if (line.startsWith('ok ')) acked.push(line.slice(3));
    }
    wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    onReady();
    for (const w of waiters) w.resolve();
    resolve(code);
  }));
  const acks = (n: number): Promise<void> => (acked.length >= n || child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })));
  return { child, acked, ready, exited, stderr: () => err, acks };
}
