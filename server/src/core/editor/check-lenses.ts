/**
 * Code lenses from check results of Tollgate's own kinds: each policy test
 * (`✓ passes` / `✗ expected TG-IMG-001 to fire; fired: …`) with a summary
 * on the first (`policy tests 3/3 passing`), and the EvalGate preview
 * (`ALLOW · Δ +1.2 pp [+0.4, +2.0] · p 0.003 · MDE 0.8 pp`, or `Tollgate: gating…`
 * while the language server computes it) on `kind:`.
 */
import type { EvalGateResult } from '../evalconfig/evaluate-eval-gate';
import { describeFailure, type PolicyTestResult } from '../policy/run-policy-tests';
import type { EditorLens } from './rollout-summary';

/** Lenses for the tests declared in the policy file at `path`. */
export function policyTestLenses(path: string, results: readonly PolicyTestResult[]): EditorLens[] {
  const mine = results.filter((r) => r.test.origin?.uri === path);
  const passed = mine.filter((r) => r.passed).length;
  return mine.flatMap((r, i) => {
    const o = r.test.origin;
    if (!o) return [];
    const span = { start: o.start, end: o.end };
    const own: EditorLens = { span, title: r.passed ? `✓ ${r.test.name}` : `✗ ${describeFailure(r)}` };
    return i === 0 ? [{ span, title: `policy tests ${passed}/${mine.length} passing` }, own] : [own];
  });
}

/** The gate preview of an EvalGate file, on its `kind:` line. */
export function evalGateLens(text: string, gate: EvalGateResult | undefined): EditorLens[] {
  const m = /^kind:[ \t]*EvalGate\b/m.exec(text);
  if (!m) return [];
  const span = { start: m.index, end: m.index + m[0].length };
  // While the language server assesses elsewhere: say so rather than show nothing or an old verdict.
  if (gate?.pending) return [{ span, title: gate.pending === 'gate' ? 'Tollgate: gating…' : 'Tollgate: reading the runs…' }];
  if (gate?.failure !== undefined) return [{ span, title: `gate failed: ${gate.failure}` }];
  if (gate?.summary) return [{ span, title: gate.summary }];
  const blocking = gate?.findings.find((f) => f.severity === 'error');
  return [{ span, title: blocking ? `gate not run: ${blocking.message}` : 'gate not run (fix the problems above first)' }];
}
