import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exceeds, parseQuantity } from '../../../../server/src/core/manifest/rules/resources/quantity';

test('parses Kubernetes quantities into base units', () => {
  const cases: [string, number][] = [
    ['500m', 0.5], ['1', 1], ['1.5', 1.5], ['128Mi', 128 * 2 ** 20], ['1G', 1e9], ['1e3', 1000], ['2Ki', 2048],
    ['1E3', 1000], ['1E', 1e18], ['.5', 0.5], ['5.', 5], ['+2', 2], ['-1', -1], ['100n', 1e-7], ['3u', 3e-6], ['1Gi', 2 ** 30], ['0', 0], [' 2 ', 2],
  ];
  for (const [text, value] of cases) assert.ok(Math.abs((parseQuantity(text) ?? NaN) - value) <= 1e-12 * Math.max(1, value), `${text} → ${String(parseQuantity(text))}`);
});

test('rejects what is not a quantity without throwing', () => {
  for (const text of ['', 'abc', '1.2.3', '5 Mi', '1mi', '1KiB', 'm', '1e', '0x10', '1e999999', 'Infinity', 'NaN']) assert.equal(parseQuantity(text), undefined, text);
});

test('compares beyond floating-point noise', () => {
  assert.equal(exceeds(parseQuantity('100m')!, parseQuantity('0.1')!), false);
  assert.equal(exceeds(parseQuantity('1025Mi')!, parseQuantity('1Gi')!), true);
  assert.equal(exceeds(parseQuantity('1Gi')!, parseQuantity('1G')!), true);
});
