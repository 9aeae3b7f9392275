/**
 * The verdict webview bundle in a real browser under the extension's CSP:
 * it renders a gate/capture result, a hostile model id stays text, links post
 * only the host's own paths, the chart follows the theme, and state survives a
 * reload. Screenshots land in test/.tmp/screenshots/ (look at them).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { toVerdictViewModel } from '../../client/src/webviews/view-models';
import { captureWithPayload, INCONCLUSIVE_REPORT, plainGate, SUITE_REPORT, XSS } from './fixtures';
import { CHROMIUM, evaluate, launch, openView, send, serve, setTheme, waitForPosted, type Site } from './harness';

const ROOT = join(__dirname, '..', '..');
export const SHOTS = join(ROOT, 'test', '.tmp', 'screenshots');

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;

async function showVerdict(p: Page, model: unknown, seq = 1): Promise<number> {
  await send(p, { type: 'verdict', seq, model });
  const painted = await waitForPosted(p, (m) => m.type === 'painted' && m.seq === seq);
  return painted.ms as number;
}

/** Whether the effect chart's canvas has a pixel of exactly this colour (the verdict marker's fill). */
function canvasHasColour(p: Page, hex: string): Promise<boolean> {
  return evaluate<boolean>(p, `(() => {
    const c = document.getElementById('effect-chart');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(${JSON.stringify(hex)}.slice(i, i + 2), 16));
    for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b && d[i + 3] === 255) return true;
    return false;
  })()`);
}

describe('verdict webview (Chromium, extension CSP)', { skip }, () => {
  let site: Site;
  let browser: Browser;

  before(async () => {
    const built = spawnSync(process.execPath, [join(ROOT, '.ci', 'build-webviews.mjs')], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    mkdirSync(SHOTS, { recursive: true });
    site = await serve();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('renders the verdict, numbers, inputs, runs and envelope; the XSS payload is inert text', async (t) => {
    const p = await openView(browser, site, 'verdict');
    const ms = await showVerdict(p, toVerdictViewModel(captureWithPayload(), 'allow/baseline.json → allow/candidate.json'));
    t.diagnostic(`verdict painted ${ms.toFixed(0)} ms after the data message`);
    assert.equal(await p.locator('#verdict-badge').textContent(), 'ALLOW');
    assert.match((await p.locator('#runs').textContent()) ?? '', /acme-llm-7b/);
    assert.ok(((await p.locator('#runs').textContent()) ?? '').includes(XSS), 'the payload is shown as text');
    assert.ok(((await p.locator('.notes').textContent()) ?? '').includes(XSS));
    assert.equal(await evaluate(p, 'window.__xss'), undefined);
    assert.equal(await evaluate(p, 'document.querySelectorAll("img").length'), 0);
    assert.deepEqual(await evaluate(p, 'window.__violations'), []);
    assert.match((await p.locator('#inputs').textContent()) ?? '', /c0a4d1e3f5b6978877665544332211ff/);
    assert.match((await p.locator('main').textContent()) ?? '', /\[\+0\.0223, \+∞\)/);
    assert.match((await p.locator('main').textContent()) ?? '', /env-000042-3f9a1c/);
    assert.ok(await p.locator('#effect-chart').isVisible());
    await p.screenshot({ path: join(SHOTS, 'verdict-dark.png'), fullPage: true });
    await p.context().close();
  });

  test('links and copy buttons post only the values the host sent (in a narrow side panel)', async () => {
    const p = await openView(browser, site, 'verdict', { width: 520 });
    const r = captureWithPayload();
    await showVerdict(p, toVerdictViewModel(r, 'allow/baseline.json → allow/candidate.json'));
    await p.screenshot({ path: join(SHOTS, 'verdict-narrow-dark.png'), fullPage: true });
    await p.locator('#open-envelope').click();
    await waitForPosted(p, (m) => m.type === 'openFile' && m.path === r.file);
    await p.locator('#inputs button.link').first().click();
    await waitForPosted(p, (m) => m.type === 'openFile' && m.path === r.inputs[0].path);
    await p.locator('#inputs .icon-button').nth(1).click();
    await waitForPosted(p, (m) => m.type === 'copy' && m.text === r.inputs[1].sha256);
    await p.context().close();
  });

  test('the chart follows the theme (light → dark → high contrast) without a reload', async () => {
    const p = await openView(browser, site, 'verdict', { theme: 'vscode-light', width: 900 });
    await showVerdict(p, toVerdictViewModel(plainGate(INCONCLUSIVE_REPORT), 'inconclusive/baseline.json → inconclusive/candidate.json'));
    assert.equal(await canvasHasColour(p, '#bf8803'), true, 'light theme yellow marker');
    await p.screenshot({ path: join(SHOTS, 'verdict-light.png'), fullPage: true });
    await setTheme(p, 'vscode-dark');
    await p.waitForFunction('true'); // let the MutationObserver's callback run
    assert.equal(await canvasHasColour(p, '#cca700'), true, 'dark theme yellow marker');
    assert.equal(await canvasHasColour(p, '#bf8803'), false);
    await setTheme(p, 'vscode-high-contrast');
    await p.waitForFunction('true');
    assert.equal(await canvasHasColour(p, '#ffff00'), true, 'high-contrast yellow marker');
    await p.screenshot({ path: join(SHOTS, 'verdict-high-contrast.png'), fullPage: true });
    assert.deepEqual(await evaluate(p, 'window.__violations'), []);
    await p.context().close();
  });

  test('a suite (family of gates) gets one chart row and one table row per gate', async () => {
    for (const theme of ['vscode-light', 'vscode-dark'] as const) {
      const p = await openView(browser, site, 'verdict', { theme, width: 1000 });
      await showVerdict(p, toVerdictViewModel(plainGate(SUITE_REPORT), 'suite/baseline → suite/candidate'));
      assert.equal(await p.locator('#verdict-badge').textContent(), 'REJECT');
      assert.equal(await p.locator('#effects tbody tr').count(), 3);
      assert.match((await p.locator('main').textContent()) ?? '', /holm-corrected across 3 gates/);
      await p.screenshot({ path: join(SHOTS, `verdict-suite-${theme.replace('vscode-', '')}.png`), fullPage: true });
      await p.context().close();
    }
  });

  test('a reloaded page (hidden panel shown again) renders from its saved state before the host answers', async (t) => {
    const first = await openView(browser, site, 'verdict');
    await showVerdict(first, toVerdictViewModel(captureWithPayload(), 'capture'));
    const state = await evaluate<unknown>(first, 'window.__state');
    await first.context().close();
    const start = Date.now();
    const again = await openView(browser, site, 'verdict', { state });
    assert.equal(await again.locator('#verdict-badge').textContent(), 'ALLOW');
    t.diagnostic(`restored from state and ready in ${Date.now() - start} ms (page load included)`);
    await again.context().close();
  });
});
