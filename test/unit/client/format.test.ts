/** Formatting shared by the webviews: the report's conventions (signed, 4 decimals, ±∞, UTC). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseName, bytes, dirName, integer, interval, percent, pValue, signed, utcDay, utcMinute } from '../../../client/webview/format';

test('numbers', () => {
  assert.equal(signed(0.0262), '+0.0262');
  assert.equal(signed(-0.00794), '−0.0079');
  assert.equal(signed(0), '0.0000');
  assert.equal(signed(-0.00001), '0.0000', 'no sign on a value that rounds to zero');
  assert.equal(signed(null), '—');
  assert.equal(pValue(0.6072), '0.607');
  assert.equal(pValue(9.999e-5), '1.0e−4');
  assert.equal(pValue(0), '0.000');
  assert.equal(percent(0.95), '95%');
  assert.equal(percent(0.9833333), '98.3%');
  assert.equal(integer(2500), '2,500');
  assert.deepEqual([bytes(512), bytes(184_322), bytes(5 * 1024 * 1024)], ['512 B', '180 KB', '5.0 MB']);
});

test('intervals mark an unbounded side with ∞ and an open bracket', () => {
  assert.equal(interval({ low: 0.0223, high: null }), '[+0.0223, +∞)');
  assert.equal(interval({ low: null, high: -0.01 }), '(−∞, −0.0100]');
  assert.equal(interval({ low: -0.0125, high: -0.0034 }), '[−0.0125, −0.0034]');
  assert.equal(interval(null), '—');
});

test('dates and paths', () => {
  const t = Date.UTC(2024, 4, 1, 14, 3, 59);
  assert.equal(utcMinute(t, 'raw'), '2024-05-01 14:03');
  assert.equal(utcMinute(0, 'raw'), 'raw');
  assert.equal(utcDay(t), '2024-05-01');
  assert.equal(baseName('/a/b/c.json'), 'c.json');
  assert.equal(baseName('C:\\runs\\x.json'), 'x.json');
  assert.equal(dirName('/a/b/c.json'), '/a/b/');
  assert.equal(dirName('c.json'), '');
});
