import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkFile } from '../../../server/src/core/check/check-file';
import { DataError } from '../../../server/src/core/errors';
import { assessEvalGate, type AssessEvalGate, type EvalGateAssessment, type LoadRun } from '../../../server/src/core/evalconfig/evaluate-eval-gate';
import { evalGateLens } from '../../../server/src/core/editor/check-lenses';
import { DEFAULT_POLICY } from '../../../server/src/core/policy/default-policy';
import { composePolicy } from '../../../server/src/core/policy/compose-policy';
import { readRun } from '../../../server/src/core/runs/read-run';

const ROOT = join(__dirname, '..', '..', '..');
/** Reads runs from the repository's examples (paths in the EvalGate are relative to examples/x.yaml). */
const loadRun: LoadRun = (path, opts) => {
  let text: string;
  try {
    text = readFileSync(join(ROOT, path), 'utf8');
  } catch {
    throw new DataError('No such file', path);
  }
  return readRun(text, path, opts);
};

const gateFile = (spec: string, meta = '') => `apiVersion: tollgate.dev/v1\nkind: EvalGate\nmetadata:\n  name: qa${meta}\nspec:\n${spec}`;
const run = (text: string, policy = DEFAULT_POLICY) => checkFile('examples/qa.evalgate.yaml', text, { policy, loadRun });
const ids = (r: ReturnType<typeof run>) => r.findings.map((f) => f.ruleId);

test('an ALLOW pair: verdict finding is info and the summary reads like the code lens', () => {
  const r = run(gateFile('  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n  minDelta: 0.01\n'));
  assert.equal(r.kind, 'evalconfig');
  assert.equal(r.gate?.report?.verdict, 'ALLOW');
  assert.match(r.gate?.summary ?? '', /^ALLOW · Δ \+\d+\.\d pp \[[+−]\d+\.\d, [+−∞\d.]+\] · p [\d.e-]+ · MDE \d+\.\d pp · \w+, n=\d+$/);
  assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity]), [['TG-EVAL-006', 'info']]);
});

test('a REJECT pair is an error finding on the kind line', () => {
  const text = gateFile('  baseline: runs/reject/baseline.json\n  candidate: runs/reject/candidate.json\n  minDelta: 0.01\n');
  const r = run(text);
  const f = r.findings.find((x) => x.ruleId === 'TG-EVAL-006');
  assert.equal(f?.severity, 'error');
  assert.equal(text.slice(f.span.start, f.span.end), 'EvalGate');
});

test('missing or invalid run files are reported on the referencing line with the run file position', () => {
  const text = gateFile('  baseline: runs/nope.json\n  candidate: runs/allow/candidate.json\n');
  const r = run(text);
  const f = r.findings.find((x) => x.ruleId === 'TG-EVAL-002');
  assert.equal(text.slice(f!.span.start, f!.span.end), 'runs/nope.json');
  assert.match(f!.message, /baseline run: examples\/runs\/nope\.json: No such file/);
  const bad = checkFile('x/g.yaml', gateFile('  baseline: b.json\n  candidate: c.json\n'), {
    policy: DEFAULT_POLICY,
    loadRun: (p) => readRun(p.endsWith('b.json') ? '{"run_id": "r", "model_id": "m", "task_id": "t", "metric_name": "a", "config_hash": "", "items": [\n {"item_id": "a", "score": "x"}]}' : '{}', p),
  });
  assert.match(bad.findings[0]?.message ?? '', /baseline run: x\/b\.json:2:/);
});

test('schema and ranges: alpha and power in (0, 1), minDelta > 0, unknown keys', () => {
  const text = gateFile('  baseline: a.json\n  candidate: b.json\n  alpha: 1.5\n  power: 0\n  minDelta: 0\n  clutser: topic\n');
  const r = run(text);
  assert.deepEqual(ids(r), ['TG-EVAL-001', 'TG-EVAL-001', 'TG-EVAL-001', 'TG-EVAL-001']);
  assert.ok(r.findings.some((f) => /did you mean 'cluster'/.test(f.message)));
  assert.equal(r.gate, undefined, 'a broken config does not run the gate');
});

test('cluster requested on runs without cluster ids; tier thresholds inherited; underpowered flagged', () => {
  const r = run(gateFile('  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n  cluster: topic\n'));
  assert.ok(ids(r).includes('TG-EVAL-003'), ids(r).join());
  const policy = composePolicy([{ path: 'p.yaml', text: 'apiVersion: tollgate.dev/v1\nkind: ReleasePolicy\nspec:\n  tiers:\n    - {id: 2, gate: {minDelta: 0.0001, alpha: 0.01}}\n' }]).policy;
  const text = gateFile('  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n  tier: 2\n');
  const under = run(text, policy);
  const f = under.findings.find((x) => x.ruleId === 'TG-EVAL-005');
  assert.match(f?.message ?? '', /underpowered: minimum detectable effect [\d.]+ exceeds minDelta 0\.0001 \(from tier\); about [\d,]+ paired items are needed/);
  assert.equal(under.gate?.report?.alpha, 0.01);
});

