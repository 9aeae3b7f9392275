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
import { gate } from '../../../server/src/core/gate/gate';
import { toJson, toPlainObject } from '../../../server/src/core/report/to-json';
import { gateToMarkdown, gateToText } from '../../../server/src/core/report/to-text';
import { readRun } from '../../../server/src/core/runs/read-run';
import { assertReportClose, goldenCases } from '../../helpers/golden';

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
      assertReportClose(toPlainObject(report), c.expected.report, c.expected.rng_dependent ? 0 : 1e-12);
      assert.equal(gateToText(report), c.expected.stdout_tty);
      assert.equal(gateToMarkdown(report), c.expected.stdout_markdown);
      if (c.expected.rng_dependent) {
        // Bit-identical numbers give byte-identical text, Python float repr included.
        assert.equal(toJson(report, 'evalsig'), c.expected.evalsig_to_json);
      }
    });
  }
});
