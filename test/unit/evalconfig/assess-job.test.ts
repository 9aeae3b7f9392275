/**
 * The gate preview's worker job (server/src/node/assess-job.ts), run in
 * process: it must assess exactly as the inline check does (the CLI's
 * `tollgate check`), with an editor's unsaved run text winning over the file
 * and missing files reported the same way: the editor and CI must agree. The worker thread itself runs in
 * the built server (test/lsp/gate-preview.test.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assessEvalGate } from '../../../server/src/core/evalconfig/evaluate-eval-gate';
import { planEvalGate } from '../../../server/src/core/evalconfig/plan-eval-gate';
import { DEFAULT_POLICY } from '../../../server/src/core/policy/default-policy';
import { runAssessJob } from '../../../server/src/node/assess-job';
import { readRunFile } from '../../../server/src/node/read-run-file';

const ROOT = join(__dirname, '..', '..', '..');
const GATE = join(ROOT, 'examples', 'qa.evalgate.yaml');

function plan(spec: string) {
  const p = planEvalGate(GATE, `apiVersion: tollgate.dev/v1\nkind: EvalGate\nmetadata: {name: qa}\nspec:\n${spec}`, DEFAULT_POLICY).plan;
  assert.ok(p);
  return p;
}

test('the worker job assesses like the inline check: verdict pair, mismatched pair, missing file, Parquet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-assess-'));
  const parquet = join(dir, 'candidate.parquet');
  writeFileSync(parquet, 'PAR1');
  for (const spec of [
    '  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n  minDelta: 0.01\n',
    '  baseline: runs/reject/baseline.json\n  candidate: runs/allow/candidate.json\n  minDelta: 0.01\n',
    '  baseline: runs/nope.json\n  candidate: runs/allow/candidate.json\n',
    '  baseline: runs/clustered/baseline.json\n  candidate: runs/clustered/candidate.json\n  cluster: passage\n  method: cluster_robust\n',
    // Read as `tollgate check` reads it (a finding saying Parquet is not read here), not as `tollgate gate` does.
    `  baseline: runs/allow/baseline.json\n  candidate: ${parquet}\n`,
  ]) {
    const p = plan(spec);
    const inWorker = structuredClone(runAssessJob({ plan: p, opts: {}, texts: {} }));
    assert.deepEqual(inWorker, assessEvalGate(p, readRunFile), spec);
  }
  assert.match(assessEvalGate(plan(`  baseline: runs/allow/baseline.json\n  candidate: ${parquet}\n`), readRunFile).findings[0]?.message ?? '', /Parquet/, 'the Parquet case is the one meant');
  assert.equal(runAssessJob({ plan: plan('  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n'), opts: { skipGate: true }, texts: {} }).report, undefined);
  rmSync(dir, { recursive: true, force: true });
});

test('an unsaved run buffer wins over the file on disk', () => {
  const p = plan('  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n');
  const path = join(ROOT, 'examples', 'runs', 'allow', 'candidate.json');
  const broken = readFileSync(path, 'utf8').replace(/"score":\s*[\d.]+/, '"score": "x"');
  const a = runAssessJob({ plan: p, opts: {}, texts: { [path]: broken } });
  assert.deepEqual(a.findings.map((f) => [f.ruleId, f.anchor]), [['TG-EVAL-002', 'candidate']]);
  assert.match(a.findings[0]?.message ?? '', /^candidate run: .*candidate\.json:\d+:\d+: /);
  assert.equal(a.report, undefined);
});
