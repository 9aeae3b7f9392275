/**
 * The webviews' import rules: the page's code (client/webview) imports only
 * itself and Chart.js — never `vscode`, Node or the host; the host side
 * (client/src/webviews) takes only types from the page's code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[3] ?? m[4] ?? '', typeOnly: m[2] !== undefined }));
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, dir, f));
}

test('the scanner sees imports (guard against a vacuous pass)', () => {
  const found = imports(join(ROOT, 'client', 'webview', 'charts.ts')).map((i) => i.spec);
  assert.ok(found.includes('chart.js'), found.join(', '));
  assert.ok(imports(join(ROOT, 'client', 'src', 'webviews', 'view-models.ts')).some((i) => i.spec === '../../webview/messages' && i.typeOnly));
});

test('client/webview imports only itself and chart.js', () => {
  const bad = tsFiles('client/webview').flatMap((f) => imports(f).filter((i) => !i.spec.startsWith('./') && i.spec !== 'chart.js').map((i) => `${relative(ROOT, f)} imports ${i.spec}`));
  assert.deepEqual(bad, []);
});

test('client/src/webviews takes only types from client/webview', () => {
  const bad = tsFiles('client/src/webviews').flatMap((f) => imports(f).filter((i) => i.spec.includes('/webview/') && !i.typeOnly).map((i) => `${relative(ROOT, f)} imports ${i.spec} at run time`));
  assert.deepEqual(bad, []);
});

test('no webview code builds markup from strings', () => {
  const risky = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|setAttribute\(\s*['"]style['"]|\beval\(|new Function\(/;
  const bad = tsFiles('client/webview').filter((f) => risky.test(readFileSync(f, 'utf8')));
  assert.deepEqual(bad.map((f) => relative(ROOT, f)), []);
});
