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
 * When a webview (or any frame) first painted a state: `predicate(arg)` runs inside every frame (and every
 * frame attached later) on each animation frame; the first frame where it holds resolves with that frame and
 * the page's `Date.now()` at that animation frame — the paint time without the polling slack of the test
 * process (frames that are hidden get no animation frames, so a hidden webview never counts as painted).
 * @param {import('playwright-core').Page} page
 * @param {(arg: any) => boolean} predicate  serialised into the page: use only `document`/`window` and `arg`
 * @returns {Promise<{ frame: import('playwright-core').Frame, at: number }>}
 */
export function waitForPaint(page, predicate, arg, { timeout = 30_000, frames, what = 'a painted state' } = {}) {
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
    const watch = (f) => {
      if (tried.has(f)) return;
      tried.add(f);
      // An expression string, compiled by the devtools protocol: webview CSPs forbid eval inside the page.
      f.waitForFunction(`(${predicate.toString()})(${JSON.stringify(arg)}) ? Date.now() : 0`, undefined, { polling: 'raf', timeout })
        .then((h) => h.jsonValue())
        .then((at) => finish(() => resolve({ frame: f, at })), (e) => process.env.TOLLGATE_E2E_DEBUG && console.error('waitForPaint', f.url().slice(0, 60), String(e).slice(0, 300))); // detached or timed out: other frames may still win
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeout} ms waiting for ${what}`))), timeout);
    if (frames) frames.forEach(watch);
    else {
      page.frames().forEach(watch);
      page.on('frameattached', watch);
    }
  });
}

/** Run a command from the palette: F1, type its title, wait until it is the selected entry, Enter. Returns Date.now() at Enter. */
export async function runFromPalette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
  const at = Date.now();
  await page.keyboard.press('Enter');
  return at;
}

/** Open a workspace file with Quick Open (Ctrl+P) and wait for its editor tab to be the active one. */
export async function quickOpen(page, relPath) {
  const name = relPath.split('/').pop();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
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
