// Bundles the browser side of the webviews (client/webview/*.ts) into media/dist/, the only place a webview
// may load scripts from (its localResourceRoot is media/). Chart.js is bundled in: no remote loads.
//   node .ci/build-webviews.mjs        or    import { buildWebviews } from './build-webviews.mjs'
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildWebviews() {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { verdict: 'client/webview/verdict.ts', history: 'client/webview/history.ts' },
    outdir: 'media/dist',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'eof', // Chart.js (MIT) and @kurkle/color keep their notices,
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildWebviews();
