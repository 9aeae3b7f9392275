/**
 * Rules about documents as a whole rather than their content: unparsable or
 * templated YAML, objects that look like ours but are not, suppressions.
 * The manifest checker emits these itself (they decide whether the content
 * rules can run at all).
 */
import type { RuleDocs, TierLevels } from '../rule';

export interface DocumentRule extends RuleDocs {
  readonly levels: TierLevels;
  readonly nonProdLevels?: TierLevels;
}

export const DOC_INVALID: DocumentRule = {
  id: 'TG-DOC-001',
  title: 'YAML syntax error',
  description: 'The YAML document does not parse (bad indentation, an unclosed bracket, a duplicate key, an unquoted `{{args.x}}`). Only that document is skipped; the others in the file are still checked.',
  example: 'spec:\n  replicas: [3',
  fix: 'Fix the syntax at the position given; quote template placeholders.',
  levels: ['error', 'error', 'error'],
  nonProdLevels: ['error', 'error', 'error'],
};

export const DOC_NOT_ARGO: DocumentRule = {
  id: 'TG-DOC-002',
  title: 'Rollout from another API group',
  description: '`kind: Rollout` from a group other than argoproj.io (e.g. OpenKruise) is not an Argo Rollout and is not checked with Argo\'s rules.',
  example: 'apiVersion: rollouts.kruise.io/v1beta1\nkind: Rollout',
  fix: 'Nothing to fix; use `apiVersion: argoproj.io/v1alpha1` if an Argo Rollout was meant.',
  levels: ['info', 'info', 'info'],
  nonProdLevels: ['info', 'info', 'info'],
};

export const DOC_TEMPLATED: DocumentRule = {
  id: 'TG-DOC-004',
  title: 'Templated document skipped',
  description: 'The document contains Helm/Go template actions (`{{ .Values.x }}`), so its values are known only after rendering; it is skipped rather than guessed at. Argo\'s own `{{args.x}}` placeholders do not count.',
  example: 'image: "{{ .Values.image }}"',
  fix: 'Check the rendered output: `helm template chart | tollgate check -`.',
  levels: ['info', 'info', 'info'],
  nonProdLevels: ['info', 'info', 'info'],
};

export const DOC_SUPPRESSION: DocumentRule = {
  id: 'TG-DOC-003',
  title: 'Suppression without a reason',
  description: 'A `# tollgate-disable` comment must give a reason after ` -- ` and name known rule ids; suppressions are evidence and are listed in audit envelopes.',
  example: '# tollgate-disable-next-line TG-IMG-003',
  fix: 'Add ` -- <why this is acceptable>` and check the rule id.',
  levels: ['warning', 'warning', 'warning'],
  nonProdLevels: ['warning', 'warning', 'warning'],
};

export const DOCUMENT_RULES: readonly DocumentRule[] = [DOC_INVALID, DOC_NOT_ARGO, DOC_SUPPRESSION, DOC_TEMPLATED];
