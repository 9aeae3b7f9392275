import type { ManifestRule } from '../rule';
import { analysisBeforeFullRule } from './analysis-before-full';
import { duplicateTemplatesRule } from './duplicate-templates';
import { metricRulesRule } from './metric-rules';
import { templateArgsRule } from './template-args';
import { templateNotFoundRule } from './template-not-found';
import { unquotedPlaceholderRule } from './unquoted-placeholder';

/** The analysis rules, in id order. */
export const ANALYSIS_RULES: readonly ManifestRule[] = [
  templateNotFoundRule,
  templateArgsRule,
  duplicateTemplatesRule,
  metricRulesRule,
  analysisBeforeFullRule,
  unquotedPlaceholderRule,
];
