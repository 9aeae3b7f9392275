/**
 * What crosses the gate worker's thread boundary: runs keep their metadata's
 * JSON classes (the Parquet writer needs them) and errors keep the classes
 * the request handlers map to answers. The worker itself runs in the built
 * server (test/lsp/gate-cancel.test.ts, test/lsp/evidence.test.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataError, UsageError } from '../../../server/src/core/errors';
import { runToRows } from '../../../server/src/core/store';
import { JsonNumber, JsonObject } from '../../../server/src/core/text/json-value';
import { receiveError, receiveRun, sendError } from '../../../server/src/node/gate-job';
import { frame, meta } from './helpers';

test('a cloned run gets its JsonNumber/JsonObject metadata back, so it is stored byte for byte the same', () => {
  const nested = meta({ k: 1, f: 2.5 });
  nested.set('list', [new JsonNumber('3', 3, true), 'x', null, true]);
  const original = frame('r', [{ id: 'a', score: 1, metadata: nested }, { id: 'b', score: 0 }]);
  const cloned = structuredClone(original);
  assert.ok(!(cloned.items.metadata.get(0) instanceof JsonObject), 'structuredClone drops the classes (why receiveRun exists)');
  const back = receiveRun(cloned);
  assert.ok(back.items.metadata.get(0) instanceof JsonObject);
  assert.deepEqual(runToRows('p', back, 0n).metadataJson, runToRows('p', original, 0n).metadataJson);
});

test('errors cross as the classes the handlers answer with: DataError (file, position), UsageError, bugs with their stack', () => {
  const data = receiveError(sendError(new DataError('bad score', '/x/run.json', { offset: 5, line: 2, column: 3 })));
  assert.ok(data instanceof DataError);
  assert.equal(data.describe(), '/x/run.json:2:3: bad score');
  assert.ok(receiveError(sendError(new UsageError('minDelta must be finite'))) instanceof UsageError);
  const bug = new TypeError('oops');
  const back = receiveError(sendError(bug));
  assert.ok(!(back instanceof DataError) && !(back instanceof UsageError));
  assert.equal(back.stack, bug.stack);
});
