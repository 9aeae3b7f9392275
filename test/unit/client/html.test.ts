/**
 * The one webview HTML builder: a strict CSP whose nonce matches the only
 * script, local resources only, and no data in the page at all.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHtml, contentSecurityPolicy, escapeHtml, newNonce } from '../../../client/src/webviews/html';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const parts = (nonce = newNonce()) => ({
  cspSource: SOURCE,
  scriptUri: `${SOURCE}/ext/media/dist/verdict.js`,
  styleUris: [`${SOURCE}/ext/media/webview.css`, `${SOURCE}/ext/media/verdict.css`],
  nonce,
  title: 'Tollgate Verdict',
});

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(m, 'the page declares its CSP');
  return m[1].replaceAll('&#39;', "'");
}

test('the CSP denies by default and allows only the nonce script and local styles, images and fonts', () => {
  const nonce = newNonce();
  const d = directives(contentSecurityPolicy(SOURCE, nonce));
  assert.deepEqual(d.get('default-src'), ["'none'"]);
  assert.deepEqual(d.get('script-src'), [`'nonce-${nonce}'`]);
  assert.deepEqual(d.get('style-src'), [SOURCE]);
  assert.deepEqual(d.get('img-src'), [SOURCE, 'data:']);
  assert.deepEqual(d.get('font-src'), [SOURCE]);
  assert.deepEqual([...d.keys()].sort(), ['default-src', 'font-src', 'img-src', 'script-src', 'style-src']);
  assert.doesNotMatch(contentSecurityPolicy(SOURCE, nonce), /unsafe-(inline|eval)|\*/);
});

test('the page CSP is the builder CSP, and the only script carries its nonce', () => {
  const p = parts();
  const html = buildHtml(p);
  assert.equal(cspOf(html), contentSecurityPolicy(SOURCE, p.nonce));
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.match(scripts[0][1], new RegExp(`nonce="${p.nonce.replace(/[+/=]/g, '\\$&')}"`));
  assert.match(scripts[0][1], /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/dist\/verdict\.js"/);
  assert.equal(scripts[0][2].trim(), '', 'no inline script body');
});

test('no inline styles or handlers, and every resource is from the webview source', () => {
  const html = buildHtml(parts());
  assert.doesNotMatch(html, /<style|style=|\son[a-z]+=/i);
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(urls.length, 3);
  assert.ok(urls.every((u) => u.startsWith(`${SOURCE}/`)), urls.join(', '));
});

test('nonces are fresh, long and base64; a bad nonce is refused rather than pasted into the CSP', () => {
  const a = newNonce();
  assert.notEqual(a, newNonce());
  assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
  assert.throws(() => buildHtml(parts("x' 'unsafe-inline")), /nonce/);
  assert.throws(() => buildHtml(parts('short')), /nonce/);
});

test('the title and URIs are escaped; the page holds a static shell, no data', () => {
  const html = buildHtml({ ...parts(), title: '<img src=x onerror=alert(1)>', scriptUri: `${SOURCE}/a.js?x="><b>` });
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('&quot;&gt;&lt;b&gt;'));
  assert.doesNotMatch(html, /<img|<b>/);
  assert.match(html, /<main id="app" aria-busy="true"><\/main>/);
  assert.equal(escapeHtml(`&<>"'`), `&amp;&lt;&gt;&quot;'`);
});
