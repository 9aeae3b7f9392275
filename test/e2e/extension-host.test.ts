/**
 * The extension's integration tests inside VS Code's own extension host:
 * code-server serves the workbench, chromium loads it with a URL payload that
 * names the repo as `extensionDevelopmentPath` and the bundled suite
 * (test/e2e/suite) as `extensionTestsPath` — the mechanism of VS Code's own
 * browser integration tests. Each case of the suite is reported as a subtest.
 * With @vscode/test-electron the same bundle runs in desktop VS Code (see
 * test/e2e/README.md).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchChromium, startCodeServer, type Chromium, type CodeServer } from '../../.ci/e2e/code-server.mjs';
import { copyExampleWorkspace, type WorkspaceCopy } from '../../.ci/e2e/workspace.mjs';
import type { SuiteReport } from './contract';
import { runInExtensionHost } from '../../.ci/e2e/workbench.mjs';
import { assertPrerequisites, bundleSuite, EXTENSION_DIR, SCREENSHOTS, skipReason, writeLog } from './harness';

const SUITE_TIMEOUT_MS = 300_000;
// Workbench chatter that says nothing about the extension (the gallery is offline here).
const NOISE = /open-vsx\.org|Resolving connection token|Resolved connection token|Creating a socket|builtin extensions cache|Service Worker|ChatSessionStore/;

test('extension host: integration suite in code-server', { skip: skipReason(), timeout: SUITE_TIMEOUT_MS + 60_000 }, async (t) => {
  assertPrerequisites();
  const started = Date.now();
  const suiteDir = await bundleSuite();
  const resultsFile = join(suiteDir, 'results.json');
  t.after(() => rmSync(suiteDir, { recursive: true, force: true }));
  rmSync(join(SCREENSHOTS, 'e2e-failure-extension-host.png'), { force: true });

  let ws: WorkspaceCopy | undefined;
  let cs: CodeServer | undefined;
  let browser: Chromium | undefined;
  const log: string[] = [];
  let exitCode: number;
  try {
    ws = copyExampleWorkspace({ fixtures: true });
    cs = await startCodeServer({ env: { TOLLGATE_E2E_RESULTS: resultsFile } });
    browser = await launchChromium();
    const page = browser.page;
    exitCode = await runInExtensionHost(cs, page, {
      workspace: ws.workspace,
      extensionDir: EXTENSION_DIR,
      testsPath: suiteDir,
      timeoutMs: SUITE_TIMEOUT_MS,
      onLog(line) {
        log.push(line);
        if (!NOISE.test(line) && /^\[\w+\] (ok|not ok|#) /.test(line)) t.diagnostic(line.replace(/^\[\w+\] /, ''));
      },
    }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SCREENSHOTS, 'e2e-failure-extension-host.png') }).catch(() => undefined);
      throw e;
    });
    if (exitCode !== 0) await page.screenshot({ path: join(SCREENSHOTS, 'e2e-failure-extension-host.png') }).catch(() => undefined);
  } finally {
    const logFile = writeLog('extension-host.log', `${log.join('\n')}\n\n== code-server\n${cs?.log() ?? ''}`);
    t.diagnostic(`extension host log: ${logFile} (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
    await browser?.close();
    await cs?.stop();
    ws?.cleanup();
  }

  assert.ok(existsSync(resultsFile), `the suite wrote no results (exit code ${exitCode}); see test/.tmp/e2e-logs/extension-host.log`);
  const report = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteReport;
  assert.ok(report.results.length > 0, 'the suite ran cases');
  for (const r of report.results) {
    await t.test(r.name, () => {
      if (!r.ok) throw new Error(r.error ?? 'failed');
    });
  }
  for (const [k, v] of Object.entries(report.figures)) t.diagnostic(`figure ${k}: ${v.toFixed(1)} ms`);
  assert.equal(exitCode, report.results.some((r) => !r.ok) ? 1 : 0, 'codeAutomationExit matches the results');
});
