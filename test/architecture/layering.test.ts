/**
 * The layering rules of the codebase, checked on every import line: the core
 * is pure (no Node built-ins, no VS Code, no LSP, no adapters); the Node
 * ports do not reach into the adapters; the CLI never loads LSP packages.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'server', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|process$|worker_threads$|util$|stream$|net$|http)/;

function violations(layer: string, forbidden: (spec: string) => boolean): string[] {
  return files(join(SRC, layer)).flatMap((f) => imports(f).filter(forbidden).map((spec) => `${relative(ROOT, f)} imports ${spec}`));
}

test('the scanner sees imports (guard against a vacuous pass)', () => {
  const found = imports(join(SRC, 'core', 'gate', 'compare.ts'));
  assert.ok(found.includes('../runs/align'), found.join(', '));
  assert.ok(imports(join(SRC, 'node', 'read-run-file.ts')).includes('node:fs'));
});

/** Pure, platform-free libraries the core may use (YAML with source ranges). Everything else is an adapter's business. */
const CORE_PACKAGES = new Set(['yaml']);

test('core imports only core: no Node, VS Code, LSP or adapter modules', () => {
  const bad = violations('core', (s) => NODE_BUILTINS.test(s) || s.startsWith('vscode') || /\/(node|cli|lsp|protocol)\//.test(s) || (!s.startsWith('.') && !CORE_PACKAGES.has(s)));
  assert.deepEqual(bad, []);
});

test('core uses no Node or browser globals', () => {
  const globals = /\b(process\.|Buffer\b|require\(|__dirname|console\.|document\.|window\.)/;
  const bad = files(join(SRC, 'core')).filter((f) => globals.test(readFileSync(f, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')));
  assert.deepEqual(bad.map((f) => relative(ROOT, f)), []);
});

test('node ports do not import the adapters', () => {
  assert.deepEqual(violations('node', (s) => /\/(cli|lsp|protocol)\//.test(s) || s.startsWith('vscode')), []);
});

test('the CLI does not depend on VS Code or LSP packages', () => {
  assert.deepEqual(violations('cli', (s) => s.startsWith('vscode') || /\/lsp\//.test(s)), []);
});
