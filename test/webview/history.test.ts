/**
 * The history webview bundle in a real browser under the extension's CSP,
 * with 10,000 stored runs: time to first paint (reported), a virtualised
 * table, instant client-side filters, selection and its actions, the project
 * picker, and state kept across a reload. Screenshots in test/.tmp/screenshots/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { packHistory, toHistoryViewModel } from '../../client/src/webviews/view-models';
import type { HistoryViewModel } from '../../client/webview/messages';
import { history, MODELS, XSS } from './fixtures';
import { CHROMIUM, evaluate, launch, openView, send, serve, waitForPosted, type Site } from './harness';

const ROOT = join(__dirname, '..', '..');
const SHOTS = join(ROOT, 'test', '.tmp', 'screenshots');
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
const N = 10_000;

async function showHistory(p: Page, model: HistoryViewModel, seq = 1): Promise<{ ms: number; wallMs: number }> {
  const start = Date.now();
  await send(p, { type: 'history', seq, data: packHistory(model) });
  const painted = await waitForPosted(p, (m) => m.type === 'painted' && m.seq === seq);
  return { ms: painted.ms as number, wallMs: Date.now() - start };
}

async function count(p: Page): Promise<number> {
  return Number(await p.locator('#history-count').textContent());
}

/** Polls until the shown count satisfies `ok` (filters apply on the next animation frame). */
async function countWhere(p: Page, ok: (n: number) => boolean): Promise<number> {
  const end = Date.now() + 10_000;
  for (;;) {
    const n = await count(p);
    if (ok(n) || Date.now() > end) return n;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('history webview (Chromium, extension CSP, 10,000 runs)', { skip }, () => {
  let site: Site;
  let browser: Browser;
  let big: HistoryViewModel;

  before(async () => {
    const built = spawnSync(process.execPath, [join(ROOT, '.ci', 'build-webviews.mjs')], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    mkdirSync(SHOTS, { recursive: true });
    big = toHistoryViewModel(history(N), 'demo');
    site = await serve();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('paints 10,000 runs, renders only the visible rows, filters instantly', async (t) => {
    const p = await openView(browser, site, 'history', { width: 1280, height: 900 });
    const { ms, wallMs } = await showHistory(p, big);
    t.diagnostic(`10,000 runs painted ${ms.toFixed(0)} ms after the data message arrived (${wallMs} ms from the test's send, CDP transfer included)`);
    assert.equal(await count(p), N);
    const rows = await p.locator('[data-run-id]').count();
    assert.ok(rows > 10 && rows < 120, `virtualised: ${rows} row elements for ${N} runs`);
    assert.equal(await p.locator('[data-run-id]').first().getAttribute('data-run-id'), 'run-09999', 'newest first');
    await p.locator('#filter-model').fill('gpt-4o');
    const byModel = await countWhere(p, (n) => n < N);
    assert.equal(byModel, N / MODELS.length, 'picking a known id matches it exactly (not gpt-4o-mini)');
    const models = await p.locator('[data-run-id] .vt-cell:nth-child(6)').allTextContents();
    assert.ok(models.length > 0 && models.every((m) => m === 'gpt-4o'), models.join(','));
    await p.locator('#filter-since').fill('2024-03-01');
    await p.locator('#filter-until').fill('2024-03-31');
    const inMarch = await countWhere(p, (n) => n < byModel);
    assert.ok(inMarch > 0 && inMarch < byModel, `date range: ${inMarch}`);
    await p.locator('#filter-clear').click();
    assert.equal(await countWhere(p, (n) => n === N), N);
    assert.deepEqual(await evaluate(p, 'window.__violations'), []);
    await p.context().close();
  });

  test('a row opens its details; its actions post the run file and envelope; the project picker asks the host', async () => {
    const p = await openView(browser, site, 'history', { width: 760, height: 900 });
    await showHistory(p, big);
    await p.locator('.vt-viewport').focus();
    await p.keyboard.press('ArrowDown');
    const first = await p.locator('[data-run-id][aria-selected="true"]').getAttribute('data-run-id');
    assert.equal(first, 'run-09999', 'ArrowDown selects the first (newest) row');
    await p.locator('#open-run').click();
    const open = await waitForPosted(p, (m) => m.type === 'openFile');
    assert.equal(open.path, big.rows.find((r) => r.runId === first)!.file);
    // Narrow to one model on one day, so the run with an envelope is on screen, then open its envelope.
    const target = [...big.rows].reverse().find((r) => r.envelopeId !== null)!;
    const day = new Date(target.t).toISOString().slice(0, 10);
    await p.locator('#filter-model').fill(target.modelId);
    await p.locator('#filter-since').fill(day);
    await p.locator('#filter-until').fill(day);
    await countWhere(p, (n) => n < 100);
    await p.locator(`[data-run-id="${target.runId}"]`).click();
    assert.equal(await p.locator('#history-details h2').textContent(), target.runId);
    await p.screenshot({ path: join(SHOTS, 'history-narrow-dark.png') });
    await p.locator('#open-envelope').click();
    await waitForPosted(p, (m) => m.type === 'openEnvelope' && m.runId === target.runId);
    await p.locator('#filter-project').selectOption('payments');
    await waitForPosted(p, (m) => m.type === 'selectProject' && m.project === 'payments');
    await p.context().close();
  });

  test('filters, selection and scroll survive a reload from the saved state', async (t) => {
    const p = await openView(browser, site, 'history');
    await showHistory(p, big);
    await p.locator('#filter-metric').fill('accuracy');
    await countWhere(p, (n) => n === N / 2);
    await p.locator('[data-run-id]').nth(3).click();
    const picked = await p.locator('[data-run-id][aria-selected="true"]').getAttribute('data-run-id');
    const state = await evaluate<unknown>(p, 'window.__state');
    await p.context().close();
    const again = await openView(browser, site, 'history', { state });
    const { ms } = await showHistory(again, big, 2);
    t.diagnostic(`re-shown (state restored, data re-sent) painted in ${ms.toFixed(0)} ms`);
    assert.equal(await again.locator('#filter-metric').inputValue(), 'accuracy');
    assert.equal(await count(again), N / 2);
    assert.equal(await again.locator('#history-details h2').textContent(), picked);
    await again.context().close();
  });

  test('an empty project, a hostile model id, and screenshots in light, dark and high contrast', async () => {
    const small = history(400, 3);
    const hostile = { ...small, records: small.records.map((r, i) => (i === small.records.length - 1 ? { ...r, model_id: XSS } : r)) };
    for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast'] as const) {
      const p = await openView(browser, site, 'history', { theme, width: 1280, height: 860 });
      await showHistory(p, big);
      await p.locator('[data-run-id]').nth(2).click();
      await p.screenshot({ path: join(SHOTS, `history-${theme.replace('vscode-', '')}.png`) });
      await showHistory(p, toHistoryViewModel(hostile, 'demo'), 2);
      assert.ok(((await p.locator('#history-table').textContent()) ?? '').includes(XSS));
      assert.equal(await evaluate(p, 'window.__xss'), undefined);
      await p.locator('[data-run-id]').first().click();
      await p.screenshot({ path: join(SHOTS, `history-small-${theme.replace('vscode-', '')}.png`) });
      await showHistory(p, toHistoryViewModel({ root: '/store', projects: ['demo'], records: [] }, 'demo'), 3);
      assert.match((await p.locator('.empty-state').textContent()) ?? '', /No runs stored in project “demo”/);
      assert.equal(await count(p), 0);
      assert.deepEqual(await evaluate(p, 'window.__violations'), []);
      await p.context().close();
    }
  });
});
