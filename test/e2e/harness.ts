/**
 * Shared by the e2e test files: prerequisites (skip locally when setup has not
 * run, fail in CI), the built extension, the bundled extension-host suite, and
 * a workbench session (code-server + chromium on a temp copy of examples/)
 * that is always torn down, also when a test fails. Driving the workbench
 * (palette, Quick Open, webview frames) is in .ci/e2e/workbench.mjs.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, linkExtension, missingPrerequisites, startCodeServer, waitForWorkbench, type Chromium, type CodeServer } from '../../.ci/e2e/code-server.mjs';
import { bundleForExtensionHost, SUITE_DIR } from '../../.ci/e2e/workbench.mjs';
import { copyExampleWorkspace, REPO, seedHistory, type WorkspaceCopy } from '../../.ci/e2e/workspace.mjs';

export const ROOT = REPO;
/** The extension under test: the repo, or (to work on the harness itself) another build named by TOLLGATE_E2E_EXTENSION. */
export const EXTENSION_DIR = process.env['TOLLGATE_E2E_EXTENSION'] || ROOT;
export const TMP = join(ROOT, 'test', '.tmp');
export const SCREENSHOTS = join(TMP, 'screenshots');
export const LOGS = join(TMP, 'e2e-logs');

/**
 * The `skip` option of the e2e suites: a reason when code-server or chromium is
 * missing outside CI, false otherwise. In CI (`CI` set) a missing setup is not
 * skipped: `assertPrerequisites` fails the run instead.
 */
export function skipReason(): string | false {
  const missing = missingPrerequisites();
  if (missing.length === 0 || process.env['CI']) return false;
  return `e2e prerequisites not installed (${missing.join('; ')}): run .ci/e2e/setup.sh`;
}

export function assertPrerequisites(): void {
  const missing = missingPrerequisites();
  assert.deepEqual(missing, [], `e2e prerequisites missing in CI: ${missing.join('; ')} — .ci/e2e/setup.sh must run before the tests`);
  const pkg = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8')) as { main?: string };
  assert.ok(pkg.main, 'package.json has a "main" (the extension entry point)');
  assert.ok(existsSync(join(EXTENSION_DIR, pkg.main)), `${pkg.main} is missing: run \`npm run build\` first (npm test does)`);
}

/**
 * Bundle the extension-host suite (test/e2e/suite/index.ts) into a fresh temp folder for
 * `extensionTestsPath` (per run: two test runs on one machine must not share it); returns the folder.
 */
export function bundleSuite(): Promise<string> {
  return bundleForExtensionHost(join(SUITE_DIR, 'index.ts'), mkdtempSync(join(tmpdir(), 'tollgate-e2e-suite-')));
}

/** The project of bench/history-data.mjs runs in every seeded session, for the 10,000-run paint. */
export const LARGE_PROJECT = { name: 'load-10k', runs: 10_000 };

type WriteHistoryData = (root: string, o: { runs: number; project: string }) => { runs: number };
let template: WorkspaceCopy | undefined;
/**
 * One seeded copy of examples/ per test process, which sessions copy: project `examples` holds audit
 * captures of every EvalGate (the CLI, 5 runs of it), LARGE_PROJECT synthetic runs (helper S's generator).
 */
async function seededTemplate(): Promise<WorkspaceCopy> {
  if (!template) {
    const t = copyExampleWorkspace({ fixtures: true });
    process.once('exit', () => t.cleanup());
    seedHistory(t.workspace);
    // A plain-JS module without types: imported by a computed specifier.
    const generator = join(ROOT, 'bench', 'history-data.mjs');
    const { writeHistoryData } = (await import(generator)) as { writeHistoryData: WriteHistoryData };
    writeHistoryData(join(t.workspace, '.tollgate', 'evidence'), { runs: LARGE_PROJECT.runs, project: LARGE_PROJECT.name });
    template = t;
  }
  return template;
}

/** A fresh temp copy of a workspace copy (the evidence store keeps paths relative to its root and the workspace). */
function copyOf(src: WorkspaceCopy): WorkspaceCopy {
  const root = mkdtempSync(join(tmpdir(), 'tollgate-e2e-ws-'));
  cpSync(src.root, root, { recursive: true });
  return { root, workspace: join(root, relative(src.root, src.workspace)), cleanup: () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }) };
}

export interface Session {
  cs: CodeServer;
  browser: Chromium;
  page: Page;
  ws: WorkspaceCopy;
  /** How long each part of opening the session took (ms), for the test output. */
  phases: Record<string, number>;
  /** Save a screenshot of the whole workbench as test/.tmp/screenshots/e2e-<name>.png. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A workbench on a fresh copy of examples/ (with the e2e fixtures and seeded
 * history) in `theme`, the extension installed the way users install it.
 * Closes everything it started if any step fails.
 */
export async function openSession(theme: 'light' | 'dark', o: { seed?: boolean } = {}): Promise<Session> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async (): Promise<void> => {
    for (const c of cleanups.reverse()) await c();
  };
  const phases: Record<string, number> = {};
  let t = Date.now();
  const phase = (name: string): void => {
    phases[name] = Date.now() - t;
    t = Date.now();
  };
  try {
    const ws = o.seed === false ? copyExampleWorkspace({ fixtures: true }) : copyOf(await seededTemplate());
    cleanups.push(() => ws.cleanup());
    phase('copy+seed');
    const cs = await startCodeServer({ theme });
    cleanups.push(() => cs.stop());
    linkExtension(cs.extensionsDir, EXTENSION_DIR);
    phase('code-server');
    const browser = await launchChromium({ viewport: { width: 1600, height: 1000 } });
    cleanups.push(() => browser.close());
    phase('chromium');
    const page = browser.page;
    await page.goto(cs.url(ws.workspace));
    await waitForWorkbench(page);
    phase('workbench');
    mkdirSync(SCREENSHOTS, { recursive: true });
    return {
      cs,
      browser,
      page,
      ws,
      phases,
      async screenshot(name) {
        // e2e- prefix: the standalone webview tests save their own shots in the same folder.
        const path = join(SCREENSHOTS, `e2e-${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

export function writeLog(name: string, text: string): string {
  mkdirSync(LOGS, { recursive: true });
  const path = join(LOGS, name);
  writeFileSync(path, text);
  return path;
}
