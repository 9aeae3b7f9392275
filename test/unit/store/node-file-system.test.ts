import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileSystemError } from '../../../server/src/core/store';
import { nodeFileSystem } from '../../../server/src/node/node-file-system';
import { tempDir } from './helpers';

const fs = nodeFileSystem();

test('missing files read as undefined, missing folders list as empty', async () => {
  const dir = tempDir();
  assert.equal(await fs.readText(join(dir, 'nope')), undefined);
  assert.equal(await fs.readBytes(join(dir, 'nope')), undefined);
  assert.deepEqual(await fs.list(join(dir, 'nope')), []);
  assert.equal(await fs.exists(join(dir, 'nope')), false);
});

test('writeAtomic replaces the whole file and leaves no temporary file behind', async () => {
  const dir = tempDir();
  const file = join(dir, 'a', 'b', 'f.json');
  await fs.mkdirp(join(dir, 'a', 'b'));
  await fs.writeAtomic(file, 'one');
  await fs.writeAtomic(file, new Uint8Array([116, 119, 111]));
  assert.equal(await fs.readText(file), 'two');
  assert.deepEqual(await fs.list(join(dir, 'a', 'b')), ['f.json']);
  assert.equal(await fs.exists(file), true);
});

test('writeAtomic into a missing folder is a FileSystemError naming the path', async () => {
  const file = join(tempDir(), 'missing', 'f');
  await assert.rejects(fs.writeAtomic(file, 'x'), (e: Error) => e instanceof FileSystemError && e.path === file && e.message.startsWith(`cannot write ${file}`));
});

test('createExclusive: of ten concurrent creators exactly one wins, and nothing is overwritten', async () => {
  const dir = tempDir();
  const file = join(dir, 'once');
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => fs.createExclusive(file, `writer ${i}`)));
  assert.equal(results.filter(Boolean).length, 1);
  assert.equal(readFileSync(file, 'utf8'), `writer ${results.indexOf(true)}`);
  assert.deepEqual(readdirSync(dir), ['once']);
});

test('withLock runs critical sections one at a time and releases on errors', async () => {
  const lock = join(tempDir(), 'lock');
  let inside = 0;
  let maxInside = 0;
  const section = (i: number) => fs.withLock(lock, async () => {
    inside++;
    maxInside = Math.max(maxInside, inside);
    await new Promise((resolve) => setImmediate(resolve));
    inside--;
    if (i === 3) throw new Error('boom');
    return i;
  });
  const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => section(i)));
  assert.equal(maxInside, 1);
  assert.equal(results.filter((r) => r.status === 'rejected').length, 1);
  assert.equal(await fs.exists(lock), false);
});

test('a lock left by a dead process is broken', async () => {
  const lock = join(tempDir(), 'lock');
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(lock, JSON.stringify({ pid: Number(dead.stdout), host: hostname(), token: 'stale', since: '2026-01-01T00:00:00Z' }));
  assert.equal(await nodeFileSystem({ timeoutMs: 5_000 }).withLock(lock, () => Promise.resolve('got it')), 'got it');
});

test('a lock held by a live process times out with a message naming the lock and its holder', async () => {
  const lock = join(tempDir(), 'lock');
  writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'live', since: '2026-01-01T00:00:00Z' }));
  await assert.rejects(nodeFileSystem({ timeoutMs: 50 }).withLock(lock, () => Promise.resolve('never')), (e: Error) =>
    e instanceof FileSystemError && e.message.includes(lock) && e.message.includes(`pid ${process.ppid} on ${hostname()}`) && /delete the lock file/.test(e.message));
  writeFileSync(lock, JSON.stringify({ pid: 1, host: 'another-host', token: 'remote', since: '2026-01-01T00:00:00Z' }));
  await assert.rejects(nodeFileSystem({ timeoutMs: 50 }).withLock(lock, () => Promise.resolve('never')), /held by pid 1 on another-host/);
});
