/** Runs the built CLI (server/out/cli.js) as a real process, the way users and CI run it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'server', 'out', 'cli.js');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function tollgate(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\` first (npm test does)`);
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    timeout: 60_000,
  });
  if (res.error) throw res.error;
  return { status: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}
