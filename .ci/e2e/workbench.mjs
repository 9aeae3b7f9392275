// Driving the VS Code workbench in chromium: the command palette, Quick Open, webview frames, and runs of an
// extension-host module (`extensionTestsPath`). Plain JS so the e2e tests (TypeScript, via tsx), the editor
// bench and the main job's smoke check share it.
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { build } from 'esbuild';
import { poll } from './code-server.mjs';
import { REPO } from './workspace.mjs';

/**
 * Bundle a TypeScript module that exports `run()` for VS Code's extension host (`vscode` stays external).
 * @returns the output folder (what `extensionTestsPath` names)
 */
export async function bundleForExtensionHost(entry, outdir) {
  await build({
    entryPoints: { index: entry },
    outdir,
    absWorkingDir: REPO,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outdir;
}

/**
 * Load the workbench on `workspace` with `extensionDir` as the extension under development and an
 * extension-host module (`testsPath`, exporting `run()`), and wait for the workbench's
 * `codeAutomationExit`: resolves with its exit code (0: run() resolved). Log lines go to `onLog`.
 */
export async function runInExtensionHost(cs, page, { workspace, extensionDir, testsPath, timeoutMs, onLog }) {
  let exited;
  const exit = new Promise((r) => (exited = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    onLog?.(`[${type}] ${(args ?? []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  page.on('pageerror', (e) => onLog?.(`[pageerror] ${e.message}`));
  await page.goto(cs.url(workspace, { extensionDevelopmentPath: extensionDir, extensionTestsPath: testsPath }));
  let timer;
  try {
    return await Promise.race([
      exit,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the extension-host run did not finish in ${timeoutMs} ms`)), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The first frame (webview content sits two iframes deep) where `selector` matches and `accept(frame)` holds. */
export async function findFrame(page, selector, { timeout = 15_000, accept, what } = {}) {
  return poll(
    async () => {
      for (const f of page.frames()) {
        if (f.isDetached()) continue;
        try {
          if ((await f.locator(selector).count()) > 0 && (!accept || (await accept(f)))) return f;
        } catch {
          /* a frame navigating or detaching under us: look again */
        }
      }
      return undefined;
    },
    { timeout, interval: 25, message: what ?? `a frame with ${selector}` },
  );
}

/**
 * When a webview (or any frame) first painted a state: `probe(arg)` runs inside every frame (and every frame
 * attached later) on each animation frame and returns the page's `Date.now()` once the state is there, else 0.
 * The first frame where it does resolves with that frame and that time — the paint time without the polling
 * slack of the test process (hidden frames get no animation frames, so a hidden webview never counts).
 * The probe is passed as a function, not source text: webview CSPs forbid eval inside the page.
 * @param {import('playwright-core').Page} page
 * @param {(arg: any) => number} probe  runs in the page: use only `document`/`window`/`Date` and `arg`
 * @returns {Promise<{ frame: import('playwright-core').Frame, at: number }>}
 */
export function waitForPaint(page, probe, arg, { timeout = 30_000, frames, what = 'a painted state' } = {}) {
  return new Promise((resolve, reject) => {
    const tried = new WeakSet();
    let done = false;
    const finish = (fn) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      page.off('frameattached', watch);
      fn();
    };
    const watch = (f, retry = false) => {
      // Not the workbench's own frame: probes in visible frames poll every animation frame until they time out.
      if ((tried.has(f) && !retry) || f === page.mainFrame()) return;
      tried.add(f);
      // Short rounds: a webview writes its document after its frame attached, and a probe started before
      // that may be left waiting in a context nobody paints; so re-probe every second until the frame is gone.
      f.waitForFunction(probe, arg, { polling: 'raf', timeout: 1000 })
        .then((h) => h.jsonValue())
        .then(
          (at) => finish(() => resolve({ frame: f, at })),
          () => {
            if (!done && !f.isDetached()) watch(f, true);
          },
        );
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeout} ms waiting for ${what}`))), timeout);
    if (frames) frames.forEach((f) => watch(f));
    else {
      page.frames().forEach((f) => watch(f));
      page.on('frameattached', watch);
    }
  });
}

/**
 * Probes for waitForPaint (they run inside the webview page; `globalThis.document` keeps them free of DOM
 * typings, and they must stay self-contained: no helpers, no closures).
 */
export const probes = {
  /** `#verdict-badge` visible and reading `verdict` (a badge marked with `data-e2e-stale` does not count). */
  verdictBadge: (verdict) => {
    const b = globalThis.document.querySelector('#verdict-badge:not([data-e2e-stale])');
    return b && b.textContent.trim() === verdict && b.getClientRects().length > 0 ? Date.now() : 0;
  },
  /** A history row visible, and `#history-count` reading `runs` when given (thousands separators ignored). */
  historyRows: (runs) => {
    const d = globalThis.document;
    const row = d.querySelector('[data-run-id]');
    const count = (d.querySelector('#history-count')?.textContent ?? '').replace(/[^0-9]/g, '');
    return row && row.getClientRects().length > 0 && (runs === null || count === String(runs)) ? Date.now() : 0;
  },
};

/**
 * Open the quick input by clicking the title bar's command center: unlike F1 / Ctrl+P it works whatever has
 * focus (a webview iframe does not pass every key on, and blurring it makes the palette close again).
 */
async function openQuickInput(page) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.command-center .command-center-quick-pick').click({ timeout: 10_000 });
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  // Park the pointer on the empty activity bar: the command center's hover would otherwise sit in screenshots.
  await page.mouse.move(10, (page.viewportSize()?.height ?? 800) * 0.6);
  return input;
}

/** Run a command from the palette: `>` and its title in the quick input, wait until it is the selected entry, Enter. Returns Date.now() at Enter. */
export async function runFromPalette(page, title) {
  const input = await openQuickInput(page);
  await input.fill(`>${title}`);
  // Contributed commands are listed once the extension host has scanned the extensions: allow for a busy start.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first().waitFor({ state: 'visible', timeout: 20_000 });
  const at = Date.now();
  await page.keyboard.press('Enter');
  return at;
}

/** Open a workspace file with Quick Open and wait for its editor tab to be the active one. */
export async function quickOpen(page, relPath) {
  const name = relPath.split('/').pop();
  const input = await openQuickInput(page);
  await input.fill(relPath);
  // The first search of a session starts the file search service: allow for it.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ state: 'visible', timeout: 10_000 });
}

/** Wait for a code lens of the active editor containing `text` (e.g. an EvalGate file's verdict preview). */
export async function waitForCodeLens(page, text, timeout = 60_000) {
  const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: text }).first();
  await lens.waitFor({ state: 'visible', timeout });
  return (await lens.innerText()).trim();
}

export const SUITE_DIR = join(REPO, 'test', 'e2e', 'suite');
