import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGoDuration, pauseSeconds, suggestGoDuration } from '../../../../server/src/core/manifest/rules/argo/go-duration';

const nanos = (s: string) => {
  const d = parseGoDuration(s);
  return d.ok ? d.nanos : d.error;
};

test('parseGoDuration accepts what Go accepts', () => {
  assert.equal(nanos('0'), 0n);
  assert.equal(nanos('-0'), 0n);
  assert.equal(nanos('1h30m'), 5_400_000_000_000n);
  assert.equal(nanos('1.5h'), 5_400_000_000_000n);
  assert.equal(nanos('.5s'), 500_000_000n);
  assert.equal(nanos('5.s'), 5_000_000_000n);
  assert.equal(nanos('+10ms'), 10_000_000n);
  assert.equal(nanos('-3us'), -3_000n);
  assert.equal(nanos('1µs'), 1_000n);
  assert.equal(nanos('1μs'), 1_000n);
  assert.equal(nanos('1h1m1s1ms1us1ns'), 3_661_001_001_001n);
  assert.equal(nanos('2562047h47m16.854775807s'), (1n << 63n) - 1n);
  assert.equal(nanos('-2562047h47m16.854775808s'), -(1n << 63n));
});

test('parseGoDuration rejects what Go rejects, with Go\'s messages', () => {
  assert.equal(nanos('1d'), 'time: unknown unit "d" in duration "1d"');
  assert.equal(nanos('10'), 'time: missing unit in duration "10"');
  assert.equal(nanos(''), 'time: invalid duration ""');
  assert.equal(nanos('.s'), 'time: invalid duration ".s"');
  assert.equal(nanos('1 h'), 'time: unknown unit " h" in duration "1 h"');
  assert.equal(nanos('2562047h47m16.854775808s'), 'time: invalid duration "2562047h47m16.854775808s"');
  assert.equal(nanos('-'), 'time: invalid duration "-"');
});

test('pauseSeconds follows RolloutPause.DurationSeconds', () => {
  assert.deepEqual(pauseSeconds('30'), { seconds: 30 });
  assert.deepEqual(pauseSeconds('-5'), { seconds: -5 });
  assert.deepEqual(pauseSeconds('90s'), { seconds: 90 });
  assert.deepEqual(pauseSeconds('1500ms'), { seconds: 1 });
  assert.equal(pauseSeconds('1d').seconds, -1);
  assert.equal(pauseSeconds('99999999999').seconds, -1); // beyond int32, and no unit
  assert.equal(pauseSeconds('1000000h').overflow, true);
});

test('suggestGoDuration rewrites days and spelled-out units only', () => {
  assert.equal(suggestGoDuration('1d'), '24h');
  assert.equal(suggestGoDuration('2d12h'), '60h');
  assert.equal(suggestGoDuration('1d30m'), '24h30m');
  assert.equal(suggestGoDuration('10 minutes'), '10m');
  assert.equal(suggestGoDuration('2hrs'), '2h');
  assert.equal(suggestGoDuration('ten'), undefined);
  assert.equal(suggestGoDuration('5y'), undefined);
});
