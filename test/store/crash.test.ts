/**
 * Crash safety: writer processes are SIGKILLed at seeded random points while
 * they write (including while they hold the manifest lock). Afterwards the
 * store loads, every record's file is whole and holds exactly the run that
 * was written, every acknowledged write is there, and the next writer gets
 * past the dead writer's lock.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../helpers/seeded-random.cjs';
import { openRunStore } from '../../server/src/core/store';
import { nodeFileSystem } from '../../server/src/node/node-file-system';
import { plain, tempDir } from '../unit/store/helpers';
import { expectedRun } from './expected-run';
import { jsonCodec } from './json-codec';
import { startWorker } from './worker-process';

const TRIALS = 50;
const LANES = 5; // projects whose writers are killed in parallel: overlaps the fsync waits
const ITEMS = 20;

test(`SIGKILL at ${TRIALS} seeded random points leaves only whole records`, { timeout: 180_000 }, async (t) => {
  const store = openRunStore({ fs: nodeFileSystem(), codec: jsonCodec, clock: { now: () => new Date() } }, tempDir());
  const random = mulberry32(20260517);
  const plan = Array.from({ length: TRIALS }, (_, trial) => ({ trial, acks: Math.floor(random() * 3), delayMs: random() * 25 }));
  const acked = new Map<string, string[]>(Array.from({ length: LANES }, (_, i) => [`lane${i}`, []]));
  for (let i = 0; i < plan.length; i += LANES) {
    await Promise.all(plan.slice(i, i + LANES).map(async ({ trial, acks, delayMs }) => {
      const project = `lane${trial % LANES}`;
      const w = await startWorker(store.root, project, `t${trial}`, 1000, ITEMS, 'json');
      await w.ready;
      await w.acks(acks);
      // The kill point: a seeded delay into the writing loop (not a wait for a condition).
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      w.child.kill('SIGKILL');
      const code = await w.exited;
      assert.equal(code, null, `trial ${trial}: the writer exited by itself (${w.stderr()})`);
      acked.get(project)!.push(...w.acked);
    }));
  }
  let records = 0;
  let orphans = 0;
  for (const [project, ids] of acked) {
    const runs = await store.listRuns(project);
    records += runs.length;
    const stored = new Set(runs.map((r) => r.record.runId));
    for (const id of ids) assert.ok(stored.has(id), `${project}: acknowledged write ${id} is missing`);
    for (const { record } of runs) {
      assert.deepEqual(plain(await store.loadRun(project, record.runId)), plain(expectedRun(record.runId, ITEMS)), record.runId);
      assert.equal(record.nItems, ITEMS);
    }
    // Orphans (file written, record not yet) may exist; they are never listed as runs.
    const strays = await store.findOrphans(project);
    for (const orphan of strays) assert.ok(!runs.some((r) => r.record.path === orphan));
    orphans += strays.length;
  }
  // How many kills landed between a file and its record (or inside a file write): evidence the trials hit the windows.
  t.diagnostic(`${records} records, ${orphans} orphan or temporary files after ${TRIALS} kills`);
  assert.ok(records >= TRIALS / 2, `only ${records} records written across ${TRIALS} trials`);
  // A writer after all the kills gets the lock (stale locks of dead pids are broken) and writes.
  const last = await startWorker(store.root, 'lane0', 'after', 2, ITEMS, 'json');
  assert.equal(await last.exited, 0, last.stderr());
  assert.ok((await store.listRuns('lane0')).some((r) => r.record.runId === 'after-1'));
});
