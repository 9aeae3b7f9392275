/**
 * A child process for the crash and concurrency tests: appends `count`
 * release events to the chain under `root` and prints one line per append
 * once it is durable ("<n>\n"). Usage: node chain-writer.js ROOT COUNT TAG
 */
import { recordRelease } from '../../server/src/core/evidence';
import { sha256Hex } from '../../server/src/node/file-hash';
import { nodeFileSystem } from '../../server/src/node/node-file-system';

async function main(): Promise<void> {
  const [root, countText, tag] = process.argv.slice(2);
  const ctx = { fs: nodeFileSystem({ minDelayMs: 1, maxDelayMs: 10 }), clock: { now: () => new Date() }, sha256: sha256Hex };
  for (let i = 0; i < Number(countText); i++) {
    await recordRelease(ctx, root, {
      service: `svc-${tag}`,
      env: 'prod',
      image: `reg/app@sha256:${sha256Hex(`${tag}-${i}`)}`,
      gitSha: sha256Hex(tag).slice(0, 40),
      changeTicket: `CHG-${i}`,
      approvedBy: 'bob',
      evidence: [],
      recordedBy: tag,
      requireSeparation: false,
      tool: { name: 'tollgate', version: 'test' },
    });
    process.stdout.write(`${i + 1}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
