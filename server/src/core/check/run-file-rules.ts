/** Findings about run files (RunFrame JSON, lm-eval JSONL, Inspect, HELM). */
import type { RuleDocs } from '../manifest/rules/rule';

export const RUN_RULES = {
  invalid: { id: 'TG-RUN-001', title: 'Run file invalid', description: 'The run file does not parse or breaks the RunFrame schema (EVALSIG\'s validation, same messages), reported at the offending position.', example: '{"run_id": "r1", "items": [{"item_id": "a", "score": NaN}]}', fix: 'Fix the item the message points at.' },
} satisfies Record<string, RuleDocs>;
