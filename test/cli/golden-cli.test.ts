/**
 * The golden vectors through the real command line: EVALSIG's own argv,
 * unchanged, must give EVALSIG's exit code and stdout (tty, markdown, json).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertReportClose, goldenCases } from '../helpers/golden';
import { tollgate } from '../helpers/cli';

describe('EVALSIG golden vectors (CLI)', () => {
  for (const c of goldenCases()) {
    test(`${c.name}: exit code and tty text`, () => {
      const r = tollgate(c.params.cli_args, { cwd: c.dir });
      assert.equal(r.status, c.expected.exit_code, r.stderr);
      if (c.expected.error) {
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /^tollgate: data error: (baseline|candidate)\.json:\d+:\d+: /);
        assert.ok(r.stderr.includes(c.expected.error.message), r.stderr);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace for bad input');
        return;
      }
      assert.equal(r.stdout, `${c.expected.stdout_tty}\n`);
    });
    if (c.expected.error) continue;

    test(`${c.name}: markdown and json outputs, --json file`, () => {
      const md = tollgate([...c.params.cli_args, '--output', 'markdown'], { cwd: c.dir });
      assert.equal(md.stdout, `${c.expected.stdout_markdown}\n`);
      const out = join(mkdtempSync(join(tmpdir(), 'tollgate-')), 'report.json');
      const js = tollgate([...c.params.cli_args, '--output', 'json', '--json', out], { cwd: c.dir });
      assert.equal(js.status, c.expected.exit_code);
      const printed: unknown = JSON.parse(js.stdout); // strict JSON: no bare Infinity
      assertReportClose(printed, c.expected.report, 1e-12);
      assert.equal(readFileSync(out, 'utf8'), js.stdout.trimEnd(), '--json writes the same report, without a trailing newline');
      // Same text as EVALSIG's to_json except the strict infinities, once the last-ulp digits of
      // analytic values (MDE via the normal quantile) are allowed to differ.
      const evalsigText = (c.expected.evalsig_to_json as string).replace(/(-?)\bInfinity\b/g, '"$1Infinity"');
      const shape = (t: string): string => t.replace(/-?\d+\.\d+(e-?\d+)?/g, 'N');
      assert.equal(shape(js.stdout), `${shape(evalsigText)}\n`, 'same layout, keys and formatting as EVALSIG');
      if (c.expected.rng_dependent) {
        const p = (t: string): string | undefined => /"p_value": ([^,\n]+)/.exec(t)?.[1];
        assert.equal(p(js.stdout), p(evalsigText), 'resampled p-value printed identically');
      }
    });
  }
});
