// Bundles every entry point with esbuild. Type checking is separate (npm run typecheck).
import { build } from 'esbuild';
import { chmodSync, copyFileSync } from 'node:fs';

// The Parquet codec (apache-arrow + 5 MB of WebAssembly) is a bundle of its own, required on first use by
// server/src/node/load-parquet-codec.ts: every bundle keeps `import('./parquet-codec.js')` as a run-time import.
const parquetCodecExternal = {
  name: 'parquet-codec-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/parquet-codec\.js$/ }, () => ({ path: './parquet-codec.js', external: true }));
  },
};

const common = {
  plugins: [parquetCodecExternal],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await build({
  ...common,
  entryPoints: { cli: 'server/src/cli/main.ts' },
  outdir: 'server/out',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('server/out/cli.js', 0o755);

// The language server (VS Code starts it over IPC; `tollgate lsp --stdio` requires it at run time).
await build({ ...common, entryPoints: { server: 'server/src/lsp/server.ts' }, outdir: 'server/out' });
// The gate worker thread the server starts for tollgate/runGate and captureAudit (server/src/node/gate-in-worker.ts).
await build({ ...common, entryPoints: { 'gate-worker': 'server/src/node/gate-worker.ts' }, outdir: 'server/out' });

await build({ ...common, entryPoints: { 'parquet-codec': 'server/src/node/parquet-codec.ts' }, outdir: 'server/out' });
// parquet-wasm's Node build reads its .wasm from its own directory, i.e. next to the bundle.
copyFileSync('node_modules/parquet-wasm/node/parquet_wasm_bg.wasm', 'server/out/parquet_wasm_bg.wasm');

// The VS Code extension (client side); `vscode` is provided by the editor at run time.
// Minified: the language client is most of it, and activation time is parse time.
// The banner stamps the start of evaluation for the activation time the extension reports.
await build({
  ...common,
  plugins: [],
  minify: true,
  entryPoints: { extension: 'client/src/extension.ts' },
  outdir: 'client/out',
  external: ['vscode'],
  banner: { js: 'globalThis.__tollgateBundleStart = performance.now();' },
});

// The webviews' browser bundles (media/dist), built by their own script.
const { buildWebviews } = await import('./build-webviews.mjs');
await buildWebviews();
