// The example workspace as the e2e tests, the main job and the editor bench use it.
// Tests never touch examples/ itself: they gate, capture evidence and apply quick fixes in a
// temp copy that keeps the EvalGate files' `../../runs/...` references intact.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(REPO, 'server', 'out', 'cli.js');
export const EXAMPLES = join(REPO, 'examples');
/** Extra files for the e2e tests (the XSS run pair), laid out like examples/ and copied over it. */
export const E2E_FIXTURES = join(REPO, 'test', 'fixtures', 'e2e-workspace');

/**
 * Copy examples/workspace and examples/runs (side by side, as in the repo) to a temp dir,
 * plus test/fixtures/e2e-workspace when `fixtures` is set. Returns the workspace folder.
 */
export function copyExampleWorkspace({ fixtures = true } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'tollgate-e2e-ws-'));
  for (const part of ['workspace', 'runs']) {
    cpSync(join(EXAMPLES, part), join(root, part), { recursive: true, filter: (src) => !src.includes(`${join('workspace', '.tollgate')}`) });
  }
  if (fixtures && existsSync(E2E_FIXTURES)) cpSync(E2E_FIXTURES, root, { recursive: true });
  return { root, workspace: join(root, 'workspace'), cleanup: () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }) };
}

/** The EvalGate files of `workspace/evals`, parsed: name, absolute run paths and gate options. */
export function evalGates(workspace) {
  const dir = join(workspace, 'evals');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.evalgate\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const doc = parse(readFileSync(file, 'utf8'));
      const s = doc?.spec ?? {};
      return {
        file,
        name: doc?.metadata?.name ?? f.replace(/\.evalgate\.ya?ml$/, ''),
        baseline: resolve(dir, String(s.baseline)),
        candidate: resolve(dir, String(s.candidate)),
        minDelta: s.minDelta ?? 0,
        cluster: s.cluster,
        method: s.method,
      };
    });
}

/**
 * Record audit evidence for every EvalGate of the workspace with the built CLI (`tollgate audit
 * capture`), so the history view has runs to list. Returns what it captured.
 */
export function seedHistory(workspace, { evidenceRoot = join(workspace, '.tollgate', 'evidence'), project = 'examples', approvedBy = 'release-bot@example.com' } = {}) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const captured = [];
  evalGates(workspace).forEach((g, i) => {
    const args = [CLI, 'audit', 'capture', '--baseline', g.baseline, '--candidate', g.candidate, '--min-delta', String(g.minDelta),
      '--project', project, '--root', evidenceRoot, '--release-id', `${g.name}-r${i + 1}`, '--change-ticket', `CHG-${10500 + i}`,
      '--approved-by', approvedBy, '--output', 'json'];
    if (g.cluster) args.push('--cluster', String(g.cluster));
    if (g.method) args.push('--method', String(g.method));
    // cwd = the workspace, so the envelope records input paths relative to it.
    const r = spawnSync(process.execPath, args, { cwd: workspace, encoding: 'utf8', timeout: 120_000 });
    // Exit code = verdict: 0 ALLOW, 1 REJECT, 2 INCONCLUSIVE; anything else is a failure.
    if (r.status === null || r.status > 2) throw new Error(`audit capture of ${g.file} failed (${r.status ?? r.signal}):\n${r.stderr}`);
    captured.push({ name: g.name, verdict: JSON.parse(r.stdout).verdict, project });
  });
  return captured;
}
