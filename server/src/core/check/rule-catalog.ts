/**
 * Every rule id Tollgate can report, with its documentation: manifest rules,
 * document rules, policy, eval-config and run-file rules. The README's rule
 * table, SARIF rule metadata, hovers and completion all come from here.
 */
import { EVAL_RULE_DOCS } from '../evalconfig/eval-gate-rules';
import { DOCUMENT_RULES } from '../manifest/rules/documents';
import { MANIFEST_RULES } from '../manifest/rules/registry';
import type { RuleDocs, TierLevels } from '../manifest/rules/rule';
import { POLICY_RULE_DOCS } from '../policy/policy-rules';
import { RUN_RULES } from './run-file-rules';

/** Where rule documentation lives: the README's rule table, one anchor per id. */
export const RULE_DOCS_BASE = 'https://github.com/tollgate-dev/tollgate/blob/main/README.md';

export interface CatalogEntry extends RuleDocs {
  /** Production levels per tier for configurable rules; fixed-severity rules have none. */
  readonly levels?: TierLevels;
  readonly nonProdLevels?: TierLevels;
  /** Manifest kinds the rule runs on (manifest rules only). */
  readonly kinds?: readonly string[];
}

export function ruleCatalog(): CatalogEntry[] {
  return [...MANIFEST_RULES, ...DOCUMENT_RULES, ...POLICY_RULE_DOCS, ...EVAL_RULE_DOCS, ...Object.values(RUN_RULES)];
}

/** Link to a rule's README entry (GitHub anchors are the lower-cased heading/row id). */
export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}#${id.toLowerCase()}`;
}
