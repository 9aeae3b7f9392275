/** The Node side of the evidence ports: streaming file hashes, git through execFile, the optional signer. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeFileHasher, sha256File } from '../../../server/src/node/file-hash';
import { nodeGit } from '../../../server/src/node/git';
import { parseSignCommand, signFile } from '../../../server/src/node/signer';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'tollgate-evidence-'));

test('file hashes are streamed SHA-256; a missing file is undefined', async () => {
  const dir = tmp();
  const data = Buffer.alloc(3 * 65536 + 7, 'x');
  writeFileSync(join(dir, 'run.json'), data);
  assert.deepEqual(await sha256File(join(dir, 'run.json')), { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length });
  assert.equal(await nodeFileHasher(dir).hashFile('missing.json'), undefined);
  await assert.rejects(sha256File(dir), /is a directory/);
});

test('git: head commit and commit author of a real repository; nothing in an untrusted workspace', async () => {
  const dir = tmp();
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q');
  writeFileSync(join(dir, 'f'), 'x');
  git('add', 'f');
  git('-c', 'user.email=alice@example.com', '-c', 'user.name=Alice', 'commit', '-q', '-m', 'c');
  const sha = git('rev-parse', 'HEAD');
  const port = nodeGit({ cwd: dir, trusted: true });
  assert.equal(await port.headCommit(), sha);
  assert.deepEqual(await port.commitAuthor(sha), { email: 'alice@example.com', name: 'Alice' });
  assert.equal(await port.commitAuthor('0'.repeat(40)), undefined);
  assert.equal(await port.commitAuthor('--output=/tmp/x'), undefined, 'never passed to git as an option');
  const untrusted = nodeGit({ cwd: dir, trusted: false, executable: '/nonexistent/git-must-not-run' });
  assert.equal(await untrusted.headCommit(), undefined);
  assert.equal(await nodeGit({ cwd: tmp(), trusted: true }).headCommit(), undefined, 'not a repository');
});

test('the signer runs as an argv (no shell) and writes <file>.sig', async () => {
  const dir = tmp();
  const file = join(dir, 'audit.json');
  writeFileSync(file, '{}');
  // A stand-in signer: node copying the file's hash into the signature path; `;` and `$()` stay literal arguments.
  const script = "require('fs').writeFileSync(process.argv[2], require('crypto').createHash('sha256').update(require('fs').readFileSync(process.argv[1])).digest('hex') + process.argv[3])";
  const command = parseSignCommand(JSON.stringify([process.execPath, '-e', script, '{file}', '{sig}', '; $(touch pwned)']));
  const result = await signFile(file, { command, trusted: true });
  assert.equal(result.signed, true);
  assert.match(readFileSync(`${file}.sig`, 'utf8'), /^[0-9a-f]{64}; \$\(touch pwned\)$/);
  assert.equal(existsSync(join(process.cwd(), 'pwned')), false);
});

test('the signer is never run in an untrusted workspace; failures are reported, not thrown', async () => {
  const dir = tmp();
  const file = join(dir, 'audit.json');
  writeFileSync(file, '{}');
  const marker = join(dir, 'ran');
  const command = [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`, '{file}'];
  const untrusted = await signFile(file, { command, trusted: false });
  assert.deepEqual(untrusted, { signed: false, reason: 'the workspace is not trusted, so the signer was not run' });
  assert.equal(existsSync(marker), false);
  const failing = await signFile(file, { command: [process.execPath, '-e', "process.stderr.write('no key'); process.exit(3)", '{file}'], trusted: true });
  assert.deepEqual(failing.signed === false && failing.reason.endsWith('failed: no key'), true);
});

test('sign commands must be a JSON argv naming {file}', () => {
  assert.throws(() => parseSignCommand('cosign sign-blob {file}'), /JSON array/);
  assert.throws(() => parseSignCommand('["cosign","sign-blob"]'), /\{file\}/);
  assert.throws(() => parseSignCommand('[]'), /non-empty/);
});