test('the clustered example: cluster-aware gate runs on runs that carry cluster ids', () => {
  const r = run(gateFile('  baseline: runs/clustered/baseline.json\n  candidate: runs/clustered/candidate.json\n  cluster: passage\n  method: cluster_robust\n  minDelta: 0.01\n'));
  assert.ok(!ids(r).includes('TG-EVAL-003'));
  assert.equal(r.gate?.report?.comparison.method, 'cluster_robust');
  assert.ok((r.gate?.report?.comparison.nClusters ?? 0) > 1);
});

test('assess once, present on any version: run findings follow their anchors when the text above them moves', () => {
  const spec = '  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n  cluster: topic\n';
  const before = run(gateFile(spec));
  const assessed = new Map<string, EvalGateAssessment>();
  // A port that assesses inline but remembers the assessment, the way the server's cache does.
  const port: AssessEvalGate = (plan, opts) => {
    const a = assessEvalGate(plan, loadRun, opts);
    assessed.set('k', a);
    return a;
  };
  const viaPort = checkFile('examples/qa.evalgate.yaml', gateFile(spec), { policy: DEFAULT_POLICY, assessEvalGate: port });
  assert.deepEqual(viaPort, before, 'the port gives exactly what the inline LoadRun gives');
  const a = assessed.get('k');
  assert.ok(a && a.findings.every((f) => !('span' in f)), 'an assessment holds no offsets');
  const moved = `# a comment\n# and another\n${gateFile(spec)}`;
  const later = checkFile('examples/qa.evalgate.yaml', moved, { policy: DEFAULT_POLICY, assessEvalGate: () => a });
  const f = later.findings.find((x) => x.ruleId === 'TG-EVAL-003');
  assert.equal(moved.slice(f!.span.start, f!.span.end), 'topic');
  assert.deepEqual(later.findings.map((x) => [x.ruleId, x.message]), run(moved).findings.map((x) => [x.ruleId, x.message]));
  // The verdict finding is derived from the report on presentation, so it lands on the new `kind:` line too.
  const allow = '  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n  minDelta: 0.01\n';
  let gated: EvalGateAssessment | undefined;
  checkFile('examples/qa.evalgate.yaml', gateFile(allow), { policy: DEFAULT_POLICY, assessEvalGate: (plan, opts) => (gated = assessEvalGate(plan, loadRun, opts)) });
  const shifted = `# moved\n${gateFile(allow)}`;
  const v = checkFile('examples/qa.evalgate.yaml', shifted, { policy: DEFAULT_POLICY, assessEvalGate: () => gated ?? 'pending' });
  assert.deepEqual(v, run(shifted));
  const verdict = v.findings.find((x) => x.ruleId === 'TG-EVAL-006');
  assert.equal(shifted.slice(verdict!.span.start, verdict!.span.end), 'EvalGate');
});

test('pending: no run findings and no verdict, only the plan\'s own; the lens says the gate is being computed', () => {
  const text = gateFile('  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n  alpha: 2\n');
  const pending = checkFile('examples/qa.evalgate.yaml', text, { policy: DEFAULT_POLICY, assessEvalGate: () => 'pending' });
  assert.deepEqual(ids(pending), ['TG-EVAL-001'], 'a schema error blocks the plan: nothing is assessed');
  const ok = gateFile('  baseline: runs/allow/baseline.json\n  candidate: runs/allow/candidate.json\n');
  const r = checkFile('examples/qa.evalgate.yaml', ok, { policy: DEFAULT_POLICY, assessEvalGate: () => 'pending' });
  assert.deepEqual(r.findings, []);
  assert.equal(r.gate?.pending, 'gate');
  assert.deepEqual(evalGateLens(ok, r.gate).map((l) => l.title), ['Tollgate: gating…']);
  const checksOnly = checkFile('examples/qa.evalgate.yaml', ok, { policy: DEFAULT_POLICY, runGate: false, assessEvalGate: () => 'pending' });
  assert.deepEqual(evalGateLens(ok, checksOnly.gate).map((l) => l.title), ['Tollgate: reading the runs…']);
  const failed = checkFile('examples/qa.evalgate.yaml', ok, { policy: DEFAULT_POLICY, assessEvalGate: () => ({ findings: [], failure: 'worker died' }) });
  assert.deepEqual([failed.findings, evalGateLens(ok, failed.gate).map((l) => l.title)], [[], ['gate failed: worker died']]);
});
