// Bundles every entry point with esbuild. Type checking is separate (npm run typecheck).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
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
