/**
 * The extension as users meet it: installed in code-server, driven through the
 * real workbench by chromium (command palette, webviews in their iframes),
 * once in a light and once in a dark theme (one code-server per theme; a fresh
 * user-data dir carries the theme setting). Screenshots of both webviews in
 * both themes go to test/.tmp/screenshots/.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { evalGates } from '../../.ci/e2e/workspace.mjs';
import { XSS_BASELINE_MODEL_ID, XSS_MODEL_ID } from './contract';
import { findFrame, probes, quickOpen, runFromPalette, waitForCodeLens, waitForPaint } from '../../.ci/e2e/workbench.mjs';
import { assertPrerequisites, LARGE_PROJECT, openSession, SCREENSHOTS, skipReason, writeLog, type Session } from './harness';

const RUN = 'Tollgate: Run Gate of This EvalGate File';
const HISTORY = 'Tollgate: Show History';
const skip = skipReason();

/** Every run id seeded into the evidence store (both runs of every EvalGate of the workspace copy). */
function seededRunIds(s: Session): string[] {
  // (project `examples`; LARGE_PROJECT sorts after it, so the view opens on `examples`)
  return evalGates(s.ws.workspace).flatMap((g) => [g.baseline, g.candidate].map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { run_id: string }).run_id));
}

/** Open an EvalGate file and wait for its verdict code lens: the server is up and has gated it. */
async function openEvalGate(s: Session, rel: string, verdict: string): Promise<void> {
  let t = Date.now();
  await quickOpen(s.page, rel);
  s.phases[`open ${rel}`] = Date.now() - t;
  t = Date.now();
  await waitForCodeLens(s.page, verdict);
  s.phases[`code lens ${verdict}`] = Date.now() - t;
}

