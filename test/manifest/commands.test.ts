/**
 * package.json's commands, menus and activation agree with the client's
 * command table and the README: a command added in one place and not the
 * others is a command users cannot find (or one that does nothing).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
interface Command { command: string; title: string; category?: string; enablement?: string }
interface Pkg { main?: string; activationEvents?: string[]; contributes: { commands: Command[]; menus: Record<string, { command: string; when?: string }[]> } }
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Pkg;
const TABLE = readFileSync(join(ROOT, 'client/src/commands/index.ts'), 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function registeredIds(): string[] {
  const block = TABLE.slice(TABLE.indexOf('export const COMMANDS'), TABLE.indexOf('};', TABLE.indexOf('export const COMMANDS')));
  return [...block.matchAll(/^\s+'(tollgate\.\w+)':/gm)].map((m) => m[1]).sort();
}

test('package.json contributes exactly the commands the client registers', () => {
  const ids = registeredIds();
  assert.ok(ids.length >= 8, `command table parsed: ${ids.join(', ')}`);
  assert.deepEqual(PKG.contributes.commands.map((c) => c.command).sort(), ids);
});

test('every command has the Tollgate category and a title in Title Case', () => {
  for (const c of PKG.contributes.commands) {
    assert.equal(c.category, 'Tollgate', c.command);
    assert.match(c.title, /^[A-Z][\w-]*( ([A-Z][\w-]*|of|the|to|from|a|an|this|This)\b)*…?$/, c.command);
  }
});

test('menus only name contributed commands', () => {
  const ids = new Set(PKG.contributes.commands.map((c) => c.command));
  for (const [menu, items] of Object.entries(PKG.contributes.menus)) for (const item of items) assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
});

test('the README lists every command by its palette title', () => {
  for (const c of PKG.contributes.commands) assert.ok(README.includes(`Tollgate: ${c.title}`), `README misses "Tollgate: ${c.title}"`);
});

test('the extension entry point exists after the build and activation covers Tollgate files', () => {
  assert.equal(PKG.main, './client/out/extension.js');
  assert.ok(existsSync(join(ROOT, PKG.main)), 'run npm run build first');
  assert.ok(PKG.activationEvents?.includes('onLanguage:yaml'));
});
