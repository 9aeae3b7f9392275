/**
 * Runs the built webview bundles in Debian's Chromium, outside VS Code: a
 * loopback server serves media/ and a page made by the extension's own HTML
 * builder (the same CSP, sent as a header too), and `acquireVsCodeApi` is
 * stubbed to record what the page posts and keep its state.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildHtml, contentSecurityPolicy, newNonce } from '../../client/src/webviews/html';
import { poll } from '../helpers/poll';

const ROOT = join(__dirname, '..', '..');
const MEDIA = join(ROOT, 'media');
export const CHROMIUM = '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export interface Site {
  readonly origin: string;
  close(): Promise<void>;
}

function page(origin: string, view: string): { html: string; csp: string } {
  const nonce = newNonce();
  const html = buildHtml({
    cspSource: origin,
    scriptUri: `${origin}/media/dist/${view}.js`,
    styleUris: [`${origin}/media/webview.css`, `${origin}/media/${view}.css`, `${origin}/theme.css`],
    nonce,
    title: `Tollgate ${view}`,
  });
  return { html, csp: contentSecurityPolicy(origin, nonce) };
}

function staticFile(url: string): { body: Buffer; type: string } | undefined {
  const file = url === '/theme.css' ? join(__dirname, 'vscode-theme.css') : normalize(join(ROOT, decodeURIComponent(url)));
  if (url !== '/theme.css' && !file.startsWith(MEDIA + sep)) return undefined; // like localResourceRoots: media/ only
  if (!existsSync(file)) return undefined;
  return { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
}

export async function serve(): Promise<Site> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    const view = /^\/(verdict|history)\.html$/.exec(url)?.[1];
    if (view) {
      const p = page(origin, view);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': p.csp });
      res.end(p.html);
      return;
    }
    const f = staticFile(url);
    res.writeHead(f ? 200 : 404, { 'content-type': f?.type ?? 'text/plain' });
    res.end(f?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/**
 * The VS Code side of a webview, stubbed: posted messages go to
 * `window.__posted`, state to `window.__state` (seeded from `state`), and CSP
 * violations are collected in `window.__violations`.
 */
function stub(state: unknown): string {
  return `
    window.__posted = [];
    window.__violations = [];
    window.__state = ${JSON.stringify(state ?? null)} ?? undefined;
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    let acquired = false;
    window.acquireVsCodeApi = () => {
      if (acquired) throw new Error('acquireVsCodeApi called twice');
      acquired = true;
      return {
        postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
        getState: () => window.__state,
        setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); return s; },
      };
    };`;
}

export interface ViewOptions {
  readonly theme?: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';
  readonly state?: unknown;
  readonly width?: number;
  readonly height?: number;
}

export async function openView(browser: Browser, site: Site, view: 'verdict' | 'history', o: ViewOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: o.width ?? 1100, height: o.height ?? 900 } });
  const p = await context.newPage();
  await p.addInitScript(stub(o.state));
  // VS Code sets the theme class on <body> before the page's scripts run.
  await p.addInitScript(`document.addEventListener('DOMContentLoaded', () => { document.body.className = ${JSON.stringify(o.theme ?? 'vscode-dark')}; }, { once: true });`);
  await p.goto(`${site.origin}/${view}.html`);
  await waitForPosted(p, (m) => m.type === 'ready');
  return p;
}

export type Posted = { readonly type: string } & Record<string, unknown>;

export function posted(p: Page): Promise<Posted[]> {
  return p.evaluate<Posted[]>('window.__posted');
}

/** Polls the messages the page posted until one matches (no fixed sleeps). */
export async function waitForPosted(p: Page, match: (m: Posted) => boolean, timeoutMs = 15_000): Promise<Posted> {
  try {
    return await poll(async () => (await posted(p)).find(match), 'a matching message', timeoutMs);
  } catch {
    throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify((await posted(p)).map((m) => m.type))}`);
  }
}

/** Sends a host → webview message the way VS Code delivers it (a window `message` event). */
export async function send(p: Page, message: unknown): Promise<void> {
  // As a JSON string: Playwright's own argument serialisation is slow for 10,000 rows, JSON is not.
  await p.evaluate((json: string) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(JSON.parse(json), '*'), JSON.stringify(message));
}

export async function setTheme(p: Page, theme: string): Promise<void> {
  await p.evaluate((t: string) => { (globalThis as unknown as { document: { body: { className: string } } }).document.body.className = t; }, theme);
}

export function evaluate<T>(p: Page, expression: string): Promise<T> {
  return p.evaluate<T>(expression);
}
