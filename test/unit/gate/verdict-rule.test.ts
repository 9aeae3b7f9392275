import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComparisonResult } from '../../../server/src/core/gate/compare';
import { decide } from '../../../server/src/core/gate/gate';
import { gateFamily } from '../../../server/src/core/gate/gate-family';
import { worstVerdict } from '../../../server/src/core/gate/verdict';
import type { AlignedRuns } from '../../../server/src/core/runs/align';

const base: ComparisonResult = { delta: 0.03, ci: [0.01, Infinity], ciLevel: 0.95, pValue: 0.001, significant: true, nPairs: 500, nClusters: null, method: 'paired_t', mde: 0.02, notes: [] };

test('ALLOW: significant and delta clears min_delta', () => {
  const r = decide(base, 0.02, 0.05, 0.8);
  assert.deepEqual([r.verdict, r.exitCode, r.suggestion], ['ALLOW', 0, null]);
});

test('REJECT with the "statistically real" suggestion when the effect is real but small', () => {
  const r = decide({ ...base, delta: 0.015 }, 0.02, 0.05, 0.8);
  assert.equal(r.verdict, 'REJECT');
  assert.equal(r.suggestion, 'effect is statistically real (p=0.0010) but below the minimum-delta policy of 0.0200.');
});

test('INCONCLUSIVE with the required-n suggestion when underpowered', () => {
  const r = decide({ ...base, significant: false, mde: 0.04 }, 0.02, 0.05, 0.8);
  assert.equal(r.verdict, 'INCONCLUSIVE');
  assert.equal(r.suggestion, 'underpowered: detectable effect at 80% power is 0.0400, but you asked to detect 0.0200. collect ~1,500 more paired items (total ~2,000) and re-run.');
});

test('REJECT without suggestion when not significant but well powered', () => {
  const r = decide({ ...base, significant: false, mde: 0.01 }, 0.02, 0.05, 0.8);
  assert.deepEqual([r.verdict, r.suggestion], ['REJECT', null]);
});

test('the family verdict is the worst member verdict', () => {
  assert.equal(worstVerdict(['ALLOW', 'INCONCLUSIVE', 'ALLOW']), 'INCONCLUSIVE');
  assert.equal(worstVerdict(['INCONCLUSIVE', 'REJECT']), 'REJECT');
  assert.equal(worstVerdict(['ALLOW']), 'ALLOW');
});

/** Paired differences with a chosen mean and spread, deterministic. */
function aligned(shift: number, n = 400): AlignedRuns {
  const baseline = Float64Array.from({ length: n }, (_, i) => 0.5 + 0.2 * Math.sin(i * 1.3));
  const candidate = baseline.map((b, i) => b + shift + 0.2 * Math.sin(i * 7.7 + 1));
  return { ids: Array.from({ length: n }, (_, i) => String(i)), baseline, candidate, clusters: null, notes: [] };
}

test('Holm: a member significant on its own can lose significance in a family', () => {
  const strong = aligned(0.05);
  const weak = aligned(0.0125);
  const alone = gateFamily([{ label: 'weak', taskId: 't', metricName: 'm', aligned: weak }], { minDelta: 0.001, method: 'paired_t' });
  const pWeak = alone.gates[0].report.comparison.pValue;
  assert.ok(pWeak < 0.05 && pWeak > 0.025, `weak member p = ${pWeak} should sit between α/2 and α`);
  assert.equal(alone.verdict, 'ALLOW');
  const family = gateFamily(
    [
      { label: 'strong', taskId: 't', metricName: 'm', aligned: strong },
      { label: 'weak', taskId: 't', metricName: 'm', aligned: weak },
      { label: 'weak again', taskId: 't', metricName: 'm', aligned: weak },
    ],
    { minDelta: 0.001, method: 'paired_t' },
  );
  const w = family.gates[1];
  assert.equal(w.report.comparison.pValue, family.gates[2].report.comparison.pValue);
  assert.ok(w.pAdjusted >= 2 * w.report.comparison.pValue - 1e-15, 'Holm multiplies the weak p-values');
  assert.equal(family.gates[0].report.verdict, 'ALLOW');
  assert.notEqual(w.report.verdict, 'ALLOW');
  assert.equal(family.verdict, w.report.verdict);
  assert.equal(w.report.comparison.ciLevel, 1 - 0.05 / 3, 'members carry simultaneous CIs');
});
