// Real VS Code for the end-to-end tests, the main job and the editor bench: code-server 4.100.3
// (VS Code 1.100.3) on 127.0.0.1 plus Debian's chromium driven by playwright-core.
// .ci/e2e/setup.sh installs both; see ../shared/reference/offline-toolchain.md §1 for why this
// pairing (no Electron download is possible here) and for the URL-payload trick that loads an
// extension under development and its tests into the workbench's Node extension host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { URLSearchParams } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const E2E_HOME = process.env.TOLLGATE_E2E_HOME || join(homedir(), '.cache', 'tollgate-e2e');
export const CODE_SERVER_BIN = join(E2E_HOME, 'code-server', 'node_modules', '.bin', 'code-server');

export const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern', 'high-contrast': 'Default High Contrast' };

/** Where chromium is (PATH first, then Debian's fixed path), or undefined. */
export function findChromium() {
  if (process.env.TOLLGATE_CHROMIUM) return process.env.TOLLGATE_CHROMIUM;
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  const found = which.stdout.trim().split('\n')[0];
  if (found) return found;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** What setup.sh has not installed yet (empty when the e2e tests can run). */
export function missingPrerequisites() {
  const missing = [];
  if (!existsSync(CODE_SERVER_BIN)) missing.push(`code-server ${CODE_SERVER_VERSION} (${CODE_SERVER_BIN})`);
  if (!findChromium()) missing.push('chromium');
  try {
    createRequire(import.meta.url).resolve('playwright-core');
  } catch {
    missing.push('playwright-core (npm devDependency)');
  }
  return missing;
}

/** Poll `fn` until it returns a truthy value; throws `message` (plus the last error) after `timeout` ms. */
export async function poll(fn, { timeout = 10_000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message}${last ? `: ${last.message ?? last}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Every process group started here, so that an aborted run (uncaught error, Ctrl-C) still kills them.
const groups = new Set();
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
process.on('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
    process.exit(130);
  });
}

/**
 * Start code-server in its own process group with a fresh user-data dir.
 * @param {object} o
 * @param {string} [o.theme] 'light' | 'dark' | 'high-contrast' or a theme name
 * @param {Record<string, unknown>} [o.settings] extra user settings
 * @param {string} [o.extensionsDir] default: an empty one (no extension is installed)
 * @param {string} [o.dataDir] where user-data (and default extensions) go; default: a new temp dir, removed on stop
 * @param {Record<string,string>} [o.env] extra environment (reaches the extension host)
 * @param {string} [o.folder] default folder (code-server's positional argument)
 * @param {number} [o.port] default: a free port
 */
export async function startCodeServer(o = {}) {
  if (!existsSync(CODE_SERVER_BIN)) throw new Error(`code-server is not installed (${CODE_SERVER_BIN}); run .ci/e2e/setup.sh`);
  const ownDir = !o.dataDir;
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'tollgate-cs-'));
  const userDataDir = join(dataDir, 'user');
  const extensionsDir = o.extensionsDir ?? join(dataDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const theme = THEMES[o.theme ?? 'light'] ?? o.theme;
  const settings = {
    'workbench.colorTheme': theme,
    'window.autoDetectColorScheme': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.commandCenter.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'git.enabled': false,
    'editor.minimap.enabled': false,
    ...o.settings,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const port = o.port ?? (await freePort());
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    ...(o.folder ? [o.folder] : []),
  ];
  let log = '';
  // detached = setsid: code-server forks file watchers and the extension host; killing the group gets them all.
  const child = spawn(CODE_SERVER_BIN, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...o.env } });
  groups.add(child.pid);
  const append = (d) => {
    log += d.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
    if (o.onLog) o.onLog(d.toString());
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let dead = false;
  void exited.then(() => (dead = true));
  const base = `http://127.0.0.1:${port}`;

  const stop = async () => {
    killGroup(child.pid, 'SIGTERM');
    const t = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
    // The group leader has gone; make sure nothing of the group lingers (watchers ignore SIGTERM at times).
    killGroup(child.pid, 'SIGKILL');
    groups.delete(child.pid);
    if (ownDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await poll(
      async () => {
        if (dead) throw new Error(`code-server exited:\n${log}`);
        const r = await globalThis.fetch(`${base}/healthz`);
        return r.ok;
      },
      { timeout: 30_000, interval: 100, message: `code-server on ${base}/healthz` },
    );
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    port,
    base,
    dataDir,
    userDataDir,
    extensionsDir,
    theme,
    pid: child.pid,
    log: () => log,
    stop,
    /** A path on this machine as the workbench's remote authority sees it. */
    remote: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    /**
     * The workbench URL for `folder`; with `extensionDevelopmentPath` (and `extensionTestsPath`) the
     * extension is loaded from that folder and the tests run in the extension host, as VS Code's own
     * browser integration tests do (code-server's CLI does not take these options).
     */
    url(folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
      const q = new URLSearchParams({ folder });
      const payload = [['skipWelcome', 'true']];
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', this.remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', this.remote(extensionTestsPath)]);
      q.set('payload', JSON.stringify(payload));
      return `${base}/?${q.toString()}`;
    },
  };
}

/**
 * Install an extension folder the way a user has it installed: `<publisher>.<name>-<version>` in the
 * extensions dir, here a symlink to the folder (VS Code scans it and records it in extensions.json).
 * No VSIX or extensionDevelopmentPath needed. Returns the link.
 */
export function linkExtension(extensionsDir, extensionDir) {
  const pkg = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
  const link = join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  mkdirSync(extensionsDir, { recursive: true });
  let current;
  try {
    current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : 'not a link';
  } catch {
    current = undefined;
  }
  if (current !== extensionDir) {
    rmSync(link, { recursive: true, force: true });
    symlinkSync(extensionDir, link, 'dir');
  }
  return link;
}

/** Headless Debian chromium through playwright-core, in a throwaway profile. Close with `close()`. */
export async function launchChromium({ viewport = { width: 1400, height: 900 }, colorScheme } = {}) {
  const { chromium } = await import('playwright-core');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('chromium is not installed; run .ci/e2e/setup.sh');
  const profile = mkdtempSync(join(tmpdir(), 'tollgate-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    colorScheme,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Wait until the workbench is up: the status bar is drawn and no progress bar is busy. */
export async function waitForWorkbench(page, timeout = 30_000) {
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout });
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout });
}
