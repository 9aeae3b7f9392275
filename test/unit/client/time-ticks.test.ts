/** Calendar-aligned ticks for the history chart's time axis. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeTicks } from '../../../client/webview/time-ticks';

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

test('half a year gets month starts', () => {
  const t = timeTicks(day('2023-12-28'), day('2024-07-02'));
  assert.deepEqual(t.map((x) => x.label), ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07']);
  assert.ok(t.every((x) => new Date(x.value).getUTCDate() === 1 && x.value % 86_400_000 === 0));
});

test('a month gets Mondays, a few days get midnights, a day gets hours', () => {
  const weeks = timeTicks(day('2024-05-01'), day('2024-05-31'));
  assert.ok(weeks.every((x) => new Date(x.value).getUTCDay() === 1), weeks.map((x) => x.label).join());
  assert.deepEqual(timeTicks(day('2024-05-01') + 1, day('2024-05-05')).map((x) => x.label), ['2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05']);
  const hours = timeTicks(day('2024-05-01'), day('2024-05-01') + 5 * 3_600_000);
  assert.deepEqual(hours.map((x) => x.label), ['05-01 00:00', '05-01 01:00', '05-01 02:00', '05-01 03:00', '05-01 04:00', '05-01 05:00']);
});

test('never more than asked for (years for a decade), nothing for an empty span', () => {
  const t = timeTicks(day('2015-03-01'), day('2024-03-01'), 8);
  assert.ok(t.length <= 9 && t.length > 0, String(t.length));
  assert.ok(t.every((x) => /^\d{4}$/.test(x.label)));
  assert.deepEqual(timeTicks(5, 5), []);
});
