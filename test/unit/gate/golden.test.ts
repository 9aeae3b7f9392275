/**
 * Every EVALSIG golden vector through the core: verdict, exit code, every
 * report field (1e-12 relative for analytic methods, bit-identical for the
 * resampling ones), the JSON text, and the terminal and Markdown renderings.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DataError } from '../../../server/src/core/errors';
import { compare, type MethodName } from '../../../server/src/core/gate/compare';
import { gate, type GateReport } from '../../../server/src/core/gate/gate';
import { toJson, toPlainObject } from '../../../server/src/core/report/to-json';
import { gateToMarkdown, gateToText } from '../../../server/src/core/report/to-text';
import { readRun } from '../../../server/src/core/runs/read-run';
import { assertReportClose, goldenCases } from '../../helpers/golden';

interface ExpectedReport {
  comparison: { delta: number; ci: (number | string)[]; p_value: number; mde: number };
}

const num = (x: number | string): number => (x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : (x as number));

/** Our report carrying EVALSIG's numbers, to test the serializer in isolation from last-ulp differences. */
function withNumbersOf(report: GateReport, e: ExpectedReport): GateReport {
  const c = e.comparison;
  return { ...report, comparison: { ...report.comparison, delta: c.delta, ci: [num(c.ci[0]), num(c.ci[1])], pValue: c.p_value, mde: c.mde } };
}

describe('EVALSIG golden vectors (core)', () => {
  for (const c of goldenCases()) {
    test(`${c.name}: ${c.params.description}`, () => {
      const load = (f: string) => readRun(readFileSync(join(c.dir, f), 'utf8'), f);
      const p = c.params;
      const run = () => {
        const opts = { method: p.method as MethodName, cluster: p.cluster, alpha: p.alpha, power: p.power, oneSided: p.one_sided, resamples: p.n_resamples, seed: p.seed };
        return p.api === 'gate' ? gate(load('baseline.json'), load('candidate.json'), { ...opts, minDelta: p.min_delta as number }) : compare(load('baseline.json'), load('candidate.json'), opts);
      };
      if (c.expected.error) {
        assert.throws(run, (e: unknown) => e instanceof DataError && e.message === c.expected.error!.message);
        return;
      }
      const report = run();
      assert.ok('verdict' in report);
      assert.equal(report.exitCode, c.expected.exit_code);
      // Everything analytic agrees to 1e-12 (in practice ≤ 2e-16: scipy and Tollgate round some
      // special functions differently in the last bit); the resampling results are bit-identical.
      assertReportClose(toPlainObject(report), c.expected.report, 1e-12);
      if (c.expected.rng_dependent) {
        const expected = c.expected.report as { comparison: { p_value: number; ci: unknown[] } };
        assert.equal(report.comparison.pValue, expected.comparison.p_value, 'resampled p-value, bit for bit');
        assertReportClose((toPlainObject(report.comparison) as { ci: unknown[] }).ci, expected.comparison.ci, 0, 'ci (bit for bit)');
      }
      assert.equal(gateToText(report), c.expected.stdout_tty);
      assert.equal(gateToMarkdown(report), c.expected.stdout_markdown);
      // The JSON writer reproduces Python's json.dumps byte for byte: fed EVALSIG's own numbers
      // (the expected report, ±∞ restored), it must print exactly EVALSIG's text.
      assert.equal(toJson(withNumbersOf(report, c.expected.report as unknown as ExpectedReport), 'evalsig'), c.expected.evalsig_to_json);
    });
  }
});