const phasesText = (s: Session): string => Object.entries(s.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ');

/** Run `fn`; on failure keep a screenshot and the code-server log for the report. */
async function step(s: Session | undefined, name: string, fn: (s: Session) => Promise<void>): Promise<void> {
  assert.ok(s, 'the workbench session started');
  rmSync(join(SCREENSHOTS, `e2e-failure-${name}.png`), { force: true }); // a failure shot is of this run or none
  try {
    await fn(s);
  } catch (e) {
    await s.screenshot(`failure-${name}`).catch(() => undefined);
    writeLog(`failure-${name}.log`, s.cs.log());
    throw e;
  }
}

/** Gate the active EvalGate file from the palette; `ms`: Enter → the badge painted (the webview's own clock). */
async function gateFromPalette(s: Session, verdict: string, shot: string): Promise<{ frame: Frame; ms: number }> {
  const at = await runFromPalette(s.page, RUN);
  const { frame, at: painted } = await waitForPaint(s.page, probes.verdictBadge, verdict, { what: `#verdict-badge reading ${verdict}` });
  await s.screenshot(shot);
  return { frame, ms: painted - at };
}

async function historyFromPalette(s: Session, shot: string): Promise<Frame> {
  // Alone in the window, so the screenshot shows the whole view (table columns, filters, chart).
  await runFromPalette(s.page, 'View: Close All Editors');
  await s.page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
  await runFromPalette(s.page, HISTORY);
  const { frame } = await waitForPaint(s.page, probes.historyRows, null, { what: 'history rows ([data-run-id])' });
  await s.screenshot(shot);
  return frame;
}

describe('workbench UI, light theme', { skip }, () => {
  let s: Session | undefined;
  before(async () => {
    assertPrerequisites();
    s = await openSession('light');
    await step(s, 'light-open', (x) => openEvalGate(x, 'evals/summariser.evalgate.yaml', 'REJECT'));
  });
  after(async () => {
    await s?.close();
  });

  it('runs the gate from the command palette and paints the verdict badge (time reported)', async (t) => {
    await step(s, 'light-gate', async (x) => {
      assert.ok(await x.page.locator('.monaco-workbench.vs').count(), 'the workbench is in a light theme');
      t.diagnostic(`session: ${phasesText(x)}`);
      const { frame, ms } = await gateFromPalette(x, 'REJECT', 'verdict-light');
      t.diagnostic(`figure UI verdict paint (Enter → badge painted): ${ms} ms`);
      assert.ok(await frame.locator('body.vscode-light').count(), 'the webview got the light theme');
      assert.equal(await frame.locator('#effect-chart').count(), 1, 'the effect chart is drawn');
      assert.match((await frame.locator('#inputs').textContent()) ?? '', /[0-9a-f]{64}/, 'inputs show their SHA-256');
    });
  });

  it('shows the history of the seeded evidence store', async () => {
    await step(s, 'light-history', async (x) => {
      const frame = await historyFromPalette(x, 'history-light');
      const rows = frame.locator('[data-run-id]');
      const ids: (string | null)[] = [];
      for (let i = 0, n = await rows.count(); i < n; i++) ids.push(await rows.nth(i).getAttribute('data-run-id'));
      const expected = seededRunIds(x);
      assert.deepEqual([...new Set(ids)].sort(), [...expected].sort(), 'one row per stored run');
      assert.match((await frame.locator('#history-count').textContent()) ?? '', new RegExp(`\\b${expected.length}\\b`), '#history-count counts them');
      assert.equal(await frame.locator('#history-chart').count(), 1, 'the history chart is drawn');
    });
  });

  it(`switches the history to a project of ${LARGE_PROJECT.runs} runs and paints it (time reported)`, async (t) => {
    await step(s, 'light-history-10k', async (x) => {
      const history = await findFrame(x.page, '#filter-project', { what: 'the history view' });
      const at = Date.now();
      await history.locator('#filter-project').selectOption(LARGE_PROJECT.name);
      // Rows visible and the count reading 10000: the data arrived and was painted.
      const { at: painted } = await waitForPaint(x.page, probes.historyRows, LARGE_PROJECT.runs, { frames: [history], what: `${LARGE_PROJECT.runs} runs painted` });
      const ms = painted - at;
      await x.screenshot('history-10k-light');
      t.diagnostic(`figure UI history paint, ${LARGE_PROJECT.runs} runs (select project → rows painted): ${ms} ms`);
      const rows = await history.locator('[data-run-id]').count();
      assert.ok(rows > 0 && rows < 500, `the table is virtual: ${rows} row elements for ${LARGE_PROJECT.runs} runs`);
    });
  });

  it('renders a RunFrame model id that is an XSS payload as inert text', async () => {
    await step(s, 'light-xss', async (x) => {
      await openEvalGate(x, 'evals/xss.evalgate.yaml', 'INCONCLUSIVE');
      await runFromPalette(x.page, RUN);
      const frame = await findFrame(x.page, '#runs', {
        timeout: 30_000,
        what: '#runs showing the XSS model id',
        accept: async (f) => ((await f.locator('#runs').textContent()) ?? '').includes(XSS_MODEL_ID),
      });
      await frame.locator('#runs').scrollIntoViewIfNeeded();
      await x.screenshot('xss-light');
      const runs = (await frame.locator('#runs').textContent()) ?? '';
      assert.ok(runs.includes(XSS_BASELINE_MODEL_ID), 'the baseline payload is shown verbatim too');
      assert.equal(await frame.locator('#runs b').count(), 0, 'no <b> element came from the baseline model id');
      // Across every frame (the verdict and history webviews): nothing the payloads would have created.
      for (const f of x.page.frames()) {
        if (f.isDetached()) continue;
        assert.equal(await f.locator('img[src="x"], [onerror]').count(), 0, `no payload element in frame ${f.url().slice(0, 80)}`);
        assert.notEqual(await f.title().catch(() => ''), 'pwned', 'no frame title was changed by the payload');
      }
      assert.doesNotMatch(await x.page.title(), /pwned/, 'the workbench title was not changed by the payload');
    });
  });
});

describe('workbench UI, dark theme', { skip }, () => {
  let s: Session | undefined;
  before(async () => {
    assertPrerequisites();
    s = await openSession('dark');
    await step(s, 'dark-open', (x) => openEvalGate(x, 'evals/support-bot.evalgate.yaml', 'ALLOW'));
  });
  after(async () => {
    await s?.close();
  });

  it('paints the verdict view in the dark theme', async (t) => {
    await step(s, 'dark-gate', async (x) => {
      assert.ok(await x.page.locator('.monaco-workbench.vs-dark').count(), 'the workbench is in a dark theme');
      t.diagnostic(`session: ${phasesText(x)}`);
      const { frame, ms } = await gateFromPalette(x, 'ALLOW', 'verdict-dark');
      t.diagnostic(`figure UI verdict paint, dark (Enter → badge painted): ${ms} ms`);
      assert.ok(await frame.locator('body.vscode-dark').count(), 'the webview got the dark theme');
    });
  });

  it('paints the history view in the dark theme', async () => {
    await step(s, 'dark-history', async (x) => {
      const frame = await historyFromPalette(x, 'history-dark');
      assert.ok(await frame.locator('body.vscode-dark').count(), 'the webview got the dark theme');
      assert.ok((await frame.locator('[data-run-id]').count()) > 0, 'rows are listed');
    });
  });
});
