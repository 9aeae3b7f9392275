/**
 * The one HTML builder for every Tollgate webview. The page is a static shell:
 * one nonce'd script and local stylesheets, no data at all — data arrives by
 * `postMessage` and is rendered as text, so nothing a run file contains can
 * become markup. Pure (no `vscode`), so the CSP is unit-tested.
 */
import { randomBytes } from 'node:crypto';

export interface HtmlParts {
  /** `webview.cspSource`: the origin local resources are served from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
  readonly nonce: string;
  readonly title: string;
}

/** 128 random bits, base64: a fresh one per page load, as CSP nonces must be unguessable. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * `default-src 'none'` and only what the views need: our script by nonce,
 * styles/images/fonts from the extension's media folder. No 'unsafe-inline'
 * or 'unsafe-eval' anywhere (Chart.js needs neither).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Escapes text for an element or a double-quoted attribute (the only kind
 * written here, so `'` stays as is and the CSP reads as written). Only
 * constants and webview URIs reach here, but a URI may contain `&`.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

/** Nonces are base64; anything else would let a caller break out of the CSP or the attribute. */
function checkNonce(nonce: string): string {
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(nonce)) throw new Error('nonce must be base64 of at least 12 random bytes');
  return nonce;
}

export function buildHtml(p: HtmlParts): string {
  const nonce = checkNonce(p.nonce);
  const csp = contentSecurityPolicy(p.cspSource, nonce);
  const styles = p.styleUris.map((u) => `  <link rel="stylesheet" href="${escapeHtml(u)}">`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '  <meta charset="UTF-8">',
    `  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '  <meta name="viewport" content="width=device-width, initial-scale=1.0">',
    ...styles,
    `  <title>${escapeHtml(p.title)}</title>`,
    '</head>',
    '<body>',
    '  <main id="app" aria-busy="true"></main>',
    `  <script nonce="${nonce}" src="${escapeHtml(p.scriptUri)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
