#!/usr/bin/env node
// The main job: Tollgate in a real VS Code (code-server 4.100.3, VS Code 1.100.3) on examples/workspace.
//
//   npm run build && .ci/e2e/setup.sh && npm run start      → prints the URL, runs until Ctrl-C
//   node examples/start.mjs --smoke                         → starts, checks the extension works in chromium, exits
//   options: --port N (default: a free port), --theme light|dark|high-contrast, --no-seed,
//            --workspace DIR (default examples/workspace; the e2e test smoke-checks a temp copy)
//
// The extension is installed as users have it (a `tollgate.tollgate-<version>` folder in the extensions dir,
// here a symlink to this repo), so what runs is the built client/out, server/out and media/dist.
// A little history is seeded into examples/workspace/.tollgate/evidence (with the built CLI's
// `audit capture` of every example EvalGate) when that store is empty, so the history view has runs.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { E2E_HOME, launchChromium, linkExtension, missingPrerequisites, poll, startCodeServer, waitForWorkbench } from '../.ci/e2e/code-server.mjs';
import { quickOpen, waitForCodeLens } from '../.ci/e2e/workbench.mjs';
import { CLI, REPO, seedHistory } from '../.ci/e2e/workspace.mjs';

const { values: opt } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    port: { type: 'string' },
    theme: { type: 'string', default: 'light' },
    'no-seed': { type: 'boolean', default: false },
    workspace: { type: 'string' },
  },
});

const WORKSPACE = resolve(opt.workspace ?? join(REPO, 'examples', 'workspace'));
const EVIDENCE = join(WORKSPACE, '.tollgate', 'evidence');
const started = Date.now();
const say = (m) => console.log(`[start ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);

function fail(message) {
  console.error(`examples/start.mjs: ${message}`);
  process.exit(1);
}

const missing = missingPrerequisites();
if (missing.length) fail(`missing ${missing.join('; ')} — run .ci/e2e/setup.sh`);
if (!existsSync(join(REPO, 'client', 'out', 'extension.js')) || !existsSync(CLI)) fail('the extension is not built — run `npm run build`');

// An evidence store with a project (a folder with a manifest) already has history: leave it alone.
const hasHistory = existsSync(EVIDENCE) && readdirSync(EVIDENCE).some((d) => existsSync(join(EVIDENCE, d, 'manifest.json')));
if (!hasHistory && !opt['no-seed']) {
  const captured = seedHistory(WORKSPACE, { evidenceRoot: EVIDENCE });
  say(`seeded ${EVIDENCE}: ${captured.map((c) => `${c.name} ${c.verdict}`).join(', ')}`);
}

// A persistent user-data dir, so open editors and panels survive a restart of the main job (the smoke check
// gets a throwaway one).
const cs = await startCodeServer({
  dataDir: opt.smoke ? undefined : join(E2E_HOME, 'examples-session'),
  theme: opt.theme,
  port: opt.port ? Number(opt.port) : undefined,
  onLog: opt.smoke ? undefined : (chunk) => {
    // code-server's own warnings matter to a user; the offline gallery lookup does not.
    if (/error/i.test(chunk) && !/open-vsx\.org|vsda/.test(chunk)) process.stderr.write(chunk);
  },
});
linkExtension(cs.extensionsDir, REPO);
const url = `${cs.base}/?folder=${encodeURIComponent(WORKSPACE)}`;

if (!opt.smoke) {
  say(`Tollgate in VS Code ${cs.theme}: ${url}`);
  console.log('Open the URL in a browser (try: F1 → "Tollgate: Run Gate of This EvalGate File" on evals/*.evalgate.yaml, "Tollgate: Show History"). Ctrl-C stops.');
  const stop = async () => {
    await cs.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => {}); // until a signal
}

// --smoke: the page loads, the extension activates, the server publishes diagnostics and a verdict lens.
const browser = await launchChromium();
try {
  const page = browser.page;
  await page.goto(url);
  await waitForWorkbench(page);
  say('workbench loaded');
  await quickOpen(page, 'deploy/payments.yaml');
  // The problems counter in the status bar ("<errors> <warnings>"): the server published diagnostics.
  const problems = page.locator('[id="status.problems"]');
  await poll(async () => Number(((await problems.innerText()).match(/\d+/) ?? ['0'])[0]) > 0, { timeout: 60_000, message: 'problems in the status bar' });
  say(`diagnostics on deploy/payments.yaml (status bar problems: ${(await problems.innerText()).replace(/\s+/g, ' ').trim()})`);
  await quickOpen(page, 'evals/summariser.evalgate.yaml');
  say(`verdict lens on evals/summariser.evalgate.yaml: ${await waitForCodeLens(page, 'REJECT')}`);
  console.log(`OK ${url}`);
} catch (e) {
  console.error(`SMOKE FAILED: ${e instanceof Error ? e.message : String(e)}\n--- code-server log ---\n${cs.log().slice(-4000)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await cs.stop();
}
