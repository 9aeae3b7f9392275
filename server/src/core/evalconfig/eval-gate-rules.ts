/** Findings about EvalGate files, documented in the README rule table. */
import type { RuleDocs } from '../manifest/rules/rule';

export const EVAL_RULES = {
  schema: { id: 'TG-EVAL-001', title: 'EvalGate schema', description: 'An EvalGate key is unknown, has the wrong type or is out of range (alpha and power in (0, 1), minDelta > 0).', example: 'spec:\n  alpha: 1.5', fix: 'Use a valid key and value.' },
  runFile: { id: 'TG-EVAL-002', title: 'Run file unusable', description: 'A referenced run file does not exist or does not parse; the message carries the run file\'s own `file:line:col` error.', example: 'spec:\n  baseline: runs/missing.json', fix: 'Fix the path or the run file.' },
  cluster: { id: 'TG-EVAL-003', title: 'Cluster field missing', description: '`cluster` is requested but the runs carry no cluster ids (EVALSIG silently ignores it and reports naive, too-narrow intervals).', example: 'spec:\n  cluster: topic', fix: 'Add cluster ids to the runs, or name the right per-item field.' },
  mismatch: { id: 'TG-EVAL-004', title: 'Runs do not match', description: 'Baseline and candidate differ in task or metric, or share no item ids, so the comparison would be meaningless.', example: 'baseline task qa, candidate task summarise', fix: 'Pair runs of the same task and metric.' },
  underpowered: { id: 'TG-EVAL-005', title: 'Underpowered setup', description: 'With these runs the minimum detectable effect exceeds minDelta, so the gate cannot ALLOW even a real improvement of that size; flagged before the gate runs.', example: 'n=50 items, MDE 0.12 > minDelta 0.01', fix: 'Collect the number of items the message gives, or raise minDelta.' },
  verdict: { id: 'TG-EVAL-006', title: 'Gate verdict', description: 'The gate\'s verdict for this pair: info for ALLOW, warning for INCONCLUSIVE, error for REJECT (the code lens shows the details).', example: 'REJECT · Δ −2.1 pp', fix: 'Improve the candidate, or gather more evidence for INCONCLUSIVE.' },
} satisfies Record<string, RuleDocs>;

export const EVAL_RULE_DOCS: readonly RuleDocs[] = Object.values(EVAL_RULES);
